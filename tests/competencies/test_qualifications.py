"""The seed's qualifications framework (Annex II to Doc. HC0017E1a) is on the site word for word
in English, and in Russian on the Russian page."""

from pathlib import Path

import pytest

from competencies.models import QualificationLevel, TopicalCluster
from tests.competencies.pages import tables
from tests.pages import latin_words

pytestmark = pytest.mark.django_db

# The table of ../shared/seeds/004_dd3d1db564291653.txt, its four lines copied as they stand.
SEED = (Path(__file__).parent / "seed_qualifications.tsv").read_text(encoding="utf-8")

ASPECTS = ["Certificate or diploma", "Knowledge", "Skills", "Tasks", "Competencies"]
CLUSTERS = [
    "Customs Job Profiles",
    "Workforce Development Strategy",
    "Recruitment and On-boarding",
    "Career Development Paths and Training",
    "Leadership and Management Development Path",
    "Career Development Tools and Practices",
]


def seed_profiles() -> dict[tuple[int, str], list[str]]:
    profiles = {}
    for line in SEED.splitlines():
        heading, *cells = line.split("\t")
        level, profile = heading.removeprefix("Level ").split(" - ")
        profiles[int(level), profile] = cells
    return profiles


def page_profiles(html: str, aspects=ASPECTS) -> dict[tuple[int, str], list[str]]:
    """{(level, profile): [certificate, knowledge, skills, tasks, competencies]} as shown."""
    shown = {}
    for level, table in zip((4, 5), tables(html, "qualifications"), strict=True):
        header, *rows = table
        for column, heading in enumerate(header[1:], 1):
            profile = heading.split(" ", 1)[1]  # after the career stream's name
            shown[level, profile] = [row[column] for row in rows]
        assert [row[0] for row in rows] == aspects
    return shown


def test_the_seed_profiles_appear_word_for_word_in_english(client):
    response = client.get("/en/competencies/qualifications/")
    assert response.status_code == 200
    assert page_profiles(response.content.decode()) == seed_profiles()


def test_each_level_shows_its_practitioner_before_its_manager(client):
    html = client.get("/en/competencies/qualifications/").content.decode()
    headers = [table[0] for table in tables(html, "qualifications")]
    assert headers == [
        ["", "Practitioner Senior Customs practitioner", "Manager Junior manager"],
        ["", "Practitioner Specialist", "Manager Middle manager"],
    ]


def test_the_russian_page_shows_the_framework_in_russian(client):
    response = client.get("/ru/competencies/qualifications/")
    html = response.content.decode()
    shown = page_profiles(
        html, ["Сертификат или диплом", "Знания", "Навыки", "Задачи", "Компетенции"]
    )
    assert set(shown) == {
        (4, "Старший таможенный специалист"),
        (4, "Руководитель младшего звена"),
        (5, "Специалист"),
        (5, "Руководитель среднего звена"),
    }
    assert shown[4, "Старший таможенный специалист"][3] == (
        "Полностью самостоятельно разбираться в проблеме и решать её "
        "Наставлять специалистов более низкого уровня Применять методы оценки рисков"
    )
    assert shown[5, "Руководитель среднего звена"][0] == "Диплом повышенного уровня"
    for cells in seed_profiles().values():
        for english in cells:
            assert english not in html
    assert latin_words(html) == []


def test_every_profile_has_every_aspect_in_both_languages():
    for profile in QualificationLevel.objects.all():
        for aspect in ("profile", *QualificationLevel.ASPECTS):
            assert getattr(profile, f"{aspect}_en"), (profile, aspect)
            assert getattr(profile, f"{aspect}_ru"), (profile, aspect)


def test_the_six_topical_clusters_are_listed_in_both_languages(client):
    assert list(TopicalCluster.objects.values_list("title_en", flat=True)) == CLUSTERS
    english = client.get("/en/competencies/qualifications/").content.decode()
    russian = client.get("/ru/competencies/qualifications/").content.decode()
    assert all(title in english for title in CLUSTERS)
    assert "Набор и адаптация персонала" in russian
    assert "Succession Planning, Mobility and Outplacement - Rotation and Posting" in english


def test_a_missing_russian_text_shows_the_english_one_marked(client):
    profile = QualificationLevel.objects.get(level=5, track="practitioner")
    profile.tasks_ru = ""
    profile.save()
    html = client.get("/ru/competencies/qualifications/").content.decode()
    assert '<td lang="en">' in html
    assert "Draft guidance and educational materials" in html


def test_the_page_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for level in range(6, 9):
        for track in ("practitioner", "manager"):
            QualificationLevel.objects.create(
                level=level,
                track=track,
                profile_en=f"Profile {level} {track}",
                certificate_en="Degree",
                knowledge_en="A\nB",
                skills_en="C",
                tasks_en="D",
                competencies_en="E",
            )
    with django_assert_max_num_queries(2):
        response = client.get("/en/competencies/qualifications/")
    assert "Profile 8 manager" in response.content.decode()
