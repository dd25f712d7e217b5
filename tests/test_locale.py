"""The Russian catalogue is complete and the compiled one matches it."""

import gettext
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "locale/ru/LC_MESSAGES/django.po"


def test_every_russian_entry_is_translated_and_not_fuzzy():
    po = polib.pofile(str(CATALOGUE))
    assert po.fuzzy_entries() == []
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert len(po.translated_entries()) > 50


def test_placeholders_survive_translation():
    for entry in polib.pofile(str(CATALOGUE)).translated_entries():
        for placeholder in ("%(", "%s", "%d"):
            if entry.msgid_plural:
                continue
            assert entry.msgid.count(placeholder) == entry.msgstr.count(placeholder), entry.msgid


def test_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(CATALOGUE))
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:
        mo = gettext.GNUTranslations(compiled)
    stale = [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and mo.pgettext(entry.msgctxt, entry.msgid) != entry.msgstr
        if entry.msgctxt
    ] + [
        entry.msgid
        for entry in po.translated_entries()
        if not entry.msgid_plural and not entry.msgctxt and mo.gettext(entry.msgid) != entry.msgstr
    ]
    assert stale == [], "run `make messages` to recompile locale/ru"
