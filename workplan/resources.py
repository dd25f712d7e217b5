"""The work plan as a table: the public CSV/XLSX export writes it, the admin import reads it back.

One row per activity, found by its number in the current plan (a new number adds an activity to
an existing goal). The headers say the file's language (the export writes them in the page's
language): texts go into that language's columns and the other language is left as it was.
The unit, baseline and target columns are those of the activity's first indicator (created
when a row gives them for an activity without one); a row with a reporting period and a summary
progress records that indicator's actual for the period, unless the period is approved and so
locked. The export writes approved actuals only. The "Goal" column is there for readers: the
activity's number says which goal it belongs to.

The whole file is one transaction: a single bad row rejects the import, and the preview lists
every row's errors. Each import is one entry in the edit history.
"""

import re
from contextlib import suppress
from dataclasses import dataclass

import reversion
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.http import QueryDict
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from import_export.fields import Field

from core import history
from core.spreadsheets import Resource
from workplan import selectors, services
from workplan.models import Activity, Goal, Indicator, Plan, ReportingPeriod, Stakeholder
from workplan.models.results import figure_text

NUMBER = re.compile(r"^\s*([1-9][0-9]{0,3})\.([1-9][0-9]{0,3})\s*$")
TEXT_COLUMNS = ("title", "expected_output", "status_note", "indicator", "intended_outcome")
LANGUAGES = [code for code, _name in settings.LANGUAGES]
STAKEHOLDER_SEPARATOR = "; "
NOT_APPLICABLE = gettext_lazy("Not applicable")
# The columns of the table, by key: the export writes these headers in the page's language.
HEADERS = {
    "number": gettext_lazy("Number"),
    "goal": gettext_lazy("Goal"),
    "title": gettext_lazy("Activity"),
    "stakeholders": gettext_lazy("Stakeholders"),
    "expected_output": gettext_lazy("Expected output"),
    "status": gettext_lazy("Status"),
    "status_note": gettext_lazy("Status detail"),
    "indicator": gettext_lazy("Indicator"),
    "unit": gettext_lazy("Unit counted"),
    "baseline": gettext_lazy("Baseline"),
    "target": gettext_lazy("Target"),
    "intended_outcome": gettext_lazy("Intended outcome"),
    "period": gettext_lazy("Reporting period"),
    "progress": gettext_lazy("Summary progress"),
    "value": gettext_lazy("Actual value"),
}
# What the import preview shows of each row.
PREVIEW = ("number", "title", "status", "progress")


class ImportRejected(Exception):
    """Raised inside the revision block so that a failed import leaves no history entry."""

    def __init__(self, result):
        self.result = result


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _whole_number(value, column: str) -> int | None:
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


