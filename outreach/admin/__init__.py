"""The office's admin for outreach, one module per subject: news (`news`), events with their
registration settings, documents and after-event pages (`events`), registrations and the counts
kept of them (`registrations`), tools and courses (`tools`), evaluations (`evaluations`).
Importing the package registers every model."""

from outreach.admin.evaluations import EventEvaluationAdmin
from outreach.admin.events import (
    EventAdmin,
    EventAdminForm,
    EventResource,
    MeetingDocumentInline,
    RegistrationSettingsInline,
)
from outreach.admin.news import NewsItemAdmin, NewsItemResource
from outreach.admin.publication import PublicationActions
from outreach.admin.registrations import (
    RegistrationAdmin,
    RegistrationCountAdmin,
    RegistrationResource,
)
from outreach.admin.tools import ToolAdmin, ToolForm, ToolResource

__all__ = [
    "EventAdmin",
    "EventAdminForm",
    "EventEvaluationAdmin",
    "EventResource",
    "MeetingDocumentInline",
    "NewsItemAdmin",
    "NewsItemResource",
    "PublicationActions",
    "RegistrationAdmin",
    "RegistrationCountAdmin",
    "RegistrationResource",
    "RegistrationSettingsInline",
    "ToolAdmin",
    "ToolForm",
    "ToolResource",
]
