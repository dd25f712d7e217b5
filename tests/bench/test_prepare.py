"""bench/run.py's prepare() runs collectstatic only when what it reads changed: the benchmark and
the two-host drill each prepare again what the test's fixture prepared."""

import pytest

from bench import run


@pytest.fixture
def checkout(tmp_path, monkeypatch):
    """A checkout with one static file, and the collectstatic runs asked for."""
    (tmp_path / "static").mkdir()
    (tmp_path / "static" / "site.css").write_text("body {}")
    (tmp_path / "uv.lock").write_text("lock")
    monkeypatch.setattr(run, "BASE_DIR", tmp_path)
    monkeypatch.setattr(run, "STATIC_ROOT", tmp_path / "staticfiles")
    monkeypatch.setattr(run, "STATIC_STAMP", tmp_path / "results" / "static.digest")
    calls = []

    def collectstatic(env, *args):
        calls.append(args)
        (tmp_path / "staticfiles").mkdir(exist_ok=True)
        (tmp_path / "staticfiles" / "staticfiles.json").write_text(str(len(calls)))

    monkeypatch.setattr(run, "manage", collectstatic)
    return tmp_path, calls


def test_collectstatic_runs_once_while_nothing_changed(checkout):
    _, calls = checkout
    run.collect_static({})
    run.collect_static({})
    assert calls == [("collectstatic", "--no-input", "-v", "0")]


@pytest.mark.parametrize("change", ["static/site.css", "uv.lock", "staticfiles/staticfiles.json"])
def test_collectstatic_runs_again_after_a_change(checkout, change):
    root, calls = checkout
    run.collect_static({})
    (root / change).write_text("changed, and longer than before")
    run.collect_static({})
    assert len(calls) == 2


def test_collectstatic_runs_again_when_a_static_file_is_added(checkout):
    root, calls = checkout
    run.collect_static({})
    (root / "static" / "new.js").write_text("")
    run.collect_static({})
    assert len(calls) == 2
