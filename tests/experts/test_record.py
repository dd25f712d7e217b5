"""The expert's own record: a signed, expiring link (no account) to confirm consent, set the
availability and withdraw; withdrawal hides the record at once, its personal data is erased
after the retention period, and records not confirmed for four years are purged with their
counts kept."""

import datetime
import time
from unittest import mock

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import mail, signing
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from reversion.models import Version

from core.history import note_text
from experts import services
from experts.models import Expert, ExpertLanguage, Nomination
from experts.tokens import record_token
from tests.experts.factories import make_expert, make_nomination, pdf_upload

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.date(2020, 1, 1)


@pytest.fixture
def expert(azerbaijan):
    """A listed expert of Azerbaijan with a CV, last confirmed long ago."""
    expert = make_expert(
        administration=azerbaijan,
        given_names_en="Aygun",
        family_name_en="Huseynova",
        given_names_ru="Айгюн",
        family_name_ru="Гусейнова",
        position_en="Risk analyst",
        experience_en="Twelve missions on risk profiling.",
        phone="+994 12 404 00 00",
        email="aygun@customs.az",
        confirmed_on=LONG_AGO,
        consent_given_on=LONG_AGO,
        languages=[("en", 3), ("ru", 4)],
    )
    expert.cv.save("cv.pdf", pdf_upload(), save=False)
    expert.save()
    return expert


def record_url(expert, language="en") -> str:
    with translation.override(language):
        return reverse("experts:record", args=[record_token(expert)])


def confirm(client, url, **data):
    return client.post(
        url, {"action": "confirm", "availability": "limited", "language": "en"} | data
    )


def withdraw(client, url):
    return client.post(url, {"action": "withdraw", "confirm": "on"})


# The link --------------------------------------------------------------------------------


def test_a_valid_link_opens_the_record_without_an_account(client, expert):
    url = record_url(expert)
    assert url.startswith("/en/experts/record/")
    # A signed id: nothing of the person is in the address.
    for personal in ("aygun", "Huseynova", "customs.az"):
        assert personal.lower() not in url.lower()
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Aygun Huseynova" in html and "Risk analyst" in html
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "noindex" in response["X-Robots-Tag"]


def test_an_expired_link_is_refused_and_saves_nothing(client, expert, settings):
    settings.EXPERT_RECORD_LINK_DAYS = 30
    made = time.time() - 31 * 86400
    with mock.patch("django.core.signing.time.time", return_value=made):
        url = record_url(expert)
    response = client.get(url)
    assert response.status_code == 410
    assert "works for 30 days after it is sent" in response.content.decode()
    assert confirm(client, url, consent="on").status_code == 410
    expert.refresh_from_db()
    assert (expert.confirmed_on, expert.availability) == (LONG_AGO, "available")


def test_a_link_within_its_days_works(client, expert, settings):
    settings.EXPERT_RECORD_LINK_DAYS = 30
    made = time.time() - 29 * 86400
    with mock.patch("django.core.signing.time.time", return_value=made):
        url = record_url(expert)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        # Signed by the portal, but not under the record link's salt.
        lambda token: signing.dumps(signing.loads(token, salt="experts.tokens.record")),
        lambda token: "no-such-token",
    ],
    ids=["signature", "other-salt", "garbage"],
)
def test_a_tampered_link_is_refused_and_saves_nothing(client, expert, tamper):
    url = reverse("experts:record", args=[tamper(record_token(expert))])
    response = client.get(url)
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    assert "Huseynova" not in response.content.decode()
    assert withdraw(client, url).status_code == 404
    expert.refresh_from_db()
    assert expert.is_listed


def test_a_link_to_another_record_cannot_be_made_by_changing_the_id(client, expert, azerbaijan):
    other = make_expert(administration=azerbaijan)
    token = record_token(expert)
    payload, _, rest = token.partition(":")
    forged = signing.b64_encode(f"[{other.pk},0]".encode()).decode() + ":" + rest
    assert client.get(reverse("experts:record", args=[forged])).status_code == 404


def test_the_link_stops_working_once_the_expert_withdraws(client, expert):
    url = record_url(expert)
    assert withdraw(client, url)["Location"] == reverse("experts:record_withdrawn")
    for response in (client.get(url), confirm(client, url, consent="on")):
        assert response.status_code == 404
    expert.refresh_from_db()
    assert expert.withdrawn_at is not None and expert.confirmed_on == LONG_AGO
    # No new link either: the office cannot send one to a withdrawn record.
    with pytest.raises(Exception, match="withdrawn"):
        services.record_link_send(expert=expert, reason="sent")


# Consent and availability ----------------------------------------------------------------


def test_the_expert_confirms_consent_and_the_record(client, expert):
    url = record_url(expert)
    response = confirm(client, url, consent="on", availability="available")
    assert response.status_code == 302 and response["Location"] == url
    expert.refresh_from_db()
    today = timezone.localdate()
    assert (expert.consent_given_on, expert.confirmed_on) == (today, today)
    assert not expert.is_stale()
    assert "your record is confirmed" in client.get(url).content.decode()
    assert note_text(Version.objects.get_for_object(expert).first().revision.comment) == (
        "Consent and availability confirmed by the expert"
    )


