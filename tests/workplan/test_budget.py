"""The plan's budget: its rules in the database, the members' page and export, the public totals
(approved spending only, never a source), fixed query counts at scale, the cache refreshed."""

import csv
import datetime
import io
import random
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from tests.pages import latin_words
from tests.workplan.builders import make_big_plan
from workplan import budget_demo, budget_scale, budget_selectors, budget_services
from workplan.models import BudgetLine, Contribution, Expenditure, Goal, ReportingPeriod

pytestmark = pytest.mark.django_db

DASHBOARD = "/en/workplan/progress/"
BUDGET_PAGE = "/en/members/budget/"
MEMBER_NAME = {"Leyla", "Mammadova"}  # in the page's header


@pytest.fixture
def budget(plan, azerbaijan):
    """Two goals' budget for 2020 and 2021, four sources, and goal 1's spending in the approved
    2020 and in the draft 2021 (4,321: on no page)."""
    approved = ReportingPeriod.objects.get(starts_on=datetime.date(2020, 1, 1))
    draft = ReportingPeriod.objects.create(
        name_en="2021", name_ru="2021", starts_on="2021-01-01", ends_on="2021-12-31"
    )
    one, two = (Goal.objects.get(plan=plan, number=number) for number in (1, 2))
    budget_services.budget_line_set(goal=one, year=2020, amount=10000)
    budget_services.budget_line_set(goal=one, year=2021, amount=12000)
    budget_services.budget_line_set(goal=two, year=2020, amount=5000)
    donor = budget_services.donor_create(name={"en": "Blue Fund", "ru": "Голубой фонд"})
    for source, amount, extra in [
        ("member", 3000, {"administration": azerbaijan}),
        ("wco", 8000, {}),
        ("host", 1000, {}),
    ]:
        budget_services.contribution_set(
            plan=plan, year=2020, source=source, amount=amount, **extra
        )
    budget_services.contribution_set(plan=plan, year=2021, source="donor", donor=donor, amount=2000)
    # The 2020 report is approved (and locked): its spending as entered before the approval.
    Expenditure.objects.create(goal=one, period=approved, amount=7500)
    budget_services.expenditure_set(goal=one, period=draft, amount=4321)
    return {"approved": approved, "draft": draft, "one": one, "two": two}


def test_the_database_holds_the_budgets_rules(plan, azerbaijan, budget):
    one = budget["one"]
    for make in [
        lambda: BudgetLine.objects.create(goal=one, year=2020, amount=1),  # twice a year
        lambda: BudgetLine.objects.create(goal=one, year=2030, amount=-1),
        lambda: Contribution.objects.create(plan=plan, year=2022, source="member", amount=1),
        lambda: Contribution.objects.create(
            plan=plan, year=2022, source="wco", administration=azerbaijan, amount=1
        ),
        lambda: Contribution.objects.create(plan=plan, year=2020, source="wco", amount=1),
        lambda: Expenditure.objects.create(goal=one, period=budget["draft"], amount=1),
        lambda: BudgetLine.objects.create(goal=one, year=2022, amount=1, currency="eur"),
    ]:
        with pytest.raises(IntegrityError), transaction.atomic():
            make()


def test_services_refuse_what_the_forms_refuse(plan, budget):
    with pytest.raises(ValidationError, match="approved and locked"):
        budget_services.expenditure_set(goal=budget["one"], period=budget["approved"], amount=1)
    with pytest.raises(ValidationError, match="outside the plan"):
        budget_services.budget_line_set(goal=budget["one"], year=2019, amount=1)
    with pytest.raises(ValidationError):
        budget_services.contribution_set(plan=plan, year=2020, source="donor", amount=5)
    assert Expenditure.objects.get(period=budget["approved"]).amount == 7500


def test_totals_by_year_for_other_readers(plan, budget):
    assert budget_selectors.budget_totals_by_year(plan) == {2020: 15000, 2021: 12000}
    assert budget_selectors.goal_budgets_by_year(plan) == {
        budget["one"].pk: {2020: 10000, 2021: 12000},
        budget["two"].pk: {2020: 5000},
    }
    assert budget_selectors.goal_expenditure_by_year(plan) == {budget["one"].pk: {2020: 7500}}


def test_the_dashboard_shows_yearly_totals_and_execution_of_approved_periods_only(client, budget):
    html = client.get(DASHBOARD).content.decode()
    start = html.index('id="budget"')
    section = html[start : html.index("</section>", start)]
    assert '<th scope="row">2020</th>' in section
    for figure in ("15,000", "12,000", "7,500", "50%", "75%"):
        assert f'<td class="number">{figure}</td>' in section, figure
    assert "Goal 1: 10,000 budgeted, 7,500 spent (75%)." in section  # the text alternative
    assert section.count("no report approved yet") == 1  # 2021: spending not known yet
    assert "4,321" not in html  # the draft period's spending
    for source in ("Azerbaijan", "Blue Fund", "host country", "3,000"):
        assert source not in section  # never a source on a public page
    assert "Blue Fund" not in html
    assert section.count('role="img"') == 1

    ru = client.get("/ru/workplan/progress/").content.decode()
    assert "15\xa0000" in ru and "Исполнение бюджета по целям" in ru
    assert latin_words(ru) == []


def test_an_approved_report_puts_its_spending_on_the_public_dashboard(client, budget):
    client.get(DASHBOARD)  # cached
    ReportingPeriod.objects.filter(pk=budget["draft"].pk).update(report_status="approved")
    html = client.get(DASHBOARD).content.decode()
    assert '<td class="number">4,321</td>' in html  # 2021's spending, against its 12,000


