"""The country page's lists of people, written in Python: they are personal data, so rendered
afresh on every visit (never cached), and as template loops their rows were most of the page's
time. Each row is the markup the template wrote, escaped by `format_html`."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contacts.directory import contact_rows
from core.dates import long_date
from core.templatetags.content import translated

register = template.Library()

ROWS = "\n    "  # between two rows, as the page's other lists are indented


@register.simple_tag
def contact_table_rows(contacts: list[dict]):
    """The contact points' rows of `contacts/_contact_table.html`, by the directory's writer: one
    for the table wherever it shows (through the template's tags a row took some 0.5 ms)."""
    return contact_rows(contacts)


@register.simple_tag
def expert_items(experts) -> str:
    """An `<li>` for each expert: the name, linking to the record, then the areas of expertise."""
    return format_html_join(ROWS, "<li>{}</li>", ((_expert(expert),) for expert in experts))


def _expert(expert) -> str:
    # format_html escapes the name and URL.
    name = format_html(
        '<a href="{}">{} {}</a>',
        expert.get_absolute_url(),
        translated(expert, "given_names"),
        translated(expert, "family_name"),
    )
    if not expert.area_list:
        return name
    areas = format_html_join("; ", "{}", ((translated(area, "name"),) for area in expert.area_list))
    # format_html escapes its values.
    return format_html("{}: {}", name, areas)


@register.simple_tag
def mission_items(missions, side: str) -> str:
    """An `<li>` for each mission (`needs.selectors.MissionLine`): its days, the expert and the
    other administration, the one that provided the expert for a mission "received", the host
    for one "provided"."""
    other = "{} ({})" if side == "received" else "{} → {}"
    gone = _("an expert no longer listed")
    return format_html_join(
        ROWS,
        "<li>{} – {}: {}</li>",
        (
            (
                long_date(mission.start_date, get_language()),
                long_date(mission.end_date, get_language()),
                # format_html escapes every value.
                format_html(
                    other,
                    mission.expert.full_name if mission.expert else gone,
                    translated(mission.other, "name"),
                ),
            )
            for mission in missions
        ),
    )
