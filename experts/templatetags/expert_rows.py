"""The experts search's rows, written in Python: they are personal data (names, positions,
administrations), so rendered afresh on every visit and never cached, and as a template loop
they were most of the page's time. Each row is the markup the template wrote.

The values are escaped with `html.escape` (what Django's `escape` does, without its lazy-text
and safe-string rounds, which `format_html` made a few hundred times a page) and the page's
rows made one safe string."""

import html

from django import template
from django.utils.safestring import SafeString
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
def expert_rows(experts, search_state: str) -> SafeString:
    """A `<tr>` for each expert of the page (`experts.selectors.expert_rows_with_relations`:
    values): name (linking to the record, with the search to come back to), accreditation,
    administration, position, areas, languages, last confirmed."""
    escape = html.escape
    language = get_language()
    labels = {
        "administration": escape(_("Administration")),
        "position": escape(_("Position")),
        "areas": escape(_("Areas of expertise")),
        "languages": escape(_("Languages")),
        "confirmed": escape(_("Last confirmed")),
    }
    stale = f'<br><span class="badge badge-stale">{escape(_("needs confirming"))}</span>'
    query = f"?{search_state}" if search_state else ""
    # The labels, areas, language levels and dates come back row after row: each translated
    # and escaped once a page (a lazy label is a dozen translation lookups each time it is read).
    accreditations = {
        value: f'<br><span class="badge">{escape(str(label))}</span>'
        for value, label in Accreditation.choices
        if value in ACCREDITED
    }
    levels = {value: str(label) for value, label in Level.choices}
    # Expert.is_stale, for values: confirmed before the cutoff, the same for the whole page.
    cutoff = stale_cutoff()
    area_texts, skill_texts, dates = {}, {}, {}

    def area_name(names: list) -> str:
        key = tuple(names)
        if key not in area_texts:
            name_en, name_ru = names
            values = {"name_en": name_en, "name_ru": name_ru}
            area_texts[key] = translated_value(values, "name", language)  # escaped
        return area_texts[key]

    def skill_name(skill: list) -> str:
        key = tuple(skill)
        if key not in skill_texts:
            code, level = skill
            name = in_running_text(f"{language_name(code)} ({levels[int(level)]})")
            skill_texts[key] = escape(name)
        return skill_texts[key]

    def confirmed(day) -> str:
        if day not in dates:
            dates[day] = escape(long_date(day, language)) + (stale if day < cutoff else "")
        return dates[day]

    def shown(expert: dict, field: str) -> str:
        return escape(shown_value(expert, field, language)[0])

    address = record_addresses("experts:detail")

    def row(expert: dict) -> str:
        url = escape(f"{address(expert['id'])}{query}")
        name = f'<a href="{url}">{shown(expert, "family_name")}, {shown(expert, "given_names")}</a>'
        badge = accreditations.get(expert["accreditation"], "")
        areas = "; ".join(area_name(area) for area in expert["area_names"])
        skills = "; ".join(skill_name(skill) for skill in expert["skills"])
        when = confirmed(expert["confirmed_on"])
        return (
            f'<tr>\n      <th scope="row">\n        {name}{badge}\n      </th>\n'
            f'      <td data-label="{labels["administration"]}">'
            f"{shown(expert, 'administration__name')}</td>\n"
            f'      <td data-label="{labels["position"]}">'
            f"{translated_value(expert, 'position', language)}</td>\n"
            f'      <td data-label="{labels["areas"]}">{areas}</td>\n'
            f'      <td data-label="{labels["languages"]}">{skills}</td>\n'
            f'      <td data-label="{labels["confirmed"]}">{when}</td>\n'
            "    </tr>"
        )

    # Safe: every value in a row is escaped above (or by translated_value); the rest is markup.
    return SafeString(ROWS.join(row(expert) for expert in experts))
