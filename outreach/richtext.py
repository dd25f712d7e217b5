"""Rich text for news: edited in the admin with django-prose-editor, stored as sanitised HTML.

The editor (ProseMirror/Tiptap) ships its JavaScript and CSS inside the package, so the portal
serves them itself. Its stock start-up script lets Tiptap inject a `<style>` element, which the
portal's Content Security Policy (`style-src 'self'`) refuses; `outreach/js/richtext.js` starts
the same editor without that injection and `outreach/css/richtext.css` carries those rules.

The HTML is cleaned by nh3 (the Ammonia sanitiser) against an allow-list derived from the
editor's extensions, on every save, so whatever reaches the database (admin, import, shell)
holds only those tags, attributes and URL schemes.
"""

from django_prose_editor.fields import ProseEditorField
from django_prose_editor.widgets import (
    AdminProseEditorWidget,
    prose_editor_admin_media,
    prose_editor_js,
)
from js_asset import Media, Script

PRESET = "rocb"

# What the editor offers, and so what the sanitiser lets through. No images, styles or
# classes: pictures go in the news item's own image field, with its alt text.
EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Heading": {"levels": [2, 3, 4]},  # the page's h1 is the news item's title
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "HorizontalRule": True,
    "Link": {"enableTarget": False, "protocols": ["http", "https", "mailto"]},
}


class RichTextWidget(AdminProseEditorWidget):
    """The admin's prose editor, started by the portal's CSP-compatible script."""

    @property
    def media(self):
        return prose_editor_admin_media + Media(
            css={"all": ["outreach/css/richtext.css"]},
            js=[prose_editor_js, Script("outreach/js/richtext.js", type="module")],
        )


class RichTextField(ProseEditorField):
    """HTML from the prose editor, cleaned against the allow-list whenever it is saved."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("extensions", dict(EXTENSIONS))
        kwargs.setdefault("sanitize", True)
        kwargs.setdefault("preset", PRESET)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        # Cleaning here, not only in forms, covers imports and code that skips full_clean().
        value = super().pre_save(model_instance, add)
        return self.sanitize(value) if value else value

    def formfield(self, **kwargs):
        kwargs["widget"] = RichTextWidget
        return super().formfield(**kwargs)


def sanitize_html(html: str) -> str:
    """The allow-list cleaning RichTextField applies on save, for tests and one-off use."""
    return RichTextField().sanitize(html)
