"""One ranked expert of a request's page, with the reasons for the rank, written in Python: the
ten rows of a page as template code ran about fifty {% blocktranslate %} (12 ms of the page);
these functions give the same HTML, message for message, in a fraction of that. What every row
repeats (the terms, the links' addresses, the names of the areas and of the levels) is written
once a page (`PageWords`)."""

from django import template
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.addresses import record_addresses
from core.templatetags.content import translated
from experts.models import Availability

register = template.Library()


def _text(value) -> str:
    """A value as {{ value }} writes it, localized and escaped. The figures of a rank (points,
    counts) are integers below 1,000, which no language writes with a separator: their digits,
    without formats.localize's ten calls each."""
    if type(value) is int and -1000 < value < 1000:
        return str(value)
    return conditional_escape(localize(value))


def _message(text: str, **values) -> SafeString:
    """A translated message with its values written as {% blocktranslate %} writes them (the
    message itself is not escaped)."""
    # Safe: the message is the catalogue's, each value escaped by _text().
    return mark_safe(text % {name: _text(value) for name, value in values.items()})  # noqa: S308


class PageWords:
    """What the rows of one page share, each translated or reversed once a page: the terms, the
    addresses of the experts' records, the availabilities' labels, the areas' and competencies'
    names (each row names some of the request's few)."""

    def __init__(self):
        self.terms = {
            "areas": _("Areas of expertise"),
            "competencies": _("Competencies"),
            "language": _("Working language"),
            "availability": _("Availability"),
            "rotation": _("Rotation"),
            "own": _("the requesting administration"),
            "mission": _("Record a mission of this expert"),
        }
        self.expert_address = record_addresses("experts:detail")
        self.availabilities = {value: capfirst(label) for value, label in Availability.choices}
        self._names = {}

    def name(self, item, code: bool) -> str:
        """An area's or competency's name in the page's language (`translated`), escaped."""
        key = (type(item), item.pk)
        if key not in self._names:
            self._names[key] = (f"{conditional_escape(item.code)} " if code else "") + (
                conditional_escape(translated(item, "name"))
            )
        return self._names[key]


def page_words(context) -> PageWords:
    """The page's PageWords, made by its first row (render_context lives as long as one
    rendering of the template)."""
    words = context.render_context.get(PageWords)
    if words is None:
        words = context.render_context[PageWords] = PageWords()
    return words


def _names(words: PageWords, items, code: bool = False) -> SafeString:
    """Areas or competencies by name in the page's language, comma-separated."""
    # Safe: each code and name escaped by PageWords.name.
    return mark_safe(", ".join(words.name(item, code) for item in items))  # noqa: S308


def _areas(words: PageWords, expert) -> SafeString:
    matched = _message(
        _("%(matched)s of %(total)s (+%(points)s):"),
        matched=expert.matched,
        total=expert.area_total,
        points=expert.areas_points,
    )
    # format_html escapes its values (the safe ones above pass as they are).
    return format_html("{} {}", matched, _names(words, expert.matched_areas))


def _competencies(words: PageWords, expert, level) -> SafeString:
    """The competencies' term and description, with the blank line the template left; nothing
    for a request that names no competency."""
    if not expert.competency_total:
        # Safe: empty.
        return mark_safe("")
    held = _message(
        _("%(held)s of %(total)s at level %(level)s or above (+%(points)s)"),
        held=expert.held,
        total=expert.competency_total,
        level=level,
        points=expert.competency_points,
    )
    if expert.held_competencies:
        # format_html escapes its values.
        held = format_html("{}: {}", held, _names(words, expert.held_competencies, code=True))
    # format_html escapes the term and its HTML-safe description.
    return format_html(
        "\n      <dt>{}</dt>\n      <dd>{}</dd>\n      ", words.terms["competencies"], held
    )


def _language(expert) -> SafeString:
    if not expert.level:
        return _message(_("Does not speak %(language)s (+0)"), language=expert.language_name)
    return _message(
        _("%(language)s: %(level)s (+%(points)s)"),
        language=expert.language_name,
        level=expert.level_name,
        points=expert.language_points,
    )


def _rotation(expert) -> SafeString:
    own = _message(
        ngettext(
            "%(missions)s recent mission of the expert (+%(points)s);",
            "%(missions)s recent missions of the expert (+%(points)s);",
            expert.expert_missions,
        ),
        missions=expert.expert_missions,
        points=expert.expert_rotation_points,
    )
    theirs = _message(
        ngettext(
            "%(missions)s of their administration (+%(points)s)",
            "%(missions)s of their administration (+%(points)s)",
            expert.administration_missions,
        ),
        missions=expert.administration_missions,
        points=expert.administration_rotation_points,
    )
    # format_html escapes its values.
    return format_html("{}\n      {}", own, theirs)


ROW = """<p><a href="{url}">{name}</a>, {administration}{own}:
      <strong>{score}</strong></p>
    <dl class="ranking-reasons">
      <dt>{areas_term}</dt>
      <dd>{areas}</dd>
      {competencies}
      <dt>{language_term}</dt>
      <dd>{language}</dd>
      <dt>{availability_term}</dt>
      <dd>{availability} (+{availability_points})</dd>
      <dt>{rotation_term}</dt>
      <dd>{rotation}</dd>
    </dl>
    {mission}"""


@register.simple_tag(takes_context=True)
def ranked_expert(
    context, expert, *, competency_level, mission_url: str, can_add_mission
) -> SafeString:
    """An expert of the ranking (an ExpertRanking row): name, administration, score, each
    reason with its points, and for staff who may add missions the link to record one."""
    words = page_words(context)
    terms = words.terms
    # format_html escapes the label.
    own = format_html(' <span class="badge">{}</span>', terms["own"]) if expert.is_own else ""
    score = ngettext("%(score)s point", "%(score)s points", expert.score)
    mission = (
        # format_html escapes the URL, id and label.
        format_html(
            '<p><a href="{}?expert={}">{}</a></p>', mission_url, expert.pk, terms["mission"]
        )
        if can_add_mission
        else ""
    )
    # format_html escapes every value of the row.
    return format_html(
        ROW,
        url=words.expert_address(expert.pk),
        name=expert.full_name,
        administration=expert.administration,
        own=own,
        score=_message(score, score=expert.score),
        areas_term=terms["areas"],
        areas=_areas(words, expert),
        competencies=_competencies(words, expert, competency_level),
        language_term=terms["language"],
        language=_language(expert),
        availability_term=terms["availability"],
        availability=words.availabilities.get(expert.availability, expert.availability),
        availability_points=_text(expert.availability_points),
        rotation_term=terms["rotation"],
        rotation=_rotation(expert),
        mission=mission,
    )
