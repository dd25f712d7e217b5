from modeltranslation.translator import TranslationOptions, register

from outreach.models import Tool


@register(Tool)
class ToolTranslation(TranslationOptions):
    fields = ("title", "description", "image_alt")
