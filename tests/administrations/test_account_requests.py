"""The public request for a members' account: stored, acknowledged, the focal points told; the
same answer whatever the address; throttled; bad input refused with a clear message."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from hypothesis import given

from administrations import views
from administrations.models import AccountRequest
from tests.administrations.factories import make_account_request
from tests.cache_contents import cache_contents
from tests.factories import make_user
from tests.pages import latin_words
from tests.test_form_fuzz import FUZZ, apply, assert_answered, changes

pytestmark = pytest.mark.django_db


def form(administration, /, **overrides) -> dict:
    return {
        "full_name": "Aysel Quliyeva",
        "email": "aysel@customs.az",
        "administration": administration.pk,
        "position": "Senior customs inspector",
        "message": "Risk management department.",
        **overrides,
    }


def ask(client, data, language="en", **extra):
    with translation.override(language):
        url = reverse("administrations:account_request")
    return client.post(url, data, follow=True, **extra)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_form_is_shown_in_each_language(client, language):
    response = client.get(f"/{language}/accounts/request/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]  # a form with a CSRF token: never cached
    assert {"en": "Ask for a members' account", "ru": "Запросить учётную запись участника"}[
        language
    ] in html
    if language == "ru":
        assert latin_words(html) == []
        assert "Азербайджан" in html


def test_a_request_is_stored_acknowledged_and_sent_to_the_focal_point(
    client, focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, form(azerbaijan, email="Aysel@Customs.AZ"), language="ru")
    assert response.redirect_chain == [("/ru/accounts/request/sent/", 302)]
    request = AccountRequest.objects.get()
    assert (request.email, request.language, request.status) == (
        "aysel@customs.az",
        "ru",
        AccountRequest.Status.PENDING,
    )
    assert request.administration == azerbaijan
    to_person, to_focal_point = mail.outbox
    assert to_person.to == ["aysel@customs.az"]
    assert "Азербайджан" in to_person.body  # in the language of the request
    assert to_focal_point.to == [focal_point.email]
    assert "Aysel Quliyeva" in to_focal_point.subject
    assert "Senior customs inspector" in to_focal_point.body
    assert "http://127.0.0.1:8000/en/members/administration/users/" in to_focal_point.body


def test_focal_points_are_told_in_their_own_language(
    client, focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    focal_point.language = "ru"
    focal_point.save()
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, form(azerbaijan), language="en")
    to_focal_point = mail.outbox[1]
    assert "запрашивает" in to_focal_point.subject
    assert "/ru/members/administration/users/" in to_focal_point.body


def test_without_a_focal_point_the_office_is_told(
    client, georgia, settings, django_capture_on_commit_callbacks
):
    settings.STAFF_NOTIFICATION_EMAILS = ["office@rocb.test"]
    with django_capture_on_commit_callbacks(execute=True):
        ask(client, form(georgia, email="nino@customs.ge"))
    assert mail.outbox[1].to == ["office@rocb.test"]
    assert "/admin/administrations/accountrequest/" in mail.outbox[1].body


def without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_the_answer_is_the_same_whether_the_address_has_an_account_or_not(
    client, member, azerbaijan, django_capture_on_commit_callbacks
):
    answers = []
    for email in ["nobody@customs.az", member.email.upper()]:
        with django_capture_on_commit_callbacks(execute=True):
            response = ask(client, form(azerbaijan, email=email))
        answers.append(
            (response.redirect_chain, response.status_code, without_csrf(response.content.decode()))
        )
    assert answers[0] == answers[1]
    # Each address got one mail; the one with an account was told so, nothing was stored for it.
    unknown, known = mail.outbox[0], mail.outbox[-1]
    assert unknown.to == ["nobody@customs.az"] and known.to == [member.email]
    assert "already have an account" in known.body
    assert "/en/accounts/password-reset/" in known.body
    assert list(AccountRequest.objects.values_list("email", flat=True)) == ["nobody@customs.az"]


def test_asking_again_while_pending_stores_no_second_request(
    client, focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    make_account_request(email="aysel@customs.az")
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client, form(azerbaijan))
    assert response.redirect_chain == [("/en/accounts/request/sent/", 302)]
    assert AccountRequest.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["aysel@customs.az"]]  # no focal point


def test_a_deactivated_account_may_ask_again(client, azerbaijan):
    make_user(email="aysel@customs.az", administration=azerbaijan, is_active=False)
    ask(client, form(azerbaijan))
    assert AccountRequest.objects.filter(email="aysel@customs.az").exists()


def test_requests_from_one_address_are_throttled(client, azerbaijan, monkeypatch):
    monkeypatch.setattr(views, "REQUESTS_PER_ADDRESS", (3, 3600))
    statuses = [
        ask(client, form(azerbaijan, email=f"person{n}@customs.az")).status_code for n in range(4)
    ]
    assert statuses == [200, 200, 200, 429]
    refused = ask(client, form(azerbaijan, email="late@customs.az"))
    assert refused.status_code == 429
    assert "Too many requests" in refused.content.decode()
    assert AccountRequest.objects.count() == 3
    # Another client address is not held back.
    other = ask(client, form(azerbaijan, email="other@customs.az"), REMOTE_ADDR="198.51.100.9")
    assert other.redirect_chain == [("/en/accounts/request/sent/", 302)]


def test_the_address_counted_is_the_one_the_trusted_proxy_saw(
    client, azerbaijan, monkeypatch, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    monkeypatch.setattr(views, "REQUESTS_PER_ADDRESS", (2, 3600))
    statuses = [
        ask(
            client,
            form(azerbaijan, email=f"person{n}@customs.az"),
            # The client forges the left part; the proxy appends the address it saw.
            headers={"x-forwarded-for": f"10.0.0.{n}, 203.0.113.7"},
        ).status_code
        for n in range(3)
    ]
    assert statuses == [200, 200, 429]


def test_requests_for_one_email_are_throttled_with_a_translated_message(
    client, azerbaijan, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(views, "REQUESTS_PER_EMAIL", (2, 3600))
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(2):
            ask(client, form(azerbaijan, email="Aysel@customs.az"), REMOTE_ADDR=f"192.0.2.{n}")
        refused = ask(client, form(azerbaijan), language="ru", REMOTE_ADDR="192.0.2.99")
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.content.decode()
    assert len(mail.outbox) == 2  # two acknowledgements, the third post sent nothing


def test_the_throttle_keeps_no_address_in_the_cache(client, azerbaijan):

    ask(client, form(azerbaijan), REMOTE_ADDR="203.0.113.77")
    stored = " ".join(map(str, cache_contents()))
    assert "throttle:" in stored
    assert "aysel" not in stored and "203.0.113.77" not in stored


@pytest.mark.parametrize(
    ("language", "overrides", "message"),
    [
        ("en", {"full_name": ""}, "Enter your full name."),
        ("en", {"email": "aysel.customs.az"}, "Enter an email address like name@customs.example."),
        ("en", {"administration": ""}, "Choose the administration you work for."),
        ("en", {"administration": "999999"}, "Choose the administration you work for from"),
        ("en", {"position": " "}, "Enter your position or job title."),
        ("en", {"full_name": "x" * 201}, "Use at most 200 characters (it has 201)."),
        ("ru", {"full_name": ""}, "Укажите ваше полное имя."),
        ("ru", {"email": "@"}, "Укажите адрес электронной почты вида name@customs.example."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(
    client, azerbaijan, language, overrides, message
):
    response = ask(client, form(azerbaijan, **overrides), language=language)
    html = response.content.decode()
    assert response.status_code == 200
    assert response.redirect_chain == []
    assert 'id="error-summary"' in html
    assert message in html
    assert not AccountRequest.objects.exists()
    assert mail.outbox == []


def test_an_administration_outside_the_region_cannot_be_chosen(client, azerbaijan):
    azerbaijan.is_member = False
    azerbaijan.save()
    response = ask(client, form(azerbaijan))
    assert "Choose the administration you work for from the list." in response.content.decode()
    assert not AccountRequest.objects.exists()


def test_the_login_page_links_to_the_request_form(client):
    html = client.get("/ru/accounts/login/").content.decode()
    assert 'href="/ru/accounts/request/"' in html


@FUZZ
@given(fuzzed=changes(["full_name", "email", "administration", "position", "message"]))
def test_hostile_posts_never_fail_and_store_all_or_nothing(client, azerbaijan, monkeypatch, fuzzed):
    monkeypatch.setattr(views, "REQUESTS_PER_ADDRESS", (10_000, 3600))
    monkeypatch.setattr(views, "REQUESTS_PER_EMAIL", (10_000, 3600))
    before = AccountRequest.objects.count()
    response = client.post("/en/accounts/request/", apply(form(azerbaijan), fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        assert response["Location"] == "/en/accounts/request/sent/"
        assert AccountRequest.objects.count() <= before + 1
        for account_request in AccountRequest.objects.all():
            account_request.full_clean()
    else:
        assert AccountRequest.objects.count() == before
