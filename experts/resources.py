"""Expert records as a table (CSV, XLSX): the admin imports them, one row per expert identified
by email address, areas by code, languages as `code:level` pairs; office staff download the
members' search result through the same resource, in the page's language."""

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, widgets

from administrations.models import Administration
from core.spreadsheets import Resource
from experts import selectors
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
            level = LEVEL_NAMES.get(level) or (
                int(level) if level.isascii() and level.isdigit() else None
            )
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


class ExpertResource(Resource):
    """Every column of an expert record: the admin's (both languages, codes), which it imports,
    and the staff download's (`DOWNLOAD`: the page language's names and labels)."""

    headers = {
        "email": gettext_lazy("Email address"),
        "family_name_en": gettext_lazy("Family name"),
        "given_names_en": gettext_lazy("Given names"),
        "family_name_ru": gettext_lazy("Family name (Cyrillic)"),
        "given_names_ru": gettext_lazy("Given names (Cyrillic)"),
        "administration": gettext_lazy("Administration code"),
        "administration_name": gettext_lazy("Administration"),
        "position": gettext_lazy("Position"),
        "position_en": gettext_lazy("Position (in English)"),
        "position_ru": gettext_lazy("Position (in Russian)"),
        "phone": gettext_lazy("Phone"),
        "areas": gettext_lazy("Area codes"),
        "area_names": gettext_lazy("Areas of expertise"),
        "languages": gettext_lazy("Language levels"),
        "language_names": gettext_lazy("Languages"),
        "accreditation": gettext_lazy("Accreditation code"),
        "accreditation_name": gettext_lazy("WCO accreditation"),
        "experience_en": gettext_lazy("Experience (in English)"),
        "experience_ru": gettext_lazy("Experience (in Russian)"),
        "consent_given_on": gettext_lazy("Consent given on"),
        "confirmed_on": gettext_lazy("Last confirmed on"),
    }
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
    # Read out for the download only (an import leaves them alone).
    administration_name = fields.Field(attribute="administration__name", readonly=True)
    position = fields.Field(attribute="position", readonly=True)
    area_names = fields.Field(readonly=True)
    language_names = fields.Field(readonly=True)
    accreditation_name = fields.Field(attribute="get_accreditation_display", readonly=True)

    # The staff download of the members' search, in this order.
    DOWNLOAD = [
        "family_name_en",
        "given_names_en",
        "family_name_ru",
        "given_names_ru",
        "administration_name",
        "position",
        "email",
        "phone",
        "area_names",
        "language_names",
        "accreditation_name",
        "consent_given_on",
        "confirmed_on",
    ]

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
            "administration_name",
            "position",
            "area_names",
            "language_names",
            "accreditation_name",
        ]
        clean_model_instances = True
        skip_unchanged = False
        use_transactions = True

    def get_queryset(self):
        """Every expert in name order, with what the columns read (as the members' search)."""
        return selectors.expert_search(params=QueryDict()).qs

    def dehydrate_area_names(self, expert: Expert) -> str:
        return "; ".join(str(area) for area in expert.areas.all())

    def dehydrate_language_names(self, expert: Expert) -> str:
        return "; ".join(str(language) for language in expert.languages.all())

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
        for key, value in list(row.items()):
            row[key] = value.strip() if isinstance(value, str) else value
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
