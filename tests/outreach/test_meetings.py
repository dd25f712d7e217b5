"""Meetings: event times, registration and nominations within quotas, the waiting list and seat
offers, approval, the mail each sends (in the registrant's language), and the calendars."""

import datetime
import re
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone, translation

from administrations.models import Administration
from outreach import services
from outreach.models import Audience, Event, Registration, RegistrationSettings
from outreach.services import Person
from outreach.tasks import expire_seat_offers
from tests.factories import make_user
from tests.outreach.factories import make_event, make_registration, make_registration_settings

pytestmark = pytest.mark.django_db

Status = Registration.Status


def register_url(event, language="en"):
    return f"/{language}" + reverse("outreach:event_register", kwargs={"slug": event.slug})[3:]


def nominees(*people, **extra):
    """A nomination post: one row per (name, email)."""
    data = {
        "action": "nominate",
        "nominees-TOTAL_FORMS": str(len(people)),
        "nominees-INITIAL_FORMS": "0",
        **extra,
    }
    for i, (name, email) in enumerate(people):
        data |= {f"nominees-{i}-full_name": name, f"nominees-{i}-email": email}
        data[f"nominees-{i}-position"] = "Inspector"
    return data


def statuses(event):
    return list(Registration.objects.filter(event=event).values_list("status", flat=True))


# Event times ------------------------------------------------------------------------------------


def test_a_timed_event_is_in_its_time_zone_and_one_of_dates_stays_all_day():
    timed = make_event(
        starts_on=datetime.date(2030, 5, 12),
        ends_on=datetime.date(2030, 5, 13),
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17),
        time_zone="Europe/Brussels",
    )
    assert timed.starts_at.isoformat() == "2030-05-12T09:30:00+02:00"
    assert timed.ends_at.utcoffset() == datetime.timedelta(hours=2)
    # Shown as its offset, which reads the same in Russian.
    assert timed.utc_offset == "UTC+2"
    timed.time_zone = "Asia/Kathmandu"
    assert timed.utc_offset == "UTC+5:45"
    timed.time_zone, timed.starts_on = "America/St_Johns", datetime.date(2030, 1, 7)
    assert timed.utc_offset == "UTC-3:30"
    dates_only = make_event()
    assert dates_only.starts_at is None and not dates_only.has_times


def test_times_come_in_pairs_and_a_one_day_event_ends_after_it_starts():
    day = datetime.date(2030, 5, 12)
    event = Event(slug="x", title_en="X", place_en="Baku", kind="meeting", starts_on=day)
    event.ends_on, event.start_time = day, datetime.time(10)
    with pytest.raises(ValidationError, match="both the starting and the ending time"):
        event.full_clean()
    event.end_time = datetime.time(9)
    with pytest.raises(ValidationError, match="the end comes after the start"):
        event.full_clean()
    event.time_zone = "Mars/Olympus"
    with pytest.raises(ValidationError, match="no time zone name"):
        event.full_clean()


def test_the_calendar_lists_upcoming_events_with_their_zones_and_fixed_uids(client):
    timed = make_event(
        title_en="Timed",
        title_ru="Со временем",
        start_time=datetime.time(9, 30),
        end_time=datetime.time(17),
        time_zone="Europe/Brussels",
    )
    all_day = make_event(title_en="All day")
    past = make_event(
        title_en="Past",
        starts_on=timezone.localdate() - datetime.timedelta(days=30),
        ends_on=timezone.localdate() - datetime.timedelta(days=29),
    )
    url = reverse("outreach:events_calendar")
    response = client.get(url, HTTP_HOST="localhost")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    entries = {str(entry["summary"]): entry for entry in calendar.walk("VEVENT")}
    assert set(entries) == {"Timed", "All day"}
    assert entries["Timed"]["dtstart"].params["TZID"] == "Europe/Brussels"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert isinstance(entries["All day"].decoded("dtstart"), datetime.date)
    assert str(entries["Timed"]["uid"]) == f"event-{timed.pk}@rocb-europe.org"
    assert past.title_en not in response.content.decode()
    # The same UIDs whatever host the request named; the one event's file agrees.
    moved = client.get(url, HTTP_HOST="127.0.0.1").content
    assert f"event-{all_day.pk}@rocb-europe.org".encode() in moved
    single = client.get(all_day.get_calendar_url(), HTTP_HOST="127.0.0.1").content
    assert f"UID:event-{all_day.pk}@rocb-europe.org".encode() in single
    russian = client.get("/ru/events/calendar.ics").content.decode()
    assert "SUMMARY:Со временем" in russian and "Мероприятия РБНП Европа" in russian


