"""Self-assessments: a member rates themselves against a position and sees their gap profile.
Each belongs to its author alone."""

import re

import pytest
from django.core.exceptions import ValidationError

from competencies.models import SelfAssessment, SelfRating
from competencies.services import assessment_save
from experts.models import ExpertCompetency
from experts.services import expert_withdraw
from tests.competencies.factories import level, make_competency, make_position, make_tool
from tests.competencies.pages import tables
from tests.experts.factories import make_expert, make_experts
from tests.factories import make_user
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def competencies():
    return [make_competency() for _ in range(3)]


@pytest.fixture
def position(competencies):
    first, second, third = competencies
    return make_position(requires={first: 3, second: 2, third: 1})


@pytest.fixture
def assessment(member, position, competencies):
    first, second, third = competencies
    return assessment_save(
        owner=member, position=position, ratings={first.pk: 1, second.pk: 2, third.pk: 0}
    )


def field(competency) -> str:
    return f"competency-{competency.pk}"


def member_pages(assessment):
    return [
        "/en/competencies/self-assessment/",
        f"/en/competencies/self-assessment/new/?position={assessment.position.slug}",
        f"/en/competencies/self-assessment/{assessment.pk}/",
        f"/en/competencies/self-assessment/{assessment.pk}/edit/",
        f"/en/competencies/self-assessment/{assessment.pk}/delete/",
    ]


def test_anonymous_visitors_are_sent_to_log_in(client, assessment):
    for path in member_pages(assessment):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/en/accounts/login/?next="), path


def test_users_outside_the_member_administrations_are_refused(client, outsider, assessment):
    client.force_login(outsider)
    for path in member_pages(assessment):
        assert client.get(path).status_code == 403, path


def test_another_members_assessment_answers_404(client, other_focal_point, assessment):
    client.force_login(other_focal_point)
    for path in member_pages(assessment)[2:]:
        assert client.get(path).status_code == 404, path
    # Not even through a form post.
    response = client.post(
        f"/en/competencies/self-assessment/{assessment.pk}/edit/",
        {f"competency-{pk}": 4 for pk in assessment.ratings.values_list("competency", flat=True)},
    )
    assert response.status_code == 404
    assert (
        client.post(f"/en/competencies/self-assessment/{assessment.pk}/delete/").status_code == 404
    )
    assert SelfAssessment.objects.filter(pk=assessment.pk).exists()
    assert not SelfRating.objects.filter(assessment=assessment, level__number=4).exists()


def test_a_colleague_of_the_same_administration_cannot_see_it_either(client, assessment):
    colleague = make_user(administration=assessment.owner.administration)
    client.force_login(colleague)
    assert client.get(f"/en/competencies/self-assessment/{assessment.pk}/").status_code == 404
    own_list = client.get("/en/competencies/self-assessment/").content.decode()
    assert "You have not rated yourself against a position yet." in own_list
    assert f'href="/en/competencies/self-assessment/{assessment.pk}/"' not in own_list


def test_the_owner_sees_every_page_and_no_cache_keeps_them(member_client, assessment):
    for path in member_pages(assessment):
        response = member_client.get(path, follow=True)
        assert response.status_code == 200, path
        assert "no-store" in response["Cache-Control"], path


def test_a_member_rates_themselves_and_gets_their_gap_profile(
    member_client, member, position, competencies
):
    first, second, third = competencies
    response = member_client.get(f"/en/competencies/self-assessment/new/?position={position.slug}")
    html = response.content.decode()
    assert html.count('type="radio"') == 3 * 5  # "not yet" and four levels per competency
    assert f"Shows {first.code} at level 3." in html  # the behaviour each level stands for
    response = member_client.post(
        f"/en/competencies/self-assessment/new/?position={position.slug}",
        {field(first): 1, field(second): 2, field(third): 0},
    )
    assessment = SelfAssessment.objects.get(owner=member, position=position)
    assert response.status_code == 302
    assert response["Location"] == f"/en/competencies/self-assessment/{assessment.pk}/"
    ratings = dict(assessment.ratings.values_list("competency__code", "level__number"))
    assert ratings == {first.code: 1, second.code: 2, third.code: None}


