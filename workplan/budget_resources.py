"""The budget's tables as spreadsheets staff import in the admin: budget lines, contributions,
expenditure, one resource per table, each into the current plan.

A row names what it sets (a goal by its number and a year; a year and a source; a goal and a
reporting period) and gives the amount, with notes in English and in Russian; a row for what
exists already changes it. Headers are recognised in either language. The whole file is one
transaction: a single bad row rejects the import (`core.admin.AllOrNothingImportMixin`), and the
preview lists every row's errors. Expenditure of an approved period is refused, as its results
are, unless the row leaves it as it is.
"""

from decimal import Decimal, InvalidOperation

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export.fields import Field

from administrations.models import Administration
from core.spreadsheets import LANGUAGES, Resource
from workplan.models import BudgetLine, Contribution, Donor, Expenditure, Plan, ReportingPeriod
from workplan.models.results import check_period_open

COMMON_HEADERS = {
    "goal": gettext_lazy("Goal"),
    "year": gettext_lazy("Year"),
    "amount": gettext_lazy("Amount"),
    "note_en": gettext_lazy("Note in English"),
    "note_ru": gettext_lazy("Note in Russian"),
}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _amount(value) -> Decimal:
    """An amount as a spreadsheet gives it: 12500, 12500.5, "12 500,50"."""
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        number = Decimal(str(value))
    else:
        text = _text(value).replace("\u00a0", "").replace(" ", "")
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    if number is None or not number.is_finite():
        raise ValidationError(
            {"amount": _("“%(value)s” is not an amount.") % {"value": _text(value)}}
        )
    if number < 0:
        raise ValidationError({"amount": _("An amount cannot be negative.")})
    return number.quantize(Decimal("0.01"))


def _whole(value, key: str, what: str) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _text(value)
    if not text.isdigit() or not text.isascii():
        raise ValidationError(
            {key: _("“%(value)s” is not %(what)s.") % {"value": text, "what": what}}
        )
    return int(text)


class BudgetTableResource(Resource):
    """What the budget's resources share: the current plan, the headers, the notes, errors."""

    headers = COMMON_HEADERS
    required: tuple[str, ...] = ()
    # What the preview shows of each row (the attributes read from the row's instance).
    preview: tuple[str, ...] = ()

    class Meta:
        use_transactions = True
        clean_model_instances = True

    def get_import_fields(self):
        return [self.fields[key] for key in self.preview]

    def get_diff_headers(self):
        return [self.header(field) for field in self.get_import_fields()]

    def get_user_visible_fields(self):
        """The columns the import page lists."""
        return [Field(column_name=header) for header in self.headers.values()]

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)  # the headers become the columns' keys
        self.plan = Plan.objects.current().first()
        headers = list(dataset.headers or [])
        unknown = [header for header in headers if header not in self.headers]
        missing = [key for key in self.required if key not in headers]
        problem = None
        if self.plan is None:
            problem = _("There is no current work plan to import into.")
        elif unknown:
            problem = _("Unknown columns: %(columns)s. Use the columns listed on this page.") % {
                "columns": ", ".join(f"“{_text(name)}”" for name in unknown)
            }
        elif missing:
            problem = _("Columns missing: %(columns)s.") % {
                "columns": ", ".join(f"“{self.headers[key]}”" for key in missing)
            }
        if problem:
            dataset.wipe()
            raise ValueError(problem)
        self.goals = {goal.number: goal for goal in self.plan.goals.all()}
        self.lookups()

    def lookups(self) -> None:
        """Read once what the rows refer to."""

    def get_instance(self, instance_loader, row):
        """The row's existing record, if any; a row that names nothing valid also gets its
        amount checked, so that it lists every error at once."""
        try:
            return self.find(row)
        except ValidationError as error:
            errors = error.message_dict
            try:
                _amount(row.get("amount"))
            except ValidationError as more:
                errors.update(more.message_dict)
            raise ValidationError(errors) from error

    def find(self, row):
        """The row's existing record, found by its key (`key(row)`, each subclass's own: the
        fields that name one record)."""
        return self._meta.model.objects.filter(**self.key(row)).first()

    def init_instance(self, row=None):
        return self._meta.model(**self.key(row))

    def _goal(self, row):
        number = _whole(row.get("goal"), "goal", _("a goal's number"))
        goal = self.goals.get(number)
        if goal is None:
            raise ValidationError(
                {"goal": _("The plan has no goal %(number)s.") % {"number": number}}
            )
        return goal

    def _year(self, row) -> int:
        return _whole(row.get("year"), "year", _("a year"))

    def import_instance(self, instance, row, **kwargs):
        errors: dict[str, list[str]] = {}
        try:
            instance.amount = _amount(row.get("amount"))
        except ValidationError as error:
            errors.update(error.message_dict)
        for language in LANGUAGES:
            key = f"note_{language}"
            if key in row:
                setattr(instance, key, _text(row[key]))
        try:
            self.check_row(instance, row)
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)

    def check_row(self, instance, row) -> None:
        """Rules beyond the model's own."""


class BudgetLineResource(BudgetTableResource):
    """Budget lines: a goal's budget for a year."""

    required = ("goal", "year", "amount")
    preview = ("goal", "year", "amount")
    goal = Field(attribute="goal__number", column_name="goal")
    year = Field(attribute="year", column_name="year")
    amount = Field(attribute="amount", column_name="amount")
    note_en = Field(attribute="note_en", column_name="note_en")
    note_ru = Field(attribute="note_ru", column_name="note_ru")

    class Meta(BudgetTableResource.Meta):
        model = BudgetLine
        fields = ("goal", "year", "amount", "note_en", "note_ru")
        name = gettext_lazy("Budget lines: goal, year, amount")

    def key(self, row) -> dict:
        return {"goal": self._goal(row), "year": self._year(row)}


