from modeltranslation.translator import TranslationOptions, register

from administrations.models import Administration


@register(Administration)
class AdministrationTranslation(TranslationOptions):
    fields = ("name",)
