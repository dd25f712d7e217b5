from django.contrib import admin

from outreach.models import Tool
from rocb.admin import TranslatedHistoryAdmin


@admin.register(Tool)
class ToolAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "kind", "is_promoted", "position"]
    list_filter = ["kind", "is_promoted"]
    list_editable = ["is_promoted", "position"]
    search_fields = ["title_en", "title_ru", "description_en", "description_ru"]
    prepopulated_fields = {"slug": ["title_en"]}
