"""The invented starter framework (a proficiency scale, 10 positions, 18 competencies) leaves the
databases that migration 0002 once filled with it: they are demo data now
(`competencies/starter.py`, loaded by `make run`).

Only what is exactly as 0002 made it goes: an item the office has edited, endorsed, put into
consultation or linked to e-learning stays, as does one a member's self-assessment or an
administration's needs request refers to, a position another remaining position reports to, a
competency a remaining position requires, and a level something remaining uses.
"""

from django.db import migrations


def _positions_unchanged(apps, starter):
    JobPosition = apps.get_model("competencies", "JobPosition")
    unchanged = {}
    for order, (slug, area, manager, title, purpose, duties, required) in enumerate(
        starter.POSITIONS, 1
    ):
        position = JobPosition.objects.filter(slug=slug).select_related("area", "reports_to").first()
        if position is None:
            continue
        duties_en, duties_ru = starter.joined(duties)
        same = (
            position.area.code == area
            and (position.reports_to.slug if position.reports_to else None) == manager
            and position.position == order
            and (position.title_en, position.title_ru) == title
            and (position.purpose_en, position.purpose_ru) == purpose
            and (position.duties_en, position.duties_ru) == (duties_en, duties_ru)
            and position.status == "draft"
            and not position.self_assessments.exists()
            and {
                (requirement.competency.code, requirement.level.number)
                for requirement in position.requirements.select_related("competency", "level")
            }
            == set(required.items())
        )
        if same:
            unchanged[position.pk] = position
    # A position goes only when every position reporting to it goes too.
    while True:
        kept_managers = set(
            JobPosition.objects.exclude(pk__in=unchanged)
            .filter(reports_to__in=list(unchanged))
            .values_list("reports_to_id", flat=True)
        )
        if not kept_managers:
            return unchanged
        for pk in kept_managers:
            unchanged.pop(pk)


def _competencies_unchanged(apps, starter, leaving_positions):
    Competency = apps.get_model("competencies", "Competency")
    Requirement = apps.get_model("competencies", "Requirement")
    SelfRating = apps.get_model("competencies", "SelfRating")
    unchanged = {}
    for order, (code, family, name, definition, indicators) in enumerate(starter.COMPETENCIES, 1):
        competency = Competency.objects.filter(code=code).select_related("family").first()
        if competency is None:
            continue
        same = (
            competency.family.code == family
            and competency.position == order
            and (competency.name_en, competency.name_ru) == name
            and (competency.definition_en, competency.definition_ru) == definition
            and competency.status == "draft"
            and not competency.learning_resources.exists()
            and not competency.needs.exists()
            and not SelfRating.objects.filter(competency=competency).exists()
            and not Requirement.objects.filter(competency=competency)
            .exclude(position__in=leaving_positions)
            .exists()
            and {
                (descriptor.level.number, descriptor.indicators_en, descriptor.indicators_ru)
                for descriptor in competency.descriptors.select_related("level")
            }
            == {(number, *pair) for number, pair in enumerate(indicators, 1)}
        )
        if same:
            unchanged[competency.pk] = competency
    return unchanged


def remove_unchanged_starter_items(apps, schema_editor):
    from competencies import starter

    JobPosition = apps.get_model("competencies", "JobPosition")
    Competency = apps.get_model("competencies", "Competency")
    ProficiencyLevel = apps.get_model("competencies", "ProficiencyLevel")
    positions = _positions_unchanged(apps, starter)
    competencies = _competencies_unchanged(apps, starter, list(positions))
    # Requirements and descriptors go with their position and competency.
    JobPosition.objects.filter(pk__in=list(positions)).delete()
    Competency.objects.filter(pk__in=list(competencies)).delete()
    for number, name, description in starter.LEVELS:
        level = ProficiencyLevel.objects.filter(number=number).first()
        if level is None:
            continue
        same = (level.name_en, level.name_ru) == name and (
            level.description_en,
            level.description_ru,
        ) == description
        used = (
            level.descriptors.exists()
            or level.requirements.exists()
            or apps.get_model("competencies", "SelfRating").objects.filter(level=level).exists()
        )
        if same and not used:
            level.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("competencies", "0003_publication_states"),
        # A needs request's competencies are looked at: the needs tables must be there.
        ("needs", "0001_initial"),
    ]

    operations = [migrations.RunPython(remove_unchanged_starter_items, migrations.RunPython.noop)]
