"""The experts search's rows, written in Python: they are personal data (names, positions,
administrations), so rendered afresh on every visit and never cached, and as a template loop
they were most of the page's time. Each row is the markup the template wrote."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.addresses import record_addresses
from core.dates import long_date
from core.templatetags.content import in_running_text, shown_value, translated_value
from experts.models import Accreditation, Level, language_name, stale_cutoff

register = template.Library()

ROWS = "\n    "  # between two rows, as the table's rows are indented
ACCREDITED = {Accreditation.EXPERT, Accreditation.FACILITATOR}


@register.simple_tag
def expert_rows(experts, search_state: str) -> str:
    """A `<tr>` for each expert of the page (`experts.selectors.expert_search_rows`: values):
    name (linking to the record, with the search to come back to), accreditation,
    administration, position, areas, languages, last confirmed."""
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
    # Expert.is_stale, for values: confirmed before the cutoff, the same for the whole page.
    cutoff = stale_cutoff()
    area_texts, skill_texts = {}, {}

    def area_name(names: list) -> str:
        key = tuple(names)
        if key not in area_texts:
            name_en, name_ru = names
            values = {"name_en": name_en, "name_ru": name_ru}
            area_texts[key] = translated_value(values, "name", language)
        return area_texts[key]

    def skill_name(skill: list) -> str:
        key = tuple(skill)
        if key not in skill_texts:
            code, level = skill
            skill_texts[key] = in_running_text(f"{language_name(code)} ({levels[int(level)]})")
        return skill_texts[key]

    def shown(expert: dict, field: str) -> str:
        return shown_value(expert, field, language)[0]

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
                _name(
                    f"{address(expert['id'])}{query}",
                    shown(expert, "family_name"),
                    shown(expert, "given_names"),
                    expert["accreditation"],
                    accreditations,
                ),
                labels["administration"],
                shown(expert, "administration__name"),
                labels["position"],
                translated_value(expert, "position", language),
                labels["areas"],
                format_html_join("; ", "{}", ((area_name(area),) for area in expert["area_names"])),
                labels["languages"],
                "; ".join(skill_name(skill) for skill in expert["skills"]),
                labels["confirmed"],
                long_date(expert["confirmed_on"], language),
                # format_html escapes the translated label.
                format_html('<br><span class="badge badge-stale">{}</span>', stale)
                if expert["confirmed_on"] < cutoff
                else "",
            )
            for expert in experts
        ),
    )


def _name(url: str, family_name: str, given_names: str, accreditation: str, labels: dict) -> str:
    # format_html escapes the URL and the names.
    link = format_html('<a href="{}">{}, {}</a>', url, family_name, given_names)
    if accreditation not in ACCREDITED:
        return link
    # format_html escapes the label; the link is safe markup already.
    return format_html('{}<br><span class="badge">{}</span>', link, labels[accreditation])
