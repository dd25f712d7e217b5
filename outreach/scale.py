"""Benchmark scale: 2,000 news items and 500 events (past and upcoming), in both languages; the
soonest upcoming event takes registrations: 300 people of the member administrations, 200 seated
and 100 on the waiting list.

The news text is rich text: bulk_create() saves it through the field's own sanitiser, as any
save does. The search indexes are on expressions, so PostgreSQL keeps them.
"""

import datetime

from django.utils import timezone

from administrations.models import Administration
from core.scaling import bilingual, generator, scaled
from outreach.models import Audience, Event, NewsItem, Registration, RegistrationSettings, Status

NEWS = 2_000
EVENTS = 500
REGISTRATIONS, SEATS = 300, 200

SUBJECTS = [
    ("risk management", "управлению рисками"),
    ("post-clearance audit", "пост-таможенному аудиту"),
    ("the Revised Kyoto Convention", "Пересмотренной Киотской конвенции"),
    ("e-learning", "электронному обучению"),
    ("competency-based HRM", "управлению персоналом на основе компетенций"),
    ("integrity", "добросовестности"),
    ("AEO programmes", "программам УЭО"),
]
HEADLINES = [
    ("Regional workshop on", "Региональный семинар по"),
    ("Member administrations meet on", "Администрации-члены встретились по"),
    ("New guidance on", "Новые рекомендации по"),
    ("Training course on", "Учебный курс по"),
]
KINDS = {
    Event.Kind.CONFERENCE: ("Conference", "Конференция"),
    Event.Kind.WORKSHOP: ("Workshop", "Семинар"),
    Event.Kind.SEMINAR: ("Seminar", "Семинар"),
    Event.Kind.TRAINING: ("Training course", "Учебный курс"),
    Event.Kind.WEBINAR: ("Webinar", "Вебинар"),
    Event.Kind.MEETING: ("Meeting", "Встреча"),
}
PLACES = [("Baku", "Баку"), ("Tbilisi", "Тбилиси"), ("Astana", "Астана"), ("Online", "Онлайн")]
BODY = (
    "<p>Representatives of the member administrations met to share their experience of {topic}."
    "</p><ul><li>National practices</li><li>WCO instruments and tools</li>"
    "<li>Next steps for the region</li></ul><p>The office thanks the hosts.</p>",
    "<p>Представители администраций-членов обменялись опытом по {topic}.</p><ul>"
    "<li>Национальная практика</li><li>Инструменты ВТамО</li><li>Дальнейшие шаги в регионе</li>"
    "</ul><p>Бюро благодарит принимающую сторону.</p>",
)


def load(*, stdout, scale: float = 1.0) -> None:
    rng = generator(13)
    now = timezone.now()
    news_count, event_count = scaled(NEWS, scale), scaled(EVENTS, scale)
    news = []
    for n in range(news_count):
        subject, headline = rng.choice(SUBJECTS), rng.choice(HEADLINES)
        news.append(
            NewsItem(
                **bilingual("title", f"{headline[0]} {subject[0]}", f"{headline[1]} {subject[1]}"),
                slug=f"scale-news-{n + 1}",
                **bilingual(
                    "summary",
                    f"The region's customs administrations worked together on {subject[0]}.",
                    f"Таможенные администрации региона совместно работали по {subject[1]}.",
                ),
                **bilingual(
                    "body", BODY[0].format(topic=subject[0]), BODY[1].format(topic=subject[1])
                ),
                # One in fifty is a draft, which the public never sees.
                status=Status.DRAFT if n % 50 == 49 else Status.PUBLISHED,
                # A news item every two days or so over eleven years, the newest first in pk.
                published_at=now - datetime.timedelta(days=2 * n, hours=rng.randrange(24)),
            )
        )
    NewsItem.objects.bulk_create(news, batch_size=500)

    today = timezone.localdate()
    events = []
    for n in range(event_count):
        subject, place = rng.choice(SUBJECTS), rng.choice(PLACES)
        kind = rng.choice(list(KINDS))
        # A tenth are upcoming, the rest spread over the past years.
        starts_on = today + datetime.timedelta(days=7 * (event_count // 10 - n))
        events.append(
            Event(
                **bilingual(
                    "title",
                    f"{KINDS[kind][0]} on {subject[0]}",
                    f"{KINDS[kind][1]} по {subject[1]}",
                ),
                slug=f"scale-event-{n + 1}",
                kind=kind,
                starts_on=starts_on,
                ends_on=starts_on + datetime.timedelta(days=rng.randrange(3)),
                **bilingual("place", *place),
                **bilingual(
                    "description",
                    f"For the member administrations' officers working on {subject[0]}.",
                    f"Для сотрудников администраций-членов, работающих по {subject[1]}.",
                ),
                status=Status.PUBLISHED,
            )
        )
    Event.objects.bulk_create(events, batch_size=500)
    registrations = load_meeting(scale=scale)
    stdout.write(f"  {news_count} news items, {event_count} events, {registrations} registrations")


def load_meeting(*, scale: float) -> int:
    """The soonest upcoming event, open to members, full, with a waiting list."""
    now = timezone.now()
    meeting = Event.objects.filter(ends_on__gte=timezone.localdate()).order_by("starts_on").first()
    seats, count = scaled(SEATS, scale), scaled(REGISTRATIONS, scale)
    RegistrationSettings.objects.create(
        event=meeting,
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=3),
        capacity=seats,
        audience=Audience.MEMBERS,
    )
    administrations = list(Administration.objects.members().order_by("code"))
    Registration.objects.bulk_create(
        Registration(
            event=meeting,
            administration=administrations[n % len(administrations)],
            full_name=f"Participant {n + 1}",
            email=f"participant-{n + 1}@customs.test",
            position="Customs officer",
            consent_to_list=n % 2 == 0,
            status=Registration.Status.CONFIRMED if n < seats else Registration.Status.WAITING,
            created_at=now - datetime.timedelta(minutes=count - n),
        )
        for n in range(count)
    )
    return count
