import io

import pytest

from workplan import demo
from workplan.models import Activity, ProgressEntry, ReportingPeriod

pytestmark = pytest.mark.django_db


def test_demo_progress_fills_the_dashboard(client, plan, staff):
    demo.load(stdout=io.StringIO())
    assert list(ReportingPeriod.objects.values_list("name_en", flat=True)) == [
        "2023",
        "2022",
        "2021",
        "2020",
    ]
    assert ProgressEntry.objects.filter(period__name_en="2023").count() == 27
    visits = Activity.objects.get(goal__number=7, sequence=1)
    assert (visits.baseline, visits.target) == (12000, 30000)
    values = list(
        visits.progress_entries.order_by("period__starts_on").values_list("value", flat=True)
    )
    assert values == [16500, 21000, 25500]
    html = client.get("/en/workplan/progress/").content.decode()
    assert html.count('role="img"') == 1 + 8  # statuses, and the eight countable indicators
