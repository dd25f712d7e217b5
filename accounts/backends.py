"""Authentication backend: the session's user comes with their administration in one query."""

import functools
from dataclasses import dataclass

from axes.backends import AxesStandaloneBackend
from django.contrib.auth.backends import ModelBackend
from django.db import connections

from accounts.models import User


@dataclass(frozen=True)
class _Columns:
    """Where one model's columns are in the statement's row, and their attribute names."""

    start: int
    end: int
    names: tuple[str, ...]

    @classmethod
    def of(cls, klass_info, select) -> "_Columns":
        fields = klass_info["select_fields"]
        start, end = fields[0], fields[-1] + 1
        return cls(start, end, tuple(column.target.attname for column, *_ in select[start:end]))


@dataclass(frozen=True)
class _SessionUserStatement:
    """The ORM's own statement for a user and their administration, compiled once per process:
    compiling it (a join, every column of both tables) cost twice what running it did, on
    every logged-in request. Rows become objects as Django's ModelIterable makes them."""

    alias: str
    sql: str
    compiler: object
    converters: dict
    user_columns: _Columns
    administration_columns: _Columns

    @classmethod
    @functools.cache
    def compiled(cls, alias: str) -> "_SessionUserStatement":
        queryset = User.objects.using(alias).select_related("administration").filter(pk=0)
        compiler = queryset.order_by().query.get_compiler(using=alias)
        sql, params = compiler.as_sql()
        if params != (0,):
            raise AssertionError(f"The user's statement takes its id alone, not {params!r}.")
        (related,) = compiler.klass_info["related_klass_infos"]
        fields = [column for column, *_ in compiler.select[: compiler.col_count]]
        return cls(
            alias,
            sql,
            compiler,
            compiler.get_converters(fields),
            _Columns.of(compiler.klass_info, compiler.select),
            _Columns.of(related, compiler.select),
        )

    def user(self, user_id) -> User | None:
        with connections[self.alias].cursor() as cursor:
            cursor.execute(self.sql, [User._meta.pk.get_prep_value(user_id)])
            row = cursor.fetchone()
        if row is None:
            return None
        if self.converters:
            (row,) = self.compiler.apply_converters([row], self.converters)
        columns = self.user_columns
        user = User.from_db(self.alias, columns.names, row[columns.start : columns.end])
        columns, administration = self.administration_columns, None
        if row[columns.start] is not None:  # its id: the join found one
            administration = User.administration.field.related_model.from_db(
                self.alias, columns.names, row[columns.start : columns.end]
            )
        User.administration.field.set_cached_value(user, administration)
        return user


class UserBackend(ModelBackend):
    def get_user(self, user_id):
        user = _SessionUserStatement.compiled(User.objects.db).user(user_id)
        return user if user is not None and self.user_can_authenticate(user) else None


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' check of locked-out logins. Authentication outside an HTTP request (a test
    client's `login()`, a management command) has no client address to count and passes
    through to the next backend instead of raising."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
