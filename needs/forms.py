"""Forms of the needs mechanism: a focal point's request (with the round's questions when it
answers one); on the request's page the office's next step, internal notes and the ranking's
choices; a mission; a mission's evaluation."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from competencies.models import Competency
from core.concurrency import ConflictCheckFormMixin
from core.evaluations import comment_field, score_field
from core.uploads import KeepUploadsMixin, KeptFileInput
from experts.models import LANGUAGE_NAMES, ExpertiseArea, language_choices
from needs import services
from needs.models import (
    ATTACHMENTS_MAX,
    Mission,
    NeedsRequest,
    Status,
    validate_attachment,
    validate_report,
)
from workplan.models import Activity

MONTH = "%Y-%m"
TEXT_MAX = 10_000
COMMENT_MAX = 4_000


class MonthInput(forms.DateInput):
    """A month picker (`<input type="month">`), which browsers without one show as a text box
    for YYYY-MM."""

    input_type = "month"

    def __init__(self, attrs=None):
        super().__init__(attrs={"placeholder": _("YYYY-MM"), **(attrs or {})}, format=MONTH)


class AttachmentsField(forms.FileField):
    """Several files from one input, each checked as the model's validator checks a CV."""

    def __init__(self, **kwargs):
        # Valid files are kept when the form comes back with an error.
        kwargs.setdefault("widget", KeptFileInput(attrs={"accept": ".pdf,.docx"}, multiple=True))
        kwargs.setdefault("validators", [validate_attachment])
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if len(files) > ATTACHMENTS_MAX:
            raise ValidationError(
                _("Attach at most %(count)s files."), params={"count": ATTACHMENTS_MAX}
            )
        return [super(AttachmentsField, self).clean(upload, initial) for upload in files]


class NeedForm(KeepUploadsMixin, forms.ModelForm):
    """A focal point's request: the title and description in English or in Russian (one is
    enough), areas required, competencies optional, the desired period as months."""

    required_css_class = "required"
    attachments = AttachmentsField(
        label=_("Attachments"),
        required=False,
        help_text=_("Optional: up to 5 files, PDF or Word (DOCX), up to 5 MB each."),
    )

    class Meta:
        model = NeedsRequest
        fields = [
            "title_en",
            "title_ru",
            "description_en",
            "description_ru",
            "areas",
            "competencies",
            "priority",
            "modality",
            "period_from",
            "period_to",
            "period_note",
            "officers",
        ]
        labels = {
            "title_en": _("Title (in English)"),
            "title_ru": _("Title (in Russian)"),
            "description_en": _("Description (in English)"),
            "description_ru": _("Description (in Russian)"),
            "competencies": _("Competencies concerned"),
            "period_from": _("Desired from (month)"),
            "period_to": _("Desired until (month)"),
        }
        help_texts = {
            "title_en": _("Give the title and the description in English, in Russian or both."),
            "description_en": _(
                "What the officers should be able to do afterwards, and what exists already."
            ),
            "competencies": _("Optional: the competencies of the framework the need concerns."),
        }
        widgets = {
            "title_en": forms.TextInput(attrs={"lang": "en"}),
            "title_ru": forms.TextInput(attrs={"lang": "ru"}),
            "description_en": forms.Textarea(attrs={"rows": 5, "lang": "en"}),
            "description_ru": forms.Textarea(attrs={"rows": 5, "lang": "ru"}),
            "areas": forms.CheckboxSelectMultiple,
            "competencies": forms.CheckboxSelectMultiple,
            "priority": forms.RadioSelect,
            "period_from": MonthInput,
            "period_to": MonthInput,
        }

    FIELDSETS = [
        (_("The need"), ["title_en", "title_ru", "description_en", "description_ru"]),
        (_("What it concerns"), ["areas", "competencies"]),
        (
            _("How and when"),
            ["priority", "modality", "period_from", "period_to", "period_note", "officers"],
        ),
    ]

    def __init__(self, *args, round=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round
        for name in ("title_en", "title_ru", "description_en", "description_ru"):
            self.fields[name].required = False  # one language of each is enough: see clean()
        for name in ("description_en", "description_ru"):
            self.fields[name].max_length = TEXT_MAX
            self.fields[name].widget.attrs["maxlength"] = TEXT_MAX
        for name in ("period_from", "period_to"):
            self.fields[name].input_formats = [MONTH]
        self.fields["areas"].queryset = ExpertiseArea.objects.order_by("name_en")
        self.fields["competencies"].queryset = Competency.objects.order_by("code")
        self.fields["modality"].choices = self.fields["modality"].choices[1:]  # no blank
        self.questions = round.question_list() if round else []
        for number, question in enumerate(self.questions, start=1):
            self.fields[f"answer_{number}"] = forms.CharField(
                label=question,
                widget=forms.Textarea(attrs={"rows": 3}),
                max_length=TEXT_MAX,
            )

    def fieldsets(self):
        groups = [(legend, [self[name] for name in names]) for legend, names in self.FIELDSETS]
        if self.questions:
            answers = [self[f"answer_{n}"] for n in range(1, len(self.questions) + 1)]
            groups.append((_("The round's questions"), answers))
        return groups

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("title_en") or cleaned.get("title_ru")):
            self.add_error("title_en", _("Give the title in English or in Russian."))
        if not (cleaned.get("description_en") or cleaned.get("description_ru")):
            self.add_error("description_en", _("Describe the need in English or in Russian."))
        start, end = cleaned.get("period_from"), cleaned.get("period_to")
        if start and end and end < start:
            self.add_error("period_to", _("The period cannot end before it begins."))
        return cleaned

    @property
    def details(self) -> dict:
        return {name: self.cleaned_data[name] for name in services.REQUEST_DETAILS}

    @property
    def answers(self) -> list[list[str]]:
        return [
            [question, self.cleaned_data[f"answer_{number}"]]
            for number, question in enumerate(self.questions, start=1)
        ]


