"""The participants' evaluations of the events, anonymous and read only."""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin
from outreach.models import EventEvaluation


@admin.register(EventEvaluation)
class EventEvaluationAdmin(HistoryAdmin):
    """The participants' answers, anonymous and read only; each event's summary is on its
    results page (linked from the event)."""

    list_display = ["event", "overall", "usefulness", "organisation", "language", "submitted_on"]
    list_filter = ["submitted_on", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["event__title_en", "event__title_ru", "comment"]
    readonly_fields = ["results_link"]
    fields = [
        "event",
        "overall",
        "usefulness",
        "organisation",
        "comment",
        "language",
        "submitted_on",
        "results_link",
    ]

    @admin.display(description=_("results of the event"))
    def results_link(self, evaluation):
        # format_html escapes both arguments: an admin address and a translated label.
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:outreach_event_evaluations", args=[evaluation.event_id]),
            gettext("Evaluation results"),
        )

    def has_add_permission(self, request):
        return False  # answers come from the participants' links

    def has_change_permission(self, request, obj=None):
        return False
