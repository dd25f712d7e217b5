"""Demo needs for development: a request in every state of the office's workflow, in English, in
Russian and in both; an open round with questions (answered by Georgia) and last year's closed
one; a duplicate, an attachment and an internal note; missions of experts (from experts/demo.py):
one evaluated by both sides (in English and in Russian), one awaiting its evaluations, one to
come."""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import User
from competencies.models import Competency
from experts.models import Expert, ExpertiseArea
from needs import services
from needs.models import NeedsRound, Respondent, Status
from workplan.models import Activity

# A one-page PDF, enough for the attachment link to download something.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)

# status, administration's focal point, title (en, ru), description (en, ru), areas, modality
REQUESTS = [
    (
        Status.SUBMITTED,
        "focal@customs.test",
        ("Risk profiling of e-commerce parcels", ""),
        ("Our risk analysts need methods to profile small parcels from online sales.", ""),
        ["risk-management"],
        "workshop",
    ),
    (
        Status.ANALYSIS,
        "focal@customs.test",
        ("Post-clearance audit of AEO companies", "Пост-таможенный аудит компаний УЭО"),
        (
            "Auditors need training in system-based audits of authorised economic operators.",
            "Аудиторам нужно обучение системному аудиту уполномоченных экономических операторов.",
        ),
        ["post-clearance-audit", "aeo"],
        "mission",
    ),
    (
        Status.FORWARDED,
        "focal.ge@customs.test",
        ("", "Классификация товаров по ГС 2027"),
        ("", "Специалистам по классификации нужно обучение изменениям ГС 2027."),
        ["hs-classification"],
        "e_learning",
    ),
    (
        Status.PLANNED,
        "focal@customs.test",
        ("Valuation of used vehicles", "Таможенная стоимость подержанных автомобилей"),
        (
            "Valuation officers need reference methods for used vehicles.",
            "Сотрудникам нужны методы определения стоимости подержанных автомобилей.",
        ),
        ["valuation"],
        "study_visit",
    ),
    (
        Status.DELIVERED,
        "focal.ge@customs.test",
        ("Integrity and anti-corruption", "Добросовестность и противодействие коррупции"),
        (
            "Managers need tools to assess integrity risks in their units.",
            "Руководителям нужны инструменты оценки коррупционных рисков в подразделениях.",
        ),
        ["integrity"],
        "workshop",
    ),
    (
        Status.DECLINED,
        "focal@customs.test",
        ("Secondment to a national customs laboratory", ""),
        ("Two chemists would spend three months in another administration's laboratory.", ""),
        ["hs-classification"],
        "secondment",
    ),
]


def _area_slugs(slugs):
    known = set(ExpertiseArea.objects.filter(slug__in=slugs).values_list("slug", flat=True))
    return ExpertiseArea.objects.filter(slug__in=known or ["risk-management"])


