"""Demo data for development: the invented starter framework (`starter.py`: the seeds give no
position or competency), most of it endorsed at two meetings, which made versions 1 and 2 of the
framework (version 2 changed a position's requirements, reworded a competency and added a
position), the rest in an open members' consultation round (the next version) with comments
from three administrations in English and Russian, the office's answers and two
administrations' positions; the demo member's self-assessments, against a position and against
a qualifications profile; and the seeds' e-learning courses linked to the starter competencies
they build (`course_links`, the mapping migration 0006 applies where those competencies exist)."""

import datetime
from itertools import cycle

from django.utils import timezone

from accounts.demo import DEMO_PASSWORD
from accounts.models import User
from administrations.models import Administration
from competencies import course_links, services, starter
from competencies.models import (
    Competency,
    ConsultationRound,
    FrameworkVersion,
    JobPosition,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    Status,
)
from competencies.selectors import profile_statements
from outreach.models import Tool

# The starter items the demo leaves in consultation; every other one is endorsed.
IN_CONSULTATION = {
    "positions": ["it-officer", "experts-coordinator", "research-analyst"],
    "competencies": ["MB-06", "SU-05", "OP-06", "OP-07"],
}

# author, item ("position"/"competency", slug or code), level number or None, text
COMMENTS = [
    (
        "member@customs.test",
        ("position", "experts-coordinator"),
        None,
        "The duties should say who keeps the experts' consent to be listed up to date: the "
        "coordinator or the nominating focal point.",
    ),
    (
        "focal.ge@customs.test",
        ("position", "experts-coordinator"),
        None,
        "Предлагаем добавить в обязанности ежегодную проверку актуальности сведений об экспертах "
        "вместе с контактными лицами администраций.",
    ),
    (
        "focal.md@customs.test",
        ("position", "it-officer"),
        None,
        "Нужно ли требовать уровень 3 по информационным технологиям, если бюро пользуется "
        "облачными сервисами? Нам кажется достаточным уровень 2.",
    ),
    (
        "focal.ge@customs.test",
        ("competency", "OP-06"),
        4,
        "Уровень 4 описывает работу руководителя, а не эксперта по мониторингу: предлагаем "
        "разделить индикаторы.",
    ),
    (
        "member@customs.test",
        ("competency", "OP-06"),
        None,
        "Please align the wording with the indicators of the Work Plan, so that the same terms "
        "are used for baselines and targets.",
    ),
    (
        "focal.md@customs.test",
        ("competency", "MB-06"),
        2,
        "Level 2 could mention working in mixed teams with colleagues of other administrations.",
    ),
]


# What version 2 changed: a position new in it, and one position's requirements (competency
# code: level in version 1, None where version 1 did not require it).
NEW_IN_VERSION_2 = "training-coordinator"
CHANGED_IN_VERSION_2 = ("capacity-building-officer", {"OP-02": 2, "OP-03": None, "OP-04": 2})
# A competency version 2 reworded: its definition in version 1.
REWORDED_IN_VERSION_2 = (
    "OP-01",
    "Knows the customs procedures and regimes.",
    "Знает таможенные процедуры и режимы.",
)
SECOND_MEETING = {
    "endorsed_on": datetime.date(2025, 5, 21),
    "endorsed_at_en": "the 2025 WCO Europe Region Heads of Customs Meeting",
    "endorsed_at_ru": (
        "совещание руководителей таможенных служб Европейского региона ВТамО 2025 года"
    ),
}


def _framework(*, staff) -> None:
    """Endorse the starter framework at two meetings (versions 1 and 2) through the endorsing
    service, as staff would; the items of the open round stay out of both."""
    starter.load(status=Status.DRAFT)
    if staff is None:  # no staff to endorse it: the items alone, without a version
        endorsed = {k: v for k, v in starter.DEMO_ENDORSEMENT.items() if k != "status"}
        JobPosition.objects.exclude(slug__in=IN_CONSULTATION["positions"]).update(
            status=Status.ENDORSED, **endorsed
        )
        Competency.objects.exclude(code__in=IN_CONSULTATION["competencies"]).update(
            status=Status.ENDORSED, **endorsed
        )
        return
    levels = {level.number: level for level in ProficiencyLevel.objects.all()}
    slug, earlier = CHANGED_IN_VERSION_2
    changed = JobPosition.objects.get(slug=slug)
    now = {r.competency.code: r for r in changed.requirements.select_related("competency", "level")}
    code, definition_en, definition_ru = REWORDED_IN_VERSION_2
    reworded = Competency.objects.get(code=code)
    today = (reworded.definition_en, reworded.definition_ru)
    # The framework as the first meeting found it ...
    for competency_code, number in earlier.items():
        if number is None:
            now[competency_code].delete()
        elif competency_code in now:
            Requirement.objects.filter(pk=now[competency_code].pk).update(level=levels[number])
        else:
            Requirement.objects.create(
                position=changed,
                competency=Competency.objects.get(code=competency_code),
                level=levels[number],
            )
    Competency.objects.filter(pk=reworded.pk).update(
        definition_en=definition_en, definition_ru=definition_ru
    )
    first = {k: v for k, v in starter.DEMO_ENDORSEMENT.items() if k != "status"}
    services.framework_endorse(
        positions=JobPosition.objects.exclude(
            slug__in=[*IN_CONSULTATION["positions"], NEW_IN_VERSION_2]
        ),
        competencies=Competency.objects.exclude(code__in=IN_CONSULTATION["competencies"]),
        by=staff,
        **first,
    )
    # ... and as the second one endorsed it: the starter framework as it stands.
    for competency_code in earlier:
        Requirement.objects.filter(position=changed, competency__code=competency_code).delete()
        if competency_code in now:
            Requirement.objects.create(
                position=changed,
                competency=now[competency_code].competency,
                level=now[competency_code].level,
            )
    reworded.refresh_from_db()
    reworded.definition_en, reworded.definition_ru = today
    reworded.save()
    services.framework_endorse(
        positions=JobPosition.objects.filter(slug__in=[slug, NEW_IN_VERSION_2]),
        competencies=[reworded],
        by=staff,
        **SECOND_MEETING,
    )


