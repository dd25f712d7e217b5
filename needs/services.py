"""Writes of the needs mechanism: a focal point's request, the office's workflow on it (one
service takes every step), duplicates, internal notes, the reminders of a round; missions of
experts for a request, the mailing of their evaluation forms and the evaluations.

Every change is one revision in the edit history, with its author; mail goes out once the change
is committed, to each focal point of the administration in their own language.
"""

import datetime
from collections.abc import Iterable

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.models import User
from administrations.access import has_staff_permission
from administrations.models import Administration
from competencies.models import Competency
from core import history
from experts.models import Expert, ExpertiseArea
from needs import notifications
from needs.models import (
    ATTACHMENTS_MAX,
    TRANSITIONS,
    Mission,
    MissionEvaluation,
    NeedsAttachment,
    NeedsNote,
    NeedsRequest,
    NeedsRound,
    NeedsRoundReminder,
    Status,
)
from workplan.models import Activity

# The columns a focal point fills in (both languages of the translated ones).
REQUEST_DETAILS = (
    "title_en",
    "title_ru",
    "description_en",
    "description_ru",
    "priority",
    "modality",
    "period_from",
    "period_to",
    "period_note",
    "officers",
)


def _attach(need: NeedsRequest, files: Iterable[UploadedFile]) -> None:
    for upload in files:
        attachment = NeedsAttachment(need=need, file=upload, name=upload.name[:255])
        attachment.full_clean(exclude=["need"])
        attachment.save()


@transaction.atomic
def need_submit(
    *,
    submitted_by: User,
    details: dict,
    areas: Iterable[ExpertiseArea],
    competencies: Iterable[Competency] = (),
    attachments: Iterable[UploadedFile] = (),
    round: NeedsRound | None = None,
    answers: list[list[str]] | None = None,
) -> NeedsRequest:
    """A focal point asks for capacity building for their own administration (taken from the
    user, never from the form), maybe in answer to an open round; the office is told by email."""
    if not (submitted_by.is_member and submitted_by.is_focal_point):
        raise PermissionDenied
    if round is not None and not round.is_open():
        raise ValidationError(_("This round closed on %(date)s.") % {"date": round.deadline})
    attachments = list(attachments)
    if len(attachments) > ATTACHMENTS_MAX:
        raise ValidationError(_("Attach at most %(count)s files.") % {"count": ATTACHMENTS_MAX})
    unknown = set(details) - set(REQUEST_DETAILS)
    if unknown:
        raise ValueError(f"not a detail of a request: {sorted(unknown)}")
    need = NeedsRequest(
        **details,
        administration=submitted_by.administration,
        submitted_by=submitted_by,
        round=round,
        answers=answers or [],
        status=Status.SUBMITTED,
    )
    if not (need.title_en or need.title_ru):
        raise ValidationError({"title_en": _("Give the title in English or in Russian.")})
    if not (need.description_en or need.description_ru):
        raise ValidationError({"description_en": _("Describe the need in English or in Russian.")})
    with reversion.create_revision():
        reversion.set_user(submitted_by)
        history.note(gettext_noop("Submitted by the focal point"))
        need.full_clean()
        need.save()
        need.areas.set(areas)
        need.competencies.set(competencies)
        _attach(need, attachments)
    transaction.on_commit(lambda: notifications.need_received(need))
    return need


def need_transition_check(*, current: str, status: str, fields: dict) -> None:
    """Raise ValidationError when the workflow does not allow `current` → `status`, or the
    step lacks what it needs (`fields`: forwarded_on, proposal_en/_ru, activity,
    decline_reason_en/_ru). The forms call it to explain; need_transition to enforce."""
    if status not in TRANSITIONS.get(current, ()):
        raise ValidationError(
            _("A request that is “%(current)s” cannot become “%(status)s”.")
            % {"current": Status(current).label, "status": Status(status).label},
            code="transition",
        )
    errors = {}
    if status == Status.FORWARDED:
        if not fields.get("forwarded_on"):
            errors["forwarded_on"] = _("Give the date the request went to the WCO Secretariat.")
        if not (fields.get("proposal_en") or fields.get("proposal_ru")):
            errors["proposal_en"] = _("Give the office's proposal, in English or in Russian.")
    if status == Status.PLANNED and not fields.get("activity"):
        errors["activity"] = _("Choose the work-plan activity that plans it.")
    if status == Status.DECLINED and not (
        fields.get("decline_reason_en") or fields.get("decline_reason_ru")
    ):
        errors["decline_reason_en"] = _("Give the reason, in English or in Russian.")
    if errors:
        raise ValidationError(errors)


