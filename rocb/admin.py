"""Base admin classes shared by the apps."""

from modeltranslation.admin import TranslationAdmin
from reversion.admin import VersionAdmin


class HistoryAdmin(VersionAdmin):
    """Admin with an edit history staff can browse and revert, and recovery of deleted rows.

    Registering through VersionAdmin happens after modeltranslation has added the language
    columns, so every version stores the English and the Russian text.
    """


class TranslatedHistoryAdmin(VersionAdmin, TranslationAdmin):
    """HistoryAdmin for translated models: English and Russian fields side by side."""
