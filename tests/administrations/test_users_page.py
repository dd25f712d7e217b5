"""An administration's users page: its focal point decides requests and (de)activates accounts
of their own administration only; the page's queries do not grow with its users."""

import pytest
import reversion
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone

from administrations.models import AccountRequest
from core.history import note_text
from tests.administrations.factories import make_account_request
from tests.factories import make_user
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

USERS = "/en/members/administration/users/"


def approve_url(account_request, language="en"):
    return f"/{language}/members/administration/users/requests/{account_request.pk}/approve/"


def decline_url(account_request, language="en"):
    return f"/{language}/members/administration/users/requests/{account_request.pk}/decline/"


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_focal_point_sees_requests_and_users(client, focal_point, member, georgia, language):
    make_account_request(full_name="Aysel Quliyeva", position="Inspector", message="Risk unit")
    make_account_request(administration=georgia, full_name="Nino Beridze")
    make_user(email="left@customs.az", administration=focal_point.administration, is_active=False)
    make_user(email="someone@customs.ge", administration=georgia)
    client.force_login(focal_point)
    response = client.get(f"/{language}/members/administration/users/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "Aysel Quliyeva" in html and "Risk unit" in html
    assert "Nino Beridze" not in html and "someone@customs.ge" not in html
    assert member.email in html and "left@customs.az" in html
    if language == "ru":
        names = {"Aysel", "Quliyeva", "Inspector", "Risk", "unit", "Leyla", "Mammadova"}
        assert latin_words(html, names | {"Rashad", "Aliyev"}) == []


def test_the_members_home_links_focal_points_to_the_page(client, focal_point, member):
    client.force_login(focal_point)
    assert USERS in client.get("/en/members/").content.decode()
    client.force_login(member)
    assert USERS not in client.get("/en/members/").content.decode()


def test_staff_are_sent_to_the_requests_in_the_admin(staff_client):
    response = staff_client.get(USERS)
    assert response.status_code == 302
    assert response["Location"] == "/admin/administrations/accountrequest/"


def test_the_page_runs_fixed_queries_for_many_users(
    client, focal_point, azerbaijan, django_assert_max_num_queries
):
    User = get_user_model()  # noqa: N806
    User.objects.bulk_create(
        User(
            email=f"user{n}@customs.az",
            full_name=f"User {n}",
            administration=azerbaijan,
            last_login=timezone.now() if n % 2 else None,
            is_active=bool(n % 5),
        )
        for n in range(200)
    )
    for n in range(30):
        make_account_request(email=f"applicant-{n}@customs.az")
    client.force_login(focal_point)
    client.get(USERS)  # the session is read from the database once, then from the cache
    with django_assert_max_num_queries(5):
        response = client.get(USERS)
    # Two header rows, the 200 users and the focal point, the 30 requests.
    assert response.content.decode().count("<tr>") == 2 + 201 + 30


def test_approving_creates_the_account_and_invites_the_person(
    client, focal_point, django_capture_on_commit_callbacks
):
    account_request = make_account_request(email="aysel@customs.az", language="ru")
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(approve_url(account_request), follow=True)
    assert response.redirect_chain == [(USERS, 302)]
    assert "invitation" in response.content.decode()
    user = get_user_model().objects.get(email="aysel@customs.az")
    assert user.administration == focal_point.administration
    assert user.language == "ru" and user.is_active and not user.has_usable_password()
    assert not user.is_focal_point and not user.is_staff
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.APPROVED
    assert (account_request.decided_by, account_request.user) == (focal_point, user)
    assert account_request.decided_at is not None
    (invitation,) = mail.outbox
    assert invitation.to == ["aysel@customs.az"]
    assert "/ru/accounts/invitation/" in invitation.body
    # The decision is in the edit history, by whom.
    version = reversion.models.Version.objects.get_for_object(account_request).first()
    assert version.revision.user == focal_point


def test_approving_re_activates_a_deactivated_account_without_its_old_password(
    client, focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    old = make_user(
        email="aysel@customs.az", administration=azerbaijan, is_active=False, is_focal_point=True
    )
    account_request = make_account_request(email="aysel@customs.az")
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(account_request))
    old.refresh_from_db()
    assert old.is_active and not old.has_usable_password() and not old.is_focal_point
    assert get_user_model().objects.filter(email="aysel@customs.az").count() == 1
    assert len(mail.outbox) == 1


def test_an_office_account_is_not_re_activated_by_a_focal_point(client, focal_point):
    make_user(email="old.staff@customs.az", is_staff=True, is_active=False)
    account_request = make_account_request(email="old.staff@customs.az")
    client.force_login(focal_point)
    response = client.post(approve_url(account_request), follow=True)
    assert "only the office can restore it" in response.content.decode()
    assert not get_user_model().objects.get(email="old.staff@customs.az").is_active
    account_request.refresh_from_db()
    assert account_request.is_pending


def test_declining_needs_a_reason_and_tells_the_person_in_their_language(
    client, focal_point, django_capture_on_commit_callbacks
):
    account_request = make_account_request(language="ru")
    client.force_login(focal_point)
    empty = client.post(decline_url(account_request), {"reason": "  "})
    assert "Give the reason for declining." in empty.content.decode()
    assert AccountRequest.objects.get().is_pending
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decline_url(account_request), {"reason": "Не сотрудник таможни."}, follow=True
        )
    assert response.redirect_chain == [(USERS, 302)]
    account_request.refresh_from_db()
    assert account_request.status == AccountRequest.Status.DECLINED
    assert account_request.reason == "Не сотрудник таможни."
    (declined,) = mail.outbox
    assert declined.to == [account_request.email]
    assert "отклонён" in declined.body and "Не сотрудник таможни." in declined.body
    assert not get_user_model().objects.filter(email=account_request.email).exists()


