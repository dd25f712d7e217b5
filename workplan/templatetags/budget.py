"""The budget's amounts as the page's language writes them."""

from django import template

from workplan.budget_charts import money as money_text

register = template.Library()


@register.filter
def money(value) -> str:
    """12 500 (or 12 500,50) in Russian, 12,500 in English; empty for no amount."""
    return money_text(value)
