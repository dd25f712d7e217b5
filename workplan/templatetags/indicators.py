"""Template filters for the results framework's figures."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def figure(indicator, value) -> str:
    """A figure as its indicator writes it: 12, 12.5%, Yes."""
    return indicator.display(value)


@register.filter
def period_cells(row) -> str:
    """The target and actual cells of a logframe row, one pair a period. Written here rather
    than by a template loop: the logframe has thousands of them."""
    return mark_safe(  # noqa: S308 (each value is escaped)
        "".join(
            f'<td class="number">{escape(target)}</td>'
            f'<td class="number actual">{escape(actual)}</td>'
            for target, actual in row.cells
        )
    )