def test_the_cached_dashboard_follows_a_change_of_the_figures(
    client, budget, django_assert_num_queries
):
    client.get(DASHBOARD)
    with django_assert_num_queries(0):
        assert client.get(DASHBOARD).status_code == 200
    budget_services.budget_line_set(goal=budget["two"], year=2020, amount=25000)
    assert '<td class="number">35,000</td>' in client.get(DASHBOARD).content.decode()


def test_members_read_the_budget_by_goal_source_and_period(member_client, budget):
    response = member_client.get(BUDGET_PAGE)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert html.count("<h1") == 1
    for text in ("Azerbaijan", "Blue Fund", "The WCO", "The host country"):
        assert f'<th scope="row">{text}</th>' in html, text
    assert '<td class="number">7,500</td>' in html and '<td class="number">12,000</td>' in html
    assert "4,321" not in html  # spending of a period not approved
    assert html.count('role="img"') == 2 and html.count("<desc id=") == 2
    assert 'class="budget"' in html  # the first column stays in view on a phone
    assert 'style="' not in html
    assert "2020: 12,000 in all (A member administration: 3,000; The WCO: 8,000;" in html

    ru = member_client.get(BUDGET_PAGE.replace("/en/", "/ru/")).content.decode()
    assert '<th scope="row">Голубой фонд</th>' in ru and '<th scope="row">Азербайджан</th>' in ru
    assert "12\xa0000" in ru
    assert latin_words(ru, allowed=MEMBER_NAME) == []


def test_the_members_page_reads_its_figures_only_after_a_change(member_client, budget):
    """Its figures are one cached fragment: a second visit reads no budget table, and a write
    to one of them shows at once."""
    member_client.get(BUDGET_PAGE)
    with CaptureQueriesContext(connection) as warm:
        assert member_client.get(BUDGET_PAGE).status_code == 200
    assert not [q["sql"] for q in warm.captured_queries if "workplan_budgetline" in q["sql"]]
    budget_services.budget_line_set(goal=budget["two"], year=2020, amount=25000)
    assert '<td class="number">25,000</td>' in member_client.get(BUDGET_PAGE).content.decode()
    donor = Contribution.objects.get(source="donor").donor
    donor.name_en = "Green Fund"
    donor.save()
    assert '<th scope="row">Green Fund</th>' in member_client.get(BUDGET_PAGE).content.decode()


def test_the_export_lists_every_figure_of_the_page(member_client, budget):
    response = member_client.get("/en/members/budget/export.csv")
    assert response["Content-Disposition"] == 'attachment; filename="rocb-europe-budget.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Table", "Year", "Reporting period", "Goal", "Source", "Amount", "Currency"]
    assert ["Contributions", "2020", "", "", "Azerbaijan", "3000.00", "EUR"] in rows
    assert rows[-1][:3] == ["Expenditure", "2020", "2020"] and rows[-1][5] == "7500.00"
    assert len(rows) == 1 + 3 + 4 + 1  # lines, contributions, approved spending
    assert "4321" not in response.content.decode()
    sheet = load_workbook(
        io.BytesIO(member_client.get("/ru/members/budget/export.xlsx").content)
    ).active
    assert sheet["A1"].value == "Таблица"
    assert sheet.max_row == 9


def test_budget_pages_cost_the_same_queries_at_scale(client, member, budget):
    paths = [DASHBOARD, BUDGET_PAGE, "/ru/members/budget/export.xlsx"]

    def counts() -> list[int]:
        found = []
        for path in paths:
            if "members" in path:
                client.force_login(member)
            with CaptureQueriesContext(connection) as queries:
                assert client.get(path).status_code == 200
            found.append(len(queries))
        client.logout()
        return found

    small = counts()
    assert max(small) <= 10, small
    plan = make_big_plan(goals=20, per_goal=2)
    budget_scale.load(
        plan=plan,
        periods=list(ReportingPeriod.objects.order_by("starts_on")),
        rng=random.Random(1),
    )
    assert Contribution.objects.filter(plan=plan).count() > 300
    assert counts() == small


def test_execution_needs_a_budget_to_be_a_share():
    row = budget_selectors.GoalExecution(label="Goal 9", spent=Decimal(5))
    assert row.execution is None
    row.budgeted = Decimal(20)
    assert row.execution == 25


def test_the_demo_budget_shows_in_both_languages_its_drafts_nowhere(client, member, plan):
    periods = [
        ReportingPeriod.objects.create(
            name_en=str(year),
            name_ru=str(year),
            starts_on=datetime.date(year, 1, 1),
            ends_on=datetime.date(year, 12, 31),
        )
        for year in (2021, 2022)
    ]
    budget_demo.load(plan=plan, periods=periods)
    assert BudgetLine.objects.count() == 7 * 3
    assert Contribution.objects.count() == 3 * 5 + 2
    assert Expenditure.objects.count() == 7 * 3
    html = client.get(DASHBOARD).content.decode()
    assert '<td class="number">36,800</td>' in html  # goal 1 spent 92% of 40,000 in 2020
    assert "32,760" not in html  # 78% of its 42,000 in 2021, still in draft
    client.force_login(member)
    ru = client.get("/ru/members/budget/").content.decode()
    assert "Демонстрационный фонд развития" in ru and "36\xa0800" in ru
    assert latin_words(ru, allowed=MEMBER_NAME) == []
