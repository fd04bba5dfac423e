"""The benchmark's own database: on the same server as the archive's, never the archive's."""

from __future__ import annotations

import os
from urllib.parse import urlsplit, urlunsplit

import psycopg
from django.conf import settings
from psycopg import sql

DEFAULT_NAME = "protokollarkivet_bench"


class BenchDatabaseRefused(Exception):
    """The name given for the benchmark's database is one the archive or its tests use."""


def _server_url() -> str:
    """The URL of some database on the server the archive uses (DATABASE_URL or embedded)."""
    url = os.environ.get("DATABASE_URL")
    if url:
        return url
    from archive.embedded_db import database_url

    return database_url()


def bench_database_url(name: str) -> str:
    """The URL of database `name` on the archive's server."""
    parts = urlsplit(_server_url())
    return urlunsplit(parts._replace(path=f"/{name}"))


def _protected_names() -> set[str]:
    names = {settings.DATABASES["default"]["NAME"], "postgres", "template0", "template1"}
    url = os.environ.get("DATABASE_URL")
    if url:
        names.add(urlsplit(url).path.lstrip("/"))
    from archive.embedded_db import DATABASE_NAME

    names.add(DATABASE_NAME)  # the archive's own name, whichever server this is
    return {n for n in names if n} | {f"test_{n}" for n in names if n}


def bench_database_check(name: str) -> None:
    """Raise BenchDatabaseRefused unless `name` may be dropped and recreated by the bench.

    Only names containing `bench` are accepted, and never the archive's database, its
    test database or the server's own: the bench drops the database it is given.
    """
    allowed = "bench" in name and name.replace("_", "").isalnum()
    if not allowed or name in _protected_names():
        raise BenchDatabaseRefused(
            f"{name!r} kan inte användas som benchmarkdatabas (namnet ska innehålla 'bench')."
        )


def bench_database_recreate(name: str) -> str:
    """Drop and create the benchmark database `name` (see `bench_database_check`); its URL."""
    bench_database_check(name)
    url = bench_database_url(name)
    maintenance = bench_database_url("postgres")
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                sql.Identifier(name)
            )
        )
    return url


def bench_database_drop(name: str) -> None:
    """Drop the benchmark database `name` (after a run that should leave nothing)."""
    bench_database_check(name)
    with psycopg.connect(bench_database_url("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
