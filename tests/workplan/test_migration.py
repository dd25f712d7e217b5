"""Moving the per-activity figures and progress entries into indicators and actuals loses
nothing, and sets up the reviewers."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from accounts.models import User
from workplan.models import Activity, Actual, Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

BEFORE_THE_MOVE = [("workplan", "0002_seed_plan")]


def migrate(targets, state):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(state).apps


def test_figures_and_progress_move_into_indicators_and_actuals():
    old = migrate(BEFORE_THE_MOVE, BEFORE_THE_MOVE)
    OldActivity = old.get_model("workplan", "Activity")
    OldEntry = old.get_model("workplan", "ProgressEntry")
    OldPeriod = old.get_model("workplan", "ReportingPeriod")
    author = old.get_model("accounts", "User").objects.create(email="old@rocb.test", password="!")
    visits = OldActivity.objects.get(goal__number=7, sequence=1)
    visits.baseline, visits.target = 12000, 30000
    visits.save()
    later = OldPeriod.objects.create(
        name="2021",
        name_en="2021",
        name_ru="2021",
        starts_on=datetime.date(2021, 1, 1),
        ends_on=datetime.date(2021, 12, 31),
    )
    OldEntry.objects.create(
        activity=visits,
        period=later,
        summary="Visits grew.",
        summary_en="Visits grew.",
        summary_ru="Посещений стало больше.",
        value=16500,
        author=author,
        reported_on=datetime.date(2022, 1, 15),
    )
    silent = OldActivity.objects.get(goal__number=6, sequence=1)
    silent.indicator = silent.indicator_en = silent.indicator_ru = ""
    silent.save()
    OldEntry.objects.create(
        activity=silent, period=later, summary_en="Begun.", summary_ru="Начато.", summary="Begun."
    )
    entries = {
        (entry.activity_id, entry.period_id): (entry.summary_en, entry.summary_ru, entry.value)
        for entry in OldEntry.objects.all()
    }

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    assert Indicator.objects.count() == Activity.objects.count() == 27
    indicator = Indicator.objects.get(activity_id=visits.pk)
    assert (indicator.unit_en, indicator.unit_ru, indicator.measure) == (
        "visits",
        "посещения",
        "number",
    )
    assert (indicator.baseline_value, indicator.end_target) == (12000, 30000)
    assert indicator.name_ru == visits.indicator_ru
    moved = {
        (actual.indicator.activity_id, actual.period_id): (
            actual.narrative_en,
            actual.narrative_ru,
            actual.value,
        )
        for actual in Actual.objects.select_related("indicator")
    }
    assert moved == entries
    grown = Actual.objects.get(indicator=indicator)
    assert grown.value == Decimal(16500)
    assert grown.author == User.objects.get(email="old@rocb.test")
    assert grown.reported_on == datetime.date(2022, 1, 15)
    unnamed = Indicator.objects.get(activity_id=silent.pk)
    assert (unnamed.name_en, unnamed.measure) == ("Progress of the activity", "qualitative")
    # What was public stays public.
    assert set(ReportingPeriod.objects.values_list("report_status", flat=True)) == {"approved"}
    reviewers = Group.objects.get(name="Reviewers")
    assert reviewers.permissions.filter(codename="review_reportingperiod").exists()
