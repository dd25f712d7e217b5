from modeltranslation.translator import TranslationOptions, register

from contacts.models import Administration


@register(Administration)
class AdministrationTranslation(TranslationOptions):
    fields = ("name",)
