"""Experts ranked for a request: the order and the reason for each rank, the requesting
administration's own experts left out unless staff include them, and a fixed number of queries
however many experts there are."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from administrations.models import Administration
from experts.models import Availability
from needs import selectors
from needs.models import Mission, rotation_since
from tests.competencies.factories import make_competency
from tests.experts.factories import make_expert, make_experts
from tests.factories import make_user
from tests.needs.factories import make_need

pytestmark = pytest.mark.django_db


def administration(code: str) -> Administration:
    return Administration.objects.get(code=code)


@pytest.fixture
def need(focal_point):
    """Azerbaijan's request on risk management and valuation, sent by a Russian-speaking focal
    point (the ranking's working language is then Russian)."""
    focal_point.language = "ru"
    focal_point.save()
    return make_need(submitted_by=focal_point, areas=("risk-management", "valuation"))


def mission(expert, need, *, start: datetime.date) -> Mission:
    return Mission.objects.create(
        need=need,
        expert=expert,
        administration_id=need.administration_id,
        provider_id=expert.administration_id,
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
    )


def ranked(need, **choices) -> list:
    ranking = selectors.ranked_experts(need=need, **choices)
    return list(ranking[: len(ranking)])


def names(experts) -> list[str]:
    return [expert.family_name for expert in experts]


def test_experts_are_ranked_by_areas_then_language_with_the_reasons(need, georgia):
    make_expert(administration=georgia, family_name_en="One", areas=["risk-management"])
    make_expert(
        administration=georgia,
        family_name_en="Both",
        areas=["risk-management", "valuation", "origin"],
        languages=[("ru", 2)],
    )
    make_expert(
        administration=georgia,
        family_name_en="BothFluent",
        areas=["valuation", "risk-management"],
        languages=[("ru", 4), ("en", 1)],
    )
    make_expert(administration=georgia, family_name_en="Unrelated", areas=["origin"])

    first, second, third = ranked(need)

    assert names([first, second, third]) == ["BothFluent", "Both", "One"]
    assert (first.matched, first.area_total, first.areas_points) == (2, 2, 40)
    assert [area.slug for area in first.matched_areas] == ["valuation", "risk-management"]
    assert (first.level, first.language_points, first.language_name) == (4, 20, "Russian")
    assert (third.matched, third.areas_points, third.level, third.language_points) == (1, 20, 0, 0)
    assert first.availability_points == 20 and first.expert_rotation_points == 12
    assert first.score == 40 + 20 + 20 + 12 + 8
    assert [expert.rank for expert in (first, second, third)] == [1, 2, 3]


def test_the_working_language_is_the_staffs_choice(need, georgia):
    make_expert(administration=georgia, family_name_en="Russian", languages=[("ru", 4)])
    make_expert(administration=georgia, family_name_en="English", languages=[("en", 4)])
    assert names(ranked(need)) == ["Russian", "English"]
    assert names(ranked(need, language="en")) == ["English", "Russian"]
    assert names(ranked(need, language="no-such")) == ["Russian", "English"]  # the default


def test_the_requesting_administrations_own_experts_are_left_out_unless_included(
    need, azerbaijan, georgia
):
    make_expert(administration=azerbaijan, family_name_en="Own", languages=[("ru", 4)])
    make_expert(administration=georgia, family_name_en="Other")
    assert names(ranked(need)) == ["Other"]
    experts = ranked(need, include_own=True)
    assert names(experts) == ["Own", "Other"]
    assert [expert.is_own for expert in experts] == [True, False]


def test_availability_changes_the_order(need, georgia):
    limited = make_expert(administration=georgia, family_name_en="Alpha")
    make_expert(administration=georgia, family_name_en="Beta")
    assert names(ranked(need)) == ["Alpha", "Beta"]  # the same points: by name
    limited.availability = Availability.LIMITED
    limited.save()
    experts = ranked(need)
    assert names(experts) == ["Beta", "Alpha"]
    assert [expert.availability_points for expert in experts] == [20, 10]
    limited.availability = Availability.UNAVAILABLE
    limited.save()
    assert [expert.availability_points for expert in ranked(need)] == [20, 0]


def test_rotation_puts_experts_and_administrations_with_fewer_recent_missions_first(need, georgia):
    armenia, kazakhstan = administration("AM"), administration("KZ")
    busy = make_expert(administration=georgia, family_name_en="Alpha")
    make_expert(administration=georgia, family_name_en="Beta")
    make_expert(administration=armenia, family_name_en="Gamma")
    other = make_need(submitted_by=make_user(administration=kazakhstan, is_focal_point=True))
    since = rotation_since()
    # Missions before the rotation's first day do not count.
    mission(busy, other, start=since - datetime.timedelta(days=1))
    assert names(ranked(need)) == ["Alpha", "Beta", "Gamma"]

    mission(busy, other, start=since)
    experts = ranked(need)
    # Gamma's administration has sent no expert; Beta's has (Alpha), Alpha has gone themselves.
    assert names(experts) == ["Gamma", "Beta", "Alpha"]
    gamma, beta, alpha = experts
    assert (alpha.expert_missions, alpha.administration_missions) == (1, 1)
    assert (alpha.expert_rotation_points, alpha.administration_rotation_points) == (8, 7)
    assert (beta.expert_missions, beta.administration_missions) == (0, 1)
    assert (gamma.expert_missions, gamma.administration_missions) == (0, 0)
    assert gamma.score - beta.score == 1 and beta.score - alpha.score == 4


@pytest.fixture
def competencies(need):
    """The request also names two competencies of the framework."""
    risk = make_competency(
        code="OP-41", name_en="Risk profiling", name_ru="Профилирование рисков", descriptors=False
    )
    audit = make_competency(code="OP-42", name_en="Audit", name_ru="Аудит", descriptors=False)
    need.competencies.set([risk, audit])
    return risk, audit


def test_the_requests_competencies_held_at_the_needed_level_rank_with_the_reason(
    need, competencies, georgia
):
    risk, audit = competencies
    make_expert(administration=georgia, family_name_en="Both", competencies=[(risk, 3), (audit, 4)])
    make_expert(administration=georgia, family_name_en="One", competencies=[(audit, 3), (risk, 2)])
    make_expert(administration=georgia, family_name_en="Novice", competencies=[(risk, 2)])
    both, one, novice = ranked(need)
    assert names([both, one, novice]) == ["Both", "One", "Novice"]
    assert (both.held, both.competency_total, both.competency_points) == (2, 2, 20)
    assert [competency.code for competency in both.held_competencies] == ["OP-41", "OP-42"]
    assert (one.held, one.competency_points) == (1, 10)  # risk at 2 is below the needed 3
    assert [competency.code for competency in one.held_competencies] == ["OP-42"]
    assert (novice.held, novice.competency_points, novice.held_competencies) == (0, 0, [])
    # Areas and competencies share the 40 points of what the request concerns.
    assert (both.matched, both.areas_points) == (1, 10)
    assert both.score == 10 + 20 + 0 + 20 + 12 + 8


def test_staff_read_the_competencies_reason_in_russian(client, staff, need, competencies, georgia):
    risk, _audit = competencies
    make_expert(administration=georgia, family_name_en="Beridze", competencies=[(risk, 4)])
    client.force_login(staff)
    html = " ".join(client.get(f"/ru/members/needs/{need.pk}/").content.decode().split())
    assert "1 из 2 на уровне 3 или выше (+10): OP-41 Профилирование рисков" in html
    assert "компетенции запроса, которыми эксперт владеет на уровне 3 или выше (20)" in html


def test_a_request_without_areas_ranks_nobody(need, georgia):
    make_expert(administration=georgia)
    need.areas.clear()
    ranking = selectors.ranked_experts(need=need)
    assert len(ranking) == 0 and list(ranking[0:10]) == []


# The request's page ---------------------------------------------------------------------------


def test_staff_see_the_ranking_with_its_reasons_in_russian(client, staff, need, georgia):
    make_expert(
        administration=georgia,
        given_names_en="Nino",
        family_name_en="Beridze",
        given_names_ru="Нино",
        family_name_ru="Беридзе",
        languages=[("ru", 3)],
    )
    client.force_login(staff)
    html = client.get(f"/ru/members/needs/{need.pk}/").content.decode()
    assert "Эксперты для этого запроса" in html
    assert "Нино Беридзе" in html
    assert "Русский: Свободно (+15)" in html
    assert "1 из 2 (+20)" in html
    assert reverse("needs:mission_new", args=[need.pk]) + "?expert=" in html


def test_members_never_see_the_ranking(client, focal_point, need, georgia):
    make_expert(administration=georgia, family_name_en="Beridze")
    client.force_login(focal_point)
    html = client.get(need.get_absolute_url(), {"include_own": "on"}).content.decode()
    assert "Experts for this request" not in html and "Beridze" not in html


def test_staff_include_the_own_administrations_experts_with_the_checkbox(
    client, staff, need, azerbaijan
):
    make_expert(administration=azerbaijan, family_name_en="Mammadli")
    client.force_login(staff)
    assert "Mammadli" not in client.get(need.get_absolute_url()).content.decode()
    html = client.get(need.get_absolute_url(), {"include_own": "on"}).content.decode()
    assert "Mammadli" in html and "the requesting administration" in html


def test_the_ranking_form_shows_the_choices_of_each_request(client, staff, need, georgia):
    """The form is rendered once for each choice of its values: never another choice's copy."""
    make_expert(administration=georgia, family_name_en="Beridze")
    client.force_login(staff)

    def form(**params) -> str:
        html = client.get(need.get_absolute_url(), params).content.decode()
        start = html.index('class="form ranking-form"')
        return html[start : html.index("</form>", start)]

    german = form(language="de", include_own="on")
    assert '<option value="de" selected>' in german and "checked" in german
    french = form(language="fr")
    assert '<option value="fr" selected>' in french and "checked" not in french
    assert '<option value="de" selected>' not in french
    assert form(language="de", include_own="on") == german  # from the cache
    # With no choice made, the menu shows the language the ranking uses.
    default = selectors.ranking_language(need)
    assert f'<option value="{default}" selected>' in form()
    assert f'<option value="{default}" selected>' in form(ranking_page="1")


def test_the_ranking_is_paged(client, staff, need, georgia):
    make_experts(25, administrations=[georgia], areas=["risk-management"])
    client.force_login(staff)
    html = client.get(need.get_absolute_url(), {"ranking_page": "3"}).content.decode()
    assert 'start="21"' in html and "Page 3 of 3" in html
    html = client.get(need.get_absolute_url(), {"ranking_page": "99"}).content.decode()
    assert "Page 3 of 3" in html  # past the end: the last page


def test_the_request_page_runs_the_same_queries_whatever_the_number_of_experts(
    client, staff, need, georgia, django_assert_num_queries
):
    armenia = administration("AM")
    client.force_login(staff)
    few = make_experts(3, administrations=[georgia], areas=["risk-management"])
    mission(few[0], need, start=timezone.localdate())
    with CaptureQueriesContext(connection) as queries:
        assert client.get(need.get_absolute_url()).status_code == 200
    many = make_experts(
        60, administrations=[georgia, armenia], areas=["risk-management", "valuation"]
    )
    for expert in many[:10]:
        mission(expert, need, start=timezone.localdate())
    with django_assert_num_queries(len(queries)):
        response = client.get(need.get_absolute_url(), {"ranking_page": "2"})
    assert response.status_code == 200 and 'start="11"' in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"language": "\x00", "include_own": "yes", "ranking_page": "-1"},
        {"language": ["ru", "en"], "ranking_page": "99999999999999999999"},
        {"ranking_page": "1e9", "include_own": ["on", "off"]},
        {"language": "Ж" * 2000, "ranking_page": "\x00"},
    ],
)
def test_no_query_string_breaks_the_ranking(client, staff, need, georgia, params):
    make_expert(administration=georgia, family_name_en="Beridze")
    client.force_login(staff)
    response = client.get(need.get_absolute_url(), params)
    assert response.status_code == 200 and "Beridze" in response.content.decode()
