"""Registrations: approved, declined and marked attended or absent here with the same services
as the pages, exported for the office's lists; and the anonymous counts left after the
retention purge."""

from django.contrib import admin, messages
from django.contrib.admin.utils import flatten_fieldsets
from django.core.exceptions import ValidationError
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin

from administrations.admin import RecordedExportMixin
from administrations.models import AccessLogEntry
from core.admin import HistoryAdmin, decline_page
from core.spreadsheets import FORMATS, Resource
from outreach import services
from outreach.forms import ReasonForm
from outreach.models import Registration, RegistrationCount


class RegistrationResource(Resource):
    """The participants of the events the change list shows (filter by event first), for the
    office's lists and badges: an export only, registrations come from the portal."""

    headers = {
        "event": _("Event"),
        "administration": _("Administration"),
        "full_name": _("Full name"),
        "email": _("Email address"),
        "position": _("Position"),
        "working_language": _("Working language"),
        "accessibility_needs": _("Accessibility needs"),
        "needs_visa_letter": _("Visa support letter"),
        "sex": _("Sex"),
        "consent_to_list": _("Listed"),
        "status": _("Status"),
        "created_at": _("Registered"),
    }
    event = fields.Field(attribute="event__title", column_name="event", readonly=True)
    administration = fields.Field(
        attribute="administration__name", column_name="administration", readonly=True
    )
    status = fields.Field(column_name="status", readonly=True)

    class Meta:
        model = Registration
        fields = [
            "event",
            "administration",
            "full_name",
            "email",
            "position",
            "working_language",
            "accessibility_needs",
            "needs_visa_letter",
            "sex",
            "consent_to_list",
            "status",
            "created_at",
        ]

    def dehydrate_status(self, registration):
        return registration.get_status_display()


@admin.register(Registration)
class RegistrationAdmin(RecordedExportMixin, ExportMixin, HistoryAdmin):
    """Registrations are made on the portal; staff approve or decline them here, with the same
    services as the pages (a decline tells the person the reason, a freed seat moves on). Their
    edit history goes with them at the retention purge (outreach.retention)."""

    access_log_kind = AccessLogEntry.Kind.PARTICIPANT_EXPORT

    list_display = [
        "full_name",
        "email",
        "event",
        "administration",
        "status",
        "consent_to_list",
        "created_at",
    ]
    list_filter = [
        "status",
        "needs_visa_letter",
        ("event", admin.RelatedOnlyFieldListFilter),
        ("administration", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["event", "administration"]
    resource_classes = [RegistrationResource]
    formats = FORMATS
    search_fields = ["full_name", "email", "position", "event__title_en", "event__title_ru"]
    autocomplete_fields = ["event", "administration"]
    date_hierarchy = "created_at"
    actions = ["approve_selected", "decline_selected", "mark_attended", "mark_absent"]
    fieldsets = [
        (None, {"fields": ["event", "administration", "user", "nominated_by"]}),
        (
            _("Person"),
            {
                "fields": [
                    "full_name",
                    "email",
                    "position",
                    "working_language",
                    "accessibility_needs",
                    "needs_visa_letter",
                    "sex",
                    "consent_to_list",
                    "language",
                ]
            },
        ),
        (
            _("Status"),
            {
                "fields": [
                    "status",
                    "reason",
                    "offer_expires_at",
                    "decided_by",
                    "created_at",
                    "reminded_at",
                ]
            },
        ),
    ]
    # All of it read-only: staff decide through the actions, which keep the seats' rules.
    readonly_fields = flatten_fieldsets(fieldsets)

    def has_add_permission(self, request):
        return False  # registrations come from the register page

    def _report(self, request, registration, error):
        self.message_user(request, f"{registration}: {' '.join(error.messages)}", messages.ERROR)

    @admin.action(description=_("Approve the selected registrations"), permissions=["change"])
    def approve_selected(self, request, queryset):
        approved = 0
        for registration in queryset.filter(status=Registration.Status.PENDING):
            try:
                services.registration_approve(registration=registration, by=request.user)
                approved += 1
            except ValidationError as error:
                self._report(request, registration, error)
        self.message_user(
            request,
            ngettext(
                "%(count)s registration approved.", "%(count)s registrations approved.", approved
            )
            % {"count": approved},
            messages.SUCCESS,
        )

    def _mark(self, request, queryset, *, attended: bool):
        changed = services.attendance_mark(
            registrations=queryset, attended=attended, by=request.user
        )
        self.message_user(
            request,
            ngettext(
                "Attendance marked for %(count)s participant.",
                "Attendance marked for %(count)s participants.",
                changed,
            )
            % {"count": changed},
            messages.SUCCESS,
        )
        left = queryset.count() - changed
        if left:
            self.message_user(
                request,
                ngettext(
                    "%(count)s selected registration was left as it was: marked so already, or "
                    "not a confirmed participant of an event that has begun.",
                    "%(count)s selected registrations were left as they were: marked so "
                    "already, or not confirmed participants of an event that has begun.",
                    left,
                )
                % {"count": left},
                messages.WARNING,
            )

    @admin.action(
        description=_("Mark the selected participants as attended"), permissions=["change"]
    )
    def mark_attended(self, request, queryset):
        self._mark(request, queryset, attended=True)

    @admin.action(description=_("Mark the selected participants as absent"), permissions=["change"])
    def mark_absent(self, request, queryset):
        self._mark(request, queryset, attended=False)

    @admin.action(
        description=_("Decline the selected registrations with a reason"), permissions=["change"]
    )
    def decline_selected(self, request, queryset):
        """An intermediate page asks for the reason; its post declines every active one."""
        active = queryset.filter(status__in=[*Registration.HOLDING, Registration.Status.WAITING])
        form = ReasonForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            declined = 0
            for registration in active:
                try:
                    services.registration_decline(
                        registration=registration,
                        by=request.user,
                        reason=form.cleaned_data["reason"],
                    )
                    declined += 1
                except ValidationError as error:
                    self._report(request, registration, error)
            self.message_user(
                request,
                ngettext(
                    "%(count)s registration declined.",
                    "%(count)s registrations declined.",
                    declined,
                )
                % {"count": declined},
                messages.SUCCESS,
            )
            return None
        return decline_page(
            self,
            request,
            items=[(r.pk, str(r)) for r in active.select_related("event")],
            form=form,
            title=gettext("Decline registrations"),
            intro=gettext(
                "These registrations will be declined; each person is told the reason by email:"
            ),
            nothing=gettext("None of the selected registrations is active."),
            back=gettext("Back to the registrations"),
        )


@admin.register(RegistrationCount)
class RegistrationCountAdmin(HistoryAdmin):
    """The anonymous counts left of past events' registrations (read only)."""

    list_display = ["event", "administration", "status", "sex", "count"]
    list_filter = ["status", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event", "administration"]
    search_fields = ["event__title_en", "event__title_ru"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