def load(*, stdout) -> None:
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    focal_points = {user.email: user for user in User.objects.filter(is_focal_point=True)}
    if staff is None or not focal_points:
        stdout.write("Needs: no demo users, no requests.")
        return
    today = timezone.localdate()
    open_round = NeedsRound.objects.create(
        title=f"Call for capacity-building needs {today.year + 1}",
        title_en=f"Call for capacity-building needs {today.year + 1}",
        title_ru=f"Сбор потребностей в наращивании потенциала на {today.year + 1} год",
        year=today.year + 1,
        deadline=today + datetime.timedelta(days=10),
        questions_en="Which units need it most?\nWhat has been done on this already?",
        questions_ru="Каким подразделениям это нужнее всего?\nЧто уже сделано в этом направлении?",
    )
    NeedsRound.objects.create(
        title=f"Call for capacity-building needs {today.year}",
        title_en=f"Call for capacity-building needs {today.year}",
        title_ru=f"Сбор потребностей в наращивании потенциала на {today.year} год",
        year=today.year,
        deadline=today - datetime.timedelta(days=200),
    )
    activity = Activity.objects.order_by("goal__number", "sequence").first()
    competencies = list(Competency.objects.order_by("code")[:2])
    needs = []
    for n, (status, email, title, description, areas, modality) in enumerate(REQUESTS):
        user = focal_points.get(email) or next(iter(focal_points.values()))
        answering = status == Status.FORWARDED
        need = services.need_submit(
            submitted_by=user,
            details={
                "title_en": title[0],
                "title_ru": title[1],
                "description_en": description[0],
                "description_ru": description[1],
                "priority": ["high", "medium", "low"][n % 3],
                "modality": modality,
                "period_from": datetime.date(today.year + 1, 1 + n, 1),
                "period_to": datetime.date(today.year + 1, 4 + n, 1),
                "period_note": "",
                "officers": 10 + 5 * n,
            },
            areas=_area_slugs(areas),
            competencies=competencies if n % 2 else [],
            attachments=[ContentFile(DEMO_PDF, name="План обучения.pdf")] if n == 1 else [],
            round=open_round if answering else None,
            answers=(
                [
                    [question, "Отдел тарифной классификации."]
                    for question in open_round.question_list()
                ]
                if answering
                else None
            ),
        )
        steps = {
            Status.SUBMITTED: [],
            Status.ANALYSIS: [Status.ANALYSIS],
            Status.FORWARDED: [Status.ANALYSIS, Status.FORWARDED],
            Status.PLANNED: [Status.ANALYSIS, Status.FORWARDED, Status.PLANNED],
            Status.DELIVERED: [Status.ANALYSIS, Status.FORWARDED, Status.PLANNED, Status.DELIVERED],
            Status.DECLINED: [Status.ANALYSIS, Status.DECLINED],
        }[status]
        for step in steps:
            services.need_transition(
                need=need,
                status=step,
                by=staff,
                forwarded_on=today - datetime.timedelta(days=30),
                proposal_en="A regional workshop with two experts of the region.",
                proposal_ru="Региональный семинар с участием двух экспертов региона.",
                activity=activity,
                decline_reason_en="Laboratory secondments are outside the office's programme.",
                decline_reason_ru="Стажировки в лабораториях не входят в программу бюро.",
            )
        needs.append(need)
    services.need_note_add(
        need=needs[1], author=staff, text="Ask the WCO Secretariat whether an ACA can join."
    )
    duplicate = services.need_submit(
        submitted_by=needs[1].submitted_by,
        details={
            "title_en": "Audit of AEO companies (sent twice)",
            "title_ru": "",
            "description_en": "Auditors need training in system-based audits.",
            "description_ru": "",
            "priority": "medium",
            "modality": "mission",
            "period_from": None,
            "period_to": None,
            "period_note": "In the second half of the year",
            "officers": 15,
        },
        areas=_area_slugs(["post-clearance-audit"]),
    )
    services.need_merge(duplicate=duplicate, into=needs[1], by=staff)
    missions = _missions(needs, staff, focal_points, today)
    stdout.write(
        f"Needs: {len(needs) + 1} requests (one in each state, one duplicate), 2 rounds (one open),"
        f" {missions} missions."
    )


def _missions(needs, staff, focal_points, today) -> int:
    """Missions for the delivered and the planned request, by experts of other administrations:
    one evaluated by both sides, one awaiting its evaluations, one to come."""
    delivered, planned = needs[4], needs[3]
    plans = [
        (delivered, -70, True),  # ended ten weeks ago, both sides have answered
        (planned, -9, False),  # ended last week, the forms are mailed, no answer yet
        (planned, 40, False),  # to come
    ]
    made = 0
    for need, days, evaluated in plans:
        expert = (
            Expert.objects.exclude(administration=need.administration)
            .filter(areas__in=need.areas.all())
            .order_by("pk")
            .distinct()[made : made + 1]
            .first()
        ) or Expert.objects.exclude(administration=need.administration).order_by("pk").first()
        if expert is None:
            return made
        start = today + datetime.timedelta(days=days)
        mission = services.mission_create(
            need=need,
            expert=expert,
            start_date=start,
            end_date=start + datetime.timedelta(days=4),
            report=ContentFile(DEMO_PDF, name="Mission report.pdf") if evaluated else None,
            by=staff,
        )
        made += 1
        if not mission.has_ended(today):
            continue
        mission.evaluations_requested_at = timezone.now()
        mission.save(update_fields=["evaluations_requested_at"])
        if evaluated:
            host = next(
                (
                    user
                    for user in focal_points.values()
                    if user.administration_id == need.administration_id
                ),
                None,
            )
            services.mission_evaluate(
                mission=mission,
                respondent=Respondent.HOST,
                user=host,
                preparation=5,
                relevance=4,
                results=4,
                comment="Очень полезно: отдел уже применяет предложенные методы.",
            )
            services.mission_evaluate(
                mission=mission,
                respondent=Respondent.EXPERT,
                user=None,
                preparation=4,
                relevance=5,
                results=4,
                comment="Well organised; the participants came prepared.",
            )
    return made
