"""Self-assessment against the qualifications framework's profiles (seed 004): a member rates
each statement of a profile and whether they hold its certificate; the result shows how much of
the profile they meet, aspect by aspect, what to develop, and where to go next."""

import pytest

from competencies import services
from competencies.models import ProfileAssessment, QualificationLevel, StatementRating
from competencies.selectors import profile_statements
from tests.factories import make_user

pytestmark = pytest.mark.django_db

Extent = StatementRating.Extent


def profile(level=5, track="manager"):
    return QualificationLevel.objects.get(level=level, track=track)


def statements(of):
    return [statement for _aspect, _label, group in profile_statements(of) for statement in group]


def answers(of, extent=Extent.FULLY):
    """A complete post: the certificate held, every statement at `extent`."""
    data = {"holds_certificate": "yes"}
    for statement in statements(of):
        data[statement.field_name] = str(extent)
    return data


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("en", ["Rate yourself: Middle manager", "Apply a performance management system"]),
        ("ru", ["Самооценка: ", "Полностью, самостоятельно"]),
    ],
)
def test_a_member_rates_each_statement_of_a_profile(member_client, language, texts):
    response = member_client.get(
        f"/{language}/competencies/self-assessment/profiles/new/", {"profile": "5-manager"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('type="radio"') == 3 * len(statements(profile())) + 2
    for text in texts:
        assert text in html


def test_the_result_shows_the_share_met_the_gaps_and_the_next_profiles(member_client, member):
    senior = profile(4, "practitioner")
    lines = statements(senior)
    data = answers(senior)
    data["holds_certificate"] = "no"
    data[lines[0].field_name] = str(Extent.PARTLY)
    data[lines[1].field_name] = str(Extent.NOT_YET)
    response = member_client.post(
        "/en/competencies/self-assessment/profiles/new/?profile=4-practitioner", data
    )
    assessment = ProfileAssessment.objects.get(owner=member, profile=senior)
    assert response.status_code == 302 and response["Location"] == assessment.get_absolute_url()

    html = member_client.get(assessment.get_absolute_url()).content.decode()
    total = len(lines)
    percent = round(100 * (2 * (total - 2) + 1) / (2 * total))
    assert f"You meet {percent}% of the profile: {total - 2} of {total} statements" in html
    assert "You do not hold its certificate or diploma yet." in html
    gaps = html[html.index("What to develop") :]
    assert gaps.index(lines[1].text) < gaps.index(lines[0].text)  # "not yet" first
    assert "Rate yourself against Specialist (level 5, Practitioner stream)" in html
    assert "Junior manager (level 4, Manager stream)" in html


def test_the_result_in_russian(member_client, member):
    senior = profile(4, "practitioner")
    services.profile_assessment_save(
        owner=member,
        profile=senior,
        holds_certificate=True,
        ratings={(s.aspect, s.key): Extent.FULLY for s in statements(senior)},
    )
    html = member_client.get(
        ProfileAssessment.objects.get().get_absolute_url().replace("/en/", "/ru/")
    ).content.decode()
    assert "Вы соответствуете этому профилю" in html
    assert "Знания" in html


def test_a_post_missing_an_answer_saves_nothing_and_says_why(member_client):
    data = answers(profile())
    del data[statements(profile())[2].field_name]
    response = member_client.post(
        "/ru/competencies/self-assessment/profiles/new/?profile=5-manager", data
    )
    assert response.status_code == 200
    assert "Укажите, насколько это вас описывает." in response.content.decode()
    assert not ProfileAssessment.objects.exists() and not StatementRating.objects.exists()


def test_a_reworded_statement_shows_as_not_rated(member_client, member):
    middle = profile()
    services.profile_assessment_save(
        owner=member,
        profile=middle,
        holds_certificate=True,
        ratings={(s.aspect, s.key): Extent.FULLY for s in statements(middle)},
    )
    middle.tasks_en = middle.tasks_en.replace("larger", "large")
    middle.save()
    html = member_client.get(ProfileAssessment.objects.get().get_absolute_url()).content.decode()
    assert "The office has reworded a statement of the profile since you rated yourself." in html
    edit = member_client.get(
        f"/en/competencies/self-assessment/profiles/{ProfileAssessment.objects.get().pk}/edit/"
    ).content.decode()
    assert edit.count("checked") == len(statements(middle))  # the certificate, the others kept


def test_nobody_else_reads_a_self_assessment(client, member, georgia):
    other_member = make_user(email="member@customs.ge", administration=georgia)
    middle = profile()
    assessment = services.profile_assessment_save(
        owner=member,
        profile=middle,
        holds_certificate=False,
        ratings={(s.aspect, s.key): Extent.PARTLY for s in statements(middle)},
    )
    client.force_login(other_member)
    assert client.get(assessment.get_absolute_url()).status_code == 404
    assert client.post(f"{assessment.get_absolute_url()}delete/").status_code == 404
    assert ProfileAssessment.objects.exists()


@pytest.mark.parametrize("key", ["9-manager", "٤-chief'--"])
def test_an_unknown_profile_answers_404(member_client, key):
    response = member_client.get("/en/competencies/self-assessment/profiles/new/", {"profile": key})
    assert response.status_code == 404


def test_the_pages_run_a_fixed_number_of_queries(
    member_client, member, django_assert_max_num_queries
):
    middle = profile()
    assessment = services.profile_assessment_save(
        owner=member,
        profile=middle,
        holds_certificate=True,
        ratings={(s.aspect, s.key): Extent.PARTLY for s in statements(middle)},
    )
    for path in (
        assessment.get_absolute_url(),
        f"{assessment.get_absolute_url()}edit/",
        "/en/competencies/self-assessment/",
    ):
        with django_assert_max_num_queries(8):
            assert member_client.get(path).status_code == 200
