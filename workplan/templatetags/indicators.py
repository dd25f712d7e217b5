"""Template filters for the results framework's figures."""

from django import template

register = template.Library()


@register.filter
def figure(indicator, value) -> str:
    """A figure as its indicator writes it: 12, 12.5%, Yes."""
    return indicator.display(value)
