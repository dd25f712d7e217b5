"""The members' home: "Your administration" puts a focal point's tasks one link away (the
card "keep your contact points current" used to open the directory of all 52 administrations)."""

import pytest

from tests.contacts.builders import make_contact, make_contacts
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Your administration"), ("ru", "Ваша администрация")]
)
def test_a_focal_point_finds_every_task_of_their_administration(
    client, focal_point, azerbaijan, georgia, language, heading
):
    own = make_contact(azerbaijan, name="Rashad Aliyev")
    other = make_contact(georgia, name="Nino Beridze")
    make_expert(administration=azerbaijan, confirmed_on="2020-01-01")
    client.force_login(focal_point)
    html = client.get(f"/{language}/members/").content.decode()
    assert f'<h2 id="own-administration">{heading}</h2>' in html
    for link in (
        f"/{language}/members/contacts/az/{own.pk}/edit/",
        f"/{language}/members/contacts/az/add/",
        f"/{language}/members/experts/?administration={azerbaijan.pk}",
        f"/{language}/members/experts/stale/",
        f"/{language}/members/experts/nominations/",
        f"/{language}/members/needs/",
        f"/{language}/members/administration/users/",
    ):
        assert f'href="{link}"' in html, link
    assert f"/members/contacts/ge/{other.pk}/edit/" not in html
    assert (": 1</a>" in html) and (
        "Records to confirm" in html or "Записи для подтверждения" in html
    )


def test_a_member_who_is_not_the_focal_point_sees_no_such_section(member_client, azerbaijan):
    make_contact(azerbaijan)
    assert 'id="own-administration"' not in member_client.get("/en/members/").content.decode()


def test_the_section_runs_a_fixed_number_of_queries(
    client, focal_point, azerbaijan, django_assert_max_num_queries
):
    make_contacts([azerbaijan], 30)
    client.force_login(focal_point)
    # The user (the session comes from the cache), the contact points, the records to confirm.
    with django_assert_max_num_queries(3):
        response = client.get("/en/members/")
    assert response.content.decode().count("/members/contacts/az/") > 30
    # The count is in a cached fragment; the contact points (personal data) are read each time.
    with django_assert_max_num_queries(2):
        response = client.get("/en/members/")
    assert response.content.decode().count("/members/contacts/az/") > 30


def test_the_administrations_tasks_are_its_own_and_counted_afresh_after_a_change(
    client, focal_point, other_focal_point, azerbaijan, georgia
):
    client.force_login(focal_point)
    assert "Records to confirm: 0</a>" in client.get("/en/members/").content.decode()
    make_expert(administration=azerbaijan, confirmed_on="2020-01-01")
    html = client.get("/en/members/").content.decode()
    assert "Records to confirm: 1</a>" in html
    client.force_login(other_focal_point)
    html = client.get("/en/members/").content.decode()
    assert f"?administration={georgia.pk}" in html and "Records to confirm: 0</a>" in html


def test_a_contact_points_name_is_shown_escaped_and_in_russian_falls_back_to_english(
    client, focal_point, azerbaijan
):
    contact = make_contact(azerbaijan, name="<b>O'Brien</b>", name_ru="")
    client.force_login(focal_point)
    for language, edit in [("en", "Edit"), ("ru", "Изменить")]:
        html = client.get(f"/{language}/members/").content.decode()
        name = "&lt;b&gt;O&#x27;Brien&lt;/b&gt;"
        link = f'<a href="/{language}/members/contacts/az/{contact.pk}/edit/">'
        assert f'{link}{edit}<span class="visually-hidden"> {name}</span></a>' in html
        assert f"<li>{name} (" in html and "<b>O'Brien" not in html
