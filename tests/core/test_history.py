"""Edit history: every model office staff or focal points edit is versioned by django-reversion
with every column, English and Russian alike; every admin of the portal keeps that history (and
refuses to overwrite a concurrent edit); a revert brings back exactly what was there."""

import datetime
import re

import pytest
import reversion
from django.apps import apps
from django.contrib import admin
from django.forms.models import _get_foreign_key
from django.test import RequestFactory
from modeltranslation.admin import TranslationAdmin
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import _get_options

from accounts.models import User
from administrations.models import AccessLogEntry
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationRound,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    SelfAssessment,
    SelfRating,
)
from competencies.models.assessments import ProfileAssessment, StatementRating
from competencies.models.versions import (
    FrameworkVersion,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
    VersionedRequirement,
)
from contacts.models import ContactPoint, TrainingCentre
from core.admin import ConflictCheckAdmin
from core.concurrency import FIELD, row_fingerprint
from experts.models import Expert, Nomination
from library.models import Category, Document
from needs.models import NeedsRequest, NeedsRound, NeedsRoundReminder
from outreach.models import Event, NewsItem, Tool
from tests.competencies.factories import (
    level,
    make_comment,
    make_competency,
    make_consultation_round,
    make_position,
    make_tool,
)
from tests.contacts.builders import make_centre, make_contact
from tests.experts.factories import make_expert, make_nomination
from tests.factories import make_user
from tests.library.factories import make_category, make_document
from tests.needs.factories import make_need, make_round
from tests.outreach.factories import make_event, make_news
from workplan.models import BudgetLine, Contribution, Donor, Expenditure, Target

PORTAL_APPS = {"core", "administrations", "accounts", "contacts", "experts", "library", "workplan"}
PORTAL_APPS |= {"outreach", "competencies", "needs", "portal"}

# Models without an edit history, and why.
UNVERSIONED = {
    SelfAssessment: "a member's own self-assessment: no one else edits it, and it has no admin",
    SelfRating: "a line of a self-assessment",
    ProfileAssessment: "a member's own assessment against a profile: no one else edits it",
    StatementRating: "a line of a profile assessment",
    # An endorsed version is a copy made once and never changed: it is itself the history.
    FrameworkVersion: "an endorsed version of the framework, never changed once made",
    VersionedPosition: "a position as a version holds it",
    VersionedCompetency: "a competency as a version holds it",
    VersionedDescriptor: "a level descriptor as a version holds it",
    VersionedRequirement: "a requirement as a version holds it",
    NeedsRoundReminder: "a log of the reminders mailed, written by a command, edited by no one",
    AccessLogEntry: "the personal-data access log: written by the portal, read-only in the "
    "admin; a history of it would keep what its purge deletes",
}
# Columns the history leaves out, and why.
EXCLUDED_COLUMNS = {User: {"password", "last_login"}}  # a password hash is never kept around


def portal_models():
    return [model for model in apps.get_models() if model._meta.app_label in PORTAL_APPS]


def translated_columns(model) -> set[str]:
    fields = translator.get_options_for_model(model).all_fields
    return {column.attname for columns in fields.values() for column in columns}


def test_every_model_is_versioned_with_every_column():
    for model in portal_models():
        if model in UNVERSIONED:
            assert not reversion.is_registered(model)
            continue
        assert reversion.is_registered(model), model
        stored = set(_get_options(model).fields)
        fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
        columns = {field.name for field in fields}
        assert stored == columns - EXCLUDED_COLUMNS.get(model, set()), model


def test_translated_models_keep_both_languages():
    translated = [m for m in translator.get_registered_models() if m not in UNVERSIONED]
    assert len(translated) >= 20
    for model in translated:
        columns = translated_columns(model)
        assert {column[-3:] for column in columns} == {"_en", "_ru"}, model
        assert columns <= set(_get_options(model).fields), model


def _superuser_request():
    return RequestFactory().get("/")


def test_every_admin_keeps_the_history_and_checks_for_conflicts():
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        if model in UNVERSIONED:  # read-only: nothing to keep a history of
            assert not model_admin.has_change_permission(_superuser_request()), model
            continue
        assert isinstance(model_admin, VersionAdmin), model
        assert isinstance(model_admin, ConflictCheckAdmin), model
        if model in translator.get_registered_models():
            assert isinstance(model_admin, TranslationAdmin), model
        for inline in model_admin.inlines:
            # The inline's rows are versioned, and a version of the record holds them.
            assert reversion.is_registered(inline.model), inline
            key = _get_foreign_key(model, inline.model, fk_name=inline.fk_name)
            assert key.remote_field.get_accessor_name() in _get_options(model).follow, inline


# Revert restores exactly ---------------------------------------------------------------------

BUILDERS = {
    ContactPoint: lambda: make_contact(_georgia()),
    TrainingCentre: lambda: make_centre(_georgia()),
    Expert: lambda: make_expert(administration=_georgia()),
    Nomination: lambda: make_nomination(
        nominated_by=make_user(administration=_georgia(), is_focal_point=True)
    ),
    Category: make_category,
    Document: lambda: make_document(languages=()),
    NewsItem: make_news,
    Event: make_event,
    Tool: make_tool,
    NeedsRequest: lambda: make_need(
        submitted_by=make_user(administration=_georgia(), is_focal_point=True)
    ),
    NeedsRound: make_round,
    # The seeds give no position, competency or scale: a fresh database has none.
    JobPosition: make_position,
    Competency: make_competency,
    ProficiencyLevel: lambda: level(1),
    LevelDescriptor: lambda: make_competency().descriptors.first(),
    ConsultationRound: make_consultation_round,
    ConsultationComment: lambda: _comment(),
    Target: lambda: _target(),
    Donor: lambda: _budget_row(Donor),
    BudgetLine: lambda: _budget_row(BudgetLine),
    Contribution: lambda: _budget_row(Contribution),
    Expenditure: lambda: _budget_row(Expenditure),
}


