"""Meeting documents: keeping an event's documents out of the library pages wider than the
event shows them."""

from django.db import transaction

from library.models import Document
from outreach.models import Event, MeetingDocument

# Library visibilities from the widest to the narrowest.
_LIBRARY_WIDTH = [
    Document.Visibility.PUBLIC,
    Document.Visibility.MEMBERS,
    Document.Visibility.STAFF,
]


@transaction.atomic
def meeting_documents_keep_private(*, event: Event) -> int:
    """Keep the event's documents out of the library pages wider than the event shows them: a
    participants' document becomes staff-only there (so no member finds it among the translated
    materials), a members' one no longer public. Never widens one. Returns how many changed."""
    changed = 0
    attached = MeetingDocument.objects.filter(event=event).select_related("document")
    for meeting_document in attached:
        document = meeting_document.document
        narrowest = MeetingDocument.LIBRARY_VISIBILITY[meeting_document.visibility]
        if _LIBRARY_WIDTH.index(document.visibility) < _LIBRARY_WIDTH.index(narrowest):
            document.visibility = narrowest
            document.full_clean()
            document.save(update_fields=["visibility"])
            changed += 1
    return changed
