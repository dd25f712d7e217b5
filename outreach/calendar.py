"""An event as an iCalendar (.ics) file that calendar programs import."""

import datetime

import icalendar

from outreach.models import Event


def event_calendar(event: Event, *, url: str, host: str) -> bytes:
    """One all-day VEVENT (the end date is exclusive in iCalendar, hence the extra day)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//ROCB Europe//Portal//EN")
    calendar.add("version", "2.0")
    entry = icalendar.Event()
    entry.add("uid", f"event-{event.pk}@{host}")
    entry.add("dtstamp", event.updated_at)
    entry.add("dtstart", event.starts_on)
    entry.add("dtend", event.ends_on + datetime.timedelta(days=1))
    entry.add("summary", event.title)
    entry.add("location", event.place)
    if event.description:
        entry.add("description", event.description)
    entry.add("url", event.url or url)
    calendar.add_component(entry)
    return calendar.to_ical()
