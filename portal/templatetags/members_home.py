"""The members home's list of a focal point's contact points, written in Python: an
administration has some fifty, and a {% url %} and a {% blocktranslate %} in each row were most
of the page's time. The same HTML as the template wrote, every text escaped."""

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from contacts.models import ContactRole

register = template.Library()


@register.simple_tag
def contact_point_items(contacts, administration) -> SafeString:
    """One <li> a contact point (rows of `contacts.selectors.contact_point_names`): its name and
    role, and the link to edit it."""
    # Every contact point's edit address is the same but for its id: reversed once.
    prefix, _, suffix = reverse("contacts:edit", args=[administration.slug, 0]).rpartition("/0/")
    edit = gettext('Edit<span class="visually-hidden"> %(name)s</span>')
    # Each role's label translated and escaped once, not once a row.
    roles = {role: escape(label) for role, label in ContactRole.choices}
    items = []
    for contact in contacts:
        name = escape(contact.shown_name)
        role = roles.get(contact.role) or escape(contact.role)
        link = f"{prefix}/{contact.id}/{suffix}"
        # The translation is the catalogue's markup, as {% blocktranslate %} takes it.
        items.append(f'<li>{name} ({role}): <a href="{link}">{edit % {"name": name}}</a></li>')
    return mark_safe("\n".join(items))  # noqa: S308 (every text above is escaped)
