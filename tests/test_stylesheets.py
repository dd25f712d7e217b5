"""The portal's stylesheets parse as written: an unclosed block (easy to leave behind when two
branches append to site.css) silently moves every later rule into it."""

import re
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[1]
STYLESHEETS = sorted(
    path
    for path in BASE_DIR.glob("**/static/**/*.css")
    if not {".venv", "node_modules", "staticfiles"} & set(path.relative_to(BASE_DIR).parts)
)


def test_the_stylesheets_are_found():
    assert BASE_DIR / "static/css/site.css" in STYLESHEETS


@pytest.mark.parametrize("path", STYLESHEETS, ids=lambda path: str(path.relative_to(BASE_DIR)))
def test_every_block_is_closed(path):
    css = re.sub(r"/\*.*?\*/", "", path.read_text(encoding="utf-8"), flags=re.S)
    css = re.sub(r"\"[^\"]*\"|'[^']*'", '""', css)  # braces inside strings do not count
    depth = 0
    for number, line in enumerate(css.splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"line {number}: a closing brace too many"
    assert depth == 0, "a block is not closed"
