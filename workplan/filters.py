"""Narrowing the work plan by goal, status and stakeholder (query string, no JavaScript)."""

from collections.abc import Sequence
from urllib.parse import urlencode

import django_filters
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from workplan.models import Activity, Goal, Stakeholder

FILTER_NAMES = ("goal", "status", "stakeholder")


def filter_query(params: QueryDict) -> str:
    """The filter parameters of a query string, passed on unchecked (the plan page checks them)."""
    kept = {name: value for name in FILTER_NAMES if (value := params.get(name))}
    return f"?{urlencode(kept)}" if kept else ""


class ActivityFilter(django_filters.FilterSet):
    goal = django_filters.ChoiceFilter(
        field_name="goal__number", label=_("Goal"), empty_label=_("All goals")
    )
    status = django_filters.ChoiceFilter(
        choices=Activity.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    stakeholder = django_filters.ModelChoiceFilter(
        field_name="stakeholders",
        queryset=Stakeholder.objects.all(),
        to_field_name="slug",
        label=_("Stakeholder"),
        empty_label=_("Any stakeholder"),
        distinct=True,
    )

    class Meta:
        model = Activity
        fields = list(FILTER_NAMES)

    def __init__(self, data=None, *args, goals: Sequence[Goal] = (), **kwargs):
        super().__init__(data, *args, **kwargs)
        # The goals of the plan on show: they are read once for the page and reused here.
        self.filters["goal"].extra["choices"] = [(str(goal.number), str(goal)) for goal in goals]

    @property
    def active_params(self) -> dict[str, str]:
        """The valid, non-empty filter values, as they appear in the query string."""
        errors = self.form.errors if self.is_bound else {}
        return {
            name: value
            for name in self.filters
            if (value := self.data.get(name)) and name not in errors
        }

    @property
    def query_string(self) -> str:
        """The filters as a query string ("?status=ongoing"), or "" when none applies."""
        params = self.active_params
        return f"?{urlencode(params)}" if params else ""
