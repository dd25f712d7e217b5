"""Reads of outreach content (only published rows), of the meetings' registrations, and of the
meeting documents each user may see."""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass

from django.db import connection
from django.db.models import Avg, Count, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, Lower
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from administrations.access import has_staff_permission
from library.models import DocumentFile
from outreach.models import (
    Event,
    EventEvaluation,
    MeetingDocument,
    NewsItem,
    Registration,
    RegistrationCount,
    RegistrationSettings,
    Status,
    Tool,
)

HOME_NEWS = 3
HOME_EVENTS = 3
UPCOMING_EVENTS = 50  # the events page lists at most this many; past events are paginated
CALENDAR_EVENTS = 500  # the subscribed calendar's bound


def news_list() -> QuerySet[NewsItem]:
    """Published news, newest first, without the text body (lists show the summary)."""
    return NewsItem.objects.published().defer("body", "body_en", "body_ru")


def home_sections() -> dict:
    """The home page's outreach part: latest news, next events, promoted tools."""
    return {
        "latest_news": latest_news(),
        "next_events": list(upcoming_events(limit=HOME_EVENTS)),
        "promoted_tools": promoted_tools(),
    }


def news_detail(*, slug: str) -> NewsItem:
    """One published news item; a draft is a 404 like a missing page."""
    return get_object_or_404(NewsItem.objects.published(), slug=slug)


def latest_news(*, limit: int = HOME_NEWS) -> list[NewsItem]:
    return list(news_list()[:limit])


def _today() -> datetime.date:
    return timezone.localdate()


def upcoming_events(*, limit: int = UPCOMING_EVENTS) -> QuerySet[Event]:
    """Published events not yet over, soonest first."""
    return (
        Event.objects.published().filter(ends_on__gte=_today()).order_by("starts_on", "id")[:limit]
    )


def past_events() -> QuerySet[Event]:
    """Published events that are over, latest first."""
    return Event.objects.published().filter(ends_on__lt=_today()).order_by("-starts_on", "-id")


def all_events() -> QuerySet[Event]:
    """Every published event (for the sitemap)."""
    return Event.objects.published().order_by("-starts_on", "-id")


def event_detail(*, slug: str) -> Event:
    """A published event, with its registration settings for the page's register link."""
    return get_object_or_404(Event.objects.published().select_related("registration"), slug=slug)


def event_published(*, slug: str) -> Event:
    """A published event alone (its calendar file)."""
    return get_object_or_404(Event.objects.published(), slug=slug)


# Headings of the tools page, one per kind.
KIND_HEADINGS = {
    Tool.Kind.INSTRUMENT: _("WCO instruments"),
    Tool.Kind.TOOL: _("Tools"),
    Tool.Kind.COURSE: _("E-learning courses"),
}


@dataclass(frozen=True)
class ToolGroup:
    kind: Tool.Kind
    tools: list[Tool]

    @property
    def heading(self) -> str:
        return KIND_HEADINGS[self.kind]


def tools_by_kind() -> list[ToolGroup]:
    """Every tool, grouped by kind in the order of Tool.Kind (instruments first)."""
    by_kind: dict[str, list[Tool]] = {}
    for tool in Tool.objects.order_by("position", "title_en"):
        by_kind.setdefault(tool.kind, []).append(tool)
    return [ToolGroup(Tool.Kind(kind), by_kind[kind]) for kind in Tool.Kind if kind in by_kind]


def promoted_tools() -> list[Tool]:
    """The tools staff marked for the home page, instruments first, as on the tools page."""
    order = list(Tool.Kind)
    tools = Tool.objects.filter(is_promoted=True)
    return sorted(tools, key=lambda tool: (order.index(tool.kind), tool.position, tool.title))


# Meetings ---------------------------------------------------------------------------------------


