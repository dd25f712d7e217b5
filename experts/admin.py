"""The office's side of the experts database: records with edit history and import, and the
review of nominations (approve, or reject with a reason)."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Case, Count, Prefetch, Value, When
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportMixin

from core.admin import AllOrNothingImportMixin, BoundedInlineMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS
from experts import services
from experts.forms import COMPETENCIES_MAX, LANGUAGES_MAX
from experts.models import (
    Accreditation,
    Expert,
    ExpertCompetency,
    ExpertiseArea,
    ExpertLanguage,
    Nomination,
    NominationCompetency,
    NominationLanguage,
)
from experts.resources import ExpertResource

NAME_SEARCH = [
    "family_name_en",
    "family_name_ru",
    "given_names_en",
    "given_names_ru",
    "position_en",
    "position_ru",
    "email",
]


class PrivateFileWidget(AdminFileWidget):
    """The file's original name instead of a link: private files have no URL (the download
    link is the `cv_download` field beside it)."""

    template_name = "experts/widgets/private_file_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        instance = getattr(value, "instance", None)
        context["widget"]["download_name"] = getattr(instance, "cv_name", "") or value
        return context


class CvAdminMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "cv":
            kwargs["widget"] = PrivateFileWidget
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if "cv" in form.changed_data:
            upload = form.cleaned_data["cv"]
            obj.cv_name = upload.name[:255] if upload else ""
        obj.email = obj.email.lower()
        super().save_model(request, obj, form, change)

    @admin.display(description=_("CV"))
    def cv_download(self, obj):
        if not obj or not obj.cv:
            return "-"
        url_name = "experts:cv" if isinstance(obj, Expert) else "experts:nomination_cv"
        # format_html escapes its arguments: the uploaded file name shows as text.
        return format_html(
            '<a href="{}">{}</a>', reverse(url_name, args=[obj.pk]), obj.cv_name or obj.cv.name
        )


@admin.register(ExpertiseArea)
class ExpertiseAreaAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "slug", "expert_count"]
    search_fields = ["name_en", "name_ru", "slug"]
    list_filter: list = []  # a short list: nothing to narrow
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(expert_count=Count("experts"))

    @admin.display(description=_("experts"), ordering="expert_count")
    def expert_count(self, area):
        return area.expert_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Renaming an area changes what its experts are found by.
        services.expert_index(expert_ids=form.instance.experts.values_list("pk", flat=True))


class StaleFilter(admin.SimpleListFilter):
    title = _("confirmation")
    parameter_name = "stale"

    def lookups(self, request, model_admin):
        return [
            ("yes", _("Stale: not confirmed for 12 months")),
            ("no", _("Confirmed in the last 12 months")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.stale()
        if self.value() == "no":
            return queryset.current()
        return queryset


class RecordStateFilter(admin.SimpleListFilter):
    title = _("record")
    parameter_name = "record"

    def lookups(self, request, model_admin):
        return [
            ("listed", _("Listed")),
            ("withdrawn", _("Withdrawn by the expert")),
            ("erased", _("Personal data erased")),
        ]

    def queryset(self, request, queryset):
        if self.value() == "listed":
            return queryset.listed()
        if self.value() == "withdrawn":
            return queryset.filter(withdrawn_at__isnull=False, erased_on__isnull=True)
        if self.value() == "erased":
            return queryset.filter(erased_on__isnull=False)
        return queryset


class AccreditedFilter(admin.SimpleListFilter):
    title = _("WCO accredited")
    parameter_name = "accredited"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(accreditation__in=Accreditation.accredited())
        if self.value() == "no":
            return queryset.exclude(accreditation__in=Accreditation.accredited())
        return queryset


class ExpertLanguageInline(BoundedInlineMixin, admin.TabularInline):
    model = ExpertLanguage
    extra = 1
    max_num = LANGUAGES_MAX


class ExpertCompetencyInline(BoundedInlineMixin, admin.TabularInline):
    """The competencies of the framework the expert holds, at a level: staff set them (and the
    approval of a nomination copies the nominated ones)."""

    model = ExpertCompetency
    extra = 1
    max_num = COMPETENCIES_MAX
    autocomplete_fields = ["competency"]


@admin.register(Expert)
class ExpertAdmin(CvAdminMixin, AllOrNothingImportMixin, ImportMixin, TranslatedHistoryAdmin):
    list_display = [
        "__str__",
        "administration",
        "position",
        "accreditation",
        "confirmed_on",
        "stale",
        "listed",
    ]
    list_filter = [
        RecordStateFilter,
        StaleFilter,
        AccreditedFilter,
        "accreditation",
        "areas",
        ("administration", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["administration"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["administration", "areas"]
    date_hierarchy = "confirmed_on"
    readonly_fields = ["cv_download", "created_at", "updated_at", "withdrawn_at", "erased_on"]
    inlines = [ExpertLanguageInline, ExpertCompetencyInline]
    actions = ["mark_confirmed", "send_record_link"]
    resource_classes = [ExpertResource]
    import_formats = FORMATS
    import_models = (ExpertLanguage,)  # each row lists the expert's languages
    fieldsets = [
        (
            _("Person"),
            {
                "fields": [
                    "administration",
                    "given_names",
                    "family_name",
                    "position",
                    "email",
                    "phone",
                ]
            },
        ),
        (_("Expertise"), {"fields": ["areas", "accreditation", "experience", "availability"]}),
        (_("CV"), {"fields": ["cv", "cv_download"]}),
        (
            _("Consent and confirmation"),
            {
                "fields": [
                    "language",
                    "consent_given_on",
                    "confirmed_on",
                    "withdrawn_at",
                    "erased_on",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("stale"), boolean=True, ordering="confirmed_on")
    def stale(self, expert):
        return expert.is_stale()

    @admin.display(description=_("listed"), boolean=True)
    def listed(self, expert):
        return expert.is_listed

    def has_change_permission(self, request, obj=None):
        # An erased record is what stays for the counts: nobody edits the person back in.
        if obj is not None and obj.erased_on:
            return False
        return super().has_change_permission(request, obj)

    @admin.action(
        description=_("Send the record link to the selected experts"), permissions=["change"]
    )
    def send_record_link(self, request, queryset):
        listed = queryset.listed()
        count = 0
        for expert in listed.select_related("administration"):
            services.record_link_send(expert=expert, reason="sent")
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s expert was sent the link to their record.",
                "%(count)s experts were sent the link to their record.",
                count,
            )
            % {"count": count},
        )
        if skipped := queryset.count() - count:
            self.message_user(
                request,
                ngettext(
                    "%(count)s withdrawn or erased record has no link: nothing was sent.",
                    "%(count)s withdrawn or erased records have no link: nothing was sent.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    @admin.action(
        description=_("Mark the selected records as confirmed today"), permissions=["change"]
    )
    def mark_confirmed(self, request, queryset):
        count = 0
        for expert in queryset.listed().select_related("administration"):
            services.expert_confirm(expert=expert, user=request.user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)s record marked as confirmed.",
                "%(count)s records marked as confirmed.",
                count,
            )
            % {"count": count},
        )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.expert_index(expert_ids=[form.instance.pk])


class NominationLanguageInline(BoundedInlineMixin, admin.TabularInline):
    model = NominationLanguage
    extra = 0
    max_num = LANGUAGES_MAX


class NominationReviewForm(forms.Form):
    review_reason = forms.CharField(
        label=_("Reason (required to reject; sent to the focal point)"),
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        required=False,
    )


class NominationCompetencyInline(BoundedInlineMixin, admin.TabularInline):
    model = NominationCompetency
    extra = 0
    max_num = COMPETENCIES_MAX
    autocomplete_fields = ["competency"]


@admin.register(Nomination)
class NominationAdmin(CvAdminMixin, TranslatedHistoryAdmin):
    list_display = [
        "__str__",
        "administration",
        "nominated_by",
        "submitted_at",
        "status",
        "review_link",
    ]
    list_filter = ["status", "administration", "areas"]
    list_select_related = ["administration", "nominated_by"]
    search_fields = NAME_SEARCH
    autocomplete_fields = ["areas"]
    inlines = [NominationLanguageInline, NominationCompetencyInline]
    actions = ["approve_selected"]
    decision_fields = [
        "administration",
        "nominated_by",
        "submitted_at",
        "consent_given_on",
        "cv_download",
        "status",
        "reviewer",
        "reviewed_at",
        "review_reason",
        "expert",
        "corrected_at",
    ]
    fieldsets = [
        (
            _("Nominee"),
            {"fields": ["given_names", "family_name", "position", "email", "phone"]},
        ),
        (_("Expertise"), {"fields": ["areas", "accreditation", "experience"]}),
        (_("CV"), {"fields": ["cv", "cv_download"]}),
        (
            _("Nomination"),
            {"fields": decision_fields[:4] + decision_fields[5:]},
        ),
    ]

    def has_add_permission(self, request):
        return False  # nominations come from the focal points' form

    def get_ordering(self, request):
        # Those waiting for a decision first, then the newest.
        return [
            Case(When(status=Nomination.Status.PENDING, then=Value(0)), default=Value(1)),
            "-submitted_at",
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_pending:
            # A decided nomination is a record of what was proposed: it stays as it was.
            return [
                *self.decision_fields,
                "given_names_en",
                "given_names_ru",
                "family_name_en",
                "family_name_ru",
                "position_en",
                "position_ru",
                "email",
                "phone",
                "areas",
                "accreditation",
                "experience_en",
                "experience_ru",
                "cv",
            ]
        return self.decision_fields

    def get_inline_instances(self, request, obj=None):
        if obj is not None and not obj.is_pending:
            return []
        return super().get_inline_instances(request, obj)

    @admin.display(description=_("review"))
    def review_link(self, nomination):
        if not nomination.is_pending:
            return "-"
        # format_html escapes its arguments (our URL and our text).
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:experts_nomination_review", args=[nomination.pk]),
            gettext("Approve or reject"),
        )

    def get_urls(self):
        return [
            path(
                "<int:pk>/review/",
                self.admin_site.admin_view(self.review_view),
                name="experts_nomination_review",
            ),
            *super().get_urls(),
        ]

    def review_view(self, request, pk):
        """Approve a nomination, or reject it with a reason."""
        nomination = get_object_or_404(
            Nomination.objects.select_related("administration", "nominated_by").prefetch_related(
                "areas",
                "languages",
                Prefetch(
                    "competencies",
                    NominationCompetency.objects.select_related("competency", "level"),
                ),
            ),
            pk=pk,
        )
        if not self.has_change_permission(request, nomination):
            raise PermissionDenied
        form = NominationReviewForm(request.POST or None)
        if request.method == "POST" and nomination.is_pending and form.is_valid():
            try:
                if "approve" in request.POST:
                    expert = services.nomination_approve(
                        nomination=nomination, reviewer=request.user
                    )
                    self.message_user(
                        request,
                        gettext("Approved: %(name)s is listed in the database.")
                        % {"name": expert.full_name},
                        messages.SUCCESS,
                    )
                    return redirect("admin:experts_nomination_changelist")
                if "reject" in request.POST:
                    services.nomination_reject(
                        nomination=nomination,
                        reviewer=request.user,
                        reason=form.cleaned_data["review_reason"],
                    )
                    self.message_user(
                        request,
                        gettext("Rejected: the focal point has been told the reason."),
                        messages.SUCCESS,
                    )
                    return redirect("admin:experts_nomination_changelist")
            except ValidationError as error:
                form.add_error(None, error)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Review the nomination of %(name)s") % {"name": nomination.full_name},
            "nomination": nomination,
            "form": form,
            "existing": Expert.objects.filter(email__iexact=nomination.email)
            .select_related("administration")
            .first(),
        }
        return TemplateResponse(request, "admin/experts/nomination/review.html", context)

    @admin.action(description=_("Approve the selected nominations"))
    def approve_selected(self, request, queryset):
        approved = 0
        for nomination in queryset.filter(status=Nomination.Status.PENDING):
            try:
                services.nomination_approve(nomination=nomination, reviewer=request.user)
                approved += 1
            except ValidationError as error:
                self.message_user(
                    request, f"{nomination}: {' '.join(error.messages)}", messages.ERROR
                )
        self.message_user(
            request,
            ngettext("%(count)s nomination approved.", "%(count)s nominations approved.", approved)
            % {"count": approved},
            messages.SUCCESS,
        )