CONTRIBUTION_HEADERS = {
    "year": gettext_lazy("Year"),
    "source": gettext_lazy("Source"),
    "administration": gettext_lazy("Administration (country code)"),
    "donor": gettext_lazy("Donor"),
    "amount": gettext_lazy("Amount"),
    "note_en": gettext_lazy("Note in English"),
    "note_ru": gettext_lazy("Note in Russian"),
}


class ContributionResource(BudgetTableResource):
    """Contributions: a year, a source (a member administration by its code, the WCO, a donor
    by name, the host country) and the amount."""

    headers = CONTRIBUTION_HEADERS
    required = ("year", "source", "amount")
    preview = ("year", "source", "amount")
    year = Field(attribute="year", column_name="year")
    source = Field(attribute="source_name", column_name="source")
    amount = Field(attribute="amount", column_name="amount")
    administration = Field(column_name="administration")
    donor = Field(column_name="donor")
    note_en = Field(attribute="note_en", column_name="note_en")
    note_ru = Field(attribute="note_ru", column_name="note_ru")

    class Meta(BudgetTableResource.Meta):
        model = Contribution
        fields = tuple(CONTRIBUTION_HEADERS)
        name = gettext_lazy("Contributions: year, source, amount")

    def lookups(self):
        self.sources = {source.value: source for source in Contribution.Source}
        for language in LANGUAGES:
            with translation.override(language):
                for source in Contribution.Source:
                    self.sources[str(source.label).casefold()] = source
        self.administrations = {
            administration.code: administration
            for administration in Administration.objects.filter(is_member=True)
        }
        self.donors = {}
        for donor in Donor.objects.all():
            for name in (donor.name_en, donor.name_ru):
                if name:
                    self.donors[name.casefold()] = donor

    def key(self, row) -> dict:
        errors = {}
        source = self.sources.get(_text(row.get("source")).casefold())
        if source is None:
            errors["source"] = [
                _("Unknown source “%(value)s”. Use one of: %(sources)s.")
                % {
                    "value": _text(row.get("source")),
                    "sources": ", ".join(str(source.label) for source in Contribution.Source),
                }
            ]
        administration = donor = None
        code, name = _text(row.get("administration")).upper(), _text(row.get("donor"))
        if source == Contribution.Source.MEMBER:
            administration = self.administrations.get(code)
            if administration is None:
                errors["administration"] = [
                    _("Give the code of a member administration, e.g. AZ.")
                    if not code
                    else _("No member administration has the code “%(code)s”.") % {"code": code}
                ]
        elif code:
            errors["administration"] = [
                _("An administration is named for a member administration's contribution only.")
            ]
        if source == Contribution.Source.DONOR:
            donor = self.donors.get(name.casefold())
            if donor is None:
                errors["donor"] = [
                    _("No donor is named “%(name)s”: add the donor in the admin first.")
                    % {"name": name}
                    if name
                    else _("Give the donor's name.")
                ]
        elif name:
            errors["donor"] = [_("A donor is named for a donor's contribution only.")]
        try:
            year = self._year(row)
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
        return {
            "plan": self.plan,
            "year": year,
            "source": source,
            "administration": administration,
            "donor": donor,
        }


EXPENDITURE_HEADERS = {
    "goal": gettext_lazy("Goal"),
    "period": gettext_lazy("Reporting period"),
    "amount": gettext_lazy("Amount"),
    "note_en": gettext_lazy("Note in English"),
    "note_ru": gettext_lazy("Note in Russian"),
}


class ExpenditureResource(BudgetTableResource):
    """Expenditure: a goal, a reporting period (by its name in either language) and the amount
    spent."""

    headers = EXPENDITURE_HEADERS
    required = ("goal", "period", "amount")
    preview = ("goal", "period", "amount")
    goal = Field(attribute="goal__number", column_name="goal")
    period = Field(attribute="period__name", column_name="period")
    amount = Field(attribute="amount", column_name="amount")
    note_en = Field(attribute="note_en", column_name="note_en")
    note_ru = Field(attribute="note_ru", column_name="note_ru")

    class Meta(BudgetTableResource.Meta):
        model = Expenditure
        fields = tuple(EXPENDITURE_HEADERS)
        name = gettext_lazy("Expenditure: goal, reporting period, amount")

    def lookups(self):
        self.periods = {}
        for period in ReportingPeriod.objects.all():
            for name in (period.name_en, period.name_ru):
                if name:
                    self.periods[name.casefold()] = period

    def _period(self, row) -> ReportingPeriod:
        name = _text(row.get("period"))
        period = self.periods.get(name.casefold())
        if period is None:
            raise ValidationError(
                {
                    "period": _(
                        "No reporting period is named “%(name)s”: add it in the admin first."
                    )
                    % {"name": name}
                }
            )
        return period

    def key(self, row) -> dict:
        return {"goal": self._goal(row), "period": self._period(row)}

    def check_row(self, instance, row):
        fields = ("amount", "note_en", "note_ru")
        stored = (
            Expenditure.objects.filter(pk=instance.pk).values_list(*fields).first()
            if instance.pk
            else None
        )
        now = tuple(getattr(instance, name) for name in fields)
        if stored and [value or "" for value in stored] == [value or "" for value in now]:
            return  # an export read back unchanged passes even where the period is locked
        try:
            check_period_open(instance.period_id)
        except ValidationError as error:
            raise ValidationError({NON_FIELD_ERRORS: error.messages}) from error
