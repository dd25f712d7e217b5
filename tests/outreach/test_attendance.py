"""After an event: staff mark attendance and print the attendance sheet; each participant who
attended (or, where none was marked, each confirmed one) is mailed once, in their language, a
signed link to a short anonymous evaluation; staff read the results; attendance counts, by
administration and by sex, survive the retention purge and feed the Work Plan's indicators."""

import datetime
import re

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core import mail, signing
from django.utils import timezone

from outreach import selectors, services, tokens
from outreach.admin import RegistrationSettingsInline
from outreach.models import (
    EVALUATION_WINDOW_DAYS,
    Event,
    EventEvaluation,
    Registration,
    RegistrationCount,
    RegistrationSettings,
)
from outreach.retention import purge_expired
from outreach.tasks import mail_event_evaluations
from portal.indicators import indicators_compute
from tests.factories import make_user
from tests.outreach.factories import make_event, make_registration, make_registration_settings
from workplan.models import Actual, Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
ANSWER = {"overall": "4", "usefulness": "5", "organisation": "3", "comment": "Good exercises."}


@pytest.fixture
def workshop(azerbaijan, georgia):
    """A workshop that ended yesterday: two confirmed officers of Azerbaijan, one of Georgia
    (mail in Russian), one who withdrew and one still waiting."""
    event = make_event(
        title_en="Workshop on risk",
        title_ru="Семинар по рискам",
        starts_on=TODAY - datetime.timedelta(days=3),
        ends_on=TODAY - datetime.timedelta(days=1),
    )
    now = timezone.now()
    settings = make_registration_settings(
        event,
        opens_at=now - datetime.timedelta(days=30),
        closes_at=now - datetime.timedelta(days=5),
        ask_sex=True,
    )
    people = [
        ("Aynur Guliyeva", azerbaijan, "en", "female", "confirmed"),
        ("Elvin Mammadov", azerbaijan, "en", "male", "confirmed"),
        ("Nino Kapanadze", georgia, "ru", "female", "confirmed"),
        ("Giorgi Lomidze", georgia, "ru", "male", "withdrawn"),
        ("Davit Abashidze", georgia, "ru", "", "waiting"),
    ]
    for name, administration, language, sex, status in people:
        make_registration(
            settings,
            full_name=name,
            email=f"{name.split()[0].lower()}@customs.test",
            position="Trainer",
            administration=administration,
            language=language,
            sex=sex,
            status=status,
        )
    return event


def registration(name: str) -> Registration:
    return Registration.objects.get(full_name=name)


def staff_with(*codenames: str):
    user = make_user(is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(content_type__app_label="outreach", codename__in=codenames)
    )
    return user


def mark(client, names, action) -> list[str]:
    """Run the admin action on these people's registrations; the messages it gives."""
    pks = [registration(name).pk for name in names]
    response = client.post(
        "/admin/outreach/registration/", {"action": action, "_selected_action": pks}
    )
    assert response.status_code == 302
    return [str(message) for message in get_messages(response.wsgi_request)]


# Marking attendance ------------------------------------------------------------------------------


def test_staff_mark_confirmed_participants_attended_or_absent(staff_client, workshop):
    said = mark(
        staff_client, ["Aynur Guliyeva", "Nino Kapanadze", "Davit Abashidze"], "mark_attended"
    )
    assert said[0] == "Attendance marked for 2 participants."
    assert said[1].startswith("1 selected registration was left as it was")
    mark(staff_client, ["Elvin Mammadov"], "mark_absent")
    statuses = dict(Registration.objects.values_list("full_name", "status"))
    assert statuses == {
        "Aynur Guliyeva": "attended",
        "Elvin Mammadov": "absent",
        "Nino Kapanadze": "attended",
        "Giorgi Lomidze": "withdrawn",
        "Davit Abashidze": "waiting",
    }
    # A mark may be corrected.
    mark(staff_client, ["Elvin Mammadov"], "mark_attended")
    assert registration("Elvin Mammadov").status == "attended"


