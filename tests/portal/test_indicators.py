"""Work Plan indicators computed from the portal's records: activity 1.1's from the requests
collected and analysed, others from missions and event participants; each open period is
computed with its breakdown by administration, an approved one keeps its figures."""

import datetime

import pytest
from django.utils import timezone

from needs import services as needs_services
from portal.indicators import indicators_compute
from tests.experts.factories import make_expert
from tests.needs.factories import advance, make_need
from tests.outreach.factories import make_event, make_registration, make_registration_settings
from workplan.models import Actual, Indicator, ReportingPeriod

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def this_year():
    return ReportingPeriod.objects.create(
        name_en=str(TODAY.year),
        starts_on=TODAY.replace(month=1, day=1),
        ends_on=TODAY.replace(month=12, day=31),
    )


@pytest.fixture
def needs_indicator():
    """The seed plan's activity 1.1: its indicator is computed since the migration."""
    return Indicator.objects.get(
        activity__goal__plan__is_current=True,
        activity__goal__number=1,
        activity__sequence=1,
        position=1,
    )


def test_activity_1_1_counts_the_requests_analysed_per_administration(
    needs_indicator, this_year, focal_point, other_focal_point, staff
):
    assert needs_indicator.source == Indicator.Source.NEEDS_ANALYSED
    for _ in range(2):
        advance(make_need(submitted_by=focal_point), "analysis", by=staff)
    advance(make_need(submitted_by=other_focal_point), "declined", by=staff)
    make_need(submitted_by=focal_point)  # not analysed yet
    duplicate = advance(make_need(submitted_by=focal_point), "analysis", by=staff)
    needs_services.need_merge(
        duplicate=duplicate, into=make_need(submitted_by=focal_point), by=staff
    )

    before = timezone.now()
    indicators_compute()
    actual = Actual.objects.get(indicator=needs_indicator, period=this_year)
    assert actual.value == 3
    assert actual.computed_at >= before and actual.author is None
    assert {(row.administration.code, row.value) for row in actual.breakdown.all()} == {
        ("AZ", 2),
        ("GE", 1),
    }
    # Computed again, it follows the records.
    advance(make_need(submitted_by=other_focal_point), "analysis", by=staff)
    indicators_compute()
    assert Actual.objects.get(indicator=needs_indicator, period=this_year).value == 4


def test_an_approved_period_keeps_the_figures_it_was_approved_with(
    needs_indicator, this_year, focal_point, staff
):
    advance(make_need(submitted_by=focal_point), "analysis", by=staff)
    indicators_compute()
    this_year.report_status = ReportingPeriod.ReportStatus.APPROVED
    this_year.save()
    advance(make_need(submitted_by=focal_point), "analysis", by=staff)
    assert indicators_compute() == 0
    assert Actual.objects.get(indicator=needs_indicator, period=this_year).value == 1


def test_missions_and_participants_are_counted_where_an_indicator_asks(
    this_year, focal_point, georgia, azerbaijan, staff
):
    missions, participants = Indicator.objects.filter(source="", measure="number").order_by("pk")[
        :2
    ]
    Indicator.objects.filter(pk=missions.pk).update(source=Indicator.Source.MISSIONS)
    Indicator.objects.filter(pk=participants.pk).update(source=Indicator.Source.PARTICIPANTS)
    start = TODAY.replace(month=1, day=2)
    needs_services.mission_create(
        need=make_need(submitted_by=focal_point),
        expert=make_expert(administration=georgia),
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
        by=staff,
    )
    event = make_registration_settings(make_event(starts_on=start, ends_on=start))
    make_registration(event, administration=azerbaijan)
    make_registration(event)  # of no administration: in the total, not in the breakdown
    make_registration(event, administration=azerbaijan, status="withdrawn")

    indicators_compute()
    assert Actual.objects.get(indicator=missions, period=this_year).value == 1
    counted = Actual.objects.get(indicator=participants, period=this_year)
    assert counted.value == 2
    assert [(row.administration.code, row.value) for row in counted.breakdown.all()] == [("AZ", 1)]


def test_the_activity_page_says_the_figure_is_computed(client, needs_indicator, this_year):
    indicators_compute()
    this_year.report_status = ReportingPeriod.ReportStatus.APPROVED
    this_year.save()
    html = client.get("/en/workplan/activities/1.1/").content.decode()
    assert "Computed from the portal&#x27;s records on" in html or (
        "Computed from the portal's records on" in html
    )
    html = client.get("/ru/workplan/activities/1.1/").content.decode()
    assert "Рассчитано по данным портала" in html


def test_the_scheduler_computes_them_each_night():
    import importlib

    from crontask import scheduler

    importlib.import_module("portal.tasks")
    assert "compute_indicators" in {job.name for job in scheduler.get_jobs()}


def test_only_a_number_is_computed(needs_indicator):
    from django.core.exceptions import ValidationError

    needs_indicator.measure = Indicator.Measure.QUALITATIVE
    with pytest.raises(ValidationError, match="choose the measure Number"):
        needs_indicator.full_clean()
