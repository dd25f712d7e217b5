"""Per-table generations: a counter in the shared cache for each database table, moved on by
every write to that table, whichever way it is made.

A cached page or fragment names the models it reads (`tables_of("outreach.NewsItem workplan")`);
its key or its stored entry carries the generations of their tables, so a write to one table
refreshes exactly what reads it, in every language, and leaves the rest warm.

Writes are seen where they happen, in the database cursor: an execute wrapper (Django's
`connection.execute_wrapper` hook, installed on every connection) reads the table name of each
INSERT, UPDATE, DELETE and TRUNCATE statement. So `save()`, `delete()`, many-to-many changes,
queryset `update()`, `bulk_create()`, `bulk_update()`, the admin's imports and raw SQL through
Django's cursor all count, without a signal or a call to remember. A write moves its tables on
at once, and again once its transaction commits: a page rendered in between, from the data
before the commit, is not kept either.

Tables no cached page or fragment shows, written on every visit (the personal-data access log,
sessions, login attempts, queued tasks), are left out: `settings.GENERATIONS_UNWATCHED_MODELS`.

A generation starts from the clock, not from 1: if its key is lost (evicted from a full cache),
the new generation cannot meet pages or fragments stored under an old one.
"""

import functools
import re
import time
from collections.abc import Callable, Iterable

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Model

# Moved on by a write to any table: a process that saw it unchanged knows no table changed.
ANY_TABLE = "*"