def test_starting_again_opens_the_members_own_assessment(member_client, assessment):
    response = member_client.get(
        f"/en/competencies/self-assessment/new/?position={assessment.position.slug}"
    )
    assert response["Location"] == f"/en/competencies/self-assessment/{assessment.pk}/edit/"
    assert member_client.get("/en/competencies/self-assessment/new/").status_code == 302
    assert (
        member_client.get("/en/competencies/self-assessment/new/?position=nope").status_code == 404
    )


def test_editing_updates_the_ratings_in_place(member_client, assessment, competencies):
    first, second, third = competencies
    page = member_client.get(f"/en/competencies/self-assessment/{assessment.pk}/edit/")
    assert re.search(rf'name="{field(first)}" value="1"[^>]*checked', page.content.decode())
    member_client.post(
        f"/en/competencies/self-assessment/{assessment.pk}/edit/",
        {field(first): 3, field(second): 2, field(third): 1},
    )
    assert SelfAssessment.objects.count() == 1
    assert sorted(assessment.ratings.values_list("level__number", flat=True)) == [1, 2, 3]


@pytest.mark.parametrize("level", ["", "5", "x"])
def test_a_missing_or_unknown_level_is_refused(member_client, assessment, competencies, level):
    first, second, third = competencies
    response = member_client.post(
        f"/en/competencies/self-assessment/{assessment.pk}/edit/",
        {field(first): level, field(second): 2, field(third): 1},
    )
    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert assessment.ratings.get(competency=first).level.number == 1


def test_the_service_refuses_competencies_the_position_does_not_require(member, position):
    stranger = make_competency()
    with pytest.raises(ValidationError):
        assessment_save(owner=member, position=position, ratings={stranger.pk: 2})


def test_the_gap_profile_shows_the_gaps_as_a_chart_and_a_table(
    member_client, assessment, competencies
):
    first, second, third = competencies
    html = member_client.get(f"/en/competencies/self-assessment/{assessment.pk}/").content.decode()
    (table,) = tables(html, "gap-table")
    assert table[1:] == [
        [f"{first.code} {first.name_en}", "3", "1", "2"],
        [f"{second.code} {second.name_en}", "2", "2", "0"],
        [f"{third.code} {third.name_en}", "1", "0", "1"],
    ]
    assert "You fall short of the required level in 2 of 3 competencies." in " ".join(html.split())
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="gap-chart-title gap-chart-desc"' in svg
    assert '<title id="gap-chart-title">' in svg and '<desc id="gap-chart-desc">' in svg
    assert f"{first.name_en}: required 3, yours 1." in svg
    assert svg.count('class="chart-required"') == 3
    assert svg.count('class="chart-own chart-short"') == 1  # the third has no bar at all (0)
    assert 'style="' not in html and "<script" not in html.split("</footer>")[0]


def test_the_chart_geometry_does_not_depend_on_the_language(member_client, assessment):
    member_client.get("/en/")  # the same member, both languages
    english = member_client.get(
        f"/en/competencies/self-assessment/{assessment.pk}/"
    ).content.decode()
    russian = member_client.get(
        f"/ru/competencies/self-assessment/{assessment.pk}/"
    ).content.decode()

    def numbers(html):
        return re.findall(
            r' (?:x|y|width|height|x1|x2|y1|y2)="([^"]+)"', html[html.index("<svg") :]
        )

    assert numbers(english) == numbers(russian)
    assert all(re.fullmatch(r"\d+(\.\d+)?", number) for number in numbers(russian))


def test_learning_is_offered_where_the_member_falls_short(member_client, assessment, competencies):
    first, second, third = competencies
    course = make_tool(title_en="Course for the biggest gap")
    instrument = make_tool(kind="instrument", title_en="Instrument for the smaller gap")
    unneeded = make_tool(title_en="Course for a competency already met")
    first.learning_resources.add(course)
    third.learning_resources.add(instrument, course)
    second.learning_resources.add(unneeded)
    html = member_client.get(f"/en/competencies/self-assessment/{assessment.pk}/").content.decode()
    offered = html[html.index("Learning to close your gaps") :]
    assert offered.index(course.title_en) < offered.index(instrument.title_en)
    assert unneeded.title_en not in html
    assert f"Helps with: {first.name_en}, {third.name_en}" in " ".join(offered.split())


