"""The edit history as staff read it: each revision's note in the reader's language, and what a
version changed, field by field (old and new values), on the admin's history and revert pages.

A note is stored as JSON naming its English message and its parameters, and translated when it
is read: a note written while a focal point used the Russian pages reads in English in the
English admin, and the other way round. The admin's own change messages are stored as the
admin's JSON, which Django translates when read. Older notes, stored as plain text, read in the
reader's language where they are one of the portal's messages.
"""

import datetime
import functools
import json
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import reversion
from django.contrib.admin.models import LogEntry
from django.db import models
from django.utils import formats, timezone, translation
from django.utils.dateparse import parse_datetime
from django.utils.functional import Promise
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext, gettext_noop
from modeltranslation.translator import NotRegistered, translator
from reversion.errors import RevertError
from reversion.revisions import _get_options

_NOTE = '{"note":'
EMPTY = "—"
SHOWN_CHARACTERS = 300  # a long text's change shows its start


def note(message: str, /, **params) -> None:
    """Set the note of the revision being made: `message` is an English message marked for
    translation with gettext_noop, `params` its placeholders: lazy translated labels (a
    status's, a field's verbose name) are translated when read, other text is shown as it is;
    numbers, datetimes and lists of these are allowed too."""
    reversion.set_comment(note_encode(message, **params))


def note_encode(message: str, /, **params) -> str:
    with translation.override("en"):
        stored = {name: _stored(value) for name, value in params.items()}
    return json.dumps({"note": str(message), "params": stored}, ensure_ascii=False)


def _stored(value):
    if isinstance(value, Promise):
        return {"text": str(value)}  # a translatable label, stored as its English msgid
    if isinstance(value, datetime.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, list | tuple):
        return [_stored(item) for item in value]
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)  # a name, a number, a person's words: shown as they are


def _shown(value) -> str:
    if isinstance(value, dict) and "text" in value:
        return gettext(str(value["text"])) if value["text"] else ""
    if isinstance(value, dict):
        moment = parse_datetime(str(value.get("datetime", "")))
        return formats.localize(timezone.template_localtime(moment)) if moment else ""
    if isinstance(value, list):
        return ", ".join(_shown(item) for item in value)
    return str(value)