# What each step records.
STEP_FIELDS = {
    Status.FORWARDED: ("forwarded_on", "proposal_en", "proposal_ru"),
    Status.PLANNED: ("activity", "event"),
    Status.DECLINED: ("decline_reason_en", "decline_reason_ru"),
}
WORKFLOW_FIELDS = (
    "forwarded_on",
    "proposal_en",
    "proposal_ru",
    "activity",
    "event",
    "decline_reason_en",
    "decline_reason_ru",
)


@transaction.atomic
def need_transition(
    *,
    need: NeedsRequest,
    status: str,
    by: User,
    forwarded_on: datetime.date | None = None,
    proposal_en: str = "",
    proposal_ru: str = "",
    activity: Activity | None = None,
    event=None,
    decline_reason_en: str = "",
    decline_reason_ru: str = "",
) -> NeedsRequest:
    """Office staff move a request one step along the workflow (TRANSITIONS), with what the
    step needs; the focal points are told. Other columns of `need` are saved as they are (the
    admin's change form sends them along)."""
    if not by.is_staff:
        raise PermissionDenied
    current = NeedsRequest.objects.select_for_update().values_list("status", flat=True)
    current = current.get(pk=need.pk)
    given = {
        "forwarded_on": forwarded_on,
        "proposal_en": (proposal_en or "").strip(),
        "proposal_ru": (proposal_ru or "").strip(),
        "activity": activity,
        "event": event,
        "decline_reason_en": (decline_reason_en or "").strip(),
        "decline_reason_ru": (decline_reason_ru or "").strip(),
    }
    # A step writes only its own details; what it leaves blank keeps what was there.
    fields = {name: getattr(need, name) for name in WORKFLOW_FIELDS}
    fields |= {name: given[name] for name in STEP_FIELDS.get(status, ()) if given[name]}
    need_transition_check(current=current, status=status, fields=fields)
    for name, value in fields.items():
        setattr(need, name, value)
    need.status = status
    need.status_changed_at = timezone.now()
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Status: %(status)s"), status=Status(status).label)
        need.full_clean()
        need.save()
    transaction.on_commit(lambda: notifications.need_status_changed(need))
    return need


@transaction.atomic
def need_merge(*, duplicate: NeedsRequest, into: NeedsRequest, by: User) -> NeedsRequest:
    """Office staff mark `duplicate` as the same need as `into`: it leaves the lists and links
    to it. A request already merged is merged into the one it duplicates (no chains)."""
    if not by.is_staff:
        raise PermissionDenied
    duplicate = NeedsRequest.objects.select_for_update().get(pk=duplicate.pk)
    target = NeedsRequest.objects.get(pk=into.pk)
    while target.duplicate_of_id is not None:
        target = NeedsRequest.objects.get(pk=target.duplicate_of_id)
    if target.pk == duplicate.pk:
        raise ValidationError(_("A request cannot be a duplicate of itself."))
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Merged into request no. %(number)s"), number=target.pk)
        duplicate.duplicate_of = target
        duplicate.full_clean()
        duplicate.save()
        # The requests merged into this one follow it.
        for earlier in NeedsRequest.objects.filter(duplicate_of=duplicate):
            earlier.duplicate_of = target
            earlier.save(update_fields=["duplicate_of", "updated_at"])
    return duplicate


@transaction.atomic
def need_note_add(*, need: NeedsRequest, author: User, text: str) -> NeedsNote:
    """An internal note of the office on a request (members never see it)."""
    if not author.is_staff:
        raise PermissionDenied
    note = NeedsNote(need=need, author=author, text=text.strip())
    with reversion.create_revision():
        reversion.set_user(author)
        history.note(gettext_noop("Internal note added"))
        note.full_clean()
        note.save()
    return note


def round_answered_ids(*, round: NeedsRound) -> set[int]:
    """The administrations that have sent at least one request in answer to the round."""
    return set(round.requests.values_list("administration_id", flat=True).distinct())


