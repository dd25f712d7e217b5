"""The apps' imports follow the layers of the README's architecture section.

Each app imports only from its own layer's helpers and the layers below; feature apps read one
another only through `selectors` (or name a model for a foreign key), and never in a circle.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FEATURES = ["contacts", "experts", "library", "workplan", "outreach", "competencies", "needs"]
LAYERS = [["core"], ["administrations"], ["accounts"], FEATURES, ["portal"]]
RANK = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}
# What one feature app may import from another.
BETWEEN_FEATURES = {"selectors", "models"}


def imports_of(app: str) -> set[tuple[str, str]]:
    """(app, module) pairs the app's code imports from other portal apps (migrations aside)."""
    found = set()
    for path in (ROOT / app).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top, _, rest = name.partition(".")
                if top in RANK and top != app:
                    found.add((top, rest.split(".")[0]))
    return found


@pytest.mark.parametrize("app", list(RANK))
def test_an_app_imports_only_from_the_layers_below(app):
    upward = sorted(
        f"{other}.{module}" for other, module in imports_of(app) if RANK[other] > RANK[app]
    )
    assert not upward, f"{app} imports from a layer above it: {upward}"


@pytest.mark.parametrize("app", FEATURES)
def test_feature_apps_read_each_other_through_selectors(app):
    reads = sorted(
        f"{other}.{module}"
        for other, module in imports_of(app)
        if other in FEATURES and module not in BETWEEN_FEATURES
    )
    assert not reads, f"{app} reaches into another feature app: {reads}"


def test_feature_apps_import_each_other_in_no_circle():
    graph = {app: {other for other, _ in imports_of(app) if other in FEATURES} for app in FEATURES}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(
            nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt}))
            for nxt in graph[start]
        )

    circles = sorted(app for app in FEATURES if reaches(app, app, {app}))
    assert not circles, f"feature apps in an import circle: {circles}"


def test_the_configuration_package_holds_no_app_code():
    modules = {path.name for path in (ROOT / "rocb").glob("*.py")}
    assert modules <= {"__init__.py", "urls.py", "wsgi.py", "asgi.py", "embedded_db.py"}
