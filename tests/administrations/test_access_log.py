"""The personal-data access log: each reading of personal data (a CV, an expert's record, an
export) writes one entry naming the user, their administration, the kind and the records' ids;
a refused or failed request writes none; the nightly purge keeps only the retention period; the
recording costs one query and no more."""

import datetime

import pytest
from django.contrib.admin import site as admin_site
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from import_export.admin import ExportMixin

from administrations import services
from administrations.admin import RecordedExportMixin
from administrations.models import AccessLogEntry
from contacts.models import ContactPoint
from core.tasks import purge_expired_records
from experts.models import Expert, Nomination
from tests.contacts.builders import make_contact
from tests.experts.factories import make_expert, make_nomination, pdf_upload
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Kind = AccessLogEntry.Kind
# The admin's export form: CSV, the contact points' columns of names and e-mail addresses.
ADMIN_EXPORT = {"format": "0", "resource": "0"} | {
    f"contactpointresource_{name}": "on" for name in ("id", "name_en", "email")
}


@pytest.fixture
def expert(azerbaijan):
    expert = make_expert(administration=azerbaijan)
    expert.cv.save("cv.pdf", pdf_upload(), save=True)
    return expert


def staff_holding(*codenames: str):
    user = make_user(email=f"clerk-{'-'.join(codenames)}@rocb.test", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


def logged() -> list[tuple]:
    """Every entry as (user, administration, kind, model, ids)."""
    return [
        (e.user, e.administration, e.kind, e.content_type.model_class(), e.object_ids)
        for e in AccessLogEntry.objects.order_by("pk").select_related("content_type")
    ]


def read(response) -> bytes:
    """The body; a file's is read to its end, which closes it as a WSGI server would."""
    return b"".join(response.streaming_content) if response.streaming else response.content


# Each kind of access writes one entry -----------------------------------------------------------


def test_a_members_cv_download_is_logged(client, member, azerbaijan, expert):
    client.force_login(member)
    response = client.get(f"/en/members/experts/{expert.pk}/cv/")
    assert read(response).startswith(b"%PDF")
    assert logged() == [(member, azerbaijan, Kind.EXPERT_CV, Expert, [expert.pk])]
    entry = AccessLogEntry.objects.get()
    assert abs(entry.accessed_at - timezone.now()) < datetime.timedelta(minutes=1)


def test_a_members_view_of_an_experts_record_is_logged(client, member, azerbaijan, expert):
    client.force_login(member)
    assert client.get(f"/ru/members/experts/{expert.pk}/").status_code == 200
    assert logged() == [(member, azerbaijan, Kind.EXPERT_RECORD, Expert, [expert.pk])]


def test_a_nominees_cv_is_logged_for_its_focal_point_and_for_staff(client, focal_point, azerbaijan):
    nomination = make_nomination(nominated_by=focal_point)
    reviewer = staff_holding("view_nomination")
    for user in (focal_point, reviewer):
        client.force_login(user)
        response = client.get(f"/en/members/experts/nominations/{nomination.pk}/cv/")
        assert read(response).startswith(b"%PDF")
    assert logged() == [
        (focal_point, azerbaijan, Kind.NOMINATION_CV, Nomination, [nomination.pk]),
        (reviewer, None, Kind.NOMINATION_CV, Nomination, [nomination.pk]),
    ]


def test_the_staff_experts_export_names_every_exported_expert(client, azerbaijan):
    experts = [make_expert(administration=azerbaijan) for _ in range(3)]
    clerk = staff_holding("view_expert")
    client.force_login(clerk)
    response = client.get("/en/members/experts/export.csv")
    assert response.status_code == 200 and response.content.count(b"\n") == 4
    ((user, administration, kind, model, ids),) = logged()
    assert (user, administration, kind, model) == (clerk, None, Kind.EXPERT_EXPORT, Expert)
    assert sorted(ids) == sorted(expert.pk for expert in experts)


@pytest.mark.parametrize("file_format", ["csv", "xlsx", "vcf"])
def test_a_members_contacts_export_names_the_exported_contact_points(
    client, member, azerbaijan, georgia, file_format
):
    ours = make_contact(azerbaijan)
    make_contact(georgia)
    client.force_login(member)
    response = client.get(f"/en/members/contacts/export.{file_format}", {"country": "AZ"})
    assert response.status_code == 200
    assert logged() == [(member, azerbaijan, Kind.CONTACT_EXPORT, ContactPoint, [ours.pk])]


def test_an_export_selecting_nobody_logs_nothing(client, member, azerbaijan):
    make_contact(azerbaijan)
    client.force_login(member)
    response = client.get("/en/members/contacts/export.csv", {"country": "GE"})
    assert response.status_code == 200
    assert logged() == []


def test_the_admins_contact_points_export_is_logged(client, azerbaijan):
    contacts = [make_contact(azerbaijan) for _ in range(2)]
    clerk = staff_holding("view_contactpoint")
    client.force_login(clerk)
    response = client.post("/admin/contacts/contactpoint/export/", ADMIN_EXPORT)
    assert response["Content-Disposition"].startswith("attachment")
    ((user, _administration, kind, model, ids),) = logged()
    assert (user, kind, model) == (clerk, Kind.ADMIN_EXPORT, ContactPoint)
    assert sorted(ids) == sorted(contact.pk for contact in contacts)


# Admin exports that hold nobody's personal data; every other one must be logged.
NOT_PERSONAL = {
    "contacts.trainingcentre",
    "library.category",
    "library.document",
    "outreach.event",
    "outreach.newsitem",
    "outreach.tool",
}


def test_every_admin_export_of_personal_data_is_logged():
    exports = {
        model._meta.label_lower: model_admin
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, ExportMixin)
    }
    logged_exports = {
        label
        for label, model_admin in exports.items()
        if isinstance(model_admin, RecordedExportMixin)
    }
    assert "contacts.contactpoint" in logged_exports
    assert sorted(set(exports) - logged_exports - NOT_PERSONAL) == []