# The registration page's event and settings in one plain statement, each made an instance as
# the ORM makes them (`from_db`): through the ORM (a join, every translated column) the read took
# 1.5 to 2 ms to build, a third of the page's own work. No column of the two needs a database
# converter (tests/outreach/test_meetings.py checks it).
@functools.cache
def _event_registration_sql() -> str:
    quote = connection.ops.quote_name
    # Table and column names from the models, never from input.
    return (
        f"SELECT {_columns(Event, 'e')}, {_columns(RegistrationSettings, 's')} "  # noqa: S608
        f"FROM {quote(Event._meta.db_table)} e "
        f"LEFT JOIN {quote(RegistrationSettings._meta.db_table)} s ON s.event_id = e.id "
        "WHERE e.slug = %(slug)s AND e.status = %(published)s"  # PublishedQuerySet.published()
    )


def _columns(model, alias: str) -> str:
    quote = connection.ops.quote_name
    return ", ".join(f"{alias}.{quote(field.column)}" for field in model._meta.concrete_fields)


def _instance(model, values):
    names = [field.attname for field in model._meta.concrete_fields]
    return model.from_db(connection.alias, names, values)


def event_registration(*, slug: str) -> tuple[Event, RegistrationSettings | None]:
    """A published event (else 404) and its registration settings (None where it takes none),
    each linked to the other as `select_related` would leave them."""
    with connection.cursor() as cursor:
        cursor.execute(
            _event_registration_sql(), {"slug": slug, "published": Status.PUBLISHED.value}
        )
        row = cursor.fetchone()
    if row is None:
        raise Http404("No published event matches the given query.")
    split = len(Event._meta.concrete_fields)
    event, settings_values = _instance(Event, row[:split]), row[split:]
    if all(value is None for value in settings_values):  # no settings row joined
        return event, None
    registration_settings = _instance(RegistrationSettings, settings_values)
    event.registration = registration_settings  # and registration_settings.event = event
    return event, registration_settings


# The user's registration and (a focal point) their administration's, in one statement: the
# ORM's query building took over 1 ms a query here, as long as the rest of the page's own work.
# The address is compared as the one-per-person constraint compares it (its index serves it).
USER_REGISTRATIONS_SQL = """
SELECT id, status, reason, full_name, position, administration_id,
    (user_id = %(user)s OR LOWER(email) = LOWER(%(email)s)) AS is_own
FROM {registration}
WHERE event_id = %(event)s AND (
    user_id = %(user)s OR LOWER(email) = LOWER(%(email)s) OR administration_id = %(administration)s
)
ORDER BY created_at, id
"""


@dataclass(frozen=True)
class UserRegistrations:
    own: Registration | None  # by account or by address
    administration: list[Registration] | None  # None: not asked for


def user_registrations(*, event: Event, user, administration_id: int | None) -> UserRegistrations:
    """A logged-in user's own registration for the event, if any, and, given an administration,
    its registrations (theirs included), first made first; only the columns the page shows."""
    if not user.is_authenticated:
        return UserRegistrations(own=None, administration=None)
    rows = list(
        Registration.objects.raw(
            USER_REGISTRATIONS_SQL.format(registration=Registration._meta.db_table),
            {
                "event": event.pk,
                "user": user.pk,
                "email": user.email,
                "administration": administration_id,
            },
        )
    )
    own = next((row for row in rows if row.is_own), None)
    if administration_id is None:
        return UserRegistrations(own=own, administration=None)
    return UserRegistrations(
        own=own, administration=[row for row in rows if row.administration_id == administration_id]
    )


@dataclass(frozen=True)
class SeatCounts:
    capacity: int
    taken: int
    waiting: int

    @property
    def free(self) -> int:
        return max(self.capacity - self.taken, 0)


# Seats taken and people waiting in one statement (the ORM's aggregate took 1.2 ms to build).
SEAT_COUNTS_SQL = """
SELECT
    COUNT(*) FILTER (WHERE status = ANY(%(seated)s)),
    COUNT(*) FILTER (WHERE status = %(waiting)s)
FROM {registration}
WHERE event_id = %(event)s
"""