_WRITE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([^\s"(]+)', re.IGNORECASE)
_TRUNCATE = re.compile(r"\s*TRUNCATE\b", re.IGNORECASE)
_QUOTED = re.compile(r'"([^"]+)"')
_READ = re.compile(r'\b(?:FROM|JOIN)\s+"([^"]+)"', re.IGNORECASE)


def _key(table: str) -> str:
    return f"table:{table}:generation"


def _new_generation() -> int:
    return time.time_ns()


def _model_tables(model: type[Model]) -> set[str]:
    """The model's table, its parents' (multi-table inheritance) and its many-to-many tables."""
    opts = model._meta
    tables = {opts.db_table, *(parent._meta.db_table for parent in opts.get_parent_list())}
    tables.update(field.remote_field.through._meta.db_table for field in opts.many_to_many)
    return tables


def labels(reads: str | Iterable[str | type[Model]]) -> str:
    """A declaration as text: models given as classes become their labels."""
    if isinstance(reads, str):
        return reads
    return " ".join(read if isinstance(read, str) else read._meta.label for read in reads)


@functools.cache
def tables_of(reads: str) -> tuple[str, ...]:
    """The tables a declaration names: space-separated `app_label.Model` labels, or an app label
    for every model of the app. An empty declaration reads no table."""
    tables = set()
    for label in reads.split():
        if "." in label:
            models = [apps.get_model(label)]
        else:
            models = apps.get_app_config(label).get_models(include_auto_created=True)
        for model in models:
            tables |= _model_tables(model)
    return tuple(sorted(tables))


@functools.cache
def public_content_tables() -> tuple[str, ...]:
    """Every table of `settings.PUBLIC_CONTENT_APPS`: what a public page that names no model is
    taken to read."""
    return tables_of(" ".join(sorted(settings.PUBLIC_CONTENT_APPS)))


def generations(tables: Iterable[str]) -> list[int]:
    """The current generation of each table (one cache round trip when all are known)."""
    keys = [_key(table) for table in tables]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _new_generation(), timeout=None)
            found[key] = cache.get(key, 0)
    return [found[key] for key in keys]


def any_table_generation() -> int:
    return generations([ANY_TABLE])[0]


# The generations this process read last of each set of tables, with the "any table" generation
# read before them. The sets are the declarations of the cached fragments: a few dozen.
_remembered: dict[tuple[str, ...], tuple[int, list[int]]] = {}


def generations_since(tables: tuple[str, ...], *, any_table: int) -> list[int]:
    """`generations` of these tables, without reading them again while "any table" is still at
    `any_table` (read before the call): a writer moves it last, so no table has changed since
    this process read them with it. A page's fragments read one key, not one for each table."""
    remembered = _remembered.get(tables)
    if remembered is not None and remembered[0] == any_table:
        return remembered[1]
    current = generations(tables)
    _remembered[tables] = (any_table, current)
    return current


# Values made from tables, with the generations their tables had: see `remembered`.
_values: dict[tuple, tuple[list[int], object]] = {}


def remembered[T](reads: str, key: tuple, make: Callable[[], T]) -> T:
    """`make()`, kept in this process until a table of `reads` (models, as `tables_of` takes
    them) is written to, by any process: for a small value every user of a page reads, such as a
    menu's choices that a form checks on every request. Never personal data. `key` tells apart
    the values of the same tables (the page language, say)."""
    tables = tables_of(reads)
    current = generations_since(tables, any_table=any_table_generation())
    entry = _values.get((reads, key))
    if entry is not None and entry[0] == current:
        return entry[1]
    value = make()
    _values[(reads, key)] = (current, value)
    return value


def _move_on(key: str) -> None:
    try:
        cache.incr(key)
    except ValueError:  # not in the cache yet (or evicted): any new value is a new generation
        cache.set(key, _new_generation(), timeout=None)


def tables_changed(tables: Iterable[str]) -> None:
    """Make every cached page and fragment that reads one of these tables stale."""
    for table in tables:
        _move_on(_key(table))
    _move_on(_key(ANY_TABLE))  # last: a reader who sees it unchanged sees the tables unchanged


def models_changed(*models: type[Model]) -> None:
    """`tables_changed` for models: for writes Django's cursor does not see."""
    tables_changed(tables_of(labels(models)))


@functools.cache
def unwatched_tables() -> frozenset[str]:
    """The tables of `settings.GENERATIONS_UNWATCHED_MODELS`, whose writes move no generation."""
    return frozenset(
        apps.get_model(label)._meta.db_table for label in settings.GENERATIONS_UNWATCHED_MODELS
    )


def written_tables(sql) -> tuple[str, ...]:
    """The tables an SQL statement writes to (none for a query that only reads)."""
    if not isinstance(sql, str):
        return ()
    match = _WRITE.match(sql)
    if match:
        return (match.group(1),)
    if _TRUNCATE.match(sql):
        return tuple(_QUOTED.findall(sql))
    return ()


def read_tables(sql) -> set[str]:
    """The tables a query reads from (for the check that caching declarations are complete)."""
    return set(_READ.findall(sql)) if isinstance(sql, str) else set()


class _AtCommit:
    """The tables one transaction wrote to, moved on again once it commits."""

    def __init__(self):
        self.tables: set[str] = set()

    def __call__(self):
        tables_changed(self.tables)


_AT_COMMIT = "_rocb_tables_at_commit"


def _tables_written(connection, tables: tuple[str, ...]) -> None:
    tables_changed(tables)
    if not connection.in_atomic_block:
        return  # committed already
    pending = getattr(connection, _AT_COMMIT, None)
    # One callback per transaction; a rolled-back one took its callback with it.
    if pending is None or not any(
        func is pending for _ids, func, _robust in connection.run_on_commit
    ):
        pending = _AtCommit()
        setattr(connection, _AT_COMMIT, pending)
        transaction.on_commit(pending, using=connection.alias)
    pending.tables.update(tables)


def _watch_writes(execute, sql, params, many, context):
    result = execute(sql, params, many, context)
    tables = tuple(table for table in written_tables(sql) if table not in unwatched_tables())
    if tables:
        _tables_written(context["connection"], tables)
    return result


def watch_writes(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: every statement of the connection passes `_watch_writes`."""
    if _watch_writes not in connection.execute_wrappers:
        connection.execute_wrappers.insert(0, _watch_writes)