def test_without_consent_nothing_is_saved_and_the_page_says_why(client, expert):
    url = record_url(expert, "ru")
    response = confirm(client, url, availability="unavailable")
    assert response.status_code == 200
    assert "Обязательное поле" in response.content.decode()
    expert.refresh_from_db()
    assert (expert.confirmed_on, expert.availability) == (LONG_AGO, "available")


def test_the_expert_changes_availability_and_mail_language(client, expert):
    confirm(client, record_url(expert), consent="on", availability="unavailable", language="ru")
    expert.refresh_from_db()
    assert (expert.availability, expert.language) == ("unavailable", "ru")
    html = client.get(record_url(expert, "ru")).content.decode()
    assert "сейчас недоступен" in html.lower()


def test_a_withdrawal_needs_its_box_ticked(client, expert):
    response = client.post(record_url(expert), {"action": "withdraw"})
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    expert.refresh_from_db()
    assert expert.is_listed


# Withdrawal hides the record at once -------------------------------------------------------


def test_withdrawal_hides_the_expert_at_once_everywhere(
    client, expert, member, focal_point, staff_client
):
    members = Client()
    members.force_login(member)
    detail = reverse("experts:detail", args=[expert.pk])
    # Rendered once before: the search rows and the record's fragment are cached.
    assert "Huseynova" in members.get(reverse("experts:list")).content.decode()
    assert "Twelve missions" in members.get(detail).content.decode()
    withdraw(client, record_url(expert))

    assert "Huseynova" not in members.get(reverse("experts:list")).content.decode()
    searched = members.get(reverse("experts:list"), {"q": "Huseynova"})
    assert list(searched.context["experts"]) == []
    assert members.get(detail).status_code == 404
    assert members.get(reverse("experts:cv", args=[expert.pk])).status_code == 404
    export = staff_client.get(reverse("experts:export_csv")).content.decode("utf-8-sig")
    assert "Huseynova" not in export and "aygun@customs.az" not in export
    focal = Client()
    focal.force_login(focal_point)
    assert "Huseynova" not in focal.get(reverse("experts:stale")).content.decode()
    assert focal.get(reverse("experts:update", args=[expert.pk])).status_code == 404
    # Staff still see it in the admin, marked withdrawn.
    listing = staff_client.get("/admin/experts/expert/", {"record": "withdrawn"})
    assert [e.pk for e in listing.context["cl"].result_list] == [expert.pk]


def test_the_monthly_reminder_leaves_withdrawn_experts_alone(
    client, expert, focal_point, django_capture_on_commit_callbacks
):
    withdraw(client, record_url(expert))
    with django_capture_on_commit_callbacks(execute=True):
        assert services.record_links_remind() == 0
        assert services.stale_reminders_send() == (0, [])
    assert mail.outbox == []


# Erasure after the retention period ----------------------------------------------------------


def test_personal_data_is_erased_after_the_retention_period_only(
    client, expert, focal_point, settings, staff, django_capture_on_commit_callbacks
):
    settings.EXPERT_WITHDRAWN_RETENTION_DAYS = 30
    nomination = make_nomination(nominated_by=focal_point, email=expert.email)
    services.nomination_reject(nomination=nomination, reviewer=staff, reason="Duplicate")
    LogEntry.objects.log_actions(
        user_id=staff.pk, queryset=[expert], action_flag=CHANGE, change_message="Edited"
    )
    storage = Expert._meta.get_field("cv").storage
    files = [expert.cv.name, nomination.cv.name]
    assert all(storage.exists(name) for name in files)
    withdraw(client, record_url(expert))
    areas = list(expert.areas.values_list("slug", flat=True))

    today = timezone.localdate()
    assert services.experts_purge(today=today + datetime.timedelta(days=29)) == {
        "withdrawn_erased": 0,
        "unconfirmed_purged": 0,
    }
    with django_capture_on_commit_callbacks(execute=True):
        counts = services.experts_purge(today=today + datetime.timedelta(days=31))
    assert counts == {"withdrawn_erased": 1, "unconfirmed_purged": 0}

    row = Expert.objects.rewrite(False).values().get(pk=expert.pk)
    # What goes: the person.
    for column in (
        "given_names",
        "given_names_en",
        "given_names_ru",
        "family_name",
        "family_name_en",
        "family_name_ru",
        "position_en",
        "experience",
        "experience_en",
        "email",
        "phone",
        "cv",
        "cv_name",
    ):
        assert row[column] == "", column
    assert row["search_vector"] is None
    assert not ExpertLanguage.objects.filter(expert_id=expert.pk).exists()
    assert not any(storage.exists(name) for name in files)
    assert not Version.objects.get_for_object_reference(Expert, expert.pk).exists()
    expert_type = ContentType.objects.get_for_model(Expert)
    assert set(
        LogEntry.objects.filter(content_type=expert_type).values_list("object_repr", flat=True)
    ) == {"(erased)"}
    nomination = Nomination.objects.rewrite(False).values().get(pk=nomination.pk)
    assert (nomination["family_name_en"], nomination["email"], nomination["cv"]) == ("", "", "")
    # What stays: the row, for the office's counts.
    erased = Expert.objects.get(pk=expert.pk)
    assert erased.administration.code == "AZ" and erased.erased_on is not None
    assert list(erased.areas.values_list("slug", flat=True)) == areas
    assert str(erased) == f"Erased record no. {expert.pk}"
    # Nobody edits the person back in.
    assert staff_client_get(staff, f"/admin/experts/expert/{expert.pk}/change/") == 200
    assert not Expert.objects.listed().filter(pk=expert.pk).exists()