def seat_counts(registration_settings: RegistrationSettings) -> SeatCounts:
    """Seats taken and people waiting."""
    with connection.cursor() as cursor:
        cursor.execute(
            SEAT_COUNTS_SQL.format(registration=Registration._meta.db_table),
            {
                "event": registration_settings.event_id,
                "seated": [status.value for status in Registration.SEATED],
                "waiting": Registration.Status.WAITING.value,
            },
        )
        taken, waiting = cursor.fetchone()
    return SeatCounts(capacity=registration_settings.capacity, taken=taken, waiting=waiting)


def calendar_events() -> QuerySet[Event]:
    """Every upcoming published event for the subscribed calendar (yesterday's included, as a
    time zone east of the office may still be in it)."""
    return (
        Event.objects.published()
        .filter(ends_on__gte=_today() - datetime.timedelta(days=1))
        .order_by("starts_on", "id")[:CALENDAR_EVENTS]
    )


def withdrawable_registration(*, event: Event, user, pk) -> Registration | None:
    """A registration the user may withdraw: their own, or (a focal point) their
    administration's. Anything else is as if it did not exist."""
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    mine = Q(user=user) | Q(email__iexact=user.email)
    if user.is_member and user.is_focal_point:
        mine |= Q(administration_id=user.administration_id)
    return Registration.objects.filter(mine, event=event, pk=pk).select_related("event").first()


@dataclass(frozen=True)
class ParticipantGroup:
    administration: str | None  # None: participants of no administration (the public)
    participants: list[Registration]


def _grouped(participants) -> list[ParticipantGroup]:
    """Registrations grouped by administration in name order (those of none last)."""
    groups: dict[int | None, list[Registration]] = {}
    names: dict[int | None, str | None] = {}
    for participant in participants:
        key = participant.administration_id
        groups.setdefault(key, []).append(participant)
        names[key] = str(participant.administration) if participant.administration else None
    order = sorted(groups, key=lambda key: (key is None, names[key] or ""))
    return [ParticipantGroup(names[key], groups[key]) for key in order]


def participant_groups(*, event: Event) -> list[ParticipantGroup]:
    """The confirmed participants (attended or not) who agreed to be listed, grouped by
    administration in name order (those of none last), in one query."""
    return _grouped(
        Registration.objects.filter(event=event, consent_to_list=True)
        .participants()
        .select_related("administration")
        .order_by("full_name", "pk")
    )


def event_with_registration(*, slug: str) -> Event:
    """A published event that takes registrations (others have no participant list)."""
    return get_object_or_404(
        Event.objects.published().filter(registration__isnull=False), slug=slug
    )


def events_attended_by(*, administration, limit: int = 20) -> list[Event]:
    """Past events the administration's officers took part in, latest first, each with the
    number of them (`officers`): confirmed registrations, and the counts kept of registrations
    whose personal data the retention purge has erased (those marked absent left out). One
    query."""
    took_part = [Registration.Status.CONFIRMED, Registration.Status.ATTENDED]
    live = Registration.objects.filter(administration=administration, status__in=took_part)
    kept = RegistrationCount.objects.filter(administration=administration, status__in=took_part)
    officers = Coalesce(_per_event(live, Count("id")), 0) + Coalesce(
        _per_event(kept, Sum("count")), 0
    )
    return list(
        past_events()
        .filter(Q(pk__in=live.values("event_id")) | Q(pk__in=kept.values("event_id")))
        .annotate(officers=officers)[:limit]
    )


def _per_event(rows: QuerySet, total) -> Subquery:
    """`total` of the rows of the event at hand (a subquery of a query on events)."""
    return Subquery(
        rows.filter(event=OuterRef("pk")).order_by().values("event").annotate(n=total).values("n")
    )


def _counts_by(
    field: str, *, statuses, start: datetime.date, end: datetime.date
) -> dict[object, int]:
    """People of the events begun from `start` to `end` (inclusive) in these statuses, per
    value of `field` (administration or sex), with the counts kept after the retention purge.
    Two queries."""
    live = Registration.objects.filter(status__in=statuses, event__starts_on__range=(start, end))
    kept = RegistrationCount.objects.filter(
        status__in=statuses, event__starts_on__range=(start, end)
    )
    counts = Counter(dict(live.values_list(field).annotate(n=Count("id")).order_by()))
    counts.update(dict(kept.values_list(field).annotate(n=Sum("count")).order_by()))
    return dict(counts)


