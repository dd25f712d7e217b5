"""The first version of every row of an app that has none, as django-reversion's
`createinitialrevisions` makes them, in a few statements per model instead of eight or more per
row (its loop took minutes on the benchmark data and in every test database's migrate).

Each row gets a revision of its own, holding its version and those of the rows it follows (an
indicator's targets and actuals, an activity's indicators…), serialised as reversion does.
Models are done leaves first, whatever order Python's sets give: a row's first version is then
in a revision of its own even when a row that follows it is done later.
"""

from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.db import models, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.encoding import force_str
from reversion.models import Revision, Version, _safe_subquery
from reversion.revisions import (
    _follow_relations,
    _get_options,
    create_revision,
    get_registered_models,
)
from reversion.signals import post_revision_commit, pre_revision_commit

BATCH = 500  # rows given their revisions together


def create_initial_versions(
    app_label: str, *, using: str = "default", comment: str = "Initial version."
) -> int:
    """Give every row of the app's registered models without a version its first one; returns
    how many revisions were made."""
    admin.autodiscover()  # reversion's registrations are made where the admin classes are
    registered = [m for m in get_registered_models() if m._meta.app_label == app_label]
    made = 0
    with transaction.atomic(using=using):
        for model in _leaves_first(registered):
            live = _safe_subquery(
                "exclude",
                model._default_manager.using(using),
                model._meta.pk.name,
                Version.objects.using(using).get_for_model(model, model_db=using),
                "object_id",
            ).order_by("pk")
            rows = list(live)
            for start in range(0, len(rows), BATCH):
                made += _save_revisions(rows[start : start + BATCH], using, comment)
    return made


def _leaves_first(registered: list[type[models.Model]]) -> list[type[models.Model]]:
    """The models, each after the models it follows."""
    done: list[type[models.Model]] = []
    visiting: set[type[models.Model]] = set()

    def visit(model):
        if model in done or model in visiting:  # a cycle stops here
            return
        visiting.add(model)
        for name in _get_options(model).follow:
            related = model._meta.get_field(name).related_model
            if related in registered:
                visit(related)
        done.append(model)

    for model in sorted(registered, key=lambda m: m._meta.label):
        visit(model)
    return done


def _save_revisions(roots: list[models.Model], using: str, comment: str) -> int:
    """One revision for each root, with the versions reversion's add_to_revision() gives it."""
    rows, followed = _followed(roots)
    serialised = _serialised(rows, using)
    now = timezone.now()
    revisions = [Revision(date_created=now, comment=comment) for _ in roots]
    versions_of = [_revision_rows(root, followed, serialised) for root in roots]
    for revision, versions in zip(revisions, versions_of, strict=True):
        pre_revision_commit.send(sender=create_revision, revision=revision, versions=versions)
    Revision.objects.using(using).bulk_create(revisions)
    for revision, versions in zip(revisions, versions_of, strict=True):
        for version in versions:
            version.revision = revision
    Version.objects.using(using).bulk_create(
        [version for versions in versions_of for version in versions], batch_size=2000
    )
    for revision, versions in zip(revisions, versions_of, strict=True):
        post_revision_commit.send(sender=create_revision, revision=revision, versions=versions)
    return len(revisions)


def _key(row: models.Model) -> tuple[str, str]:
    return row._meta.label, force_str(getattr(row, _get_options(type(row)).object_id_field))


def _followed(roots: list[models.Model]) -> tuple[list[models.Model], dict]:
    """Each row reached from the roots (themselves included), and the rows each follows, read
    a model and a level at a time (prefetched, so _follow_relations() reads no row itself)."""
    rows: list[models.Model] = []
    followed: dict[tuple[str, str], list[models.Model]] = {}
    level = roots
    while level:
        by_model: dict[type, dict[tuple[str, str], models.Model]] = {}
        for row in level:
            if _key(row) not in followed:
                by_model.setdefault(type(row), {}).setdefault(_key(row), row)
        level = []
        for model, unseen in by_model.items():
            names = _get_options(model).follow
            if names:
                prefetch_related_objects(list(unseen.values()), *names)
            for key, row in unseen.items():
                rows.append(row)
                followed[key] = children = list(_follow_relations(row))
                level += children
    return rows, followed


def _serialised(rows: list[models.Model], using: str) -> dict[tuple[str, str], Version]:
    """A version of each row (without its revision), its related rows read a model at a time
    for the serialiser (many-to-many fields) and for str() (the names of foreign keys)."""
    versions = {}
    by_model: dict[type, list[models.Model]] = {}
    for row in rows:
        by_model.setdefault(type(row), []).append(row)
    for model, instances in by_model.items():
        options = _get_options(model)
        related = [
            field.name
            for field in model._meta.concrete_fields
            if field.is_relation and (options.fields is None or field.name in options.fields)
        ]
        related += [
            field.name
            for field in model._meta.many_to_many
            if options.fields is None or field.name in options.fields
        ]
        if related:
            prefetch_related_objects(instances, *related)
        content_type = ContentType.objects.db_manager(using).get_for_model(
            model, for_concrete_model=options.for_concrete_model
        )
        for row in instances:
            versions[_key(row)] = Version(
                content_type=content_type,
                object_id=_key(row)[1],
                db=using,
                format=options.format,
                serialized_data=serializers.serialize(
                    options.format,
                    (row,),
                    fields=options.fields,
                    use_natural_foreign_keys=options.use_natural_foreign_keys,
                ),
                object_repr=force_str(row),
            )
    return versions


def _revision_rows(root: models.Model, followed: dict, serialised: dict) -> list[Version]:
    """The root's version, then those of what it follows, depth first, each row once: the
    order of reversion's _add_to_revision()."""
    seen: set[tuple[str, str]] = set()
    versions = []

    def add(row):
        key = _key(row)
        if key in seen:
            return
        seen.add(key)
        template = serialised[key]
        versions.append(
            Version(
                content_type=template.content_type,
                object_id=template.object_id,
                db=template.db,
                format=template.format,
                serialized_data=template.serialized_data,
                object_repr=template.object_repr,
            )
        )
        for child in followed[key]:
            add(child)

    add(root)
    return versions
