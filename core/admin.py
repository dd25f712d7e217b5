"""Base admin classes shared by the apps."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import quote, unquote
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin
from reversion.models import Version
from reversion.revisions import _get_options, is_active, set_comment

from core import history
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


class ChangesHistoryAdmin(VersionAdmin):
    """django-reversion's admin with what each version changed (old and new values) on the
    history page, what a revert will change on the revert page, and notes in the reader's
    language (see core.history)."""

    object_history_template = "admin/history/object_history.html"
    revision_form_template = "admin/history/revision_form.html"

    def log_addition(self, request, object, message):
        entry = super().log_addition(request, object, message)
        if is_active():  # the admin's JSON message, translated when read
            set_comment(entry.change_message)
        return entry

    def log_change(self, request, object, message):
        entry = super().log_change(request, object, message)
        if is_active():
            set_comment(entry.change_message)
        return entry

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        opts, version_opts = self.model._meta, _get_options(self.model)
        if version_opts.object_id_field == opts.pk.attname:
            reference = unquote(object_id)
        else:
            obj = get_object_or_404(self.model, pk=unquote(object_id))
            reference = str(getattr(obj, version_opts.object_id_field))
        versions = Version.objects.get_for_object_reference(self.model, reference)
        versions = list(
            self._reversion_order_version_queryset(
                request, versions.select_related("revision", "revision__user")
            )
        )
        changes = history.version_list_changes(self.model, versions)
        action_list = [
            {
                "revision": version.revision,
                "note": history.note_text(version.revision.get_comment()),
                "changes": changed,
                "url": reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.id),
                ),
            }
            for version, changed in zip(versions, changes, strict=True)
        ]
        context = {"action_list": action_list, **(extra_context or {})}
        # Django's own history view (the log entries, permissions, breadcrumbs), skipping
        # VersionAdmin's, which would read the versions a second time.
        return super(VersionAdmin, self).history_view(request, object_id, context)

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id, object_id=unquote(object_id))
        obj = self.get_object(request, unquote(object_id))
        changes = []
        if obj is not None and request.method == "GET":
            changes = history.changes_between(
                self.model, history.current_fields(obj), history.version_fields(version)
            )
        context = {"revert_changes": changes, "revert_compared": obj is not None}
        with history.reverting(version):
            return super().revision_view(
                request, object_id, version_id, context | (extra_context or {})
            )

    def recover_view(self, request, version_id, extra_context=None):
        version = get_object_or_404(Version, pk=version_id)
        with history.reverting(version):
            return super().recover_view(request, version_id, extra_context)


class HistoryAdmin(ConflictCheckAdmin, ChangesHistoryAdmin):
    """Admin with an edit history staff can browse and revert, recovery of deleted rows, and
    conflict detection.

    Registering through VersionAdmin happens after modeltranslation has added the language
    columns, so every version stores the English and the Russian text.
    """


class TranslatedHistoryAdmin(ConflictCheckAdmin, ChangesHistoryAdmin, TranslationAdmin):
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
