"""One error pattern on every form: the portal validates (never the browser), a summary at the
top links to each field in error, "Error:" leads the page title, required fields are marked, all
in the page's language."""

import re
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
PREFIX = {"en": "Error: ", "ru": "Ошибка: "}
REQUIRED = {"en": "This field is required.", "ru": "Обязательное поле."}


def title(response) -> str:
    return TITLE.search(response.content.decode()).group(1)


def summary_links(response) -> dict[str, str]:
    html = response.content.decode()
    summary = re.search(r'<div class="error-summary.*?</div>\s*</div>', html, re.S).group(0)
    return dict(re.findall(r'<a href="#([\w-]+)">(.*?)</a>', summary))


def test_every_form_of_the_portal_leaves_validation_to_the_server():
    """The browser's own bubbles come one at a time and in the browser's language."""
    templates = [
        path
        for path in ROOT.glob("**/templates/**/*.html")
        if ".venv" not in path.parts
        and "node_modules" not in path.parts
        # The Django admin keeps its own pattern (app/templates/admin/…, templates/admin/…).
        and "admin" not in path.relative_to(ROOT).parts[1:3]
    ]
    forms = [
        (str(path.relative_to(ROOT)), tag)
        for path in templates
        for tag in re.findall(r"<form\b[^>]*>", path.read_text())
    ]
    assert len(forms) > 20
    assert [form for form in forms if "novalidate" not in form[1]] == []


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_contact_point_form_summarises_its_errors_and_marks_required_fields(
    client, focal_point, language
):
    client.force_login(focal_point)
    url = f"/{language}/members/contacts/az/add/"
    page = client.get(url)
    assert not title(page).startswith(PREFIX[language])
    assert 'id="error-summary"' not in page.content.decode()
    html = page.content.decode()
    # Role, English name and e-mail are required: marked visibly, and by `required` for
    # screen readers; the optional Russian name is not.
    for name in ("role", "name_en", "email"):
        assert re.search(rf'<label for="id_{name}">[^<]*<span class="required-mark"', html)
        assert re.search(rf'<(input|select)[^>]*\brequired\b[^>]*id="id_{name}"', html)
    assert re.search(r'<label for="id_name_ru">[^<]*</label>', html)

    response = client.post(url, {"email": "not-an-address"})
    assert response.status_code == 200
    assert title(response).startswith(PREFIX[language])
    links = summary_links(response)
    assert list(links) == ["id_role", "id_name_en", "id_email"]
    assert links["id_name_en"].endswith(REQUIRED[language])
    assert 'src="/static/js/error-summary.js"' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_nomination_form_links_every_error_to_its_field(client, focal_point, language):
    client.force_login(focal_point)
    response = client.post(
        f"/{language}/members/experts/nominate/",
        {
            "languages-TOTAL_FORMS": "2",
            "languages-INITIAL_FORMS": "0",
            "languages-0-language": "en",
        },
    )
    assert title(response).startswith(PREFIX[language])
    links = summary_links(response)
    # A group of checkboxes is reached through its first box; a language row's field by its id.
    assert {
        "id_given_names_en",
        "id_areas_0",
        "id_cv",
        "id_consent",
        "id_languages-0-level",
    } <= set(links)
    assert links["id_given_names_en"].endswith(REQUIRED[language])


def test_the_login_form_links_its_error_to_the_first_field(client, member):
    response = client.post("/ru/accounts/login/", {"username": member.email, "password": "x"})
    assert title(response).startswith(PREFIX["ru"])
    assert list(summary_links(response)) == ["id_username"]


def test_a_page_whose_form_has_no_errors_keeps_its_title(client):
    """A filter form bound by its query string is not an error."""
    assert title(client.get("/en/workplan/", {"status": "ongoing"})).startswith("Work Plan")
