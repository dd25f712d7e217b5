"""Experts by competency: a nomination lists competencies of the framework at a proficiency level
and the approval copies them onto the record; staff set them in the admin; members filter the
search by "competency at level ≥ N" (on the scale data: fixed queries, and the index answers);
an expert's page lists them."""

import random

import pytest
from django.db import connection

from competencies.models import Competency, ProficiencyLevel, Status
from core.concurrency import FIELD, row_fingerprint
from experts import services
from experts.models import Expert, ExpertCompetency, Nomination, NominationCompetency
from experts.scale import make_experts as make_scale_experts
from tests.competencies.factories import make_competency, make_scale, starter_framework
from tests.experts.factories import make_expert, make_nomination
from tests.experts.test_nominations import form_data
from tests.factories import make_user
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

URL = "/en/members/experts/nominate/"


@pytest.fixture
def levels():
    return make_scale()


@pytest.fixture
def framework(levels):
    """Two endorsed competencies and a draft one."""
    return {
        "risk": make_competency(
            code="OP-31",
            name_en="Risk profiling",
            name_ru="Профилирование рисков",
            descriptors=False,
        ),
        "audit": make_competency(
            code="OP-32",
            name_en="Audit of traders",
            name_ru="Аудит участников ВЭД",
            descriptors=False,
        ),
        "draft": make_competency(code="OP-33", status=Status.DRAFT, descriptors=False),
    }


def rows(*holdings) -> dict:
    """The competency rows of the nomination form: (competency id, level id) pairs."""
    data = {
        "competencies-TOTAL_FORMS": str(max(2, len(holdings))),
        "competencies-INITIAL_FORMS": "0",
    }
    for n, (competency, level) in enumerate(holdings):
        data[f"competencies-{n}-competency"] = competency
        data[f"competencies-{n}-level"] = level
    return data


def found(response) -> list[str]:
    return [expert["family_name_en"] for expert in response.context["experts"]]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_nomination_form_offers_the_endorsed_competencies(
    client, focal_point, framework, language
):
    client.force_login(focal_point)
    html = client.get(f"/{language}/members/experts/nominate/").content.decode()
    assert 'name="competencies-0-competency"' in html and 'name="competencies-1-level"' in html
    assert "OP-33" not in html  # a draft is no competency of the framework yet
    if language == "ru":
        assert "Профилирование рисков" in html and "Компетенция 1" in html
        assert latin_words(html, allowed={"Rashad", "Aliyev", "DOCX", "Word", "OP-"}) == []
    else:
        assert "OP-31 Risk profiling" in html and "3 · Practitioner" in html


def test_a_nomination_lists_competencies_and_the_approval_copies_them(
    client, focal_point, staff, framework, levels
):
    client.force_login(focal_point)
    risk, audit = framework["risk"], framework["audit"]
    data = form_data(**rows((risk.pk, levels[3].pk), (audit.pk, levels[4].pk)))
    assert client.post(URL, data).status_code == 302
    nomination = Nomination.objects.get()
    assert sorted(nomination.competencies.values_list("competency__code", "level__number")) == [
        ("OP-31", 3),
        ("OP-32", 4),
    ]
    expert = services.nomination_approve(nomination=nomination, reviewer=staff)
    assert sorted(expert.competencies.values_list("competency__code", "level__number")) == [
        ("OP-31", 3),
        ("OP-32", 4),
    ]
    # A later nomination of the same person replaces what the record holds.
    again = make_nomination(nominated_by=focal_point, email=expert.email)
    services.nomination_approve(nomination=again, reviewer=staff)
    assert not expert.competencies.exists()


@pytest.mark.parametrize(
    ("language", "holdings", "message"),
    [
        ("en", [("risk", None)], "Choose the level for this competency."),
        ("ru", [("risk", 2), ("risk", 3)], "Укажите каждую компетенцию только один раз."),
        ("en", [("draft", 2)], "Select a valid choice."),
    ],
)
def test_bad_competency_rows_are_refused_and_nothing_is_saved(
    client, focal_point, framework, levels, language, holdings, message
):
    client.force_login(focal_point)
    posted = [
        (framework[key].pk if key else "", levels[number].pk if number else "")
        for key, number in holdings
    ]
    response = client.post(f"/{language}/members/experts/nominate/", form_data(**rows(*posted)))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Nomination.objects.exists() and not NominationCompetency.objects.exists()


def test_staff_set_an_experts_competencies_in_the_admin(
    staff_client, azerbaijan, framework, levels
):
    expert = make_expert(administration=azerbaijan)
    url = f"/admin/experts/expert/{expert.pk}/change/"
    form = staff_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.pop("cv", None)
    data.update(
        {
            "administration": azerbaijan.pk,
            "areas": [area.pk for area in expert.areas.all()],
            "consent_given_on": "2025-01-01",
            "confirmed_on": "2025-01-01",
            FIELD: row_fingerprint(Expert, expert.pk),
            "languages-TOTAL_FORMS": "0",
            "languages-INITIAL_FORMS": "0",
            "competencies-TOTAL_FORMS": "1",
            "competencies-INITIAL_FORMS": "0",
            "competencies-0-competency": framework["risk"].pk,
            "competencies-0-level": levels[4].pk,
        }
    )
    assert staff_client.post(url, data).status_code == 302
    assert list(expert.competencies.values_list("competency__code", "level__number")) == [
        ("OP-31", 4)
    ]


