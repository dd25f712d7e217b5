"""Hostile and malformed query strings on every page that takes no path argument: never a 500.

The pages are found by walking the URL configuration, so every app's list and search pages are
covered as they are added.
"""

import pytest
from django.urls import NoReverseMatch, get_resolver, reverse
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

# Names the portal's filters and searches use, so the fuzzer hits real parameters too.
KNOWN_PARAMETERS = [
    "q",
    "page",
    "sort",
    "o",
    "ordering",
    "status",
    "goal",
    "stakeholder",
    "period",
    "area",
    "language",
    "level",
    "administration",
    "accredited",
    "category",
    "kind",
    "role",
    "country",
    "position",
    "a",
    "b",
    "family",
    "visibility",
    "stale",
    "format",
    "next",
    "year",
    "priority",
    "round",
]
# The IATI file reads no query parameter (its cache drops them all): nothing to fuzz, and each
# example would build the whole plan's file.
SKIPPED = {"accounts:logout", "healthz", "bench-floor", "workplan_iati"}

values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "",
            "0",
            "-1",
            "99999999999999999999",
            "1e309",
            "NaN",
            "\x00",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "%",
            "1.1",
            "../../etc/passwd",
            "Ж" * 2000,
        ]
    ),
    st.integers().map(str),
)
query_strings = st.dictionaries(
    st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(min_size=1, max_size=20)),
    st.one_of(values, st.lists(values, min_size=2, max_size=3)),
    max_size=5,
)


def _names(resolver, prefix=""):
    for key in resolver.reverse_dict:
        if isinstance(key, str):
            yield prefix + key
    for namespace, (_, sub) in resolver.namespace_dict.items():
        if namespace != "admin":
            yield from _names(sub, f"{prefix}{namespace}:")


def pages_without_arguments() -> list[str]:
    paths = set()
    for name in _names(get_resolver()):
        if name in SKIPPED:
            continue
        try:
            paths.add(reverse(name))
        except NoReverseMatch:
            continue
    return sorted(paths)


def test_the_walk_finds_the_pages():
    paths = pages_without_arguments()
    assert "/en/" in paths and "/en/members/" in paths


@pytest.mark.django_db
@pytest.mark.parametrize("as_member", [False, True], ids=["anonymous", "member"])
@pytest.mark.parametrize("path", pages_without_arguments())
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(params=query_strings)
@example(params={"position": "\x00"})  # a NUL byte in a lookup: was a server error
def test_no_query_string_breaks_a_page(client, member, path, as_member, params):
    if as_member:
        client.force_login(member)
    for language_path in (path, path.replace("/en/", "/ru/", 1)):
        response = client.get(language_path, params)
        assert response.status_code < 500, (language_path, params)
