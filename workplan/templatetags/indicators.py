"""Template filters for the results framework's figures, and the logframe's rows.

The logframe has thousands of rows and tens of thousands of cells: its activity and indicator
rows are written here in Python rather than by template loops (ten times faster), escaping every
text.
"""

from html import escape

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from core.templatetags.content import translated
from workplan.models import Activity

register = template.Library()


@register.filter
def figure(indicator, value) -> str:
    """A figure as its indicator writes it: 12, 12.5%, Yes."""
    return indicator.display(value)


def _text(obj, field: str, language: str) -> str:
    """The field's text as HTML: the page language's own text straight from the row, or
    `translated`'s marked fallback where there is none."""
    own = obj.__dict__.get(f"{field}_{language}")
    if own:
        return escape(own)
    shown = translated(obj, field)
    return shown if isinstance(shown, SafeString) else escape(shown)


def _cell_pair(target: str, actual: str) -> str:
    return (
        f'<td class="number">{escape(target)}</td><td class="number actual">{escape(actual)}</td>'
    )


@register.filter
def logframe_rows(indicators, pairs: dict[tuple[str, str], str] | None = None) -> str:
    """The rows of an activity's indicators: name and unit, baseline (and year), the target at
    the plan's end, then the target and actual of each approved period. `pairs`: the cells of
    each (target, actual) written so far, shared by the rows of a page (a few hundred distinct
    ones among tens of thousands)."""
    language = get_language()
    pairs = {} if pairs is None else pairs
    rows = []
    for row in indicators:
        indicator = row.indicator
        unit = _text(indicator, "unit", language) if indicator.unit_en else ""
        year = indicator.baseline_year
        cells = "".join(
            pairs.get(cell) or pairs.setdefault(cell, _cell_pair(*cell)) for cell in row.cells
        )
        rows.append(
            '<tr><th scope="row" class="sticky">'
            + _text(indicator, "name", language)
            + (f' <span class="unit">({unit})</span>' if unit else "")
            + f'</th><td class="number">{escape(row.baseline)}'
            + (f' <span class="unit">({year})</span>' if row.baseline and year else "")
            + f'</td><td class="number">{escape(row.end_target)}</td>{cells}</tr>'
        )
    return mark_safe("".join(rows))  # noqa: S308 (every text above is escaped)


@register.filter
def logframe_activities(entries, span: int) -> str:
    """The row groups of a goal's activities: each activity's row (its number, linking its page,
    title, status, expected output and intended outcome), then its indicators' rows."""
    language = get_language()
    statuses = {value: escape(str(label)) for value, label in Activity.Status.choices}
    output, outcome = escape(gettext("Expected output:")), escape(gettext("Intended outcome:"))
    none = escape(gettext("No indicator recorded yet."))
    # Every activity's address is the same but for its number, the last part: reversed once.
    prefix = reverse("workplan:activity", kwargs={"number": "1.1"}).removesuffix("1.1/")
    groups, pairs = [], {}
    for entry in entries:
        activity = entry.activity
        number = escape(activity.number)
        parts = [
            f'<tbody><tr class="activity-row"><th scope="rowgroup" colspan="{span}">'
            f'<div class="sticky-block"><a href="{prefix}{number}/">{number}</a> '
            f"{_text(activity, 'title', language)} · "
            f'<span class="status status-{escape(activity.status)}">'
            f"{statuses.get(activity.status, escape(activity.status))}</span>"
        ]
        if activity.status_note:
            parts.append(f" {_text(activity, 'status_note', language)}")
        if activity.expected_output:
            parts.append(
                f'<span class="logframe-level"><strong>{output}</strong> '
                f"{_text(activity, 'expected_output', language)}</span>"
            )
        if activity.intended_outcome:
            parts.append(
                f'<span class="logframe-level"><strong>{outcome}</strong> '
                f"{_text(activity, 'intended_outcome', language)}</span>"
            )
        parts.append("</div></th></tr>")
        if entry.indicators:
            parts.append(logframe_rows(entry.indicators, pairs))
        else:
            parts.append(f'<tr><td colspan="{span}">{none}</td></tr>')
        parts.append("</tbody>")
        groups.append("".join(parts))
    return mark_safe("".join(groups))  # noqa: S308 (every text above is escaped)


@register.filter
def text(obj, field: str) -> str:
    """`{% translated %}` for the logframe's hundreds of activities: the row's own text first."""
    return mark_safe(_text(obj, field, get_language()))  # noqa: S308 (escaped by _text)
