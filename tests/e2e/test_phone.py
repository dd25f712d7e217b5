"""Every kind of page on a 360 × 740 phone, in both languages: nothing scrolls the page
sideways, no table cell sits off-screen unless its table says it scrolls (a visible cue), and
the page's own content (its heading) starts within the first screen."""

import pytest
from django.conf import settings
from django.test import Client

from tests.competencies.factories import starter_framework
from tests.contacts.builders import make_centre, make_contact
from tests.experts.factories import make_expert
from tests.needs.factories import make_need
from tests.outreach.factories import make_event, make_news, make_registration_settings

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 360, "height": 740}

# What the page shows wrongly on a phone, as a list of problems (empty when it fits).
PROBLEMS = """() => {
  const width = document.documentElement.clientWidth, problems = [];
  if (document.documentElement.scrollWidth > width) {
    const wide = [...document.querySelectorAll("body *")].find(
      (element) => element.getBoundingClientRect().right > width + 1
        && !element.parentElement.closest(".table-scroll"));
    problems.push(`the page scrolls sideways to ${document.documentElement.scrollWidth} px`
      + (wide ? ` (${wide.tagName.toLowerCase()}.${wide.className})` : ""));
  }
  for (const cell of document.querySelectorAll("main td, main th")) {
    const box = cell.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) continue;
    const scroller = cell.closest(".table-scroll");
    const cue = scroller && scroller.querySelector(":scope > .scroll-cue");
    if (!cue || !cue.checkVisibility()) {
      problems.push(`a cell off-screen with no cue: "${cell.textContent.trim().slice(0, 40)}"`);
      break;
    }
  }
  // The header folds away: the page's own content starts in the screen's first quarter.
  const top = document.querySelector("main").getBoundingClientRect().top + window.scrollY;
  if (top > window.innerHeight / 4) problems.push(`the content starts at ${Math.round(top)} px`);
  return problems;
}"""


@pytest.fixture
def pages(azerbaijan, focal_point, staff):
    """One page of each kind, with content in it."""
    positions, competencies = starter_framework()
    make_contact(azerbaijan, phone="+994124040000")
    make_centre(azerbaijan)
    expert = make_expert(administration=azerbaijan)
    need = make_need(submitted_by=focal_point)
    news = make_news()
    event = make_registration_settings().event
    make_event(slug="past", starts_on=event.starts_on.replace(year=event.starts_on.year - 1))
    return [
        "/{lang}/",
        "/{lang}/workplan/",
        "/{lang}/workplan/activities/1.1/",
        "/{lang}/workplan/progress/",
        "/{lang}/workplan/logframe/",
        "/{lang}/news/",
        f"/{{lang}}/news/{news.slug}/",
        "/{lang}/events/",
        f"/{{lang}}/events/{event.slug}/",
        f"/{{lang}}/events/{event.slug}/register/",
        "/{lang}/tools/",
        "/{lang}/competencies/",
        f"/{{lang}}/competencies/positions/{positions[0].slug}/",
        f"/{{lang}}/competencies/dictionary/{competencies[0].code}/",
        "/{lang}/competencies/qualifications/",
        "/{lang}/search/?q=risk",
        "/{lang}/training-centres/",
        "/{lang}/members/",
        "/{lang}/members/experts/",
        f"/{{lang}}/members/experts/{expert.pk}/",
        "/{lang}/members/experts/nominate/",
        "/{lang}/members/contacts/",
        "/{lang}/members/contacts/az/",
        "/{lang}/members/materials/",
        "/{lang}/members/needs/",
        f"/{{lang}}/members/needs/{need.pk}/",
        "/{lang}/members/needs/new/",
        "/{lang}/members/countries/az/",
        "/{lang}/members/administration/users/",
        "/{lang}/members/budget/",
    ]


def session_cookie(user, url: str) -> dict:
    client = Client()
    client.force_login(user)
    return {
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": url,
    }


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_kind_of_page_fits_a_phone(browser, live_server, pages, focal_point, language):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    context.add_cookies([session_cookie(focal_point, live_server.url)])
    phone = context.new_page()
    found = {}
    for path in (path.format(lang=language) for path in pages):
        response = phone.goto(path)
        assert response.status == 200, path
        if problems := phone.evaluate(PROBLEMS):
            found[path] = problems
    context.close()
    assert found == {}
