"""How `search.store.copy` copies each table: the order of the tables, the key, the
columns both stores have, and what the target's engine needs (booleans, identity
columns and their sequences), read from each store's catalogue.

Both engines' catalogues are read here (``sqlite_master`` and ``PRAGMA``s, PostgreSQL's
``information_schema`` and ``pg_catalog``), so a table or a column added later is
copied without a change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from search.store import pair_table
from search.store.connection import Store, StoreError
from search.store.engine import Connection, is_postgres
from search.store.schema import columns

# The pair table's per-country counts: kept by triggers, replaced whole (`search.store.copy`).
COUNTS = f"{pair_table.TABLE}_counts"
# Columns written with a fixed value rather than the source's: each store's analysts
# build their own index from ``indexed``.
_RESET: dict[tuple[str, str], object] = {("articles", "indexed"): 0}
_WITHOUT_ROWID = re.compile(r"\)\s*WITHOUT\s+ROWID\s*$", re.I)


@dataclass(frozen=True, slots=True)
class Column:
    """What the copy needs to know of one column of one engine's table."""

    boolean: bool  # PostgreSQL keeps it as a boolean (SQLite: 0 or 1)
    identity: bool  # PostgreSQL numbers it from a sequence
    generated: bool  # computed from other columns: never written


@dataclass(frozen=True, slots=True)
class Plan:
    """How one table is copied: what is read from the source and written to the target."""

    name: str
    key: tuple[str, ...]  # ordered by it, resumed after it
    columns: tuple[str, ...]  # the key first
    booleans: tuple[int, ...]  # positions written as booleans
    resets: tuple[tuple[int, object], ...]  # positions written with a fixed value
    sequences: tuple[tuple[str, str], ...]  # (column, sequence) moved when finished
    insert: str


def tables_in_order(source: Connection, target: Store) -> list[str]:
    """The source's tables to copy in batches (bar ``meta`` and the pair counts), each
    after the tables it references.

    Raises:
        StoreError: a table of the source with rows is missing from the target.
    """
    have = set(tables(target.conn))
    names = []
    for name in tables(source):
        if name in ("meta", COUNTS):
            continue
        if name not in have:
            if count(source, name):
                raise StoreError(
                    f"{target.location}: has no table {name}, which the source fills; "
                    "run `briefroom store init` on it with this briefroom, then copy"
                )
            continue
        names.append(name)
    ordered: list[str] = []

    def place(name: str, seen: frozenset[str]) -> None:
        if name in ordered or name not in names or name in seen:
            return
        for other in sorted(_references(target.conn, name)):
            place(other, seen | {name})
        ordered.append(name)

    for name in sorted(names, key=lambda n: (n != "articles", n)):
        place(name, frozenset())
    return ordered


def make_plan(source: Connection, target: Store, name: str) -> Plan:
    """How the table ``name`` is copied from ``source`` into ``target``."""
    there, here = _column_info(source, name), _column_info(target.conn, name)
    key = _key(source, name, there)
    shared = {
        c
        for c in columns(source, name) & columns(target.conn, name)
        if not there[c].generated and not here[c].generated
    }
    for column in key:
        if column not in shared and not _takes_rowid(target.conn, name, column, here):
            raise StoreError(f"{target.location}: table {name} has no column {column} to keep")
    names = (*key, *sorted(shared - set(key)))
    info = {c: here.get(c, Column(False, False, False)) for c in names}
    identities = [c for c in names if info[c].identity]
    listed = ", ".join(quoted(c) for c in names)
    overriding = " OVERRIDING SYSTEM VALUE" if identities else ""
    return Plan(
        name=name,
        key=key,
        columns=names,
        booleans=tuple(i for i, c in enumerate(names) if info[c].boolean),
        resets=tuple((i, _RESET[name, c]) for i, c in enumerate(names) if (name, c) in _RESET),
        sequences=tuple((c, _sequence(target, name, c)) for c in identities),
        insert=f"INSERT INTO {quoted(name)} ({listed}){overriding} "
        f"VALUES ({', '.join('?' * len(names))})",
    )


def _takes_rowid(conn: Connection, table: str, column: str, info: dict[str, Column]) -> bool:
    """Whether ``column`` is ``rowid`` and the target's table keeps one that may be set."""
    if column != "rowid":
        return False
    if is_postgres(conn):
        return "rowid" in info and not info["rowid"].generated
    return not _without_rowid(conn, table)


