"""The country page's lists of people, written in Python: they are personal data, so rendered
afresh on every visit (never cached), and as template loops their rows were most of the page's
time. Each row is the markup the template wrote, one string format of escaped values (the rows
are read as values: `translated_value` marks the English standing in, as `{% translated %}`)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from contacts.directory import contact_rows, contact_table
from core.addresses import record_addresses
from core.dates import long_date
from core.templatetags.content import shown_value, translated_value

register = template.Library()

ROWS = "\n    "  # between two rows, as the page's other lists are indented
EXPERT = '<li><a href="{url}">{given_names} {family_name}</a>{areas}</li>'
MISSION = "<li>{start} – {end}: {who}</li>"
MISSION_OTHER = {"received": "{} ({})", "provided": "{} → {}"}


@register.simple_tag
def contact_points_table(administration, contacts: list[dict]):
    """The administration's contact points as `contacts/_contact_table.html` shows them (caption
    hidden, no actions), by the directory's writer: the rows through the template's tags took
    some 0.5 ms each, and the include with its header 0.6 ms a page."""
    return contact_table(administration=str(administration), rows=contact_rows(contacts))


@register.simple_tag
def expert_items(experts: list[dict]):
    """An `<li>` for each expert (`experts.selectors.experts_provided_by`): the name, linking to
    the record, then the areas of expertise."""
    language = get_language()
    address = record_addresses("experts:detail")

    def item(expert: dict) -> str:
        areas = "; ".join(translated_value(area, "name", language) for area in expert["areas"])
        return EXPERT.format(
            url=escape(address(expert["id"])),
            given_names=translated_value(expert, "given_names", language),
            family_name=translated_value(expert, "family_name", language),
            areas=f": {areas}" if areas else "",
        )

    # Every value is escaped as it goes into its row (the names by `translated_value`); the rest
    # is the markup above, so the rows are safe HTML.
    return mark_safe(ROWS.join(item(expert) for expert in experts))  # noqa: S308


@register.simple_tag
def mission_items(missions, side: str):
    """An `<li>` for each mission (`needs.selectors.MissionLine`): its days, the expert and the
    other administration, the one that provided the expert for a mission "received", the host
    for one "provided"."""
    language = get_language()
    other = MISSION_OTHER[side]
    gone = escape(_("an expert no longer listed"))

    def item(mission) -> str:
        return MISSION.format(
            start=escape(long_date(mission.start_date, language)),
            end=escape(long_date(mission.end_date, language)),
            who=other.format(
                escape(_full_name(mission.expert, language)) if mission.expert else gone,
                translated_value(mission.other, "name", language),
            ),
        )

    # Every value is escaped as it goes into its row; the rest is the markup above: safe HTML.
    return mark_safe(ROWS.join(item(mission) for mission in missions))  # noqa: S308


def _full_name(names: dict, language: str) -> str:
    """`Expert.full_name` of the names read as values (unmarked where English stands in)."""
    given_names = shown_value(names, "given_names", language)[0]
    return f"{given_names} {shown_value(names, 'family_name', language)[0]}".strip()
