"""Dates as the pages write them, for rows written in Python."""

import datetime
import functools

from django.utils import translation
from django.utils.formats import date_format


@functools.lru_cache(maxsize=4096)
def long_date(day: datetime.date, language: str) -> str:
    """`day` as `|date:"DATE_FORMAT"` writes it in `language` (not escaped). Remembered: a date
    takes a dozen translation lookups, and the same few hundred days come back on every page."""
    with translation.override(language):
        return date_format(day, "DATE_FORMAT")