# A refused or failed request logs nothing ---------------------------------------------------


def test_refused_and_failed_requests_log_nothing(client, outsider, other_focal_point, expert):
    nomination = make_nomination(
        nominated_by=make_user(
            email="fp@customs.az", administration=expert.administration, is_focal_point=True
        )
    )
    without_cv = make_expert(administration=expert.administration)
    cv, record = f"/en/members/experts/{expert.pk}/cv/", f"/en/members/experts/{expert.pk}/"
    nominee_cv = f"/en/members/experts/nominations/{nomination.pk}/cv/"
    assert client.get(cv).status_code == 302  # anonymous: to the login page
    client.force_login(outsider)
    assert [client.get(url).status_code for url in (cv, record)] == [403, 403]
    client.force_login(other_focal_point)
    assert client.get(nominee_cv).status_code == 404  # another administration's nominee
    assert client.get(f"/en/members/experts/{without_cv.pk}/cv/").status_code == 404
    assert client.get("/en/members/experts/999999/").status_code == 404
    assert client.get("/en/members/experts/export.csv").status_code == 403
    client.force_login(staff_holding("view_expertisearea"))
    assert client.get(nominee_cv).status_code == 403  # staff without view_nomination
    assert client.get("/en/members/experts/export.csv").status_code == 403
    assert AccessLogEntry.objects.count() == 0


# One query more, no other ---------------------------------------------------------------------


def queries(client, method: str, url: str, **data) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = getattr(client, method)(url, data)
        read(response)
    assert response.status_code == 200, url
    return len(captured)


def test_each_recorded_page_makes_one_query_more(
    client, member, focal_point, azerbaijan, expert, monkeypatch
):
    for _ in range(3):
        make_contact(azerbaijan)
    nomination = make_nomination(nominated_by=focal_point)
    clerk = staff_holding("view_expert", "view_contactpoint")
    pages = [
        (focal_point, "get", f"/en/members/experts/nominations/{nomination.pk}/cv/", {}),
        (member, "get", f"/en/members/experts/{expert.pk}/", {}),
        (member, "get", f"/en/members/experts/{expert.pk}/cv/", {}),
        (member, "get", "/en/members/contacts/export.xlsx", {}),
        (clerk, "get", "/en/members/experts/export.csv", {}),
        (clerk, "post", "/admin/contacts/contactpoint/export/", ADMIN_EXPORT),
    ]
    ContentType.objects.clear_cache()  # a host's first request: the cache is not needed
    recorded = []
    for user, method, url, data in pages:
        client.force_login(user)
        queries(client, method, url, **data)  # the session and user are read once warm
        recorded.append(queries(client, method, url, **data))
    with monkeypatch.context() as patched:
        patched.setattr(services, "_access_insert", lambda **kwargs: None)
        bare = []
        for user, method, url, data in pages:
            client.force_login(user)
            queries(client, method, url, **data)
            bare.append(queries(client, method, url, **data))
    assert [r - b for r, b in zip(recorded, bare, strict=True)] == [1] * len(pages)
    assert AccessLogEntry.objects.count() == 2 * len(pages)


