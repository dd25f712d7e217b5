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


# The past workshop's documents: (English title, Russian title) by who sees them on its page.
PUBLIC = [
    ("Agenda of the regional workshop", "Повестка дня регионального семинара"),
    ("Report of the regional workshop", "Отчёт о региональном семинаре"),
]
MEMBERS = [("with the competency framework", "на основе рамки компетенций")]
PARTICIPANTS = [("Georgia Revenue Service", "Службы доходов Грузии")]


def test_the_past_workshop_has_documents_attendance_and_evaluations_in_both_languages(client):
    from accounts import demo as accounts_demo
    from accounts.models import User
    from library import demo as library_demo

    for module in (accounts_demo, library_demo, demo):
        module.load(stdout=io.StringIO())
    workshop = Event.objects.get(slug="training-needs-analysis-workshop")
    assert workshop.is_over and workshop.title_ru and workshop.description_ru
    assert Event.objects.filter(title_en=workshop.title_en).count() == 1  # one past workshop
    visibilities = set(workshop.documents.values_list("visibility", flat=True))
    assert visibilities == {"public", "members", "participants"}
    statuses = set(Registration.objects.filter(event=workshop).values_list("status", flat=True))
    assert statuses == {"attended", "absent"}
    results = selectors.evaluation_results(event=workshop)
    assert (results.answers, results.asked) == (3, 4)
    assert {evaluation.language for evaluation in results.comments} == {"en", "ru"}

    # Its page as an anonymous visitor, a member who did not take part, and a participant (the
    # demo member, who attended), in each language.
    viewers = [
        (None, PUBLIC),
        ("focal@customs.test", PUBLIC + MEMBERS),
        ("member@customs.test", PUBLIC + MEMBERS + PARTICIPANTS),
    ]
    for email, sees in viewers:
        if email:
            client.force_login(User.objects.get(email=email))
        for language, title, column in (("en", workshop.title_en, 0), ("ru", workshop.title_ru, 1)):
            page = client.get(f"/{language}/events/{workshop.slug}/").content.decode()
            assert title in page
            shown = [titles for titles in PUBLIC + MEMBERS + PARTICIPANTS if titles[column] in page]
            assert shown == sees, (email, language)
