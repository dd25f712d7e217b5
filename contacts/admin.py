from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from contacts.models import Administration


@admin.register(Administration)
class AdministrationAdmin(TranslationAdmin):
    list_display = ["name", "code", "is_member", "is_rtc", "website"]
    list_filter = ["is_member", "is_rtc"]
    search_fields = ["name_en", "name_ru", "code"]
    ordering = ["name_en"]
