"""The office's side: administrations, account requests decided with the same services as
the focal points' users page (approve, or decline with a reason), and the personal-data access
log, read-only."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext, ngettext, pgettext
from django.utils.translation import gettext_lazy as _

from administrations import services
from administrations.models import AccessLogEntry, AccountRequest, Administration
from core.admin import HistoryAdmin, TranslatedHistoryAdmin, decline_page


@admin.register(Administration)
class AdministrationAdmin(TranslatedHistoryAdmin):
    list_display = ["name", "code", "is_member", "is_rtc", "website"]
    list_filter = ["is_member", "is_rtc"]
    search_fields = ["name_en", "name_ru", "code"]
    ordering = ["name_en"]


class DeclineReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to each person in the language of their request)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={"required": _("Give the reason for declining.")},
    )


@admin.register(AccountRequest)
class AccountRequestAdmin(HistoryAdmin):
    list_display = [
        "full_name",
        "email",
        "administration",
        "position",
        "language",
        "created_at",
        "status",
        "decided_by",
    ]
    list_filter = ["status", "language", ("administration", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["administration", "decided_by"]
    search_fields = ["full_name", "email", "position"]
    autocomplete_fields = ["administration"]
    date_hierarchy = "created_at"
    actions = ["approve_selected", "decline_selected"]
    readonly_fields = [
        "administration",
        "full_name",
        "email",
        "position",
        "message",
        "language",
        "status",
        "created_at",
        "decided_by",
        "decided_at",
        "reason",
        "user",
    ]
    fieldsets = [
        (_("Person"), {"fields": ["full_name", "email", "position", "language", "message"]}),
        (_("Administration"), {"fields": ["administration"]}),
        (
            _("Decision"),
            {"fields": ["status", "created_at", "decided_by", "decided_at", "reason", "user"]},
        ),
    ]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    def _decide_each(self, request, account_requests, decide) -> int:
        """Decide each request with the service; one it refuses is named with the reason and
        the others go ahead. Returns how many were decided."""
        decided = 0
        for account_request in account_requests:
            try:
                decide(account_request)
                decided += 1
            except (ValidationError, PermissionDenied) as error:
                reasons = getattr(error, "messages", None) or [gettext("Not allowed.")]
                self.message_user(
                    request, f"{account_request}: {' '.join(reasons)}", messages.ERROR
                )
        return decided

    @admin.action(description=_("Approve the selected requests and send the invitations"))
    def approve_selected(self, request, queryset):
        approved = self._decide_each(
            request,
            queryset.filter(status=AccountRequest.Status.PENDING),
            lambda account_request: services.account_request_approve(
                account_request=account_request, by=request.user
            ),
        )
        self.message_user(
            request,
            ngettext("%(count)s request approved.", "%(count)s requests approved.", approved)
            % {"count": approved},
            messages.SUCCESS,
        )

    @admin.action(description=_("Decline the selected requests with a reason"))
    def decline_selected(self, request, queryset):
        """An intermediate page asks for the reason; its post declines every pending request."""
        pending = queryset.filter(status=AccountRequest.Status.PENDING)
        form = DeclineReasonForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            declined = self._decide_each(
                request,
                pending,
                lambda account_request: services.account_request_decline(
                    account_request=account_request,
                    by=request.user,
                    reason=form.cleaned_data["reason"],
                ),
            )
            self.message_user(
                request,
                ngettext("%(count)s request declined.", "%(count)s requests declined.", declined)
                % {"count": declined},
                messages.SUCCESS,
            )
            return None
        return decline_page(
            self,
            request,
            items=[
                (r.pk, f"{r} ({r.administration})")
                for r in pending.select_related("administration")
            ],
            form=form,
            title=gettext("Decline account requests"),
            intro=gettext(
                "These pending requests will be declined; each person is told the reason by email:"
            ),
            nothing=gettext("None of the selected requests is pending."),
            back=gettext("Back to the requests"),
        )


class RecordedExportMixin:
    """For django-import-export admins of personal data (listed before the export mixin): each
    export the admin writes is logged, with the ids of every row it holds."""

    access_log_kind = AccessLogEntry.Kind.ADMIN_EXPORT

    def get_data_for_export(self, request, queryset, **kwargs):
        rows = services.record_export(queryset, user=request.user, kind=self.access_log_kind)
        return super().get_data_for_export(request, rows, **kwargs)


SHOWN_IDS = 10


@admin.register(AccessLogEntry)
class AccessLogEntryAdmin(admin.ModelAdmin):
    """Who read personal data, for staff holding its one permission (view); the entries are
    the portal's record, so nobody adds, changes or deletes one here (the nightly purge does,
    after ACCESS_LOG_RETENTION_DAYS)."""

    list_display = ["accessed_at", "user", "administration", "kind", "records"]
    list_filter = [
        "kind",
        "accessed_at",
        ("administration", admin.RelatedOnlyFieldListFilter),
        ("user", admin.RelatedOnlyFieldListFilter),
        ("content_type", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["user", "administration", "content_type"]
    search_fields = ["user__email", "user__full_name"]
    search_help_text = _(
        "A user's e-mail address or name, or the id of a record to see who read it."
    )
    date_hierarchy = "accessed_at"
    fields = ["accessed_at", "user", "administration", "kind", "content_type", "records"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("records"))
    def records(self, entry: AccessLogEntry) -> str:
        """The type of record and its ids (the first few of an export's, and how many)."""
        ids = ", ".join(f"#{pk}" for pk in entry.object_ids[:SHOWN_IDS])
        if len(entry.object_ids) > SHOWN_IDS:
            ids = pgettext("record ids", "%(ids)s and %(more)s more") % {
                "ids": ids,
                "more": len(entry.object_ids) - SHOWN_IDS,
            }
        return f"{entry.content_type.name}: {ids}"

    def get_search_results(self, request, queryset, search_term):
        """A number also finds the entries naming the record of that id."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        term = search_term.strip().lstrip("#")
        if term.isascii() and term.isdigit() and int(term) < 2**63:
            found |= queryset.filter(object_ids__contains=[int(term)])
        return found, duplicates