def test_a_decided_request_cannot_be_decided_again(client, focal_point):
    account_request = make_account_request()
    client.force_login(focal_point)
    client.post(decline_url(account_request), {"reason": "No."})
    assert client.post(approve_url(account_request)).status_code == 404
    assert not get_user_model().objects.filter(email=account_request.email).exists()


def test_another_administrations_request_is_not_found(client, other_focal_point):
    account_request = make_account_request()
    client.force_login(other_focal_point)
    assert client.post(approve_url(account_request)).status_code == 404
    assert client.get(decline_url(account_request)).status_code == 404
    assert client.post(decline_url(account_request), {"reason": "No."}).status_code == 404
    assert AccountRequest.objects.get().is_pending


def deactivate_url(user, action="deactivate"):
    return f"/en/members/administration/users/{user.pk}/{action}/"


def test_the_focal_point_deactivates_and_re_activates_a_user(client, focal_point, member):
    other = client.__class__()
    other.force_login(member)
    client.force_login(focal_point)
    response = client.post(deactivate_url(member), follow=True)
    assert response.redirect_chain == [(USERS, 302)]
    member.refresh_from_db()
    assert not member.is_active
    # Their session ends with the account.
    assert other.get("/en/members/").status_code == 302
    client.post(deactivate_url(member, "reactivate"))
    member.refresh_from_db()
    assert member.is_active
    comments = [
        note_text(version.revision.comment)
        for version in reversion.models.Version.objects.get_for_object(member)
    ]
    assert comments == ["Re-activated", "Deactivated"]


def test_a_focal_point_cannot_deactivate_themselves_or_the_office(client, focal_point, azerbaijan):
    office = make_user(email="office@customs.az", administration=azerbaijan, is_staff=True)
    client.force_login(focal_point)
    assert client.post(deactivate_url(focal_point)).status_code == 403
    assert client.post(deactivate_url(office)).status_code == 403
    focal_point.refresh_from_db()
    office.refresh_from_db()
    assert focal_point.is_active and office.is_active


def test_another_administrations_user_is_not_found(client, other_focal_point, member):
    client.force_login(other_focal_point)
    assert client.post(deactivate_url(member)).status_code == 404
    member.refresh_from_db()
    assert member.is_active


def test_a_post_naming_another_administration_is_refused(client, focal_point, member, georgia):
    client.force_login(focal_point)
    response = client.post(deactivate_url(member), {"administration": georgia.pk})
    assert response.status_code == 403
    member.refresh_from_db()
    assert member.is_active


def test_a_member_who_is_not_focal_point_cannot_act(client, member, focal_point):
    account_request = make_account_request()
    client.force_login(member)
    assert client.get(USERS).status_code == 403
    assert client.post(approve_url(account_request)).status_code == 403
    assert client.post(deactivate_url(focal_point)).status_code == 403
    assert AccountRequest.objects.get().is_pending


def test_an_invited_user_without_a_password_can_be_invited_again(
    client, focal_point, member, django_capture_on_commit_callbacks
):
    account_request = make_account_request(email="aysel@customs.az", language="ru")
    client.force_login(focal_point)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(approve_url(account_request))
    user = get_user_model().objects.get(email="aysel@customs.az")
    page = client.get(USERS).content.decode()
    assert page.count("/invite/") == 1 and f"/users/{user.pk}/invite/" in page
    assert "invited, no password yet" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(deactivate_url(user, "invite"), follow=True)
    assert "A new invitation" in response.content.decode()
    first, again = mail.outbox
    assert again.to == ["aysel@customs.az"] and again.subject == first.subject  # in Russian
    assert "/ru/accounts/invitation/" in again.body
    # A user who has a password resets it themselves.
    assert client.post(deactivate_url(member, "invite")).status_code == 403
