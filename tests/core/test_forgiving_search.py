"""A search that forgives: the office's synonyms, and any word when all of them find nothing
(issue 18, item 6), on the site search and the experts search, with the issue's examples."""

import pytest

from core.models import SynonymGroup
from experts.models import Expert
from outreach.models import Tool
from tests.experts.factories import make_expert

pytestmark = pytest.mark.django_db

ANY_WORD_EXPERTS = {
    "en": "No expert matches all these words",
    "ru": "Ни один эксперт не подходит под все эти слова",
}


def found(response) -> list[str]:
    """The addresses of the experts found, in order (the page reads its rows as values)."""
    emails = dict(Expert.objects.values_list("pk", "email"))
    return [emails[row["id"]] for row in response.context["experts"]]


@pytest.fixture
def risk_experts(azerbaijan, georgia):
    return [
        make_expert(administration=azerbaijan, areas=["risk-management"], email="a@customs.az"),
        make_expert(administration=georgia, areas=["risk-management"], email="b@customs.ge"),
        make_expert(administration=georgia, areas=["valuation"], email="c@customs.ge"),
    ]


def test_experts_with_not_all_the_words_are_found_and_the_page_says_so(member_client, risk_experts):
    """«эксперт по управлению рисками» found no one, «управление рисками» seven."""
    response = member_client.get("/ru/members/experts/", {"q": "эксперт по управлению рисками"})
    assert sorted(found(response)) == ["a@customs.az", "b@customs.ge"]
    assert ANY_WORD_EXPERTS["ru"] in response.content.decode()

    response = member_client.get("/ru/members/experts/", {"q": "управление рисками"})
    assert sorted(found(response)) == ["a@customs.az", "b@customs.ge"]
    assert ANY_WORD_EXPERTS["ru"] not in response.content.decode()


def test_the_experts_search_applies_the_offices_synonyms(member_client, azerbaijan):
    make_expert(administration=azerbaijan, position_en="E-learning developer", email="d@customs.az")
    query = {"q": "электронное обучение"}
    assert found(member_client.get("/ru/members/experts/", query)) == []
    SynonymGroup.objects.create(terms="электронное обучение\nэлектронный курс\ne-learning")
    assert found(member_client.get("/ru/members/experts/", query)) == ["d@customs.az"]


def _course(n: int, title_ru: str) -> Tool:
    return Tool.objects.create(
        kind=Tool.Kind.COURSE,
        slug=f"course-{n}",
        title_en=f"E-learning course {n}",
        title_ru=title_ru,
    )


def test_the_site_search_finds_the_courses_under_each_name(client):
    """«электронное обучение» found 2 of 6 courses (the others say «электронный курс»)."""
    _course(1, "Электронное обучение: оценка")
    _course(2, "Электронный курс по происхождению")
    _course(3, "Электронный курс по классификации")

    def titles(query):
        response = client.get("/ru/search/", {"q": query})
        hits = [hit for _kind, hits in response.context["groups"] for hit in hits]
        # Only these courses: the seeded tools and framework say «обучение» too.
        return sorted(hit.title for hit in hits if "#tool-course-" in hit.url)

    assert titles("электронное обучение") == ["Электронное обучение: оценка"]
    SynonymGroup.objects.create(terms="Электронное обучение\nэлектронный курс\ne-learning")
    assert len(titles("электронное обучение")) == 3
    assert len(titles("e-learning")) == 3


@pytest.mark.parametrize(
    ("language", "notice"),
    [("en", "No page has all these words"), ("ru", "Ни на одной странице нет всех этих слов")],
)
def test_the_site_search_falls_back_to_any_word_and_says_so(client, language, notice):
    _course(1, "Электронный курс по классификации")
    response = client.get(f"/{language}/search/", {"q": "course xylophone"})
    assert [hit.title for _kind, hits in response.context["groups"] for hit in hits]
    assert notice in response.content.decode()
    response = client.get(f"/{language}/search/", {"q": "course"})
    assert notice not in response.content.decode()
