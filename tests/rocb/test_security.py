import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, RequestFactory
from django.utils import translation

from rocb import views
from tests.factories import PASSWORD

BASE_DIR = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "kR3v9-production-like-secret-Zq8wN2xT5yB7mC4pL6hJ1fD0gS_aE",
    "ALLOWED_HOSTS": "portal.example.org",
    "DATABASE_URL": "postgres://rocb@db.example.org/rocb",
    "EMAIL_HOST": "smtp.example.org",
}


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


def test_deploy_checks_pass_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_deploy_checks_fail_when_mail_would_not_be_delivered():
    env = {k: v for k, v in PRODUCTION.items() if k != "EMAIL_HOST"}
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