# The nightly purge ---------------------------------------------------------------------------


def test_the_nightly_purge_removes_entries_past_the_retention_period_only(settings, member, expert):
    settings.ACCESS_LOG_RETENTION_DAYS = 30
    now = timezone.now()
    for age in (31, 29, 0):
        services.record_access(user=member, kind=Kind.EXPERT_CV, obj=expert)
        AccessLogEntry.objects.filter(pk=AccessLogEntry.objects.latest("pk").pk).update(
            accessed_at=now - datetime.timedelta(days=age, hours=1)
        )
    result = purge_expired_records.enqueue()
    assert result.return_value["access_log"] == 1
    ages = sorted(
        (now - at).days for at in AccessLogEntry.objects.values_list("accessed_at", flat=True)
    )
    assert ages == [0, 29]


# The log in the admin -------------------------------------------------------------------------

LOG = "/admin/administrations/accesslogentry/"


@pytest.fixture
def auditor(client):
    """Office staff holding the access log's permission only."""
    user = staff_holding("view_accesslogentry")
    client.force_login(user)
    return user


def listed(client, **params) -> list[int]:
    response = client.get(LOG, params)
    assert response.status_code == 200
    return sorted(entry.pk for entry in response.context["cl"].result_list)


def test_staff_filter_the_log_by_user_administration_kind_and_date(
    client, auditor, member, other_focal_point, georgia, expert
):
    mine = services.record_access(user=member, kind=Kind.EXPERT_CV, obj=expert)
    theirs = services.record_access(user=other_focal_point, kind=Kind.EXPERT_RECORD, obj=expert)
    old, recent = AccessLogEntry.objects.order_by("pk")
    AccessLogEntry.objects.filter(pk=old.pk).update(
        accessed_at=timezone.now() - datetime.timedelta(days=40)
    )
    assert mine is None and theirs is None  # nothing to hand back: the INSERT returns nothing
    assert listed(client, user__id__exact=member.pk) == [old.pk]
    assert listed(client, administration__id__exact=georgia.pk) == [recent.pk]
    assert listed(client, kind="expert_record") == [recent.pk]
    since = (timezone.now() - datetime.timedelta(days=7)).isoformat()
    assert listed(client, accessed_at__gte=since) == [recent.pk]  # "Past 7 days"
    today = timezone.localdate()
    this_day = {"accessed_at__year": today.year, "accessed_at__month": today.month}
    assert listed(client, **this_day, accessed_at__day=today.day) == [recent.pk]
    assert listed(client, q=member.email) == [old.pk]
    assert listed(client, q=f"#{expert.pk}") == [old.pk, recent.pk]  # who read this record
    page = client.get(LOG).content.decode()
    assert f"#{expert.pk}" in page
    assert expert.email not in page and expert.family_name not in page  # ids, never the data
    russian = client.get(LOG, headers={"accept-language": "ru"}).content.decode()
    assert "Журнал доступа к персональным данным" in russian
    assert "скачано резюме эксперта" in russian and "просмотрена запись эксперта" in russian


def test_the_log_lists_an_export_by_its_first_ids_and_count(client, auditor, member, azerbaijan):
    contacts = [make_contact(azerbaijan) for _ in range(12)]
    rows = services.record_export(contacts, user=member, kind=Kind.CONTACT_EXPORT)
    assert list(rows) == contacts  # handed on unchanged
    page = client.get(LOG).content.decode()
    assert f"#{contacts[9].pk} and 2 more" in page and f"#{contacts[10].pk}" not in page


def test_the_log_runs_a_fixed_number_of_queries(
    client, auditor, member, expert, django_assert_max_num_queries
):
    for _ in range(150):
        services.record_access(user=member, kind=Kind.EXPERT_RECORD, obj=expert)
    # Session and user, permissions; the count, the page of entries with users, administrations
    # and types; the filters' choices of users, administrations and types; the dates.
    with django_assert_max_num_queries(12):
        response = client.get(LOG)
    assert response.status_code == 200
    assert len(response.context["cl"].result_list) == 100
