"""The focal point's form for a contact point of their administration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from contacts.models import SPOKEN_LANGUAGES, ContactPoint, ContactRole
from core.concurrency import ConflictCheckFormMixin


class ContactPointForm(ConflictCheckFormMixin, forms.ModelForm):
    """Role, name and title in both languages, address, phone and working languages. The
    administration is never a field: the view sets it from the URL it has checked. An edit is
    refused if someone saved the contact point since the form was opened."""

    languages = forms.MultipleChoiceField(
        label=_("Working languages"),
        choices=SPOKEN_LANGUAGES,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-columns"}),
        required=False,
    )

    class Meta:
        model = ContactPoint
        fields = [
            "role",
            "name_en",
            "name_ru",
            "title_en",
            "title_ru",
            "email",
            "phone",
            "languages",
        ]
        labels = {
            "role": _("Role"),
            "name_en": _("Name in English"),
            "name_ru": _("Name in Russian"),
            "title_en": _("Job title in English"),
            "title_ru": _("Job title in Russian"),
            "email": _("Email address"),
            "phone": _("Phone"),
        }
        help_texts = {
            "name_en": _("As it is written in Latin letters, e.g. in a passport."),
            "name_ru": _("Leave empty if it is the same as in English."),
            "title_ru": _("Leave empty if it is the same as in English."),
            "phone": _(
                "In international format: + then the country code and the number, "
                "e.g. +994 12 404 00 00."
            ),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name_en": forms.TextInput(attrs={"autocomplete": "name"}),
            "name_ru": forms.TextInput(attrs={"autocomplete": "off", "lang": "ru"}),
            "title_ru": forms.TextInput(attrs={"lang": "ru"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name_en"].required = True
        self.fields["role"].choices = [("", _("Choose a role")), *ContactRole.choices]
        # Checkboxes in the alphabetical order of the page's language.
        self.fields["languages"].choices = sorted(
            SPOKEN_LANGUAGES, key=lambda choice: str(choice[1]).casefold()
        )

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
