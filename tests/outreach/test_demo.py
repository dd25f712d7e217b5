import io

import pytest

from outreach import demo, selectors
from outreach.models import Event, NewsItem, Registration, Status

pytestmark = pytest.mark.django_db


def test_demo_news_and_events_render_in_both_languages(client, member):
    demo.load(stdout=io.StringIO())
    assert NewsItem.objects.count() == 12
    assert NewsItem.objects.filter(status=Status.DRAFT).count() == 1
    assert NewsItem.objects.exclude(title_ru=None).count() >= 6
    assert Event.objects.filter(ends_on__lt="2020-01-01").exists()
    upcoming = [event for event in Event.objects.all() if event.is_upcoming]
    assert len(upcoming) >= 2
    for language in ("en", "ru"):
        for path in ("", "news/", "events/", "tools/"):
            assert client.get(f"/{language}/{path}").status_code == 200
        for item in NewsItem.objects.published():
            assert client.get(f"/{language}/news/{item.slug}/").status_code == 200
        for event in Event.objects.all():
            assert client.get(f"/{language}/events/{event.slug}/").status_code == 200
    # The regional meeting is open, full and has a waiting list, in both languages.
    meeting = Event.objects.get(slug="regional-heads-of-training-meeting")
    assert meeting.registration.is_open() and meeting.has_times
    registrations = Registration.objects.filter(event=meeting)
    assert registrations.holding_seats().count() == meeting.registration.capacity
    assert registrations.waiting().count() == 2
    client.force_login(member)
    for language, words in (("en", "0 free of 3"), ("ru", "свободно 0 из 3")):
        page = client.get(f"/{language}/events/{meeting.slug}/register/").content.decode()
        assert words in page


def test_the_past_workshop_shows_its_documents_to_each_kind_of_viewer_in_both_languages(client):
    from accounts import demo as accounts_demo
    from accounts.models import User
    from library import demo as library_demo

    for module in (accounts_demo, library_demo, demo):
        module.load(stdout=io.StringIO())
    workshop = Event.objects.get(slug="regional-training-needs-workshop")
    assert workshop.is_over and workshop.documents.count() == 4
    url = workshop.get_absolute_url()
    anonymous = client.get(url).content.decode()
    assert "Agenda of the regional" in anonymous and "Report of the regional" in anonymous
    assert "Отчёт о региональном" in client.get(f"/ru{url[3:]}").content.decode()
    assert "competency framework" not in anonymous  # the members' presentation
    client.force_login(User.objects.get(email="focal@customs.test"))
    member_page = client.get(url).content.decode()
    assert "competency framework" in member_page
    assert "Georgia Revenue Service" not in member_page  # did not take part
    client.force_login(User.objects.get(email="member@customs.test"))
    assert "Georgia Revenue Service" in client.get(url).content.decode()  # took part


def test_demo_past_workshop_has_attendance_and_evaluations_in_both_languages(db):
    demo.load_past_workshop()
    workshop = Event.objects.get(slug="training-needs-analysis-workshop")
    assert workshop.is_over and workshop.title_ru and workshop.description_ru
    statuses = set(Registration.objects.filter(event=workshop).values_list("status", flat=True))
    assert statuses == {"attended", "absent"}
    results = selectors.evaluation_results(event=workshop)
    assert (results.answers, results.asked) == (3, 3)
    assert {evaluation.language for evaluation in results.comments} == {"en", "ru"}
