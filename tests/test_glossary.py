"""The Russian catalogue keeps to the glossary (locale/ru/glossary.toml): one term per idea."""

import re
import tomllib
from pathlib import Path

import polib
import pytest

LOCALE = Path(__file__).resolve().parent.parent / "locale/ru"
GLOSSARY = tomllib.loads((LOCALE / "glossary.toml").read_text())
PLACEHOLDER = re.compile(r"%\(\w+\)s")
ENTRIES = [
    (PLACEHOLDER.sub("", entry.msgid), " ".join([entry.msgstr, *entry.msgstr_plural.values()]))
    for entry in polib.pofile(str(LOCALE / "LC_MESSAGES/django.po")).translated_entries()
]


def search(pattern, text):
    return re.search(pattern, text, re.IGNORECASE)


@pytest.mark.parametrize("term", GLOSSARY["term"], ids=lambda term: term["en"])
def test_each_term_has_one_rendering(term):
    wrong = []
    for english, russian in ENTRIES:
        if not search(term["en"], english):
            continue
        if not search(term["ru"], russian):
            wrong.append((english, russian))
        elif not search(term.get("unless", r"(?!)"), english):
            wrong += [
                (english, russian) for avoided in term.get("avoid", ()) if search(avoided, russian)
            ]
    assert wrong == []


@pytest.mark.parametrize("rule", GLOSSARY["never"], ids=lambda rule: rule["ru"])
def test_wording_to_avoid(rule):
    assert [russian for _, russian in ENTRIES if search(rule["ru"], russian)] == []


def test_the_glossary_catches_a_stray_term():
    events = next(term for term in GLOSSARY["term"] if term["en"].startswith(r"\bevent"))
    assert search(events["en"], "Upcoming events") and not search(
        events["ru"], "Предстоящие события"
    )
