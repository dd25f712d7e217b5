"""The registration page's list of an administration's registrations, written in Python rather
than by a template loop: every row has its own withdrawal form, and the loop took nearly half of
the page template's own time (issue 17)."""

from django import template
from django.template.defaulttags import CsrfTokenNode
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from outreach.models import Registration

register = template.Library()

WITHDRAW_FORM = (
    '\n<form method="post" class="inline-form" novalidate>\n{}'
    '\n<input type="hidden" name="action" value="withdraw">'
    '\n<input type="hidden" name="registration" value="{}">'
    '\n<button type="submit" class="button button-secondary">{}</button>\n</form>'
)


@register.simple_tag(takes_context=True)
def registration_items(context, registrations) -> str:
    """One list item per registration: the person (and position) and the status, with a button
    to withdraw it while it holds a seat or waits for one."""
    csrf_input = CsrfTokenNode().render(context)
    statuses = {value: str(label) for value, label in Registration.Status.choices}
    return format_html_join(
        "\n",
        "<li>\n{}: {}{}\n</li>",
        (
            (
                # format_html escapes the name and position.
                format_html("{}, {}", r.full_name, r.position) if r.position else r.full_name,
                statuses.get(r.status, r.status),
                _withdraw_form(r, csrf_input) if r.is_active else "",
            )
            for r in registrations
        ),
    )


def _withdraw_form(registration: Registration, csrf_input: str) -> str:
    label = gettext("Withdraw %(name)s") % {"name": registration.full_name}
    # format_html escapes the token, id and label into the fixed HTML.
    return format_html(WITHDRAW_FORM, csrf_input, registration.pk, label)
