"""Hostile and malformed form posts (property-based, with hypothesis): the portal never answers
500, a refused post says why, and a post either saves everything it stands for or nothing.

Each form starts from a post that would succeed; hypothesis replaces, adds or drops fields with
hostile values (very long and control-character text, SQL and markup, numbers out of range,
lists where one value is expected). Query strings of every page are fuzzed in
tests/test_query_fuzz.py (the site search's `q` among them).
"""

import datetime
import io
import zipfile
from urllib.parse import quote

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from competencies.models import (
    ConsultationComment,
    ConsultationResponse,
    ProfileAssessment,
    QualificationLevel,
    SelfAssessment,
    SelfRating,
    StatementRating,
)
from competencies.selectors import profile_statements
from contacts.models import ContactPoint
from core.concurrency import FIELD, row_fingerprint
from experts.models import (
    Expert,
    ExpertiseArea,
    ExpertLanguage,
    Nomination,
    NominationCompetency,
    NominationLanguage,
)
from experts.tokens import record_token
from needs.models import Mission, MissionEvaluation, NeedsAttachment, NeedsNote, NeedsRequest
from needs.tokens import evaluation_token
from outreach.models import EventEvaluation, Registration
from outreach.tokens import evaluation_token as event_evaluation_token
from tests.competencies.factories import (
    level,
    make_competency,
    make_consultation_round,
    make_position,
)
from tests.contacts.builders import make_contact
from tests.experts.factories import PDF, make_expert, make_nomination
from tests.factories import PASSWORD, make_user
from tests.needs.factories import make_need, make_round
from tests.outreach.factories import make_event, make_registration, make_registration_settings
from tests.test_query_fuzz import values

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
DROPPED = object()


def changes(field_names):
    """Some of the form's fields (and some it does not have) replaced by hostile values, or
    dropped."""
    return st.dictionaries(
        st.one_of(st.sampled_from(field_names), st.text(min_size=1, max_size=12)),
        st.one_of(values, st.lists(values, min_size=2, max_size=3), st.just(DROPPED)),
        min_size=1,
        max_size=4,
    )


def apply(data: dict, fuzzed: dict) -> dict:
    data = dict(data)
    for key, value in fuzzed.items():
        if value is DROPPED:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def assert_answered(response, *, saved: bool):
    """Never a 500; a form shown again says what is wrong."""
    assert response.status_code < 500
    if response.status_code == 200 and not saved:
        html = response.content.decode()
        assert 'class="errorlist' in html or 'role="alert"' in html, html[:2000]


# Accounts --------------------------------------------------------------------------------------


@FUZZ
@given(fuzzed=changes(["username", "password", "next"]))
@example(fuzzed={"username": "Ж" * 2000})  # longer than axes keeps: was a server error
def test_login(client, member, fuzzed):
    data = apply({"username": member.email, "password": "wrong"}, fuzzed)
    response = client.post("/en/accounts/login/", data)
    logged_in = "_auth_user_id" in client.session
    assert_answered(response, saved=logged_in)
    if logged_in:
        assert (data.get("username"), data.get("password")) == (member.email, PASSWORD)
        client.logout()


@FUZZ
@given(fuzzed=changes(["email"]))
def test_password_reset(client, member, fuzzed):
    sent = len(mail.outbox)
    data = apply({"email": "nobody@example.org"}, fuzzed)
    response = client.post("/en/accounts/password-reset/", data)
    assert_answered(response, saved=response.status_code == 302)
    # Mail goes only to the address of an account, whatever was typed.
    assert all(message.to == [member.email] for message in mail.outbox[sent:])


# Experts ---------------------------------------------------------------------------------------

EXPERT_FIELDS = [
    "given_names_en",
    "family_name_en",
    "given_names_ru",
    "family_name_ru",
    "position_en",
    "position_ru",
    "email",
    "phone",
    "areas",
    "experience_en",
    "experience_ru",
    "accreditation",
    "consent",
    "cv",
    "administration",
    "languages-TOTAL_FORMS",
    "languages-INITIAL_FORMS",
    "languages-0-language",
    "languages-0-level",
    "languages-1-language",
    "languages-1-level",
]


