"""The project's own stylesheets are well formed (a lost brace silently disables later rules)."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
STYLESHEETS = sorted(
    path
    for pattern in ("static/**/*.css", "*/static/**/*.css")
    for path in ROOT.glob(pattern)
    if ".venv" not in path.parts and "node_modules" not in path.parts
)


@pytest.mark.parametrize("stylesheet", STYLESHEETS, ids=lambda path: str(path.relative_to(ROOT)))
def test_braces_are_balanced(stylesheet):
    depth = 0
    for number, line in enumerate(stylesheet.read_text().splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"line {number}: a closing brace without its opening one"
        if line.startswith("/*"):  # section comments sit at the top level
            assert depth == 0, f"line {number}: a section starts inside an unclosed block"
    assert depth == 0
