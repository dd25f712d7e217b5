"""Events as iCalendar (.ics) files that calendar programs import or subscribe to.

An event's UID is built from its primary key and `CALENDAR_UID_DOMAIN`, never from the host a
request came in on: a calendar subscribed through one address keeps one copy of each event
after the portal moves to another. Timed events carry their time zone (a VTIMEZONE each);
events of dates only stay all-day. Each entry carries the event's SEQUENCE, raised by every
change of date, time or place and by a cancellation, so that a calendar replaces its copy; a
cancelled event is STATUS:CANCELLED, and the file mailed with a cancellation is a METHOD:CANCEL
message (RFC 5546) that removes the event from the recipient's calendar.
"""

import datetime
from collections.abc import Iterable
from email.utils import parseaddr

import icalendar
from django.conf import settings

from outreach.models import Event


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{settings.CALENDAR_UID_DOMAIN}"


def _address(address: str) -> icalendar.vCalAddress:
    """A mail address ("Name <a@b>" or "a@b") as an iCalendar calendar user address."""
    name, email = parseaddr(address)
    value = icalendar.vCalAddress(f"mailto:{email}")
    if name:
        value.params["cn"] = name
    return value


def _entry(event: Event, *, url: str) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", event.updated_at)
    entry.add("sequence", event.sequence)
    if event.is_cancelled:
        entry.add("status", "CANCELLED")
    if event.has_times:
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
    else:
        # The end date is exclusive in iCalendar, hence the extra day.
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", event.ends_on + datetime.timedelta(days=1))
    entry.add("summary", event.title)
    entry.add("location", event.place)
    if event.description:
        entry.add("description", event.description)
    entry.add("url", event.url or url)
    return entry


def events_calendar(
    events: Iterable[Event],
    *,
    url_of,
    name: str | None = None,
    method: str | None = None,
    attendee: str | None = None,
) -> bytes:
    """A calendar of these events; `url_of(event)` gives each one's page address. With a
    `method` (an iTIP message such as CANCEL), each entry names the office as its organizer and
    the `attendee` (an e-mail address) it is sent to."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//ROCB Europe//Portal//EN")
    calendar.add("version", "2.0")
    if method:
        calendar.add("method", method)
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        entry = _entry(event, url=url_of(event))
        if method:
            entry.add("organizer", _address(settings.DEFAULT_FROM_EMAIL))
            if attendee:
                entry.add("attendee", _address(attendee))
        calendar.add_component(entry)
    # One VTIMEZONE per zone the events' times name, as RFC 5545 asks.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar(
    event: Event, *, url: str, method: str | None = None, attendee: str | None = None
) -> bytes:
    """One event's calendar file (a download, and the attachment of a confirmation, a change
    notice or, with `method="CANCEL"`, a cancellation)."""
    return events_calendar([event], url_of=lambda _event: url, method=method, attendee=attendee)
