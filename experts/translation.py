from modeltranslation.translator import TranslationOptions, register

from experts.models import Expert, ExpertiseArea, Nomination


@register(ExpertiseArea)
class ExpertiseAreaTranslation(TranslationOptions):
    fields = ("name",)


# Names in Latin script (the English column) and in Cyrillic (the Russian one).
@register(Expert)
class ExpertTranslation(TranslationOptions):
    fields = ("given_names", "family_name", "position", "experience")


@register(Nomination)
class NominationTranslation(TranslationOptions):
    fields = ("given_names", "family_name", "position", "experience")
