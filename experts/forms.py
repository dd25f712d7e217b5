"""Forms of the members area (a focal point's nomination and update of an expert's record) and
of the expert's own record."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from competencies.selectors import competency_choices, level_choices
from core.concurrency import ConflictCheckFormMixin
from core.uploads import KeepUploadsMixin, KeptFileInput
from experts.filters import in_page_language
from experts.models import (
    Availability,
    Expert,
    ExpertiseArea,
    Level,
    Nomination,
    language_choices,
)

DETAIL_FIELDS = [
    "given_names_en",
    "family_name_en",
    "given_names_ru",
    "family_name_ru",
    "position_en",
    "position_ru",
    "email",
    "phone",
    "areas",
    "experience_en",
    "experience_ru",
    "accreditation",
    "cv",
]
OPTIONAL_FIELDS = {
    "given_names_ru",
    "family_name_ru",
    "position_ru",
    "experience_en",
    "experience_ru",
    "phone",
}
DETAIL_LABELS = {
    "given_names_en": _("Given names (Latin script)"),
    "family_name_en": _("Family name (Latin script)"),
    "given_names_ru": _("Given names (Cyrillic)"),
    "family_name_ru": _("Family name (Cyrillic)"),
    "position_en": _("Position (in English)"),
    "position_ru": _("Position (in Russian)"),
    "experience_en": _("Experience (in English)"),
    "experience_ru": _("Experience (in Russian)"),
}
DETAIL_WIDGETS = {
    "areas": forms.CheckboxSelectMultiple,
    # No link to the current file (private files have no URL); a valid CV is kept when the
    # form comes back with an error.
    "cv": KeptFileInput(attrs={"accept": ".pdf,.docx"}),
    # Each language's text is marked with its language, for spelling checks and screen readers.
    "position_en": forms.TextInput(attrs={"lang": "en"}),
    "position_ru": forms.TextInput(attrs={"lang": "ru"}),
    "experience_en": forms.Textarea(attrs={"rows": 4, "lang": "en"}),
    "experience_ru": forms.Textarea(attrs={"rows": 4, "lang": "ru"}),
    "email": forms.EmailInput(attrs={"autocomplete": "off"}),
}


class ExpertDetailsForm(KeepUploadsMixin, forms.ModelForm):
    """The expert's details as a focal point gives them: English (Latin-script) text required,
    Russian (Cyrillic) optional. `administration` is the focal point's own."""

    required_css_class = "required"
    FIELDSETS = [
        (
            _("The expert"),
            [
                "given_names_en",
                "family_name_en",
                "given_names_ru",
                "family_name_ru",
                "position_en",
                "position_ru",
                "email",
                "phone",
            ],
        ),
        (
            _("Expertise"),
            ["areas", "experience_en", "experience_ru", "accreditation"],
        ),
    ]

    def __init__(self, *args, administration, **kwargs):
        super().__init__(*args, **kwargs)
        self.administration = administration
        for name, field in self.fields.items():
            if name in DETAIL_FIELDS:
                field.required = name not in OPTIONAL_FIELDS and name != "cv"
        self.fields["areas"].queryset = ExpertiseArea.objects.order_by(in_page_language("name"))

    def fieldsets(self):
        """The fields in labelled groups, for the template's <fieldset>s."""
        return [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        elsewhere = Expert.objects.filter(email__iexact=email).exclude(
            administration=self.administration
        )
        if elsewhere.exists():
            raise ValidationError(
                _("This email address belongs to an expert of another administration.")
            )
        return email


class NominationForm(ExpertDetailsForm):
    consent = forms.BooleanField(
        label=_(
            "The expert agrees to be listed in the Regional Experts Database and to have these "
            "details and the CV shared with the office and the member administrations."
        ),
    )

    class Meta:
        model = Nomination
        fields = DETAIL_FIELDS
        labels = DETAIL_LABELS
        widgets = DETAIL_WIDGETS
        help_texts = {
            "email": _("If the expert is already listed, approval updates their record."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cv"].required = True


class NominationCorrectForm(ConflictCheckFormMixin, NominationForm):
    """The focal point's correction of a pending nomination: the consent stands, the CV is
    replaced only when a file is chosen; refused if the nomination changed meanwhile."""

    consent = None

    class Meta(NominationForm.Meta):
        labels = {**DETAIL_LABELS, "cv": _("Replace the CV")}
        help_texts = {
            **NominationForm.Meta.help_texts,
            "cv": _("PDF or Word (DOCX), up to 5 MB. Leave empty to keep the CV."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["cv"].required = False


class ExpertUpdateForm(ConflictCheckFormMixin, ExpertDetailsForm):
    """Refuses to save over a change made since the form was opened (its hidden fingerprint)."""

    class Meta:
        model = Expert
        fields = DETAIL_FIELDS
        labels = {**DETAIL_LABELS, "cv": _("Replace the CV")}
        widgets = DETAIL_WIDGETS
        help_texts = {"cv": _("PDF or Word (DOCX), up to 5 MB. Leave empty to keep the CV.")}


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=lambda: [("", "—"), *language_choices()],
        required=False,
    )
    level = forms.TypedChoiceField(
        label=_("Level"),
        choices=[("", "—"), *Level.choices],
        coerce=int,
        empty_value=None,
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("language") and not cleaned.get("level"):
            self.add_error("level", _("Choose the level for this language."))
        if cleaned.get("level") and not cleaned.get("language"):
            self.add_error("language", _("Choose the language for this level."))
        return cleaned


class BaseLanguageFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        # Every filled row counts, changed or not: a record saved with its languages as they
        # were still has them (a blank extra row has no cleaned data).
        languages = [form.cleaned_data.get("language") for form in self.forms]
        languages = [language for language in languages if language]
        if not languages:
            raise ValidationError(_("Give at least one language and its level."))
        if len(set(languages)) != len(languages):
            raise ValidationError(_("List each language once."))

    @property
    def skills(self) -> list[tuple[str, int]]:
        """(language, level) pairs of the filled rows; call after is_valid()."""
        return [
            (form.cleaned_data["language"], form.cleaned_data["level"])
            for form in self.forms
            if form.cleaned_data.get("language")
        ]


LANGUAGES_MAX = 20  # languages of one expert
COMPETENCIES_MAX = 20  # competencies of one expert
COMPETENCIES_PREFIX = "competencies"


def language_formset(data=None, *, initial=(), rows: int = 4) -> BaseLanguageFormSet:
    """The languages part of a form: the known languages and blank rows, at least `rows`."""
    initial = list(initial)
    formset_class = forms.formset_factory(
        LanguageForm,
        formset=BaseLanguageFormSet,
        extra=max(2, rows - len(initial)),
        max_num=LANGUAGES_MAX,
        validate_max=True,
        # A post may claim any number of rows: no more are built than the page allows (the
        # default allows 1,000 more, and a million-row post took seconds and megabytes).
        absolute_max=LANGUAGES_MAX,
    )
    return formset_class(data, initial=initial, prefix="languages")


class CompetencyForm(forms.Form):
    """One competency of the framework the expert holds, and at which proficiency level. The
    choices are read once for the whole formset (`competency_formset`)."""

    competency = forms.TypedChoiceField(
        label=_("Competency"), coerce=int, empty_value=None, required=False
    )
    level = forms.TypedChoiceField(
        label=_("Proficiency level"), coerce=int, empty_value=None, required=False
    )

    def __init__(self, *args, competencies=(), levels=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["competency"].choices = [("", "—"), *competencies]
        self.fields["level"].choices = [("", "—"), *levels]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("competency") and not cleaned.get("level"):
            self.add_error("level", _("Choose the level for this competency."))
        if cleaned.get("level") and not cleaned.get("competency"):
            self.add_error("competency", _("Choose the competency for this level."))
        return cleaned


class BaseCompetencyFormSet(forms.BaseFormSet):
    def is_valid(self) -> bool:
        # Unbound on a post without the rows (see competency_formset): nothing to refuse.
        return not self.is_bound or super().is_valid()

    def clean(self):
        if any(self.errors):
            return
        chosen = [form.cleaned_data.get("competency") for form in self.forms]
        chosen = [competency for competency in chosen if competency]
        if len(set(chosen)) != len(chosen):
            raise ValidationError(_("List each competency once."))

    @property
    def holdings(self) -> list[tuple[int, int]]:
        """(competency id, level id) pairs of the filled rows; call after is_valid()."""
        if not self.is_bound:
            return []
        return [
            (form.cleaned_data["competency"], form.cleaned_data["level"])
            for form in self.forms
            if form.cleaned_data.get("competency")
        ]


def competency_formset(data=None, *, initial=(), rows: int = 3) -> BaseCompetencyFormSet:
    """The competencies part of a form (optional): the endorsed competencies of the framework
    and the proficiency scale, read once (two queries), in blank rows, at least `rows`. With no
    endorsed competency the formset has no rows, and a post without its management form counts
    as one with no competencies (they are optional)."""
    competencies, levels = competency_choices(), level_choices()
    initial = list(initial)
    formset_class = forms.formset_factory(
        CompetencyForm,
        formset=BaseCompetencyFormSet,
        extra=max(2, rows - len(initial)) if competencies and levels else 0,
        max_num=COMPETENCIES_MAX,
        validate_max=True,
        absolute_max=COMPETENCIES_MAX,  # no more rows built than the page allows
    )
    if data is not None and f"{COMPETENCIES_PREFIX}-TOTAL_FORMS" not in data:
        data = None
    return formset_class(
        data,
        initial=initial,
        prefix=COMPETENCIES_PREFIX,
        form_kwargs={"competencies": competencies, "levels": levels},
    )


class RecordConfirmForm(forms.Form):
    """The expert's own record: consent (required each time), availability, mail language."""

    required_css_class = "required"
    availability = forms.ChoiceField(
        label=_("Your availability for missions"), choices=Availability.choices
    )
    language = forms.ChoiceField(
        label=_("Language of our emails to you"), choices=settings.LANGUAGES
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to be listed in the Regional Experts Database and to have my details and "
            "CV shared with the office and the member administrations."
        ),
    )


class RecordWithdrawForm(forms.Form):
    required_css_class = "required"
    confirm = forms.BooleanField(
        label=_(
            "Remove me from the Regional Experts Database. I understand that members will no "
            "longer see my record and that my personal data will then be erased."
        ),
    )
