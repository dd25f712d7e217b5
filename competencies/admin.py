"""The office edits the framework here: positions with their requirements, competencies with
their level descriptors, every edit in the history; and the whole framework goes out to and
comes back from a spreadsheet (see `spreadsheet.py`).

Members' self-assessments are theirs alone and have no admin. Staff open the members'
consultation rounds here, read the comments grouped by item and administration, answer them
and mark them resolved.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from competencies import services, spreadsheet
from competencies.forms import EndorseForm, FrameworkImportForm, PublishedForm
from competencies.models import (
    Competency,
    CompetencyFamily,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    FrameworkVersion,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    Status,
    TopicalCluster,
)
from core.admin import BoundedInlineMixin, TranslatedHistoryAdmin

FRAMEWORK_MODELS = [resource._meta.model for _name, resource in spreadsheet.SHEETS]


class FrameworkAdmin(TranslatedHistoryAdmin):
    """Edit history, plus a link to the framework's spreadsheet import and export."""

    change_list_template = "admin/competencies/change_list.html"


class PublishedAdmin(FrameworkAdmin):
    """Positions and competencies: put into consultation or withdrawn from the list, endorsed
    at a meeting under Framework versions (which makes a numbered version); the change form
    keeps an endorsed item endorsed and shows the date and meeting."""

    form = PublishedForm
    actions = ["put_into_consultation", "withdraw"]

    def get_readonly_fields(self, request, obj=None):
        endorsement = ["endorsed_on", "endorsed_at_en", "endorsed_at_ru"]
        return [*super().get_readonly_fields(request, obj), *endorsement]

    def _move(self, request, queryset, status, message):
        count = services.publication_status_set(items=queryset, status=status, by=request.user)
        self.message_user(request, message % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Put into consultation"), permissions=["change"])
    def put_into_consultation(self, request, queryset):
        self._move(
            request, queryset, Status.CONSULTATION, _("%(count)s item(s) put into consultation.")
        )

    @admin.action(description=_("Withdraw"), permissions=["change"])
    def withdraw(self, request, queryset):
        self._move(request, queryset, Status.WITHDRAWN, _("%(count)s item(s) withdrawn."))


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


@admin.register(FunctionalArea, CompetencyFamily)
class GroupingAdmin(FrameworkAdmin):
    """The groupings of the framework (functional areas, competency families): a code, a name,
    their place in the lists."""

    list_display = ["name", "code", "position"]
    list_editable = ["position"]
    search_fields = ["code", "name_en", "name_ru"]


@admin.register(JobPosition)
class JobPositionAdmin(PublishedAdmin):
    list_display = ["title", "area", "reports_to", "status", "endorsed_on", "position"]
    list_filter = ["area", "status"]
    list_select_related = ["area", "reports_to"]
    list_editable = ["position"]
    search_fields = ["slug", "title_en", "title_ru", "purpose_en", "purpose_ru"]
    prepopulated_fields = {"slug": ["title_en"]}
    autocomplete_fields = ["reports_to"]
    inlines = [RequirementInline]


@admin.register(Competency)
class CompetencyAdmin(PublishedAdmin):
    list_display = ["code", "name", "family", "status", "endorsed_on", "position"]
    list_filter = ["family", "status"]
    list_select_related = ["family"]
    list_editable = ["position"]
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
                file_format.replace("-", "_"): reverse(
                    "admin:competencies_framework_export", args=[file_format]
                )
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


# Endorsement: numbered versions of the framework -----------------------------------------------


@admin.register(FrameworkVersion)
class FrameworkVersionAdmin(admin.ModelAdmin):
    """Staff record a meeting's endorsement here ("add"): the items it endorses become endorsed
    and the framework as it then stands is kept as the next numbered version
    (`services.framework_endorse`). A version is never changed or deleted afterwards."""

    list_display = ["number", "endorsed_on", "endorsed_at", "created_by", "public_page"]
    list_filter = ["endorsed_on"]
    list_select_related = ["created_by"]
    search_fields = ["endorsed_at_en", "endorsed_at_ru"]
    form = EndorseForm

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["endorsed_on", "endorsed_at_en", "endorsed_at_ru", "positions", "competencies"]
        return ["number", "endorsed_on", "endorsed_at_en", "endorsed_at_ru", "created_by"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is not None:  # a recorded version is only read
            kwargs["form"] = admin.ModelAdmin.form
        return super().get_form(request, obj, change=change, **kwargs)

    @admin.display(description=_("public page"))
    def public_page(self, version):
        # format_html escapes both arguments: the version's address and its name.
        return format_html('<a href="{}">{}</a>', version.get_absolute_url(), version)

    def save_model(self, request, obj, form, change):
        data = form.cleaned_data
        version = services.framework_endorse(
            positions=data["positions"],
            competencies=data["competencies"],
            endorsed_on=data["endorsed_on"],
            endorsed_at_en=data["endorsed_at_en"],
            endorsed_at_ru=data.get("endorsed_at_ru") or "",
            by=request.user,
        )
        obj.pk, obj.number = version.pk, version.number

    def save_related(self, request, form, formsets, change):
        pass  # the service has written everything


# The members' consultation ---------------------------------------------------------------------


class ConsultationResponseInline(BoundedInlineMixin, admin.TabularInline):
    """The administrations' positions on the round, as their focal points gave them."""

    model = ConsultationResponse
    extra = 0
    max_num = 200  # one an administration
    fields = ["administration", "stance", "text", "submitted_by", "submitted_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("administration", "submitted_by")


@admin.register(ConsultationRound)
class ConsultationRoundAdmin(TranslatedHistoryAdmin):
    """Staff open a round here: saving it puts its draft items into consultation, and a new
    one is mailed to the members (`services.consultation_round_open`)."""

    list_display = ["title", "opens_on", "deadline", "is_open_now", "comments", "unresolved"]
    list_filter = ["deadline"]
    search_fields = ["title_en", "title_ru"]
    autocomplete_fields = ["positions", "competencies"]
    readonly_fields = ["opened_by", "reminded_on", "comments_link"]
    fields = [
        "title",
        "introduction",
        "opens_on",
        "deadline",
        "positions",
        "competencies",
        "opened_by",
        "reminded_on",
        "comments_link",
    ]
    inlines = [ConsultationResponseInline]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                comment_count=Count("comments", distinct=True),
                unresolved_count=Count(
                    "comments", filter=Q(comments__resolved=False), distinct=True
                ),
            )
        )

    @admin.display(description=_("open now"), boolean=True)
    def is_open_now(self, round):
        return round.is_open()

    @admin.display(description=_("comments"), ordering="comment_count")
    def comments(self, round):
        return round.comment_count

    @admin.display(description=_("unresolved"), ordering="unresolved_count")
    def unresolved(self, round):
        return round.unresolved_count

    @admin.display(description=_("comments"))
    def comments_link(self, round):
        if not round.pk:
            return "-"
        url = reverse("admin:competencies_consultationcomment_changelist")
        # format_html escapes each argument: the URL, an id and a translated label.
        return format_html(
            '<a href="{}?round__id__exact={}">{}</a>',
            url,
            round.pk,
            _("The round's comments, by item and administration"),
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A new round is announced to the members; a changed one only takes its new drafts.
        services.consultation_round_open(round=form.instance, by=request.user, announce=not change)


class CommentItemFilter(admin.SimpleListFilter):
    title = _("item")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        return [("position", _("Job positions")), ("competency", _("Competencies"))]

    def queryset(self, request, queryset):
        if self.value() == "position":
            return queryset.filter(position__isnull=False)
        if self.value() == "competency":
            return queryset.filter(competency__isnull=False)
        return queryset


@admin.register(ConsultationComment)
class ConsultationCommentAdmin(TranslatedHistoryAdmin):
    """The members' comments, grouped by item, then administration; staff answer each and mark
    it resolved (`services.consultation_comment_answer`)."""

    list_display = ["item", "level_number", "administration", "excerpt", "resolved", "replied_at"]
    list_display_links = ["item", "excerpt"]
    list_filter = [
        "round",
        "resolved",
        CommentItemFilter,
        ("administration", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["position", "competency", "level", "administration"]
    search_fields = ["text", "position__slug", "competency__code", "administration__code"]
    ordering = [
        "round",
        "position__slug",
        "competency__code",
        "administration__code",
        "created_at",
    ]
    actions = ["mark_resolved"]
    fields = [
        "round",
        "position",
        "competency",
        "level",
        "administration",
        "author",
        "created_at",
        "text",
        "reply",
        "resolved",
        "replied_by",
        "replied_at",
    ]
    # Staff write the answer and resolve; the rest is the member's comment and its record.
    readonly_fields = [name for name in fields if name not in ("reply", "resolved")]

    def has_add_permission(self, request):
        return False  # comments come from the members' pages

    @admin.display(description=_("item"))
    def item(self, comment):
        return comment.item

    @admin.display(description=_("level"), ordering="level__number")
    def level_number(self, comment):
        return comment.level.number if comment.level else "-"

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.text).chars(80)

    def save_model(self, request, obj, form, change):
        services.consultation_comment_answer(
            comment=obj,
            by=request.user,
            reply_en=obj.reply_en,
            reply_ru=obj.reply_ru,
            resolved=obj.resolved,
        )

    @admin.action(description=_("Mark as resolved"), permissions=["change"])
    def mark_resolved(self, request, queryset):
        for comment in queryset:
            services.consultation_comment_answer(
                comment=comment,
                by=request.user,
                reply_en=comment.reply_en,
                reply_ru=comment.reply_ru,
                resolved=True,
            )
        self.message_user(request, _("The comments are marked as resolved."), messages.SUCCESS)
