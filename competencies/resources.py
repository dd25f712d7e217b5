"""django-import-export resources of the framework: one per spreadsheet sheet, rows keyed by
natural keys (codes, slugs, numbers), never by database ids, so a file moves between databases.
Both language columns of every text are there (`name_en`, `name_ru`)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, widgets

from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    Requirement,
    TopicalCluster,
)
from core.spreadsheets import Resource
from outreach.models import Tool


def _both(*names: str) -> tuple[str, ...]:
    return tuple(f"{name}_{language}" for name in names for language in ("en", "ru"))


class KeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's natural key; an unknown key is a row error
    that says which value is wrong. Keys found are remembered for the rest of the import (a
    resource copies its fields, so the memory lasts one import)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.found = {}

    def clean(self, value, row=None, **kwargs):
        if value in self.found:
            return self.found[value]
        try:
            related = super().clean(value, row, **kwargs)
        except self.model.DoesNotExist:
            raise ValueError(
                _("There is no %(model)s “%(value)s”.")
                % {"model": self.model._meta.verbose_name, "value": value}
            ) from None
        if related is not None:
            self.found[value] = related
        return related


class KeysWidget(widgets.ManyToManyWidget):
    """Many related rows as their natural keys, comma-separated; unknown keys are an error."""

    def clean(self, value, row=None, **kwargs):
        related = super().clean(value, row, **kwargs)
        if value:
            wanted = {key.strip() for key in str(value).split(self.separator) if key.strip()}
            if missing := wanted - {getattr(item, self.field) for item in related}:
                raise ValueError(
                    _("There is no %(model)s “%(value)s”.")
                    % {"model": self.model._meta.verbose_name, "value": ", ".join(sorted(missing))}
                )
        return related


def key(attribute: str, model, field: str) -> fields.Field:
    return fields.Field(attribute=attribute, column_name=attribute, widget=KeyWidget(model, field))


class FrameworkResource(Resource):
    class Meta:
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True


class ProficiencyLevelResource(FrameworkResource):
    class Meta(FrameworkResource.Meta):
        model = ProficiencyLevel
        fields = ("number", *_both("name", "description"))
        import_id_fields = ("number",)


class FunctionalAreaResource(FrameworkResource):
    class Meta(FrameworkResource.Meta):
        model = FunctionalArea
        fields = ("code", "position", *_both("name", "description"))
        import_id_fields = ("code",)


class CompetencyFamilyResource(FrameworkResource):
    class Meta(FrameworkResource.Meta):
        model = CompetencyFamily
        fields = ("code", "position", *_both("name", "description"))
        import_id_fields = ("code",)


class CompetencyResource(FrameworkResource):
    family = key("family", CompetencyFamily, "code")
    learning_resources = fields.Field(
        attribute="learning_resources",
        column_name="learning_resources",
        widget=KeysWidget(Tool, field="slug"),
    )

    class Meta(FrameworkResource.Meta):
        model = Competency
        fields = (
            "code",
            "family",
            "position",
            *_both("name", "definition"),
            "status",
            "endorsed_on",
            *_both("endorsed_at"),
            "learning_resources",
        )
        import_id_fields = ("code",)

    def get_queryset(self):
        return Competency.objects.select_related("family").prefetch_related("learning_resources")


class LevelDescriptorResource(FrameworkResource):
    competency = key("competency", Competency, "code")
    level = key("level", ProficiencyLevel, "number")

    class Meta(FrameworkResource.Meta):
        model = LevelDescriptor
        fields = ("competency", "level", *_both("indicators"))
        import_id_fields = ("competency", "level")

    def get_queryset(self):
        return LevelDescriptor.objects.select_related("competency", "level")


class JobPositionResource(FrameworkResource):
    """Positions; a reporting line to a position further down the sheet is set once every row is
    in, so the rows may come in any order."""

    area = key("area", FunctionalArea, "code")
    reports_to = key("reports_to", JobPosition, "slug")

    class Meta(FrameworkResource.Meta):
        model = JobPosition
        fields = (
            "slug",
            "area",
            "position",
            *_both("title", "purpose", "duties"),
            "reports_to",
            "status",
            "endorsed_on",
            *_both("endorsed_at"),
        )
        import_id_fields = ("slug",)

    def get_queryset(self):
        return JobPosition.objects.select_related("area", "reports_to")

    def before_import(self, dataset, **kwargs):
        super().before_import(dataset, **kwargs)
        self.later_reporting_lines: dict[str, str] = {}

    def before_import_row(self, row, **kwargs):
        manager = str(row.get("reports_to") or "").strip()
        if manager and not JobPosition.objects.filter(slug=manager).exists():
            self.later_reporting_lines[str(row.get("slug"))] = manager
            row["reports_to"] = ""

    def after_import(self, dataset, result, **kwargs):
        super().after_import(dataset, result, **kwargs)
        for slug, manager_slug in self.later_reporting_lines.items():
            position = JobPosition.objects.filter(slug=slug).first()
            if position is None:  # the row itself failed and is reported
                continue
            manager = JobPosition.objects.filter(slug=manager_slug).first()
            if manager is None:
                raise ValidationError(
                    _("The position “%(slug)s” reports to “%(manager)s”, which is not a position."),
                    params={"slug": slug, "manager": manager_slug},
                )
            position.reports_to = manager
            position.full_clean()
            position.save()


class RequirementResource(FrameworkResource):
    position = key("position", JobPosition, "slug")
    competency = key("competency", Competency, "code")
    level = key("level", ProficiencyLevel, "number")

    class Meta(FrameworkResource.Meta):
        model = Requirement
        fields = ("position", "competency", "level")
        import_id_fields = ("position", "competency")

    def get_queryset(self):
        return Requirement.objects.select_related("position", "competency", "level")


class QualificationLevelResource(FrameworkResource):
    class Meta(FrameworkResource.Meta):
        model = QualificationLevel
        fields = (
            "level",
            "track",
            *_both("profile", "certificate", "knowledge", "skills", "tasks", "competencies"),
        )
        import_id_fields = ("level", "track")


class TopicalClusterResource(FrameworkResource):
    class Meta(FrameworkResource.Meta):
        model = TopicalCluster
        fields = ("number", *_both("title", "topics"))
        import_id_fields = ("number",)


# The sheets of a framework file, in the order they are imported (referenced rows first).
SHEETS: list[tuple[str, type[FrameworkResource]]] = [
    ("levels", ProficiencyLevelResource),
    ("areas", FunctionalAreaResource),
    ("families", CompetencyFamilyResource),
    ("competencies", CompetencyResource),
    ("descriptors", LevelDescriptorResource),
    ("positions", JobPositionResource),
    ("requirements", RequirementResource),
    ("qualifications", QualificationLevelResource),
    ("clusters", TopicalClusterResource),
]