def staff_client_get(staff, path) -> int:
    client = Client()
    client.force_login(staff)
    response = client.get(path)
    assert b'name="_save"' not in response.content  # read-only: no save button
    return response.status_code


def test_a_new_nomination_lists_a_withdrawn_expert_again(client, expert, focal_point, staff):
    old_link = record_url(expert)
    withdraw(client, old_link)
    nomination = make_nomination(nominated_by=focal_point, email=expert.email)
    services.nomination_approve(nomination=nomination, reviewer=staff)
    expert.refresh_from_db()
    assert expert.is_listed
    assert client.get(record_url(expert)).status_code == 200
    # The links sent before the withdrawal stay dead.
    assert client.get(old_link).status_code == 404


# Records not confirmed for four years --------------------------------------------------------


def test_records_not_confirmed_for_four_years_are_purged_with_their_counts_kept(
    azerbaijan, georgia, capsys
):
    today = timezone.localdate()
    four_years_ago = today.replace(year=today.year - 4)
    purged = make_expert(
        administration=azerbaijan, confirmed_on=four_years_ago - datetime.timedelta(days=1)
    )
    kept = make_expert(administration=azerbaijan, confirmed_on=four_years_ago)
    make_expert(administration=georgia, areas=("integrity",))

    def counts():
        return sorted(Expert.objects.values_list("administration__code", "areas__slug").order_by())

    before = counts()
    call_command("purge_expert_records")
    assert "Records not confirmed for four years purged: 1." in capsys.readouterr().out
    purged.refresh_from_db()
    kept.refresh_from_db()
    assert purged.erased_on == today and purged.email == "" and purged.family_name_en == ""
    assert kept.erased_on is None and kept.is_listed
    assert counts() == before  # the people go, the counts stay
    assert Expert.objects.filter(erased_on__isnull=False).count() == 1
    call_command("purge_expert_records")  # again: nothing more
    assert "purged: 0." in capsys.readouterr().out


# The link by mail ------------------------------------------------------------------------------


def test_approval_mails_the_link_in_the_language_of_the_nomination(
    client, focal_point, staff, django_capture_on_commit_callbacks
):
    with translation.override("ru"):
        nomination = make_nomination(nominated_by=focal_point, email="nigar@customs.az")
    assert nomination.language == "ru"
    with django_capture_on_commit_callbacks(execute=True):
        expert = services.nomination_approve(nomination=nomination, reviewer=staff)
    (message,) = [message for message in mail.outbox if message.to == ["nigar@customs.az"]]
    assert message.subject == "Ваша запись в Региональной базе данных экспертов"
    link = next(line for line in message.body.split() if "/experts/record/" in line)
    assert link.startswith("https://portal.test/ru/experts/record/")
    assert client.get(link.removeprefix("https://portal.test")).status_code == 200
    assert expert.language == "ru"


def test_staff_send_the_link_from_the_admin_to_listed_experts_only(
    staff_client, expert, azerbaijan, django_capture_on_commit_callbacks
):
    gone = make_expert(administration=azerbaijan, email="gone@customs.az")
    services.expert_withdraw(expert=gone)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            "/admin/experts/expert/",
            {"action": "send_record_link", "_selected_action": [expert.pk, gone.pk]},
            follow=True,
        )
    assert [message.to for message in mail.outbox] == [[expert.email]]
    assert "/en/experts/record/" in mail.outbox[0].body
    html = response.content.decode()
    assert "1 expert was sent the link" in html and "1 withdrawn or erased record" in html


def test_the_record_page_runs_a_fixed_number_of_queries(
    client, azerbaijan, django_assert_max_num_queries
):
    many = make_expert(
        administration=azerbaijan,
        areas=("risk-management", "integrity", "aeo", "origin", "valuation"),
        languages=[("en", 3), ("ru", 4), ("az", 4), ("tr", 2), ("fr", 1)],
    )
    url = record_url(many, "ru")
    with django_assert_max_num_queries(4):  # the record, its areas, its languages
        response = client.get(url)
    assert response.status_code == 200