def note_text(comment: str) -> str:
    """A revision's note in the active language."""
    if not comment:
        return ""
    if comment.startswith(_NOTE):
        try:
            stored = json.loads(comment)
            message, params = gettext(stored["note"]), stored.get("params") or {}
            if not params:
                return message
            return message % {name: _shown(value) for name, value in params.items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            return comment
    if comment.startswith("["):
        return LogEntry(change_message=comment).get_change_message()
    return gettext(comment)


_reverted_to: ContextVar[datetime.datetime | None] = ContextVar("reverted_to", default=None)


@contextmanager
def reverting(version):
    """Around the admin's revert and recover views: the revision they save gets a note in the
    reader's language (django-reversion writes its own in the reverting user's)."""
    token = _reverted_to.set(version.revision.date_created)
    try:
        yield
    finally:
        _reverted_to.reset(token)


def revert_note(sender, revision, versions, **kwargs) -> None:
    """pre_revision_commit receiver: the note of a revert names the version's date."""
    moment = _reverted_to.get()
    if moment is not None:
        revision.comment = note_encode(
            gettext_noop("Reverted to the version saved on %(datetime)s"), datetime=moment
        )


# What a version changed ----------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    label: str
    old: str
    new: str


@functools.cache
def _compared_fields(model) -> list[models.Field]:
    """The versioned fields a person edits: no automatic time stamps or generated columns, and
    of a translated field its language columns only (the base column repeats one of them)."""
    try:
        translated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        translated = set()
    fields = []
    for name in _get_options(model).fields:
        field = model._meta.get_field(name)
        if name in translated:
            continue
        if not field.editable or getattr(field, "auto_now", False):
            continue
        if getattr(field, "auto_now_add", False) or field.primary_key:
            continue
        fields.append(field)
    return fields


def _comparable(field, value):
    if field.many_to_many:
        return sorted(str(pk) for pk in value or ())
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    return "" if value is None else value


def version_fields(version) -> dict | None:
    """A version's stored values (as its field_dict), or None where they cannot be read."""
    try:
        return version.field_dict
    except (RevertError, ValueError, LookupError):
        return None  # a version of a model since changed beyond reading


def current_fields(obj) -> dict:
    """The object's versioned values as they are now, keyed as a version's field_dict."""
    values = {}
    for field in _compared_fields(type(obj)):
        if field.many_to_many:
            values[field.attname] = list(getattr(obj, field.name).values_list("pk", flat=True))
        else:
            values[field.attname] = getattr(obj, field.attname)
    return values


def _differences(model, old: dict, new: dict) -> list[tuple[models.Field, object, object]]:
    found = []
    for field in _compared_fields(model):
        if field.attname not in old or field.attname not in new:
            continue
        before, after = old[field.attname], new[field.attname]
        if _comparable(field, before) != _comparable(field, after):
            found.append((field, before, after))
    return found


def changes_between(model, old: dict | None, new: dict | None) -> list[Change]:
    """The fields whose values differ from `old` to `new` (field_dict-like), shown in the
    active language."""
    if not old or not new:
        return []
    differences = _differences(model, old, new)
    names = _related_names(differences)
    return [
        Change(
            label=capfirst(field.verbose_name),
            old=_display(field, before, names),
            new=_display(field, after, names),
        )
        for field, before, after in differences
    ]


def version_list_changes(model, versions: list) -> list[list[Change]]:
    """For each version (in the order given) what it changed from the version before it in
    time; nothing for the first. Related rows are read in one query per related model."""
    in_time = sorted(versions, key=lambda version: version.pk)
    previous = dict(zip((v.pk for v in in_time[1:]), in_time[:-1], strict=True))
    pairs = {}
    for version in versions:
        before = previous.get(version.pk)
        old, new = (version_fields(before) if before else None), version_fields(version)
        pairs[version.pk] = _differences(model, old, new) if old and new else []
    names = _related_names([item for found in pairs.values() for item in found])
    return [
        [
            Change(
                label=capfirst(field.verbose_name),
                old=_display(field, before, names),
                new=_display(field, after, names),
            )
            for field, before, after in pairs[version.pk]
        ]
        for version in versions
    ]


def _related_names(differences) -> dict:
    """{(model, pk): name} of the rows that changed foreign keys and many-to-many fields name."""
    wanted: dict = {}
    for field, before, after in differences:
        if not (field.many_to_many or field.many_to_one or field.one_to_one):
            continue
        pks = wanted.setdefault(field.related_model, set())
        for value in (before, after):
            values = value if field.many_to_many else [value]
            pks.update(pk for pk in values or () if pk is not None)
    names = {}
    for model, pks in wanted.items():
        for pk, row in model._base_manager.in_bulk(pks).items():
            names[(model, str(pk))] = str(row)
    return names


def _display(field, value, names: dict) -> str:
    if field.many_to_many:
        shown = sorted(names.get((field.related_model, str(pk)), str(pk)) for pk in value or ())
        return ", ".join(shown) or EMPTY
    if value is None or value == "":
        return EMPTY
    if field.many_to_one or field.one_to_one:
        return names.get((field.related_model, str(value)), str(value))
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("Yes") if value else gettext("No")
    if isinstance(value, list):  # an array column, such as a contact's language codes
        return ", ".join(str(item) for item in value) or EMPTY
    if isinstance(field, models.FileField):
        return getattr(value, "name", str(value)).rsplit("/", 1)[-1] or EMPTY
    if isinstance(value, datetime.datetime):
        return formats.localize(timezone.template_localtime(value))
    if isinstance(value, datetime.date | int | float):
        return formats.localize(value)
    return Truncator(str(value)).chars(SHOWN_CHARACTERS)
