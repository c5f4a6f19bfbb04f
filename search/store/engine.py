"""Which engine a store runs on: SQLite (the default, one file) or PostgreSQL (a team).

Code that reads or writes the store takes a `Connection`: Python's `sqlite3.Connection`
or `search.store.postgres.PgConnection`, which offers the same surface.  The few places
where the engines need different SQL (catalogue look-ups, triggers, settings) ask
`is_postgres`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias, TypeGuard

if TYPE_CHECKING:
    from search.store.postgres import PgConnection

Connection: TypeAlias = "sqlite3.Connection | PgConnection"

URL_SCHEMES = ("postgresql://", "postgres://")
# The environment variable naming the team store (the command line's --store and
# config.yaml's ``store`` set it for the process and what it starts).
STORE_ENV = "BRIEFROOM_STORE"


def is_store_url(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL server rather than a store file."""
    return isinstance(location, str) and location.startswith(URL_SCHEMES)


def is_postgres(conn: Connection) -> TypeGuard[PgConnection]:
    """Whether ``conn`` is a connection to the PostgreSQL team store."""
    return not isinstance(conn, sqlite3.Connection)


def reserve_id(conn: Connection, table: str, column: str) -> int | None:
    """An id for a row about to be inserted into ``table`` on the team store, to insert it
    with (`PgConnection.reserve_id`); None on SQLite, where reading ``lastrowid`` after
    the insert costs nothing."""
    return conn.reserve_id(table, column) if is_postgres(conn) else None


def insert_rows(conn: Connection, sql: str, rows: Sequence[Sequence[Any]]) -> None:
    """Insert ``rows`` with the plain insert ``sql`` (``INSERT [OR IGNORE] INTO t (a, b)
    VALUES (?, ?)``), now or with the next rows of the same statement: on SQLite at once
    (``executemany``: a statement costs a function call there); on the team store, in a
    batch, with the batch's other rows of that table in one statement
    (`PgConnection.insert_later`), sent before anything reads the table.  For tables
    whose rows reference only rows written already."""
    if is_postgres(conn):
        conn.insert_later(sql, rows)
    else:
        conn.executemany(sql, rows)


def update_rows(
    conn: Connection, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> None:
    """Set ``columns`` of the rows of ``table`` whose ``key`` is each row's last value to
    its first values (``UPDATE table SET a = ?, b = ? WHERE key = ?`` for each row; keys
    distinct): on SQLite one statement per row, on the team store one for all of them
    (`PgConnection.update_many`)."""
    if is_postgres(conn):
        conn.update_many(table, key, columns, rows)
    elif rows:
        assignments = ", ".join(f"{column} = ?" for column in columns)
        conn.executemany(f"UPDATE {table} SET {assignments} WHERE {key} = ?", rows)