def _sequence(target: Store, table: str, column: str) -> str:
    """The sequence of a PostgreSQL identity column, which the copy must be allowed to
    move (the owner's role may; an analyst's briefroom_writer may not)."""
    conn = target.conn
    assert is_postgres(conn)
    row = conn.native("SELECT pg_get_serial_sequence(%s, %s)", (table, column)).fetchone()
    sequence = str(row[0])
    allowed = conn.native("SELECT has_sequence_privilege(%s, 'UPDATE')", (sequence,)).fetchone()
    if not allowed[0]:
        user = conn.native("SELECT current_user").fetchone()[0]
        raise StoreError(
            f"{target.location}: the role {user} may not move the id sequence of {table} "
            "(a copy keeps the source's ids); copy as the store's owner"
        )
    return sequence


# --------------------------------------------------------------------------- catalogue


def tables(conn: Connection) -> list[str]:
    """The names of the store's tables."""
    rows: Iterable[Any]
    if is_postgres(conn):
        rows = conn.native(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
        )
    else:
        rows = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        )
    return sorted(str(row[0]) for row in rows)


def _references(conn: Connection, table: str) -> set[str]:
    """The tables ``table`` has foreign keys to."""
    if is_postgres(conn):
        rows = conn.native(
            "SELECT confrelid::regclass::text FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = to_regclass(%s)",
            (table,),
        )
        return {str(row[0]) for row in rows}
    return {str(row[2]) for row in conn.execute(f"PRAGMA foreign_key_list({quoted(table)})")}


def _column_info(conn: Connection, table: str) -> dict[str, Column]:
    """The columns of ``table`` with what the copy needs to know of each."""
    rows: Iterable[Any]
    if is_postgres(conn):
        rows = conn.native(
            "SELECT column_name, data_type, is_identity, is_generated "
            "FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = %s",
            (table,),
        )
        return {
            str(n): Column(kind == "boolean", ident == "YES", made == "ALWAYS")
            for n, kind, ident, made in rows
        }
    # table_xinfo's ``hidden``: 2 and 3 are generated columns.
    rows = conn.execute(f"PRAGMA table_xinfo({quoted(table)})")
    return {str(row[1]): Column(False, False, row[6] in (2, 3)) for row in rows}


def _key(conn: Connection, table: str, info: dict[str, Column]) -> tuple[str, ...]:
    """What orders and identifies a table's rows: its integer key (SQLite's ``INTEGER
    PRIMARY KEY``, PostgreSQL's identity primary key), else its ``rowid``, else its
    primary key (``WITHOUT ROWID`` tables)."""
    if is_postgres(conn):
        rows = conn.native(
            "SELECT a.attname FROM pg_index i JOIN pg_attribute a "
            "ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
            "WHERE i.indrelid = to_regclass(%s) AND i.indisprimary "
            "ORDER BY array_position(i.indkey::int2[], a.attnum)",
            (table,),
        )
        primary = [str(row[0]) for row in rows]
        numbered = len(primary) == 1 and info[primary[0]].identity
        has_rowid = "rowid" in info
    else:
        table_info = conn.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
        primary = [str(r[1]) for r in sorted(table_info, key=lambda r: int(r[5])) if r[5]]
        integer = {str(r[1]) for r in table_info if str(r[2]).upper() == "INTEGER"}
        numbered = len(primary) == 1 and primary[0] in integer
        has_rowid = not _without_rowid(conn, table)
    if numbered:
        return (primary[0],)
    if has_rowid:
        return ("rowid",)
    if primary:
        return tuple(primary)
    raise StoreError(f"table {table} has neither a primary key nor row numbers: cannot copy it")


def _without_rowid(conn: Connection, table: str) -> bool:
    """Whether a SQLite table is ``WITHOUT ROWID``."""
    row = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    return row is not None and bool(_WITHOUT_ROWID.search(str(row[0]).strip()))


def count(conn: Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {quoted(table)}").fetchone()[0])


def quoted(name: str) -> str:
    """A quoted name (``trigger``, ``date`` and ``key`` are columns)."""
    return '"' + name.replace('"', '""') + '"'