def needs_round_reminders_send(
    *, days: int, today: datetime.date | None = None
) -> list[tuple[NeedsRound, Administration, int]]:
    """Remind the focal points of every member administration that has not answered an open
    round whose deadline is at most `days` days away, each in their language; an administration
    is reminded of a round at most once a day. Returns (round, administration, mails sent)."""
    today = today or timezone.localdate()
    rounds = NeedsRound.objects.filter(
        deadline__gte=today, deadline__lte=today + datetime.timedelta(days=days)
    ).order_by("deadline", "pk")
    sent = []
    for needs_round in rounds:
        answered = round_answered_ids(round=needs_round)
        reminded = set(
            needs_round.reminders.filter(sent_on=today).values_list("administration_id", flat=True)
        )
        waiting = Administration.objects.members().exclude(pk__in=answered | reminded)
        for administration in waiting.order_by("code"):
            focal_points = list(
                User.objects.filter(
                    is_active=True, is_focal_point=True, administration=administration
                ).order_by("email")
            )
            if not focal_points:
                continue
            try:
                with transaction.atomic():
                    NeedsRoundReminder.objects.create(
                        round=needs_round, administration=administration, sent_on=today
                    )
            except IntegrityError:
                continue  # another run reminded it a moment ago
            for user in focal_points:
                notifications.round_reminder(user, needs_round)
            sent.append((needs_round, administration, len(focal_points)))
    return sent


@transaction.atomic
def mission_create(
    *,
    need: NeedsRequest,
    expert: Expert,
    start_date: datetime.date,
    end_date: datetime.date,
    report: UploadedFile | None = None,
    by: User,
) -> Mission:
    """Office staff who may add missions record one: the expert goes to the request's
    administration (the host), from the administration the expert works for now (kept, so
    rotation still counts it there if the expert moves)."""
    if not has_staff_permission(by, "needs.add_mission"):
        raise PermissionDenied
    mission = Mission(
        need=need,
        expert=expert,
        administration_id=need.administration_id,
        provider_id=expert.administration_id,
        start_date=start_date,
        end_date=end_date,
        created_by=by,
    )
    if report:
        mission.report = report
        mission.report_name = report.name[:255]
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Mission recorded"))
        mission.full_clean()
        mission.save()
    return mission


def mission_evaluations_request(*, today: datetime.date | None = None) -> int:
    """Mail the evaluation forms of every mission that has ended and whose forms have not gone
    out: a link to each focal point of the host administration and one to the expert, each in
    their language. Each mission once, even with two runs at the same time. Returns the number
    of missions whose forms were mailed."""
    today = today or timezone.localdate()
    mailed = 0
    for pk in Mission.objects.awaiting_evaluation_requests(today).values_list("pk", flat=True):
        with transaction.atomic():
            mission = (
                Mission.objects.select_for_update(skip_locked=True, of=("self",))
                .awaiting_evaluation_requests(today)
                .select_related("administration", "expert", "need")
                .filter(pk=pk)
                .first()
            )
            if mission is None:
                continue  # another run took it
            # The mail is queued in this transaction: it goes out only if the mark is saved.
            notifications.mission_evaluation_requested(mission)
            mission.evaluations_requested_at = timezone.now()
            mission.save(update_fields=["evaluations_requested_at"])
            mailed += 1
    return mailed


class EvaluationGiven(ValidationError):
    """That side of the mission has answered already."""


@transaction.atomic
def mission_evaluate(
    *,
    mission: Mission,
    respondent: str,
    user: User | None,
    preparation: int,
    relevance: int,
    results: int,
    comment: str = "",
) -> MissionEvaluation:
    """One side's evaluation of a mission, once (the link that brought it is then used up)."""
    Mission.objects.select_for_update().filter(pk=mission.pk).first()
    if MissionEvaluation.objects.filter(mission=mission, respondent=respondent).exists():
        raise EvaluationGiven(_("This evaluation has been given already."))
    evaluation = MissionEvaluation(
        mission=mission,
        respondent=respondent,
        answered_by=user,
        preparation=preparation,
        relevance=relevance,
        results=results,
        comment=(comment or "").strip(),
    )
    evaluation.full_clean()
    evaluation.save()
    return evaluation
