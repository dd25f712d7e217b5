import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from core import views
from tests.factories import PASSWORD

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "kR3v9-production-like-secret-Zq8wN2xT5yB7mC4pL6hJ1fD0gS_aE",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://rocb@db.example.org/rocb",
    "EMAIL_HOST": "smtp.example.org",
}


def reachable_database_url() -> str:
    """The test server's own database: model checks of generated fields ask the server."""
    from django.db import connection

    db = connection.settings_dict
    host = db.get("HOST") or db.get("OPTIONS", {}).get("host", "")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    if host.startswith("/"):
        return f"postgres://{db['USER']}@{port}/{db['NAME']}?host={host}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{host}{port}/{db['NAME']}"


def run_manage(*args, **env):
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="rocb.settings.base")
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.django_db
def test_deploy_checks_pass_with_production_settings():
    production = {**PRODUCTION, "DATABASE_URL": reachable_database_url()}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **production)
    assert result.returncode == 0, result.stderr


@pytest.mark.django_db
def test_deploy_checks_fail_when_mail_would_not_be_delivered():
    env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
    env["DATABASE_URL"] = reachable_database_url()
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode != 0
    assert "rocb.W001" in result.stderr


def test_production_cookies_are_secure_httponly_and_lax():
    code = (
        "from django.conf import settings as s;"
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY,"
        " s.SESSION_COOKIE_SAMESITE, s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS,"
        " s.SECURE_PROXY_SSL_HEADER)"
    )
    result = run_manage("shell", "--no-imports", "-c", code, **PRODUCTION)
    assert result.stdout.split(None, 6) == [
        "True",
        "True",
        "True",
        "Lax",
        "True",
        "31536000",
        "('HTTP_X_FORWARDED_PROTO', 'https')\n",
    ]


@pytest.mark.django_db
def test_security_headers_and_content_security_policy(client):
    response = client.get("/en/")
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"].split()[0] == "'self'"  # plus a nonce on pages with scripts
    assert "unsafe-inline" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.django_db
def test_login_gives_a_new_session_and_logout_kills_the_old_one(member, settings):
    client = Client()
    client.get("/en/accounts/login/")
    client.session["probe"] = 1  # an anonymous session exists before login
    session = client.session
    session["probe"] = 1
    session.save()
    before = session.session_key
    response = client.post("/en/accounts/login/", {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    after = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert after != before
    client.post("/en/accounts/logout/")
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = after
    assert thief.get("/en/members/").status_code == 302


@pytest.mark.parametrize(
    ("language", "not_found", "server_error"),
    [
        ("en", "Page not found", "Something went wrong"),
        ("ru", "Страница не найдена", "Что-то пошло не так"),
    ],
)
def test_error_pages_render_without_the_database(client, language, not_found, server_error):
    # No `db` fixture: any database access here would fail the test.
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    assert not_found in response.content.decode()
    with translation.override(language):
        response = views.server_error(RequestFactory().get(f"/{language}/"))
    assert response.status_code == 500
    assert server_error in response.content.decode()


@pytest.fixture
def database_down(django_db_blocker, monkeypatch):
    """The database stops answering: every connection attempt is refused at once."""
    from django.db import connections

    connection = connections["default"]
    options = {k: v for k, v in connection.settings_dict.get("OPTIONS", {}).items() if k != "host"}
    with django_db_blocker.unblock():
        connection.close()
        monkeypatch.setitem(connection.settings_dict, "HOST", "127.0.0.1")
        monkeypatch.setitem(connection.settings_dict, "PORT", "1")
        monkeypatch.setitem(connection.settings_dict, "OPTIONS", {**options, "connect_timeout": 2})
        yield
        connection.close()


@pytest.mark.parametrize(
    ("language", "not_found", "server_error"),
    [
        ("en", "Page not found", "Something went wrong"),
        ("ru", "Страница не найдена", "Что-то пошло не так"),
    ],
)
def test_error_pages_render_through_the_whole_stack_while_the_database_is_down(
    database_down, settings, language, not_found, server_error
):
    # A logged-in visitor: their session lives in the database that is down.
    client = Client(raise_request_exception=False)
    client.cookies[settings.SESSION_COOKIE_NAME] = "a" * 32
    pages = {
        f"/{language}/no-such-page/": (404, not_found),
        f"/{language}/": (500, server_error),
        f"/{language}/members/": (500, server_error),
        f"/{language}/members/experts/": (500, server_error),
    }
    for path, (status, text) in pages.items():
        response = client.get(path)
        assert response.status_code == status, path
        html = response.content.decode()
        assert text in html, path
        assert f'<html lang="{language}">' in html, path
        assert "Content-Security-Policy" in response, path
    health = client.get("/healthz")
    assert (health.status_code, health.json()["database"]) == (503, "unavailable")


@pytest.mark.django_db
def test_a_members_session_is_read_from_the_cache_and_kept_in_the_database(member):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = Client()
    response = client.post("/en/accounts/login/", {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/members/").status_code == 200
    assert not [query for query in queries if "django_session" in query["sql"]]
    cache.clear()  # a cache emptied (restarted, or full): the member stays logged in
    assert client.get("/en/members/").status_code == 200
