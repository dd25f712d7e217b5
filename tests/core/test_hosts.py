"""A request for a host the portal does not serve gets a plain 400 and one log line; the load
balancer's health check by IP address gets its answer. Tried as in production: DEBUG off, behind
a TLS proxy, only the portal's own name allowed."""

import logging

import pytest
from django.test import Client, override_settings

from core import views

pytestmark = pytest.mark.django_db

PRODUCTION = override_settings(
    DEBUG=False,
    ALLOWED_HOSTS=["portal.example.org"],
    SECURE_SSL_REDIRECT=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)
BAD_HOSTS = ["evil.example", "evil.example:8110", "127.0.0.1:8110@evil.example", "10.0.0.7:8000"]


@pytest.fixture
def proxied():
    """A client behind the TLS proxy, which sees the server's errors as a browser would."""
    return Client(raise_request_exception=False, headers={"X-Forwarded-Proto": "https"})


@pytest.mark.parametrize("host", BAD_HOSTS)
@pytest.mark.parametrize("path", ["/en/", "/ru/documents/", "/en/no-such-page/", "/admin/"])
def test_a_host_the_portal_does_not_serve_gets_a_plain_400_and_one_log_line(
    proxied, caplog, host, path
):
    with PRODUCTION, caplog.at_level(logging.DEBUG):
        response = proxied.get(path, headers={"Host": host})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert "evil.example" not in response.content.decode()
    records = [record for record in caplog.records if record.levelno >= logging.WARNING]
    assert [record.name for record in records] == ["django.security.DisallowedHost"]
    (line,) = caplog.text.strip().splitlines()  # no traceback under it
    assert "Invalid HTTP_HOST header" in line


def test_a_post_to_a_bad_host_gets_the_same_answer(proxied, caplog):
    with PRODUCTION, caplog.at_level(logging.WARNING):
        response = proxied.post("/en/accounts/login/", {}, headers={"Host": "evil.example"})
    assert response.status_code == 400
    assert len(caplog.records) == 1


def test_the_portal_still_serves_its_own_name(proxied):
    with PRODUCTION:
        response = proxied.get("/en/", headers={"Host": "portal.example.org"})
    assert response.status_code == 200
    assert 'hreflang="ru"' in response.content.decode()


@pytest.mark.parametrize("host", BAD_HOSTS)
def test_the_health_check_answers_whatever_the_host(proxied, host):
    """The balancer probes each application host by its address, which is not a served name,
    and over plain HTTP."""
    plain = Client(raise_request_exception=False)
    with PRODUCTION:
        for client in (proxied, plain):
            response = client.get("/healthz", headers={"Host": host})
            assert response.status_code == 200
            assert response.json()["status"] == "ok"


def test_only_the_health_check_skips_the_host_check(proxied):
    with PRODUCTION:
        for path in ("/healthz/", "/healthzx", "/en/healthz"):
            assert proxied.get(path, headers={"Host": "10.0.0.7"}).status_code == 400


@pytest.mark.parametrize("view", [views.bad_request, views.permission_denied, views.page_not_found])
def test_the_error_pages_never_ask_for_the_host(rf, view):
    """They may be rendered for any request, also one whose host was refused."""
    with PRODUCTION:
        request = rf.get("/en/", headers={"Host": "evil.example"})
        response = view(request, exception=None)
        assert response.status_code in (400, 403, 404)
        assert "evil.example" not in response.content.decode()
        assert 'hreflang="ru" href="http' in response.content.decode()
