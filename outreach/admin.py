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
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from import_export import fields
from import_export.admin import ExportMixin, ImportExportMixin

from administrations.admin import RecordedExportMixin
from administrations.models import AccessLogEntry
from core.admin import (
    AllOrNothingImportMixin,
    BoundedInlineMixin,
    HistoryAdmin,
    TranslatedHistoryAdmin,
    decline_page,
)
from core.spreadsheets import FORMATS, Resource
from outreach import selectors, services
from outreach.forms import ParticipantsMessageForm, ReasonForm
from outreach.models import (
    Event,
    EventEvaluation,
    MeetingDocument,
    NewsItem,
    Registration,
    RegistrationCount,
    RegistrationSettings,
    Status,
    Tool,
)


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
    readonly_fields = [
        "event",
        "administration",
        "user",
        "nominated_by",
        "full_name",
        "email",
        "position",
        "working_language",
        "accessibility_needs",
        "needs_visa_letter",
        "sex",
        "consent_to_list",
        "language",
        "status",
        "reason",
        "offer_expires_at",
        "decided_by",
        "created_at",
        "reminded_at",
    ]
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


@admin.register(EventEvaluation)
class EventEvaluationAdmin(HistoryAdmin):
    """The participants' answers, anonymous and read only; each event's summary is on its
    results page (linked from the event)."""

    list_display = ["event", "overall", "usefulness", "organisation", "language", "submitted_on"]
    list_filter = ["submitted_on", ("event", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    search_fields = ["event__title_en", "event__title_ru", "comment"]
    readonly_fields = ["results_link"]
    fields = [
        "event",
        "overall",
        "usefulness",
        "organisation",
        "comment",
        "language",
        "submitted_on",
        "results_link",
    ]

    @admin.display(description=_("results of the event"))
    def results_link(self, evaluation):
        # format_html escapes both arguments: an admin address and a translated label.
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:outreach_event_evaluations", args=[evaluation.event_id]),
            gettext("Evaluation results"),
        )

    def has_add_permission(self, request):
        return False  # answers come from the participants' links

    def has_change_permission(self, request, obj=None):
        return False
