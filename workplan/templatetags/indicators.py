"""Template filters for the results framework's figures, and the logframe's rows.

The logframe has thousands of rows and tens of thousands of cells: its indicator rows are
written here in Python rather than by template loops (ten times faster), escaping every text.
"""

from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from core.templatetags.content import translated

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


@register.filter
def logframe_rows(indicators) -> str:
    """The rows of an activity's indicators: name and unit, baseline (and year), the target at
    the plan's end, then the target and actual of each approved period."""
    language = get_language()
    rows = []
    for row in indicators:
        indicator = row.indicator
        unit = _text(indicator, "unit", language) if indicator.unit_en else ""
        year = indicator.baseline_year
        cells = "".join(
            f'<td class="number">{escape(target)}</td>'
            f'<td class="number actual">{escape(actual)}</td>'
            for target, actual in row.cells
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
def text(obj, field: str) -> str:
    """`{% translated %}` for the logframe's hundreds of activities: the row's own text first."""
    return mark_safe(_text(obj, field, get_language()))  # noqa: S308 (escaped by _text)
