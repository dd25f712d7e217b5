"""Base admin classes shared by the apps."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.auth import get_permission_codename
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from core.concurrency import FIELD, ConflictCheckFormMixin
from core.models import SynonymGroup


class BoundedFormsetsAdmin(admin.ModelAdmin):
    """The change list's editable rows build no more forms than a page shows, whatever number a
    post claims (Django's formsets build up to 1,000 more than their maximum)."""

    def get_changelist_formset(self, request, **kwargs):
        rows = max(self.list_per_page, self.list_max_show_all)
        kwargs.setdefault("max_num", rows)
        kwargs.setdefault("absolute_max", rows)
        return super().get_changelist_formset(request, **kwargs)


class BoundedInlineMixin:
    """For admin inlines, which each set `max_num` to the rows one record can have (with room
    to spare: a record with more could not be saved): a post builds no more forms than that."""

    def get_formset(self, request, obj=None, **kwargs):
        kwargs.setdefault("absolute_max", self.get_max_num(request, obj, **kwargs))
        return super().get_formset(request, obj, **kwargs)


class ConflictCheckAdmin(BoundedFormsetsAdmin):
    """The change form refuses to overwrite an edit saved by someone else meanwhile."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Only a change form has a stored row to compare with; an add form stays as the admin
        # chose it (the user admin, for one, has a form of its own for adding).
        form = kwargs.get("form", self.form)
        if obj is not None and not issubclass(form, ConflictCheckFormMixin):
            kwargs["form"] = type(form.__name__, (ConflictCheckFormMixin, form), {})
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or FIELD in admin.utils.flatten_fieldsets(fieldsets):
            return fieldsets
        (name, options), *rest = fieldsets
        return [(name, {**options, "fields": [*options["fields"], FIELD]}), *rest]


class HistoryAdmin(ConflictCheckAdmin, VersionAdmin):
    """Admin with an edit history staff can browse and revert, recovery of deleted rows, and
    conflict detection.

    Registering through VersionAdmin happens after modeltranslation has added the language
    columns, so every version stores the English and the Russian text.
    """


class TranslatedHistoryAdmin(ConflictCheckAdmin, VersionAdmin, TranslationAdmin):
    """HistoryAdmin for translated models: English and Russian fields side by side."""


class AllOrNothingImportMixin:
    """For django-import-export admins (listed before ImportMixin): a confirmed import saves
    every row or none.

    The preview already refuses a file with a faulty row, but a row can still fail when the
    import is confirmed (the data changed in between). django-import-export then rolls back on
    exceptions only and keeps the valid rows; here a row that fails validation rolls the whole
    import back too, and staff are told that nothing was saved instead of "Import finished".

    An import adds and changes rows, so it needs both permissions on the model and on the
    `import_models` its import also writes.
    """

    import_models: tuple = ()

    def has_import_permission(self, request):
        models = [self.model, *self.import_models]
        wanted = [
            f"{model._meta.app_label}.{get_permission_codename(action, model._meta)}"
            for model in models
            for action in ("add", "change")
        ]
        return super().has_import_permission(request) and request.user.has_perms(wanted)

    def get_import_data_kwargs(self, **kwargs):
        return {**super().get_import_data_kwargs(**kwargs), "rollback_on_validation_errors": True}

    def choose_import_resource_class(self, form, request):
        resource_class = super().choose_import_resource_class(form, request)
        return type(resource_class.__name__, (_HeaderRowRequired, resource_class), {})

    def process_result(self, result, request):
        if not (result.has_errors() or result.has_validation_errors()):
            return super().process_result(result, request)
        rows = sorted(
            {number for number, _errors in result.row_errors()}
            | {row.number for row in result.invalid_rows}
        )
        if rows:
            message = _(
                "Nothing was imported: rows %(rows)s could not be saved. Upload the file again "
                "to see the errors."
            ) % {"rows": ", ".join(map(str, rows))}
        else:
            message = _("Nothing was imported. Upload the file again to see the errors.")
        messages.error(request, message)
        opts = self.model._meta
        return redirect(f"admin:{opts.app_label}_{opts.model_name}_import")


class _HeaderRowRequired:
    """A file whose first row is empty has no column names; django-import-export would fail on
    its rows with a TypeError (a server error). Such a file is refused with a message."""

    def import_data(self, dataset, **kwargs):
        if not dataset.headers or not any(dataset.headers):
            result = self.get_result_class()()
            error = ValueError(_("The first row of the file must name the columns."))
            result.append_base_error(self.get_error_result_class()(error))
            return result
        return super().import_data(dataset, **kwargs)


@admin.register(SynonymGroup)
class SynonymGroupAdmin(HistoryAdmin):
    """The office's synonyms for the site search and the experts search."""

    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]
    list_filter: list[str] = []
    list_select_related: list[str] = []


def decline_page(model_admin, request, *, items, form, title, intro, nothing, back):
    """The intermediate page of a "decline with a reason" action: the (pk, label) `items` to
    decline, the reason's `form`, and the texts of the action (translated by the caller)."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.opts,
        "title": title,
        "items": items,
        "form": form,
        "intro": intro,
        "nothing": nothing,
        "back": back,
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
    }
    return TemplateResponse(request, "admin/decline_with_reason.html", context)
