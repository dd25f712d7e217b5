"""Helpers for the framework's text columns."""

import hashlib

from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


def lines(text: str | None) -> list[str]:
    """The non-empty lines of a text field that holds one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def fingerprint(*texts: str | None) -> str:
    """A short digest of texts: whether an item changed between two versions, or which line of
    a profile a member rated."""
    digest = hashlib.sha256()
    for text in texts:
        digest.update((text or "").strip().encode())
        digest.update(b"\x1f")
    return digest.hexdigest()[:32]


def search_field(language: str, *, titles: tuple[str, ...], texts: tuple[str, ...]):
    """A stored full-text vector of the translated columns for one page language, titles ranking
    above texts. The Russian one also holds the English text at the lowest weight (the Russian
    configuration stems Latin words as English), so a Russian page finds untranslated content."""
    config = {"en": "english", "ru": "russian"}[language]

    def columns(names, lang=language):
        return [f"{name}_{lang}" for name in names]

    vector = SearchVector(*columns(titles), config=config, weight="A") + SearchVector(
        *columns(texts), config=config, weight="B"
    )
    if language != "en":
        vector += SearchVector(
            *columns(titles, "en"), *columns(texts, "en"), config=config, weight="D"
        )
    return models.GeneratedField(
        verbose_name=_("search text"),
        expression=vector,
        output_field=SearchVectorField(),
        db_persist=True,
    )
