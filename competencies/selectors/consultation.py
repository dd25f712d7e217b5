"""Reads of the members' consultation: the rounds, a round's items with their comment counts, an
item's draft text with its thread, and an administration's position. Unlike the public pages,
these read items whatever their status: members comment on drafts. Each runs a fixed number of
queries, however many items and comments."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.urls import reverse

from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)
from competencies.selectors.framework import BY_COMPETENCY


def round_list() -> QuerySet[ConsultationRound]:
    """Every round, the latest deadline first."""
    return ConsultationRound.objects.order_by("-deadline", "-pk")


def round_detail(*, pk: int) -> ConsultationRound:
    """A round (ConsultationRound.DoesNotExist when there is none)."""
    return ConsultationRound.objects.get(pk=pk)


@dataclass(frozen=True)
class RoundPage:
    round: ConsultationRound
    positions: list[JobPosition]  # each with comment_count
    competencies: list[Competency]  # each with comment_count
    response: ConsultationResponse | None  # the user's administration's position, if any
    responses: int  # how many administrations have given theirs


def round_page(*, round: ConsultationRound, user) -> RoundPage:
    """A round's positions and competencies (each with how many comments it has in the round)
    and the user's administration's position on it."""
    in_round = Q(consultation_comments__round=round)
    positions = round.positions.select_related("area").annotate(
        comment_count=Count("consultation_comments", filter=in_round)
    )
    competencies = round.competencies.select_related("family").annotate(
        comment_count=Count("consultation_comments", filter=in_round)
    )
    response = None
    if user.administration_id:
        response = round.responses.filter(administration_id=user.administration_id).first()
    return RoundPage(
        round=round,
        positions=list(positions.order_by("area__position", "position", "slug")),
        competencies=list(competencies.order_by("family__position", "position", "code")),
        response=response,
        responses=round.responses.count(),
    )


def _thread(round: ConsultationRound, **item) -> list[ConsultationComment]:
    return list(
        round.comments.filter(**item)
        .select_related("administration", "author", "level")
        .order_by("created_at", "id")
    )


@dataclass(frozen=True)
class PositionThread:
    round: ConsultationRound
    position: JobPosition
    requirements: list[Requirement]
    comments: list[ConsultationComment]

    @property
    def comments_all(self) -> list[ConsultationComment]:
        return self.comments


def position_thread(*, round: ConsultationRound, slug: str) -> PositionThread:
    """A position of the round, its draft requirements and the comments on it
    (JobPosition.DoesNotExist when the round has no such position)."""
    position = round.positions.select_related("area", "reports_to").get(slug=slug)
    requirements = position.requirements.select_related("competency__family", "level").order_by(
        *BY_COMPETENCY
    )
    return PositionThread(
        round=round,
        position=position,
        requirements=list(requirements),
        comments=_thread(round, position=position),
    )


@dataclass(frozen=True)
class CompetencyThread:
    round: ConsultationRound
    competency: Competency
    levels: list[tuple[ProficiencyLevel, LevelDescriptor | None, list[ConsultationComment]]]
    comments: list[ConsultationComment]  # on the competency as a whole

    @property
    def level_choices(self) -> list[ProficiencyLevel]:
        return [level for level, _descriptor, _comments in self.levels]

    @property
    def comments_all(self) -> list[ConsultationComment]:
        return [*self.comments, *(c for _level, _d, comments in self.levels for c in comments)]


def competency_thread(*, round: ConsultationRound, code: str) -> CompetencyThread:
    """A competency of the round with its draft descriptor at every level, and the comments on
    it as a whole and on each level (Competency.DoesNotExist when the round has none such)."""
    competency = round.competencies.select_related("family").get(code=code)
    descriptors = {d.level_id: d for d in competency.descriptors.all()}
    comments = _thread(round, competency=competency)
    by_level: dict[int, list[ConsultationComment]] = {}
    for comment in comments:
        by_level.setdefault(comment.level_id, []).append(comment)
    return CompetencyThread(
        round=round,
        competency=competency,
        levels=[
            (level, descriptors.get(level.pk), by_level.get(level.pk, []))
            for level in ProficiencyLevel.objects.all()
        ],
        comments=by_level.get(None, []),
    )


def comment_detail(*, pk: int) -> ConsultationComment:
    """A comment with its round (ConsultationComment.DoesNotExist when there is none)."""
    return ConsultationComment.objects.select_related(
        "round", "position", "competency", "level", "administration"
    ).get(pk=pk)


def comment_url(comment: ConsultationComment) -> str:
    """The page of the comment's item in its round, at the comment."""
    if comment.position_id:
        args = [comment.round_id, comment.position.slug]
        path = reverse("competencies:consultation_position", args=args)
    else:
        args = [comment.round_id, comment.competency.code]
        path = reverse("competencies:consultation_competency", args=args)
    return f"{path}#comment-{comment.pk}"


def comments_by_item(*, round: ConsultationRound) -> QuerySet[ConsultationComment]:
    """A round's comments grouped by item, then administration (for the office)."""
    return round.comments.select_related(
        "position", "competency", "level", "administration", "author"
    ).order_by("position__slug", "competency__code", "administration__code", "created_at")
