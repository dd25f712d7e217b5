"""Writes of the contacts app: focal points keep their administration's contact points current.

Every change is one revision in the edit history (django-reversion, with the author), and the
office staff hear of it by email once the change is committed.
"""

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_noop

from accounts.models import User
from administrations.models import Administration
from contacts.models import ContactPoint
from core import history
from core.mail import mail_send

# Fields whose change the staff notice names (the edit history keeps every field).
_TRACKED_FIELDS = [
    "role",
    "name_en",
    "name_ru",
    "title_en",
    "title_ru",
    "email",
    "phone",
    "languages",
]


def _check_focal_point(user: User, administration: Administration) -> None:
    if not user.is_focal_point_for(administration):
        raise PermissionDenied


@transaction.atomic
def contact_point_create(*, contact: ContactPoint, by: User) -> ContactPoint:
    """Add a contact point to the focal point's own administration (verified today)."""
    _check_focal_point(by, contact.administration)
    contact.verified_on = timezone.localdate()
    contact.full_clean()
    with reversion.create_revision():
        contact.save()
        reversion.set_user(by)
        history.note(gettext_noop("Added by the focal point"))
    _notify_staff(administration=contact.administration, by=by, changes=[("added", contact, [])])
    return contact


@transaction.atomic
def contact_point_update(*, contact: ContactPoint, by: User) -> list[str]:
    """Save the focal point's edit of a contact point of their administration (verified today);
    returns the names of the fields that changed."""
    before = ContactPoint.objects.select_for_update().get(pk=contact.pk)
    _check_focal_point(by, before.administration)
    if contact.administration_id != before.administration_id:
        raise PermissionDenied
    contact.verified_on = timezone.localdate()
    contact.full_clean()
    changed = [
        field for field in _TRACKED_FIELDS if getattr(before, field) != getattr(contact, field)
    ]
    with reversion.create_revision():
        contact.save()
        reversion.set_user(by)
        if changed:
            history.note(
                gettext_noop("Changed by the focal point: %(fields)s"),
                fields=_field_names(changed),
            )
        else:
            history.note(gettext_noop("Confirmed as still right by the focal point"))
    _notify_staff(
        administration=contact.administration, by=by, changes=[("changed", contact, changed)]
    )
    return changed


@transaction.atomic
def contact_point_delete(*, contact: ContactPoint, by: User) -> None:
    """Remove a contact point; its last state stays in the history, so staff can recover it."""
    _check_focal_point(by, contact.administration)
    with reversion.create_revision():
        reversion.add_to_revision(contact)
        reversion.set_user(by)
        history.note(gettext_noop("Removed by the focal point"))
    administration = contact.administration
    contact.delete()
    _notify_staff(administration=administration, by=by, changes=[("removed", contact, [])])


@transaction.atomic
def contact_points_confirm(*, administration: Administration, by: User) -> int:
    """Stamp today as the verified date of every contact point of the administration: its focal
    point confirms the list is still right. Returns how many were confirmed."""
    _check_focal_point(by, administration)
    today = timezone.localdate()
    contacts = list(administration.contact_points.select_for_update())
    with reversion.create_revision():
        for contact in contacts:
            contact.verified_on = today
            contact.save(update_fields=["verified_on", "updated_at"])
        reversion.set_user(by)
        history.note(gettext_noop("Confirmed as still right by the focal point"))
    _notify_staff(
        administration=administration,
        by=by,
        changes=[("confirmed", contact, []) for contact in contacts],
    )
    return len(contacts)


def _field_names(names: list[str]) -> list:
    """The fields' verbose names (lazy, translated when the note is read), a translated
    field's once for both its languages."""
    fields = [ContactPoint._meta.get_field(name) for name in names]
    fields = [getattr(field, "translated_field", field) for field in fields]
    return list({field.name: field.verbose_name for field in fields}.values())


def _notify_staff(*, administration: Administration, by: User, changes: list) -> None:
    """Tell the office (settings.STAFF_NOTIFICATION_EMAILS) of a focal point's change, in
    English, queued in the same transaction as the change."""
    recipients = list(settings.STAFF_NOTIFICATION_EMAILS)
    if not recipients or not changes:
        return
    with translation.override("en"):
        context = {
            "administration": str(administration),
            "by": by,
            "changes": [
                {"action": action, "contact": str(contact), "fields": fields}
                for action, contact, fields in changes
            ],
            "admin_path": reverse("admin:contacts_contactpoint_changelist")
            + f"?administration__id__exact={administration.pk}",
        }
        subject = render_to_string("contacts/email/staff_notice_subject.txt", context).strip()
        body = render_to_string("contacts/email/staff_notice.txt", context)
    mail_send(subject=subject, body=body, to=recipients)
