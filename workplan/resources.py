"""Admin import of the work plan from the table the public export writes (CSV or XLSX).

One row per activity, found by its number in the current plan (a new number adds an activity to
an existing goal). The headers say the file's language (the export writes them in the page's
language): texts go into that language's columns and the other language is left as it was.
A row with a reporting period and a summary progress records that period's progress. The
"Goal" column is there for readers: the activity's number says which goal it belongs to.

The whole file is one transaction: a single bad row rejects the import, and the preview lists
every row's errors. Each import is one entry in the edit history.
"""

import re
from contextlib import suppress

import reversion
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import resources
from import_export.fields import Field

from core.spreadsheets import clean_cell
from workplan import exports, services
from workplan.models import Activity, Goal, Plan, ReportingPeriod, Stakeholder

NUMBER = re.compile(r"^\s*([1-9][0-9]{0,3})\.([1-9][0-9]{0,3})\s*$")
TEXT_COLUMNS = ("title", "expected_output", "status_note", "indicator", "unit", "intended_outcome")
LANGUAGES = [code for code, _name in settings.LANGUAGES]


class ImportRejected(Exception):
    """Raised inside the revision block so that a failed import leaves no history entry."""

    def __init__(self, result):
        self.result = result


def _text(value) -> str:
    value = clean_cell(value)
    return "" if value is None else str(value).strip()


