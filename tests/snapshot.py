"""The migrated test database's rows, kept in PostgreSQL itself, for `serialized_rollback`.

After a test with transactions (every browser test) Django empties the tables and puts back the
rows that migrations seeded by saving each serialized object again: some 1,500 queries a test.
Here they are copied once into a schema of their own and copied back in two statements per
table; Django's foreign keys are deferred to the commit, so the order of the tables does not
matter."""

from django.db import transaction
from django.db.backends.postgresql.operations import DatabaseOperations
from psycopg2 import sql

_truncate = DatabaseOperations.sql_flush

SCHEMA = "test_snapshot"
_restore: list[sql.Composed] = []


def take(connection) -> None:
    """Keep a copy of every table that has rows, as the database is now."""
    tables = connection.introspection.django_table_names(only_existing=True, include_views=False)
    schema = sql.Identifier(SCHEMA)
    _restore.clear()
    with connection.cursor() as cursor:
        cursor.execute(
            sql.SQL("DROP SCHEMA IF EXISTS {0} CASCADE; CREATE SCHEMA {0}").format(schema)
        )
        for table in sorted(tables):
            name = sql.Identifier(table)
            cursor.execute(sql.SQL("SELECT EXISTS (SELECT FROM {})").format(name))
            if not cursor.fetchone()[0]:
                continue
            cursor.execute(sql.SQL("CREATE TABLE {}.{} AS TABLE {}").format(schema, name, name))
            # Named columns, not the generated ones (PostgreSQL computes those): a test that
            # migrates backwards and forwards may rebuild a table in another order.
            cursor.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema ="
                " current_schema() AND table_name = %s AND is_generated = 'NEVER'"
                " ORDER BY ordinal_position",
                [table],
            )
            columns = [column for (column,) in cursor.fetchall()]
            listed = sql.SQL(", ").join(map(sql.Identifier, columns))
            # Emptied first: a test may start on these rows (after a test without a flush).
            _restore.append(sql.SQL("DELETE FROM {}").format(name))
            _restore.append(
                sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {}.{}").format(
                    name, listed, listed, schema, name
                )
            )


def restore(creation, data) -> None:
    """Stands in for `DatabaseCreation.deserialize_db_from_string` (the data is the same)."""
    connection = creation.connection
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for statement in _restore:
            cursor.execute(statement)


def flush_sql(operations, style, tables, *, reset_sequences=False, allow_cascade=False):
    """Stands in for PostgreSQL's `sql_flush` between tests: TRUNCATE makes new files for each
    of the hundred-odd tables, where a DELETE of the few rows a test wrote costs nothing; the
    foreign keys are checked at the commit, once every table is empty."""
    if reset_sequences or not tables:
        return _truncate(
            operations, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    quote = operations.quote_name
    return ["".join(f"DELETE FROM {quote(table)};" for table in tables)]  # noqa: S608 (its own tables)
