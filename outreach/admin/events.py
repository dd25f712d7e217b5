"""Events: their import and export, the edit form with its registration settings and meeting
documents, the cancel action, the staff's message to the participants, and after the event the
attendance sheet and the evaluation results."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export.admin import ImportExportMixin

from core.admin import AllOrNothingImportMixin, BoundedInlineMixin, TranslatedHistoryAdmin
from core.spreadsheets import FORMATS, Resource
from outreach import selectors, services
from outreach.admin.publication import PublicationActions
from outreach.forms import ParticipantsMessageForm
from outreach.models import Event, MeetingDocument, RegistrationSettings


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
            "start_time",
            "end_time",
            "time_zone",
            "place_en",
            "place_ru",
            "description_en",
            "description_ru",
            "url",
            "status",
        ]
        clean_model_instances = True
        skip_unchanged = True


class RegistrationSettingsInline(BoundedInlineMixin, admin.StackedInline):
    model = RegistrationSettings
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["invited"]
    readonly_fields = ["after_the_event"]
    fieldsets = [
        (
            _("Registration"),
            {
                "fields": [
                    ("opens_at", "closes_at"),
                    ("capacity", "quota"),
                    "audience",
                    "invited",
                    "requires_approval",
                    "offer_hours",
                    "language",
                ]
            },
        ),
        (
            _("Questions asked"),
            {
                "fields": [
                    "ask_position",
                    "ask_working_language",
                    "ask_accessibility",
                    "ask_visa_letter",
                    "ask_sex",
                ]
            },
        ),
        (_("After the event"), {"fields": ["after_the_event"]}),
    ]

    @admin.display(description=_("attendance and evaluations"))
    def after_the_event(self, registration_settings):
        """Links to the event's attendance sheet (in either language) and evaluation results."""
        if registration_settings.pk is None:
            return "-"
        event_id = registration_settings.event_id
        sheet = reverse("admin:outreach_event_attendance_sheet", args=[event_id])
        links = [
            (
                f"{sheet}?language={code}",
                gettext("Attendance sheet (%(language)s)") % {"language": name},
            )
            for code, name in settings.LANGUAGES
        ]
        links.append(
            (
                reverse("admin:outreach_event_evaluations", args=[event_id]),
                gettext("Evaluation results"),
            )
        )
        registrations = reverse("admin:outreach_registration_changelist")
        links.append(
            (
                f"{registrations}?event__id__exact={event_id}&status__exact=confirmed",
                gettext("Mark attendance (the confirmed participants)"),
            )
        )
        # format_html_join escapes each URL and text.
        return format_html_join(" · ", '<a href="{}">{}</a>', links)


class MeetingDocumentInline(BoundedInlineMixin, admin.TabularInline):
    """The event's agenda, presentations and report: library documents, each shown on the
    event's page to the public, to members or to the event's participants."""

    model = MeetingDocument
    fields = ["document", "kind", "visibility", "position"]
    autocomplete_fields = ["document"]
    extra = 0
    max_num = 100


class EventAdminForm(forms.ModelForm):
    quiet = forms.BooleanField(
        label=_("Do not tell the registrants"),
        required=False,
        help_text=_(
            "A change of date, time or place is mailed to everyone registered, with the updated "
            "calendar entry. Tick this for a correction that changes nothing for them (a typo)."
        ),
    )


