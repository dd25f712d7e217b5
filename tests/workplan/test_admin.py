"""Staff edit the plan in the admin: every page works, the history reverts, deletions recover."""

import pytest
from django.test import Client
from reversion.models import Version

from core.history import note_text
from tests.workplan.admin_forms import change_form_data
from workplan import services
from workplan.models import (
    Activity,
    Actual,
    Goal,
    Indicator,
    Plan,
    ReportingPeriod,
    Stakeholder,
    Target,
)

pytestmark = pytest.mark.django_db

MODELS = [
    "plan",
    "goal",
    "activity",
    "stakeholder",
    "reportingperiod",
    "indicator",
    "target",
    "actual",
]


@pytest.mark.parametrize("model", MODELS)
def test_every_admin_list_and_form_opens(staff_client, plan, model):
    Target.objects.create(
        indicator=Indicator.objects.first(), period=ReportingPeriod.objects.get(), value=1
    )
    changelist = staff_client.get(f"/admin/workplan/{model}/", {"q": "capacity"})
    assert changelist.status_code == 200
    assert staff_client.get(f"/admin/workplan/{model}/add/").status_code == 200
    first = (
        changelist.context["cl"].result_list.first()
        or changelist.context["cl"].queryset.model.objects.first()
    )
    assert staff_client.get(f"/admin/workplan/{model}/{first.pk}/change/").status_code == 200
    assert staff_client.get(f"/admin/workplan/{model}/recover/").status_code == 200


def test_activity_list_filters_and_finds_by_number(staff_client, plan):
    response = staff_client.get("/admin/workplan/activity/", {"q": "1.3"})
    assert [activity.number for activity in response.context["cl"].result_list] == ["1.3"]
    response = staff_client.get("/admin/workplan/activity/", {"q": "потребностей"})
    assert "1.1" in [activity.number for activity in response.context["cl"].result_list]
    wco = Stakeholder.objects.get(slug="wco")
    response = staff_client.get(
        "/admin/workplan/activity/", {"stakeholders__id__exact": wco.pk, "status__exact": "ongoing"}
    )
    numbers = [activity.number for activity in response.context["cl"].result_list]
    assert "1.1" in numbers and "2.3" not in numbers and "2.4" not in numbers


