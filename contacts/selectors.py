"""Reads of the contacts app: the directory, one administration, the training centres."""

from django.db import connection
from django.db.models import BigIntegerField, CharField, Count, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from modeltranslation.utils import build_localized_fieldname, get_language

from administrations.models import Administration
from contacts.filters import ContactPointFilter, administration_matches
from contacts.models import (
    ROLE_ORDER,
    ROLE_PLACE,
    ContactPoint,
    ContactRole,
    TrainingCentre,
    in_order_of,
)
from core.cache import fragment_key, fragments_get_many, fragments_set_many, reads_checked
from core.generations import generations, tables_of


def contact_point_filter(*, params: QueryDict | None) -> ContactPointFilter:
    """The directory's filters bound to the query string."""
    return ContactPointFilter(params or None, queryset=ContactPoint.objects.all())


def directory_administrations(*, contact_filter: ContactPointFilter):
    """The administrations the directory lists, in its order (by name in the page language), as
    values with `found`: how many of the administration's contact points the filters select.

    Without filters every member administration shows, also one with no contact point yet;
    with filters only those with a matching contact point, or whose name matches the search.
    """
    administrations = Administration.objects.members()
    if contact_filter.has_values:
        found = Count("contact_points", filter=Q(contact_points__in=contact_filter.qs.values("pk")))
    else:
        found = Count("contact_points")
    administrations = administrations.annotate(found=found)
    if contact_filter.is_filtering:
        listed = Q(found__gt=0)
        data = contact_filter.form.cleaned_data
        if data.get("q") and not data.get("role") and not data.get("country"):
            listed |= administration_matches(data["q"])
        administrations = administrations.filter(listed)
    return administrations.order_by("name", "code").values(
        "pk", "code", "name_en", "name_ru", "found"
    )


# What the directory's list of administrations reads.
DIRECTORY_ADMINISTRATIONS_READS = "contacts.ContactPoint administrations.Administration"


def listed_administrations(*, contact_filter: ContactPointFilter) -> list[dict]:
    """`directory_administrations` as a list, kept in the shared cache unless the filters
    search a text (then it would keep what a member typed, perhaps a name): the
    administrations' names and how many contact points each has in a role are the same for
    every member. Any write to the two tables refreshes it (core.generations)."""
    if contact_filter.data.get("q"):
        return list(directory_administrations(contact_filter=contact_filter))
    key = fragment_key(
        "contacts-directory-administrations",
        generations=generations(tables_of(DIRECTORY_ADMINISTRATIONS_READS)),
        vary_on=[contact_filter.data.get("role"), contact_filter.data.get("country")],
    )
    listed = fragments_get_many([key]).get(key)
    if listed is None:
        with reads_checked(tables_of(DIRECTORY_ADMINISTRATIONS_READS), "The directory's list"):
            listed = list(directory_administrations(contact_filter=contact_filter))
        fragments_set_many({key: listed})
    return listed


# What a directory row shows of a contact point (plain values: model instances carrying every
# column in both languages cost more than the rows' markup).
DIRECTORY_CONTACT_FIELDS = (
    "id", "administration_id", "role", "name_en", "name_ru", "title_en", "title_ru", "email",
    "phone", "languages", "verified_on",
)  # fmt: skip


def directory_contacts(*, contact_filter: ContactPointFilter, administrations: list[int]):
    """The contact points the filters select of these administrations, in directory order
    (`administrations` are in it), as values; the caller slices out the page's. Only those few
    administrations' contact points are sorted, where sorting every one took PostgreSQL some
    15 ms."""
    return (
        contact_filter.qs.filter(administration__in=administrations)
        .order_by(
            in_order_of("administration_id", administrations, BigIntegerField()), ROLE_PLACE, "name"
        )
        .values(*DIRECTORY_CONTACT_FIELDS)
    )


def directory_rows(*, contact_filter: ContactPointFilter):
    """Every contact point the filters select, in directory order, for the downloads."""
    return contact_filter.qs.select_related("administration").order_by(
        "administration__name", ROLE_ORDER, "name"
    )


def member_administration(*, country: str) -> Administration:
    """The member administration of an ISO code (any case); 404 for any other."""
    return get_object_or_404(Administration.objects.members(), code=country.upper())


# The country page's first read, on every visit: the administration and its first contact
# points in the directory's order (role, then name in the page's language) in one statement, as
# the country page shows them. Written out: Django's compilation of the role order alone cost
# more than the statement. One row per contact point, or one with no contact point at all.
GLANCE_SQL = """
SELECT a.id, a.code, a.name_en, a.name_ru, a.website,
       c.id, c.role, c.name_en, c.name_ru, c.title_en, c.title_ru, c.email, c.phone, c.languages,
       c.verified_on
FROM {administration} a
LEFT JOIN {contact_point} c ON c.administration_id = a.id
WHERE a.code = %(code)s AND a.is_member
ORDER BY array_position(%(roles)s::text[], c.role::text), c.{name}
LIMIT %(limit)s
"""
GLANCE_ADMINISTRATION = ["id", "code", "name_en", "name_ru", "website"]
GLANCE_CONTACT = [
    "id", "role", "name_en", "name_ru", "title_en", "title_ru", "email", "phone", "languages",
    "verified_on",
]  # fmt: skip


def administration_at_a_glance(*, country: str, contacts: int) -> tuple[Administration, list[dict]]:
    """The member administration of an ISO code (any case; 404 for any other) and its first
    `contacts` contact points, in the directory's order, as the values a directory row shows
    (`contacts.directory.contact_rows` writes them)."""
    sql = GLANCE_SQL.format(
        administration=Administration._meta.db_table,
        contact_point=ContactPoint._meta.db_table,
        name=build_localized_fieldname("name", get_language()),
    )
    params = {"code": country.upper(), "roles": ContactRole.values, "limit": max(contacts, 1)}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if not rows:
        raise Http404("No member administration has this code.")
    split = len(GLANCE_ADMINISTRATION)
    administration = Administration.from_db(
        connection.alias, GLANCE_ADMINISTRATION, rows[0][:split]
    )
    points = [
        dict(zip(GLANCE_CONTACT, row[split:], strict=True))
        for row in rows[:contacts]
        if row[split] is not None
    ]
    return administration, points


def administration_contact_points(*, administration: Administration):
    return administration.contact_points.order_by(ROLE_ORDER, "name")


def contact_point_names(*, administration: Administration):
    """An administration's contact points as rows of `id`, `role` and `shown_name`, in directory
    order: for a list of them all that shows no more (a model instance carries every column of
    both languages). The name in the page's language, else in English, as the model falls back."""
    name = F("name_en")
    if get_language() != "en":
        own = NullIf(F(f"name_{get_language()}"), Value(""))
        name = Coalesce(own, name, output_field=CharField())
    return (
        administration_contact_points(administration=administration)
        .annotate(shown_name=name)
        .values_list("id", "role", "shown_name", named=True)
    )


def training_centres():
    """Every training centre with its administration, by administration then name."""
    return TrainingCentre.objects.select_related("administration").order_by(
        "administration__name", "name"
    )


def training_centres_of(*, administration: Administration):
    return administration.training_centres.order_by("name")
