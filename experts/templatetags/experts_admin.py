"""The admin home's count of nominations waiting for review (templates/admin/index.html)."""

from django import template

from experts.selectors import nominations_pending_count

register = template.Library()


@register.simple_tag
def pending_nominations() -> int:
    return nominations_pending_count()
