"""Meeting documents: each kind of viewer sees on the event's page the documents meant for them,
the cached page holds the public ones only, and every download checks who asks."""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from library.models import Document
from outreach.models import MeetingDocument, Registration
from tests.factories import make_user
from tests.outreach.factories import (
    make_event,
    make_meeting_document,
    make_registration,
    make_registration_settings,
)

pytestmark = pytest.mark.django_db

Visibility = MeetingDocument.Visibility
Kind = MeetingDocument.Kind


@pytest.fixture
def meeting():
    """A past workshop whose agenda is public, a presentation for members and another, and the
    report, for its participants; `participant@customs.az` took part."""
    today = timezone.localdate()
    registration_settings = make_registration_settings(
        event=make_event(
            title_en="Workshop",
            starts_on=today - datetime.timedelta(days=5),
            ends_on=today - datetime.timedelta(days=4),
        ),
        opens_at=timezone.now() - datetime.timedelta(days=30),
        closes_at=timezone.now() - datetime.timedelta(days=10),
    )
    event = registration_settings.event
    documents = {
        "public": make_meeting_document(
            event, title_en="Public agenda", kind=Kind.AGENDA, visibility=Visibility.PUBLIC
        ),
        "members": make_meeting_document(
            event, title_en="Members presentation", visibility=Visibility.MEMBERS
        ),
        "participants": make_meeting_document(
            event, title_en="Participants report", kind=Kind.REPORT
        ),
    }
    return registration_settings, documents


TITLES = {
    "public": "Public agenda",
    "members": "Members presentation",
    "participants": "Participants report",
}


def viewer(name, registration_settings, azerbaijan, request):
    """The user of each kind (None: an anonymous visitor)."""
    if name == "anonymous":
        return None
    if name in ("participant", "participant_by_address", "waiting"):
        user = make_user(email=f"{name.replace('_', '-')}@customs.az", administration=azerbaijan)
        make_registration(
            registration_settings,
            # By account, or by address only (nominated before the account existed).
            user=user if name != "participant_by_address" else None,
            email=user.email.upper() if name == "participant_by_address" else user.email,
            status=Registration.Status.WAITING
            if name == "waiting"
            else Registration.Status.CONFIRMED,
        )
        return user
    if name == "librarian":
        librarian = make_user(email="librarian@rocb.test", is_staff=True)
        librarian.user_permissions.add(
            Permission.objects.get(content_type__app_label="library", codename="view_document")
        )
        return librarian
    return request.getfixturevalue(name)


@pytest.mark.parametrize(
    ("name", "sees"),
    [
        ("anonymous", {"public"}),
        ("member", {"public", "members"}),
        ("waiting", {"public", "members"}),
        ("clerk", {"public", "members"}),
        ("participant", {"public", "members", "participants"}),
        ("participant_by_address", {"public", "members", "participants"}),
        ("librarian", {"public", "members", "participants"}),
    ],
)
def test_each_viewer_sees_the_documents_meant_for_them(
    client, meeting, azerbaijan, request, name, sees
):
    registration_settings, _documents = meeting
    user = viewer(name, registration_settings, azerbaijan, request)
    if user is not None:
        client.force_login(user)
    html = client.get(registration_settings.event.get_absolute_url()).content.decode()
    shown = {key for key, title in TITLES.items() if title in html}
    assert shown == sees
    # Public files from the public address, the others from the members' one only.
    assert html.count(f"/en/events/{registration_settings.event.slug}/documents/") == 2
    members_links = html.count(f"/en/members/events/{registration_settings.event.slug}/documents/")
    assert members_links == 2 * (len(sees) - 1)


@pytest.fixture
def clerk(db):
    """Office staff without any permission."""
    return make_user(email="clerk@rocb.test", is_staff=True)