def _budget_row(model):
    """A row of the current plan's budget (expenditure in a period whose report is open)."""
    from workplan import budget_services
    from workplan.models import Goal, ReportingPeriod

    goal = Goal.objects.filter(plan__is_current=True).order_by("number").first()
    if model is Donor:
        return budget_services.donor_create(name={"en": "A fund", "ru": "Фонд"})
    if model is BudgetLine:
        return budget_services.budget_line_set(goal=goal, year=2031, amount=10, notes={"en": "A"})
    if model is Contribution:
        return budget_services.contribution_set(
            plan=goal.plan, year=2031, source="wco", amount=10, notes={"en": "A"}
        )
    period = ReportingPeriod.objects.create(
        name_en="2031", starts_on=datetime.date(2031, 1, 1), ends_on=datetime.date(2031, 12, 31)
    )
    return budget_services.expenditure_set(goal=goal, period=period, amount=10)


def _target():
    """A target of a seed indicator, for a period whose report is open (a draft)."""
    from workplan.models import Indicator, ReportingPeriod
    from workplan.services import target_set

    period = ReportingPeriod.objects.create(
        name_en="2031", starts_on=datetime.date(2031, 1, 1), ends_on=datetime.date(2031, 12, 31)
    )
    indicator = Indicator.objects.filter(measure="number").order_by("pk").first()
    return target_set(indicator=indicator, period=period, value=3, notes={"en": "Three"})


def _comment():
    position = make_position()
    return make_comment(
        round=make_consultation_round(positions=[position]),
        author=make_user(administration=_georgia()),
        position=position,
    )


def _georgia():
    from administrations.models import Administration

    return Administration.objects.get(code="GE")


def row(obj) -> dict:
    """The stored row, every column (by its own name, whatever the page language), except the
    ones a save stamps with the time. Times are compared to the millisecond: the history stores
    them as JSON, which keeps no more."""
    model = type(obj)
    skipped = {f.attname for f in model._meta.concrete_fields if getattr(f, "auto_now", False)}
    columns = [f.attname for f in model._meta.concrete_fields if f.attname not in skipped]
    values = model._base_manager.filter(pk=obj.pk).rewrite(False).values(*columns).get()
    return {
        column: value.replace(microsecond=value.microsecond // 1000 * 1000)
        if isinstance(value, datetime.datetime)
        else value
        for column, value in values.items()
    }


def changed_text(model, column: str) -> str:
    text = f"Изменено: {model.__name__} {column}"
    if column.startswith("body"):
        return f"<p>{text}</p>"
    max_length = model._meta.get_field(column).max_length
    return text[:max_length] if max_length else text


@pytest.mark.django_db
@pytest.mark.parametrize(
    "model",
    [model for model in translator.get_registered_models() if model not in UNVERSIONED],
    ids=lambda model: model.__name__,
)
def test_a_revert_restores_every_translated_column(model, staff):
    obj = model.objects.order_by("pk").first() or BUILDERS[model]()
    with reversion.create_revision():
        reversion.set_user(staff)
        obj.save()
    before = row(obj)

    columns = sorted(translated_columns(model))
    for column in columns:
        setattr(obj, column, changed_text(model, column))
    with reversion.create_revision():
        obj.save()
    edited = row(obj)
    assert all(edited[column] == changed_text(model, column) for column in columns)

    # The version saved first above (the seeded data may have older ones).
    edit, first = Version.objects.get_for_object(obj).order_by("-pk")[:2]
    assert all(edit.field_dict[column] == changed_text(model, column) for column in columns)
    assert set(columns) <= set(first.field_dict)
    assert first.revision.user == staff  # who; and when:
    assert first.revision.date_created is not None
    first.revision.revert()
    assert row(obj) == before


# The users' admin ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_staff_add_and_change_users_with_history_but_no_password_kept(staff_client, georgia):
    page = staff_client.get("/admin/accounts/user/add/").content.decode()
    assert 'name="password1"' in page and FIELD not in page
    response = staff_client.post(
        "/admin/accounts/user/add/",
        {
            "email": "new.member@customs.ge",
            "full_name": "New Member",
            "administration": georgia.pk,
            "language": "en",
            "password1": "A-long-enough-passphrase-7",
            "password2": "A-long-enough-passphrase-7",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user = User.objects.get(email="new.member@customs.ge")

    url = f"/admin/accounts/user/{user.pk}/change/"
    page = staff_client.get(url).content.decode()
    fingerprint = re.search(r'name="edit_fingerprint" value="(\w+)"', page).group(1)
    assert fingerprint == row_fingerprint(User, user.pk)
    response = staff_client.post(
        url,
        {
            "email": user.email,
            "full_name": "New Member",
            "language": "en",
            "administration": georgia.pk,
            "is_focal_point": "on",
            "is_active": "on",
            "date_joined_0": "2026-01-01",
            "date_joined_1": "10:00:00",
            FIELD: fingerprint,
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    user.refresh_from_db()
    assert user.is_focal_point
    version, added = Version.objects.get_for_object(user).order_by("-pk")
    assert version.field_dict["is_focal_point"] is True
    assert "password" not in version.field_dict
    assert version.revision.user.email == "staff@rocb.test"
    assert added.field_dict["is_focal_point"] is False  # as it was added
