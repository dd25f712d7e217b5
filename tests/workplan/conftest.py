import pytest

from tests.workplan.builders import make_big_plan
from workplan.models import Activity, Plan


@pytest.fixture
def plan(db) -> Plan:
    """The office's real plan, loaded by the migrations."""
    return Plan.objects.get(is_current=True)


@pytest.fixture
def activity(plan) -> Activity:
    """Activity 1.1 of the real plan."""
    return Activity.objects.get(goal__plan=plan, goal__number=1, sequence=1)


@pytest.fixture
def big_plan(db) -> Plan:
    """300 activities, 3,000 progress entries."""
    return make_big_plan()
