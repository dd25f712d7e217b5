"""WCO tools and e-learning courses: their import and export, and their edit form."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.admin import AllOrNothingImportMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS, Resource
from outreach.models import Tool


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


class ToolForm(forms.ModelForm):
    course_languages = forms.MultipleChoiceField(
        label=_("Course languages"),
        choices=Tool.CourseLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("For an e-learning course: the languages it is offered in."),
    )

    class Meta:
        model = Tool
        fields = ["course_languages"]  # the admin's `fields` name the others


@admin.register(Tool)
class ToolAdmin(AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin):
    form = ToolForm
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
        "course_languages",
        "course_length",
        "course_format",
        "enrol_url",
    ]