class TransitionForm(ConflictCheckFormMixin, forms.ModelForm):
    """The office's next step on a request's page, with what the step needs; refused when
    someone changed the request since the page was opened."""

    required_css_class = "required"
    to_status = forms.ChoiceField(label=_("New status"))

    class Meta:
        model = NeedsRequest
        fields = [
            "forwarded_on",
            "proposal_en",
            "proposal_ru",
            "activity",
            "decline_reason_en",
            "decline_reason_ru",
        ]
        labels = {
            "proposal_en": _("The office's proposal (in English)"),
            "proposal_ru": _("The office's proposal (in Russian)"),
            "decline_reason_en": _("Reason for declining (in English)"),
            "decline_reason_ru": _("Reason for declining (in Russian)"),
        }
        help_texts = {
            "forwarded_on": _("When forwarding to the WCO Secretariat."),
            "proposal_en": _("When forwarding; the focal points read it."),
            "activity": _("When planning."),
            "decline_reason_en": _("When declining; sent to the focal points."),
        }
        widgets = {
            "forwarded_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "proposal_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "proposal_ru": forms.Textarea(attrs={"rows": 3, "lang": "ru"}),
            "decline_reason_en": forms.Textarea(attrs={"rows": 3, "lang": "en"}),
            "decline_reason_ru": forms.Textarea(attrs={"rows": 3, "lang": "ru"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_status"].choices = [
            (status, Status(status).label) for status in self.instance.next_statuses()
        ]
        self.fields["forwarded_on"].input_formats = ["%Y-%m-%d"]
        self.fields["activity"].queryset = Activity.objects.select_related("goal").order_by(
            "goal__number", "sequence"
        )
        self.fields["activity"].empty_label = _("No activity yet")
        for name in ("proposal_en", "proposal_ru", "decline_reason_en", "decline_reason_ru"):
            self.fields[name].max_length = TEXT_MAX

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("to_status")
        if status and not self.errors:
            merged = {
                name: cleaned.get(name) or getattr(self.instance, name)
                for name in services.WORKFLOW_FIELDS
                if name != "event"
            }
            try:
                services.need_transition_check(
                    current=self.instance.status, status=status, fields=merged
                )
            except ValidationError as error:
                self.add_error(None, error)
        return cleaned

    def _post_clean(self):
        # The step is validated and saved by need_transition, under its own lock.
        pass


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Internal note"),
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the office sees it."),
    )


class LanguageField(forms.ChoiceField):
    """The 48 working languages, sorted by name (in the page's language) only when the menu is
    drawn, which a cached fragment does once: a value is checked against their codes (sorting
    the translated names took 2-3 ms of each page)."""

    def valid_value(self, value) -> bool:
        return str(value) in LANGUAGE_NAMES


class RankingForm(forms.Form):
    """The office's choices for the ranking on a request's page (a GET form): the working
    language, and whether the requesting administration's own experts take part."""

    language = LanguageField(label=_("Working language"), required=False)
    include_own = forms.BooleanField(
        label=_("Include the requesting administration's own experts"), required=False
    )

    def __init__(self, *args, default_language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices
        self.fields["language"].initial = default_language
        self.default_language = default_language

    @property
    def choices(self) -> dict:
        """The valid choices (the defaults for what is missing or not valid)."""
        cleaned = self.cleaned_data if self.is_valid() else {}
        return {
            "language": cleaned.get("language") or self.default_language,
            "include_own": bool(cleaned.get("include_own")),
        }


DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MissionForm(forms.ModelForm):
    """Office staff record a mission of an expert for a request (the expert and the request
    come from the page's address)."""

    required_css_class = "required"

    class Meta:
        model = Mission
        fields = ["start_date", "end_date", "report"]
        widgets = {
            "start_date": DATE_INPUT,
            "end_date": DATE_INPUT,
            "report": forms.ClearableFileInput(attrs={"accept": ".pdf,.docx"}),
        }
        help_texts = {"report": _("Optional now: PDF or Word (DOCX), up to 5 MB.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("start_date", "end_date"):
            self.fields[name].input_formats = ["%Y-%m-%d"]
        # The model's checks of the file (type by content, size), which _post_clean would run.
        self.fields["report"].validators = [*self.fields["report"].validators, validate_report]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The mission cannot end before it begins."))
        return cleaned

    def _post_clean(self):
        # Validated and saved by mission_create (with the expert and the request).
        pass


class EvaluationForm(forms.Form):
    """A short evaluation of a mission: three ratings from 1 (poor) to 5 (excellent), and a
    comment."""

    required_css_class = "required"
    preparation = score_field(_("How well was the mission prepared and organised?"))
    relevance = score_field(_("How well did it answer the need?"))
    results = score_field(_("How useful will its results be?"))
    comment = comment_field(COMMENT_MAX)
