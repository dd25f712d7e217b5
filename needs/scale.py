"""Benchmark scale: 3,000 needs requests over the 60 member administrations, in both languages,
in every state of the workflow, with their areas of expertise; one open round; 500 missions of
the experts (experts/scale.py) over the last four years, most of them evaluated."""

import datetime

from django.db import connection
from django.utils import timezone

from administrations.models import Administration
from core.scaling import bilingual, generator, pick, scaled
from experts.models import Expert, ExpertiseArea
from needs.models import (
    Mission,
    MissionEvaluation,
    Modality,
    NeedsRequest,
    NeedsRound,
    Priority,
    Respondent,
    Status,
)
from workplan.models import Activity

REQUESTS = 3_000
MISSIONS = 500

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
    missions = make_missions(scaled(MISSIONS, scale), needs=needs, rng=rng, today=today)
    with connection.cursor() as cursor:
        for table in (
            "needs_needsrequest",
            "needs_needsrequest_areas",
            "needs_mission",
            "needs_missionevaluation",
        ):
            cursor.execute(f"ANALYZE {table}")
    stdout.write(f"  {len(needs)} needs requests, {len(missions)} missions")


def make_missions(count: int, *, needs, rng, today) -> list[Mission]:
    """`count` missions of random experts for planned or delivered requests of other
    administrations, begun over the last four years; those that have ended are evaluated."""
    planned = [need for need in needs if need.status in (Status.PLANNED, Status.DELIVERED)]
    experts = list(Expert.objects.values_list("pk", "administration_id"))
    if not planned or not experts:
        return []
    rows = []
    while len(rows) < count:
        need = rng.choice(planned)
        expert_id, provider_id = rng.choice(experts)
        if provider_id == need.administration_id:
            continue
        start = today - datetime.timedelta(days=rng.randrange(4 * 365))
        end = start + datetime.timedelta(days=rng.randint(2, 10))
        ended = end < today
        rows.append(
            Mission(
                need=need,
                expert_id=expert_id,
                administration_id=need.administration_id,
                provider_id=provider_id,
                start_date=start,
                end_date=end,
                evaluations_requested_at=timezone.now() if ended else None,
            )
        )
    missions = Mission.objects.bulk_create(rows, batch_size=2000)
    MissionEvaluation.objects.bulk_create(
        (
            MissionEvaluation(
                mission=mission,
                respondent=respondent,
                preparation=rng.randint(3, 5),
                relevance=rng.randint(2, 5),
                results=rng.randint(3, 5),
                comment="",
            )
            for mission in missions
            if mission.evaluations_requested_at
            for respondent in Respondent.values
        ),
        batch_size=2000,
    )
    return missions
