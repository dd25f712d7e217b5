"""Public pages of the work plan: the plan, one activity, the progress dashboard, the logframe,
the exports, the IATI file, an approved period's progress report (and its PDF).

All are public and the same for every anonymous visitor: urls.py wraps them in
`cache_public_page`, and any staff edit of the plan refreshes them. The PDF is a file drawn in
the background and streamed from storage (workplan.report_files), never kept in the page cache.
"""

from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.log import log_response
from django.utils.translation import get_language
from django.views.generic import TemplateView, View

from core.files import private_storage
from core.spreadsheets import resource_response
from workplan import budget_views, charts, iati, report_files, selectors
from workplan.filters import filter_query
from workplan.resources import LogframeResource, PlanTableResource


def _current_plan():
    plan = selectors.current_plan()
    if plan is None:
        raise Http404("No work plan is published.")
    return plan


class PlanView(TemplateView):
    template_name = "workplan/activity_list.html"

    def get_context_data(self, **kwargs):
        page = selectors.plan_page(plan=_current_plan(), params=self.request.GET)
        return super().get_context_data(page=page, **kwargs)


class ActivityDetailView(TemplateView):
    template_name = "workplan/activity_detail.html"

    def get_context_data(self, **kwargs):
        activity = selectors.activity_detail(number=self.kwargs["number"])
        if activity is None:
            raise Http404("No such activity in the current plan.")
        indicators = [
            (indicator, charts.history_chart(indicator, list(indicator.actuals.all())))
            for indicator in activity.indicators.all()
        ]
        return super().get_context_data(
            activity=activity,
            indicators=indicators,
            # The way back to the plan keeps the filters the visitor came with.
            back_query=filter_query(self.request.GET),
            **kwargs,
        )


class DashboardView(TemplateView):
    template_name = "workplan/progress_dashboard.html"

    def get_context_data(self, **kwargs):
        plan = _current_plan()
        board = selectors.dashboard(plan=plan)
        return super().get_context_data(
            board=board,
            status_chart=charts.status_chart(board.goal_rows),
            statuses=selectors.STATUSES,
            **self.targets_context(plan),
            **budget_views.dashboard_context(plan),
            **kwargs,
        )

    def targets_context(self, plan) -> dict:
        """Targets against actuals: the summary of every goal, and the goal asked for drawn."""
        targets = selectors.targets_against_actuals(plan=plan, goal=self.request.GET.get("goal"))
        period_names = [period.name for period in targets.periods]
        return {
            "targets": targets,
            "target_summary": charts.target_summary_chart(targets.goals),
            "target_outcomes": charts.TARGET_OUTCOMES,
            "target_charts": [
                (series, charts.target_actual_chart(series, period_names))
                for series in targets.series
            ],
        }


class ExportView(View):
    """The (filtered) plan with each activity's latest progress, in the page's language."""

    file_format = "csv"

    def get(self, request):
        plan = _current_plan()
        filterset = selectors.activity_filter(
            plan=plan, params=request.GET, goals=list(plan.goals.all())
        )
        return resource_response(
            PlanTableResource(),
            filterset.qs,
            filename=f"rocb-europe-work-plan-{timezone.localdate():%Y-%m-%d}",
            file_format=self.file_format,
        )


class LogframeView(TemplateView):
    template_name = "workplan/logframe.html"

    def get_context_data(self, **kwargs):
        frame = selectors.logframe(plan=_current_plan(), params=self.request.GET)
        # The activity rows span the indicator, baseline and end target and two cells a period.
        return super().get_context_data(frame=frame, span=3 + 2 * len(frame.periods), **kwargs)


class LogframeExportView(View):
    """The (filtered) logframe, one row an indicator and approved period, in the page's
    language."""

    file_format = "csv"

    def get(self, request):
        frame = selectors.logframe(plan=_current_plan(), params=request.GET)
        return resource_response(
            LogframeResource(),
            LogframeResource.lines(frame),
            filename=f"rocb-europe-logframe-{timezone.localdate():%Y-%m-%d}",
            file_format=self.file_format,
        )


class IatiView(View):
    """The current plan as IATI 2.03 activities (`/workplan/iati.xml`): one file in both
    languages, with the figures of approved periods only."""

    def get(self, request):
        data = selectors.iati_plan(plan=_current_plan())
        return HttpResponse(
            iati.iati_activities(data), content_type="application/xml; charset=utf-8"
        )


class ReportView(TemplateView):
    """An approved period's progress report, to read and to print."""

    template_name = "workplan/period_report.html"

    def get_context_data(self, **kwargs):
        report = selectors.period_report(plan=_current_plan(), identifier=self.kwargs["period"])
        if report is None:
            raise Http404("No approved reporting period of this name.")
        return super().get_context_data(**report_files.report_context(report), **kwargs)


class ReportPdfView(View):
    """The same report as a PDF file in the page's language, as drawn in the background; while
    the drawing of what the report shows now is not ready, a page that says so (503)."""

    def get(self, request, period):
        stored = report_files.stored_report(plan=_current_plan(), identifier=period)
        if stored is None:
            raise Http404("No approved reporting period of this name.")
        if stored.name is not None:
            try:
                return FileResponse(
                    private_storage().open(stored.name, "rb"),
                    filename=report_files.download_name(stored.period, get_language()),
                    content_type="application/pdf",
                )
            except FileNotFoundError:  # deleted this instant (a newer drawing): not ready
                pass
        response = render(
            request,
            "workplan/report_pdf_pending.html",
            {"period": stored.period},
            status=503,
        )
        response["Retry-After"] = str(report_files.RETRY_AFTER_SECONDS)
        add_never_cache_headers(response)
        # Expected while a drawing runs: a line at INFO, not the error of an unforeseen 503.
        log_response(
            "PDF being drawn: %s", request.path, response=response, request=request, level="info"
        )
        return response
