"""Moves each activity's indicator figures and progress entries into the results framework,
and sets up the reviewers.

Every activity with an indicator text, a unit, a baseline, a target or progress gets its first
indicator: named by the activity's indicator text (in both languages), counting its unit, with
its baseline and its target (the target for the plan's end: the old one had no period). Each
progress entry becomes that indicator's actual for the period, with the same figure, summary
(as the narrative, in both languages), author and date. The periods reported so far were public
as they stood, so they are approved. The "Reviewers" group holds the permission to approve,
return and reopen a period's report, and what it needs to see the reports in the admin.
"""

from django.db import migrations

# Where an activity has progress but no indicator text (none of the real plan's 27).
UNNAMED = ("Progress of the activity", "Ход выполнения мероприятия")
REVIEWERS = "Reviewers"
PERMISSIONS = [
    ("reportingperiod", "review_reportingperiod", "Can approve, return and reopen a period's report"),
    ("reportingperiod", "view_reportingperiod", "Can view reporting period"),
    ("reportingperiod", "change_reportingperiod", "Can change reporting period"),
    ("indicator", "view_indicator", "Can view indicator"),
    ("target", "view_target", "Can view target"),
    ("actual", "view_actual", "Can view actual"),
]


def _both(obj, name):
    return getattr(obj, f"{name}_en") or "", getattr(obj, f"{name}_ru") or ""


def move(apps, schema_editor):
    Activity = apps.get_model("workplan", "Activity")
    Indicator = apps.get_model("workplan", "Indicator")
    Actual = apps.get_model("workplan", "Actual")
    ProgressEntry = apps.get_model("workplan", "ProgressEntry")
    ReportingPeriod = apps.get_model("workplan", "ReportingPeriod")

    entries: dict[int, list] = {}
    for entry in ProgressEntry.objects.order_by("period__starts_on"):
        entries.setdefault(entry.activity_id, []).append(entry)
    for activity in Activity.objects.order_by("pk"):
        name_en, name_ru = _both(activity, "indicator")
        unit_en, unit_ru = _both(activity, "unit")
        reported = entries.get(activity.pk, [])
        figures = [activity.baseline, activity.target, *(entry.value for entry in reported)]
        if not (name_en or name_ru or unit_en or unit_ru or reported) and all(
            figure is None for figure in figures
        ):
            continue
        if not (name_en or name_ru):
            name_en, name_ru = UNNAMED
        counted = bool(unit_en or unit_ru) or any(figure is not None for figure in figures)
        indicator = Indicator.objects.create(
            activity_id=activity.pk,
            position=1,
            name=name_en,
            name_en=name_en,
            name_ru=name_ru,
            unit=unit_en,
            unit_en=unit_en,
            unit_ru=unit_ru,
            measure="number" if counted else "qualitative",
            direction="higher",
            baseline_value=activity.baseline,
            end_target=activity.target,
            means_of_verification="",
            means_of_verification_en="",
            means_of_verification_ru="",
        )
        for entry in reported:
            summary_en, summary_ru = _both(entry, "summary")
            Actual.objects.create(
                indicator_id=indicator.pk,
                period_id=entry.period_id,
                value=entry.value,
                narrative=summary_en,
                narrative_en=summary_en,
                narrative_ru=summary_ru,
                author_id=entry.author_id,
                reported_on=entry.reported_on,
            )
    ReportingPeriod.objects.update(report_status="approved")

    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS)
    for model, codename, name in PERMISSIONS:
        content_type, _created = ContentType.objects.get_or_create(
            app_label="workplan", model=model
        )
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        reviewers.permissions.add(permission)


def move_back(apps, schema_editor):
    """The first indicator of each activity back into the activity and its progress entries."""
    Activity = apps.get_model("workplan", "Activity")
    Indicator = apps.get_model("workplan", "Indicator")
    ProgressEntry = apps.get_model("workplan", "ProgressEntry")
    apps.get_model("auth", "Group").objects.filter(name=REVIEWERS).delete()
    seen = set()
    for indicator in Indicator.objects.order_by("activity_id", "position", "pk"):
        if indicator.activity_id in seen:
            continue
        seen.add(indicator.activity_id)
        Activity.objects.filter(pk=indicator.activity_id).update(
            unit=indicator.unit_en or "",
            unit_en=indicator.unit_en or "",
            unit_ru=indicator.unit_ru or "",
            baseline=indicator.baseline_value,
            target=indicator.end_target,
        )
        for actual in indicator.actuals.all():
            ProgressEntry.objects.create(
                activity_id=indicator.activity_id,
                period_id=actual.period_id,
                summary=actual.narrative_en or "",
                summary_en=actual.narrative_en or "",
                summary_ru=actual.narrative_ru or "",
                value=actual.value,
                author_id=actual.author_id,
                reported_on=actual.reported_on,
            )


class Migration(migrations.Migration):
    dependencies = [
        ("workplan", "0003_indicators_targets_actuals"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(move, move_back)]
