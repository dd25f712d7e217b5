"""Phones: the header folds behind a Menu button that needs no script (details/summary), and
the Work Plan and contact-point tables turn into cards, each cell under its column's name."""

import re

import pytest

from tests.contacts.builders import make_contact

pytestmark = pytest.mark.django_db


def cells_without_label(html: str, table_class: str) -> list[str]:
    table = re.search(rf'<table class="[^"]*\b{table_class}\b[^"]*">.*?</table>', html, re.S)
    assert table and "cards-on-phone" in table.group(0)[:80]
    body = table.group(0).split("<tbody>", 1)[1]
    return [cell for cell in re.findall(r"<td\b[^>]*>", body) if "data-label=" not in cell]


@pytest.mark.parametrize(("language", "label"), [("en", "Menu"), ("ru", "Меню")])
def test_the_header_has_a_menu_button_that_works_without_script(client, language, label):
    html = client.get(f"/{language}/").content.decode()
    assert f'<details class="menu-toggle"><summary>{label}</summary></details>' in html
    css = client.get("/static/css/site.css")
    css = b"".join(css.streaming_content).decode() if css.streaming else css.content.decode()
    assert ".site-header:has(.menu-toggle:not([open])) .main-nav { display: none; }" in css


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_work_plan_table_becomes_cards(client, language):
    html = client.get(f"/{language}/workplan/").content.decode()
    assert cells_without_label(html, "activities") == []
    assert 'data-label="Статус"' in html or language == "en"


def test_the_contact_points_table_becomes_cards(client, focal_point, azerbaijan):
    make_contact(azerbaijan, phone="+994124040000")
    client.force_login(focal_point)
    html = client.get("/en/members/contacts/az/").content.decode()
    # The actions cell is the card's last line, its links named by themselves.
    assert [
        cell for cell in cells_without_label(html, "contact-table") if "actions" not in cell
    ] == []