def test_the_admin_is_not_for_members(member_client, plan):
    response = member_client.get("/admin/workplan/activity/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def edit(staff_client, activity, **changes):
    url = f"/admin/workplan/activity/{activity.pk}/change/"
    data = change_form_data(staff_client.get(url))
    data.update(changes)
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors


def test_the_history_shows_and_reverts_a_russian_edit(staff_client, activity):
    visitor = Client()
    original_ru = activity.title_ru
    edit(staff_client, activity, title_ru="Изменённое название мероприятия")
    assert "Изменённое название мероприятия" in visitor.get("/ru/workplan/").content.decode()
    activity.refresh_from_db()
    assert activity.title_ru == "Изменённое название мероприятия"
    assert activity.title_en.startswith("Maintain and promote")

    history = staff_client.get(f"/admin/workplan/activity/{activity.pk}/history/")
    assert history.status_code == 200
    versions = Version.objects.get_for_object(activity)  # newest first
    assert versions.first().field_dict["title_ru"] == "Изменённое название мероприятия"
    initial = versions.last()  # the plan as the migrations loaded it
    assert initial.field_dict["title_ru"] == original_ru
    assert f"/admin/workplan/activity/{activity.pk}/history/{initial.pk}/" in (
        history.content.decode()
    )

    revert_url = f"/admin/workplan/activity/{activity.pk}/history/{initial.pk}/"
    form = staff_client.get(revert_url)
    assert form.status_code == 200
    response = staff_client.post(revert_url, change_form_data(form))
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title_ru == original_ru
    assert activity.title_en.startswith("Maintain and promote")
    assert list(activity.stakeholders.values_list("slug", flat=True)) == [
        "member-administrations",
        "wco",
    ]
    assert original_ru in visitor.get("/ru/workplan/").content.decode()  # not the cached page


def test_a_progress_edit_in_the_inline_is_in_the_history(staff_client, activity):
    indicator = activity.indicators.get()
    draft = services.reporting_period_create(
        name={"en": "2021"}, starts_on="2021-01-01", ends_on="2021-12-31"
    )
    entry = services.actual_record(
        indicator=indicator, period=draft, narratives={"en": "Begun."}, value=1, author=None
    )
    url = f"/admin/workplan/indicator/{indicator.pk}/change/"
    data = change_form_data(staff_client.get(url))
    index = next(k for k, v in data.items() if k.endswith("-id") and v == str(entry.pk))
    prefix = index.removesuffix("-id")
    data[f"{prefix}-narrative_ru"] = "Новый текст о ходе работы."
    response = staff_client.post(url, data)
    assert response.status_code == 302, response.context["inline_admin_formsets"][1].formset.errors
    entry.refresh_from_db()
    assert entry.narrative_ru == "Новый текст о ходе работы."
    assert entry.author.is_staff
    latest = Version.objects.get_for_object(indicator).first()
    assert "Новый текст о ходе работы." in str(
        latest.revision.version_set.get(
            content_type__model="actual", object_id=str(entry.pk)
        ).serialized_data
    )


def test_a_deleted_activity_is_recovered_with_its_progress_and_stakeholders(staff_client, plan):
    activity = Activity.objects.get(goal__number=1, sequence=3)
    assert Actual.objects.filter(indicator__activity=activity).count() == 1
    # Its 2020 figures are approved and locked: they go with it once the period is reopened.
    ReportingPeriod.objects.update(report_status="draft")
    response = staff_client.post(f"/admin/workplan/activity/{activity.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Activity.objects.filter(pk=activity.pk).exists()

    recover_list = staff_client.get("/admin/workplan/activity/recover/").content.decode()
    deleted = Version.objects.get_deleted(Activity).get(object_id=str(activity.pk))
    assert f"/admin/workplan/activity/recover/{deleted.pk}/" in recover_list
    url = f"/admin/workplan/activity/recover/{deleted.pk}/"
    response = staff_client.post(url, change_form_data(staff_client.get(url)))
    assert response.status_code == 302

    recovered = Activity.objects.get(pk=activity.pk)
    assert recovered.title_ru.startswith("Инициировать, разрабатывать")
    assert recovered.stakeholders.count() == 4
    actual = Actual.objects.get(indicator__activity=recovered)
    assert actual.narrative_ru.startswith("Новости, инструменты")


def test_a_plan_is_made_current_from_the_admin(staff_client, plan):
    other = Plan.objects.create(title_en="Work Plan 2027", start_year=2027)
    response = staff_client.post(
        "/admin/workplan/plan/",
        {"action": "make_current", "_selected_action": [other.pk]},
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    other.refresh_from_db()
    assert other.is_current and not plan.is_current
    for changed in (plan, other):  # through the service, with an entry in each one's history
        revision = Version.objects.get_for_object(changed).first().revision
        assert revision.user.is_staff
        assert note_text(revision.get_comment()) == "Shown on the public pages"


def test_database_rules_hold(plan):
    from django.core.exceptions import ValidationError

    goal = Goal.objects.get(plan=plan, number=1)
    with pytest.raises(ValidationError, match="already has an activity with this number"):
        Activity(goal=goal, sequence=1, title_en="Twice").full_clean()
    with pytest.raises(ValidationError, match="already the current one"):
        Plan(title_en="Another", start_year=2024, is_current=True).full_clean()
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        ReportingPeriod(name_en="Odd", starts_on="2025-02-01", ends_on="2025-01-01").full_clean()
    draft = ReportingPeriod.objects.create(
        name_en="2021", starts_on="2021-01-01", ends_on="2021-12-31"
    )
    words = Actual.objects.filter(indicator__measure="qualitative").first()
    with pytest.raises(ValidationError, match="described in words"):
        Actual(indicator=words.indicator, period=draft, value=3).full_clean()
