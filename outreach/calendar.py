"""Events as iCalendar (.ics) files that calendar programs import or subscribe to.

An event's UID is built from its primary key and `CALENDAR_UID_DOMAIN`, never from the host a
request came in on: a calendar subscribed through one address keeps one copy of each event
after the portal moves to another. Timed events carry their time zone (a VTIMEZONE each);
events of dates only stay all-day.
"""

import datetime
from collections.abc import Iterable

import icalendar
from django.conf import settings

from outreach.models import Event


def event_uid(event: Event) -> str:
    return f"event-{event.pk}@{settings.CALENDAR_UID_DOMAIN}"


def _entry(event: Event, *, url: str) -> icalendar.Event:
    entry = icalendar.Event()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", event.updated_at)
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


def events_calendar(events: Iterable[Event], *, url_of, name: str | None = None) -> bytes:
    """A calendar of these events; `url_of(event)` gives each one's page address."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//ROCB Europe//Portal//EN")
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(_entry(event, url=url_of(event)))
    # One VTIMEZONE per zone the events' times name, as RFC 5545 asks.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def event_calendar(event: Event, *, url: str) -> bytes:
    """One event's calendar file (a download, and the attachment of a confirmation)."""
    return events_calendar([event], url_of=lambda _event: url)