def _consultation(*, stdout) -> None:
    staff = User.objects.filter(is_staff=True).order_by("pk").first()
    moldova = Administration.objects.get(code="MD")
    User.objects.create_user(
        "focal.md@customs.test",
        DEMO_PASSWORD,
        full_name="Ion Rusu",
        administration=moldova,
        is_focal_point=True,
        language="ru",
    )
    today = timezone.localdate()
    round = ConsultationRound(
        title_en="Consultation on the draft job catalogue and competency dictionary",
        title_ru="Консультация по проекту каталога должностей и словаря компетенций",
        introduction_en="The office asks the Members for their comments on the positions and "
        "competencies it will present for endorsement at the next Heads of Customs meeting.",
        introduction_ru="Бюро просит членов региона высказать замечания по должностям и "
        "компетенциям, которые оно представит на одобрение следующему совещанию руководителей "
        "таможенных служб.",
        opens_on=today - datetime.timedelta(days=10),
        deadline=today + datetime.timedelta(days=14),
    )
    round.title = round.title_en
    round.full_clean()
    round.save()
    round.positions.set(JobPosition.objects.filter(slug__in=IN_CONSULTATION["positions"]))
    round.competencies.set(Competency.objects.filter(code__in=IN_CONSULTATION["competencies"]))
    services.consultation_round_open(round=round, by=staff)
    levels = {level.number: level for level in ProficiencyLevel.objects.all()}
    comments = []
    for email, (kind, key), level, text in COMMENTS:
        item = (
            {"position": JobPosition.objects.get(slug=key)}
            if kind == "position"
            else {"competency": Competency.objects.get(code=key)}
        )
        comments.append(
            services.consultation_comment_add(
                round=round,
                author=User.objects.get(email=email),
                text=text,
                level=levels.get(level),
                **item,
            )
        )
    services.consultation_comment_answer(
        comment=comments[0],
        by=staff,
        reply_en="The focal point keeps the consent current; the coordinator checks it once a "
        "year. We will say so in the duties.",
        reply_ru="Согласие поддерживает контактное лицо, координатор проверяет его раз в год. Мы "
        "укажем это в обязанностях.",
        resolved=True,
    )
    services.consultation_response_submit(
        round=round,
        by=User.objects.get(email="focal.ge@customs.test"),
        stance="changes",
        text="Поддерживаем проект при условии изменений, предложенных в наших замечаниях.",
    )
    services.consultation_response_submit(
        round=round, by=User.objects.get(email="focal@customs.test"), stance="agree", text=""
    )
    stdout.write(
        f"  A consultation round open until {round.deadline}: {len(comments)} comments from "
        "AZ, GE and MD (log in as focal.md@customs.test for Moldova)."
    )


def load(*, stdout) -> None:
    _framework(staff=User.objects.filter(is_staff=True).order_by("pk").first())
    linked = course_links.course_links_apply(tool_model=Tool, competency_model=Competency)
    stdout.write(f"  {linked} links from the seeds' e-learning courses to the competencies.")
    member = User.objects.filter(email="member@customs.test").first()
    position = JobPosition.objects.filter(slug="capacity-building-officer").first()
    if member and position:
        levels = [2, 3, 1, 2, 2, 3, 0, 1, 2]
        ratings = {
            requirement.competency_id: min(level, requirement.level.number)
            for requirement, level in zip(
                position.requirements.filter(competency__status=Status.ENDORSED)
                .select_related("level")
                .order_by("competency__code"),
                cycle(levels),
                strict=False,
            )
        }
        services.assessment_save(owner=member, position=position, ratings=ratings)
        stdout.write(f"  {member.email} has a self-assessment against “{position.title}”.")
    profile = QualificationLevel.objects.filter(level=4, track="practitioner").first()
    if member and profile:
        statements = [s for _a, _l, group in profile_statements(profile) for s in group]
        extents = cycle([2, 2, 1, 2, 0, 2, 1])
        services.profile_assessment_save(
            owner=member,
            profile=profile,
            holds_certificate=True,
            ratings={(s.aspect, s.key): next(extents) for s in statements},
        )
        stdout.write(f"  … and one against the qualifications profile “{profile.profile}”.")
    if User.objects.filter(email="focal.ge@customs.test").exists():
        _consultation(stdout=stdout)
    stdout.write(
        f"Competencies: {JobPosition.objects.endorsed().count()} positions and "
        f"{Competency.objects.endorsed().count()} competencies endorsed (all invented demo data), "
        f"in {FrameworkVersion.objects.count()} numbered versions."
    )