def test_the_calendar_is_cached_and_refreshed_by_an_event_change(
    client, django_assert_max_num_queries
):
    event = make_event(title_en="First title")
    url = reverse("outreach:events_calendar")
    client.get(url)
    with django_assert_max_num_queries(1):
        assert b"First title" in client.get(url).content
    event.title_en = "Second title"
    event.save()
    assert b"Second title" in client.get(url).content


# Registering ------------------------------------------------------------------------------------


def test_a_member_registers_and_is_confirmed_in_their_language_with_a_calendar_file(client, member):
    member.language = "ru"
    member.save()
    registration_settings = make_registration_settings(
        event=make_event(title_en="Workshop", title_ru="Семинар"), ask_working_language=True
    )
    client.force_login(member)
    event = registration_settings.event
    response = client.post(
        register_url(event), {"action": "register", "working_language": "ru", "position": "x"}
    )
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert (registration.email, registration.status) == (member.email, Status.CONFIRMED)
    assert registration.administration_id == member.administration_id
    assert registration.position == "x" and not registration.consent_to_list
    [message] = mail.outbox
    assert message.to == [member.email] and "Семинар" in message.subject
    assert "подтверждена" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"{event.slug}.ics", "text/calendar")
    assert f"event-{event.pk}@rocb-europe.org" in content
    # Registered once: the page shows the registration, and a second post is refused.
    page = client.get(register_url(event)).content.decode()
    assert "Подтверждена" in page or "Confirmed" in page
    response = client.post(register_url(event), {"action": "register", "working_language": "en"})
    assert response.status_code == 200 and Registration.objects.count() == 1


