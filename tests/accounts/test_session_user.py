"""The session's user, read by a statement compiled once per process (accounts.backends): the
same user, with their administration, as the ORM's query gives, in one query."""

import pytest

from accounts.backends import UserBackend
from accounts.models import User
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def _fields(instance) -> dict:
    return {name: value for name, value in vars(instance).items() if name != "_state"}


def test_the_session_user_is_the_orms_with_their_administration(member, django_assert_num_queries):
    expected = User.objects.select_related("administration").get(pk=member.pk)
    with django_assert_num_queries(1):
        user = UserBackend().get_user(member.pk)
        assert user.administration.code == "AZ"
        assert user.is_member
    assert _fields(user) == _fields(expected)
    assert _fields(user.administration) == _fields(expected.administration)
    assert (user._state.db, user._state.adding) == ("default", False)


def test_a_user_of_no_administration_has_none(staff, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = UserBackend().get_user(staff.pk)
        assert user.administration is None
    assert user == staff


def test_a_deleted_or_deactivated_user_is_no_session_user(member):
    gone = make_user(email="gone@customs.az")
    gone_pk = gone.pk
    gone.delete()
    member.is_active = False
    member.save(update_fields=["is_active"])
    assert UserBackend().get_user(gone_pk) is None
    assert UserBackend().get_user(member.pk) is None


def test_a_member_page_sees_the_user_saved_since_the_last_request(member_client, member):
    member_client.get("/en/members/")
    member.full_name = "Aysel Mammadova"
    member.save(update_fields=["full_name"])
    assert '<span class="account-name">Aysel</span>' in member_client.get("/en/members/").text
