"""The office's workflow: the allowed steps (one service, database constraints behind it), mail
to the focal points in their language, the edit history, duplicates, and two staff at once."""

import re

import pytest
import reversion
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.utils import timezone
from reversion.models import Version

from core.history import note_text
from needs import services
from needs.models import TRANSITIONS, NeedsRequest, Status
from tests.factories import make_user
from tests.needs.factories import advance, make_need
from workplan.models import Activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def need(focal_point):
    return make_need(submitted_by=focal_point, title_en="Post-clearance audit")


def test_a_request_goes_from_submitted_to_delivered(need, staff):
    activity = Activity.objects.order_by("pk").first()
    services.need_transition(need=need, status="analysis", by=staff)
    services.need_transition(
        need=need,
        status="forwarded",
        by=staff,
        forwarded_on=timezone.localdate(),
        proposal_ru="Региональный семинар.",
    )
    services.need_transition(need=need, status="planned", by=staff, activity=activity)
    services.need_transition(need=need, status="delivered", by=staff)
    need.refresh_from_db()
    assert need.status == "delivered"
    assert need.activity == activity and need.proposal_ru == "Региональный семинар."


@pytest.mark.parametrize(
    ("current", "status"),
    [
        (current, status)
        for current in Status.values
        for status in Status.values
        if status not in TRANSITIONS[current]
    ],
)
def test_a_step_the_workflow_does_not_allow_is_refused(focal_point, staff, current, status):
    need = make_need(submitted_by=focal_point)
    if current != "submitted":
        need = advance(need, current, by=staff)
    with pytest.raises(ValidationError):
        services.need_transition(
            need=need,
            status=status,
            by=staff,
            forwarded_on=timezone.localdate(),
            proposal_en="x",
            activity=Activity.objects.first(),
            decline_reason_en="x",
        )
    need.refresh_from_db()
    assert need.status == current


@pytest.mark.parametrize(
    ("status", "missing"),
    [
        ("forwarded", "forwarded_on"),
        ("forwarded", "proposal_en"),
        ("declined", "decline_reason_en"),
    ],
)
def test_a_step_without_what_it_needs_is_refused(need, staff, status, missing):
    services.need_transition(need=need, status="analysis", by=staff)
    given = {"forwarded_on": timezone.localdate(), "proposal_en": "x", "decline_reason_en": "x"}
    given[missing] = None if missing == "forwarded_on" else ""
    with pytest.raises(ValidationError) as error:
        services.need_transition(need=need, status=status, by=staff, **given)
    assert missing in error.value.message_dict


def test_planning_needs_an_activity(need, staff):
    advance(need, "forwarded", by=staff)
    with pytest.raises(ValidationError, match="work-plan activity"):
        services.need_transition(need=need, status="planned", by=staff)


def test_only_staff_move_a_request(need, focal_point):
    with pytest.raises(PermissionDenied):
        services.need_transition(need=need, status="analysis", by=focal_point)


@pytest.mark.parametrize(
    "update",
    [
        {"status": "forwarded"},  # no date, no proposal
        {"status": "planned", "forwarded_on": "2026-01-01", "proposal_en": "x"},  # no activity
        {"status": "declined"},  # no reason
        {"status": "lost"},
        {"officers": 0},
    ],
)
def test_the_database_refuses_a_status_without_what_it_needs(need, update):
    with pytest.raises(IntegrityError), transaction.atomic():
        NeedsRequest.objects.filter(pk=need.pk).update(**update)


def test_the_database_refuses_a_request_duplicating_itself(need):
    with pytest.raises(IntegrityError), transaction.atomic():
        NeedsRequest.objects.filter(pk=need.pk).update(duplicate_of=need.pk)


def test_each_step_mails_every_focal_point_in_their_language(
    need, staff, azerbaijan, django_capture_on_commit_callbacks
):
    make_user(
        email="second@customs.az", administration=azerbaijan, is_focal_point=True, language="ru"
    )
    make_user(email="member2@customs.az", administration=azerbaijan)  # not a focal point
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.need_transition(need=need, status="analysis", by=staff)
        services.need_transition(
            need=need, status="declined", by=staff, decline_reason_ru="Вне мандата бюро."
        )
    assert [message.to for message in mail.outbox] == [
        ["focal@customs.az"],
        ["second@customs.az"],
    ] * 2
    english, russian = mail.outbox[2], mail.outbox[3]
    assert english.subject == f"Your capacity-building request no. {need.pk}: Declined"
    assert f"https://portal.test/en/members/needs/{need.pk}/" in english.body
    assert russian.subject.startswith(f"Ваш запрос на наращивание потенциала № {need.pk}")
    assert "Вне мандата бюро." in russian.body
    assert f"https://portal.test/ru/members/needs/{need.pk}/" in russian.body


def test_mail_goes_out_only_once_the_change_is_committed(
    need, staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.need_transition(need=need, status="analysis", by=staff)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["focal@customs.az"]]


def test_every_step_is_in_the_history_with_its_author(need, staff):
    advance(need, "planned", by=staff)
    versions = Version.objects.get_for_object(need).order_by("pk")
    comments = [note_text(version.revision.get_comment()) for version in versions]
    assert comments == [
        "Submitted by the focal point",
        "Status: Under analysis",
        "Status: Forwarded to the WCO Secretariat",
        "Status: Planned",
    ]
    assert versions.last().revision.user == staff


