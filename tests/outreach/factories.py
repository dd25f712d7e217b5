"""Builders of outreach test data: plain functions with defaults, overridable by keyword."""

import datetime
from itertools import count

from django.utils import timezone

from outreach.models import (
    Audience,
    Event,
    MeetingDocument,
    NewsItem,
    Registration,
    RegistrationSettings,
    Status,
)
from tests.library.factories import make_document

_serial = count(1)


def make_news(**fields) -> NewsItem:
    n = next(_serial)
    fields.setdefault("slug", f"news-{n}")
    fields.setdefault("title_en", f"News item {n}")
    fields.setdefault("summary_en", f"Summary of news item {n}.")
    fields.setdefault("status", Status.PUBLISHED)
    return NewsItem.objects.create(**fields)


def make_many_news(number: int, **fields) -> None:
    """Many published news items at once, in English and Russian."""
    now = timezone.now()
    NewsItem.objects.bulk_create(
        NewsItem(
            slug=f"bulk-{i}",
            title_en=f"Bulk news {i}",
            title_ru=f"Массовая новость {i}",
            summary_en=f"Summary {i}.",
            summary_ru=f"Краткое содержание {i}.",
            body_en=f"<p>Body {i}</p>",
            status=Status.PUBLISHED,
            published_at=now - datetime.timedelta(hours=i),
            **fields,
        )
        for i in range(number)
    )


def make_event(**fields) -> Event:
    n = next(_serial)
    today = timezone.localdate()
    fields.setdefault("slug", f"event-{n}")
    fields.setdefault("title_en", f"Event {n}")
    fields.setdefault("place_en", "Baku, Azerbaijan")
    fields.setdefault("kind", Event.Kind.WORKSHOP)
    fields.setdefault("starts_on", today + datetime.timedelta(days=10))
    fields.setdefault("ends_on", fields["starts_on"] + datetime.timedelta(days=2))
    fields.setdefault("status", Status.PUBLISHED)
    return Event.objects.create(**fields)


def make_many_events(number: int, *, past: bool) -> None:
    today = timezone.localdate()
    sign = -1 if past else 1
    Event.objects.bulk_create(
        Event(
            slug=f"bulk-{'past' if past else 'next'}-{i}",
            title_en=f"Bulk event {i}",
            title_ru=f"Массовое мероприятие {i}",
            place_en="Online",
            place_ru="Онлайн",
            kind=Event.Kind.WEBINAR,
            starts_on=today + datetime.timedelta(days=sign * (i + 2)),
            ends_on=today + datetime.timedelta(days=sign * (i + 2)),
            status=Status.PUBLISHED,
        )
        for i in range(number)
    )


def make_registration_settings(event: Event | None = None, **fields) -> RegistrationSettings:
    """Registration open since yesterday for five more days, for members, ten seats."""
    now = timezone.now()
    fields.setdefault("opens_at", now - datetime.timedelta(days=1))
    fields.setdefault("closes_at", now + datetime.timedelta(days=5))
    fields.setdefault("capacity", 10)
    fields.setdefault("audience", Audience.MEMBERS)
    return RegistrationSettings.objects.create(event=event or make_event(), **fields)


def make_registration(registration_settings: RegistrationSettings, **fields) -> Registration:
    n = next(_serial)
    fields.setdefault("full_name", f"Officer {n}")
    fields.setdefault("email", f"officer-{n}@customs.test")
    fields.setdefault("status", Registration.Status.CONFIRMED)
    return Registration.objects.create(event=registration_settings.event, **fields)


def make_meeting_document(event: Event, **fields) -> MeetingDocument:
    """A library document with real files in English and Russian, attached to the event (a
    participants' presentation unless told otherwise)."""
    document = fields.pop("document", None) or make_document(
        title_en=fields.pop("title_en", None) or f"Meeting paper {next(_serial)}",
        visibility=fields.pop("library_visibility", "staff"),
        languages=fields.pop("languages", ("en", "ru")),
    )
    fields.setdefault("kind", MeetingDocument.Kind.PRESENTATION)
    fields.setdefault("visibility", MeetingDocument.Visibility.PARTICIPANTS)
    return MeetingDocument.objects.create(event=event, document=document, **fields)
