"""One `reverse` a list gives every row the address `reverse` would, in either language."""

import pytest
from django.urls import reverse
from django.utils import translation

from core.addresses import record_addresses


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("view_name", ["experts:detail", "needs:detail"])
def test_each_address_is_the_one_reverse_gives(view_name, language):
    with translation.override(language):
        address = record_addresses(view_name)
        for pk in (1, 9, 918273645, 10**12):
            assert address(pk) == reverse(view_name, args=[pk])