def test_one_person_once_per_event_whatever_the_capitals():
    registration_settings = make_registration_settings()
    make_registration(registration_settings, email="Officer@Customs.az")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_registration(registration_settings, email="officer@customs.AZ")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_closed_full_and_members_only_events_say_why(client, outsider, member, language):
    closed = make_registration_settings(
        opens_at=timezone.now() - datetime.timedelta(days=5),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    client.force_login(member)
    response = client.post(register_url(closed.event, language), {"action": "register"})
    assert response.status_code == 200
    message = {"en": "Registration for this event is closed.", "ru": "Регистрация на это"}
    assert message[language] in response.content.decode()

    members_only = make_registration_settings()
    client.force_login(outsider)
    response = client.post(register_url(members_only.event, language), {"action": "register"})
    assert response.status_code == 403
    message = {"en": "Only users of the member administrations", "ru": "Только пользователи"}
    assert message[language] in response.content.decode()
    client.logout()
    response = client.get(register_url(members_only.event, language))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_the_public_register_and_a_full_event_puts_them_on_the_waiting_list(client):
    registration_settings = make_registration_settings(audience=Audience.PUBLIC, capacity=1)
    url = register_url(registration_settings.event, "ru")
    for n in (1, 2):
        data = {"action": "register", "full_name": f"Person {n}", "email": f"p{n}@example.org"}
        data["position"] = "Trader"
        assert client.post(url, data).status_code == 302
    assert statuses(registration_settings.event) == [Status.CONFIRMED, Status.WAITING]
    assert [message.to for message in mail.outbox] == [["p1@example.org"], ["p2@example.org"]]
    assert "Лист ожидания" in mail.outbox[1].subject
    assert not mail.outbox[1].attachments


def test_an_invited_only_event_refuses_other_administrations(client, member, other_focal_point):
    registration_settings = make_registration_settings(audience=Audience.INVITED)
    registration_settings.invited.add(member.administration)
    client.force_login(other_focal_point)
    assert client.get(register_url(registration_settings.event)).status_code == 403
    client.force_login(member)
    assert client.post(register_url(registration_settings.event), {}).status_code == 302
    assert Registration.objects.get().email == member.email


# Nominations ------------------------------------------------------------------------------------


def test_a_focal_point_nominates_officers_within_the_quota(client, focal_point):
    registration_settings = make_registration_settings(quota=2, capacity=2)
    make_registration(registration_settings)  # someone of the public holds one seat
    client.force_login(focal_point)
    url = register_url(registration_settings.event)
    page = client.get(url).content.decode()
    assert page.count('name="nominees-') > 2 and 'name="nominees-2-email"' not in page

    too_many = nominees(("A", "a@customs.az"), ("B", "b@customs.az"), ("C", "c@customs.az"))
    response = client.post(url, too_many)
    assert response.status_code == 200 and Registration.objects.count() == 1
    assert "errorlist" in response.content.decode() or 'role="alert"' in response.content.decode()

    response = client.post(url, nominees(("Aynur", "aynur@customs.az"), ("Elvin", "e@customs.az")))
    assert response.status_code == 302
    ours = Registration.objects.filter(administration=focal_point.administration)
    assert [(r.full_name, r.status, r.nominated_by) for r in ours] == [
        ("Aynur", Status.CONFIRMED, focal_point),
        ("Elvin", Status.WAITING, focal_point),  # the capacity is reached
    ]
    # Named again (in capitals), an officer is refused and nothing of the post is saved.
    response = client.post(url, nominees(("Farid", "f@customs.az"), ("Aynur", "AYNUR@customs.az")))
    assert response.status_code == 200 and "already registered" in response.content.decode()
    assert ours.count() == 2


def test_a_nomination_naming_another_administration_is_refused_and_saves_nothing(
    client, focal_point
):
    registration_settings = make_registration_settings()
    georgia = Administration.objects.get(code="GE")
    client.force_login(focal_point)
    data = nominees(("Nino", "nino@customs.ge"), administration=str(georgia.pk))
    response = client.post(register_url(registration_settings.event), data)
    assert response.status_code == 403
    assert not Registration.objects.exists() and not mail.outbox


def test_a_member_cannot_nominate(client, member):
    registration_settings = make_registration_settings()
    client.force_login(member)
    response = client.post(register_url(registration_settings.event), nominees(("A", "a@x.az")))
    assert response.status_code == 403 and not Registration.objects.exists()


def test_the_quota_holds_for_seats_and_the_next_of_another_administration_gets_the_seat(
    other_focal_point, azerbaijan
):
    registration_settings = make_registration_settings(quota=1, capacity=5)
    make_registration(registration_settings, administration=azerbaijan)
    event = registration_settings.event
    waiting_az = make_registration(registration_settings, administration=azerbaijan)
    waiting_az.status = Status.WAITING
    waiting_az.save()
    [georgian] = services.registration_nominate(
        event=event, by=other_focal_point, people=[Person("Nino", "nino@customs.ge")], language="en"
    )
    assert georgian.status == Status.CONFIRMED
    # Azerbaijan's officer waits behind its quota, even with seats free.
    assert services.freed_seats_offer(event=event) == []


# Waiting list, offers, approval -----------------------------------------------------------------


def offer_link(message) -> str:
    return urlsplit(re.search(r"https?://\S+/events/offers/\S+/", message.body).group(0)).path


def test_a_withdrawal_offers_the_seat_to_the_next_who_accepts_by_the_mailed_link(client, member):
    registration_settings = make_registration_settings(capacity=1, offer_hours=24)
    event = registration_settings.event
    seated = make_registration(registration_settings, user=member, email=member.email)
    first = make_registration(registration_settings, status=Status.WAITING, language="ru")
    second = make_registration(registration_settings, status=Status.WAITING)
    client.force_login(member)
    response = client.post(register_url(event), {"action": "withdraw", "registration": seated.pk})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.status == Status.OFFERED
    assert first.offer_expires_at - timezone.now() > datetime.timedelta(hours=23)
    [offer] = mail.outbox
    assert offer.to == [first.email] and "Освободилось место" in offer.subject
    link = offer_link(offer)
    assert link.startswith("/ru/events/offers/")

    assert "Да, я занимаю место" in client.get(link).content.decode()
    assert client.post(link, {"answer": "accept"}).status_code == 302
    first.refresh_from_db()
    assert first.status == Status.CONFIRMED
    assert mail.outbox[-1].attachments  # the confirmation, with its calendar file
    # The link answers once; the one waiting behind stays waiting.
    assert client.post(link, {"answer": "accept"}).status_code == 200
    second.refresh_from_db()
    assert second.status == Status.WAITING


def test_an_unanswered_offer_lapses_and_the_seat_moves_on(client):
    registration_settings = make_registration_settings(capacity=1)
    first = make_registration(
        registration_settings,
        status=Status.OFFERED,
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    second = make_registration(registration_settings, status=Status.WAITING)
    assert expire_seat_offers.enqueue().return_value == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (Status.EXPIRED, Status.OFFERED)
    assert [message.to for message in mail.outbox] == [[second.email]]
    assert client.get("/en/events/offers/not-a-token/").status_code == 200


def test_staff_approve_and_decline_with_a_reason_in_the_admin(staff_client):
    registration_settings = make_registration_settings(capacity=1, requires_approval=True)
    pending = make_registration(registration_settings, status=Status.PENDING, language="ru")
    waiting = make_registration(registration_settings, status=Status.WAITING)
    url = reverse("admin:outreach_registration_changelist")
    selected = {"_selected_action": [pending.pk]}
    page = staff_client.post(url, {"action": "decline_selected", **selected})
    assert page.status_code == 200 and 'name="reason"' in page.content.decode()
    staff_client.post(url, {"action": "decline_selected", "reason": "Мест нет", **selected})
    pending.refresh_from_db()
    waiting.refresh_from_db()
    assert (pending.status, pending.reason, waiting.status) == (
        Status.DECLINED,
        "Мест нет",
        Status.OFFERED,
    )
    assert "Мест нет" in mail.outbox[0].body and mail.outbox[1].to == [waiting.email]

    services.offer_answer(registration=waiting, accept=True)
    waiting.refresh_from_db()
    assert waiting.status == Status.PENDING  # the event still asks for approval
    staff_client.post(url, {"action": "approve_selected", "_selected_action": [waiting.pk]})
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED and mail.outbox[-1].attachments


def test_the_focal_points_page_runs_fixed_queries(
    client, focal_point, django_assert_max_num_queries
):
    registration_settings = make_registration_settings(capacity=500, quota=None)
    Registration.objects.bulk_create(
        Registration(
            event=registration_settings.event,
            administration=focal_point.administration,
            full_name=f"Person {n}",
            email=f"o{n}@customs.az",
            status=Status.CONFIRMED,
        )
        for n in range(200)
    )
    client.force_login(focal_point)
    with django_assert_max_num_queries(4):
        page = client.get(register_url(registration_settings.event)).content.decode()
    assert page.count('name="registration"') == 200


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_focal_points_page_shows_their_own_and_their_administrations_registrations(
    client, focal_point, georgia, language
):
    registration_settings = make_registration_settings(capacity=10, quota=None)
    azerbaijan = focal_point.administration
    # Theirs by address (in other capitals), made before they had an account.
    own = make_registration(
        registration_settings,
        administration=azerbaijan,
        full_name="Rashad",
        email="FOCAL@customs.az",
    )
    make_registration(
        registration_settings,
        administration=azerbaijan,
        full_name="Leyla",
        position="Inspector",
        status=Status.WITHDRAWN,
    )
    make_registration(registration_settings, administration=georgia, full_name="Nino")
    make_registration(registration_settings, full_name="Anna")  # of the public
    client.force_login(focal_point)
    html = client.get(register_url(registration_settings.event, language)).content.decode()
    with translation.override(language):
        confirmed, withdrawn = str(Status.CONFIRMED.label), str(Status.WITHDRAWN.label)
    assert 'id="own"' in html and 'id="register"' not in html
    # Their withdrawal button is in both their section and the administration's list.
    assert html.count(f'name="registration" value="{own.pk}"') == 2
    assert f"Rashad: {confirmed}" in html and f"Leyla, Inspector: {withdrawn}" in html
    assert html.index("Rashad:") < html.index("Leyla,")  # first made first
    assert html.count('name="registration"') == 2  # a withdrawn one has no button
    assert "Nino" not in html and "Anna" not in html


def test_a_draft_has_no_registration_page_and_an_event_without_settings_takes_none(client):
    assert client.get(register_url(make_event(status="draft"))).status_code == 404
    registration_settings = make_registration_settings(event=make_event(status="draft"))
    assert client.get(register_url(registration_settings.event)).status_code == 404
    response = client.get(register_url(make_event(title_en="Forum")))
    html = response.content.decode()
    assert response.status_code == 200 and "Registration: Forum" in html
    assert "takes no registrations" in html and 'class="event-facts"' not in html


def test_the_registration_pages_event_and_settings_need_no_database_converter():
    """The page's selector makes them from a plain row (`from_db`), as the ORM would when it has
    no converter to apply."""
    fields = [*Event._meta.concrete_fields, *RegistrationSettings._meta.concrete_fields]
    converted = [
        field.name
        for field in fields
        if field.get_db_converters(connection) or connection.ops.get_db_converters(field)
    ]
    assert converted == []


def test_the_blank_forms_are_rendered_once_until_the_events_questions_change(client, focal_point):
    registration_settings = make_registration_settings(quota=2)
    client.force_login(focal_point)
    url = register_url(registration_settings.event)
    first = client.get(url)
    assert "includes/_field.html" in {template.name for template in first.templates}
    again = client.get(url)
    # The rows and the member's own form come from the cache: no field is rendered.
    assert "includes/_field.html" not in {template.name for template in again.templates}
    assert again.content.decode().count('name="nominees-0-') == first.content.decode().count(
        'name="nominees-0-'
    )
    assert 'name="nominees-0-accessibility_needs"' not in again.content.decode()
    registration_settings.ask_accessibility = True
    registration_settings.save()
    asked = client.get(url).content.decode()
    assert 'name="nominees-0-accessibility_needs"' in asked
    assert 'name="accessibility_needs"' in asked


def test_the_event_page_links_to_its_registration(client):
    registration_settings = make_registration_settings()
    html = client.get(registration_settings.event.get_absolute_url()).content.decode()
    assert register_url(registration_settings.event) in html
    other = make_event()
    assert register_url(other) not in client.get(other.get_absolute_url()).content.decode()


def test_a_user_with_an_account_nominated_gets_mail_in_their_language(focal_point, azerbaijan):
    officer = make_user(email="officer@customs.az", administration=azerbaijan, language="ru")
    registration_settings = make_registration_settings()
    services.registration_nominate(
        event=registration_settings.event,
        by=focal_point,
        people=[Person("Officer", "OFFICER@customs.az")],
        language="en",
    )
    registration = Registration.objects.get()
    assert (registration.user, registration.language) == (officer, "ru")
    assert "подтверждена" in mail.outbox[0].body


# Participants, export, retention ----------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ru"])
def test_members_see_the_listed_participants_by_administration(
    client, member, azerbaijan, georgia, language, django_assert_max_num_queries
):
    registration_settings = make_registration_settings()
    for n in range(30):
        make_registration(
            registration_settings,
            full_name=f"Listed {n:02}",
            administration=(azerbaijan, georgia, None)[n % 3],
            consent_to_list=True,
        )
    make_registration(registration_settings, full_name="Unlisted", administration=azerbaijan)
    make_registration(
        registration_settings, full_name="Waiting One", consent_to_list=True, status=Status.WAITING
    )
    client.force_login(member)
    url = f"/{language}/members/events/{registration_settings.event.slug}/participants/"
    with django_assert_max_num_queries(5):
        html = client.get(url).content.decode()
    assert html.count("Listed ") == 30
    assert "Unlisted" not in html and "Waiting One" not in html
    headings = re.findall(r'<h2 id="group-\d+">([^<]+)</h2>', html)
    other = {"en": "Other participants", "ru": "Другие участники"}[language]
    assert headings == sorted(headings[:2]) + [other] and len(headings) == 3
    assert (
        client.get(url.replace(registration_settings.event.slug, make_event().slug)).status_code
        == 404
    )


def test_staff_export_the_participants_with_translated_headers(staff_client, azerbaijan):
    from outreach.admin import RegistrationResource

    registration_settings = make_registration_settings()
    make_registration(registration_settings, administration=azerbaijan, full_name="=Formula")
    url = reverse("admin:outreach_registration_export")
    assert staff_client.get(url).status_code == 200
    dataset = RegistrationResource().export(Registration.objects.all())
    row = dict(zip(dataset.headers, dataset[0], strict=True))
    assert (row["Full name"], row["Status"]) == ("=Formula", "Confirmed")
    assert row["Administration"] == str(azerbaijan)


def test_the_nightly_purge_erases_past_registrations_and_keeps_their_counts(settings, azerbaijan):
    from core.tasks import purge_expired_records
    from outreach.models import RegistrationCount

    settings.REGISTRATION_RETENTION_DAYS = 30
    today = timezone.localdate()
    old = make_registration_settings(
        event=make_event(
            starts_on=today - datetime.timedelta(days=40),
            ends_on=today - datetime.timedelta(days=31),
        )
    )
    recent = make_registration_settings(
        event=make_event(
            starts_on=today - datetime.timedelta(days=10),
            ends_on=today - datetime.timedelta(days=9),
        )
    )
    for status in (Status.CONFIRMED, Status.CONFIRMED, Status.WITHDRAWN):
        make_registration(old, administration=azerbaijan, status=status)
    make_registration(old, status=Status.CONFIRMED)  # of the public
    kept = make_registration(recent, administration=azerbaijan)

    assert purge_expired_records.enqueue().return_value["registrations"] == 4
    assert list(Registration.objects.all()) == [kept]
    counts = RegistrationCount.objects.filter(event=old.event)
    assert set(counts.values_list("administration_id", "status", "count")) == {
        (azerbaijan.pk, "confirmed", 2),
        (azerbaijan.pk, "withdrawn", 1),
        (None, "confirmed", 1),
    }
    assert not RegistrationCount.objects.filter(event=recent.event).exists()


def test_the_purge_counts_retention_days_in_the_office_s_time_zone(settings, azerbaijan):
    """At 21:30 UTC it is already the next day in Baku, where events' dates are given."""
    from outreach.retention import purge_expired

    settings.REGISTRATION_RETENTION_DAYS = 30
    now = datetime.datetime(2026, 12, 1, 21, 30, tzinfo=datetime.UTC)  # 2 December in Baku
    over = make_registration_settings(
        event=make_event(starts_on=datetime.date(2026, 11, 1), ends_on=datetime.date(2026, 11, 1))
    )
    make_registration(over, administration=azerbaijan)
    assert purge_expired(now=now) == {"registrations": 1}


def test_the_scheduler_expires_seat_offers():
    import importlib

    from crontask import scheduler

    importlib.import_module("outreach.tasks")
    assert "expire_seat_offers" in {job.name for job in scheduler.get_jobs()}


def test_the_focal_points_page_in_russian_has_no_english(client, focal_point):
    from tests.pages import latin_words

    registration_settings = make_registration_settings(
        event=make_event(title_en="Meeting", title_ru="Совещание", place_ru="Баку"),
        quota=2,
        ask_working_language=True,
        ask_accessibility=True,
        ask_visa_letter=True,
    )
    make_registration(
        registration_settings,
        administration=focal_point.administration,
        full_name="Айнур Гулиева",
        status=Status.WAITING,
    )
    client.force_login(focal_point)
    html = client.get(register_url(registration_settings.event, "ru")).content.decode()
    assert "Выдвинуть сотрудников" in html and "В листе ожидания" in html
    assert latin_words(html, allowed={"Rashad", "Aliyev"}) == []
