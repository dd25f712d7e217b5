import io

import pytest

from workplan import demo
from workplan.models import Activity, Actual, ReportingPeriod, Target

pytestmark = pytest.mark.django_db


def test_demo_results_fill_the_dashboard_one_period_approved_one_in_draft(client, plan, staff):
    staff.is_superuser = True
    staff.save()
    demo.load(stdout=io.StringIO())
    assert list(ReportingPeriod.objects.values_list("name_en", "report_status")) == [
        ("2022", "draft"),
        ("2021", "approved"),
        ("2020", "approved"),
    ]
    assert Actual.objects.filter(period__name_en="2022").count() == 27
    assert Target.objects.filter(period__name_en="2021").count() == 8
    visits = Activity.objects.get(goal__number=7, sequence=1).indicators.get()
    assert (visits.baseline_value, visits.end_target) == (12000, 30000)
    values = list(visits.actuals.order_by("period__starts_on").values_list("value", flat=True))
    assert values == [16500, 21000]
    trained = Activity.objects.get(goal__number=7, sequence=2).indicators.get()
    assert set(trained.actuals.get(period__name_en="2021").breakdown.values_list("sex", flat=True))
    html = client.get("/en/workplan/progress/").content.decode()
    # Statuses, the targets of every goal, goal 1's three counting indicators, and the budget's
    # execution per goal.
    assert html.count('role="img"') == 1 + 1 + 3 + 1
    # The demo's 2021 figures mostly fall a little short of their targets; 2022's are in draft.
    assert "Goal 1: 1 of 3 targets met, 2 missed, 0 without an actual yet." in html
    logframe = client.get("/ru/workplan/logframe/").content.decode()
    assert "16500" in logframe and "21000" not in logframe  # the draft period is not public
