"""An e-learning course on the tools page says its languages, length and format, and links to
its own enrolment page, in English and in Russian."""

import pytest

from outreach.models import Tool
from tests.competencies.factories import make_tool

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(db):
    return make_tool(
        slug="risk-course",
        title_en="Risk Management",
        title_ru="Управление рисками",
        course_languages=["en", "fr", "ru"],
        course_length_en="about 8 hours",
        course_length_ru="около 8 часов",
        course_format=Tool.CourseFormat.TUTORED,
        enrol_url_en="https://clikc.example.org/enrol/101",
        enrol_url_ru="https://clikc.example.org/ru/enrol/101",
    )


def _text(html: str) -> str:
    return " ".join(html.split())


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            [
                "<dt>Languages</dt><dd>English, French, Russian</dd>",
                "<dt>Length</dt><dd>about 8 hours</dd>",
                "<dt>Format</dt><dd>Online, with a tutor</dd>",
                'href="https://clikc.example.org/enrol/101">Enrol in this course',
            ],
        ),
        (
            "ru",
            [
                "<dt>Языки</dt><dd>английский, французский, русский</dd>",
                "<dt>Продолжительность</dt><dd>около 8 часов</dd>",
                "<dt>Формат</dt><dd>Онлайн, с преподавателем</dd>",
                'href="https://clikc.example.org/ru/enrol/101">Записаться на курс',
            ],
        ),
    ],
)
def test_the_tools_page_shows_a_courses_details(client, course, language, expected):
    html = _text(client.get(f"/{language}/tools/").content.decode())
    for part in expected:
        assert part in html


def test_an_english_only_length_is_marked_and_the_link_falls_back(client, course):
    Tool.objects.filter(pk=course.pk).update(course_length_ru="", enrol_url_ru="")
    html = _text(client.get("/ru/tools/").content.decode())
    assert '<dd lang="en">about 8 hours</dd>' in html
    assert 'href="https://clikc.example.org/enrol/101"' in html


def test_a_course_without_details_shows_none(client):
    make_tool(slug="plain", title_en="Plain course")
    html = client.get("/en/tools/").content.decode()
    assert "course-details" not in html and "Enrol in this course" not in html


def test_staff_enter_a_courses_details_in_the_admin(staff_client):
    response = staff_client.post(
        "/admin/outreach/tool/add/",
        {
            "kind": "course",
            "title_en": "Data Analysis",
            "title_ru": "Анализ данных",
            "slug": "data-analysis",
            "position": "0",
            "course_languages": ["en", "ru"],
            "course_length_en": "about 2 hours",
            "course_length_ru": "около 2 часов",
            "course_format": "self_paced",
            "enrol_url_en": "https://clikc.example.org/enrol/7",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    course = Tool.objects.get(slug="data-analysis")
    assert course.course_languages == ["en", "ru"]
    assert (course.course_length_ru, course.enrol_url_en) == (
        "около 2 часов",
        "https://clikc.example.org/enrol/7",
    )
