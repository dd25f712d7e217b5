"""The work plan as a table: the columns of the CSV/XLSX exports, which the admin import reads.

The exports are written in the page's language (headers and texts); the import recognises the
headers in either language and writes the texts into that language's columns.
"""

from collections.abc import Iterable, Iterator

from django.utils.translation import gettext_lazy as _

from workplan.models import Activity

# key, header. The keys are what the import works with.
COLUMNS = [
    ("number", _("Number")),
    ("goal", _("Goal")),
    ("title", _("Activity")),
    ("stakeholders", _("Stakeholders")),
    ("expected_output", _("Expected output")),
    ("status", _("Status")),
    ("status_note", _("Status detail")),
    ("indicator", _("Indicator")),
    ("unit", _("Unit counted")),
    ("baseline", _("Baseline")),
    ("target", _("Target")),
    ("intended_outcome", _("Intended outcome")),
    ("period", _("Reporting period")),
    ("progress", _("Summary progress")),
    ("value", _("Actual value")),
]
STAKEHOLDER_SEPARATOR = "; "
NOT_APPLICABLE = _("Not applicable")


def headers() -> list[str]:
    return [str(header) for _key, header in COLUMNS]


def stakeholders_text(activity: Activity) -> str:
    names = [stakeholder.name for stakeholder in activity.stakeholders.all()]
    return STAKEHOLDER_SEPARATOR.join(names) if names else str(NOT_APPLICABLE)


def rows(activities: Iterable[Activity]) -> Iterator[list]:
    """One row per activity, with its latest progress (activities from
    `selectors.activity_filter`, which prefetches what is read here)."""
    for activity in activities:
        latest = activity.latest_progress[0] if activity.latest_progress else None
        yield [
            activity.number,
            activity.goal.title,
            activity.title,
            stakeholders_text(activity),
            activity.expected_output,
            activity.get_status_display(),
            activity.status_note,
            activity.indicator,
            activity.unit,
            activity.baseline,
            activity.target,
            activity.intended_outcome,
            latest.period.name if latest else "",
            latest.summary if latest else "",
            latest.value if latest else None,
        ]
