"""Indicators, targets and actuals: figures fit their measure, breakdowns their indicator, and
an approved period's figures are locked (services and admin alike)."""

import pytest
from django.core.exceptions import ValidationError

from administrations.models import Administration
from tests.library.factories import make_document
from tests.workplan.admin_forms import change_form_data
from workplan import services
from workplan.models import Actual, ReportingPeriod

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db) -> ReportingPeriod:
    return services.reporting_period_create(
        name={"en": "2021", "ru": "2021"}, starts_on="2021-01-01", ends_on="2021-12-31"
    )


@pytest.mark.parametrize(
    ("measure", "value", "message"),
    [
        ("yes_no", 2, "give 1 for yes or 0 for no"),
        ("percentage", 120, "cannot be more than 100"),
        ("qualitative", 3, "described in words"),
    ],
)
def test_a_figure_must_fit_its_measure(activity, draft, measure, value, message):
    indicator = services.indicator_create(
        activity=activity, name={"en": "Done", "ru": "Сделано"}, measure=measure
    )
    assert indicator.position == 2  # after the one the migration made
    with pytest.raises(ValidationError, match=message):
        services.actual_record(
            indicator=indicator, period=draft, narratives={"en": "x"}, value=value, author=None
        )
    with pytest.raises(ValidationError, match=message):
        services.target_set(indicator=indicator, period=draft, value=value)


def test_only_an_indicator_counting_people_is_broken_down_by_sex(activity, draft):
    indicator = activity.indicators.get()
    indicator.measure = "number"
    indicator.save()
    actual = services.actual_record(
        indicator=indicator, period=draft, narratives={"en": "Held."}, value=10, author=None
    )
    andorra = Administration.objects.get(code="AD")
    with pytest.raises(ValidationError, match="counts people"):
        services.actual_breakdown_set(actual=actual, rows=[(None, "female", 4)])
    with pytest.raises(ValidationError, match="administration, the sex or both"):
        services.actual_breakdown_set(actual=actual, rows=[(None, "", 4)])
    services.actual_breakdown_set(actual=actual, rows=[(andorra, "", 6)])
    indicator.counts_people = True
    indicator.save()
    rows = services.actual_breakdown_set(
        actual=actual, rows=[(None, "female", 4), (andorra, "male", 6)]
    )
    assert [str(row) for row in actual.breakdown.all()] == [str(rows[1]), "Women"]


def test_an_approved_period_is_locked_in_the_services(activity, draft):
    indicator = activity.indicators.get()
    actual = services.actual_record(
        indicator=indicator, period=draft, narratives={"en": "Begun."}, value=None, author=None
    )
    draft.report_status = ReportingPeriod.ReportStatus.APPROVED
    draft.save()
    for write in (
        lambda: services.actual_record(
            indicator=indicator,
            period=draft,
            narratives={"en": "Changed."},
            value=None,
            author=None,
        ),
        lambda: services.target_set(indicator=indicator, period=draft, value=None),
        lambda: services.actual_breakdown_set(actual=actual, rows=[]),
    ):
        with pytest.raises(ValidationError, match="approved and locked"):
            write()
    actual.refresh_from_db()
    assert actual.narrative_en == "Begun."


def test_an_approved_period_is_locked_in_the_admin(staff_client, activity):
    actual = Actual.objects.get(indicator__activity=activity)  # 2020, approved by the migration
    url = f"/admin/workplan/indicator/{actual.indicator_id}/change/"
    data = change_form_data(staff_client.get(url))
    prefix = next(k for k, v in data.items() if k.endswith("-id") and v == str(actual.pk))[:-3]
    data[f"{prefix}-narrative_en"] = "Rewritten after approval."
    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert "approved and locked" in response.content.decode()
    data[f"{prefix}-narrative_en"] = actual.narrative_en
    data[f"{prefix}-DELETE"] = "on"
    response = staff_client.post(url, data)
    assert "approved and locked" in response.content.decode()
    assert staff_client.get(f"/admin/workplan/actual/{actual.pk}/delete/").status_code == 403
    page = staff_client.get(f"/admin/workplan/actual/{actual.pk}/change/").content.decode()
    assert 'name="narrative_en"' not in page  # shown, not editable
    actual.refresh_from_db()
    assert actual.narrative_en.startswith("Requests for Capacity")


def test_an_actual_shows_its_evidence_and_breakdown_where_public(client, activity, draft):
    indicator = activity.indicators.get()
    indicator.measure, indicator.counts_people = "number", True
    indicator.save()
    public = make_document(title_en="Workshop report", languages=("en",), visibility="public")
    members = make_document(title_en="Members' attendance list", languages=("en",))
    first = services.actual_record(
        indicator=indicator,
        period=draft,
        narratives={"en": "Held."},
        value=10,
        author=None,
        evidence_document=public,
        evidence_url="https://www.wcoomd.org/report",
    )
    services.actual_breakdown_set(
        actual=first, rows=[(Administration.objects.get(code="AD"), "", 4), (None, "female", 6)]
    )
    later = services.reporting_period_create(
        name={"en": "2022"}, starts_on="2022-01-01", ends_on="2022-12-31"
    )
    services.actual_record(
        indicator=indicator,
        period=later,
        narratives={"en": "Held again."},
        value=12,
        author=None,
        evidence_document=members,
    )
    ReportingPeriod.objects.update(report_status="approved")
    html = client.get("/en/workplan/activities/1.1/").content.decode()
    assert f'href="/en/documents/{public.pk}/">Workshop report</a>' in html
    assert 'href="https://www.wcoomd.org/report"' in html
    assert "attendance list" not in html  # a members' document is not named in public
    assert '<th scope="row">Women</th><td class="number">6</td>' in html
