from modeltranslation.translator import TranslationOptions, register

from needs.models import NeedsRequest, NeedsRound


# The focal point types the title and description in either language; the office its proposal
# and a reason for declining. Where one language is empty the other shows, marked.
@register(NeedsRequest)
class NeedsRequestTranslation(TranslationOptions):
    fields = ("title", "description", "proposal", "decline_reason")
    # Typed in Russian only, the text shows on English pages too (marked as Russian).
    fallback_languages = {"default": ("en", "ru")}


@register(NeedsRound)
class NeedsRoundTranslation(TranslationOptions):
    fields = ("title", "questions")
    fallback_languages = {"default": ("en", "ru")}
