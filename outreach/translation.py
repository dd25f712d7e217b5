from modeltranslation.translator import TranslationOptions, register

from outreach.models import Event, NewsItem, Tool


@register(NewsItem)
class NewsItemTranslation(TranslationOptions):
    fields = ("title", "summary", "body", "image_alt")
    required_languages = {"en": ("title", "summary")}


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "place", "description")
    required_languages = {"en": ("title", "place")}


@register(Tool)
class ToolTranslation(TranslationOptions):
    # A course may have its own enrolment page per language.
    fields = ("title", "description", "image_alt", "course_length", "enrol_url")
