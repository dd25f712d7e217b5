"""The directory page's pages: a page's administrations and their rows, read lean and written
in Python.

A page holds `per_page` rows, a row being a contact point, or the line of an administration
listed without one; an administration that goes on from the page before says so. The
administrations' counts place a page, so only its few administrations' contact points are read
and sorted. Each contact's table row is one string format of escaped values (fifty rows
through the template's tags and filters cost some 15 ms); `_contact_table.html` has the same
markup for the pages that render it, and a test holds the two to it.
"""

import functools
from collections import defaultdict
from html import escape as escape_text

from django.core.paginator import Paginator
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from modeltranslation.utils import get_language

from contacts.models import ContactRole, spoken_language_names, verification_cutoff
from contacts.phones import phone_uri
from core.dates import long_date
from core.templatetags.content import shown_value, translated_value

# A contact point's row and its optional parts; the labels are filled in once a page, the rest
# with escaped values (`html.escape`, as Django's `escape` does, without its lazy-text round).
CONTACT_ROW = """<tr id="contact-{{id}}">
  <td data-label="{role}">{{role}}</td>
  <th scope="row">{{name}}{{title}}</th>
  <td data-label="{contact}"><a href="mailto:{{email}}">{{email}}</a>{{phone}}</td>
  <td data-label="{languages}">{{languages}}</td>
  <td data-label="{verified}">{{verified}}{{due}}</td>
</tr>
"""
NAME_IN_ENGLISH = '<span lang="en">{}</span>'
TITLE = ' <span class="meta contact-title">{}</span>'
PHONE = '<br><a href="{}" class="nowrap">{}</a>'
VERIFIED = '<time datetime="{}">{}</time>'
DUE = '<br><span class="badge badge-warn">{}</span>'
# The read-only table around the rows (no actions column, the caption for screen readers only),
# as `_contact_table.html` writes it with `hide_caption` and without `can_edit`.
CONTACT_TABLE = """
<div class="table-scroll">
<table class="contact-table cards-on-phone">
  <caption class="visually-hidden">{{caption}}</caption>
  <thead>
    <tr>
      <th scope="col">{role}</th>
      <th scope="col">{name}</th>
      <th scope="col">{contact}</th>
      <th scope="col">{languages}</th>
      <th scope="col">{verified}</th>
      {actions}
    </tr>
  </thead>
  <tbody>
    {{rows}}
  </tbody>
</table>
</div>
"""


class Section:
    """One administration on a page of the directory, with its rows there (`rows`, "" for an
    administration without contact points)."""

    def __init__(self, administration: dict, rows: SafeString, *, continued: bool):
        language = get_language()
        self.slug = administration["code"].lower()
        self.name = shown_value(administration, "name", language)[0]
        self.heading = translated_value(administration, "name", language)
        self.rows = rows
        self.continued = continued


def _format_labels(**labels: str) -> dict[str, str]:
    """Labels escaped for a markup template, their braces doubled for its own `format`."""
    return {
        name: escape_text(label).replace("{", "{{").replace("}", "}}")
        for name, label in labels.items()
    }


@functools.cache
def _row_words(language: str) -> tuple[str, dict[str, str], str, str]:
    """A row's template with its labels, the roles' names, "never" and the check badge, in
    `language`, escaped (worked out once per language: a page may hold a dozen tables)."""
    with translation.override(language):
        labels = _format_labels(
            role=_("Role"),
            contact=_("Contact"),
            languages=_("Working languages"),
            verified=_("Verified on"),
        )
        roles = {value: escape_text(str(label)) for value, label in ContactRole.choices}
        due = DUE.format(escape_text(_("due for a check")))
        return CONTACT_ROW.format(**labels), roles, escape_text(_("never")), due


@functools.cache
def _table_words(language: str) -> str:
    """The read-only table's markup with its header in `language`, escaped (worked out once per
    language: through the template's tags the header took some 0.45 ms a page)."""
    with translation.override(language):
        labels = _format_labels(
            role=_("Role"),
            name=_("Name"),
            contact=_("Contact"),
            languages=_("Working languages"),
            verified=_("Verified on"),
        )
        # Where the editors' table has its actions column, the template leaves an empty line.
        return CONTACT_TABLE.format(**labels, actions="")


