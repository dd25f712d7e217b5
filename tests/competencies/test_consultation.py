"""The members' consultation on the draft framework: rounds, comments, administrations'
positions, the office's answers, and the mail that opens and closes a round."""

import datetime
import importlib

import pytest
from crontask import scheduler
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from competencies import services
from competencies.models import ConsultationComment, ConsultationResponse, Status
from competencies.tasks import remind_consultation_closing
from competencies.views import consultation as consultation_views
from tests.competencies.factories import (
    level,
    make_comment,
    make_competency,
    make_consultation_round,
    make_position,
)
from tests.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _site(settings):
    settings.SITE_URL = "https://portal.test"


@pytest.fixture
def round():
    position = make_position(
        slug="draft-officer",
        title_en="Draft officer",
        title_ru="Проектный специалист",
        status=Status.DRAFT,
    )
    competency = make_competency(
        code="DR-01", name_en="Draft skill", name_ru="Проектный навык", status=Status.DRAFT
    )
    return make_consultation_round(positions=[position], competencies=[competency])


def position_url(round, lang="en"):
    url = reverse("competencies:consultation_position", args=[round.pk, "draft-officer"])
    return url.replace("/en/", f"/{lang}/", 1)


def competency_url(round):
    return reverse("competencies:consultation_competency", args=[round.pk, "DR-01"])


def test_opening_a_round_in_the_admin_puts_its_drafts_into_consultation_and_mails_members(
    staff_client, member, other_focal_point, outsider, django_capture_on_commit_callbacks
):
    make_user(email="old@customs.az", administration=member.administration, is_active=False)
    other_focal_point.language = "ru"
    other_focal_point.save()
    position = make_position(status=Status.DRAFT)
    today = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("admin:competencies_consultationround_add"),
            {
                "title_en": "Draft framework 2026",
                "title_ru": "Проект рамки 2026",
                "opens_on": today.isoformat(),
                "deadline": (today + datetime.timedelta(days=20)).isoformat(),
                "positions": [position.pk],
                "responses-TOTAL_FORMS": 0,
                "responses-INITIAL_FORMS": 0,
            },
        )
    assert response.status_code == 302, response.content.decode()[:3000]
    position.refresh_from_db()
    assert position.status == Status.CONSULTATION
    by_address = {message.to[0]: message for message in mail.outbox}
    # Every active member, none else, each in their language.
    assert set(by_address) == {member.email, other_focal_point.email}
    assert "Draft framework 2026" in by_address[member.email].subject
    assert "/en/members/competencies/consultation/" in by_address[member.email].body
    russian = by_address[other_focal_point.email]
    assert "Проект рамки 2026" in russian.subject and "Консультация" in russian.subject
    assert "https://portal.test/ru/members/competencies/consultation/" in russian.body


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_members_read_the_draft_in_their_language(member_client, round, lang):
    html = member_client.get(position_url(round, lang)).content.decode()
    assert {"en": "Draft officer", "ru": "Проектный специалист"}[lang] in html
    round_page = member_client.get(round.get_absolute_url().replace("/en/", f"/{lang}/")).content
    assert {"en": "Draft skill", "ru": "Проектный навык"}[lang] in round_page.decode()


def test_a_comment_is_plain_text_named_by_its_administration(member_client, member, round):
    response = member_client.post(
        position_url(round), {"text": "<script>alert(1)</script> Add a duty."}
    )
    assert response.status_code == 302
    comment = ConsultationComment.objects.get()
    assert (comment.administration, comment.author, comment.position.slug) == (
        member.administration,
        member,
        "draft-officer",
    )
    html = member_client.get(position_url(round)).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Add a duty." in html
    assert "<script>alert(1)" not in html
    assert str(member.administration) in html


def test_a_comment_on_a_proficiency_level_shows_under_that_level(member_client, round):
    response = member_client.post(
        competency_url(round), {"level": level(3).pk, "text": "Level 3 asks too much."}
    )
    assert response.status_code == 302
    assert ConsultationComment.objects.get().level == level(3)
    html = member_client.get(competency_url(round)).content.decode()
    section = html[html.index('id="level-3"') : html.index('id="level-4"')]
    assert "Level 3 asks too much." in section


def test_a_too_long_comment_is_refused_and_nothing_saved(member_client, round):
    response = member_client.post(position_url(round), {"text": "x" * 4001})
    assert response.status_code == 200
    assert "at most 4000 characters" in response.content.decode()
    assert not ConsultationComment.objects.exists()


def test_comments_are_throttled(member_client, round, monkeypatch):
    monkeypatch.setattr(consultation_views, "COMMENTS_PER_MEMBER", (2, 3600))
    for n in range(2):
        assert member_client.post(position_url(round), {"text": f"Note {n}"}).status_code == 302
    response = member_client.post(position_url(round), {"text": "One more"})
    assert response.status_code == 429
    assert "try again in an hour" in response.content.decode()
    assert ConsultationComment.objects.count() == 2


