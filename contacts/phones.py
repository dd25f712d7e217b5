"""Phone numbers in international format, checked with Google's libphonenumber rules."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

INVALID_PHONE = _(
    "Enter the phone number in international format: + then the country code and the number, "
    "e.g. +994 12 404 00 00."
)


def parse_international_phone(value: str) -> phonenumbers.PhoneNumber:
    """The number written in `value`; ValidationError unless it is a valid international one."""
    text = (value or "").strip()
    if not text.startswith(("+", "00")):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    if text.startswith("00"):
        text = "+" + text[2:]
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        raise ValidationError(INVALID_PHONE, code="invalid_phone") from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(INVALID_PHONE, code="invalid_phone")
    return number


def validate_international_phone(value: str) -> None:
    parse_international_phone(value)


def format_international_phone(value: str) -> str:
    """`value` written the standard international way ("+994 12 404 00 00"), or "" if blank."""
    if not (value or "").strip():
        return ""
    number = parse_international_phone(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_uri(value: str) -> str:
    """A tel: URI for a stored international number (RFC 3966 allows no spaces)."""
    return "tel:" + "".join(c for c in value if c.isdigit() or c == "+") if value else ""
