"""No formset builds more forms than its page needs, whatever number of forms a post claims."""

import pytest
from django.contrib.admin import site
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


def admin_request(staff):
    request = RequestFactory().get("/admin/")
    request.user = staff
    return request


def inlines():
    return [
        (model_admin, inline_class)
        for model_admin in site._registry.values()
        for inline_class in model_admin.inlines
    ]


def test_there_are_inlines_to_check():
    assert len(inlines()) >= 7


@pytest.mark.parametrize(
    ("model_admin", "inline_class"),
    inlines(),
    ids=lambda value: getattr(value, "__name__", type(value).__name__),
)
def test_every_admin_inline_builds_at_most_its_maximum(staff, model_admin, inline_class):
    inline = inline_class(model_admin.model, site)
    assert inline.max_num is not None, f"{inline_class.__name__} needs a max_num"
    formset = inline.get_formset(admin_request(staff))
    assert formset.absolute_max == formset.max_num == inline.max_num


@pytest.mark.parametrize(
    "model_admin",
    [model_admin for model_admin in site._registry.values() if model_admin.list_editable],
    ids=lambda model_admin: type(model_admin).__name__,
)
def test_every_editable_change_list_builds_at_most_a_page(staff, model_admin):
    formset = model_admin.get_changelist_formset(admin_request(staff))
    assert formset.absolute_max == max(model_admin.list_per_page, model_admin.list_max_show_all)


def test_a_change_list_post_claiming_a_million_rows_is_refused(staff_client):
    """The competency dictionary's change list, whose order is edited in place."""
    response = staff_client.post(
        "/admin/competencies/competency/",
        {
            "form-TOTAL_FORMS": "1000000",
            "form-INITIAL_FORMS": "0",
            "_save": "Save",
        },
    )
    assert response.status_code == 200
    assert len(response.context["cl"].formset.forms) <= 200