@admin.register(Event)
class EventAdmin(
    PublicationActions, AllOrNothingImportMixin, ImportExportMixin, TranslatedHistoryAdmin
):
    form = EventAdminForm
    resource_classes = [EventResource]
    formats = FORMATS
    list_display = ["title", "kind", "starts_on", "ends_on", "place", "status", "cancelled_at"]
    list_filter = ["status", ("cancelled_at", admin.EmptyFieldListFilter), "kind", "starts_on"]
    search_fields = ["title_en", "title_ru", "place_en", "place_ru", "slug"]
    date_hierarchy = "starts_on"
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["updated_at", "cancelled_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "place"]}),
        (
            _("Dates and times"),
            {
                "fields": [("starts_on", "start_time"), ("ends_on", "end_time"), "time_zone"],
                "description": _(
                    "Leave both times empty for an event of whole days; times are local to the "
                    "time zone."
                ),
            },
        ),
        (None, {"fields": ["description", "url"]}),
        (_("Publication"), {"fields": ["status", "cancelled_at", "updated_at"]}),
    ]
    inlines = [RegistrationSettingsInline, MeetingDocumentInline]
    actions = [*PublicationActions.actions, "cancel_selected"]

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None:
            return fieldsets
        # On a change: whether to tell the registrants, beside the fields whose change they hear of.
        return [
            (name, {**options, "fields": [*options["fields"], "quiet"]})
            if options.get("fields") and ("starts_on", "start_time") in options["fields"]
            else (name, options)
            for name, options in fieldsets
        ]

    def save_model(self, request, obj, form, change):
        before = Event.objects.get(pk=obj.pk) if change else None
        super().save_model(request, obj, form, change)
        if before is None:
            return
        told = services.event_changes_announce(
            event=obj, before=before, tell=not form.cleaned_data.get("quiet")
        )
        if told:
            self.message_user(
                request,
                ngettext(
                    "The change was mailed to %(count)s registrant.",
                    "The change was mailed to %(count)s registrants.",
                    told,
                )
                % {"count": told},
                messages.SUCCESS,
            )

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        event = form.instance
        # A participants' document is not left among the library's members' materials.
        services.meeting_documents_keep_private(event=event)
        # More seats (a larger capacity or quota) go to those waiting at once.
        if RegistrationSettings.objects.filter(event=event).exists():
            services.freed_seats_offer(event=event)

    @admin.action(
        description=_("Cancel the selected events and tell their registrants"),
        permissions=["change"],
    )
    def cancel_selected(self, request, queryset):
        """A page lists what will be cancelled; its post (`confirm`) cancels them."""
        events = list(queryset.filter(cancelled_at__isnull=True).order_by("starts_on", "pk"))
        events = [event for event in events if not event.is_over]
        if request.POST.get("confirm") == "yes" and events:
            told = 0
            for event in events:
                try:
                    told += services.event_cancel(event=event, by=request.user)
                except ValidationError as error:
                    self.message_user(request, " ".join(error.messages), messages.ERROR)
            self.message_user(
                request,
                ngettext(
                    "Cancelled; %(count)s registrant was told by email.",
                    "Cancelled; %(count)s registrants were told by email.",
                    told,
                )
                % {"count": told},
                messages.SUCCESS,
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": gettext("Cancel events"),
            "events": events,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/outreach/event/cancel.html", context)

    def write_view(self, request, object_id):
        """Staff write to every participant of the event: a subject and a text per language,
        each participant mailed in theirs."""
        event = self.get_object(request, object_id)
        if event is None:
            raise Http404
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        languages = selectors.participant_languages(event=event)
        form = ParticipantsMessageForm(request.POST or None, languages=set(languages))
        if request.method == "POST" and form.is_valid():
            try:
                mailed = services.participants_write(
                    event=event,
                    by=request.user,
                    subjects=form.by_language("subject"),
                    texts=form.by_language("text"),
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self.log_change(
                    request,
                    event,
                    gettext("Mail to the participants: %(subject)s")
                    % {
                        "subject": form.cleaned_data["subject_en"]
                        or form.cleaned_data["subject_ru"]
                    },
                )
                self.message_user(
                    request,
                    ngettext(
                        "The message was mailed to %(count)s participant.",
                        "The message was mailed to %(count)s participants.",
                        mailed,
                    )
                    % {"count": mailed},
                    messages.SUCCESS,
                )
                return redirect(reverse("admin:outreach_event_change", args=[event.pk]))
        names = dict(settings.LANGUAGES)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "title": gettext("Write to the participants"),
            "form": form,
            "languages": [(names.get(code, code), count) for code, count in languages.items()],
            "participants": sum(languages.values()),
        }
        return TemplateResponse(request, "admin/outreach/event/write.html", context)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<path:object_id>/write/", view(self.write_view), name="outreach_event_write"),
            path(
                "<int:pk>/attendance-sheet/",
                view(self.attendance_sheet_view),
                name="outreach_event_attendance_sheet",
            ),
            path(
                "<int:pk>/evaluations/",
                view(self.evaluations_view),
                name="outreach_event_evaluations",
            ),
            *super().get_urls(),
        ]

    def _event_for(self, request, pk, permission: str) -> Event:
        if not request.user.has_perm(permission):
            raise PermissionDenied
        return get_object_or_404(Event, pk=pk)

    def attendance_sheet_view(self, request, pk):
        """The sheet to print and have signed: the confirmed participants by administration, in
        the language asked for (the admin's own by default). Access: staff who may view
        registrations (it holds personal data)."""
        event = self._event_for(request, pk, "outreach.view_registration")
        language = request.GET.get("language")
        if language not in dict(settings.LANGUAGES):
            language = translation.get_language()
        with translation.override(language):
            response = TemplateResponse(
                request,
                "admin/outreach/event/attendance_sheet.html",
                {
                    "event": event,
                    "groups": selectors.attendance_sheet(event=event),
                    "language": language,
                    "languages": settings.LANGUAGES,
                    "title": gettext("Attendance sheet"),
                },
            )
            response.render()  # in this language
        response["Cache-Control"] = "no-store"
        return response

    def evaluations_view(self, request, pk):
        """An event's evaluations: answers, averages and spread of each rating, comments.
        Access: staff who may view event evaluations."""
        event = self._event_for(request, pk, "outreach.view_eventevaluation")
        return TemplateResponse(
            request,
            "admin/outreach/event/evaluations.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "event": event,
                "results": selectors.evaluation_results(event=event),
                "title": gettext("Evaluation results: %(event)s") % {"event": event},
            },
        )