def test_marked_participants_still_count_as_confirmed_ones(
    client, workshop, staff, member, azerbaijan, georgia
):
    """Marking attendance leaves the members' list and the "participants confirmed" figure as
    they were; the country page counts those who took part (the absent left out)."""
    Registration.objects.filter(full_name="Aynur Guliyeva").update(consent_to_list=True)
    for name, attended in (("Aynur Guliyeva", True), ("Elvin Mammadov", False)):
        services.attendance_mark(
            registrations=Registration.objects.filter(full_name=name), attended=attended, by=staff
        )
    client.force_login(member)
    page = client.get(f"/en/members/events/{workshop.slug}/participants/").content.decode()
    assert "Aynur Guliyeva" in page
    counts = selectors.participant_counts(start=workshop.starts_on, end=workshop.ends_on)
    assert counts == {azerbaijan.pk: 2, georgia.pk: 1}
    (event,) = selectors.events_attended_by(administration=azerbaijan)
    assert event.officers == 1


def test_attendance_is_not_marked_before_the_event_begins(staff, azerbaijan):
    settings = make_registration_settings(make_event())
    make_registration(settings, administration=azerbaijan)
    changed = services.attendance_mark(
        registrations=Registration.objects.all(), attended=True, by=staff
    )
    assert changed == 0 and Registration.objects.get().status == "confirmed"


def test_marked_participants_keep_their_seats(azerbaijan):
    """During an event still taking registrations, a marked seat is still taken."""
    settings = make_registration_settings(
        make_event(starts_on=TODAY, ends_on=TODAY + datetime.timedelta(days=2)), capacity=1
    )
    make_registration(settings, administration=azerbaijan, status="attended")
    person = services.Person(full_name="Late Comer", email="late@customs.test")
    member = make_user(administration=azerbaijan)
    late = services.registration_self(
        event=settings.event, user=member, person=person, language="en"
    )
    assert late.status == Registration.Status.WAITING


# The attendance sheet ----------------------------------------------------------------------------


def sheet_url(event, language=None):
    url = f"/admin/outreach/event/{event.pk}/attendance-sheet/"
    return f"{url}?language={language}" if language else url


def test_the_attendance_sheet_lists_the_confirmed_by_administration_in_either_language(
    client, workshop, django_assert_max_num_queries
):
    for n in range(20):  # more participants: the same queries
        make_registration(workshop.registration, administration_id=None, full_name=f"Guest {n}")
    client.force_login(staff_with("view_registration"))
    with django_assert_max_num_queries(8):
        response = client.get(sheet_url(workshop, "en"))
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Attendance sheet" in html and "Signature" in html and "Workshop on risk" in html
    assert 'href="/static/outreach/css/attendance-sheet.css"' in html
    # By administration in name order (Azerbaijan, Georgia), then those of none.
    assert html.index("Aynur Guliyeva") < html.index("Nino Kapanadze") < html.index("Guest 0")
    assert "Giorgi Lomidze" not in html and "Davit Abashidze" not in html
    russian = client.get(sheet_url(workshop, "ru")).content.decode()
    assert 'lang="ru"' in russian and "Лист присутствия" in russian and "Подпись" in russian
    assert "Семинар по рискам" in russian


def test_the_sheet_and_the_results_are_for_staff_who_may_read_them(client, workshop):
    client.force_login(staff_with())  # staff without a permission
    assert client.get(sheet_url(workshop)).status_code == 403
    assert client.get(f"/admin/outreach/event/{workshop.pk}/evaluations/").status_code == 403
    client.force_login(staff_with("view_eventevaluation"))
    assert client.get(sheet_url(workshop)).status_code == 403  # personal data: not with this
    assert client.get(f"/admin/outreach/event/{workshop.pk}/evaluations/").status_code == 200


def test_the_event_admin_links_to_the_sheet_and_the_results(workshop):
    inline = RegistrationSettingsInline(Event, admin.site)
    html = inline.after_the_event(workshop.registration)
    assert f"{sheet_url(workshop)}?language=ru" in html
    assert f"/admin/outreach/event/{workshop.pk}/evaluations/" in html
    assert "after_the_event" in str(inline.get_fieldsets(None))


# The evaluation links ----------------------------------------------------------------------------


def links() -> dict[str, str]:
    """The path of each recipient's evaluation link, by address."""
    return {
        message.to[0]: re.search(r"https?://[^/\s]+(/\S+/evaluate/\S+/)", message.body).group(1)
        for message in mail.outbox
    }


