"""A period's report goes draft -> submitted -> approved (or back with the reviewer's comment);
only approved figures and narratives are public, and an approval refreshes the cached pages."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from reversion.models import Version

from accounts.models import User
from core.history import note_text
from workplan import services
from workplan.models import ReportingPeriod

pytestmark = pytest.mark.django_db

DRAFT_TEXT = "Seventeen administrations trained in the draft year."
DRAFT_TEXT_RU = "Семнадцать администраций обучены в черновом году."


@pytest.fixture
def office(db) -> User:
    """Office staff who prepare reports and may use the admin, but are no reviewers."""
    user = User.objects.create_user("writer@rocb.test", "x", is_staff=True)
    user.user_permissions.set(
        Group.objects.get(name="Reviewers").permissions.exclude(codename="review_reportingperiod")
    )
    return user


@pytest.fixture
def reviewer(db) -> User:
    user = User.objects.create_user("reviewer@rocb.test", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="Reviewers"))
    return user


@pytest.fixture
def reported(activity) -> ReportingPeriod:
    """2021 in draft, with a figure and a narrative for activity 1.1's indicator."""
    period = services.reporting_period_create(
        name={"en": "2021", "ru": "2021"}, starts_on="2021-01-01", ends_on="2021-12-31"
    )
    indicator = activity.indicators.get()
    indicator.measure, indicator.unit_en = "number", "needs"
    indicator.save()
    services.target_set(indicator=indicator, period=period, value=20)
    services.actual_record(
        indicator=indicator,
        period=period,
        narratives={"en": DRAFT_TEXT, "ru": DRAFT_TEXT_RU},
        value=17,
        author=None,
    )
    return period


def test_the_report_is_submitted_returned_with_a_comment_and_approved(reported, office, reviewer):
    period = services.period_report_submit(period=reported, by=office)
    assert period.report_status == "submitted" and period.submitted_on
    with pytest.raises(ValidationError, match="Say what should change"):
        services.period_report_return(period=period, by=reviewer, comment=" ")
    period = services.period_report_return(period=period, by=reviewer, comment="Add evidence.")
    assert (period.report_status, period.review_comment) == ("returned", "Add evidence.")
    with pytest.raises(ValidationError, match="does not apply"):
        services.period_report_approve(period=period, by=reviewer)  # not submitted again yet
    period = services.period_report_submit(period=period, by=office)
    period = services.period_report_approve(period=period, by=reviewer)
    assert period.is_locked and period.reviewed_by == reviewer and not period.review_comment
    comments = [note_text(v.revision.get_comment()) for v in Version.objects.get_for_object(period)]
    assert comments[:4] == [
        "Report approved",
        "Report submitted for review",
        "Report returned: Add evidence.",
        "Report submitted for review",
    ]


def test_a_non_reviewer_cannot_approve_return_or_reopen(reported, office, client):
    services.period_report_submit(period=reported, by=office)
    with pytest.raises(PermissionDenied):
        services.period_report_approve(period=reported, by=office)
    with pytest.raises(PermissionDenied):
        services.period_report_return(period=reported, by=office, comment="No.")
    client.force_login(office)
    response = client.post(
        "/admin/workplan/reportingperiod/",
        {"action": "approve_report", "_selected_action": [reported.pk], "comment": ""},
    )
    assert response.status_code in (200, 302)
    reported.refresh_from_db()
    assert reported.report_status == "submitted"  # the action is not even offered
    page = client.get("/admin/workplan/reportingperiod/").content.decode()
    assert 'value="submit_report"' in page and 'value="approve_report"' not in page


def test_a_reviewer_approves_and_reopens_in_the_admin_with_the_history(
    reported, office, reviewer, client
):
    services.period_report_submit(period=reported, by=office)
    client.force_login(reviewer)
    changelist = "/admin/workplan/reportingperiod/"
    client.post(changelist, {"action": "approve_report", "_selected_action": [reported.pk]})
    reported.refresh_from_db()
    assert reported.report_status == "approved"
    response = client.post(
        changelist,
        {"action": "reopen_report", "_selected_action": [reported.pk], "comment": ""},
        follow=True,
    )
    assert "Say why the report is reopened." in response.content.decode()
    client.post(
        changelist,
        {"action": "reopen_report", "_selected_action": [reported.pk], "comment": "Typo in 1.1."},
    )
    reported.refresh_from_db()
    assert (reported.report_status, reported.review_comment) == ("draft", "Typo in 1.1.")
    history = client.get(f"{changelist}{reported.pk}/history/").content.decode()
    assert "Report reopened: Typo in 1.1." in history and "reviewer@rocb.test" in history


PUBLIC = [
    "/en/workplan/",
    "/ru/workplan/",
    "/en/workplan/activities/1.1/",
    "/ru/workplan/progress/",
    "/en/workplan/export.csv",
    "/en/search/?q=Seventeen+administrations",
    "/ru/search/?q=Семнадцать",
    "/sitemap.xml",
    "/workplan/iati.xml",
    "/en/",
]


def _shown(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    return response.content.decode("utf-8-sig")


def test_only_approved_figures_and_narratives_are_public_and_approval_refreshes_the_cache(
    reported, office, reviewer
):
    visitor = Client()
    for path in PUBLIC:  # cached while in draft
        page = _shown(visitor, path)
        assert DRAFT_TEXT not in page and DRAFT_TEXT_RU not in page, path
    assert '<td class="number">17</td>' not in _shown(visitor, "/ru/workplan/progress/")
    assert "Latest reporting period: 2020." in _shown(visitor, "/en/")
    services.period_report_submit(period=reported, by=office)
    assert DRAFT_TEXT not in _shown(visitor, "/en/workplan/")
    services.period_report_approve(period=reported, by=reviewer)
    assert DRAFT_TEXT in _shown(visitor, "/en/workplan/")
    assert DRAFT_TEXT_RU in _shown(visitor, "/ru/workplan/")
    detail = _shown(visitor, "/en/workplan/activities/1.1/")
    assert DRAFT_TEXT in detail and "Actual value: 17" in detail
    assert '<td class="number">17</td>' in _shown(visitor, "/ru/workplan/progress/")
    assert DRAFT_TEXT in _shown(visitor, "/en/workplan/export.csv")
    assert DRAFT_TEXT_RU in _shown(visitor, "/workplan/iati.xml")
    assert "Latest reporting period: 2021." in _shown(visitor, "/en/")
