import itertools

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from administrations.models import Administration
from contacts.models import ContactPoint
from core import generations
from core.generations import ANY_TABLE, tables_of

pytestmark = pytest.mark.django_db


class Counter:
    """Says how many times it has been rendered."""

    def __init__(self):
        self._count = itertools.count(1)

    def __str__(self):
        return str(next(self._count))


def render(source: str, **context) -> str:
    return Template("{% load fragments %}" + source).render(Context(context))


FRAGMENT = '{% cachedfragment "test" "administrations" key %}[{{ counter }}]{% endcachedfragment %}'


def test_a_fragment_is_rendered_once_until_its_apps_data_changes():
    counter = Counter()
    assert render(FRAGMENT, counter=counter, key="a") == "[1]"
    assert render(FRAGMENT, counter=counter, key="a") == "[1]"
    Administration.objects.get(code="AZ").save()
    assert render(FRAGMENT, counter=counter, key="a") == "[2]"


def test_a_fragment_ignores_edits_of_other_apps(member):
    counter = Counter()
    render(FRAGMENT, counter=counter, key="a")
    member.save()  # accounts
    assert render(FRAGMENT, counter=counter, key="a") == "[1]"


def test_a_fragment_varies_on_its_values_and_the_language():
    counter = Counter()
    assert render(FRAGMENT, counter=counter, key="a") == "[1]"
    assert render(FRAGMENT, counter=counter, key="b") == "[2]"
    with translation.override("ru"):
        assert render(FRAGMENT, counter=counter, key="a") == "[3]"


def test_a_fragment_with_a_csrf_token_is_never_stored():
    source = (
        '{% cachedfragment "form" "administrations" %}'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{{ counter }}">'
        "{% endcachedfragment %}"
    )
    counter = Counter()
    assert 'value="1"' in render(source, counter=counter)
    assert 'value="2"' in render(source, counter=counter)


TWO_FRAGMENTS = (
    '{% cachedfragment "one" "administrations" %}[{{ counter }}]{% endcachedfragment %}'
    '{% cachedfragment "two" "contacts" %}[{{ counter }}]{% endcachedfragment %}'
)


def test_while_no_table_changes_a_page_reads_only_the_any_table_generation(monkeypatch):
    """Its fragments' tables are read again, and the changed one rendered afresh, after a write."""
    counter = Counter()
    assert render(TWO_FRAGMENTS, counter=counter) == "[1][2]"
    read, real = [], generations.generations

    def reading(tables):
        read.append(tables)
        return real(tables)

    monkeypatch.setattr(generations, "generations", reading)
    assert render(TWO_FRAGMENTS, counter=counter) == "[1][2]"
    assert read == [[ANY_TABLE]]
    read.clear()
    Administration.objects.get(code="AZ").save()
    assert render(TWO_FRAGMENTS, counter=counter) == "[3][2]"
    assert read == [[ANY_TABLE], tables_of("administrations"), tables_of("contacts")]


ROWS = (
    '{% cachedrows administration in administrations "rows" "administrations contacts" %}'
    "{{ administration.code }}:{{ administration.contact_points.all|length }};"
    "{% endcachedrows %}"
)


def administrations():
    return (
        Administration.objects.filter(code__in=["AZ", "GE"])
        .order_by("code")
        .prefetch_related("contact_points")
    )


def test_cached_rows_prefetch_only_for_rows_not_in_the_cache(django_assert_num_queries):
    with django_assert_num_queries(2):  # the rows, their contact points
        assert render(ROWS, administrations=administrations()) == "AZ:0;GE:0;"
    with django_assert_num_queries(1):
        assert render(ROWS, administrations=administrations()) == "AZ:0;GE:0;"
    ContactPoint.objects.create(
        administration=Administration.objects.get(code="GE"),
        role=ContactPoint.Role.HR,
        name="Nino Beridze",
        email="hr@rs.ge.test",
    )
    with django_assert_num_queries(2):
        assert render(ROWS, administrations=administrations()) == "AZ:0;GE:1;"


def test_cached_rows_render_each_item_in_its_own_row():
    codes = ["AZ", "GE", "KZ"]
    listed = list(Administration.objects.filter(code__in=codes).order_by("code"))
    source = '{% cachedrows a in rows "names" "administrations" %}<{{ a.code }}>{% endcachedrows %}'
    assert render(source, rows=listed) == "<AZ><GE><KZ>"
    assert render(source, rows=listed[::-1]) == "<KZ><GE><AZ>"
    assert render(source, rows=[]) == ""


@pytest.mark.parametrize(
    "source",
    [
        '{% cachedfragment "only-a-name" %}{% endcachedfragment %}',
        '{% cachedrows a rows "name" "administrations" %}{% endcachedrows %}',
        '{% cachedrows a in rows "name" %}{% endcachedrows %}',
    ],
)
def test_wrong_arguments_are_a_template_error(source):
    with pytest.raises(TemplateSyntaxError):
        Template("{% load fragments %}" + source)
