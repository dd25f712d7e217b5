"""The home page's "work-plan progress at a glance"."""

import pytest

from tests.pages import latin_words

pytestmark = pytest.mark.django_db


def test_home_shows_the_plan_at_a_glance(client, plan, django_assert_max_num_queries):
    # The whole home page: news, events and tools take 3 of these.
    with django_assert_max_num_queries(7):
        html = client.get("/en/").content.decode()
    assert "Work Plan progress at a glance" in html
    assert "goals: 7, activities: 27." in html
    assert "Ongoing: <strong>21</strong>" in html
    assert "To be completed: <strong>1</strong>" in html
    assert "Completed:" not in html  # no activity is completed yet
    assert "Latest reporting period: 2020." in html
    assert 'href="/en/workplan/progress/"' in html


def test_home_in_russian(client, plan):
    html = client.get("/ru/").content.decode()
    assert "Ход выполнения плана работы вкратце" in html
    assert "целей: 7, видов деятельности: 27." in html
    assert "Выполняется: <strong>21</strong>" in html
    assert latin_words(html) == []


def test_home_without_a_plan_leaves_the_section_out(client, plan):
    plan.is_current = False
    plan.save()
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Work Plan progress at a glance" not in response.content.decode()


def test_the_main_navigation_leads_to_the_work_plan(client, plan):
    html = client.get("/ru/workplan/").content.decode()
    assert '<a href="/ru/workplan/" aria-current="page">План работы</a>' in html
