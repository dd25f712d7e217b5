"""A request's related rows read in one statement (needs.detail_rows): the same rows, fields and
order as Django's select_related and prefetch of each relation give, for a request with every
kind of row."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone

from experts.models import ExpertiseArea
from needs import selectors, services
from needs.models import Mission, MissionEvaluation, NeedsAttachment, NeedsNote, NeedsRequest
from tests.competencies.factories import make_competency
from tests.experts.factories import PDF, make_expert
from tests.needs.factories import advance, make_need, make_round
from tests.outreach.factories import make_event

pytestmark = pytest.mark.django_db


def fields(objects, *names):
    return [tuple(getattr(obj, name) for name in names) for obj in objects]


@pytest.fixture
def need(focal_point, staff, georgia):
    need = make_need(
        submitted_by=focal_point,
        areas=[area.slug for area in ExpertiseArea.objects.all()],
        attachments=[SimpleUploadedFile(f"{n}.pdf", PDF) for n in range(3)],
        round=make_round(),
    )
    need = advance(need, "planned", by=staff)
    NeedsRequest.objects.filter(pk=need.pk).update(event=make_event())
    need.competencies.set([make_competency(descriptors=False) for _ in range(4)])
    for n in range(3):
        services.need_note_add(need=need, author=staff, text=f"Note {n}")
    # A note whose author's account is gone.
    NeedsNote.objects.filter(need=need, text="Note 0").update(author=None)
    today = timezone.localdate()
    experts = [make_expert(administration=georgia), None, make_expert(administration=georgia)]
    for n, expert in enumerate(experts):
        mission = Mission.objects.create(
            need=need,
            expert=expert,
            administration=need.administration,
            provider=georgia,
            start_date=today - datetime.timedelta(days=30 * (n % 2)),
            end_date=today,
            evaluations_requested_at=timezone.now() if n else None,
        )
        for respondent in ["host", "expert"][:n]:
            MissionEvaluation.objects.create(
                mission=mission, respondent=respondent, preparation=4, relevance=4, results=4
            )
    return need


def shown(missions):
    """What the page shows of each mission."""
    return [
        (mission.pk, mission.start_date, mission.end_date, mission.evaluations_requested_at)
        + (mission.evaluations_given, bool(mission.report))
        + ((mission.expert.full_name, str(mission.expert.administration)) if mission.expert else ())
        for mission in missions
    ]


def test_the_rows_are_those_of_each_relation_in_its_order(need, staff, django_assert_num_queries):
    expected = NeedsRequest.objects.prefetch_related("areas", "competencies").get(pk=need.pk)
    attachments = NeedsAttachment.objects.filter(need=need)
    missions = (
        Mission.objects.filter(need=need)
        .select_related("expert__administration")
        .annotate(evaluations_given=Count("evaluations"))
        .order_by("-start_date", "-id")
    )
    expected_missions = shown(missions)
    notes = NeedsNote.objects.filter(need=need)
    expected_rows = [
        fields(expected.areas.all(), "pk", "slug", "name_en", "name_ru"),
        fields(expected.competencies.all(), "pk", "code", "name_en", "name_ru"),
        fields(attachments, "pk", "name", "uploaded_at", "file"),
        fields(notes, "pk", "text", "created_at", "author_id"),
    ]
    with django_assert_num_queries(2):
        read = selectors.need_detail(pk=need.pk, user=staff)
    with django_assert_num_queries(0):
        rows = [
            fields(read.areas.all(), "pk", "slug", "name_en", "name_ru"),
            fields(read.competencies.all(), "pk", "code", "name_en", "name_ru"),
            fields(read.attachments.all(), "pk", "name", "uploaded_at", "file"),
            fields(read.notes.all(), "pk", "text", "created_at", "author_id"),
        ]
        read_missions = shown(read.missions.all())
        authors = [str(note.author) for note in read.notes.all()]
    assert rows == expected_rows
    assert [len(kind) for kind in rows] == [len(ExpertiseArea.objects.all()), 4, 3, 3]
    assert read_missions == expected_missions
    # Latest first: the third (two evaluations), the first (none), the second (one).
    assert [mission[4] for mission in read_missions] == [2, 0, 1]
    assert authors == ["None", str(staff), str(staff)]


JOINED = [
    "administration.name_en",
    "administration.name_ru",
    "submitted_by.full_name",
    "submitted_by.email",
    "submitted_by.language",
    "round.title_en",
    "round.title_ru",
    "activity.number",
    "activity.title_en",
    "activity.title_ru",
    "event.title_en",
    "event.title_ru",
]


def joined(need):
    values = []
    for path in JOINED:
        relation, name = path.split(".")
        values.append(getattr(getattr(need, relation), name))
    return values


def test_the_joined_rows_are_those_of_select_related(need, focal_point, django_assert_num_queries):
    expected = NeedsRequest.objects.select_related(
        "administration", "submitted_by", "round", "activity__goal", "event"
    ).get(pk=need.pk)
    read = selectors.need_detail(pk=need.pk, user=focal_point)
    with django_assert_num_queries(0):
        values = joined(read)
    assert values == joined(expected)
    assert None not in [read.submitted_by, read.round, read.activity, read.event]
    assert read.activity.get_absolute_url() == expected.activity.get_absolute_url()
    bare = make_need(submitted_by=focal_point)
    NeedsRequest.objects.filter(pk=bare.pk).update(submitted_by=None)
    read = selectors.need_detail(pk=bare.pk, user=focal_point)
    with django_assert_num_queries(0):
        assert [read.submitted_by, read.round, read.activity, read.event] == [None] * 4
        assert read.administration == bare.administration


def test_members_get_no_notes_and_another_administration_nothing(
    need, focal_point, other_focal_point
):
    read = selectors.need_detail(pk=need.pk, user=focal_point)
    assert "notes" not in read._prefetched_objects_cache
    assert len(read.missions.all()) == 3
    with pytest.raises(NeedsRequest.DoesNotExist):
        selectors.need_detail(pk=need.pk, user=other_focal_point)


def test_a_relation_asked_for_more_reads_this_request_only(need, focal_point):
    make_need(submitted_by=focal_point, attachments=[SimpleUploadedFile("x.pdf", PDF)])
    read = selectors.need_detail(pk=need.pk, user=focal_point)
    assert read.attachments.filter(name__endswith=".pdf").count() == 3
