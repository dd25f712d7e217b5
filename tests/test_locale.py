"""The Russian catalogue is complete and the compiled one matches it."""

import gettext
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
CATALOGUE = BASE_DIR / "locale/ru/LC_MESSAGES/django.po"
# What makemessages reads; the rest of the checkout (environments, packages, data) is not copied.
SOURCES = ("*.py", "*.html", "*.txt")
NOT_SOURCES = (".git", ".venv", "node_modules", "staticfiles", "locale", ".pgdata", "media")


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


def extracted_messages(root: Path) -> polib.POFile:
    """The catalogue `make messages` would write, extracted from a copy of the source: Django's
    makemessages writes into the checkout's own locale folder, which must not change here."""
    copy = root / "source"

    def not_source(folder, names):
        files = {n for n in names if not any(Path(n).match(p) for p in SOURCES)}
        return {n for n in files if n in NOT_SOURCES or not (Path(folder) / n).is_dir()}

    shutil.copytree(BASE_DIR, copy, ignore=not_source)
    (copy / "locale").mkdir()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rocb.settings.base",
        # makemessages needs no database: an address that is never opened keeps the settings
        # from starting an embedded server in the copy.
        "DATABASE_URL": "postgres://unused@127.0.0.1:1/unused",
        "DEBUG": "1",
    }
    subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "makemessages", "--locale", "ru", "--no-location", "-v", "0"],
        cwd=copy,
        env=environment,
        check=True,
        capture_output=True,
    )
    return polib.pofile(str(copy / "locale/ru/LC_MESSAGES/django.po"))


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_every_string_marked_for_translation_is_in_the_russian_catalogue(tmp_path):
    catalogue = {
        (entry.msgctxt, entry.msgid) for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete
    }
    missing = [
        entry.msgid
        for entry in extracted_messages(tmp_path)
        if (entry.msgctxt, entry.msgid) not in catalogue
    ]
    assert missing == [], "run `make messages` and translate the new entries"