def test_those_who_attended_are_mailed_once_in_their_language(workshop, staff):
    services.attendance_mark(
        registrations=Registration.objects.exclude(full_name="Elvin Mammadov"),
        attended=True,
        by=staff,
    )
    services.attendance_mark(
        registrations=Registration.objects.filter(full_name="Elvin Mammadov"),
        attended=False,
        by=staff,
    )
    assert mail_event_evaluations.enqueue().return_value == 2
    sent = links()
    assert set(sent) == {"aynur@customs.test", "nino@customs.test"}
    assert sent["aynur@customs.test"].startswith("/en/events/evaluate/")
    assert sent["nino@customs.test"].startswith("/ru/events/evaluate/")
    russian = next(message for message in mail.outbox if message.to == ["nino@customs.test"])
    assert "Семинар по рискам" in russian.subject and "Краткая оценка" in russian.subject
    assert "Nino Kapanadze" in russian.body and "Благодарим вас за участие" in russian.body
    assert "@" not in sent["nino@customs.test"]  # no address in the link
    # Once per event.
    assert services.event_evaluations_request() == 0
    assert len(mail.outbox) == 2
    assert RegistrationSettings.objects.get().evaluations_mailed_to == 2


def test_where_no_attendance_was_marked_every_confirmed_participant_is_mailed(workshop):
    # Not before the event is over.
    assert services.event_evaluations_request(today=workshop.ends_on) == 0
    assert services.event_evaluations_request() == 3
    assert set(links()) == {"aynur@customs.test", "elvin@customs.test", "nino@customs.test"}


def test_an_event_over_for_longer_than_the_window_is_not_asked_about(workshop):
    late = TODAY + datetime.timedelta(days=EVALUATION_WINDOW_DAYS + 1)
    assert services.event_evaluations_request(today=late) == 0
    assert mail.outbox == []


def test_a_participant_answers_once_and_anonymously(client, workshop):
    services.event_evaluations_request()
    url = links()["nino@customs.test"]
    page = client.get(url)
    assert page.status_code == 200 and "no-store" in page["Cache-Control"]
    assert "Оцените мероприятие" in page.content.decode()
    response = client.post(url, ANSWER)
    assert response.status_code == 200
    assert "Спасибо за вашу оценку" in response.content.decode()
    evaluation = EventEvaluation.objects.get()
    assert (evaluation.overall, evaluation.usefulness, evaluation.organisation) == (4, 5, 3)
    assert (evaluation.event, evaluation.language) == (workshop, "ru")
    assert registration("Nino Kapanadze").evaluation_given
    # Used: refused with a clear page, nothing saved again.
    for again in (client.get(url), client.post(url, ANSWER)):
        assert again.status_code == 410
        assert "Эта оценка уже дана" in again.content.decode()
    assert EventEvaluation.objects.count() == 1


def test_a_bad_answer_is_shown_again_and_saves_nothing(client, workshop):
    services.event_evaluations_request()
    url = links()["aynur@customs.test"]
    response = client.post(url, {**ANSWER, "overall": "9", "comment": "x" * 2001})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html and "at most 2000 characters" in html
    assert not EventEvaluation.objects.exists()
    assert not registration("Aynur Guliyeva").evaluation_given


def test_an_expired_link_is_gone(client, workshop, monkeypatch):
    services.event_evaluations_request()
    url = links()["aynur@customs.test"]
    monkeypatch.setattr(tokens, "EVALUATION_LINK_VALID", datetime.timedelta(seconds=-1))
    response = client.get(url)
    assert response.status_code == 410 and "The link has expired" in response.content.decode()
    assert client.post(url, ANSWER).status_code == 410
    assert not EventEvaluation.objects.exists()


def test_a_tampered_link_is_refused(client, workshop):
    token = tokens.evaluation_token(registration("Aynur Guliyeva"))
    forged = signing.dumps(
        {"r": registration("Elvin Mammadov").pk, "e": workshop.pk}, salt="another.salt"
    )
    for bad in (token[:-2] + "xx", forged, "no-such-token"):
        response = client.post(f"/en/events/evaluate/{bad}/", ANSWER)
        assert response.status_code == 400
        assert "The link is not valid" in response.content.decode()
    assert not EventEvaluation.objects.exists()


