"""Registration forms: a person registering themselves, and a focal point's nominations (one
row per officer). Each asks only the questions the event's settings name. After the event, its
evaluation form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.evaluations import comment_field, score_field
from outreach.models import Registration, RegistrationSettings
from outreach.models.evaluations import COMMENT_MAX
from outreach.services import Person

# Officers one nomination may name when the event sets no quota, and the blank rows the page
# shows (rendering a form row costs more than any query of the page: a focal point naming more
# posts again).
NOMINEES_MAX = 10
NOMINEE_ROWS = 3

# Which question each setting asks: the setting's field, then the form fields it adds.
QUESTIONS = {
    "ask_position": ("position",),
    "ask_working_language": ("working_language",),
    "ask_accessibility": ("accessibility_needs",),
    "ask_visa_letter": ("needs_visa_letter",),
    "ask_sex": ("sex",),
}


class PersonForm(forms.ModelForm):
    """One person's registration details; `identity` adds the name and address (nominees and
    the public give them, a member's come from their account); `own` when people register
    themselves (the consent is then their own)."""

    required_css_class = "required"

    class Meta:
        model = Registration
        fields = [
            "full_name",
            "email",
            "position",
            "working_language",
            "accessibility_needs",
            "needs_visa_letter",
            "sex",
            "consent_to_list",
        ]
        labels = {
            "needs_visa_letter": _("A visa support letter is needed"),
            "consent_to_list": _("Agrees to appear in the participant list seen by members"),
        }
        help_texts = {
            "accessibility_needs": _("Anything the venue or the interpreters should know."),
            "sex": _("Optional: for the Work Plan's figures of attendance by sex."),
        }
        widgets = {"accessibility_needs": forms.Textarea(attrs={"rows": 2})}

    def __init__(
        self, *args, registration_settings: RegistrationSettings, identity=True, own=False, **kw
    ):
        super().__init__(*args, **kw)
        asked = {
            field
            for setting, fields in QUESTIONS.items()
            if getattr(registration_settings, setting)
            for field in fields
        }
        for name in [*QUESTIONS_FIELDS]:
            if name not in asked:
                del self.fields[name]
        if not identity:
            del self.fields["full_name"]
            del self.fields["email"]
        if own:
            self.fields["consent_to_list"].label = _(
                "I agree to appear in the participant list seen by members"
            )
        if "working_language" in self.fields:
            self.fields["working_language"].required = True
            self.fields["working_language"].choices = [
                ("", _("Choose a language")),
                *Registration.WorkingLanguage.choices,
            ]
        if "sex" in self.fields:
            self.fields["sex"].choices = [("", _("Prefer not to say")), *Registration.Sex.choices]

    def validate_unique(self):
        pass  # the service checks the person against the event, which this form does not name

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(
            full_name=data.get("full_name", ""),
            email=data.get("email", ""),
            position=data.get("position", ""),
            working_language=data.get("working_language", ""),
            accessibility_needs=data.get("accessibility_needs", ""),
            needs_visa_letter=bool(data.get("needs_visa_letter")),
            sex=data.get("sex", ""),
            consent_to_list=bool(data.get("consent_to_list")),
        )


QUESTIONS_FIELDS = [field for fields in QUESTIONS.values() for field in fields]


class BaseNominationFormSet(forms.BaseFormSet):
    def __init__(self, *args, registration_settings, **kwargs):
        self.registration_settings = registration_settings
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        return {"registration_settings": self.registration_settings}

    def clean(self):
        if any(self.errors):
            return
        if not self.people():
            raise forms.ValidationError(_("Name at least one officer."), code="empty")

    def people(self) -> list[Person]:
        return [
            form.person()
            for form in self.forms
            if form.has_changed() and form.cleaned_data.get("email")
        ]


def nomination_formset(data=None, *, registration_settings: RegistrationSettings):
    """Rows for the officers one focal point nominates: up to the quota (or ten) in a post,
    three blank ones on the page."""
    rows = registration_settings.quota or NOMINEES_MAX
    formset_class = forms.formset_factory(
        PersonForm,
        formset=BaseNominationFormSet,
        extra=min(rows, NOMINEE_ROWS),
        max_num=rows,
        validate_max=True,
        # A post may claim any number of rows: no more are built than the event allows.
        absolute_max=rows,
    )
    return formset_class(data, prefix="nominees", registration_settings=registration_settings)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to each person in their language)"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 60}),
        error_messages={"required": _("Give the reason for declining.")},
    )


class EventEvaluationForm(forms.Form):
    """A participant's short evaluation of an event: three ratings from 1 (poor) to 5
    (excellent), and a comment in plain text."""

    required_css_class = "required"
    overall = score_field(_("Overall, how would you rate the event?"))
    usefulness = score_field(_("How useful was it for your work?"))
    organisation = score_field(_("How well was it organised?"))
    comment = comment_field(COMMENT_MAX)


class ParticipantsMessageForm(forms.Form):
    """The office's message to an event's participants (the admin), a subject and a text per
    language: those of each language a participant reads are required."""

    subject_en = forms.CharField(label=_("Subject in English"), max_length=200, required=False)
    text_en = forms.CharField(
        label=_("Text in English"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
    )
    subject_ru = forms.CharField(label=_("Subject in Russian"), max_length=200, required=False)
    text_ru = forms.CharField(
        label=_("Text in Russian"),
        max_length=10000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10, "cols": 80}),
    )

    def __init__(self, *args, languages, **kwargs):
        super().__init__(*args, **kwargs)
        for language in languages:
            for name in (f"subject_{language}", f"text_{language}"):
                if name in self.fields:
                    self.fields[name].required = True
                    self.fields[name].error_messages["required"] = _(
                        "Some participants read this language: write the message in it too."
                    )

    def _one_line(self, name: str) -> str:
        subject = self.cleaned_data.get(name, "")
        if "\n" in subject or "\r" in subject:
            raise forms.ValidationError(_("A subject is a single line."), code="multiline")
        return subject

    def clean_subject_en(self):
        return self._one_line("subject_en")

    def clean_subject_ru(self):
        return self._one_line("subject_ru")

    def by_language(self, name: str) -> dict[str, str]:
        """The cleaned `name` ("subject" or "text") of each language."""
        return {
            language: self.cleaned_data.get(f"{name}_{language}", "") for language in ("en", "ru")
        }
