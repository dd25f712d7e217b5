"""The one table of the machinery: the search's synonyms, which the office edits in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SynonymGroup(models.Model):
    """Terms the search treats as one («электронное обучение», «электронный курс», e-learning):
    a search for one also finds the others. Terms are search words in any language, not text
    shown to readers, so the field is not translated."""

    terms = models.TextField(
        _("terms"),
        help_text=_(
            "One term a line: words or phrases that mean the same, in English or in Russian. "
            "A search for any of them finds all."
        ),
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("search synonyms")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return ", ".join(self.term_list())

    def term_list(self) -> list[str]:
        """The terms, one per line, trimmed and lower-cased, without blank lines."""
        return [line.strip().lower() for line in self.terms.splitlines() if line.strip()]
