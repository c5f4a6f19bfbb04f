"""The PostgreSQL server the team store's tests run against (one per test process).

`search.store.pg_server` starts a real server from the machine's PostgreSQL programs in a
temporary folder on a free loopback port; each test gets a new empty database of it.
On a machine without PostgreSQL these tests are skipped with the reason, unless
``BRIEFROOM_REQUIRE_PG=1`` (set by ``.ci/run``), where a missing server is a failure.

``BRIEFROOM_TEST_STORE=postgresql`` runs every test on a team store: each test's
``BRIEFROOM_STORE`` names a new database, so the whole suite checks the PostgreSQL engine.
"""

from __future__ import annotations

import os

import pytest

from search.store import pg_server

_SERVER: pg_server.PgServer | None = None
_FAILURE: str | None = None


def server() -> pg_server.PgServer:
    """The test process's server, started on first use (skips when there is none)."""
    global _SERVER, _FAILURE
    if _SERVER is None and _FAILURE is None:
        try:
            _SERVER = pg_server.start()
        except pg_server.PgServerUnavailable as exc:
            _FAILURE = str(exc)
    if _SERVER is None:
        if os.environ.get("BRIEFROOM_REQUIRE_PG") == "1":
            pytest.fail(f"PostgreSQL is required here (BRIEFROOM_REQUIRE_PG=1): {_FAILURE}")
        pytest.skip(f"no PostgreSQL server for the team store's tests: {_FAILURE}")
    return _SERVER


def new_database(copy_of: str | None = None) -> str:
    """The URL of a new database: empty, or a copy of the one at the URL ``copy_of``."""
    source = copy_of.rsplit("/", 1)[-1] if copy_of else None
    return server().create_database(copy_of=source)


def stop() -> None:
    """Stop the server, if one was started (end of the test session)."""
    global _SERVER
    if _SERVER is not None:
        _SERVER.stop()
        _SERVER = None
