"""Names inside a Russian list are in lower case («английский (C1); русский (B2)»)."""

from django.utils import translation

from core.templatetags.content import in_running_text


def test_russian_lowers_a_name_inside_a_list_and_keeps_acronyms():
    with translation.override("ru"):
        assert in_running_text("Английский (C1)") == "английский (C1)"
        assert in_running_text("ВТамО") == "ВТамО"
    with translation.override("en"):
        assert in_running_text("English (C1)") == "English (C1)"