def expert_form(**overrides) -> dict:
    areas = ExpertiseArea.objects.filter(slug="risk-management")
    return {
        "given_names_en": "Aygun",
        "family_name_en": "Huseynova",
        "position_en": "Risk analyst",
        "email": "aygun@customs.az",
        "areas": [area.pk for area in areas],
        "accreditation": "none",
        "consent": "on",
        "cv": SimpleUploadedFile("cv.pdf", PDF),
        "languages-TOTAL_FORMS": "2",
        "languages-INITIAL_FORMS": "0",
        "languages-MIN_NUM_FORMS": "0",
        "languages-MAX_NUM_FORMS": "20",
        "languages-0-language": "en",
        "languages-0-level": "3",
        **overrides,
    }


def nominations():
    return Nomination.objects.count(), NominationLanguage.objects.count()


@FUZZ
@given(fuzzed=changes(EXPERT_FIELDS))
def test_nomination(client, focal_point, fuzzed):
    client.force_login(focal_point)
    before = nominations()
    response = client.post("/en/members/experts/nominate/", apply(expert_form(), fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        nomination = Nomination.objects.latest("pk")
        assert nomination.administration_id == focal_point.administration_id
        assert nomination.languages.exists() and nomination.areas.exists() and nomination.cv
        assert nominations()[0] == before[0] + 1
    else:
        assert nominations() == before


NOMINATION_COMPETENCY_FIELDS = [
    "competencies-TOTAL_FORMS",
    "competencies-INITIAL_FORMS",
    "competencies-0-competency",
    "competencies-0-level",
    "competencies-1-competency",
    "competencies-1-level",
]


@settings(FUZZ, max_examples=6)  # the rows only: the rest of the form is fuzzed above
@given(fuzzed=changes(NOMINATION_COMPETENCY_FIELDS))
def test_nomination_with_competencies(client, focal_point, fuzzed):
    """The nomination's competency rows: saved with the nomination, or nothing at all."""
    competency = make_competency(descriptors=False)
    client.force_login(focal_point)
    before = nominations(), NominationCompetency.objects.count()
    data = expert_form(
        **{
            "competencies-TOTAL_FORMS": "2",
            "competencies-INITIAL_FORMS": "0",
            "competencies-0-competency": str(competency.pk),
            "competencies-0-level": str(level(3).pk),
        }
    )
    response = client.post("/en/members/experts/nominate/", apply(data, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        nomination = Nomination.objects.latest("pk")
        assert set(nomination.competencies.values_list("competency__status", flat=True)) <= {
            "endorsed"
        }
    else:
        assert (nominations(), NominationCompetency.objects.count()) == before


@FUZZ
@given(fuzzed=changes(EXPERT_FIELDS))
def test_expert_update(client, focal_point, azerbaijan, fuzzed):
    expert = Expert.objects.first() or make_expert(administration=azerbaijan)
    client.force_login(focal_point)
    before = (
        row_fingerprint(Expert, expert.pk),
        sorted(ExpertLanguage.objects.filter(expert=expert).values_list("language", "level")),
    )
    data = expert_form(email=expert.email, **{FIELD: before[0]})
    data.pop("cv")
    response = client.post(f"/en/members/experts/{expert.pk}/update/", apply(data, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    after = (
        row_fingerprint(Expert, expert.pk),
        sorted(ExpertLanguage.objects.filter(expert=expert).values_list("language", "level")),
    )
    if saved:
        assert after[1]  # languages were replaced, never emptied
    else:
        assert after == before


@settings(FUZZ, max_examples=6)
@given(fuzzed=changes([*EXPERT_FIELDS, "cv_kept", "status", "corrected_at"]))
def test_nomination_correction(client, focal_point, fuzzed):
    nomination = Nomination.objects.filter(status="pending").first()
    nomination = nomination or make_nomination(nominated_by=focal_point)
    client.force_login(focal_point)
    before = row_fingerprint(Nomination, nomination.pk)
    data = expert_form(email=nomination.email, **{FIELD: before})
    data.pop("cv")
    data.pop("consent")
    url = f"/en/members/experts/nominations/{nomination.pk}/correct/"
    response = client.post(url, apply(data, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    nomination.refresh_from_db()
    assert nomination.is_pending and nomination.administration_id == focal_point.administration_id
    if not saved:
        assert row_fingerprint(Nomination, nomination.pk) == before


RECORD_FIELDS = ["action", "availability", "language", "consent", "confirm"]


@FUZZ
@given(fuzzed=changes(RECORD_FIELDS))
@example(fuzzed={"action": "withdraw"})
@example(fuzzed={"availability": "busy"})
def test_expert_own_record(client, azerbaijan, fuzzed):
    expert = Expert.objects.listed().first() or make_expert(
        administration=azerbaijan, confirmed_on="2020-01-01"
    )
    before = row_fingerprint(Expert, expert.pk)
    data = apply({"action": "confirm", "availability": "limited", "language": "ru"}, fuzzed)
    response = client.post(f"/en/experts/record/{record_token(expert)}/", data)
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    expert.refresh_from_db()
    if not saved:
        assert row_fingerprint(Expert, expert.pk) == before
    elif expert.is_listed:
        assert expert.confirmed_on == timezone.localdate()
        assert (data["availability"], data["language"]) == (expert.availability, expert.language)
    else:
        assert data["action"] == "withdraw" and data["confirm"]


# Contact points -------------------------------------------------------------------------------

CONTACT_FIELDS = [
    "role",
    "name_en",
    "name_ru",
    "title_en",
    "title_ru",
    "email",
    "phone",
    "languages",
    "administration",
    FIELD,
]
CONTACT = {
    "role": "learning",
    "name_en": "Rashad Aliyev",
    "title_en": "Director",
    "email": "rashad@customs.az",
    "phone": "+994124040000",
    "languages": ["az", "ru"],
}


def contacts():
    return sorted(map(repr, ContactPoint.objects.values_list()))


@FUZZ
@given(fuzzed=changes(CONTACT_FIELDS))
@example(fuzzed={FIELD: "\x00"})  # was refused with no message shown
def test_contact_point_add(client, focal_point, azerbaijan, fuzzed):
    client.force_login(focal_point)
    before = ContactPoint.objects.count()
    response = client.post("/en/members/contacts/az/add/", apply(CONTACT, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    assert ContactPoint.objects.count() == before + saved
    assert not ContactPoint.objects.exclude(administration=azerbaijan).exists()


@FUZZ
@given(fuzzed=changes(CONTACT_FIELDS))
@example(fuzzed={FIELD: "\x00"})
def test_contact_point_edit(client, focal_point, azerbaijan, fuzzed):
    contact = ContactPoint.objects.first() or make_contact(azerbaijan)
    client.force_login(focal_point)
    before = contacts()
    data = {**CONTACT, FIELD: row_fingerprint(ContactPoint, contact.pk)}
    response = client.post(f"/en/members/contacts/az/{contact.pk}/edit/", apply(data, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if not saved:
        assert contacts() == before
    assert ContactPoint.objects.get(pk=contact.pk).administration == azerbaijan


# Needs requests ------------------------------------------------------------------------------

NEED_FIELDS = [
    "title_en",
    "title_ru",
    "description_en",
    "description_ru",
    "areas",
    "competencies",
    "priority",
    "modality",
    "period_from",
    "period_to",
    "period_note",
    "officers",
    "attachments",
    "round",
    "answer_1",
    "administration",
]


def need_form(**overrides) -> dict:
    return {
        "title_en": "Risk profiling",
        "description_ru": "Обучение аналитиков.",
        "areas": [ExpertiseArea.objects.get(slug="risk-management").pk],
        "priority": "high",
        "modality": "workshop",
        "period_from": "2027-03",
        "period_to": "2027-05",
        "officers": "12",
        "attachments": SimpleUploadedFile("plan.pdf", PDF),
        **overrides,
    }


def needs_rows():
    return sorted(map(repr, NeedsRequest.objects.values_list())), NeedsAttachment.objects.count()


@FUZZ
@given(fuzzed=changes(NEED_FIELDS))
@example(fuzzed={"period_from": "2027-13"})
@example(fuzzed={"officers": "99999999999999999999"})
@example(fuzzed={"round": "99999999999999999999"})
def test_need_request(client, focal_point, fuzzed):
    needs_round = make_round(questions_en="Which units?")
    client.force_login(focal_point)
    before = needs_rows()
    data = apply(need_form(round=needs_round.pk, answer_1="Risk unit"), fuzzed)
    response = client.post("/en/members/needs/new/", data)
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        need = NeedsRequest.objects.latest("pk")
        assert need.administration_id == focal_point.administration_id
        assert need.areas.exists() and (need.title_en or need.title_ru)
        assert len(needs_rows()[0]) == len(before[0]) + 1
    else:
        assert needs_rows() == before


STEP_FIELDS = [
    "to_status",
    "forwarded_on",
    "proposal_en",
    "proposal_ru",
    "activity",
    "decline_reason_en",
    "decline_reason_ru",
    FIELD,
    "note",
    "text",
]


@FUZZ
@given(fuzzed=changes(STEP_FIELDS))
@example(fuzzed={"to_status": "delivered"})
@example(fuzzed={FIELD: "\x00"})
def test_need_step_and_note(client, staff, azerbaijan, fuzzed):
    need = NeedsRequest.objects.first() or make_need(
        submitted_by=make_user(administration=azerbaijan, is_focal_point=True)
    )
    client.force_login(staff)
    before = row_fingerprint(NeedsRequest, need.pk), NeedsNote.objects.count()
    data = {
        "transition": "1",
        "to_status": "declined",
        "decline_reason_en": "Out of scope",
        FIELD: before[0],
    }
    response = client.post(f"/en/members/needs/{need.pk}/", apply(data, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    after = row_fingerprint(NeedsRequest, need.pk), NeedsNote.objects.count()
    if not saved:
        assert after == before
    else:
        assert after != before
        need.refresh_from_db()
        assert need.status in ("analysis", "declined") or NeedsNote.objects.exists()


# Missions and their evaluations ----------------------------------------------------------------


def a_mission(azerbaijan, georgia) -> Mission:
    """A mission of a Georgian expert to Azerbaijan that has ended (one for the whole run)."""
    mission = Mission.objects.first()
    if mission is None:
        need = make_need(submitted_by=make_user(administration=azerbaijan, is_focal_point=True))
        expert = make_expert(administration=georgia)
        mission = Mission.objects.create(
            need=need,
            expert=expert,
            administration=azerbaijan,
            provider=georgia,
            start_date=datetime.date(2026, 3, 2),
            end_date=datetime.date(2026, 3, 6),
        )
    return mission


# Two short forms: fewer examples keep the suite within its time.
FUZZ_SHORT_FORM = settings(FUZZ, max_examples=12)
MISSION_FIELDS = ["start_date", "end_date", "report", "expert", "administration", "need"]


@FUZZ_SHORT_FORM
@given(fuzzed=changes(MISSION_FIELDS))
@example(fuzzed={"start_date": "2026-02-30"})
@example(fuzzed={"end_date": "2026-01-01"})
def test_mission(client, staff, azerbaijan, georgia, fuzzed):
    need = NeedsRequest.objects.first() or make_need(
        submitted_by=make_user(administration=azerbaijan, is_focal_point=True)
    )
    expert = Expert.objects.filter(administration=georgia).first() or make_expert(
        administration=georgia
    )
    client.force_login(staff)
    before = sorted(map(repr, Mission.objects.values_list()))
    data = {
        "start_date": "2026-03-02",
        "end_date": "2026-03-06",
        "report": SimpleUploadedFile("report.pdf", PDF),
    }
    response = client.post(
        f"/en/members/needs/{need.pk}/missions/new/?expert={expert.pk}", apply(data, fuzzed)
    )
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    after = sorted(map(repr, Mission.objects.values_list()))
    if saved:
        mission = Mission.objects.latest("pk")
        assert (mission.need, mission.expert, mission.administration) == (
            need,
            expert,
            need.administration,
        )
        assert len(after) == len(before) + 1
    else:
        assert after == before


EVALUATION_FIELDS = ["preparation", "relevance", "results", "comment", "administration"]


@FUZZ_SHORT_FORM
@given(fuzzed=changes(EVALUATION_FIELDS))
@example(fuzzed={"preparation": "0"})
@example(fuzzed={"results": "99999999999999999999"})
@example(fuzzed={"comment": "x" * 5000})
def test_mission_evaluation(client, azerbaijan, georgia, fuzzed):
    mission = a_mission(azerbaijan, georgia)
    MissionEvaluation.objects.all().delete()  # each example answers afresh
    token = evaluation_token(mission=mission, respondent="expert")
    data = {"preparation": "4", "relevance": "5", "results": "3", "comment": "Useful."}
    response = client.post(f"/en/needs/missions/evaluate/{token}/", apply(data, fuzzed))
    saved = MissionEvaluation.objects.exists()
    assert_answered(response, saved=saved)
    if saved:
        assert response.status_code == 200
        evaluation = MissionEvaluation.objects.get()
        assert evaluation.mission == mission and evaluation.respondent == "expert"
        assert all(
            1 <= score <= 5
            for score in (evaluation.preparation, evaluation.relevance, evaluation.results)
        )
    else:
        assert response.status_code in (200, 403)


# Self-assessment ------------------------------------------------------------------------------


@pytest.fixture
def position(db):
    competencies = [make_competency() for _ in range(3)]
    return make_position(requires=dict.fromkeys(competencies, 2))


@FUZZ
@given(data=st.data())
def test_self_assessment(client, member, position, data):
    client.force_login(member)
    names = [
        f"competency-{pk}" for pk in position.requirements.values_list("competency", flat=True)
    ]
    fuzzed = data.draw(changes([*names, "competency-0", "position"]))
    before = SelfAssessment.objects.count(), SelfRating.objects.count()
    response = client.post(
        f"/en/competencies/self-assessment/new/?position={position.slug}",
        apply(dict.fromkeys(names, "1"), fuzzed),
    )
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        assessment = SelfAssessment.objects.get(owner=member, position=position)
        assert assessment.ratings.count() == len(names)
    else:
        assert (SelfAssessment.objects.count(), SelfRating.objects.count()) == before


# Fewer examples: each post renders a whole draft with its thread.
FUZZ_FEW = settings(FUZZ, max_examples=6)


@FUZZ_FEW
@given(data=st.data())
def test_profile_assessment(client, member, data):
    client.force_login(member)
    profile = QualificationLevel.objects.get(level=5, track="manager")
    names = [
        statement.field_name
        for _aspect, _label, statements in profile_statements(profile)
        for statement in statements
    ]
    fuzzed = data.draw(changes([*names, "holds_certificate", "profile"]))
    before = ProfileAssessment.objects.count(), StatementRating.objects.count()
    response = client.post(
        "/en/competencies/self-assessment/profiles/new/?profile=5-manager",
        apply({**dict.fromkeys(names, "2"), "holds_certificate": "yes"}, fuzzed),
    )
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    if saved:
        assessment = ProfileAssessment.objects.get(owner=member, profile=profile)
        assert assessment.ratings.count() == len(names)
        assessment.delete()  # the next example starts again
    else:
        assert (ProfileAssessment.objects.count(), StatementRating.objects.count()) == before


# The members' consultation ----------------------------------------------------------------------


@pytest.fixture
def consultation_round(db):
    return make_consultation_round(
        positions=[make_position(status="draft")], competencies=[make_competency(status="draft")]
    )


@FUZZ_FEW
@given(fuzzed=changes(["text", "level"]))
@example(fuzzed={"text": "Ж" * 4001})
@example(fuzzed={"level": "999999999999999999999"})
def test_consultation_comment(client, member, consultation_round, fuzzed):
    client.force_login(member)
    competency = consultation_round.competencies.get()
    url = reverse(
        "competencies:consultation_competency", args=[consultation_round.pk, competency.code]
    )
    before = ConsultationComment.objects.count()
    data = apply({"text": "Level 2 is unclear.", "level": str(level(2).pk)}, fuzzed)
    response = client.post(url, data)
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    assert ConsultationComment.objects.count() == before + saved
    if saved:
        comment = ConsultationComment.objects.latest("pk")
        assert 0 < len(comment.text) <= 4000 and comment.administration == member.administration


@FUZZ_FEW
@given(fuzzed=changes(["stance", "text", "administration"]))
@example(fuzzed={"stance": "disagree", "text": ""})
def test_consultation_response(client, focal_point, consultation_round, fuzzed):
    client.force_login(focal_point)
    url = f"/en/members/competencies/consultation/{consultation_round.pk}/response/"
    before = list(ConsultationResponse.objects.values_list("stance", "text"))
    response = client.post(url, apply({"stance": "changes", "text": "Add level 5."}, fuzzed))
    saved = response.status_code == 302
    assert_answered(response, saved=saved)
    after = list(ConsultationResponse.objects.values_list("stance", "text"))
    if saved:
        (stance_text,) = after
        assert stance_text[0] in ("agree", "changes", "disagree")
    else:
        assert after == before


# The admin's imports ----------------------------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


uploads = st.one_of(
    st.binary(max_size=2000),
    st.text(max_size=500).map(lambda text: text.encode("utf-8", "surrogatepass")),
    st.lists(st.lists(values, max_size=6), max_size=5).map(
        lambda rows: "\n".join(",".join(row) for row in rows).encode("utf-8", "surrogatepass")
    ),
    st.dictionaries(
        st.text(alphabet="abcdefghiklmnoprstuvwxyz.-_", min_size=1, max_size=16),
        st.binary(max_size=200),
        max_size=3,
    ).map(zip_of),
)
IMPORTS = [
    ("/admin/contacts/contactpoint/import/", ContactPoint),
    ("/admin/experts/expert/import/", Expert),
    ("/admin/workplan/activity/import/", None),
    ("/admin/outreach/newsitem/import/", None),
    ("/admin/library/category/import/", None),
]


@pytest.mark.parametrize(("url", "model"), IMPORTS)
@FUZZ
@given(
    content=uploads,
    name=st.sampled_from(["rows.csv", "rows.xlsx", "rows.zip", "../../rows.csv", "rows"]),
    file_format=st.sampled_from(["0", "1", "2", "-1", "x", ""]),
)
@example(content=b"\n\x00", name="rows.csv", file_format="0")  # no header row: was a 500
def test_admin_import_upload(staff_client, url, model, content, name, file_format):
    before = model.objects.count() if model else None
    response = staff_client.post(
        url,
        {"resource": "0", "format": file_format, "import_file": SimpleUploadedFile(name, content)},
    )
    assert response.status_code < 500
    if model:
        assert model.objects.count() == before  # a check saves nothing


@FUZZ
@given(content=uploads, button=st.sampled_from(["check", "import"]))
def test_framework_import_upload(staff_client, content, button):
    response = staff_client.post(
        "/admin/competencies/competency/spreadsheet/",
        {"file": SimpleUploadedFile("framework.xlsx", content), button: "1"},
    )
    assert response.status_code == 200
    assert "The framework is imported." not in response.content.decode()


# Meetings --------------------------------------------------------------------------------------

MEETINGS_FUZZ = settings(FUZZ, max_examples=8)
PERSON_FIELDS = [
    "action",
    "full_name",
    "email",
    "position",
    "working_language",
    "accessibility_needs",
    "needs_visa_letter",
    "consent_to_list",
    "administration",
    "registration",
]


def meeting(**fields):
    return make_registration_settings(
        ask_working_language=True, ask_accessibility=True, ask_visa_letter=True, **fields
    )


@MEETINGS_FUZZ
@given(fuzzed=changes(PERSON_FIELDS))
def test_event_registration(client, member, fuzzed):
    registration_settings = meeting(event=make_event())
    client.force_login(member)
    url = f"/en/events/{registration_settings.event.slug}/register/"
    data = apply({"action": "register", "working_language": "en", "position": "Officer"}, fuzzed)
    response = client.post(url, data)
    saved = Registration.objects.filter(event=registration_settings.event)
    assert_answered(response, saved=saved.exists())
    # A member is registered as themselves, whatever the form said, or not at all.
    assert set(saved.values_list("email", flat=True)) <= {member.email}


@MEETINGS_FUZZ
@given(
    fuzzed=changes(
        [
            "nominees-TOTAL_FORMS",
            "nominees-INITIAL_FORMS",
            "nominees-0-full_name",
            "nominees-0-email",
            "nominees-1-email",
            "nominees-1-working_language",
            "nominees-2-email",
            "administration",
            "action",
        ]
    )
)
def test_event_nomination(client, focal_point, fuzzed):
    registration_settings = meeting(event=make_event(), quota=2)
    client.force_login(focal_point)
    url = f"/en/events/{registration_settings.event.slug}/register/"
    data = {
        "action": "nominate",
        "nominees-TOTAL_FORMS": "2",
        "nominees-INITIAL_FORMS": "0",
        "nominees-0-full_name": "Aynur Guliyeva",
        "nominees-0-email": "aynur@customs.az",
        "nominees-0-working_language": "ru",
    }
    response = client.post(url, apply(data, fuzzed))
    saved = Registration.objects.filter(event=registration_settings.event)
    assert_answered(response, saved=saved.exists())
    assert saved.count() <= 2
    assert all(
        (r.administration_id, r.nominated_by_id) == (focal_point.administration_id, focal_point.pk)
        for r in saved
    )


@MEETINGS_FUZZ
@given(fuzzed=changes(PERSON_FIELDS))
def test_public_event_registration(client, fuzzed):
    registration_settings = meeting(event=make_event(), audience="public", capacity=1)
    url = f"/en/events/{registration_settings.event.slug}/register/"
    data = {
        "action": "register",
        "full_name": "Anna Petrova",
        "email": "anna@example.org",
        "working_language": "ru",
    }
    response = client.post(url, apply(data, fuzzed))
    saved = Registration.objects.filter(event=registration_settings.event)
    assert_answered(response, saved=saved.exists())
    assert saved.count() <= 1 and not saved.filter(administration__isnull=False).exists()


@MEETINGS_FUZZ
@given(
    token=st.one_of(values, st.just("")),
    answer=st.one_of(values, st.sampled_from(["accept", "decline"])),
)
def test_seat_offer_answer(client, token, answer):
    response = client.post(f"/en/events/offers/{quote(str(token), safe='')}x/", {"answer": answer})
    assert response.status_code < 500


EVENT_EVALUATION_FIELDS = ["overall", "usefulness", "organisation", "comment", "event"]


@settings(FUZZ, max_examples=4)
@given(fuzzed=changes(EVENT_EVALUATION_FIELDS))
@example(fuzzed={"overall": "0"})
@example(fuzzed={"comment": "x" * 5000})
def test_event_evaluation(client, azerbaijan, fuzzed):
    """The participant's link answers once, for its own event, whatever the post names."""
    EventEvaluation.objects.all().delete()  # each example answers afresh
    past = timezone.localdate() - datetime.timedelta(days=2)
    registration_settings = make_registration_settings(make_event(starts_on=past, ends_on=past))
    participant = make_registration(registration_settings, administration=azerbaijan)
    token = event_evaluation_token(participant)
    data = {"overall": "4", "usefulness": "5", "organisation": "3", "comment": "Useful."}
    response = client.post(f"/en/events/evaluate/{token}/", apply(data, fuzzed))
    saved = EventEvaluation.objects.filter(event=registration_settings.event)
    assert_answered(response, saved=saved.exists())
    participant.refresh_from_db()
    assert participant.evaluation_given == saved.exists()
    assert EventEvaluation.objects.count() == saved.count() <= 1
    if saved.exists():
        evaluation = saved.get()
        assert all(
            1 <= score <= 5
            for score in (evaluation.overall, evaluation.usefulness, evaluation.organisation)
        )
        assert len(evaluation.comment) <= 2000


@MEETINGS_FUZZ
@given(fuzzed=changes(["subject_en", "text_en", "subject_ru", "text_ru"]))
def test_message_to_the_participants(staff_client, fuzzed):
    registration_settings = meeting(event=make_event())
    for language in ("en", "ru"):
        make_registration(registration_settings, language=language)
    url = f"/admin/outreach/event/{registration_settings.event.pk}/write/"
    data = {"subject_en": "Hotel", "text_en": "Booked.", "subject_ru": "Отель", "text_ru": "Да."}
    sent = len(mail.outbox)
    response = staff_client.post(url, apply(data, fuzzed))
    assert_answered(response, saved=response.status_code == 302)
    # Both participants get the message, each in their language, or neither gets anything.
    mailed = mail.outbox[sent:]
    assert len(mailed) == (2 if response.status_code == 302 else 0)
    assert all(message.subject.strip() for message in mailed)
