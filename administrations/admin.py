from django.contrib import admin

from administrations.models import Administration
from core.admin import TranslatedHistoryAdmin


@admin.register(Administration)
class AdministrationAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "code", "is_member", "is_rtc", "website"]
    list_filter = ["is_member", "is_rtc"]
    search_fields = ["name_en", "name_ru", "code"]
    ordering = ["name_en"]
