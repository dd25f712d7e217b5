from django.urls import path, register_converter

from core.cache import cache_public_page
from workplan import budget_views, views
from workplan.filters import FILTER_NAMES


class ActivityNumberConverter:
    """An activity number such as "1.10": the goal's number and the activity's, dot-separated."""

    regex = r"[1-9][0-9]{0,3}\.[1-9][0-9]{0,3}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(ActivityNumberConverter, "activity_number")

app_name = "workplan"

# What the public pages read (core.generations): any table of the plan, nothing else.
PLAN = "workplan"
# An activity's page also names the public library documents given as evidence and the
# administrations of the actuals' breakdown.
PLAN_AND_EVIDENCE = "workplan library.Document administrations.Administration"
# The Work Plan page links the plan's Strategic Framework Document (a library document).
PLAN_AND_FRAMEWORK = "workplan library.Document"

urlpatterns = [
    path(
        "workplan/",
        cache_public_page(views.PlanView.as_view(), reads=PLAN_AND_FRAMEWORK, params=FILTER_NAMES),
        name="plan",
    ),
    path(
        "workplan/activities/<activity_number:number>/",
        cache_public_page(
            views.ActivityDetailView.as_view(), reads=PLAN_AND_EVIDENCE, params=FILTER_NAMES
        ),
        name="activity",
    ),
    path(
        "workplan/progress/",
        cache_public_page(views.DashboardView.as_view(), reads=PLAN, params=["goal"]),
        name="progress",
    ),
    path(
        "workplan/logframe/",
        cache_public_page(views.LogframeView.as_view(), reads=PLAN, params=FILTER_NAMES),
        name="logframe",
    ),
    path(
        "workplan/logframe/export.csv",
        cache_public_page(
            views.LogframeExportView.as_view(file_format="csv"), reads=PLAN, params=FILTER_NAMES
        ),
        name="logframe_csv",
    ),
    path(
        "workplan/logframe/export.xlsx",
        cache_public_page(
            views.LogframeExportView.as_view(file_format="xlsx"), reads=PLAN, params=FILTER_NAMES
        ),
        name="logframe_xlsx",
    ),
    # An approved period's progress report, and its PDF: a report names the library documents
    # given as evidence and the administrations of the breakdowns, as an activity's page does.
    path(
        "workplan/reports/<slug:period>/",
        cache_public_page(views.ReportView.as_view(), reads=PLAN_AND_EVIDENCE),
        name="report",
    ),
    path(
        "workplan/reports/<slug:period>/report.pdf",
        cache_public_page(views.ReportPdfView.as_view(), reads=PLAN_AND_EVIDENCE),
        name="report_pdf",
    ),
    path(
        "workplan/export.csv",
        cache_public_page(
            views.ExportView.as_view(file_format="csv"), reads=PLAN, params=FILTER_NAMES
        ),
        name="export_csv",
    ),
    path(
        "workplan/export.xlsx",
        cache_public_page(
            views.ExportView.as_view(file_format="xlsx"), reads=PLAN, params=FILTER_NAMES
        ),
        name="export_xlsx",
    ),
    # Members only: the budget per goal and year, contributions by source, expenditure.
    path("members/budget/", budget_views.BudgetView.as_view(), name="budget"),
    *[
        path(
            f"members/budget/export.{file_format}",
            budget_views.BudgetExportView.as_view(),
            {"file_format": file_format},
            name=f"budget_{file_format}",
        )
        for file_format in ("csv", "xlsx")
    ],
]
