"""Mail about an event, each in the recipient's language: the reminder before it (once), the
notice of a change of date, time or place and of a cancellation (with the updated calendar
file), and the staff's message to all participants."""

import datetime
import re
from html.parser import HTMLParser

import icalendar
import pytest
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation

from library.models import Document
from outreach import services
from outreach.models import Event, MeetingDocument, Registration
from outreach.tasks import remind_upcoming_events
from outreach.tokens import offer_token
from tests.factories import make_user
from tests.library.factories import make_document
from tests.outreach.factories import make_event, make_registration, make_registration_settings

pytestmark = pytest.mark.django_db

Status = Registration.Status


def calendar_of(message) -> icalendar.Calendar:
    [(name, content, mimetype)] = message.attachments
    assert name.endswith(".ics") and mimetype == "text/calendar"
    return icalendar.Calendar.from_ical(content)


def by_address(outbox) -> dict:
    return {message.to[0]: message for message in outbox}


@pytest.fixture
def registrants():
    """An event in ten days, its one seat held by a Russian-speaking participant, an English
    one waiting, and one who withdrew."""
    registration_settings = make_registration_settings(
        event=make_event(title_en="Workshop", title_ru="Семинар", place_ru="Баку"), capacity=1
    )
    return registration_settings, {
        "confirmed": make_registration(registration_settings, email="ru@customs.az", language="ru"),
        "waiting": make_registration(
            registration_settings, email="en@customs.ge", status=Status.WAITING
        ),
        "withdrawn": make_registration(
            registration_settings, email="gone@customs.az", status=Status.WITHDRAWN
        ),
    }


class _FormFields(HTMLParser):
    """The values a browser would post from a page's form with this id."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id, self.inside = form_id, False
        self.data: dict[str, list[str]] = {}
        self._select = self._textarea = None
        self._multiple = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file"):
                return
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            default = "on" if kind in ("checkbox", "radio") else ""
            self.data[name] = [attrs.get("value") or default]
        elif tag == "select" and name:
            self._select, self._multiple = name, "multiple" in attrs
            self.data[name] = []
        elif tag == "option" and self._select and "selected" in attrs:
            self.data[self._select].append(attrs.get("value", ""))
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select" and self._select:
            if not self.data[self._select] and not self._multiple:
                self.data[self._select] = [""]
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self.inside = False

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.removeprefix("\n")


def event_change_form(client, event) -> tuple[str, dict]:
    """The event's admin change form as a browser would post it unchanged."""
    url = reverse("admin:outreach_event_change", args=[event.pk])
    parser = _FormFields("event_form")
    parser.feed(client.get(url).content.decode())
    return url, parser.data


# Reminder ---------------------------------------------------------------------------------------


def test_the_reminder_goes_once_to_those_holding_a_seat(settings):
    today = timezone.localdate()
    soon = make_registration_settings(
        event=make_event(title_ru="Скоро", starts_on=today + datetime.timedelta(days=3))
    )
    later = make_registration_settings(
        event=make_event(starts_on=today + datetime.timedelta(days=5))
    )
    started = make_registration_settings(event=make_event(starts_on=today))
    confirmed = make_registration(soon, email="ru@customs.az", language="ru")
    pending = make_registration(soon, email="pending@customs.az", status=Status.PENDING)
    for status in (Status.WAITING, Status.WITHDRAWN, Status.DECLINED):
        make_registration(soon, status=status)
    make_registration(later, email="later@customs.az")
    make_registration(started, email="today@customs.az")

    assert remind_upcoming_events.enqueue().return_value == 2
    sent = by_address(mail.outbox)
    assert set(sent) == {confirmed.email, pending.email}
    russian = sent[confirmed.email]
    assert russian.subject == "Напоминание: Скоро"
    assert "скоро состоится" in russian.body
    assert calendar_of(russian).walk("VEVENT")[0]["summary"] == "Скоро"
    assert "awaits the office's approval" in sent[pending.email].body
    assert not sent[pending.email].attachments  # no seat confirmed yet
    # Once: a second run (or the next day's) sends nothing more.
    assert remind_upcoming_events.enqueue().return_value == 0
    settings.EVENT_REMINDER_DAYS = 5
    assert remind_upcoming_events.enqueue().return_value == 1
    assert mail.outbox[-1].to == ["later@customs.az"]
    assert len(mail.outbox) == 3


