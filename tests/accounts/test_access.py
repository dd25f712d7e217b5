import re

import pytest
from django.core import mail

from accounts.models import User
from tests.factories import PASSWORD, make_user
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_sent_to_login(client):
    response = client.get("/en/members/")
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=/en/members/"


def test_member_enters_the_members_area(member_client, member):
    response = member_client.get("/en/members/")
    assert response.status_code == 200
    assert "Azerbaijan" in response.content.decode()


def test_members_area_in_russian(member_client):
    html = member_client.get("/ru/members/").content.decode()
    assert "Азербайджан" in html
    assert latin_words(html, allowed={"Leyla"}) == []


def test_staff_enter_the_members_area(staff_client):
    assert staff_client.get("/en/members/").status_code == 200


def test_user_without_an_administration_is_refused(client, outsider):
    client.force_login(outsider)
    response = client.get("/ru/members/")
    assert response.status_code == 403
    assert "Доступ запрещён" in response.content.decode()


def test_user_of_a_non_member_administration_is_refused(client, azerbaijan):
    azerbaijan.is_member = False
    azerbaijan.save()
    client.force_login(make_user(administration=azerbaijan))
    assert client.get("/en/members/").status_code == 403


def test_login_with_email_in_any_case_then_logout(client, member):
    response = client.post(
        "/en/accounts/login/", {"username": "MEMBER@Customs.AZ", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/en/members/"
    assert client.get("/en/members/").status_code == 200
    client.post("/en/accounts/logout/")
    assert client.get("/en/members/").status_code == 302


def test_wrong_password_gets_a_clear_message_in_russian(client, member):
    response = client.post("/ru/accounts/login/", {"username": member.email, "password": "nope"})
    assert response.status_code == 200
    assert "Пожалуйста, введите правильные" in response.content.decode()


def test_emails_are_unique_whatever_their_case(member):
    with pytest.raises(Exception, match="already exists|уже существует"):
        User.objects.create_user("Member@CUSTOMS.az", PASSWORD)


def test_password_reset_mail_in_the_page_language(client, member):
    response = client.post("/ru/accounts/password-reset/", {"email": member.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [member.email]
    assert message.subject == "Сброс пароля на портале РБНП Европа"
    link = re.search(r"http://testserver(/ru/accounts/reset/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Задайте новый пароль" in form_page.content.decode()
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-new-long-passphrase", "new_password2": "a-new-long-passphrase"},
    )
    assert response.status_code == 302
    response = client.post(
        "/en/accounts/login/", {"username": member.email, "password": "a-new-long-passphrase"}
    )
    assert response.status_code == 302


def test_staff_log_into_the_admin(client, staff):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": staff.email, "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/accounts/user/").status_code == 200


def test_member_cannot_log_into_the_admin(client, member):
    client.post("/admin/login/", {"username": member.email, "password": PASSWORD})
    assert client.get("/admin/").status_code == 302


def test_focal_point_needs_an_administration(db):
    with pytest.raises(Exception, match="focal point must belong"):
        make_user(is_focal_point=True)
