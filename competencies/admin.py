"""The office edits the framework here: positions with their requirements, competencies with
their level descriptors, every edit in the history; and the whole framework goes out to and
comes back from a spreadsheet (see `spreadsheet.py`).

Members' self-assessments are theirs alone and have no admin.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from competencies import spreadsheet
from competencies.forms import FrameworkImportForm
from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    TopicalCluster,
)
from core.admin import BoundedInlineMixin, TranslatedHistoryAdmin

FRAMEWORK_MODELS = [resource._meta.model for _name, resource in spreadsheet.SHEETS]


class FrameworkAdmin(TranslatedHistoryAdmin):
    """Edit history, plus a link to the framework's spreadsheet import and export."""

    change_list_template = "admin/competencies/change_list.html"


class LevelDescriptorInline(BoundedInlineMixin, TranslationTabularInline):
    model = LevelDescriptor
    extra = 0
    max_num = 9  # one a proficiency level (numbered 1 to 9)
    fields = ["level", "indicators"]
    ordering = ["level__number"]


class RequirementInline(BoundedInlineMixin, admin.TabularInline):
    model = Requirement
    extra = 0
    max_num = 300  # one a competency (the dictionary has 80)
    fields = ["competency", "level"]
    autocomplete_fields = ["competency"]
    ordering = ["competency__family__position", "competency__position", "competency__code"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("competency", "level")


@admin.register(FunctionalArea)
class FunctionalAreaAdmin(FrameworkAdmin):
    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["code", "name_en", "name_ru"]


@admin.register(JobPosition)
class JobPositionAdmin(FrameworkAdmin):
    list_display = ["title", "area", "reports_to", "is_draft", "position"]
    list_filter = ["area", "is_draft"]
    list_select_related = ["area", "reports_to"]
    list_editable = ["is_draft", "position"]
    search_fields = ["slug", "title_en", "title_ru", "purpose_en", "purpose_ru"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["reports_to"]
    inlines = [RequirementInline]


@admin.register(CompetencyFamily)
class CompetencyFamilyAdmin(FrameworkAdmin):
    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["code", "name_en", "name_ru"]


@admin.register(Competency)
class CompetencyAdmin(FrameworkAdmin):
    list_display = ["code", "name", "family", "is_draft", "position"]
    list_filter = ["family", "is_draft"]
    list_select_related = ["family"]
    list_editable = ["is_draft", "position"]
    search_fields = ["code", "name_en", "name_ru", "definition_en", "definition_ru"]
    autocomplete_fields = ["learning_resources"]
    inlines = [LevelDescriptorInline]

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "spreadsheet/",
                view(self.spreadsheet_view),
                name="competencies_framework_spreadsheet",
            ),
            path(
                "spreadsheet/export/<str:file_format>/",
                view(self.spreadsheet_export_view),
                name="competencies_framework_export",
            ),
            *super().get_urls(),
        ]

    def _check_framework_permissions(self, request, *actions: str) -> None:
        wanted = [
            f"{model._meta.app_label}.{action}_{model._meta.model_name}"
            for model in FRAMEWORK_MODELS
            for action in actions
        ]
        if not request.user.has_perms(wanted):
            raise PermissionDenied

    def spreadsheet_export_view(self, request, file_format):
        """The whole framework as an XLSX workbook or a ZIP of CSV files."""
        self._check_framework_permissions(request, "view")
        if file_format not in spreadsheet.EXPORTS:
            raise Http404
        build, content_type, filename = spreadsheet.EXPORTS[file_format]
        response = HttpResponse(build(), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def spreadsheet_view(self, request):
        """Export links, and an import that checks a file first (nothing saved) and imports it
        only when asked and free of errors."""
        self._check_framework_permissions(request, "view")
        form = FrameworkImportForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST":
            self._check_framework_permissions(request, "add", "change")
            if form.is_valid():
                try:
                    report = spreadsheet.framework_import(
                        datasets=form.datasets(),
                        user=request.user,
                        dry_run="import" not in request.POST,
                    )
                except spreadsheet.FrameworkFileError as error:
                    form.add_error("file", str(error))
                else:
                    if report.committed:
                        messages.success(request, _("The framework is imported."))
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import and export the competency framework"),
            "opts": self.model._meta,
            "form": form,
            "report": report,
            "sheets": [name for name, _resource in spreadsheet.SHEETS],
            "export_urls": {
                file_format: reverse("admin:competencies_framework_export", args=[file_format])
                for file_format in spreadsheet.EXPORTS
            },
        }
        return TemplateResponse(request, "admin/competencies/framework_spreadsheet.html", context)


@admin.register(ProficiencyLevel)
class ProficiencyLevelAdmin(FrameworkAdmin):
    list_display = ["number", "name"]
    search_fields = ["name_en", "name_ru"]


@admin.register(QualificationLevel)
class QualificationLevelAdmin(FrameworkAdmin):
    list_display = ["level", "profile", "track", "certificate"]
    list_filter = ["level", "track"]
    search_fields = ["profile_en", "profile_ru", "certificate_en", "certificate_ru"]


@admin.register(TopicalCluster)
class TopicalClusterAdmin(FrameworkAdmin):
    list_display = ["number", "title"]
    search_fields = ["title_en", "title_ru", "topics_en", "topics_ru"]