def contact_table(*, administration: str, rows: SafeString) -> SafeString:
    """The read-only table of an administration's contact points around their `rows`
    (`contact_rows`), as `_contact_table.html` writes it with its caption hidden."""
    caption = _("Contact points of %(administration)s") % {
        "administration": escape_text(administration)
    }
    # The name is escaped, the caption's words are the catalogue's (as `blocktranslate` leaves
    # them), the rows are safe HTML already and the rest is the markup above: safe HTML.
    return mark_safe(  # noqa: S308
        _table_words(get_language()).format(caption=caption, rows=rows)
    )


def contact_rows(contacts: list[dict]) -> SafeString:
    """The table rows of these contact points, as `_contact_table.html` writes them (one string
    format a row: through `format_html`, each of its dozen values took Django's lazy-text and
    escaping round)."""
    language = get_language()
    template, roles, never, due = _row_words(language)
    language_names = spoken_language_names()
    cutoff = verification_cutoff()

    def row(contact: dict) -> str:
        name, name_falls_back = shown_value(contact, "name", language)
        title = translated_value(contact, "title", language)
        phone, verified_on = contact["phone"], contact["verified_on"]
        languages = ", ".join(language_names.get(code, code) for code in contact["languages"])
        return template.format(
            id=contact["id"],
            role=roles.get(contact["role"]) or escape_text(contact["role"]),
            name=NAME_IN_ENGLISH.format(escape_text(name))
            if name_falls_back
            else escape_text(name),
            title=TITLE.format(title) if title else "",
            email=escape_text(contact["email"]),
            phone=PHONE.format(escape_text(phone_uri(phone)), escape_text(phone)) if phone else "",
            languages=escape_text(languages),
            verified=VERIFIED.format(
                verified_on.isoformat(), escape_text(long_date(verified_on, language))
            )
            if verified_on
            else never,
            due=due if verified_on is None or verified_on < cutoff else "",
        )

    # Every value is escaped as it goes into the row (the title by `_marked`); the rest is the
    # markup above, so the rows are safe HTML.
    return mark_safe("".join(row(contact) for contact in contacts))  # noqa: S308


class DirectoryPaginator(Paginator):
    """Pages of the directory's rows, placed by the administrations' counts (`administrations`:
    values with `found`, in directory order); `contacts(ids)` is a QuerySet of the contact points
    of those administrations in the same order, which a page slices. The whole directory is
    never read or sorted."""

    def __init__(self, administrations, contacts, per_page: int):
        super().__init__(list(administrations), per_page)
        self.contacts = contacts

    @cached_property
    def count(self) -> int:
        return sum(max(administration["found"], 1) for administration in self.object_list)

    @cached_property
    def contacts_found(self) -> int:
        return sum(administration["found"] for administration in self.object_list)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        return self._get_page(self._sections(bottom, bottom + self.per_page), number, self)

    def _spans(self, bottom: int, top: int):
        """The administrations rows `bottom` to `top` fall in, each with the part of its rows
        there (from, to)."""
        start = 0
        for administration in self.object_list:
            end = start + max(administration["found"], 1)
            if end > bottom:
                yield administration, max(bottom - start, 0), min(top, end) - start
            if end >= top:
                return
            start = end

    def _sections(self, bottom: int, top: int) -> list[Section]:
        spans = list(self._spans(bottom, top))
        listing = [
            (administration, first, end)
            for administration, first, end in spans
            if administration["found"]
        ]
        contacts = defaultdict(list)
        if listing:
            offset = listing[0][1]  # the page's contact points, which follow on from there
            wanted = sum(end - first for _administration, first, end in listing)
            for contact in self.contacts([administration["pk"] for administration, *_ in listing])[
                offset : offset + wanted
            ]:
                contacts[contact["administration_id"]].append(contact)
        return [
            Section(
                administration,
                contact_rows(contacts[administration["pk"]]) if administration["found"] else "",
                continued=first > 0,
            )
            for administration, first, _end in spans
        ]
