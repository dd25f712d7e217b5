"""Base admin classes shared by the apps."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin

from rocb.concurrency import FIELD, ConflictCheckFormMixin


class ConflictCheckAdmin(admin.ModelAdmin):
    """The change form refuses to overwrite an edit saved by someone else meanwhile."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = kwargs.get("form", self.form)
        if not issubclass(form, ConflictCheckFormMixin):
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