def participant_counts(*, start: datetime.date, end: datetime.date) -> dict[int | None, int]:
    """Confirmed participants (attended or not) of the events begun from `start` to `end`
    (inclusive), per administration (None: people of none), with the counts kept after the
    retention purge."""
    return _counts_by("administration", statuses=Registration.PARTICIPANTS, start=start, end=end)


def attendance_counts(*, start: datetime.date, end: datetime.date) -> dict[int | None, int]:
    """Participants marked as attended at the events begun from `start` to `end` (inclusive),
    per administration (None: people of none), with the counts kept after the retention purge."""
    return _counts_by(
        "administration", statuses=[Registration.Status.ATTENDED], start=start, end=end
    )


def attendance_counts_by_sex(*, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """The same attendance per sex, of those who gave it (the question is optional)."""
    counts = _counts_by("sex", statuses=[Registration.Status.ATTENDED], start=start, end=end)
    return {sex: count for sex, count in counts.items() if sex}


# After the event (the office's pages in the admin) ----------------------------------------------


def attendance_sheet(*, event: Event) -> list[ParticipantGroup]:
    """Every confirmed participant of the event (attended or not, listed or not) grouped by
    administration, for the sheet staff print and have signed. One query."""
    return _grouped(
        Registration.objects.filter(event=event)
        .participants()
        .select_related("administration")
        .order_by("full_name", "pk")
    )


@dataclass(frozen=True)
class ScoreSummary:
    label: str
    average: float | None
    counts: list[int]  # how many answered 1, 2, 3, 4, 5


@dataclass(frozen=True)
class EvaluationResults:
    answers: int
    asked: int  # people mailed the form
    scores: list[ScoreSummary]
    comments: list[EventEvaluation]


SCORE_LABELS = {
    "overall": _("Overall rating"),
    "usefulness": _("Usefulness"),
    "organisation": _("Organisation"),
}


def evaluation_results(*, event: Event) -> EvaluationResults:
    """An event's evaluations: how many answered, each rating's average and spread, and the
    comments, newest first. Three queries."""
    evaluations = EventEvaluation.objects.filter(event=event)
    aggregates = {}
    for name in SCORE_LABELS:
        aggregates[f"{name}_avg"] = Avg(name)
        for score in range(1, 6):
            aggregates[f"{name}_{score}"] = Count("pk", filter=Q(**{name: score}))
    figures = evaluations.aggregate(answers=Count("pk"), **aggregates)
    scores = [
        ScoreSummary(
            label=str(label),
            average=figures[f"{name}_avg"],
            counts=[figures[f"{name}_{score}"] for score in range(1, 6)],
        )
        for name, label in SCORE_LABELS.items()
    ]
    settings_row = RegistrationSettings.objects.filter(event=event).first()
    asked = settings_row.evaluations_mailed_to if settings_row is not None else 0
    comments = list(evaluations.exclude(comment="").order_by("-submitted_on", "-pk"))
    return EvaluationResults(
        answers=figures["answers"], asked=asked, scores=scores, comments=comments
    )


# Meeting documents ------------------------------------------------------------------------------
#
# A logged-in user is a participant of an event when a confirmed registration for it is theirs:
# made with their account (a member registering themselves, or an officer whose account the
# focal point's nomination found), or made for their account's e-mail address (a nomination or a
# public registration made before the account existed; accounts are created only for addresses
# that received their invitation, so the address is the person's). Staff who may view the
# library's documents see every document, as they do in the admin.

Visibility = MeetingDocument.Visibility

# Staff holding this permission see participants' documents, as the admin lets them download any.
STAFF_DOCUMENTS_PERMISSION = "library.view_document"


def is_participant(*, event: Event, user) -> bool:
    """Whether a confirmed registration for the event is this logged-in user's (one query)."""
    if not (user.is_authenticated and user.is_active):
        return False
    # lower(email) is what the one-registration-per-person index holds.
    return (
        Registration.objects.participants()
        .alias(email_lower=Lower("email"))
        .filter(Q(user=user) | Q(email_lower=user.email.lower()), event=event)
        .exists()
    )


def _visible(*, visibility: str, user, participant) -> bool:
    """Whether the user may see a document of this visibility; `participant()` says whether
    they take part in its event (asked only when it matters)."""
    if visibility == Visibility.PUBLIC:
        return True
    if not user.is_authenticated:
        return False
    if visibility == Visibility.MEMBERS:
        return user.can_enter_members_area
    return has_staff_permission(user, STAFF_DOCUMENTS_PERMISSION) or participant()


def _documents_of(event: Event) -> QuerySet[MeetingDocument]:
    return (
        MeetingDocument.objects.filter(event=event)
        .select_related("document")
        .defer("document__search_en", "document__search_ru")  # searched, never shown
        .prefetch_related(
            Prefetch(
                "document__files",
                queryset=DocumentFile.objects.only("document", "language", "size", "kind"),
            )
        )
        .order_by("position", "pk")
    )


@dataclass(frozen=True)
class MeetingDocumentGroup:
    kind: MeetingDocument.Kind
    documents: list[MeetingDocument]

    @property
    def heading(self) -> str:
        return MEETING_DOCUMENT_HEADINGS[self.kind]


MEETING_DOCUMENT_HEADINGS = {
    MeetingDocument.Kind.AGENDA: _("Agenda"),
    MeetingDocument.Kind.PRESENTATION: _("Presentations"),
    MeetingDocument.Kind.REPORT: _("Report"),
}


def meeting_documents(*, event: Event, user) -> list[MeetingDocumentGroup]:
    """The event's documents this user may see, grouped by kind (agenda, presentations, report).

    An anonymous visitor's query asks for the public ones only (the page is cached for every
    visitor); a logged-in user's reads all of them and keeps those allowed, asking whether the
    user is a participant only when there are participants' documents: three queries at most."""
    documents = _documents_of(event)
    if not user.is_authenticated:
        documents = documents.visible_in([Visibility.PUBLIC])
    participant = functools.cache(lambda: is_participant(event=event, user=user))
    allowed = [
        document
        for document in documents
        if _visible(visibility=document.visibility, user=user, participant=participant)
    ]
    by_kind: dict[str, list[MeetingDocument]] = {}
    for document in allowed:
        by_kind.setdefault(document.kind, []).append(document)
    return [
        MeetingDocumentGroup(MeetingDocument.Kind(kind), by_kind[kind])
        for kind in MeetingDocument.Kind
        if kind in by_kind
    ]


def meeting_document_file(
    *, slug: str, pk: int, language: str, user, public_only: bool
) -> DocumentFile | None:
    """The file in `language` of a published event's document that this user may download, or
    None (no such document or file, or not for them). `public_only`: the public download
    address, which serves public documents and nothing else."""
    meeting_document = (
        MeetingDocument.objects.filter(pk=pk, event__in=Event.objects.published().filter(slug=slug))
        .select_related("event")
        .first()
    )
    if meeting_document is None:
        return None
    visibility = meeting_document.visibility
    if public_only and visibility != Visibility.PUBLIC:
        return None
    event = meeting_document.event
    if not _visible(
        visibility=visibility,
        user=user,
        participant=lambda: is_participant(event=event, user=user),
    ):
        return None
    return DocumentFile.objects.filter(
        document_id=meeting_document.document_id, language=language
    ).first()


def participant_languages(*, event: Event) -> dict[str, int]:
    """How many of the event's participants read each language (for the staff's message)."""
    return dict(
        Registration.objects.filter(event=event)
        .participants()
        .values_list("language")
        .annotate(n=Count("pk"))
        .order_by("language")
    )
