import pickle

import pytest
from django.core.cache import cache

from administrations.models import Administration
from core.cache import recent_fragments
from tests.contacts.builders import contact_rows_of as rows_of
from tests.contacts.builders import make_contact, make_contacts
from tests.factories import make_administration
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

MEMBERS_PAGES = [
    "/en/members/contacts/",
    "/ru/members/contacts/",
    "/en/members/contacts/az/",
    "/en/members/contacts/export.csv",
    "/en/members/contacts/export.xlsx",
    "/ru/members/contacts/export.vcf",
]


@pytest.mark.parametrize("path", MEMBERS_PAGES)
def test_anonymous_visitors_are_sent_to_log_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(f"/{path[1:3]}/accounts/login/?next=")


@pytest.mark.parametrize("path", MEMBERS_PAGES)
def test_users_outside_the_member_administrations_are_refused(client, outsider, path):
    client.force_login(outsider)
    assert client.get(path).status_code == 403


@pytest.mark.parametrize("path", MEMBERS_PAGES)
def test_members_and_staff_read_the_directory_and_its_downloads(client, member, staff, path):
    for user in (member, staff):
        client.force_login(user)
        response = client.get(path)
        assert response.status_code == 200
        # Personal data: no browser or proxy keeps a copy.
        assert "no-store" in response["Cache-Control"]


def test_the_directory_lists_every_member_administration_with_its_contacts(
    member_client, azerbaijan
):
    make_contact(azerbaijan, name="Rashad Aliyev", role="head", phone="+994 12 404 00 00")
    html = member_client.get("/en/members/contacts/").content.decode()
    assert "Rashad Aliyev" in html
    assert "+994 12 404 00 00" in html
    assert 'href="tel:+994124040000"' in html
    assert "Head of customs" in html
    assert "No contact points yet." in html  # Albania, first page, has none
    assert 'href="/en/members/contacts/az/"' in html


def test_the_directory_in_russian_shows_russian_names_and_no_stray_english(
    member_client, azerbaijan
):
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев", role="head")
    response = member_client.get("/ru/members/contacts/", {"country": "AZ"})
    html = response.content.decode()
    assert "Рашад Алиев" in html
    assert "Руководитель таможенной службы" in html
    assert latin_words(html, allowed={"Leyla"}) == []  # the member's own name in the header


def test_filter_by_role(member_client, azerbaijan, georgia):
    make_contact(azerbaijan, name="Head Person", role="head")
    make_contact(georgia, name="Learning Person", role="learning")
    html = member_client.get("/en/members/contacts/", {"role": "learning"}).content.decode()
    assert "Learning Person" in html
    assert "Head Person" not in html
    assert 'id="administration-az"' not in html


@pytest.mark.parametrize(
    ("language", "query"), [("en", "Georgia"), ("ru", "Грузия"), ("en", "грузия"), ("en", "ge")]
)
def test_search_by_country_in_either_language(client, member, georgia, azerbaijan, language, query):
    # No Russian spelling: the English one shows on both pages.
    make_contact(georgia, name="Nino Beridze", name_ru="")
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="")
    client.force_login(member)
    html = client.get(f"/{language}/members/contacts/", {"q": query}).content.decode()
    assert "Nino Beridze" in html
    assert "Rashad Aliyev" not in html


@pytest.mark.parametrize("query", ["Aliy", "алие", "Рашад Ал", "rashad", "RASHAD ALIYEV"])
def test_search_by_name_in_either_language(member_client, azerbaijan, georgia, query):
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев")
    make_contact(azerbaijan, name="Leyla Mammadova", name_ru="Лейла Мамедова")
    html = member_client.get("/en/members/contacts/", {"q": query}).content.decode()
    assert "Rashad Aliyev" in html
    assert "Leyla Mammadova" not in html
    assert 'id="administration-ge"' not in html


def test_a_country_without_contacts_is_still_found(member_client, georgia):
    html = member_client.get("/en/members/contacts/", {"q": "Georgia"}).content.decode()
    assert 'id="administration-ge"' in html
    assert "No contact points yet." in html


@pytest.mark.parametrize(
    "params",
    [{"role": "nonsense"}, {"country": "ZZ"}, {"q": "x" * 500}, {"q": "&|!:*()"}, {"q": "'"}],
)
def test_invalid_filters_do_not_break_the_page(member_client, params):
    assert member_client.get("/en/members/contacts/", params).status_code == 200