def test_members_find_experts_holding_a_competency_at_a_level(member_client, azerbaijan, framework):
    risk, audit = framework["risk"], framework["audit"]
    make_expert(administration=azerbaijan, family_name_en="Basic", competencies=[(risk, 1)])
    make_expert(administration=azerbaijan, family_name_en="Strong", competencies=[(risk, 4)])
    make_expert(
        administration=azerbaijan, family_name_en="Auditor", competencies=[(risk, 2), (audit, 4)]
    )
    make_expert(administration=azerbaijan, family_name_en="None")
    search = "/en/members/experts/"
    assert found(member_client.get(search, {"competency": risk.pk})) == [
        "Auditor",
        "Basic",
        "Strong",
    ]
    # The level is that of the same competency: the auditor's 4 is in another one.
    assert found(member_client.get(search, {"competency": risk.pk, "competency_level": 3})) == [
        "Strong"
    ]
    assert found(member_client.get(search, {"competency": audit.pk, "competency_level": 4})) == [
        "Auditor"
    ]
    # Unknown or draft competencies and levels out of the scale are ignored, never a 500.
    for params in (
        {"competency": framework["draft"].pk},
        {"competency": "x", "competency_level": "99"},
        {"competency": "１", "competency_level": "²"},
    ):
        response = member_client.get(search, params)
        assert response.status_code == 200 and len(found(response)) == 4


def test_the_search_and_an_experts_page_in_russian(member_client, azerbaijan, framework):
    risk = framework["risk"]
    expert = make_expert(
        administration=azerbaijan,
        given_names_en="Elvin",
        family_name_en="Aliyev",
        given_names_ru="Эльвин",
        family_name_ru="Алиев",
        position_ru="Инспектор",
        competencies=[(risk, 3)],
    )
    html = member_client.get("/ru/members/experts/").content.decode()
    assert "Уровень владения не ниже" in html and "Профилирование рисков" in html
    html = member_client.get(f"/ru/members/experts/{expert.pk}/").content.decode()
    assert "Компетенции" in html and "Профилирование рисков" in html
    assert "3 · Уверенное владение" in html


def test_the_scale_data_gives_experts_competencies_of_the_endorsed_framework(framework):
    make_scale_experts(40, rng=random.Random(7))
    held = ExpertCompetency.objects.values_list("competency__code", flat=True)
    assert held and set(held) <= {"OP-31", "OP-32"}  # never the draft


def scale_experts(count: int, administration) -> None:
    """`count` listed experts, each holding two of the endorsed competencies at a level of the
    scale, written set-based as copies of one made by the factory (the benchmark's 10,000 in a
    fraction of a second; the competency filter needs no search vector), then analysed as the
    scale data is."""
    template = make_expert(administration=administration, index=False)
    columns = [field.column for field in Expert._meta.concrete_fields if not field.primary_key]
    varied = {
        "email": "'scale' || n || '@customs.test'",
        "family_name": "'Family' || LPAD(n::text, 5, '0')",
        "family_name_en": "'Family' || LPAD(n::text, 5, '0')",
    }
    names = ", ".join(f'"{column}"' for column in columns)
    copied = ", ".join(varied.get(column, f'"{column}"') for column in columns)
    tables = {
        "holding": ExpertCompetency._meta.db_table,
        "expert": Expert._meta.db_table,
        "competency": Competency._meta.db_table,
        "level": ProficiencyLevel._meta.db_table,
    }
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {tables['expert']} ({names}) SELECT {copied} "  # noqa: S608
            f"FROM {tables['expert']}, generate_series(2, %s) AS n WHERE id = %s",
            [count, template.pk],
        )
        cursor.execute(
            """
            INSERT INTO {holding} (expert_id, competency_id, level_id)
            SELECT e.id, c.id, l.id
            FROM {expert} e
            JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY id) AS k FROM {competency}
                  WHERE status = 'endorsed') c ON (e.id + c.k) %% 10 = 0
            JOIN (SELECT id, ROW_NUMBER() OVER (ORDER BY number) AS k FROM {level}) l
                ON l.k = 1 + (e.id + c.k * 7) %% 4
            """.format(**tables),  # noqa: S608 - the models' own table names
            [],
        )
        for table in (tables["expert"], tables["holding"]):
            cursor.execute(f"ANALYZE {table}")


def test_the_search_by_competency_on_the_scale_data(
    client, azerbaijan, georgia, framework, django_assert_max_num_queries
):
    """The benchmark's 10,000 experts, each with two of the 20 endorsed competencies: the search
    filtered by a competency and a level runs a fixed number of queries, and the index on
    (competency, level) finds the holders."""
    starter_framework()  # with the fixture's two: 20 endorsed competencies
    scale_experts(10_000, georgia)
    assert ExpertCompetency.objects.count() == 20_000
    risk = framework["risk"]
    holders = Expert.objects.filter(
        competencies__competency=risk, competencies__level__number__gte=3
    ).count()
    assert 200 < holders < 2000
    client.force_login(make_user(administration=azerbaijan))
    # The user; the count and the page of experts, their areas and languages; the area,
    # administration, competency and level choices of the filter form (the chosen competency
    # and level checked against the choices the form then shows).
    with django_assert_max_num_queries(9):
        response = client.get(
            "/en/members/experts/", {"competency": risk.pk, "competency_level": 3, "page": 2}
        )
    assert len(found(response)) == 20 and response.context["paginator"].count == holders

    query = (
        Expert.objects.filter(competencies__competency=risk, competencies__level__number__gte=3)
        .values("pk")
        .query
    )
    sql, params = query.sql_with_params()
    with connection.cursor() as cursor:
        # No sequential scan of the holdings: the index on (competency, level) answers.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "experts_competency_level_idx" in plan, plan
