"""The needs pages: a focal point sends a request, members read their administration's, the
office reads all; each page in both languages, and its cost in queries on many rows."""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from experts.models import ExpertiseArea
from needs import services
from needs.models import NeedsAttachment, NeedsRequest
from tests.competencies.factories import make_competency
from tests.experts.factories import PDF
from tests.factories import make_user
from tests.needs.factories import advance, make_need, make_need_with_file, make_round
from tests.pages import latin_words

pytestmark = pytest.mark.django_db


def request_form(**overrides) -> dict:
    return {
        "title_en": "Risk profiling for e-commerce parcels",
        "description_en": "Our risk analysts need to profile small parcels.",
        "areas": [ExpertiseArea.objects.get(slug="risk-management").pk],
        "competencies": [make_competency().pk],
        "priority": "high",
        "modality": "workshop",
        "period_from": "2027-03",
        "period_to": "2027-06",
        "period_note": "Before the new code enters into force",
        "officers": "25",
        **overrides,
    }


def test_a_focal_point_sends_a_request_with_attachments(
    client, focal_point, azerbaijan, django_capture_on_commit_callbacks
):
    client.force_login(focal_point)
    files = [
        SimpleUploadedFile("План обучения.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("annex.pdf", PDF, content_type="application/pdf"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("needs:new"), request_form(attachments=files))
    need = NeedsRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == need.get_absolute_url()
    assert need.administration == azerbaijan and need.submitted_by == focal_point
    assert need.status == "submitted"
    assert need.period_from == datetime.date(2027, 3, 1)
    assert need.period_to == datetime.date(2027, 6, 1)
    assert need.competencies.count() == 1 and need.areas.count() == 1
    assert sorted(need.attachments.values_list("name", flat=True)) == [
        "annex.pdf",
        "План обучения.pdf",
    ]
    assert [message.to for message in mail.outbox] == [["office@rocb.test"]]
    page = client.get(need.get_absolute_url()).content.decode()
    assert "Risk profiling for e-commerce parcels" in page and "March 2027" in page
    attachment = need.attachments.get(name="План обучения.pdf")
    download = client.get(attachment.get_absolute_url())
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content) == PDF


def test_the_request_form_refuses_bad_input_with_a_message_and_saves_nothing(client, focal_point):
    client.force_login(focal_point)
    bad = request_form(
        title_en="",
        description_en="",
        period_from="2027-06",
        period_to="2027-01",
        officers="0",
        attachments=[SimpleUploadedFile("cv.pdf", b"not a pdf")],
    )
    html = client.post(reverse("needs:new"), bad).content.decode()
    assert "Give the title in English or in Russian." in html
    assert "Describe the need in English or in Russian." in html
    assert "The period cannot end before it begins." in html
    assert "This file type is not accepted" in html
    assert 'role="alert"' in html
    russian = client.post("/ru/members/needs/new/", bad).content.decode()
    assert "Укажите название на английском или на русском языке." in russian
    assert "Период не может закончиться раньше, чем начнётся." in russian
    assert not NeedsRequest.objects.exists() and not NeedsAttachment.objects.exists()


def test_a_request_typed_in_russian_only_shows_marked_on_english_pages(client, focal_point):
    need = make_need(
        submitted_by=focal_point,
        title_ru="Анализ рисков",
        description_ru="Обучение аналитиков.",
    )
    client.force_login(focal_point)
    english = client.get(need.get_absolute_url()).content.decode()
    assert (
        '<span lang="ru">Анализ рисков</span> <span class="untranslated">(in Russian)</span>'
        in english
    )
    russian = client.get(f"/ru/members/needs/{need.pk}/").content.decode()
    assert "Анализ рисков" in russian and "(in Russian)" not in russian
    listed = client.get("/en/members/needs/").content.decode()
    assert '<span lang="ru">Анализ рисков</span>' in listed


def test_members_see_only_their_administrations_requests(
    client, member, focal_point, other_focal_point
):
    own = make_need(submitted_by=focal_point, title_en="Ours")
    other = make_need(submitted_by=other_focal_point, title_en="Theirs")
    client.force_login(member)
    html = client.get(reverse("needs:list")).content.decode()
    assert "Ours" in html and "Theirs" not in html
    assert client.get(own.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    # A member reads but does not send; the administration filter is for the office.
    assert reverse("needs:new") not in html and 'name="administration"' not in html


def test_staff_see_every_request_and_filter_them(
    staff_client, focal_point, other_focal_point, georgia
):
    az = make_need(submitted_by=focal_point, title_en="Azerbaijan need")
    ge = make_need(submitted_by=other_focal_point, title_en="Georgia need", areas=["integrity"])
    advance(ge, "analysis", by=make_user(is_staff=True))
    html = staff_client.get(reverse("needs:list")).content.decode()
    assert "Azerbaijan need" in html and "Georgia need" in html
    url = reverse("needs:list")
    for query in [
        {"administration": georgia.pk},
        {"status": "analysis"},
        {"area": ExpertiseArea.objects.get(slug="integrity").pk},
    ]:
        html = staff_client.get(url, query).content.decode()
        assert "Georgia need" in html and "Azerbaijan need" not in html, query
    year = timezone.localdate().year
    assert "Georgia need" in staff_client.get(url, {"year": year}).content.decode()
    assert "Georgia need" not in staff_client.get(url, {"year": year - 3}).content.decode()
    # Values that are no choice are ignored, never a server error.
    for query in [{"year": "x"}, {"administration": "99999"}, {"status": "nope"}, {"page": "999"}]:
        assert staff_client.get(url, query).status_code == 200
    assert az.pk


def test_a_duplicate_leaves_the_lists_and_links_to_the_request_it_duplicates(
    client, staff, focal_point
):
    kept = make_need(submitted_by=focal_point, title_en="Kept request")
    duplicate = make_need(submitted_by=focal_point, title_en="Same again")
    services.need_merge(duplicate=duplicate, into=kept, by=staff)
    client.force_login(focal_point)
    html = client.get(reverse("needs:list")).content.decode()
    assert "Kept request" in html and "Same again" not in html
    page = client.get(duplicate.get_absolute_url()).content.decode()
    assert kept.get_absolute_url() in page
    assert duplicate.get_absolute_url() in client.get(kept.get_absolute_url()).content.decode()


def test_internal_notes_are_for_the_office_only(client, staff, member, focal_point):
    need = make_need(submitted_by=focal_point)
    services.need_note_add(need=need, author=staff, text="Ask the WCO about funding XYZZY")
    client.force_login(staff)
    assert "XYZZY" in client.get(need.get_absolute_url()).content.decode()
    for user in (member, focal_point):
        client.force_login(user)
        html = client.get(need.get_absolute_url()).content.decode()
        assert "XYZZY" not in html and "Internal notes" not in html
        # Nor may they write one.
        response = client.post(need.get_absolute_url(), {"note": "1", "text": "Mine"})
        assert response.status_code == 403
    assert need.notes.count() == 1


def test_staff_add_a_note_on_the_page(staff_client, focal_point):
    need = make_need(submitted_by=focal_point)
    response = staff_client.post(need.get_absolute_url(), {"note": "1", "text": "Call them"})
    assert response.status_code == 302
    assert need.notes.get().text == "Call them"
    # The blank form, once shown (and kept as a fragment), never stands in for a refused one.
    assert (
        "This field is required." not in staff_client.get(need.get_absolute_url()).content.decode()
    )
    refused = staff_client.post(need.get_absolute_url(), {"note": "1", "text": " "})
    assert "This field is required." in refused.content.decode()
    assert need.notes.count() == 1


def test_a_focal_point_answers_an_open_round(client, focal_point):
    needs_round = make_round(
        questions_en="Which units need it most?\nWhat was done before?",
        questions_ru="Каким подразделениям это нужнее всего?\nЧто делалось раньше?",
    )
    client.force_login(focal_point)
    listed = client.get(reverse("needs:list")).content.decode()
    assert f"?round={needs_round.pk}" in listed
    form = client.get(reverse("needs:new"), {"round": needs_round.pk}).content.decode()
    assert "Which units need it most?" in form
    russian = client.get("/ru/members/needs/new/", {"round": needs_round.pk}).content.decode()
    assert "Каким подразделениям это нужнее всего?" in russian
    missing = client.post("/en/members/needs/new/", request_form(round=needs_round.pk))
    assert "This field is required." in missing.content.decode()
    assert not NeedsRequest.objects.exists()
    client.post(
        "/en/members/needs/new/",
        request_form(round=needs_round.pk, answer_1="Risk unit", answer_2="Nothing yet"),
    )
    need = NeedsRequest.objects.get()
    assert need.round == needs_round
    assert need.answers == [
        ["Which units need it most?", "Risk unit"],
        ["What was done before?", "Nothing yet"],
    ]
    assert "Nothing yet" in client.get(need.get_absolute_url()).content.decode()


def test_a_closed_round_is_not_answered(client, focal_point):
    closed = make_round(deadline=timezone.localdate() - datetime.timedelta(days=1))
    client.force_login(focal_point)
    client.post(reverse("needs:new"), request_form(round=closed.pk))
    assert NeedsRequest.objects.get().round is None


def test_every_page_is_in_russian(client, focal_point, staff):
    need = make_need_with_file(
        submitted_by=focal_point, title_ru="Оценка таможенной стоимости", description_ru="Текст."
    )
    advance(need, "planned", by=staff)
    services.need_note_add(need=need, author=staff, text="Заметка")
    for user in (focal_point, staff):
        client.force_login(user)
        for url in [
            "/ru/members/",
            "/ru/members/needs/",
            "/ru/members/needs/new/",
            f"/ru/members/needs/{need.pk}/",
        ]:
            response = client.get(url)
            if response.status_code == 403:
                continue  # the office does not send requests
            assert response.status_code == 200, url
            html = response.content.decode()
            # Names of people and files, the framework's competency codes, file formats.
            allowed = {"pdf", "Office", "Staff", "Rashad", "Aliyev", "Word", "DOCX"}
            allowed |= {"MB-", "OP-", "SU-"}
            assert latin_words(html, allowed=allowed) == [], (
                user,
                url,
                latin_words(html, allowed=allowed),
            )


def test_the_members_home_links_the_needs(client, member, focal_point):
    client.force_login(member)
    html = client.get("/ru/members/").content.decode()
    assert 'href="/ru/members/needs/"' in html and "/members/needs/new/" not in html
    client.force_login(focal_point)
    assert 'href="/en/members/needs/new/"' in client.get("/en/members/").content.decode()


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_list_runs_a_fixed_number_of_queries(
    client, focal_point, staff, language, django_assert_max_num_queries
):
    for _ in range(60):
        make_need(submitted_by=focal_point, areas=["risk-management", "integrity"])
    client.force_login(focal_point)
    with django_assert_max_num_queries(6):
        response = client.get(f"/{language}/members/needs/")
    assert response.status_code == 200
    client.force_login(staff)
    with django_assert_max_num_queries(6):
        response = client.get(f"/{language}/members/needs/", {"status": "submitted"})
    assert response.content.decode().count('class="badge status-submitted"') == 25


def test_the_list_is_rendered_once_for_the_readers_of_the_same_requests(
    client, member, focal_point, other_focal_point, staff, django_assert_max_num_queries
):
    """The list is a cached fragment: an administration's own for its members (with the focal
    point's links for focal points only), never shown to another's, every administration's for
    staff, fresh after a change; a second visit reads the user only, and a wrong filter still
    titles the page with its error."""
    needs_round = make_round()
    need = make_need(submitted_by=focal_point, title_en="Ours")
    url = reverse("needs:list")
    client.force_login(focal_point)
    assert f"?round={needs_round.pk}" in client.get(url).content.decode()
    client.force_login(member)
    assert "Ours" in client.get(url).content.decode()
    with django_assert_max_num_queries(1):
        html = client.get(url).content.decode()
    assert "Ours" in html and reverse("needs:new") not in html and "?round=" not in html
    client.force_login(other_focal_point)
    html = client.get(url).content.decode()
    assert "Ours" not in html and f"?round={needs_round.pk}" in html
    client.force_login(staff)
    assert 'name="administration"' in client.get(url).content.decode()
    advance(need, "analysis", by=staff)
    client.force_login(member)
    assert 'class="badge status-analysis"' in client.get(url).content.decode()
    for _ in range(2):
        html = client.get(url, {"status": "nope"}).content.decode()
        assert "<title>Error: " in html and "Select a valid choice." in html


@pytest.mark.parametrize("language", ["en", "ru"])
def test_the_request_page_runs_a_fixed_number_of_queries(
    client, focal_point, staff, language, django_assert_max_num_queries
):
    need = make_need(
        submitted_by=focal_point,
        areas=[area.slug for area in ExpertiseArea.objects.all()],
        attachments=[SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(5)],
    )
    need.competencies.set([make_competency(descriptors=False) for _ in range(20)])
    for n in range(10):
        services.need_note_add(need=need, author=staff, text=f"Note {n}")
    for _ in range(10):
        services.need_merge(duplicate=make_need(submitted_by=focal_point), into=need, by=staff)
    advance(need, "planned", by=staff)
    for user, budget in [(focal_point, 8), (staff, 11)]:
        client.force_login(user)
        with django_assert_max_num_queries(budget):
            response = client.get(f"/{language}/members/needs/{need.pk}/")
        assert response.status_code == 200