def test_a_link_of_someone_marked_absent_or_erased_no_longer_works(client, workshop, staff):
    absent = registration("Elvin Mammadov")
    token = tokens.evaluation_token(absent)
    services.attendance_mark(
        registrations=Registration.objects.filter(pk=absent.pk), attended=False, by=staff
    )
    assert client.get(f"/en/events/evaluate/{token}/").status_code == 410
    absent.delete()
    assert client.get(f"/en/events/evaluate/{token}/").status_code == 410


# Results, retention, indicators ------------------------------------------------------------------


def answer_all(workshop):
    for person, scores, comment in (
        ("Aynur Guliyeva", (5, 4, 3), "Very useful."),
        ("Elvin Mammadov", (3, 4, 5), ""),
        ("Nino Kapanadze", (4, 4, 4), "Полезно.\n<b>Спасибо</b>"),
    ):
        overall, usefulness, organisation = scores
        services.event_evaluate(
            registration=registration(person),
            overall=overall,
            usefulness=usefulness,
            organisation=organisation,
            comment=comment,
        )


def test_staff_read_the_results_per_event(staff_client, workshop, django_assert_max_num_queries):
    services.event_evaluations_request()
    answer_all(workshop)
    EventEvaluation.objects.bulk_create(  # many answers: the same queries
        EventEvaluation(event=workshop, overall=4, usefulness=4, organisation=4, comment="")
        for _ in range(30)
    )
    with django_assert_max_num_queries(12):
        response = staff_client.get(f"/admin/outreach/event/{workshop.pk}/evaluations/")
    html = response.content.decode()
    assert "33 answers, of 3 people mailed the form" in html
    assert "<td>4.0</td>" in html  # the average usefulness
    assert "Very useful." in html and "Полезно.<br>&lt;b&gt;Спасибо&lt;/b&gt;" in html
    assert "Aynur" not in html  # anonymous


def test_after_the_purge_the_evaluations_and_the_attendance_counts_stay(workshop, staff):
    services.attendance_mark(registrations=Registration.objects.all(), attended=True, by=staff)
    answer_all(workshop)
    now = timezone.now() + datetime.timedelta(days=400)
    purge_expired(now=now)
    assert not Registration.objects.exists()
    assert EventEvaluation.objects.filter(event=workshop).count() == 3
    kept = set(
        RegistrationCount.objects.values_list("administration__code", "status", "sex", "count")
    )
    assert kept == {
        ("AZ", "attended", "female", 1),
        ("AZ", "attended", "male", 1),
        ("GE", "attended", "female", 1),
        ("GE", "withdrawn", "male", 1),
        ("GE", "waiting", "", 1),
    }


@pytest.fixture
def attendance_indicator():
    indicator = Indicator.objects.filter(source="", measure="number").order_by("pk").first()
    Indicator.objects.filter(pk=indicator.pk).update(
        source=Indicator.Source.ATTENDED, counts_people=True
    )
    period = ReportingPeriod.objects.create(
        name_en="The workshop's period",
        starts_on=TODAY - datetime.timedelta(days=60),
        ends_on=TODAY + datetime.timedelta(days=30),
    )
    return indicator, period


def test_attendance_is_an_indicator_value_by_administration_and_sex_also_after_the_purge(
    workshop, staff, attendance_indicator
):
    services.attendance_mark(
        registrations=Registration.objects.exclude(full_name="Elvin Mammadov"),
        attended=True,
        by=staff,
    )

    def figures():
        indicators_compute()
        indicator, period = attendance_indicator
        actual = Actual.objects.get(indicator=indicator, period=period)
        rows = {
            (row.administration.code if row.administration else "", row.sex, int(row.value))
            for row in actual.breakdown.all()
        }
        return int(actual.value), rows

    expected = (2, {("AZ", "", 1), ("GE", "", 1), ("", "female", 2)})
    assert figures() == expected
    purge_expired(now=timezone.now() + datetime.timedelta(days=400))
    assert figures() == expected


def test_the_registration_form_asks_for_the_sex_where_the_event_does(client, member):
    settings = make_registration_settings(ask_sex=True)
    client.force_login(member)
    url = f"/en/events/{settings.event.slug}/register/"
    assert 'name="sex"' in client.get(url).content.decode()
    client.post(url, {"action": "register", "position": "Officer", "sex": "female"})
    assert Registration.objects.get(event=settings.event).sex == "female"
    settings.ask_sex = False
    settings.save()
    assert 'name="sex"' not in client.get(url).content.decode()
