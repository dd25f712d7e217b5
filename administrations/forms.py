"""The public request for an account, and a focal point's reason for declining one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from administrations.models import AccountRequest, Administration


class AccountRequestForm(forms.ModelForm):
    """What a person tells about themselves; the language is the page's, never a field."""

    administration = forms.ModelChoiceField(
        label=_("Your administration"),
        queryset=Administration.objects.members(),
        empty_label=_("Choose your administration"),
        error_messages={
            "required": _("Choose the administration you work for."),
            "invalid_choice": _("Choose the administration you work for from the list."),
        },
    )

    class Meta:
        model = AccountRequest
        fields = ["full_name", "email", "administration", "position", "message"]
        labels = {
            "full_name": _("Full name"),
            "email": _("Email address"),
            "position": _("Position or job title"),
            "message": _("Message (optional)"),
        }
        help_texts = {
            "email": _("Your work address: the invitation is sent there."),
            "message": _("Anything your focal point should know, e.g. your department."),
        }
        error_messages = {
            "full_name": {"required": _("Enter your full name.")},
            "email": {
                "required": _("Enter your email address."),
                "invalid": _("Enter an email address like name@customs.example."),
            },
            "position": {"required": _("Enter your position or job title.")},
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["full_name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["position"].widget.attrs["autocomplete"] = "organization-title"
        for name in ("full_name", "position", "message"):
            self.fields[name].error_messages["max_length"] = _(
                "Use at most %(limit_value)d characters (it has %(show_value)d)."
            )

    def validate_unique(self):
        """Nothing about stored requests is checked here: what a second request for an address
        does is the service's to decide, and the form's answer must not tell."""


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Sent to the person in the language of their request."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Give the reason for declining.")},
    )
