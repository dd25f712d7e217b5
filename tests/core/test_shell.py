import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db.utils import ConnectionHandler

from core import views
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("accept", "expected"), [("ru-RU,ru;q=0.9", "/ru/"), ("en-GB", "/en/")])
def test_root_redirects_by_accept_language(client, accept, expected):
    response = client.get("/", headers={"accept-language": accept})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_home_in_english(client):
    response = client.get("/en/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "WCO Regional Office for Capacity Building for the Europe region" in html
    assert html.count("<h1") == 1


def test_home_in_russian_has_no_stray_english(client):
    html = client.get("/ru/").content.decode()
    assert '<html lang="ru">' in html
    assert "Перейти к основному содержанию" in html
    assert latin_words(html) == []


def test_language_switcher_keeps_the_page(client):
    html = client.get("/en/accounts/login/?next=/en/members/").content.decode()
    assert 'href="/ru/accounts/login/?next=/en/members/"' in html
    assert 'hreflang="ru"' in html


@pytest.mark.parametrize(
    "path",
    ["//evil.example/en/", "///evil.example/ru/", "/\\evil.example/en/", "//evil.example/x/"],
)
def test_language_links_stay_on_the_site_whatever_the_path(client, path):
    """A path that starts like an address of another site ("//host/...") is a path here."""
    response = client.get("/", PATH_INFO=path)  # the test client would read "//host" as a host
    html = response.content.decode()
    links = re.findall(r'href="([^"]*)"', html)
    on_site = re.compile(rf"^(#|/(?![/\\])|{re.escape(settings.SITE_URL)}/(?![/\\]))")
    assert len(links) > 5
    assert [link for link in links if not on_site.match(link)] == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_not_found_page_in_both_languages(client, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert {"en": "Page not found", "ru": "Страница не найдена"}[language] in html
    if language == "ru":
        assert latin_words(html) == []


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch, settings):
    # A real connection attempt to a server that is not there.
    down = dict(settings.DATABASES["default"], HOST="127.0.0.1", PORT="9", NAME="nowhere")
    handler = ConnectionHandler({"default": down})
    monkeypatch.setattr(views, "connections", handler)
    try:
        response = client.get("/healthz")
    finally:
        handler.close_all()
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def _import_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import rocb.settings.base"],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _import_settings(DEBUG="0", DATABASE_URL="postgres://u@localhost/db")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_real_secret_key():
    result = _import_settings(
        DEBUG="0",
        DATABASE_URL="postgres://u@localhost/db",
        SECRET_KEY="kR3v9-production-like-secret-Zq8wN2xT5yB7mC4pL6hJ1fD0gS_aE",
    )
    assert result.returncode == 0, result.stderr


def test_healthz_answers_503_when_the_file_store_is_down(client, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "core.object_storage.PrivateObjectStorage",
            "OPTIONS": {
                "bucket_name": "rocb-private",
                "endpoint_url": "http://127.0.0.1:9",  # nothing listens there
                "access_key": "portal",
                "secret_key": "portal",
                "region_name": "us-east-1",
            },
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["storage"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_production_refuses_to_start_without_a_database_url(tmp_path):
    pgdata = tmp_path / "pgdata"
    result = _import_settings(
        DEBUG="0",
        DATABASE_URL="",
        ROCB_PGDATA=str(pgdata),
        SECRET_KEY="kR3v9-production-like-secret-Zq8wN2xT5yB7mC4pL6hJ1fD0gS_aE",
    )
    assert result.returncode != 0
    assert "DATABASE_URL must be set when DEBUG is off" in result.stderr
    assert not pgdata.exists(), "the embedded PostgreSQL was started"
