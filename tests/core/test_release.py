"""The release's digest in the cache's keys: a deploy that changes what pages are drawn from
never serves what the release before it rendered."""

import pytest
from django.template import Context, Template
from django.utils import translation

from core import cache as page_cache
from core.release import files_digest, release
from tests.core.test_cache import calls, get

pytestmark = pytest.mark.django_db


def test_the_digest_follows_the_files_pages_are_drawn_from(tmp_path):
    templates = tmp_path / "templates"
    templates.mkdir()
    page = templates / "page.html"
    page.write_text("<h1>{{ title }}</h1>")
    first = files_digest([tmp_path])
    assert files_digest([tmp_path]) == first
    (templates / "style.css").write_text("h1 { color: red }")  # reaches pages by the manifest
    assert files_digest([tmp_path]) == first
    page.write_text("<h2>{{ title }}</h2>")
    changed = files_digest([tmp_path])
    assert changed != first
    manifest = tmp_path / "staticfiles.json"
    assert files_digest([tmp_path], extra=[manifest]) == changed  # not there: not read
    manifest.write_text('{"paths": {}}')
    assert files_digest([tmp_path], extra=[manifest]) != changed


def test_the_project_has_one_release_per_process():
    assert release() == release() and len(release()) == 16


def test_a_new_release_renders_pages_and_fragments_afresh(monkeypatch):
    calls.clear()
    with translation.override("en"):
        assert get("/en/x/").content == b"page 1"
        assert get("/en/x/").content == b"page 1"
        monkeypatch.setattr(page_cache, "release", lambda: "the-next-release")
        assert get("/en/x/").content == b"page 2"
    assert len(calls) == 2

    fragment = Template(
        '{% load fragments %}{% cachedfragment "release-test" "" %}'
        "{{ text }}{% endcachedfragment %}"
    )
    assert fragment.render(Context({"text": "old"})) == "old"
    assert fragment.render(Context({"text": "new"})) == "old"  # the same release: cached
    monkeypatch.setattr(page_cache, "release", lambda: "a-release-after-that")
    assert fragment.render(Context({"text": "new"})) == "new"