def test_a_revert_restores_the_russian_text(need, staff):
    with reversion.create_revision():
        need.title_ru = "Аудит после выпуска"
        need.save()
    with reversion.create_revision():
        need.title_ru = "Изменено"
        need.save()
    Version.objects.get_for_object(need).order_by("-pk")[1].revision.revert()
    need.refresh_from_db()
    assert need.title_ru == "Аудит после выпуска" and need.title_en == "Post-clearance audit"


def test_merging_follows_the_chain_and_refuses_a_request_into_itself(focal_point, staff):
    first, second, third = (make_need(submitted_by=focal_point) for _ in range(3))
    services.need_merge(duplicate=second, into=first, by=staff)
    services.need_merge(duplicate=third, into=second, by=staff)
    third.refresh_from_db()
    assert third.duplicate_of == first
    with pytest.raises(ValidationError):
        services.need_merge(duplicate=first, into=third, by=staff)
    assert set(NeedsRequest.objects.listed()) == {first}


# On the request's page -----------------------------------------------------------------------


def step_form(client, need) -> dict:
    html = client.get(need.get_absolute_url()).content.decode()
    fingerprint = re.search(r'name="edit_fingerprint" value="([0-9a-f]+)"', html).group(1)
    return {"transition": "1", "edit_fingerprint": fingerprint}


def test_staff_take_a_step_on_the_page(staff_client, need, django_capture_on_commit_callbacks):
    form = step_form(staff_client, need)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(need.get_absolute_url(), {**form, "to_status": "analysis"})
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == "analysis"
    assert mail.outbox[-1].to == ["focal@customs.az"]


def test_a_step_missing_what_it_needs_is_explained_on_the_page(staff_client, need, staff):
    services.need_transition(need=need, status="analysis", by=staff)
    form = step_form(staff_client, need)
    html = staff_client.post(
        need.get_absolute_url(), {**form, "to_status": "forwarded"}
    ).content.decode()
    assert "Give the date the request went to the WCO Secretariat." in html
    assert "Give the office&#x27;s proposal, in English or in Russian." in html
    need.refresh_from_db()
    assert need.status == "analysis"


def test_members_cannot_take_a_step(client, need, focal_point, member):
    for user in (focal_point, member):
        client.force_login(user)
        html = client.get(need.get_absolute_url()).content.decode()
        assert "edit_fingerprint" not in html
        response = client.post(
            need.get_absolute_url(), {"transition": "1", "to_status": "analysis"}
        )
        assert response.status_code == 403
    need.refresh_from_db()
    assert need.status == "submitted"


def test_the_second_of_two_staff_changing_the_status_gets_the_conflict_message(staff, need):
    first, second = Client(), Client()
    other = make_user(email="staff2@rocb.test", is_staff=True)
    first.force_login(staff)
    second.force_login(other)
    form_one, form_two = step_form(first, need), step_form(second, need)
    assert (
        first.post(need.get_absolute_url(), {**form_one, "to_status": "analysis"}).status_code
        == 302
    )
    refused = second.post(
        need.get_absolute_url(), {**form_two, "to_status": "declined", "decline_reason_en": "No"}
    )
    assert refused.status_code == 200
    assert "Someone else changed this record" in refused.content.decode()
    need.refresh_from_db()
    assert need.status == "analysis"


# In the admin ----------------------------------------------------------------------------------


def admin_form(client, need) -> tuple[str, dict]:
    url = f"/admin/needs/needsrequest/{need.pk}/change/"
    response = client.get(url)
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        if value is None:
            continue
        if isinstance(value, list):
            data[name] = [getattr(item, "pk", item) for item in value]
        else:
            data[name] = getattr(value, "pk", value)
    for inline in response.context["inline_admin_formsets"]:
        management = inline.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management.initial.get(name, 0)
    return url, data


def test_staff_change_the_status_in_the_admin_through_the_service(
    staff_client, need, django_capture_on_commit_callbacks
):
    url, data = admin_form(staff_client, need)
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(url, {**data, "status": "analysis"})
    assert response.status_code == 302, response.content.decode()[:3000]
    need.refresh_from_db()
    assert need.status == "analysis"
    assert mail.outbox[-1].to == ["focal@customs.az"]
    url, data = admin_form(staff_client, need)
    refused = staff_client.post(url, {**data, "status": "delivered"})
    assert refused.status_code == 200
    assert "cannot become" in refused.content.decode()


def test_staff_merge_a_duplicate_in_the_admin(staff_client, need, focal_point):
    duplicate = make_need(submitted_by=focal_point)
    url, data = admin_form(staff_client, duplicate)
    response = staff_client.post(url, {**data, "duplicate_of": need.pk})
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.duplicate_of == need


def test_the_admin_lists_and_searches_both_languages(staff_client, focal_point):
    make_need(submitted_by=focal_point, title_ru="Таможенная стоимость", description_ru="Текст")
    html = staff_client.get("/admin/needs/needsrequest/", {"q": "стоимость"}).content.decode()
    assert "Таможенная стоимость" in html
    assert (
        staff_client.get("/admin/needs/needsrequest/", {"status__exact": "submitted"}).status_code
        == 200
    )
