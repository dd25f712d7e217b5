"""Every experts page in both languages, and its cost in queries on many rows."""

import pytest

from tests.competencies.factories import make_competency
from tests.experts.factories import make_expert, make_experts, make_nomination
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

NAMES = {"Elvin", "Aliyev", "Rashad", "Leyla", "Mammadova", "Word", "DOCX"}


@pytest.fixture
def expert(azerbaijan):
    return make_expert(
        administration=azerbaijan,
        given_names_en="Elvin",
        family_name_en="Aliyev",
        given_names_ru="Эльвин",
        family_name_ru="Алиев",
        position_en="Senior auditor",
        position_ru="Старший аудитор",
        email="elvin@customs.az",
        phone="+994 12 000 00 00",
        experience_en="Audits.",
        experience_ru="Аудиты.\nОбучение.",
        areas=["post-clearance-audit", "valuation"],
        languages=[("en", 3), ("az", 4)],
        confirmed_on="2020-01-01",
    )


def pages(expert, nomination):
    return [
        "/ru/members/",
        "/ru/members/experts/",
        f"/ru/members/experts/{expert.pk}/",
        "/ru/members/experts/nominate/",
        "/ru/members/experts/nominations/",
        "/ru/members/experts/stale/",
        f"/ru/members/experts/{expert.pk}/update/",
    ]


def test_every_page_is_in_russian_for_the_focal_point(client, focal_point, expert):
    nomination = make_nomination(
        nominated_by=focal_point, given_names_en="Leyla", family_name_en="Gasimova"
    )
    client.force_login(focal_point)
    for url in pages(expert, nomination):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        # The CV's file name keeps its extension.
        assert latin_words(html, allowed=NAMES | {"Gasimova", "pdf"}) == [], url


def test_the_expert_page_in_russian(member_client, expert):
    html = member_client.get(f"/ru/members/experts/{expert.pk}/").content.decode()
    assert "<h1>Эльвин Алиев</h1>" in html
    assert "Старший аудитор" in html
    assert "Английский (Свободно)" in html and "Азербайджанский (Родной)" in html
    assert "Аудиты.<br>Обучение." in html
    assert "Запись не подтверждалась с" in html
    assert "Резюме нет" in html


def test_english_text_shows_marked_where_the_russian_is_missing(member_client, azerbaijan):
    expert = make_expert(
        administration=azerbaijan,
        position_en="Trainer",
        experience_en="Audits.\n\nTraining.",
        experience_ru="",
    )
    html = member_client.get(f"/ru/members/experts/{expert.pk}/").content.decode()
    assert '<span lang="en">Trainer</span>' in html
    # The paragraphs marked as a whole, the mark after them (a span may not hold paragraphs).
    assert (
        '<div lang="en"><p>Audits.</p>\n\n<p>Training.</p></div>'
        '<p class="untranslated">(на английском)</p>'
    ) in html


def test_the_members_home_links_the_database(client, member, focal_point):
    client.force_login(member)
    html = client.get("/ru/members/").content.decode()
    assert 'href="/ru/members/experts/"' in html and "/nominate/" not in html
    client.force_login(focal_point)
    assert 'href="/en/members/experts/nominate/"' in client.get("/en/members/").content.decode()


def test_the_expert_page_runs_a_fixed_number_of_queries(
    member_client, azerbaijan, django_assert_max_num_queries
):
    expert = make_expert(
        administration=azerbaijan,
        areas=[
            "risk-management",
            "valuation",
            "origin",
            "aeo",
            "integrity",
            "leadership",
            "e-learning",
        ],
        languages=[("en", 3), ("ru", 4), ("az", 4), ("tr", 2), ("fr", 1)],
        competencies=[(make_competency(descriptors=False), 1 + n % 4) for n in range(6)],
    )
    # Session and user; the expert with their administration and every list the page shows
    # (experts.detail_rows); the access log's entry.
    with django_assert_max_num_queries(4):
        response = member_client.get(f"/en/members/experts/{expert.pk}/")
    assert response.status_code == 200


def test_the_focal_points_lists_run_a_fixed_number_of_queries(
    client, focal_point, azerbaijan, django_assert_max_num_queries
):
    experts = make_experts(220, administrations=[azerbaijan])
    for expert in experts:
        expert.confirmed_on = "2020-01-01"
    type(experts[0]).objects.bulk_update(experts, ["confirmed_on"])
    for _ in range(3):
        make_nomination(nominated_by=focal_point)
    client.force_login(focal_point)
    with django_assert_max_num_queries(5):
        response = client.get("/en/members/experts/stale/")
    assert len(response.context["experts"]) == 220
    with django_assert_max_num_queries(6):
        response = client.get("/en/members/experts/nominations/")
    assert len(response.context["nominations"]) == 3


def test_the_export_runs_a_fixed_number_of_queries(
    staff_client, azerbaijan, django_assert_max_num_queries
):
    make_experts(600, administrations=[azerbaijan])
    # Session and user; then per 500 rows: experts, their areas, their languages.
    with django_assert_max_num_queries(8):
        response = staff_client.get("/en/members/experts/export.csv")
        content = response.content
    assert content.count(b"\n") == 601
