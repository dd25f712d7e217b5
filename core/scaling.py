"""Helpers for the apps' benchmark data loaders (`<app>/scale.py`, run by `manage.py scale_data`).

A loader is `load(*, stdout, scale: float = 1.0) -> None`; `scale` shrinks its counts (the tests
load the whole region at a hundredth of its size) but never the fixed reference data, such as the
60 administrations or the 23 positions of the competency framework.
"""

import random


def scaled(count: int, scale: float) -> int:
    """`count` at `scale`, at least one."""
    return max(1, round(count * scale))


def bilingual(field: str, english: str, russian: str) -> dict[str, str]:
    """Keyword arguments for a translated field: the base column (English, as modeltranslation
    keeps it) and both language columns. bulk_create() writes all three as given."""
    return {field: english, f"{field}_en": english, f"{field}_ru": russian}


def generator(seed: int) -> random.Random:
    """A seeded generator, so every load makes the same data."""
    return random.Random(seed)  # noqa: S311 - benchmark data, not secrets


def pick(rng: random.Random, pairs: list[tuple[str, str]], field: str) -> dict[str, str]:
    """`bilingual()` of a random (English, Russian) pair."""
    return bilingual(field, *rng.choice(pairs))
