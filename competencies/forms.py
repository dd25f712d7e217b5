from dataclasses import dataclass

from django import forms
from django.forms.boundfield import BoundWidget
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from competencies import spreadsheet
from competencies.models import (
    Competency,
    ConsultationResponse,
    FrameworkVersion,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
    StatementRating,
    Status,
)
from competencies.models.consultation import COMMENT_MAX, RESPONSE_MAX
from core.files import sniffed_kind

MAX_FRAMEWORK_FILE_BYTES = 10 * 1024 * 1024


class CompareForm(forms.Form):
    """Two positions to compare: where a member stands now, and where they want to go."""

    current = forms.ChoiceField(label=_("Current position"))
    target = forms.ChoiceField(label=_("Target position"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("current", "target"):
            self.fields[name].choices = [("", _("Choose a position")), *choices]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("current") and cleaned.get("current") == cleaned.get("target"):
            raise forms.ValidationError(_("Choose two different positions."), code="same")
        return cleaned


class StartAssessmentForm(forms.Form):
    position = forms.ChoiceField(label=_("Position to rate yourself against"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].choices = [("", _("Choose a position")), *choices]


@dataclass(frozen=True)
class RatingOption:
    radio: BoundWidget
    level: ProficiencyLevel | None
    descriptor: LevelDescriptor | None  # what the level looks like for this competency


@dataclass(frozen=True)
class RatingQuestion:
    field: forms.BoundField
    requirement: Requirement
    options: list[RatingOption]


class SelfAssessmentForm(forms.Form):
    """One question per required competency: which level describes you best? (0: not yet.)"""

    def __init__(
        self,
        *args,
        requirements: list[Requirement],
        levels: list[ProficiencyLevel],
        descriptors: list[LevelDescriptor],
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.requirements = requirements
        self.levels = levels
        self._descriptors = {
            (descriptor.competency_id, descriptor.level_id): descriptor
            for descriptor in descriptors
        }
        choices = [
            (0, _("Not yet: below the first level")),
            *((lv.number, str(lv)) for lv in levels),
        ]
        for requirement in requirements:
            self.fields[self.field_name(requirement.competency_id)] = forms.TypedChoiceField(
                label=requirement.competency.name,
                choices=choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose the level that describes you best.")},
            )

    @staticmethod
    def field_name(competency_id: int) -> str:
        return f"competency-{competency_id}"

    def questions(self) -> list[RatingQuestion]:
        """Each question with its radio buttons and the behaviour each level stands for."""
        questions = []
        for requirement in self.requirements:
            field = self[self.field_name(requirement.competency_id)]
            options = []
            for radio, level in zip(field, [None, *self.levels], strict=True):
                descriptor = (
                    self._descriptors.get((requirement.competency_id, level.pk)) if level else None
                )
                options.append(RatingOption(radio, level, descriptor))
            questions.append(RatingQuestion(field, requirement, options))
        return questions

    def ratings(self) -> dict[int, int]:
        """{competency id: level number} from the valid form."""
        return {
            requirement.competency_id: self.cleaned_data[self.field_name(requirement.competency_id)]
            for requirement in self.requirements
        }


class StartProfileAssessmentForm(forms.Form):
    profile = forms.ChoiceField(label=_("Profile to rate yourself against"))

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["profile"].choices = [("", _("Choose a profile")), *choices]


@dataclass(frozen=True)
class StatementQuestion:
    field: forms.BoundField
    statement: object  # selectors.profiles.Statement


class ProfileAssessmentForm(forms.Form):
    """Against a qualifications profile: does the member hold its certificate or diploma, and
    how far does each statement of its knowledge, skills, tasks and competencies describe them?
    """

    holds_certificate = forms.TypedChoiceField(
        label=_("Do you hold this certificate or diploma, or an equivalent?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you hold it.")},
    )

    def __init__(self, *args, aspects, **kwargs):
        super().__init__(*args, **kwargs)
        self.aspects = aspects
        extents = StatementRating.Extent
        for _aspect, _label, statements in aspects:
            for statement in statements:
                self.fields[statement.field_name] = forms.TypedChoiceField(
                    label=statement.text,
                    choices=[(value, label) for value, label in extents.choices],
                    coerce=int,
                    widget=forms.RadioSelect,
                    error_messages={"required": _("Choose how far this describes you.")},
                )

    def groups(self) -> list[tuple[str, list[StatementQuestion]]]:
        """(aspect label, its questions) in the framework's order."""
        return [
            (label, [StatementQuestion(self[s.field_name], s) for s in statements])
            for _aspect, label, statements in self.aspects
        ]

    def ratings(self) -> dict[tuple[str, str], int]:
        """{(aspect, statement digest): extent} from the valid form."""
        return {
            (statement.aspect, statement.key): self.cleaned_data[statement.field_name]
            for _aspect, _label, statements in self.aspects
            for statement in statements
        }


class PublishedForm(forms.ModelForm):
    """A position's or a competency's change form in the admin: it keeps an endorsed item
    endorsed, but endorsing is done at a meeting, through a new framework version."""

    def clean_status(self):
        status = self.cleaned_data.get("status")
        stored = (
            type(self.instance).objects.filter(pk=self.instance.pk).values_list("status", flat=True)
        )
        if status == Status.ENDORSED and (
            self.instance.pk is None or stored.first() != Status.ENDORSED
        ):
            raise forms.ValidationError(
                _(
                    "Endorse it under Framework versions › Endorse at a meeting: endorsing "
                    "makes a numbered version of the framework."
                ),
                code="endorse_through_version",
            )
        return status


class EndorseForm(forms.ModelForm):
    """In the admin: a meeting endorses positions and competencies, which makes the next
    numbered version of the framework (`services.framework_endorse`)."""

    positions = forms.ModelMultipleChoiceField(
        label=_("Positions it endorses"),
        queryset=JobPosition.objects.exclude(status=Status.ENDORSED),
        required=False,
        help_text=_("Those in consultation are chosen; the version holds every endorsed one."),
    )
    competencies = forms.ModelMultipleChoiceField(
        label=_("Competencies it endorses"),
        queryset=Competency.objects.exclude(status=Status.ENDORSED),
        required=False,
        help_text=_("Those in consultation are chosen; the version holds every endorsed one."),
    )

    class Meta:
        model = FrameworkVersion
        fields = ["endorsed_on", "endorsed_at_en", "endorsed_at_ru"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["endorsed_at_en"].required = True
        self.fields["endorsed_at_en"].label = _("Endorsed by the meeting (English)")
        self.fields["endorsed_at_ru"].label = _("Endorsed by the meeting (Russian)")
        if not self.is_bound:
            self.initial.setdefault(
                "positions",
                list(JobPosition.objects.in_consultation().values_list("pk", flat=True)),
            )
            self.initial.setdefault(
                "competencies",
                list(Competency.objects.in_consultation().values_list("pk", flat=True)),
            )

    def _post_clean(self):
        pass  # the service numbers and checks the version


class FrameworkImportForm(forms.Form):
    """A framework spreadsheet to import in the admin: a workbook or a ZIP of CSV files."""

    file = forms.FileField(
        label=_("Framework file"),
        help_text=_(
            "An XLSX workbook or a ZIP of CSV files, as exported here. Rows are matched on "
            "their codes, slugs and numbers; records missing from the file are left as they are."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FRAMEWORK_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(MAX_FRAMEWORK_FILE_BYTES),
                },
            )
        # Judged by the content, never by the name: an XLSX workbook, or else a plain ZIP.
        self.kind = sniffed_kind(upload) or ("zip" if _starts_as_zip(upload) else None)
        if self.kind not in ("xlsx", "zip"):
            raise forms.ValidationError(
                _("Upload an XLSX workbook or a ZIP of CSV files."), code="file_type"
            )
        return upload

    def datasets(self):
        """The sheets of the file, by name (raises spreadsheet.FrameworkFileError)."""
        upload = self.cleaned_data["file"]
        upload.seek(0)
        content = upload.read()
        if self.kind == "xlsx":
            return spreadsheet.read_xlsx(content)
        return spreadsheet.read_csv_zip(content)


def _starts_as_zip(upload) -> bool:
    upload.seek(0)
    head = upload.read(4)
    upload.seek(0)
    return head == b"PK\x03\x04"


# The members' consultation ---------------------------------------------------------------------


class CommentForm(forms.Form):
    """A comment, plain text, on an item or (for a competency) one of its levels."""

    level = forms.TypedChoiceField(label=_("On"), required=False, coerce=int, empty_value=None)
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, levels=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].help_text = gettext(
            "Plain text, up to %(count)s characters. Your administration is named with it."
        ) % {"count": COMMENT_MAX}
        if levels is None:
            del self.fields["level"]
        else:
            self.levels = {level.pk: level for level in levels}
            self.fields["level"].choices = [
                ("", _("The competency as a whole")),
                *(
                    (
                        level.pk,
                        gettext("Level %(number)s · %(name)s")
                        % {"number": level.number, "name": level.name},
                    )
                    for level in levels
                ),
            ]

    def chosen_level(self):
        pk = self.cleaned_data.get("level")
        return self.levels.get(pk) if pk else None


class ResponseForm(forms.ModelForm):
    """A focal point's position for their administration: the stance, and what it asks."""

    class Meta:
        model = ConsultationResponse
        fields = ["stance", "text"]
        widgets = {
            "stance": forms.RadioSelect,
            "text": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "text": _(
                "Required unless your administration agrees as it stands: the changes it asks "
                "for, or why it disagrees."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].max_length = RESPONSE_MAX
        self.fields["text"].widget.attrs["maxlength"] = RESPONSE_MAX

    def clean(self):
        cleaned = super().clean()
        stance, text = cleaned.get("stance"), (cleaned.get("text") or "").strip()
        if stance and stance != ConsultationResponse.Stance.AGREE and not text:
            self.add_error(
                "text", _("Say which changes your administration asks for, or why it disagrees.")
            )
        return cleaned

    def _post_clean(self):
        pass  # the service checks the model (the round and administration are not in the form)
