"""The needs list's filters: status, area, year of submission, and (office staff only) the
administration."""

import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrations.models import Administration
from experts.models import ExpertiseArea
from needs.models import NeedsRequest, Priority, Status

FIRST_YEAR = 2020


def year_choices():
    return [(year, str(year)) for year in range(timezone.localdate().year + 1, FIRST_YEAR - 1, -1)]


class NeedFilter(django_filters.FilterSet):
    administration = django_filters.ModelChoiceFilter(
        label=_("Administration"),
        queryset=Administration.objects.members().order_by("code"),
        empty_label=_("All administrations"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.choices, empty_label=_("Any status")
    )
    priority = django_filters.ChoiceFilter(
        label=_("Priority"), choices=Priority.choices, empty_label=_("Any priority")
    )
    area = django_filters.ModelChoiceFilter(
        label=_("Area of expertise"),
        queryset=ExpertiseArea.objects.order_by("name_en"),
        field_name="areas",
        empty_label=_("Any area"),
        distinct=True,
    )
    year = django_filters.ChoiceFilter(
        label=_("Year submitted"),
        choices=year_choices,
        field_name="submitted_at__year",
        empty_label=_("Any year"),
    )

    class Meta:
        model = NeedsRequest
        fields: list[str] = []

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        if request is None or not request.user.is_staff:
            # A member sees their own administration's requests only: nothing to choose.
            del self.filters["administration"]
