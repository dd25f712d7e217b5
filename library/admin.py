from django.conf import settings
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin, ImportExportMixin

from core.admin import AllOrNothingImportMixin, BoundedInlineMixin, TranslatedHistoryAdmin
from core.sitesearch import search_query
from core.spreadsheets import FORMATS, Resource
from library.forms import DocumentFileAdminForm
from library.models import Category, Document, DocumentFile
from library.views import serve_document_file


class CategoryResource(Resource):
    class Meta:
        model = Category
        fields = ["id", "slug", "name_en", "name_ru", "position"]


@admin.register(Category)
class CategoryAdmin(AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin):
    resource_classes = [CategoryResource]
    formats = FORMATS
    list_display = ["name", "slug", "position", "document_count"]
    list_editable = ["position"]
    search_fields = ["name_en", "name_ru", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(document_total=Count("documents"))

    @admin.display(description=_("documents"), ordering="document_total")
    def document_count(self, category):
        return category.document_total


class DocumentFileInline(BoundedInlineMixin, admin.TabularInline):
    model = DocumentFile
    form = DocumentFileAdminForm
    fields = ["language", "file", "download", "kind", "file_size"]
    readonly_fields = ["download", "kind", "file_size"]
    extra = 0
    max_num = len(settings.LANGUAGES)

    @admin.display(description=_("current file"))
    def download(self, document_file):
        if not document_file.pk:
            return "-"
        url = reverse(
            "admin:library_document_download",
            args=[document_file.document_id, document_file.language],
        )
        # format_html escapes its arguments: the uploaded file name shows as text.
        return format_html('<a href="{}">{}</a>', url, document_file.original_name)

    @admin.display(description=_("size"))
    def file_size(self, document_file):
        return filesizeformat(document_file.size) if document_file.pk else "-"


class DocumentResource(Resource):
    category = fields.Field(attribute="category__name", column_name="category")
    languages = fields.Field(column_name="languages")

    class Meta:
        model = Document
        fields = [
            "id",
            "title_en",
            "title_ru",
            "description_en",
            "description_ru",
            "category",
            "visibility",
            "published_on",
            "languages",
        ]

    def dehydrate_languages(self, document):
        return " ".join(f.language for f in document.files.all())


@admin.register(Document)
class DocumentAdmin(ExportMixin, TranslatedHistoryAdmin):
    resource_classes = [DocumentResource]
    formats = FORMATS
    inlines = [DocumentFileInline]
    list_display = ["title", "category", "visibility", "published_on", "languages"]
    list_filter = ["visibility", "category", "published_on"]
    list_select_related = ["category"]
    search_fields = [
        "title_en",
        "title_ru",
        "description_en",
        "description_ru",
        "files__original_name",
    ]
    search_help_text = _(
        "Finds words in the English and Russian titles and descriptions, in any word form, "
        "and in the names of the uploaded files."
    )
    date_hierarchy = "published_on"
    fields = [
        "title",
        "description",
        "category",
        "visibility",
        "published_on",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("files")

    def get_search_results(self, request, queryset, search_term):
        """Besides the substring search, full text in both languages, so "оценке" finds
        "таможенная оценка" and "valuing" finds "valuation"."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        text = search_term.strip()[:200].replace("\x00", "")
        if text:
            results |= queryset.filter(
                Q(search_en=search_query(text, "en")) | Q(search_ru=search_query(text, "ru"))
            )
        return results, may_have_duplicates

    @admin.display(description=_("languages"))
    def languages(self, document):
        return ", ".join(f.get_language_display() for f in document.files.all()) or "-"

    def get_urls(self):
        return [
            path(
                "<path:object_id>/download/<str:language>/",
                self.admin_site.admin_view(self.download_view),
                name="library_document_download",
            ),
            *super().get_urls(),
        ]

    def download_view(self, request, object_id, language):
        """Staff download any document's file here, the staff-only archive included."""
        document = self.get_object(request, object_id)
        if document is None:
            raise Http404
        if not self.has_view_permission(request, document):
            raise PermissionDenied
        return serve_document_file(
            get_object_or_404(DocumentFile, document=document, language=language)
        )