class PlanTableResource(Resource):
    """The table of the plan: the public export's columns, and the admin import of them."""

    headers = HEADERS
    # The preview of an import shows an activity's number, title, status and the progress
    # imported (the attributes); the export reads each column from the activity (dehydrate_*).
    number = Field(attribute="number", column_name="number")
    goal = Field(column_name="goal")
    title = Field(attribute="title", column_name="title")
    stakeholders = Field(column_name="stakeholders")
    expected_output = Field(column_name="expected_output")
    status = Field(attribute="get_status_display", column_name="status")
    status_note = Field(column_name="status_note")
    indicator = Field(column_name="indicator")
    unit = Field(column_name="unit")
    baseline = Field(column_name="baseline")
    target = Field(column_name="target")
    intended_outcome = Field(column_name="intended_outcome")
    period = Field(column_name="period")
    progress = Field(attribute="imported_summary", column_name="progress")
    value = Field(column_name="value")

    class Meta:
        model = Activity
        fields = tuple(HEADERS)
        use_transactions = True
        clean_model_instances = True
        name = gettext_lazy("Work plan table (the CSV or XLSX of the public export)")

    def get_queryset(self):
        """The current plan with what the columns read (see `selectors.activity_filter`)."""
        plan = Plan.objects.current().first()
        if plan is None:
            return Activity.objects.none()
        return selectors.activity_filter(plan=plan, params=QueryDict(), goals=[]).qs

    def get_import_fields(self):
        return [self.fields[key] for key in PREVIEW]

    def get_diff_headers(self):
        return [self.header(field) for field in self.get_import_fields()]

    def get_user_visible_fields(self):
        """The columns the import page lists: those of the export."""
        return [Field(column_name=header) for header in HEADERS.values()]

    # Writing the table (activities from `selectors.activity_filter`, which prefetches what is
    # read here)

    @staticmethod
    def _primary(activity: Activity) -> Indicator | None:
        indicators = activity.indicators.all()
        return indicators[0] if indicators else None

    def _latest(self, activity: Activity):
        primary = self._primary(activity)
        latest = getattr(primary, "latest_actual", None) if primary else None
        return latest[0] if latest else None

    def dehydrate_number(self, activity: Activity):
        return activity.number

    def dehydrate_goal(self, activity: Activity):
        return activity.goal.title

    def dehydrate_title(self, activity: Activity):
        return activity.title

    def dehydrate_stakeholders(self, activity: Activity):
        names = [stakeholder.name for stakeholder in activity.stakeholders.all()]
        return STAKEHOLDER_SEPARATOR.join(names) if names else str(NOT_APPLICABLE)

    def dehydrate_expected_output(self, activity: Activity):
        return activity.expected_output

    def dehydrate_status(self, activity: Activity):
        return activity.get_status_display()

    def dehydrate_status_note(self, activity: Activity):
        return activity.status_note

    def dehydrate_indicator(self, activity: Activity):
        return activity.indicator

    def dehydrate_unit(self, activity: Activity):
        primary = self._primary(activity)
        return primary.unit if primary else ""

    def dehydrate_baseline(self, activity: Activity):
        primary = self._primary(activity)
        return figure_text(primary.baseline_value) if primary else ""

    def dehydrate_target(self, activity: Activity):
        primary = self._primary(activity)
        return figure_text(primary.end_target) if primary else ""

    def dehydrate_intended_outcome(self, activity: Activity):
        return activity.intended_outcome

    def dehydrate_period(self, activity: Activity):
        latest = self._latest(activity)
        return latest.period.name if latest else ""

    def dehydrate_progress(self, activity: Activity):
        latest = self._latest(activity)
        return latest.narrative if latest else ""

    def dehydrate_value(self, activity: Activity):
        latest = self._latest(activity)
        return figure_text(latest.value) if latest else ""

    # Reading the file

    def before_import(self, dataset, **kwargs):
        """Recognise the headers (and so the language) and read what the rows refer to."""
        self.language = None
        self.plan = Plan.objects.current().first()
        problem = None
        keys, languages, unknown = [], set(), []
        for header, (key, language) in zip(
            dataset.headers or [], self.header_keys(dataset.headers), strict=True
        ):
            if key is None or language is None:  # the import reads the export's headers only
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
            for activity in Activity.objects.filter(goal__plan=self.plan)
            .select_related("goal")
            .prefetch_related("indicators")
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
                self.not_applicable.add(str(NOT_APPLICABLE).casefold())

    def _number(self, row) -> tuple[int, int]:
        value = row.get("number")
        if not isinstance(value, str) or not NUMBER.match(value):
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
        goal_number, sequence = NUMBER.match(value).groups()
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
        # The first indicator's columns, applied once the activity is saved.
        figures = {}
        if "unit" in row:
            figures["unit"] = _text(row["unit"])
        for key in ("baseline", "target"):
            if key in row:
                try:
                    figures[key] = _whole_number(row[key], _column(key))
                except ValidationError as error:
                    errors[key] = error.messages
        instance.imported_figures = figures
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
        primary = None if new else (list(instance.indicators.all()) or [None])[0]
        if period.is_locked:
            # An export read back unchanged passes; a change of a locked period does not.
            kept = primary and primary.actuals.filter(
                period=period, value=value, **{f"narrative_{self.language}": summary}
            )
            if kept and kept.exists():
                return None
            raise ValidationError(
                {
                    "period": _(
                        "The report of %(period)s is approved and locked: a reviewer must reopen "
                        "it first."
                    )
                    % {"period": period_name}
                }
            )
        unit = instance.imported_figures.get("unit", primary.unit if primary else "")
        if value is not None and not unit:
            raise ValidationError(
                {"value": _("This activity's indicator is not a count: give its unit counted.")}
            )
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if self.language != default and (
            primary is None
            or not primary.actuals.filter(period=period)
            .exclude(**{f"narrative_{default}": ""})
            .exclude(**{f"narrative_{default}__isnull": True})
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

    def _primary_indicator(self, instance) -> Indicator | None:
        """The activity's first indicator with the row's unit, baseline and target; created
        (named as the activity's indicator text) when the row gives figures or progress."""
        figures, progress = instance.imported_figures, instance.imported_progress
        primary = instance.indicators.order_by("position").first()
        given = {key: value for key, value in figures.items() if value not in ("", None)}
        if primary is None and not (given or progress):
            return None
        if primary is None:
            primary = services.indicator_create(
                activity=instance,
                name={self.language: instance.indicator or instance.title},
                measure=Indicator.Measure.QUALITATIVE,
            )
        if "unit" in figures:
            setattr(primary, f"unit_{self.language}", figures["unit"])
            if figures["unit"] and primary.measure == Indicator.Measure.QUALITATIVE:
                primary.measure = Indicator.Measure.NUMBER
        if "baseline" in figures:
            primary.baseline_value = figures["baseline"]
        if "target" in figures:
            primary.end_target = figures["target"]
        primary.full_clean()
        primary.save()
        return primary

    def after_save_instance(self, instance, row, **kwargs):
        primary = self._primary_indicator(instance)
        progress = instance.imported_progress
        if progress:
            services.actual_record(
                indicator=primary,
                period=progress["period"],
                narratives={self.language: progress["summary"]},
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
                history.note(
                    gettext_noop("Imported from %(file)s."),
                    file=kwargs.get("file_name") or gettext_lazy("a file"),
                )
        except ImportRejected as rejected:
            return rejected.result
        return result


def _column(key: str) -> str:
    return str(HEADERS[key])


@dataclass
class LogframeLine:
    """One row of the logframe export: an indicator in one approved period (or in none)."""

    goal: Goal
    activity: Activity
    indicator: Indicator
    baseline: str
    end_target: str
    period: str = ""
    target: str = ""
    actual: str = ""


LOGFRAME_HEADERS = {
    "goal": gettext_lazy("Goal"),
    "number": gettext_lazy("Number"),
    "activity": gettext_lazy("Activity"),
    "expected_output": gettext_lazy("Expected output"),
    "intended_outcome": gettext_lazy("Intended outcome"),
    "status": gettext_lazy("Status"),
    "indicator": gettext_lazy("Indicator"),
    "measure": gettext_lazy("Measure"),
    "unit": gettext_lazy("Unit"),
    "direction": gettext_lazy("Direction"),
    "baseline": gettext_lazy("Baseline"),
    "baseline_year": gettext_lazy("Baseline year"),
    "end_target": gettext_lazy("Target at the plan's end"),
    "means_of_verification": gettext_lazy("Means of verification"),
    "period": gettext_lazy("Reporting period"),
    "target": gettext_lazy("Target"),
    "actual": gettext_lazy("Actual value"),
}


class LogframeResource(Resource):
    """The logframe as a table (export only): approved periods' targets and actuals."""

    headers = LOGFRAME_HEADERS
    goal = Field(column_name="goal")
    number = Field(column_name="number")
    activity = Field(column_name="activity")
    expected_output = Field(column_name="expected_output")
    intended_outcome = Field(column_name="intended_outcome")
    status = Field(column_name="status")
    indicator = Field(column_name="indicator")
    measure = Field(column_name="measure")
    unit = Field(column_name="unit")
    direction = Field(column_name="direction")
    baseline = Field(column_name="baseline")
    baseline_year = Field(column_name="baseline_year")
    end_target = Field(column_name="end_target")
    means_of_verification = Field(column_name="means_of_verification")
    period = Field(column_name="period")
    target = Field(column_name="target")
    actual = Field(column_name="actual")

    class Meta:
        model = Indicator
        fields = tuple(LOGFRAME_HEADERS)

    @staticmethod
    def lines(frame: selectors.Logframe) -> list[LogframeLine]:
        lines = []
        for goal, activity, row in frame.rows():
            common = {
                "goal": goal,
                "activity": activity,
                "indicator": row.indicator,
                "baseline": row.baseline,
                "end_target": row.end_target,
            }
            reported = [
                LogframeLine(**common, period=period.name, target=target, actual=actual)
                for period, (target, actual) in zip(frame.periods, row.cells, strict=True)
                if target or actual
            ]
            lines.extend(reported or [LogframeLine(**common)])
        return lines

    def dehydrate_goal(self, line):
        return str(line.goal)

    def dehydrate_number(self, line):
        return line.activity.number

    def dehydrate_activity(self, line):
        return line.activity.title

    def dehydrate_expected_output(self, line):
        return line.activity.expected_output

    def dehydrate_intended_outcome(self, line):
        return line.activity.intended_outcome

    def dehydrate_status(self, line):
        return line.activity.get_status_display()

    def dehydrate_indicator(self, line):
        return line.indicator.name

    def dehydrate_measure(self, line):
        return line.indicator.get_measure_display()

    def dehydrate_unit(self, line):
        return line.indicator.unit

    def dehydrate_direction(self, line):
        return line.indicator.get_direction_display()

    def dehydrate_baseline(self, line):
        return line.baseline

    def dehydrate_baseline_year(self, line):
        return line.indicator.baseline_year or ""

    def dehydrate_end_target(self, line):
        return line.end_target

    def dehydrate_means_of_verification(self, line):
        return line.indicator.means_of_verification

    def dehydrate_period(self, line):
        return line.period

    def dehydrate_target(self, line):
        return line.target

    def dehydrate_actual(self, line):
        return line.actual
