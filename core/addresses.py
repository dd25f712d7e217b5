"""Addresses for rows written in Python: a list of records links each to its page, and a
`reverse` a row (the URL patterns tried one by one, in the page's language) cost more than the
rest of the row."""

from collections.abc import Callable

from django.urls import reverse

# An id that a record's address holds nowhere else: where it stands, each row's id goes.
_SOME_ID = 918273645


def record_addresses(view_name: str) -> Callable[[int], str]:
    """`pk -> reverse(view_name, args=[pk])` with one `reverse` for the whole list (in the active
    language): the addresses of one view's records differ by the id only."""
    head, tail = reverse(view_name, args=[_SOME_ID]).split(str(_SOME_ID))
    return lambda pk: f"{head}{int(pk)}{tail}"