def test_no_reminder_for_a_cancelled_event(staff):
    registration_settings = make_registration_settings(
        event=make_event(starts_on=timezone.localdate() + datetime.timedelta(days=2))
    )
    make_registration(registration_settings)
    services.event_cancel(event=registration_settings.event, by=staff)
    mail.outbox.clear()
    assert services.event_reminders_send() == 0 and not mail.outbox


def test_the_scheduler_runs_the_reminders():
    import importlib

    from crontask import scheduler

    importlib.import_module("outreach.tasks")
    assert "remind_upcoming_events" in {job.name for job in scheduler.get_jobs()}


# Change and cancellation ---------------------------------------------------------------------


def test_a_change_of_date_is_mailed_with_the_updated_calendar_entry(staff_client, registrants):
    """Staff save the event with a new date and a participants' report attached: the change
    is mailed, and the report leaves the library's members' materials."""
    registration_settings, people = registrants
    event = registration_settings.event
    report = make_document(visibility=Document.Visibility.MEMBERS)
    url, form = event_change_form(staff_client, event)
    new_start = event.starts_on + datetime.timedelta(days=7)
    form |= {
        "starts_on": [new_start.isoformat()],
        "ends_on": [(new_start + datetime.timedelta(days=1)).isoformat()],
        "documents-TOTAL_FORMS": ["1"],
        "documents-0-document": [str(report.pk)],
        "documents-0-kind": ["report"],
        "documents-0-visibility": ["participants"],
        "documents-0-position": ["0"],
    }
    response = staff_client.post(url, form)
    errors = re.findall(r'<ul class="errorlist.*?</ul>', response.content.decode(), re.S)
    assert response.status_code == 302, errors
    event.refresh_from_db()
    assert (event.starts_on, event.sequence) == (new_start, 1)
    sent = by_address(mail.outbox)
    assert set(sent) == {people["confirmed"].email, people["waiting"].email}
    russian = sent[people["confirmed"].email]
    assert russian.subject == "Изменение: Семинар"
    assert "Изменились" in russian.body and "Было:" in russian.body
    entry = calendar_of(russian).walk("VEVENT")[0]
    assert entry["sequence"] == 1 and entry.decoded("dtstart") == new_start
    assert not sent[people["waiting"].email].attachments  # not in their calendar
    assert sent[people["waiting"].email].subject == "Changed: Workshop"
    assert MeetingDocument.objects.get(event=event).document == report
    report.refresh_from_db()
    assert report.visibility == Document.Visibility.STAFF  # out of the translated materials

    # A save that changes no date, time or place mails nothing; a correction can be quiet, and
    # still raises the calendar revision.
    mail.outbox.clear()
    before = Event.objects.get(pk=event.pk)
    event.description_en = "Now with a description."
    assert services.event_changes_announce(event=event, before=before) == 0
    event.place_ru = "Баку, Азербайджан"
    assert services.event_changes_announce(event=event, before=before, tell=False) == 0
    event.refresh_from_db()
    assert not mail.outbox and event.sequence == 2


