import re
from decimal import Decimal

import pytest

from administrations.models import Administration
from contacts.geo import basemap
from tests.contacts.builders import make_centre
from tests.factories import make_administration
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


def test_the_base_map_is_shipped_with_every_member_country():
    base = basemap()
    assert (base.width, base.height) == (1000, 720)
    codes = {country["code"] for country in base.members}
    member_codes = set(Administration.objects.members().values_list("code", flat=True))
    assert member_codes - codes == {"EU"}  # the European Union has no outline of its own
    assert all(re.fullmatch(r"[mlz0-9 .\-]+", country["d"]) for country in base.members)


@pytest.mark.parametrize(
    ("lon", "lat", "inside"),
    [(49.867, 40.409, True), (-21.9, 64.1, True), (76.9, 43.2, True), (-74.0, 40.7, False)],
)
def test_places_of_the_region_fall_inside_the_drawing(lon, lat, inside):
    base = basemap()
    assert base.contains(*base.projection(lon, lat)) is inside


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_map_page_is_public_and_lists_centres_by_administration(
    client, azerbaijan, georgia, language
):
    make_centre(azerbaijan, name_en="Baku Centre", name_ru="Бакинский центр", is_wco_rtc=True)
    make_centre(
        georgia,
        name_en="Tbilisi Centre",
        name_ru="Тбилисский центр",
        city_en="Tbilisi",
        city_ru="Тбилиси",
        latitude=Decimal("41.71513"),
        longitude=Decimal("44.82710"),
        elearning_platform="Moodle",
    )
    response = client.get(f"/{language}/training-centres/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="map-point') == 2
    # Each centre is a labelled link to its row of the table beside the map.
    name = {"en": "Baku Centre", "ru": "Бакинский центр"}[language]
    assert re.search(
        rf'<a class="map-point map-point-rtc" href="#centre-\d+" aria-label="{name}', html
    )
    assert re.search(r'<tr id="centre-\d+">', html)
    assert 'scope="rowgroup"' in html
    assert "style=" not in html  # CSP: no inline styles
    assert "http" not in html.split("<svg", 1)[1].split("</svg>", 1)[0].replace(
        "http://www.w3.org/2000/svg", ""
    )  # nothing fetched by the map
    if language == "ru":
        assert "Карта развития персонала" in html
        assert latin_words(html, allowed={"Moodle", "Natural", "Earth"}) == []


def test_a_centre_outside_the_frame_is_in_the_table_only(client, azerbaijan):
    make_centre(
        azerbaijan, name_en="Far Away", latitude=Decimal("-33.9"), longitude=Decimal("18.4")
    )
    html = client.get("/en/training-centres/").content.decode()
    assert "Far Away" in html
    assert 'class="map-point' not in html


def test_russian_falls_back_to_english_marked_as_such(client, azerbaijan):
    make_centre(azerbaijan, name_en="Only English", name_ru="", programmes_ru="")
    html = client.get("/ru/training-centres/").content.decode()
    assert '<span lang="en">Only English</span>' in html
    # The name also labels the point on the map, where an attribute cannot mark its language.
    assert latin_words(html, allowed={"Natural", "Earth", "Only"}) == []


def test_the_map_is_cached_for_visitors_and_refreshed_on_change(
    client, azerbaijan, django_assert_num_queries
):
    make_centre(azerbaijan, name_en="First Centre")
    client.get("/en/training-centres/")
    with django_assert_num_queries(0):
        assert "First Centre" in client.get("/en/training-centres/").content.decode()
    make_centre(azerbaijan, name_en="Second Centre")
    assert "Second Centre" in client.get("/en/training-centres/").content.decode()


def test_the_map_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for i in range(60):
        administration = make_administration()
        make_centre(administration, latitude=Decimal(40 + i % 20), longitude=Decimal(i % 60))
    with django_assert_max_num_queries(2):
        response = client.get("/ru/training-centres/")
    assert response.content.decode().count('class="map-point') == 60


def test_the_navigation_links_to_the_map(client):
    html = client.get("/ru/").content.decode()
    assert 'href="/ru/training-centres/"' in html
    assert "Учебные центры" in html
