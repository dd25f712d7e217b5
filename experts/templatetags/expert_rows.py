"""The experts search's rows, written in Python: they are personal data (names, positions,
administrations), so rendered afresh on every visit and never cached, and as a template loop
they were most of the page's time. Each row is the markup the template wrote."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.addresses import record_addresses
from core.dates import long_date
from core.pagination import prefetched
from core.templatetags.content import in_running_text, translated
from experts.models import Accreditation, Level

register = template.Library()

ROWS = "\n    "  # between two rows, as the table's rows are indented
ACCREDITED = {Accreditation.EXPERT, Accreditation.FACILITATOR}


@register.simple_tag
def expert_rows(experts, search_state: str) -> str:
    """A `<tr>` for each expert of the page: name (linking to the record, with the search to
    come back to), accreditation, administration, position, areas, languages, last confirmed."""
    labels = {
        "administration": _("Administration"),
        "position": _("Position"),
        "areas": _("Areas of expertise"),
        "languages": _("Languages"),
        "confirmed": _("Last confirmed"),
    }
    stale = _("needs confirming")
    language = get_language()
    query = f"?{search_state}" if search_state else ""
    # The labels, areas and language levels come back row after row: each translated once a
    # page (a lazy label is a dozen translation lookups each time it is read).
    accreditations = {value: str(label) for value, label in Accreditation.choices}
    levels = {value: str(label) for value, label in Level.choices}
    areas, skills = {}, {}

    def area_name(area):
        if area.pk not in areas:
            areas[area.pk] = translated(area, "name")
        return areas[area.pk]

    def skill_name(skill):
        key = (skill.language, skill.level)
        if key not in skills:
            skills[key] = in_running_text(f"{skill.language_name} ({levels[skill.level]})")
        return skills[key]

    address = record_addresses("experts:detail")

    # format_html_join escapes every value that is not already safe markup.
    return format_html_join(
        ROWS,
        '<tr>\n      <th scope="row">\n        {}\n      </th>\n'
        '      <td data-label="{}">{}</td>\n'
        '      <td data-label="{}">{}</td>\n'
        '      <td data-label="{}">{}</td>\n'
        '      <td data-label="{}">{}</td>\n'
        '      <td data-label="{}">{}{}</td>\n    </tr>',
        (
            (
                _name(expert, f"{address(expert.pk)}{query}", accreditations),
                labels["administration"],
                expert.administration,
                labels["position"],
                translated(expert, "position"),
                labels["areas"],
                format_html_join("; ", "{}", ((area_name(area),) for area in expert.areas.all())),
                labels["languages"],
                "; ".join(skill_name(skill) for skill in expert.languages.all()),
                labels["confirmed"],
                long_date(expert.confirmed_on, language),
                # format_html escapes the translated label.
                format_html('<br><span class="badge badge-stale">{}</span>', stale)
                if expert.is_stale()
                else "",
            )
            for expert in prefetched(experts)
        ),
    )


def _name(expert, url: str, accreditations: dict) -> str:
    # format_html escapes the URL and the names.
    link = format_html('<a href="{}">{}, {}</a>', url, expert.family_name, expert.given_names)
    if expert.accreditation not in ACCREDITED:
        return link
    # format_html escapes the label; the link is safe markup already.
    return format_html(
        '{}<br><span class="badge">{}</span>', link, accreditations[expert.accreditation]
    )
