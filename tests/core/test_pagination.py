import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from administrations.models import Administration
from contacts.models import ContactPoint
from core.pagination import PendingPrefetch, WindowCountPaginator
from tests.experts.factories import make_expert
from tests.library.factories import make_document

pytestmark = pytest.mark.django_db


def administrations():
    return Administration.objects.order_by("code")


def test_a_page_and_the_count_come_in_one_query():
    everything = list(administrations())
    paginator = WindowCountPaginator(administrations(), 10)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page(2)
        assert paginator.count == len(everything)
        assert paginator.num_pages == -(-len(everything) // 10)
    assert len(queries) == 1
    assert list(page) == everything[10:20]
    assert page.number == 2 and page.has_previous() and page.has_next()


def test_rows_read_as_values_come_with_their_count_too():
    everything = list(administrations().values_list("code", flat=True))
    paginator = WindowCountPaginator(administrations().values("code"), 10)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page(2)
        assert paginator.count == len(everything)
    assert len(queries) == 1
    assert [row["code"] for row in page] == everything[10:20]


@pytest.mark.parametrize("number", [None, "", "two", "-3", "0"])
def test_a_missing_or_odd_page_number_shows_the_first_page(number):
    page = WindowCountPaginator(administrations(), 10).get_page(number)
    assert page.number == 1
    assert list(page) == list(administrations()[:10])


def test_a_page_past_the_end_shows_the_last_page():
    count = administrations().count()
    page = WindowCountPaginator(administrations(), 10).get_page(999)
    assert page.number == page.paginator.num_pages
    assert len(page) == count - (page.number - 1) * 10


def test_an_empty_result_has_one_empty_page():
    page = WindowCountPaginator(administrations().filter(code="none"), 10).get_page(1)
    assert page.paginator.count == 0 and page.number == 1 and list(page) == []


def test_the_prefetches_are_left_to_the_rows_that_need_them():
    azerbaijan = Administration.objects.get(code="AZ")
    ContactPoint.objects.create(
        administration=azerbaijan, role="capacity_building", name="Leyla", email="l@customs.az"
    )
    source = Template(
        "{% load fragments %}"
        '{% cachedrows a in rows "test-rows" "contacts" %}'
        "{{ a.code }}:{{ a.contact_points.all|length }};"
        "{% endcachedrows %}"
    )
    queryset = administrations().filter(code__in=["AZ", "GE"]).prefetch_related("contact_points")

    def render():
        page = WindowCountPaginator(queryset, 10).get_page(1)
        assert isinstance(page.object_list, PendingPrefetch)
        with CaptureQueriesContext(connection) as queries:
            html = source.render(Context({"rows": page.object_list}))
        return html, len(queries)

    assert render() == ("AZ:1;GE:0;", 1)  # one prefetch for both rows, made once rendering
    assert render() == ("AZ:1;GE:0;", 0)  # every row from the cache: no prefetch at all


# A page number past what the database can count to (an OFFSET beyond bigint) is the last page.
HUGE = "461168601842738792"


@pytest.mark.parametrize("number", [HUGE, str(2**63), "9" * 4000])
def test_a_page_number_past_the_databases_range_shows_the_last_page(number):
    page = WindowCountPaginator(administrations(), 10).get_page(number)
    assert page.number == page.paginator.num_pages


@pytest.mark.parametrize("number", [HUGE, str(2**63)])
@pytest.mark.parametrize(
    ("path", "who", "query"),
    [
        ("/en/documents/", None, {"q": "a"}),
        ("/en/documents/", None, {}),
        ("/en/members/materials/", "member", {"q": "a"}),
        ("/en/members/contacts/", "member", {}),
        ("/en/members/contacts/", "member", {"q": "a"}),
        ("/en/members/experts/", "member", {"q": "a"}),
        ("/en/members/experts/", "member", {}),
    ],
)
def test_every_list_shows_its_last_page_for_a_page_number_past_the_databases_range(
    client, request, azerbaijan, path, who, query, number
):
    make_document(title_en="A customs valuation guide", visibility="public")
    make_document(title_en="A members' guide", visibility="members")
    make_expert(administration=azerbaijan, family_name_en="Aliyev", position_en="A risk analyst")
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(path, {**query, "page": number})
    assert response.status_code == 200, path