def test_a_closed_round_refuses_comments_edits_and_positions(client, member, focal_point, round):
    comment = make_comment(round=round, author=member, position=round.positions.get())
    round.deadline = timezone.localdate() - datetime.timedelta(days=1)
    round.opens_on = round.deadline - datetime.timedelta(days=5)
    round.save()
    client.force_login(member)
    response = client.post(position_url(round), {"text": "Late"})
    assert response.status_code == 409
    assert "it no longer accepts comments" in response.content.decode()
    edit = reverse("competencies:consultation_comment_edit", args=[comment.pk])
    assert client.post(edit, {"text": "Changed late"}).status_code == 409
    client.force_login(focal_point)
    response = client.post(
        reverse("competencies:consultation_response", args=[round.pk]), {"stance": "agree"}
    )
    assert response.status_code == 409
    comment.refresh_from_db()
    assert comment.text == "A comment." and ConsultationComment.objects.count() == 1
    assert not ConsultationResponse.objects.exists()
    assert "This round is closed" in client.get(position_url(round)).content.decode()


def test_only_the_authors_administration_changes_a_comment(
    client, member, focal_point, other_focal_point, round
):
    comment = make_comment(round=round, author=member, position=round.positions.get())
    edit = reverse("competencies:consultation_comment_edit", args=[comment.pk])
    client.force_login(other_focal_point)
    assert client.post(edit, {"text": "Hijacked"}).status_code == 403
    client.force_login(focal_point)  # the author's own focal point may
    assert client.post(edit, {"text": "Clarified by the focal point"}).status_code == 302
    comment.refresh_from_db()
    assert comment.text == "Clarified by the focal point"


def test_a_focal_point_gives_the_administrations_position(client, focal_point, member, round):
    url = reverse("competencies:consultation_response", args=[round.pk])
    client.force_login(focal_point)
    refused = client.post(url, {"stance": "disagree", "text": ""})
    assert refused.status_code == 200
    assert "why it disagrees" in refused.content.decode()
    assert not ConsultationResponse.objects.exists()
    assert client.post(url, {"stance": "changes", "text": "Add level 5."}).status_code == 302
    assert client.post(url, {"stance": "agree", "text": ""}).status_code == 302
    response = ConsultationResponse.objects.get()  # one per administration, changed in place
    assert (response.administration, response.stance) == (focal_point.administration, "agree")
    client.force_login(member)
    assert client.get(url).status_code == 403
    assert "Agree" in client.get(round.get_absolute_url()).content.decode()


def test_staff_answer_comments_by_item_and_administration_in_the_admin(
    staff_client, staff, member, other_focal_point, round
):
    position, competency = round.positions.get(), round.competencies.get()
    first = make_comment(round=round, author=other_focal_point, competency=competency)
    make_comment(round=round, author=member, position=position)
    make_comment(round=round, author=member, competency=competency)
    changelist = staff_client.get(
        reverse("admin:competencies_consultationcomment_changelist"), {"round__id__exact": round.pk}
    )
    shown = [(c.item.pk, c.administration.code) for c in changelist.context["cl"].result_list]
    assert shown == [(position.pk, "AZ"), (competency.pk, "AZ"), (competency.pk, "GE")]
    url = reverse("admin:competencies_consultationcomment_change", args=[first.pk])
    form = staff_client.get(url).context["adminform"].form
    data = {**form.initial, "reply_en": "Thank you: changed.", "reply_ru": "", "resolved": "on"}
    data = {key: value for key, value in data.items() if value is not None}
    assert staff_client.post(url, data).status_code == 302
    first.refresh_from_db()
    assert (first.resolved, first.replied_by) == (True, staff)
    html = staff_client.get(competency_url(round)).content.decode()
    assert "Thank you: changed." in html and "Resolved" in html


def test_members_are_reminded_once_a_few_days_before_a_round_closes(member, round):
    importlib.import_module("competencies.tasks")
    assert "remind_consultation_closing" in {job.name for job in scheduler.get_jobs()}
    assert remind_consultation_closing.enqueue().return_value == 0  # ten days left
    round.deadline = timezone.localdate() + datetime.timedelta(days=2)
    round.save()
    assert remind_consultation_closing.enqueue().return_value == 1
    assert remind_consultation_closing.enqueue().return_value == 0  # once a round
    (message,) = mail.outbox
    assert message.to == [member.email] and "closes on" in message.subject


def test_the_pages_run_a_fixed_number_of_queries(
    member_client, member, round, django_assert_max_num_queries
):
    positions = [make_position(status=Status.DRAFT) for _ in range(8)]
    competency = round.competencies.get()
    round.positions.add(*positions)
    levels = [level(number) for number in range(1, 5)]
    common = {"round": round, "author": member, "administration": member.administration}
    ConsultationComment.objects.bulk_create(
        [
            *(
                ConsultationComment(competency=competency, level=levels[n % 4], text="x", **common)
                for n in range(24)
            ),
            *(
                ConsultationComment(position=positions[n % 8], text="y", **common)
                for n in range(24)
            ),
        ]
    )
    for url, budget in [
        (reverse("competencies:consultation"), 6),
        (round.get_absolute_url(), 9),
        (competency_url(round), 10),
        (reverse("competencies:consultation_position", args=[round.pk, positions[0].slug]), 10),
    ]:
        with django_assert_max_num_queries(budget):
            assert member_client.get(url).status_code == 200, url


def test_the_service_refuses_what_the_pages_do_not_offer(member, staff, round, outsider):
    position = round.positions.get()
    with pytest.raises(PermissionDenied):
        services.consultation_comment_add(round=round, author=outsider, text="x", position=position)
    other = make_position()
    with pytest.raises(ValidationError, match="not part of the consultation"):
        services.consultation_comment_add(round=round, author=member, text="x", position=other)
