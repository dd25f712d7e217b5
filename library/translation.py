from modeltranslation.translator import TranslationOptions, register

from library.models import Category, Document


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title", "description")