def test_each_gap_names_its_courses_and_the_experts_at_the_required_level(
    member_client, assessment, competencies, azerbaijan, georgia
):
    first, second, third = competencies  # gaps: first (3 required, 1 rated), third (1, 0)
    course = make_tool(title_en="Course for the first gap")
    first.learning_resources.add(course)
    make_expert(administration=georgia, family_name_en="Strong", competencies=[(first, 4)])
    make_expert(administration=georgia, family_name_en="Weak", competencies=[(first, 2)])
    gone = make_expert(administration=georgia, family_name_en="Gone", competencies=[(first, 3)])
    expert_withdraw(expert=gone)
    make_expert(administration=azerbaijan, family_name_en="Starter", competencies=[(third, 1)])
    html = member_client.get(f"/en/competencies/self-assessment/{assessment.pk}/").content.decode()
    help = " ".join(html[html.index("Help for each gap") :].split())
    first_gap, third_gap = help[: help.index(third.name_en)], help[help.index(third.name_en) :]
    assert first.name_en in first_gap and "Required level 3, yours 1." in first_gap
    assert course.title_en in first_gap and "Experts at level 3 or above:" in first_gap
    assert "Strong" in first_gap and "Weak" not in help and "Gone" not in help
    assert "Starter" in third_gap and "none linked yet." in third_gap
    assert second.name_en not in help  # no gap there


def test_more_experts_than_a_gap_names_are_found_in_the_search(
    member_client, assessment, competencies, georgia
):
    first = competencies[0]
    for n in range(7):
        make_expert(administration=georgia, family_name_en=f"Holder{n}", competencies=[(first, 3)])
    html = member_client.get(f"/ru/competencies/self-assessment/{assessment.pk}/").content.decode()
    help = html[html.index("Помощь по каждому разрыву") :]
    assert help.count("/ru/members/experts/") == 5 + 1
    assert f"?competency={first.pk}&amp;competency_level=3" in help
    assert "Все 7 в базе данных экспертов" in help


def test_a_requirement_added_later_is_shown_as_not_rated(member_client, assessment):
    newcomer = make_competency()
    assessment.position.requirements.create(
        competency=newcomer, level_id=assessment.ratings.first().level_id or 1
    )
    html = member_client.get(f"/en/competencies/self-assessment/{assessment.pk}/").content.decode()
    assert "The position now requires a competency you have not rated yet." in html
    assert "not rated" in html


def test_the_owner_deletes_their_assessment(member_client, assessment):
    response = member_client.post(f"/en/competencies/self-assessment/{assessment.pk}/delete/")
    assert response["Location"] == "/en/competencies/self-assessment/"
    assert not SelfAssessment.objects.filter(pk=assessment.pk).exists()
    assert not SelfRating.objects.filter(assessment_id=assessment.pk).exists()


@pytest.mark.parametrize("page", ["", "{pk}/", "{pk}/edit/", "{pk}/delete/"])
def test_the_pages_in_russian(member_client, assessment, page):
    html = member_client.get(
        "/ru/competencies/self-assessment/" + page.format(pk=assessment.pk)
    ).content.decode()
    assert latin_words(html, {"TT-", "Leyla"}) == []  # codes, her name


def test_the_pages_run_a_fixed_number_of_queries(
    member_client, member, georgia, django_assert_max_num_queries
):
    many = [make_competency() for _ in range(40)]
    position = make_position(requires={competency: 1 + n % 4 for n, competency in enumerate(many)})
    for competency in many[:20]:
        competency.learning_resources.add(make_tool(), make_tool())
    # Each gap has experts to name, some more than a gap names.
    experts = make_experts(8, administrations=[georgia])
    ExpertCompetency.objects.bulk_create(
        ExpertCompetency(expert=expert, competency=competency, level=level(4))
        for n, competency in enumerate(many[:16])
        for expert in (experts if n % 8 == 0 else experts[n % 8 : n % 8 + 1])
    )
    assessment = assessment_save(
        owner=member, position=position, ratings={competency.pk: 0 for competency in many}
    )
    for other in range(10):
        assessment_save(owner=member, position=make_position(requires={many[other]: 2}), ratings={})
    # Session and user, then the page's own reads (on the result: the experts for the gaps).
    for path, budget in [
        ("", 5),
        (f"{assessment.pk}/", 8),
        (f"{assessment.pk}/edit/", 8),
    ]:
        with django_assert_max_num_queries(budget):
            response = member_client.get(f"/en/competencies/self-assessment/{path}")
        assert response.status_code == 200
    assert response.content.decode().count('type="radio"') == 40 * 5
