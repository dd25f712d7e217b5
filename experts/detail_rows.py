"""An expert's page read in one statement: the record with its administration, its areas,
languages, endorsed competencies (with their levels) and missions (with their hosts).

Through the ORM the page took five statements (the record with its administration, three
prefetches, the competencies), and compiling them was most of the page's time: some 11 ms of
Python a visit. This statement is written once; each related list comes back as JSON, its rows
in the order the ORM read them, and is made into model instances with the columns the page
reads (the others deferred, as `.only()` leaves them), so that the template keeps the models'
own words: `full_name`, `{% translated %}`, the choices' labels, a level's `__str__`.
"""

import datetime
from dataclasses import dataclass

from django.db import connection, models

from administrations.models import Administration
from competencies.models import Competency, ProficiencyLevel, Status
from experts.models import Expert, ExpertCompetency, ExpertiseArea, ExpertLanguage

# The needs app's model, a layer this app does not import: reached through the reverse relation
# of its foreign key to Expert (`related_name="missions"`).
Mission = Expert._meta.get_field("missions").related_model

# The record's columns the page reads: names, position and experience in both languages (for
# the fallback marks), contact details, accreditation, CV, last confirmation, administration.
EXPERT = [
    "id",
    "given_names_en",
    "given_names_ru",
    "family_name_en",
    "family_name_ru",
    "position_en",
    "position_ru",
    "email",
    "phone",
    "accreditation",
    "experience_en",
    "experience_ru",
    "cv",
    "cv_name",
    "administration_id",
    "confirmed_on",
]

DETAIL_ROWS_SQL = """
SELECT {expert_columns},
    json_build_object('id', a.id, 'code', a.code, 'name_en', a.name_en, 'name_ru', a.name_ru),
    (SELECT COALESCE(json_agg(json_build_object(
                'id', x.id, 'slug', x.slug, 'name_en', x.name_en, 'name_ru', x.name_ru)
            ORDER BY x.name_en, x.id), '[]')
        FROM {expert_areas} ea JOIN {area} x ON x.id = ea.expertisearea_id
        WHERE ea.expert_id = e.id),
    (SELECT COALESCE(json_agg(json_build_object(
                'id', l.id, 'expert_id', l.expert_id, 'language', l.language, 'level', l.level)
            ORDER BY l.level DESC, l.language), '[]')
        FROM {language} l
        WHERE l.expert_id = e.id),
    (SELECT COALESCE(json_agg(json_build_array(
                json_build_object('id', h.id, 'expert_id', h.expert_id,
                    'competency_id', h.competency_id, 'level_id', h.level_id),
                json_build_object('id', c.id, 'code', c.code,
                    'name_en', c.name_en, 'name_ru', c.name_ru),
                json_build_object('id', p.id, 'number', p.number,
                    'name_en', p.name_en, 'name_ru', p.name_ru))
            ORDER BY f.position, c.position, c.code), '[]')
        FROM {holding} h
        JOIN {competency} c ON c.id = h.competency_id
        JOIN {family} f ON f.id = c.family_id
        JOIN {level} p ON p.id = h.level_id
        WHERE h.expert_id = e.id AND c.status = %(endorsed)s),
    (SELECT COALESCE(json_agg(json_build_array(
                json_build_object('id', m.id, 'expert_id', m.expert_id,
                    'administration_id', m.administration_id,
                    'start_date', m.start_date, 'end_date', m.end_date),
                json_build_object('id', h.id, 'name_en', h.name_en, 'name_ru', h.name_ru))
            ORDER BY m.start_date DESC, m.id DESC), '[]')
        FROM {mission} m JOIN {administration} h ON h.id = m.administration_id
        WHERE m.expert_id = e.id)
FROM {expert} e JOIN {administration} a ON a.id = e.administration_id
WHERE e.id = %(pk)s AND e.withdrawn_at IS NULL AND e.erased_on IS NULL
"""


@dataclass(frozen=True)
class ExpertDetail:
    """A listed expert (with `administration`) and the lists their page shows, in its order."""

    expert: Expert
    areas: list[ExpertiseArea]
    languages: list[ExpertLanguage]
    competencies: list[ExpertCompetency]  # with `competency` and `level`
    missions: list  # needs' Mission, with `administration` (the host), latest first


def detail_rows_sql() -> str:
    return DETAIL_ROWS_SQL.format(
        expert_columns=", ".join(f"e.{connection.ops.quote_name(name)}" for name in EXPERT),
        expert=Expert._meta.db_table,
        administration=Administration._meta.db_table,
        expert_areas=Expert.areas.through._meta.db_table,
        area=ExpertiseArea._meta.db_table,
        language=ExpertLanguage._meta.db_table,
        holding=ExpertCompetency._meta.db_table,
        competency=Competency._meta.db_table,
        family=Competency.family.field.related_model._meta.db_table,
        level=ProficiencyLevel._meta.db_table,
        mission=Mission._meta.db_table,
    )


def _instance[M: models.Model](model: type[M], row: dict) -> M:
    """An instance of `model` loaded with the columns of `row` (keyed by attname), as the ORM
    loads one: `from_db` takes the values in the order of the model's fields."""
    names = [field.attname for field in model._meta.concrete_fields if field.attname in row]
    return model.from_db(connection.alias, names, [row[name] for name in names])


def _day(value: str) -> datetime.date:
    return datetime.date.fromisoformat(value)  # JSON writes a date as YYYY-MM-DD


def _holding(holding: dict, competency: dict, level: dict) -> ExpertCompetency:
    held = _instance(ExpertCompetency, holding)
    held.competency = _instance(Competency, competency)
    held.level = _instance(ProficiencyLevel, level)
    return held


def _mission(mission: dict, host: dict):
    days = {"start_date": _day(mission["start_date"]), "end_date": _day(mission["end_date"])}
    instance = _instance(Mission, {**mission, **days})
    instance.administration = _instance(Administration, host)
    return instance


def expert_detail_rows(*, pk: int) -> ExpertDetail:
    """The listed expert `pk` and what their page lists, in one statement. Raises
    Expert.DoesNotExist for an unknown, withdrawn or erased record."""
    with connection.cursor() as cursor:
        cursor.execute(detail_rows_sql(), {"pk": pk, "endorsed": Status.ENDORSED})
        row = cursor.fetchone()
    if row is None:
        raise Expert.DoesNotExist(f"No listed expert {pk}.")
    *columns, administration, areas, languages, competencies, missions = row
    expert = _instance(Expert, dict(zip(EXPERT, columns, strict=True)))
    expert.administration = _instance(Administration, administration)
    return ExpertDetail(
        expert=expert,
        areas=[_instance(ExpertiseArea, area) for area in areas],
        languages=[_instance(ExpertLanguage, language) for language in languages],
        competencies=[_holding(*holding) for holding in competencies],
        missions=[_mission(*mission) for mission in missions],
    )