def test_the_russian_page_groups_the_documents_by_kind(client, meeting, member):
    client.force_login(member)
    registration_settings, _documents = meeting
    html = client.get(
        f"/ru/events/{registration_settings.event.slug}/", HTTP_ACCEPT_LANGUAGE="ru"
    ).content.decode()
    section = re.search(r'<section class="meeting-documents".*?</section>', html, re.S).group(0)
    headings = re.findall(r"<h3>([^<]+)</h3>", section)
    assert headings == ["Повестка дня", "Презентации"]
    assert "Только для членов" in html and "Документы мероприятия" in html
    # The Russian version is offered first on a Russian page.
    assert section.index('hreflang="ru"') < section.index('hreflang="en"')


def test_the_cached_page_holds_the_public_documents_only(
    client, meeting, member, django_assert_num_queries
):
    registration_settings, _documents = meeting
    url = registration_settings.event.get_absolute_url()
    client.force_login(member)
    personal = client.get(url)
    assert TITLES["members"] in personal.content.decode()
    assert "no-store" in personal["Cache-Control"] and "private" in personal["Cache-Control"]
    visitor = Client()
    assert TITLES["members"] not in visitor.get(url).content.decode()
    with django_assert_num_queries(0):  # the anonymous page, from the cache
        cached = visitor.get(url).content.decode()
    assert TITLES["public"] in cached and TITLES["members"] not in cached
    # A document attached later shows at once.
    make_meeting_document(
        registration_settings.event, title_en="Late report", visibility=Visibility.PUBLIC
    )
    assert "Late report" in visitor.get(url).content.decode()


def test_the_page_reads_the_documents_in_fixed_queries(
    client, meeting, member, django_assert_max_num_queries
):
    registration_settings, documents = meeting
    event = registration_settings.event
    for n in range(30):
        MeetingDocument.objects.create(
            event=event,
            document=make_bare_document(n),
            kind=Kind.PRESENTATION,
            visibility=[Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PARTICIPANTS][n % 3],
        )
    make_registration(registration_settings, user=member, email=member.email)
    client.force_login(member)
    # session and user, the event, its documents, their files, whether the user took part
    with django_assert_max_num_queries(6):
        html = client.get(event.get_absolute_url()).content.decode()
    assert html.count("Bare paper") == 30


def make_bare_document(n: int) -> Document:
    """A library document with no file (the page then says so), cheap to make in numbers."""
    category = Document.objects.first().category
    return Document.objects.create(title_en=f"Bare paper {n}", category=category)


def download(client, document, *, members: bool, slug=None, language="en"):
    name = "outreach:meeting_material" if members else "outreach:meeting_document"
    url = reverse(name, args=[slug or document.event.slug, document.pk, language])
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def test_every_download_checks_who_asks(client, meeting, member, outsider, azerbaijan):
    registration_settings, documents = meeting
    public, members, participants = (documents[k] for k in ("public", "members", "participants"))
    # Anyone downloads a public document, in either language, under its uploaded name.
    response = download(client, public, members=False, language="ru")
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    assert "no-store" in response["Cache-Control"]
    # The public address serves nothing else, whoever asks; the members' one asks for a login.
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert download(client, members, members=False).status_code == 404
    assert download(client, participants, members=False).status_code == 404
    client.logout()
    assert download(client, participants, members=True).status_code == 302
    # Members' documents: members; participants' documents: participants.
    client.force_login(outsider)
    assert download(client, members, members=True).status_code == 404
    client.force_login(member)
    assert download(client, members, members=True).status_code == 200
    assert download(client, participants, members=True).status_code == 404
    make_registration(registration_settings, user=member, email=member.email)
    assert download(client, participants, members=True).status_code == 200
    # A document asked for under another event, or a language it lacks: none.
    other = make_event()
    assert download(client, participants, members=True, slug=other.slug).status_code == 404
    assert download(client, participants, members=True, language="de").status_code == 404
    # A withdrawn participant no longer takes part.
    Registration.objects.filter(user=member).update(status=Registration.Status.WITHDRAWN)
    assert download(client, participants, members=True).status_code == 404


def test_a_draft_events_documents_are_not_served(client, meeting):
    registration_settings, documents = meeting
    event = registration_settings.event
    event.status = "draft"
    event.save()
    assert download(client, documents["public"], members=False).status_code == 404
