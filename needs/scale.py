"""Benchmark scale: 3,000 needs requests over the 60 member administrations, in both languages,
in every state of the workflow, with their areas of expertise; one open round."""

import datetime

from django.db import connection
from django.utils import timezone

from administrations.models import Administration
from core.scaling import bilingual, generator, pick, scaled
from experts.models import ExpertiseArea
from needs.models import Modality, NeedsRequest, NeedsRound, Priority, Status
from workplan.models import Activity

REQUESTS = 3_000

TITLES = [
    ("Risk profiling of e-commerce parcels", "Профилирование рисков для почтовых отправлений"),
    ("Post-clearance audit of AEO companies", "Пост-таможенный аудит компаний УЭО"),
    ("HS 2027 classification changes", "Изменения классификации ГС 2027"),
    ("Valuation of used vehicles", "Таможенная стоимость подержанных автомобилей"),
    ("Integrity risk assessment", "Оценка коррупционных рисков"),
    ("Competency-based training needs analysis", "Анализ потребностей в обучении по компетенциям"),
]
DESCRIPTIONS = [
    (
        "Officers need practical methods and a short course for new staff.",
        "Сотрудникам нужны практические методы и короткий курс для новых работников.",
    ),
    (
        "Managers ask for a regional workshop with experts of the region.",
        "Руководители просят региональный семинар с экспертами региона.",
    ),
]
PROPOSAL = bilingual(
    "proposal", "A regional workshop with two experts.", "Региональный семинар с двумя экспертами."
)
REASON = bilingual("decline_reason", "Outside the programme.", "Вне программы бюро.")


def load(*, stdout, scale: float = 1.0) -> None:
    rng = generator(13)
    administrations = list(Administration.objects.members().order_by("code"))
    areas = list(ExpertiseArea.objects.all())
    activity = Activity.objects.order_by("pk").first()
    today = timezone.localdate()
    now = timezone.now()
    needs_round = NeedsRound.objects.create(
        **bilingual("title", "Call for needs", "Сбор потребностей"),
        **bilingual("questions", "Which units need it most?", "Каким подразделениям нужнее?"),
        year=today.year + 1,
        deadline=today + datetime.timedelta(days=20),
    )
    statuses = Status.values
    rows = []
    for n in range(scaled(REQUESTS, scale)):
        status = statuses[n % len(statuses)]
        forwarded = status in (Status.FORWARDED, Status.PLANNED, Status.DELIVERED)
        submitted = now - datetime.timedelta(days=rng.randrange(4 * 365), minutes=n)
        rows.append(
            NeedsRequest(
                administration=administrations[n % len(administrations)],
                round=needs_round if n % 7 == 0 else None,
                **pick(rng, TITLES, "title"),
                **pick(rng, DESCRIPTIONS, "description"),
                priority=rng.choice(Priority.values),
                modality=rng.choice(Modality.values),
                officers=rng.randint(1, 200),
                status=status,
                submitted_at=submitted,
                status_changed_at=submitted,
                forwarded_on=today if forwarded else None,
                **(PROPOSAL if forwarded else {}),
                activity=activity if status in (Status.PLANNED, Status.DELIVERED) else None,
                **(REASON if status == Status.DECLINED else {}),
            )
        )
    needs = NeedsRequest.objects.bulk_create(rows, batch_size=2000)
    NeedsRequest.areas.through.objects.bulk_create(
        (
            NeedsRequest.areas.through(needsrequest_id=need.pk, expertisearea_id=area.pk)
            for need in needs
            for area in rng.sample(areas, rng.randint(1, 3))
        ),
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        for table in ("needs_needsrequest", "needs_needsrequest_areas"):
            cursor.execute(f"ANALYZE {table}")
    stdout.write(f"  {len(needs)} needs requests")
