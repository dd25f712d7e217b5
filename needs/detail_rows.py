"""The rows a request's page shows beside the request (its administration, submitter, round,
activity and event; its areas, competencies, attachments, missions and, for staff, the office's
notes), read in one statement and put where select_related and prefetch_related would put them:
`need.administration`, `need.areas.all()` and the others then run no query.

Five prefetch querysets and the request's five joins took about 17 ms of Python each visit
(Django compiling each statement with its joins and orderings) and five round trips; this
statement is written once. Each relation comes back as JSON: the joined rows as one array,
each prefetched relation as an array of rows in the order its model's Meta gives.
"""

import datetime
import functools

from django.db import connection

from administrations.models import Administration
from competencies.models import Competency
from experts.models import Expert, ExpertiseArea
from needs.models import Mission, NeedsAttachment, NeedsNote, NeedsRequest

# The columns of each kind of row, in the order the statement writes them (the models'
# attnames); a row's fields not named here are deferred, as `.only()` would leave them.
AREA = ["id", "slug", "name", "name_en", "name_ru"]
COMPETENCY = ["id", "family_id", "code", "name", "name_en", "name_ru", "position"]
ATTACHMENT = ["id", "need_id", "file", "name", "uploaded_at"]
MISSION = ["id", "need_id", "expert_id", "start_date", "end_date"]
MISSION += ["report", "evaluations_requested_at"]
EXPERT_NAMES = [
    f"{name}{lang}" for name in ("given_names", "family_name") for lang in ("", "_en", "_ru")
]
MISSION_EXPERT = ["id", *EXPERT_NAMES, "administration_id"]
MISSION_ADMINISTRATION = ["id", "name", "name_en", "name_ru"]
NOTE = ["id", "need_id", "author_id", "text", "created_at"]
NOTE_AUTHOR = ["id", "email", "full_name"]
# The request's joined rows: of each, what the page shows (names and titles in both languages
# for the fallback marks, the submitter's language for the ranking, the activity's number).
TITLES = ["title", "title_en", "title_ru"]
JOINED = {
    "administration": ["id", "name", "name_en", "name_ru"],
    "submitted_by": ["id", "full_name", "email", "language"],
    "round": ["id", *TITLES],
    "activity": ["id", "sequence", *TITLES, "goal_id"],
    "event": ["id", *TITLES],
}
GOAL = ["id", "number"]

DETAIL_ROWS_SQL = """
SELECT
    (SELECT json_build_array(
            a.id, a.name, a.name_en, a.name_ru,
            u.id, u.full_name, u.email, u.language,
            r.id, r.title, r.title_en, r.title_ru,
            w.id, w.sequence, w.title, w.title_en, w.title_ru, w.goal_id, g.id, g.number,
            ev.id, ev.title, ev.title_en, ev.title_ru)
        FROM {need} n
        JOIN {administration} a ON a.id = n.administration_id
        LEFT JOIN {user} u ON u.id = n.submitted_by_id
        LEFT JOIN {round} r ON r.id = n.round_id
        LEFT JOIN {activity} w ON w.id = n.activity_id
        LEFT JOIN {goal} g ON g.id = w.goal_id
        LEFT JOIN {event} ev ON ev.id = n.event_id
        WHERE n.id = %(need)s),
    (SELECT COALESCE(json_agg(json_build_array(a.id, a.slug, a.name, a.name_en, a.name_ru)
            ORDER BY a.name_en, a.id), '[]')
        FROM {area} a JOIN {need_areas} na ON na.expertisearea_id = a.id
        WHERE na.needsrequest_id = %(need)s),
    (SELECT COALESCE(json_agg(json_build_array(c.id, c.family_id, c.code, c.name, c.name_en,
                c.name_ru, c.position)
            ORDER BY f.position, c.position, c.code), '[]')
        FROM {competency} c JOIN {need_competencies} nc ON nc.competency_id = c.id
        JOIN {family} f ON f.id = c.family_id
        WHERE nc.needsrequest_id = %(need)s),
    (SELECT COALESCE(json_agg(json_build_array(t.id, t.need_id, t.file, t.name, t.uploaded_at)
            ORDER BY t.uploaded_at, t.id), '[]')
        FROM {attachment} t WHERE t.need_id = %(need)s),
    (SELECT COALESCE(json_agg(json_build_array(
                m.id, m.need_id, m.expert_id, m.start_date, m.end_date, m.report,
                m.evaluations_requested_at,
                (SELECT COUNT(*) FROM {evaluation} v WHERE v.mission_id = m.id),
                e.id, e.given_names, e.given_names_en, e.given_names_ru,
                e.family_name, e.family_name_en, e.family_name_ru, e.administration_id,
                ea.id, ea.name, ea.name_en, ea.name_ru)
            ORDER BY m.start_date DESC, m.id DESC), '[]')
        FROM {mission} m
        LEFT JOIN {expert} e ON e.id = m.expert_id
        LEFT JOIN {administration} ea ON ea.id = e.administration_id
        WHERE m.need_id = %(need)s),
    (SELECT COALESCE(json_agg(json_build_array(n.id, n.need_id, n.author_id, n.text,
                n.created_at, u.id, u.email, u.full_name)
            ORDER BY n.created_at, n.id), '[]')
        FROM {note} n LEFT JOIN {user} u ON u.id = n.author_id
        WHERE n.need_id = %(need)s AND %(notes)s)
"""


