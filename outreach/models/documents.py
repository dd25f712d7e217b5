"""Meeting documents: an event's agenda, presentations and report, each a library document (one
file per language), shown on the event's page to the public, to members, or to the event's
participants only.

Who sees which is decided here (`MeetingDocument.Visibility`) and in `outreach.selectors`; the
files are served only by the outreach download views, which check it for each request.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from library.models import Document
from outreach.models.content import Event


class MeetingDocumentQuerySet(models.QuerySet):
    def visible_in(self, visibilities) -> "MeetingDocumentQuerySet":
        return self.filter(visibility__in=visibilities)


class MeetingDocument(models.Model):
    """A library document attached to an event, with its kind and who may see it there."""

    class Kind(models.TextChoices):
        AGENDA = "agenda", pgettext_lazy("meeting document", "Agenda")
        PRESENTATION = "presentation", pgettext_lazy("meeting document", "Presentation")
        REPORT = "report", pgettext_lazy("meeting document", "Report")

    class Visibility(models.TextChoices):
        PUBLIC = "public", pgettext_lazy("meeting document", "Public")
        MEMBERS = "members", pgettext_lazy("meeting document", "Members")
        PARTICIPANTS = (
            "participants",
            pgettext_lazy("meeting document", "Participants of the event"),
        )

    # The library visibility a document may have at most while it is attached with each of these:
    # a participants' document stays out of the library's pages (staff-only there), a members'
    # one out of its public pages (outreach.services.meeting_documents_keep_private).
    LIBRARY_VISIBILITY = {
        Visibility.PUBLIC: Document.Visibility.PUBLIC,
        Visibility.MEMBERS: Document.Visibility.MEMBERS,
        Visibility.PARTICIPANTS: Document.Visibility.STAFF,
    }

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="documents", verbose_name=_("event")
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("library document"),
        help_text=_(
            "A document of the library, with its file in each language (add it under Library "
            "› Documents first)."
        ),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    visibility = models.CharField(
        _("who sees it"),
        max_length=20,
        choices=Visibility.choices,
        default=Visibility.PARTICIPANTS,
        help_text=_(
            "Participants: people with a confirmed registration for this event (and office "
            "staff). A participants' document is kept out of the library's pages, a members' one "
            "out of its public pages."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = MeetingDocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["event", "position", "pk"]
        indexes = [
            # The documents of one event for one kind of viewer (the event page, a download).
            models.Index(fields=["event", "visibility", "position"], name="meeting_doc_event_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "document"],
                name="meeting_doc_once_per_event",
                violation_error_message=_("This document is already attached to the event."),
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=["agenda", "presentation", "report"]),
                name="meeting_doc_kind_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=["public", "members", "participants"]),
                name="meeting_doc_visibility_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.document}"
