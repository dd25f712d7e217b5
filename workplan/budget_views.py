"""The members' budget page and its export: the plan's budget per goal and year, the
contributions by source, the approved expenditure per goal and period, and execution.

Members only (`MemberRequiredMixin`): every member administration's users read the same page, so
it names the administrations' contributions; no browser or proxy keeps it (`no-store`). Its
figures are the same for every member and name no person, so the server keeps them rendered (one
fragment, refreshed by a write to a table they come from) and reads them only when it renders
them again. The public pages show yearly totals only (`budget_selectors.public_budget`, on the
dashboard).
"""

from django.http import Http404
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView, View

from administrations.access import MemberRequiredMixin
from core.spreadsheets import table_response
from workplan import budget_charts, budget_selectors, selectors


def _current_plan():
    plan = selectors.current_plan()
    if plan is None:
        raise Http404("No work plan is published.")
    return plan


def dashboard_context(plan) -> dict:
    """The public dashboard's budget section (`includes/_budget_public.html`): yearly totals
    and execution per goal, with its chart."""
    budget = budget_selectors.public_budget(plan=plan)
    chart = budget_charts.execution_chart(budget.goals, currency=budget.currency)
    return {"budget": budget, "budget_chart": chart}


@method_decorator(never_cache, name="dispatch")
class BudgetView(MemberRequiredMixin, TemplateView):
    template_name = "workplan/budget.html"

    def get_context_data(self, **kwargs):
        plan = _current_plan()
        # Read (and drawn) only when the page's cached fragment is missing.
        overview = SimpleLazyObject(lambda: budget_selectors.budget_overview(plan=plan))
        return super().get_context_data(
            plan=plan,
            overview=overview,
            execution_chart=SimpleLazyObject(
                lambda: budget_charts.execution_chart(
                    overview.execution, currency=overview.currency
                )
            ),
            contributions_chart=SimpleLazyObject(
                lambda: budget_charts.contributions_chart(
                    overview.shares, currency=overview.currency
                )
            ),
            sources=budget_selectors.SOURCES,
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class BudgetExportView(MemberRequiredMixin, View):
    """The members' page as one table, CSV or XLSX, in the page's language."""

    def get(self, request, file_format):
        overview = budget_selectors.budget_overview(plan=_current_plan())
        headers, rows = budget_selectors.budget_rows(overview)
        return table_response(headers, rows, filename="rocb-europe-budget", file_format=file_format)
