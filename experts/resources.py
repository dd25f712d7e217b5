"""Import of expert records from CSV or XLSX in the admin (django-import-export): one row per
expert, identified by email address; areas by code, languages as `code:level` pairs."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from import_export import fields, resources, widgets

from administrations.models import Administration
from core.spreadsheets import clean_cell
from experts.models import LANGUAGES, Expert, ExpertiseArea, ExpertLanguage, Level
from experts.services import expert_index

LANGUAGE_CODES = {code for code, _name in LANGUAGES}
LEVEL_NAMES = {level.name.lower(): level.value for level in Level}


class LanguagesWidget(widgets.Widget):
    """`en:fluent; ru:native` (or levels 1–4) ⇄ [("en", 3), ("ru", 4)]."""

    def clean(self, value, row=None, **kwargs):
        skills = []
        for item in str(value or "").replace(",", ";").split(";"):
            if not item.strip():
                continue
            code, _sep, level = (part.strip().lower() for part in item.partition(":"))
            level = LEVEL_NAMES.get(level) or (int(level) if level.isdigit() else None)
            if code not in LANGUAGE_CODES:
                raise ValueError(_("Unknown language code “%(code)s”.") % {"code": code})
            if level not in Level.values:
                raise ValueError(
                    _("Give a level (%(levels)s) after the language code, e.g. en:fluent.")
                    % {"levels": ", ".join(LEVEL_NAMES)}
                )
            skills.append((code, level))
        if not skills:
            raise ValueError(_("List at least one language, e.g. en:fluent; ru:native."))
        if len({code for code, _level in skills}) != len(skills):
            raise ValueError(_("List each language once."))
        return skills

    def render(self, value, obj=None, **kwargs):
        return "; ".join(f"{code}:{Level(level).name.lower()}" for code, level in value or [])


class CodeWidget(widgets.ForeignKeyWidget):
    """An administration by its country code, with a row error (not a crash) when unknown."""

    def clean(self, value, row=None, **kwargs):
        try:
            return super().clean(str(value or "").strip().upper(), row=row, **kwargs)
        except Administration.DoesNotExist:
            raise ValueError(
                _("No administration has the code “%(code)s”.") % {"code": value}
            ) from None


class AreasWidget(widgets.ManyToManyWidget):
    """Areas by code, separated by semicolons; an unknown code is a row error, not ignored."""

    def clean(self, value, row=None, **kwargs):
        areas = super().clean(value, row=row, **kwargs)
        codes = {code.strip() for code in str(value or "").split(self.separator) if code.strip()}
        unknown = codes - {area.slug for area in areas}
        if unknown:
            raise ValueError(
                _("Unknown area codes: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
            )
        return areas


class ExpertResource(resources.ModelResource):
    administration = fields.Field(
        attribute="administration",
        column_name="administration",
        widget=CodeWidget(Administration, field="code"),
    )
    areas = fields.Field(
        attribute="areas",
        column_name="areas",
        widget=AreasWidget(ExpertiseArea, field="slug", separator=";"),
    )
    # Kept on the instance until it is saved, then written as ExpertLanguage rows.
    languages = fields.Field(
        attribute="imported_languages", column_name="languages", widget=LanguagesWidget()
    )

    class Meta:
        model = Expert
        import_id_fields = ["email"]
        fields = [
            "email",
            "given_names_en",
            "family_name_en",
            "given_names_ru",
            "family_name_ru",
            "administration",
            "position_en",
            "position_ru",
            "phone",
            "areas",
            "languages",
            "accreditation",
            "experience_en",
            "experience_ru",
            "consent_given_on",
            "confirmed_on",
        ]
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            # Report language errors under the column's name, not the helper attribute's.
            errors = error.update_error_dict({})
            if "imported_languages" in errors:
                errors["languages"] = errors.pop("imported_languages")
            raise ValidationError(errors) from None

    def before_import_row(self, row, **kwargs):
        # Undo the apostrophe our CSV exports put before cells a spreadsheet would run.
        for key, value in list(row.items()):
            row[key] = clean_cell(value.strip() if isinstance(value, str) else value)
        if row.get("email"):
            row["email"] = row["email"].lower()

    def after_save_instance(self, instance, row, **kwargs):
        if self._is_dry_run(kwargs) and not self._is_using_transactions(kwargs):
            return
        if not hasattr(instance, "imported_languages"):  # no languages column: keep them
            return
        skills = instance.imported_languages
        instance.languages.all().delete()
        ExpertLanguage.objects.bulk_create(
            ExpertLanguage(expert=instance, language=code, level=level) for code, level in skills
        )

    def after_import(self, dataset, result, **kwargs):
        expert_index(expert_ids=[row.object_id for row in result.rows if row.object_id])