def _related(name: str):
    return NeedsRequest._meta.get_field(name).related_model


def detail_rows_sql() -> str:
    return DETAIL_ROWS_SQL.format(
        need=NeedsRequest._meta.db_table,
        round=_related("round")._meta.db_table,
        activity=_related("activity")._meta.db_table,
        goal=_related("activity").goal.field.related_model._meta.db_table,
        event=_related("event")._meta.db_table,
        area=ExpertiseArea._meta.db_table,
        need_areas=NeedsRequest.areas.through._meta.db_table,
        competency=Competency._meta.db_table,
        need_competencies=NeedsRequest.competencies.through._meta.db_table,
        family=Competency.family.field.related_model._meta.db_table,
        attachment=NeedsAttachment._meta.db_table,
        mission=Mission._meta.db_table,
        evaluation=Mission.evaluations.rel.related_model._meta.db_table,
        expert=Expert._meta.db_table,
        administration=Administration._meta.db_table,
        note=NeedsNote._meta.db_table,
        user=NeedsNote.author.field.related_model._meta.db_table,
    )


def _moment(value: str | None) -> datetime.datetime | None:
    # JSON writes a timestamptz in ISO 8601 with its offset (the connection's zone is UTC).
    return datetime.datetime.fromisoformat(value) if value else None


def _day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@functools.cache
def _field_order(model, columns: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """The columns in the order of the model's fields, and where each is in `columns`."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in columns]
    return names, [columns.index(name) for name in names]


def _row(model, columns: list[str], values: list):
    # from_db takes the values in the order of the model's fields, whatever `columns` says.
    names, positions = _field_order(model, tuple(columns))
    return model.from_db(connection.alias, names, [values[at] for at in positions])


def _missions(rows: list[list]) -> list[Mission]:
    missions = []
    for row in rows:
        own, given, expert, administration = row[:7], row[7], row[8:16], row[16:]
        own[3], own[4], own[6] = _day(own[3]), _day(own[4]), _moment(own[6])
        mission = _row(Mission, MISSION, own)
        mission.evaluations_given = given
        if expert[0] is not None:
            expert = _row(Expert, MISSION_EXPERT, expert)
            expert.administration = _row(Administration, MISSION_ADMINISTRATION, administration)
            mission.expert = expert
        else:
            Mission.expert.field.set_cached_value(mission, None)
        missions.append(mission)
    return missions


def _notes(rows: list[list]) -> list[NeedsNote]:
    notes = []
    for row in rows:
        own, author = row[:5], row[5:]
        own[4] = _moment(own[4])
        note = _row(NeedsNote, NOTE, own)
        if author[0] is not None:
            note.author = _row(NeedsNote.author.field.related_model, NOTE_AUTHOR, author)
        else:
            NeedsNote.author.field.set_cached_value(note, None)
        notes.append(note)
    return notes


def _joined(need: NeedsRequest, values: list) -> None:
    """The request's joined rows set as select_related sets them (None where there is none)."""
    for name, columns in JOINED.items():
        row, values = values[: len(columns)], values[len(columns) :]
        related = _row(_related(name), columns, row) if row[0] is not None else None
        if name == "activity" and related:
            goal, values = values[: len(GOAL)], values[len(GOAL) :]
            related.goal = _row(_related(name).goal.field.related_model, GOAL, goal)
        NeedsRequest._meta.get_field(name).set_cached_value(need, related)


def _prefetched(need: NeedsRequest, name: str, rows: list) -> None:
    """Rows put where prefetch_related puts a relation's (the manager's own queryset, so that
    anything else asked of it still reads this request's rows only)."""
    queryset = getattr(need, name).get_queryset()
    queryset._result_cache = rows
    queryset._prefetch_done = True
    need._prefetched_objects_cache[name] = queryset


def detail_rows_attach(*, need: NeedsRequest, notes: bool) -> None:
    """Reads the request's joined rows (`JOINED`), its areas, competencies, attachments and
    missions (each mission with its expert, their administration and `evaluations_given`), and
    its notes with their authors if `notes` (none otherwise), in one statement, and attaches
    them to `need` as select_related and prefetch_related would."""
    with connection.cursor() as cursor:
        cursor.execute(detail_rows_sql(), {"need": need.pk, "notes": notes})
        joined, areas, competencies, attachments, missions, note_rows = cursor.fetchone()
    _joined(need, joined)
    if not hasattr(need, "_prefetched_objects_cache"):
        need._prefetched_objects_cache = {}
    _prefetched(need, "areas", [_row(ExpertiseArea, AREA, row) for row in areas])
    _prefetched(need, "competencies", [_row(Competency, COMPETENCY, row) for row in competencies])
    for row in attachments:
        row[4] = _moment(row[4])
    attachments = [_row(NeedsAttachment, ATTACHMENT, row) for row in attachments]
    _prefetched(need, "attachments", attachments)
    missions = _missions(missions)
    for mission in missions:
        Mission.need.field.set_cached_value(mission, need)
    _prefetched(need, "missions", missions)
    if notes:
        _prefetched(need, "notes", _notes(note_rows))
