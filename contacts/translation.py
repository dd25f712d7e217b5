from modeltranslation.translator import TranslationOptions, register

from contacts.models import Administration, ContactPoint, TrainingCentre


@register(Administration)
class AdministrationTranslation(TranslationOptions):
    fields = ("name",)


@register(ContactPoint)
class ContactPointTranslation(TranslationOptions):
    fields = ("name", "title")


@register(TrainingCentre)
class TrainingCentreTranslation(TranslationOptions):
    fields = ("name", "city", "programmes")
