"""The office's side of the needs mechanism: requests with their workflow (every status change
through `need_transition`), duplicates merged through `need_merge`, internal notes; rounds with
the administrations that have answered them; missions (recorded through `mission_create`) with
their evaluations."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from core.admin import BoundedInlineMixin, HistoryAdmin, TranslatedHistoryAdmin
from needs import selectors, services
from needs.models import (
    ATTACHMENTS_MAX,
    Mission,
    MissionEvaluation,
    NeedsAttachment,
    NeedsNote,
    NeedsRequest,
    NeedsRound,
    Respondent,
)

REQUEST_SEARCH = [
    "title_en",
    "title_ru",
    "description_en",
    "description_ru",
    "administration__name_en",
    "administration__name_ru",
    "administration__code",
]


class NeedsNoteInline(BoundedInlineMixin, admin.StackedInline):
    model = NeedsNote
    extra = 1
    max_num = 200
    fields = ["text", "author", "created_at"]
    readonly_fields = ["author", "created_at"]


class NeedsAttachmentInline(BoundedInlineMixin, admin.TabularInline):
    model = NeedsAttachment
    extra = 0
    max_num = ATTACHMENTS_MAX
    fields = ["name", "download", "uploaded_at"]
    readonly_fields = ["name", "download", "uploaded_at"]

    def has_add_permission(self, request, obj=None):
        return False  # attachments come with the focal point's request

    @admin.display(description=_("download"))
    def download(self, attachment):
        # format_html escapes its arguments: the uploaded file name shows as text.
        return format_html('<a href="{}">{}</a>', attachment.get_absolute_url(), attachment.name)


class NeedsRequestAdminForm(forms.ModelForm):
    """A status change is checked against the workflow here (to explain it), and taken by
    need_transition on save (to enforce it)."""

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "status" in self.changed_data and cleaned.get("status"):
            fields = {
                name: cleaned.get(name, getattr(self.instance, name))
                for name in services.WORKFLOW_FIELDS
            }
            services.need_transition_check(
                current=self.initial["status"], status=cleaned["status"], fields=fields
            )
        duplicate_of = cleaned.get("duplicate_of")
        if duplicate_of is not None and duplicate_of.pk == self.instance.pk:
            raise ValidationError({"duplicate_of": _("A request cannot be a duplicate of itself.")})
        return cleaned


@admin.register(NeedsRequest)
class NeedsRequestAdmin(TranslatedHistoryAdmin):
    form = NeedsRequestAdminForm
    list_display = [
        "pk",
        "title",
        "administration",
        "status",
        "priority",
        "modality",
        "round",
        "submitted_at",
        "duplicate",
    ]
    list_display_links = ["pk", "title"]
    list_filter = [
        "status",
        "priority",
        "modality",
        "round",
        ("administration", admin.RelatedOnlyFieldListFilter),
        "areas",
        ("duplicate_of", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["administration", "round", "duplicate_of"]
    search_fields = REQUEST_SEARCH
    autocomplete_fields = [
        "administration",
        "areas",
        "competencies",
        "activity",
        "event",
        "duplicate_of",
        "round",
    ]
    date_hierarchy = "submitted_at"
    readonly_fields = ["submitted_by", "submitted_at", "status_changed_at", "updated_at", "answers"]
    inlines = [NeedsAttachmentInline, NeedsNoteInline]
    fieldsets = [
        (
            _("Request"),
            {
                "fields": [
                    "administration",
                    "submitted_by",
                    "submitted_at",
                    "round",
                    "answers",
                    "title",
                    "description",
                    "areas",
                    "competencies",
                ]
            },
        ),
        (
            _("How and when"),
            {
                "fields": [
                    "priority",
                    "modality",
                    "period_from",
                    "period_to",
                    "period_note",
                    "officers",
                ]
            },
        ),
        (
            _("Workflow"),
            {
                "fields": [
                    "status",
                    "status_changed_at",
                    "forwarded_on",
                    "proposal",
                    "activity",
                    "event",
                    "decline_reason",
                    "duplicate_of",
                    "updated_at",
                ]
            },
        ),
    ]

    def has_add_permission(self, request):
        return False  # requests come from the focal points' form

    @admin.display(description=_("duplicate of"), ordering="duplicate_of")
    def duplicate(self, need):
        return need.duplicate_of_id or "-"

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            services.need_transition(
                need=obj,
                status=obj.status,
                by=request.user,
                **{name: getattr(obj, name) for name in services.WORKFLOW_FIELDS},
            )
        else:
            super().save_model(request, obj, form, change)
        if change and "duplicate_of" in form.changed_data and obj.duplicate_of_id:
            services.need_merge(duplicate=obj, into=obj.duplicate_of, by=request.user)

    def save_formset(self, request, form, formset, change):
        for note in formset.save(commit=False):
            if isinstance(note, NeedsNote) and note.author_id is None:
                note.author = request.user
            note.save()
        for deleted in formset.deleted_objects:
            deleted.delete()


class OpenFilter(admin.SimpleListFilter):
    title = _("open")
    parameter_name = "open"

    def lookups(self, request, model_admin):
        return [("yes", _("Open")), ("no", _("Closed"))]

    def queryset(self, request, queryset):
        open_ids = selectors.round_open_list().values("pk")
        if self.value() == "yes":
            return queryset.filter(pk__in=open_ids)
        if self.value() == "no":
            return queryset.exclude(pk__in=open_ids)
        return queryset


@admin.register(NeedsRound)
class NeedsRoundAdmin(TranslatedHistoryAdmin):
    list_display = ["title", "year", "deadline", "answered_count", "request_count"]
    list_filter = [OpenFilter, "year"]
    list_select_related: list[str] = []
    search_fields = ["title_en", "title_ru", "questions_en", "questions_ru"]
    readonly_fields = ["answered", "created_at"]
    fieldsets = [
        (None, {"fields": ["title", "year", "deadline", "questions"]}),
        (_("Answers"), {"fields": ["answered", "created_at"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                answered_count=Count("requests__administration", distinct=True),
                request_count=Count("requests", distinct=True),
            )
        )

    @admin.display(description=_("administrations answered"), ordering="answered_count")
    def answered_count(self, needs_round):
        return needs_round.answered_count

    @admin.display(description=_("requests"), ordering="request_count")
    def request_count(self, needs_round):
        return needs_round.request_count

    @admin.display(description=_("who has answered"))
    def answered(self, needs_round):
        if needs_round is None or needs_round.pk is None:
            return "-"
        changelist = reverse("admin:needs_needsrequest_changelist")
        rows = [
            (
                administration.code,
                administration.name,
                f"{changelist}?round__id__exact={needs_round.pk}"
                f"&administration__id__exact={administration.pk}",
                administration.answered or _("not yet"),
            )
            for administration in selectors.round_answers(round=needs_round)
        ]
        # format_html and format_html_join escape every argument (names and numbers as text).
        return format_html(
            "<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("administration"),
            _("requests"),
            format_html_join("", '<tr><td>{} {}</td><td><a href="{}">{}</a></td></tr>', rows),
        )


class MissionEvaluationInline(BoundedInlineMixin, admin.TabularInline):
    model = MissionEvaluation
    extra = 0
    max_num = len(Respondent.values)
    fields = ["respondent", "preparation", "relevance", "results", "comment", "answered_by"]
    readonly_fields = fields + ["submitted_at"]

    def has_add_permission(self, request, obj=None):
        return False  # given through the mailed links only

    def has_change_permission(self, request, obj=None):
        return False


class MissionAdminForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            raise ValidationError({"end_date": _("The mission cannot end before it begins.")})
        return cleaned


@admin.register(Mission)
class MissionAdmin(HistoryAdmin):
    form = MissionAdminForm
    list_display = [
        "pk",
        "expert",
        "provider",
        "administration",
        "start_date",
        "end_date",
        "evaluations_requested_at",
        "evaluation_count",
    ]
    list_display_links = ["pk", "expert"]
    list_filter = [
        ("administration", admin.RelatedOnlyFieldListFilter),
        ("provider", admin.RelatedOnlyFieldListFilter),
        "start_date",
        ("evaluations_requested_at", admin.EmptyFieldListFilter),
    ]
    list_select_related = ["expert", "administration", "provider"]
    search_fields = [
        "expert__given_names_en",
        "expert__given_names_ru",
        "expert__family_name_en",
        "expert__family_name_ru",
        "need__title_en",
        "need__title_ru",
        "administration__name_en",
        "administration__name_ru",
        "administration__code",
    ]
    autocomplete_fields = ["need", "expert"]
    date_hierarchy = "start_date"
    fields = [
        "need",
        "expert",
        "start_date",
        "end_date",
        "report",
        "administration",
        "provider",
        "created_by",
        "created_at",
        "evaluations_requested_at",
    ]
    readonly_fields = [
        "administration",
        "provider",
        "created_by",
        "created_at",
        "evaluations_requested_at",
    ]
    inlines = [MissionEvaluationInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(evaluations_given=Count("evaluations"))

    @admin.display(description=_("evaluations"), ordering="evaluations_given")
    def evaluation_count(self, mission):
        return mission.evaluations_given

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.mission_create(
                need=obj.need,
                expert=obj.expert,
                start_date=obj.start_date,
                end_date=obj.end_date,
                report=form.cleaned_data.get("report") or None,
                by=request.user,
            )
            obj.pk = created.pk
            obj.refresh_from_db()
            return
        obj.administration_id = obj.need.administration_id  # the host is the request's
        if "report" in form.changed_data and obj.report:
            obj.report_name = form.cleaned_data["report"].name[:255]
        super().save_model(request, obj, form, change)
