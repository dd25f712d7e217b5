from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export.admin import ImportExportMixin

from core.admin import AllOrNothingImportMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS, Resource
from outreach import services
from outreach.models import Event, NewsItem, Status, Tool


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


class EventResource(Resource):
    class Meta:
        model = Event
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "kind",
            "title_en",
            "title_ru",
            "starts_on",
            "ends_on",
            "place_en",
            "place_ru",
            "description_en",
            "description_ru",
            "url",
            "status",
        ]
        clean_model_instances = True
        skip_unchanged = True


class ToolResource(Resource):
    class Meta:
        model = Tool
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "kind",
            "title_en",
            "title_ru",
            "description_en",
            "description_ru",
            "url",
            "is_promoted",
            "position",
        ]
        clean_model_instances = True
        skip_unchanged = True


class PublicationActions:
    """Publish / withdraw actions that refresh the public pages (see services)."""

    actions = ["publish", "withdraw"]

    def _set_status(self, request, queryset, status):
        changed = services.publication_status_set(items=queryset, status=status, by=request.user)
        self.message_user(
            request,
            ngettext("%(count)d item changed.", "%(count)d items changed.", changed)
            % {"count": changed},
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected items"), permissions=["change"])
    def publish(self, request, queryset):
        self._set_status(request, queryset, Status.PUBLISHED)

    @admin.action(
        description=_("Withdraw the selected items (back to draft)"), permissions=["change"]
    )
    def withdraw(self, request, queryset):
        self._set_status(request, queryset, Status.DRAFT)


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


@admin.register(Event)
class EventAdmin(
    PublicationActions, AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin
):
    resource_classes = [EventResource]
    formats = FORMATS
    list_display = ["title", "kind", "starts_on", "ends_on", "place", "status"]
    list_filter = ["status", "kind", "starts_on"]
    search_fields = ["title_en", "title_ru", "place_en", "place_ru", "slug"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "starts_on", "ends_on", "place"]}),
        (None, {"fields": ["description", "url"]}),
        (_("Publication"), {"fields": ["status", "updated_at"]}),
    ]


@admin.register(Tool)
class ToolAdmin(AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin):
    resource_classes = [ToolResource]
    formats = FORMATS
    list_display = ["title", "kind", "is_promoted", "position"]
    list_filter = ["kind", "is_promoted"]
    list_editable = ["is_promoted", "position"]
    search_fields = ["title_en", "title_ru", "description_en", "description_ru"]
    prepopulated_fields = {"slug": ["title_en"]}
    fields = [
        "kind",
        "title",
        "slug",
        "description",
        "url",
        "image",
        "image_alt",
        "is_promoted",
        "position",
    ]
