from modeltranslation.translator import TranslationOptions, register

from contacts.models import ContactPoint, TrainingCentre


@register(ContactPoint)
class ContactPointTranslation(TranslationOptions):
    fields = ("name", "title")


@register(TrainingCentre)
class TrainingCentreTranslation(TranslationOptions):
    fields = ("name", "city", "programmes")
