"""core.initial_versions makes the first versions reversion's createinitialrevisions makes (each
row's revision, with the rows it follows, serialised alike), in a few statements per model."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from reversion.models import Revision, Version
from reversion.revisions import add_to_revision, create_revision, set_comment

from administrations.models import Administration
from core.initial_versions import _leaves_first, create_initial_versions
from workplan import scale
from workplan.models import Activity, Actual, ActualBreakdown, Goal, Indicator, Stakeholder, Target

pytestmark = pytest.mark.django_db


def _without_versions(activities: list[Activity]) -> None:
    """The scale data's indicators and figures for the activities (workplan.scale), an actual
    broken down and an activity's stakeholders, and no version of any row."""
    rng = scale.generator(5)
    scale._figures(scale._indicators(activities, rng), scale._periods(), rng)
    actual = Actual.objects.filter(indicator__activity=activities[0]).order_by("pk").first()
    ActualBreakdown.objects.create(
        actual=actual, administration=Administration.objects.first(), sex="female", value=3
    )
    activities[0].stakeholders.set(Stakeholder.objects.all()[:2])
    Version.objects.all().delete()
    Revision.objects.all().delete()


@pytest.fixture
def plan_without_versions(db):
    """The migrated work plan, with figures for each activity."""
    _without_versions(list(Activity.objects.order_by("pk")))


@pytest.fixture
def goal_without_versions(db):
    """One goal of the migrated plan, with figures for two of its activities: reversion's own
    loop takes a minute over the whole plan."""
    activities = list(Activity.objects.order_by("pk"))
    Goal.objects.exclude(pk=activities[0].goal_id).delete()
    _without_versions([a for a in activities if a.goal_id == activities[0].goal_id][:2])


def _history() -> list[tuple]:
    """Every revision's comment and versions, in the order they were made."""
    return [
        (
            revision.comment,
            [
                (
                    v.content_type.model,
                    v.object_id,
                    v.db,
                    v.format,
                    v.serialized_data,
                    v.object_repr,
                )
                for v in revision.version_set.order_by("pk")
            ],
        )
        for revision in Revision.objects.order_by("pk")
    ]


def _reversions_own_loop(comment: str) -> None:
    """What createinitialrevisions does for each row without a version, models leaves first."""
    from reversion.revisions import get_registered_models

    models = [m for m in get_registered_models() if m._meta.app_label == "workplan"]
    for model in _leaves_first(models):
        versioned = Version.objects.get_for_model(model).values_list("object_id", flat=True)
        for row in model.objects.exclude(pk__in=[int(pk) for pk in versioned]).order_by("pk"):
            with create_revision():
                set_comment(comment)
                add_to_revision(row)


def test_the_versions_are_those_reversion_makes(goal_without_versions):
    assert Target.objects.exists() and Actual.objects.exists() and Indicator.objects.exists()
    assert ActualBreakdown.objects.exists() and Activity.stakeholders.through.objects.exists()
    _reversions_own_loop("Initial version.")
    expected = _history()
    Version.objects.all().delete()
    Revision.objects.all().delete()

    made = create_initial_versions("workplan")

    assert _history() == expected
    assert made == len(expected)


def test_a_few_statements_per_model_whatever_the_rows(plan_without_versions):
    rows = Target.objects.count() + Actual.objects.count() + Indicator.objects.count()
    with CaptureQueriesContext(connection) as queries:
        create_initial_versions("workplan")
    assert rows > 300
    assert len(queries) < 150


def test_models_are_done_leaves_first():
    order = _leaves_first([Goal, Target, Activity, Actual, ActualBreakdown, Indicator])
    assert order.index(ActualBreakdown) < order.index(Actual) < order.index(Indicator)
    assert order.index(Target) < order.index(Indicator) < order.index(Activity)
    assert order.index(Activity) < order.index(Goal)


def test_rows_with_a_version_keep_theirs(goal_without_versions):
    create_initial_versions("workplan")
    before = Version.objects.count()
    assert create_initial_versions("workplan") == 0
    assert Version.objects.count() == before