def _whole_number(value, column: str) -> int | None:
    value = clean_cell(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    with suppress(ValueError, TypeError):
        number = int(str(value).strip())
        if number >= 0:
            return number
    raise ValidationError(
        _("“%(value)s” in the column “%(column)s” is not a whole number of zero or more.")
        % {"value": value, "column": column}
    )


def _header_names() -> dict[str, tuple[str, str]]:
    """Every accepted header, in lower case, with its column key and its language."""
    names = {}
    for language in LANGUAGES:
        with translation.override(language):
            for key, header in exports.COLUMNS:
                names[str(header).casefold()] = (key, language)
    return names


class PlanTableResource(resources.ModelResource):
    # What the preview shows of each row (the import itself is in import_instance).
    number = Field(attribute="number", column_name=gettext_lazy("Number"))
    title = Field(attribute="title", column_name=gettext_lazy("Activity"))
    status = Field(attribute="get_status_display", column_name=gettext_lazy("Status"))
    progress = Field(attribute="imported_summary", column_name=gettext_lazy("Summary progress"))

    class Meta:
        model = Activity
        fields = ("number", "title", "status", "progress")
        use_transactions = True
        clean_model_instances = True
        name = gettext_lazy("Work plan table (the CSV or XLSX of the public export)")

    def get_user_visible_fields(self):
        """The columns the import page lists: those of the export."""
        return [Field(column_name=header) for _key, header in exports.COLUMNS]

    # Reading the file

    def before_import(self, dataset, **kwargs):
        """Recognise the headers (and so the language) and read what the rows refer to."""
        self.language = None
        self.plan = Plan.objects.current().first()
        problem = None
        names = _header_names()
        keys, languages, unknown = [], set(), []
        for header in dataset.headers or []:
            key, language = names.get(_text(header).casefold(), (None, None))
            if key is None:
                unknown.append(_text(header))
            keys.append(key)
            languages.add(language)
        if self.plan is None:
            problem = _("There is no current work plan to import into.")
        elif unknown:
            problem = _("Unknown columns: %(columns)s. Use the headers of the export.") % {
                "columns": ", ".join(f"“{name}”" for name in unknown)
            }
        elif "number" not in keys:
            problem = _("The column “%(column)s” is missing.") % {"column": _("Number")}
        elif len(languages) > 1:
            problem = _("The headers mix languages: use those of one export.")
        if problem:
            dataset.wipe()
            raise ValueError(problem)
        dataset.headers = keys
        self.language = languages.pop()
        self.goals = {goal.number: goal for goal in self.plan.goals.all()}
        self.activities = {
            (activity.goal.number, activity.sequence): activity
            for activity in Activity.objects.filter(goal__plan=self.plan).select_related("goal")
        }
        self.stakeholders = {}
        for stakeholder in Stakeholder.objects.all():
            for name in (stakeholder.slug, stakeholder.name_en, stakeholder.name_ru):
                if name:
                    self.stakeholders[name.casefold()] = stakeholder
        self.periods = {}
        for period in ReportingPeriod.objects.all():
            for name in (period.name_en, period.name_ru):
                if name:
                    self.periods[name.casefold()] = period
        self.status_names = {}
        for language in LANGUAGES:
            with translation.override(language):
                for status in Activity.Status:
                    self.status_names[str(status.label).casefold()] = status
        self.status_names.update({status.value: status for status in Activity.Status})
        self.not_applicable = set()
        for language in LANGUAGES:
            with translation.override(language):
                self.not_applicable.add(str(exports.NOT_APPLICABLE).casefold())

    def _number(self, row) -> tuple[int, int]:
        value = row.get("number")
        if not isinstance(value, str) or not NUMBER.match(clean_cell(value)):
            hint = (
                _("Format the cell as text: a spreadsheet reads 1.10 as the number 1.1.")
                if isinstance(value, int | float)
                else _("Write it as goal and activity numbers with a dot, e.g. 1.10.")
            )
            message = _("“%(value)s” is not an activity number. %(hint)s") % {
                "value": "" if value is None else value,
                "hint": hint,
            }
            raise ValidationError({"number": message})
        goal_number, sequence = NUMBER.match(clean_cell(value)).groups()
        return int(goal_number), int(sequence)

    def get_instance(self, instance_loader, row):
        return self.activities.get(self._number(row))

    def init_instance(self, row=None):
        goal_number, sequence = self._number(row)
        goal: Goal | None = self.goals.get(goal_number)
        if goal is None:
            raise ValidationError(
                {"number": _("The plan has no goal %(number)s.") % {"number": goal_number}}
            )
        return Activity(goal=goal, sequence=sequence)

    # Applying a row

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list[str]] = {}
        language = self.language
        new = instance.pk is None
        if new and language != settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            errors[NON_FIELD_ERRORS] = [
                _(
                    "Activity %(number)s is not in the plan yet: add it from a file in English "
                    "first, then import its Russian text."
                )
                % {"number": instance.number}
            ]
        for key in TEXT_COLUMNS:
            if key in row:
                setattr(instance, f"{key}_{language}", _text(row[key]))
        if "status" in row:
            status = self.status_names.get(_text(row["status"]).casefold())
            if status is None:
                errors["status"] = [
                    _("Unknown status “%(value)s”. Use one of: %(statuses)s.")
                    % {
                        "value": _text(row["status"]),
                        "statuses": ", ".join(str(status.label) for status in Activity.Status),
                    }
                ]
            else:
                instance.status = status
        for key in ("baseline", "target"):
            if key in row:
                try:
                    setattr(instance, key, _whole_number(row[key], _column(key)))
                except ValidationError as error:
                    errors[key] = error.messages
        instance.imported_stakeholders = None
        if "stakeholders" in row:
            instance.imported_stakeholders, unknown = self._stakeholders(row["stakeholders"])
            if unknown:
                errors["stakeholders"] = [
                    _("Unknown stakeholders: %(names)s.") % {"names": ", ".join(unknown)}
                ]
        instance.imported_progress = None
        try:
            instance.imported_progress = self._progress(instance, row, new=new)
        except ValidationError as error:
            errors.update(error.message_dict)
        progress = instance.imported_progress
        instance.imported_summary = progress["summary"] if progress else ""
        if errors:
            raise ValidationError(errors)

    def _stakeholders(self, cell) -> tuple[list[Stakeholder], list[str]]:
        names = [name.strip() for name in _text(cell).split(";") if name.strip()]
        if len(names) == 1 and names[0].casefold() in self.not_applicable:
            return [], []
        found = [self.stakeholders.get(name.casefold()) for name in names]
        unknown = [
            name for name, stakeholder in zip(names, found, strict=True) if stakeholder is None
        ]
        return [stakeholder for stakeholder in found if stakeholder], unknown

    def _progress(self, instance, row, *, new: bool) -> dict | None:
        summary = _text(row.get("progress"))
        period_name = _text(row.get("period"))
        try:
            value = _whole_number(row.get("value"), _column("value"))
        except ValidationError as error:
            raise ValidationError({"value": error.messages}) from error
        if not (summary or value is not None):
            return None
        period = self.periods.get(period_name.casefold())
        if period is None:
            message = (
                _("No reporting period is named “%(name)s”: add it in the admin first.")
                % {"name": period_name}
                if period_name
                else _("Give the reporting period of this progress.")
            )
            raise ValidationError({"period": message})
        if not summary:
            raise ValidationError({"progress": _("Give the summary progress for this figure.")})
        if value is not None and not instance.unit:
            raise ValidationError(
                {"value": _("This activity's indicator is not a count: give its unit counted.")}
            )
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if self.language != default and (
            new
            or not instance.progress_entries.filter(period=period)
            .exclude(**{f"summary_{default}": ""})
            .exclude(**{f"summary_{default}__isnull": True})
            .exists()
        ):
            raise ValidationError(
                {
                    "progress": _(
                        "The progress of %(period)s has no English text yet: import it from a "
                        "file in English first."
                    )
                    % {"period": period_name}
                }
            )
        return {"period": period, "summary": summary, "value": value}

    def save_m2m(self, instance, row, **kwargs):
        if instance.imported_stakeholders is not None:
            instance.stakeholders.set(instance.imported_stakeholders)

    def after_save_instance(self, instance, row, **kwargs):
        progress = instance.imported_progress
        if progress:
            services.progress_entry_record(
                activity=instance,
                period=progress["period"],
                summaries={self.language: progress["summary"]},
                value=progress["value"],
                author=kwargs.get("user"),
            )

    def import_data(self, dataset, dry_run=False, **kwargs):
        """All rows or none (validation errors roll back too); a real import is one revision."""
        kwargs["rollback_on_validation_errors"] = True
        if dry_run:
            return super().import_data(dataset, dry_run=True, **kwargs)
        try:
            with reversion.create_revision():
                result = super().import_data(dataset, dry_run=False, **kwargs)
                if result.has_errors() or result.has_validation_errors():
                    raise ImportRejected(result)
                if kwargs.get("user"):
                    reversion.set_user(kwargs["user"])
                reversion.set_comment(
                    _("Imported from %(file)s.") % {"file": kwargs.get("file_name") or _("a file")}
                )
        except ImportRejected as rejected:
            return rejected.result
        return result


def _column(key: str) -> str:
    return str(dict(exports.COLUMNS)[key])