def test_an_administration_page_lists_its_contacts(member_client, azerbaijan, georgia):
    make_contact(azerbaijan, name="Rashad Aliyev")
    make_contact(georgia, name="Nino Beridze")
    response = member_client.get("/ru/members/contacts/az/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Азербайджан</h1>" in html
    assert "Nino Beridze" not in html
    # A member who is not the focal point gets no editing tools.
    assert "/members/contacts/az/add/" not in html
    assert latin_words(html, allowed={"Leyla"}) == []  # the member's own name in the header


@pytest.mark.parametrize("path", ["/en/members/contacts/xx/", "/en/members/contacts/a1/"])
def test_unknown_administrations_are_not_found(member_client, path):
    assert member_client.get(path).status_code == 404


def test_non_member_administrations_have_no_page(member_client):
    make_administration(code="QQ", is_member=False)
    assert member_client.get("/en/members/contacts/qq/").status_code == 404


@pytest.fixture
def crowded_region(azerbaijan):
    """150 more member administrations and 3,000 contact points across all of them."""
    for _ in range(150):
        make_administration()
    administrations = list(Administration.objects.members())
    make_contacts(administrations, 3000)
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев")
    return administrations


@pytest.mark.parametrize(
    "params",
    [{}, {"q": "Алиев"}, {"q": "Azerbaijan"}, {"role": "hr"}, {"page": "3"}, {"country": "AZ"}],
)
def test_the_directory_runs_a_fixed_number_of_queries(
    member_client, crowded_region, django_assert_max_num_queries, params
):
    # The user, the administration chosen, the administrations' counts, the page's contact
    # points, the administrations of the filters' menu; the counts and the menu come from the
    # cache on the next request.
    with django_assert_max_num_queries(5):
        response = member_client.get("/ru/members/contacts/", params)
    assert response.status_code == 200
    assert response.content.decode().count("<tr id=") >= 1


def test_an_administration_page_runs_a_fixed_number_of_queries(
    member_client, crowded_region, django_assert_max_num_queries
):
    with django_assert_max_num_queries(8):
        response = member_client.get("/en/members/contacts/az/")
    assert response.content.decode().count("<tr id=") > 10


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/en/members/contacts/AZ/", "/en/members/contacts/az/"),
        ("/ru/members/contacts/Az/", "/ru/members/contacts/az/"),
        ("/en/members/contacts/AZ/add/?next=x", "/en/members/contacts/az/add/?next=x"),
    ],
)
def test_a_country_code_in_upper_case_redirects_to_the_lower_case_address(
    member_client, path, expected
):
    response = member_client.get(path)
    assert response.status_code == 301
    assert response["Location"] == expected


def test_the_lower_case_address_answers_itself(member_client):
    assert member_client.get("/en/members/contacts/az/").status_code == 200


# Pages of fifty contact points --------------------------------------------------------------


def test_a_page_shows_fifty_contact_points_and_keeps_the_filters_in_its_links(
    member_client, azerbaijan
):
    make_contacts([azerbaijan], 60)
    first = member_client.get("/en/members/contacts/", {"country": "AZ"}).content.decode()
    assert len(rows_of(first)) == 50
    assert "60 contact points" in first
    assert "Page 1 of 2" in first
    assert 'href="?country=AZ&amp;page=2" rel="next"' in first
    assert "(continued)" not in first

    second = member_client.get("/ru/members/contacts/", {"country": "AZ", "page": "2"})
    html = second.content.decode()
    assert len(rows_of(html)) == 10
    assert not set(rows_of(html)) & set(rows_of(first))
    # The administration goes on from the page before, and says so.
    assert (
        '<a href="/ru/members/contacts/az/">Азербайджан</a> <span class="meta">(продолжение)'
        in html
    )
    assert 'href="?country=AZ&amp;page=1" rel="prev"' in html
    assert "60 контактных лиц" in html


def test_a_page_goes_on_into_the_next_administration(member_client, azerbaijan, georgia):
    Administration.objects.exclude(pk__in=[azerbaijan.pk, georgia.pk]).update(is_member=False)
    make_contacts([azerbaijan], 45)
    make_contacts([georgia], 10)
    first = member_client.get("/en/members/contacts/").content.decode()
    assert first.index('id="administration-az"') < first.index('id="administration-ge"')
    assert len(rows_of(first)) == 50
    second = member_client.get("/en/members/contacts/", {"page": "2"}).content.decode()
    assert len(rows_of(second)) == 5
    assert 'id="administration-az"' not in second
    assert 'Georgia</a> <span class="meta">(continued)</span>' in second


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_directory_writes_each_row_as_the_administration_page_does(
    member_client, azerbaijan, language
):
    make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев", role="head")
    make_contact(azerbaijan, name="Nigar Hasanova", name_ru="", title_ru="", phone="")
    make_contact(
        azerbaijan, name="Elvin <b>Mammadov</b>", name_ru="", title_en="", title_ru="", languages=[]
    )
    make_contact(azerbaijan, name="Farid Aliyev", verified_on=None, languages=["az", "tr"])
    directory = member_client.get(f"/{language}/members/contacts/", {"country": "AZ"})
    administration = member_client.get(f"/{language}/members/contacts/az/")
    rows = rows_of(directory.content.decode())
    assert len(rows) == 4
    assert rows == rows_of(administration.content.decode())
    assert "Elvin &lt;b&gt;Mammadov&lt;/b&gt;" in "".join(rows)


def test_the_count_and_the_rows_follow_an_edit(member_client, azerbaijan):
    make_contact(azerbaijan, name="Rashad Aliyev", role="head")
    assert "1 contact point" in member_client.get("/en/members/contacts/").content.decode()
    make_contact(azerbaijan, name="Nigar Hasanova", role="hr")
    html = member_client.get("/en/members/contacts/").content.decode()
    assert "2 contact points" in html
    assert "Nigar Hasanova" in html


def cached_values() -> bytes:
    """Everything in the test cache and in this process's copy of it, as bytes."""
    stored = b"".join(cache._cache.values())
    return stored + pickle.dumps(list(recent_fragments._values.values()))


@pytest.mark.parametrize("params", [{}, {"role": "head"}, {"country": "AZ"}, {"q": "Rashad"}])
def test_no_contact_point_is_kept_in_the_cache(member_client, azerbaijan, params):
    contact = make_contact(azerbaijan, name="Rashad Aliyev", name_ru="Рашад Алиев", role="head")
    html = member_client.get("/en/members/contacts/", params).content.decode()
    assert contact.email in html
    stored = cached_values()
    assert stored  # the filters' fragment, and the administrations' counts unless searching
    for personal in ("Rashad", "Рашад", contact.email):
        assert personal.encode() not in stored
