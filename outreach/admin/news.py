"""News items: their spreadsheet import and export, and their edit form."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.admin import AllOrNothingImportMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS, Resource
from outreach.admin.publication import PublicationActions
from outreach.models import NewsItem


class NewsItemResource(Resource):
    class Meta:
        model = NewsItem
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "title_en",
            "title_ru",
            "summary_en",
            "summary_ru",
            "body_en",
            "body_ru",
            "status",
            "published_at",
        ]
        clean_model_instances = True
        skip_unchanged = True


@admin.register(NewsItem)
class NewsItemAdmin(
    PublicationActions, AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin
):
    resource_classes = [NewsItemResource]
    formats = FORMATS
    list_display = ["title", "status", "published_at", "updated_at"]
    list_filter = ["status", "published_at"]
    search_fields = ["title_en", "title_ru", "summary_en", "summary_ru", "slug"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Publication"), {"fields": ["status", "published_at", "updated_at"]}),
    ]
