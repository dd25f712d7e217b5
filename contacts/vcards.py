"""Contact points as vCards (RFC 2426, vCard 3.0), written by the `vobject` library, which
escapes commas, semicolons and line breaks and folds long lines as the standard requires."""

from collections.abc import Iterable

import vobject
from django.http import HttpResponse

from contacts.models import ContactPoint


def contact_vcard(contact: ContactPoint) -> str:
    card = vobject.vCard()
    card.add("fn").value = contact.name
    # A best guess for the structured name: the last word is the family name.
    given, _, family = contact.name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family if given else "", given=given or family)
    card.add("org").value = [str(contact.administration)]
    if contact.title:
        card.add("title").value = contact.title
    card.add("role").value = contact.get_role_display()
    email = card.add("email")
    email.value = contact.email
    email.type_param = "INTERNET"
    if contact.phone:
        phone = card.add("tel")
        phone.value = contact.phone
        phone.type_param = "WORK"
    if contact.languages:
        card.add("note").value = ", ".join(contact.language_names())
    return card.serialize()


def vcard_response(contacts: Iterable[ContactPoint], *, filename: str) -> HttpResponse:
    """One .vcf file holding a card for each contact point, in UTF-8."""
    text = "".join(contact_vcard(contact) for contact in contacts)
    response = HttpResponse(text.encode("utf-8"), content_type="text/vcard; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    return response