def test_cancelling_tells_the_registrants_and_removes_it_from_calendars(
    staff_client, client, registrants
):
    registration_settings, people = registrants
    event = registration_settings.event
    url = reverse("admin:outreach_event_changelist")
    chosen = {"action": "cancel_selected", "_selected_action": [event.pk]}
    page = staff_client.post(url, chosen)
    assert page.status_code == 200 and "Workshop" in page.content.decode()
    assert not mail.outbox and not Event.objects.get().is_cancelled  # asked first
    staff_client.post(url, {**chosen, "confirm": "yes"})
    event.refresh_from_db()
    assert event.is_cancelled and event.sequence == 1
    sent = by_address(mail.outbox)
    assert set(sent) == {people["confirmed"].email, people["waiting"].email}
    russian = sent[people["confirmed"].email]
    assert russian.subject == "Отменено: Семинар" and "отменено" in russian.body
    calendar = calendar_of(russian)
    assert calendar["method"] == "CANCEL"
    entry = calendar.walk("VEVENT")[0]
    assert (entry["status"], entry["sequence"]) == ("CANCELLED", 1)
    assert str(entry["attendee"]) == f"mailto:{people['confirmed'].email}"
    assert not sent[people["waiting"].email].attachments

    # The page says so, registration stops, the subscribed calendar marks it; once only.
    html = client.get(f"/ru{event.get_absolute_url()[3:]}").content.decode()
    assert "Мероприятие отменено." in html and "/register/" not in html
    feed = client.get(reverse("outreach:events_calendar")).content.decode()
    assert "STATUS:CANCELLED" in feed and "SEQUENCE:1" in feed
    member = make_user()
    with translation.override("en"), pytest.raises(ValidationError, match="cancelled"):
        services.registration_self(
            event=event, user=member, person=services.Person("X", member.email), language="en"
        )
    mail.outbox.clear()
    staff_client.post(url, {**chosen, "confirm": "yes"})
    assert not mail.outbox


def test_a_cancelled_events_seats_are_offered_to_no_one(client, staff, registrants):
    registration_settings, people = registrants
    offered = services.registration_withdraw(registration=people["confirmed"], by=None)
    assert offered.status == Status.WITHDRAWN
    people["waiting"].refresh_from_db()
    assert people["waiting"].status == Status.OFFERED
    services.event_cancel(event=registration_settings.event, by=staff)
    # The offer mailed before the cancellation can no longer be taken.
    link = reverse("outreach:seat_offer", args=[offer_token(people["waiting"])])
    page = client.post(link, {"answer": "accept"}).content.decode()
    assert "This event has been cancelled." in page
    people["waiting"].refresh_from_db()
    assert people["waiting"].status == Status.OFFERED
    # A seat freed after it goes to no one.
    later = make_registration(registration_settings, status=Status.WAITING)
    mail.outbox.clear()
    services.registration_withdraw(registration=people["waiting"], by=None)
    later.refresh_from_db()
    assert later.status == Status.WAITING and not mail.outbox


# The staff's message to the participants -------------------------------------------------------


def test_staff_write_to_every_participant_in_their_language(staff_client, registrants):
    registration_settings, people = registrants
    english = make_registration(registration_settings, email="second@customs.ge", language="en")
    url = reverse("admin:outreach_event_write", args=[registration_settings.event.pk])
    page = staff_client.get(url).content.decode()
    assert "2 participants" in page and "Russian: 1" in page
    change = reverse("admin:outreach_event_change", args=[registration_settings.event.pk])
    assert url in staff_client.get(change).content.decode()

    # A participant reads Russian: the Russian text is required, and nothing is sent without it.
    only_english = {"subject_en": "Hotel", "text_en": "The hotel is booked."}
    response = staff_client.post(url, only_english)
    assert response.status_code == 200 and 'class="errorlist' in response.content.decode()
    assert not mail.outbox

    response = staff_client.post(
        url, {**only_english, "subject_ru": "Гостиница", "text_ru": "Гостиница забронирована."}
    )
    assert response.status_code == 302
    sent = by_address(mail.outbox)
    assert set(sent) == {people["confirmed"].email, english.email}  # not those waiting
    assert sent[people["confirmed"].email].subject == "Гостиница"
    assert "Гостиница забронирована." in sent[people["confirmed"].email].body
    assert "Здравствуйте" in sent[people["confirmed"].email].body
    assert sent[english.email].subject == "Hotel"
    assert LogEntry.objects.filter(object_id=str(registration_settings.event.pk)).exists()


def test_only_staff_who_may_change_the_event_write(client, registrants):
    registration_settings, _people = registrants
    clerk = make_user(email="clerk@rocb.test", is_staff=True)
    client.force_login(clerk)
    url = reverse("admin:outreach_event_write", args=[registration_settings.event.pk])
    assert client.post(url, {"subject_en": "x", "text_en": "y"}).status_code == 403
    assert not mail.outbox
