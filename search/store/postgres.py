"""The team store's connection: PostgreSQL behind the interface of Python's sqlite3.

The store and everything that reads it were written against `sqlite3.Connection`:
``execute``/``executemany``/``executescript``, ``with conn:`` as a transaction,
``in_transaction``, ``lastrowid`` and ``rowcount``.  `PgConnection` offers exactly that
surface over a psycopg 3 connection, so the same code runs on either engine:

- statements are rewritten once each by `search.store.dialect.to_postgres`;
- transactions behave as sqlite3's default mode: a write opens one when none is open,
  ``commit()`` or leaving ``with conn:`` ends it, ``BEGIN``/``COMMIT`` may be sent as
  statements; reads outside a transaction see the latest committed data;
- errors are raised as the sqlite3 exception of the same kind (`IntegrityError`,
  `OperationalError`, ...), subclassed, so a caller's ``except sqlite3.Error`` holds for
  both engines; the message never carries the password of the URL;
- ``numeric`` results (PostgreSQL's ``sum`` of integers) come back as int or float, as
  SQLite gives them, not as `decimal.Decimal`.

psycopg is imported here only, and this module only when a PostgreSQL URL is opened, so
the default embedded store pays nothing for it.
"""

from __future__ import annotations

import atexit
import json
import re
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, cast

import psycopg
from psycopg import adapt, errors, pq
from psycopg_pool import ConnectionPool, PoolTimeout

from search.store.dialect import to_postgres
from search.store.keep import keeps_connections

_WRITE = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE|REPLACE)\b", re.I)
_DROP = re.compile(r"^\s*DROP\b", re.I)
_CONTROL = re.compile(r"^\s*(BEGIN|COMMIT|END|ROLLBACK)(?:\s+TRANSACTION)?\s*;?\s*$", re.I)
_CREATE_INDEX = re.compile(
    r"^(?:\s|--[^\n]*\n)*CREATE\s+(?:UNIQUE\s+)?INDEX\s+IF\s+NOT\s+EXISTS\s+(\w+)", re.I
)
_CONNECT_TIMEOUT = 10  # seconds
# Connections kept per server by a process that keeps them
# (`search.store.keep.keep_connections`): the TUI's screens and searches open the store
# from a few workers.
_POOL_SIZE = 4
# Seconds an open waits for a kept connection (made in the background: milliseconds when
# the server is there).
_POOL_WAIT = 3.0
_POOLS: dict[tuple[str, str], ConnectionPool] = {}
# Ids drawn at once from a table's identity sequence (`PgConnection.reserve_id`): one round
# trip per block instead of one per row (``lastval()``), which in a pipelined ingest is a
# wait for everything sent before it.
_ID_BLOCK = 256


@atexit.register
def close_pools() -> None:
    """Close the kept connections when the process ends (their threads with them)."""
    for pool in _POOLS.values():
        pool.close(timeout=1.0)
    _POOLS.clear()


# Writes to a session's temporary tables (a summary's scratch lists) need no write lock.
_TEMP_WRITE = re.compile(
    r"^\s*(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|DELETE\s+FROM|UPDATE)\s+temp\.", re.I
)
# Rows for a session's temporary table (a summary's scope, an ingest's changed people):
# sent by `PgConnection.executemany` as one statement, and the table analyzed after.
# PostgreSQL plans from statistics that autovacuum never gathers for a temporary table
# (it cannot see one); without them the planner took a scope of 17 articles for 2,500
# and scanned whole tables for it (the pair summary of KAZ-USA at 100,000 articles: 270
# ms of queries, 57 with them).  4,000 rows sent a statement each took 45-75 ms.
_TEMP_INSERT = re.compile(r"^\s*INSERT(?:\s+OR\s+IGNORE)?\s+INTO\s+temp\.", re.I)
# The team store's write lock (an arbitrary constant, the same for every briefroom): held
# from a write transaction's start (or first write) to its end.  Writers take turns as
# SQLite's do: an ingest's duplicate and cluster look-ups see every other analyst's
# committed articles, and the change sequence (search.store.schema.NEXT_CHANGE) follows
# commit order, which an analyst's index sync relies on.  Readers never wait for it.
WRITE_LOCK = 0x62726677
_PASSWORD = re.compile(r"(://[^:/@\s]*:)[^@\s]*@")
# What `PgConnection.insert_later` holds back: a plain insert of one row's values (into
# a table of the store, or a temporary one: ``temp.name``).
_PLAIN_INSERT = re.compile(
    r"^\s*INSERT\s+(OR\s+IGNORE\s+)?INTO\s+((?:temp\.)?\w+)\s*\(([\w\s,]+)\)\s*"
    r"VALUES\s*\(\s*\?(?:\s*,\s*\?)*\s*\)\s*$",
    re.I,
)
# Statements after which nothing held back may wait: they may delete or change rows of
# any table (a cascade, a schema change) without naming it.
_READS_OR_WRITES = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|WITH)\b", re.I)


class PgIntegrityError(sqlite3.IntegrityError):
    """A constraint of the team store refused a write."""


class PgOperationalError(sqlite3.OperationalError):
    """The team store could not run a statement (server gone, lock, permission)."""


class PgProgrammingError(sqlite3.ProgrammingError):
    """A statement the team store does not understand."""


class PgDatabaseError(sqlite3.DatabaseError):
    """Any other error of the team store."""


def redact(text: str) -> str:
    """``text`` with the password of any URL in it replaced by ``***``."""
    return _PASSWORD.sub(r"\1***@", text)


def _as_sqlite_error(exc: psycopg.Error) -> sqlite3.Error:
    message = redact(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__)
    kind: type[sqlite3.Error]
    if isinstance(exc, psycopg.IntegrityError):
        kind = PgIntegrityError
    elif isinstance(exc, psycopg.ProgrammingError | errors.InsufficientPrivilege):
        kind = (
            PgOperationalError
            if isinstance(exc, errors.InsufficientPrivilege)
            else PgProgrammingError
        )
    elif isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        kind = PgOperationalError
    else:
        kind = PgDatabaseError
    return kind(message)


# The planner's cost of reading a page at random, for a session whose server keeps
# PostgreSQL's default (4, for spinning disks; its documentation suggests 1.1 for solid
# state, and a team store's hot pages are in memory): with the default, a pair summary of
# 1,000-4,000 articles scanned whole tables (person_mentions, article_topics, ...) where
# index look-ups per article are 2-3 times faster (measured on 100,000 articles: the
# summary's queries 316 ms, 220 with it).  A value the server's administrator chose
# (configuration file, database, role) is kept.
_PAGE_COST = (
    "SELECT set_config(name, '1.1', false) FROM pg_settings "
    "WHERE name = 'random_page_cost' AND source = 'default'"
)


def _configure(conn: psycopg.Connection[Any]) -> None:
    """Set up a new connection of the session's (`_PAGE_COST`)."""
    conn.execute(_PAGE_COST)


class _NumberLoader(adapt.Loader):
    """``numeric`` as int when whole, else float (SQLite's types for the same sums)."""

    def load(self, data: Any) -> int | float:
        text = bytes(data).decode()
        if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity"):
            return float(text)
        return int(text)


@dataclass(slots=True)
class _Later:
    """The rows of one plain insert held back by `PgConnection.insert_later`."""

    table: str
    columns: tuple[str, ...]
    statement: str  # all of them as one statement (`_as_one_statement`)
    rows: list[Sequence[Any]] = field(default_factory=list)


@lru_cache(maxsize=256)
def _as_one_statement(sql: str) -> tuple[str, tuple[str, ...], str] | None:
    """A plain insert (``INSERT [OR IGNORE] INTO t (a, b) VALUES (?, ?)``) as one statement
    of PostgreSQL's for any number of rows: ``(table, columns, statement)``, whose one
    parameter is the rows as a JSON array of objects, typed by the table's own row type
    (``json_populate_recordset``).  The text is the same whatever the number of rows, so
    the server plans it once; None for any other statement."""
    found = _PLAIN_INSERT.match(sql)
    if found is None:
        return None
    ignore, table, names = found.groups()
    columns = tuple(name.strip().lower() for name in names.split(","))
    if len(columns) != sql.count("?"):
        return None
    quoted = ", ".join(f'"{name}"' for name in columns)
    named = to_postgres(table)  # the dialect's name of it: "temp.x" is "pg_temp.x"
    statement = (
        f"INSERT INTO {named} ({quoted}) SELECT {quoted} "
        f"FROM json_populate_recordset(NULL::{named}, %s::json)"
    )
    if ignore:
        statement += " ON CONFLICT DO NOTHING"
    return table.lower(), columns, statement


def _as_json(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """``rows`` as a JSON array of objects keyed by ``columns`` (``json_populate_recordset``'s
    argument)."""
    return json.dumps(
        [dict(zip(columns, row, strict=True)) for row in rows],
        ensure_ascii=False, separators=(",", ":"), default=_json_value,
    )  # fmt: skip


def _json_value(value: object) -> object:
    """A value JSON has no type for: bytes as ``bytea``'s text form."""
    if isinstance(value, bytes | bytearray | memoryview):
        return "\\x" + bytes(value).hex()
    raise TypeError(f"cannot write {type(value).__name__} in a batch of rows")


class PgCursor:
    """The part of `sqlite3.Cursor` briefroom uses, over a psycopg cursor."""

    def __init__(
        self,
        owner: PgConnection,
        cursor: psycopg.Cursor[Any],
        inserted: bool,
        rowcount: int | None = None,
    ) -> None:
        self._owner = owner
        self._cursor = cursor
        self._inserted = inserted
        self._rowcount = rowcount  # when known without the server (nothing was sent)

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount if self._rowcount is None else self._rowcount)

    @property
    def lastrowid(self) -> int | None:
        """The id the last INSERT of this connection generated (``lastval()``): the new
        row's identity column, which is what briefroom reads ``lastrowid`` for."""
        if not self._inserted:
            return None
        try:
            row = self._owner.native("SELECT lastval()").fetchone()
        except sqlite3.OperationalError:
            return None
        return None if row is None else int(row[0])

    def fetchone(self) -> Any:
        return self._fetch(self._cursor.fetchone)

    def fetchall(self) -> list[Any]:
        rows = self._fetch(self._cursor.fetchall)
        return [] if rows is None else list(rows)

    def __iter__(self) -> Iterator[Any]:
        # libpq holds a result whole on the client anyway: nothing is lost by listing it.
        return iter(self.fetchall())

    def _fetch(self, fetch: Any) -> Any:
        # In pipeline mode the description is known only once the results are in: ask.
        if self._cursor.description is None and not self._owner.pipelined:
            return None
        try:
            return fetch()
        except psycopg.Error as exc:
            if exc.sqlstate is None and isinstance(exc, psycopg.ProgrammingError):
                return None  # a statement without rows (an INSERT), as sqlite3 gives
            raise _as_sqlite_error(exc) from None


class PgConnection:
    """A PostgreSQL connection that behaves as the `sqlite3.Connection` briefroom uses."""

    def __init__(
        self, conn: psycopg.Connection[Any], display: str, pool: ConnectionPool | None = None
    ) -> None:
        self._conn = conn
        self.display = display
        self._pool = pool  # where `close` gives the connection back to, when pooled
        self._pipeline: AbstractContextManager[psycopg.Pipeline] | None = None
        self._locked = False  # whether this transaction holds `WRITE_LOCK`
        self._ids: dict[tuple[str, str], deque[int]] = {}  # `reserve_id`'s blocks
        self._later: dict[str, _Later] = {}  # `insert_later`'s rows, by statement
        # Tables seen by `search.store.schema.table_exists`: asking the server is a round
        # trip each time (nine per pair summary); forgotten when a table is dropped.
        self.tables_seen: set[str] = set()
        conn.adapters.register_loader("numeric", _NumberLoader)

    @classmethod
    def connect(cls, url: str, *, application: str = "briefroom") -> PgConnection:
        """Connect to ``url`` (libpq's rules: ``.pgpass``, ``PGPASSWORD``, services)."""
        # An unreachable server fails in seconds, not after the system's TCP timeout,
        # unless the URL says otherwise.
        options: dict[str, Any] = {"autocommit": True, "application_name": application}
        if "connect_timeout" not in url:
            options["connect_timeout"] = _CONNECT_TIMEOUT
        pool = _POOLS.get((url, application)) if keeps_connections() else None
        if pool is not None:
            return cls._borrow(pool, url, (url, application))
        try:
            conn = psycopg.connect(url, **options)
            _configure(conn)
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from None
        if keeps_connections():
            # The server answered: from now on its connections are kept for reuse.
            pool = ConnectionPool(url, kwargs=options, min_size=1, max_size=_POOL_SIZE,
                                  check=ConnectionPool.check_connection, open=True,
                                  timeout=_POOL_WAIT, name="briefroom",
                                  configure=_configure)  # fmt: skip
            _POOLS[(url, application)] = pool
            conn.close()
            return cls._borrow(pool, url, (url, application))
        return cls(conn, redact(url))

    @classmethod
    def _borrow(cls, pool: ConnectionPool, url: str, key: tuple[str, str]) -> PgConnection:
        """A connection of ``pool``, checked alive (a server restarted meanwhile is met
        with a new connection).  A server that gives none in `_POOL_WAIT` seconds ends
        the pool: the next open connects afresh and says why it cannot (a search away
        from the server then falls back on the local copy at once, not after a wait)."""
        try:
            return cls(pool.getconn(), redact(url), pool)
        except PoolTimeout:
            _POOLS.pop(key, None)
            pool.close(timeout=0)
            raise PgOperationalError(
                f"{redact(url)}: no answer within {_POOL_WAIT:g} s (server stopped or unreachable)"
            ) from None

    # ------------------------------------------------------------------ sqlite3's surface

    @property
    def pipelined(self) -> bool:
        """Whether statements are being sent without waiting (a BEGIN batch)."""
        return self._pipeline is not None

    @property
    def in_transaction(self) -> bool:
        # UNKNOWN: the connection is lost, and the server rolled back what was open.
        return self._conn.info.transaction_status not in (
            pq.TransactionStatus.IDLE,
            pq.TransactionStatus.UNKNOWN,
        )

    @property
    def lost(self) -> bool:
        """Whether the connection to the server is gone (closed or broken)."""
        return self._conn.info.transaction_status == pq.TransactionStatus.UNKNOWN

    def execute(self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] = (), /) -> PgCursor:
        control = _CONTROL.match(sql)
        if control:
            self._control(control.group(1).upper())
            return PgCursor(self, self._conn.cursor(), False)
        self._send_later(sql)
        write = bool(_WRITE.match(sql))
        if write:
            self._writing(sql)
        elif _DROP.match(sql):
            self.tables_seen.clear()
        try:
            cursor = self._conn.cursor()
            cursor.execute(to_postgres(sql), parameters)
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from None
        return PgCursor(self, cursor, write)

    def executemany(
        self, sql: str, rows: Iterable[Sequence[Any] | Mapping[str, Any]], /
    ) -> PgCursor:
        if _WRITE.match(sql):
            self._writing(sql)
        # Read the rows first: a generator may query this connection itself, which
        # psycopg's pipelined executemany would wait on for ever.
        rows = list(rows)
        if rows:
            self._send_later(sql)
        if not rows:
            # Nothing to send (most of an article's extraction tables): a statement per
            # table and article is the team store's main cost in an ingest.
            return PgCursor(self, self._conn.cursor(), False, rowcount=0)
        scratch = _as_one_statement(sql) if _TEMP_INSERT.match(sql) else None
        try:
            cursor = self._conn.cursor()
            if scratch is None:
                cursor.executemany(to_postgres(sql), rows)
                return PgCursor(self, cursor, False)
            table, columns, statement = scratch
            # `_PLAIN_INSERT` matched `?` placeholders, so each row is a sequence of values
            # (executemany's type also allows mappings, for named placeholders).
            sequences = cast("list[Sequence[Any]]", rows)
            cursor.execute(statement, (_as_json(columns, sequences),))
            self._conn.cursor().execute(to_postgres(f"ANALYZE {table}"))
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from None
        return PgCursor(self, cursor, False)

    def insert_later(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """`executemany` of a plain insert (``INSERT [OR IGNORE] INTO t (a, b) VALUES (?,
        ?)``), whose rows may wait to be sent with the rows of the same statement that
        follow: in a batch (opened with ``BEGIN``), all of them go as one statement
        (`_as_one_statement`) at the batch's end, or before the first statement that
        names the table (a read of it, an update), or before any statement that may
        change rows without naming them (a delete, which may cascade; a schema change).
        The table's rows may only reference rows already written (its parents are not
        held back).  A statement per row, as `executemany` sends, is most of what an
        ingest costs the server and the client; a few hundred articles' rows of one
        table in one statement cost about what one row does.

        Errors (a constraint) surface when the rows are sent, in a batch that is then
        rolled back whole, as any error of a pipelined batch."""
        shape = _as_one_statement(sql) if self.pipelined else None
        if shape is None:
            self.executemany(sql, rows)
            return
        rows = list(rows)
        if not rows:
            return
        self._writing(sql)
        later = self._later.get(sql)
        if later is None:
            table, columns, statement = shape
            later = self._later[sql] = _Later(table, columns, statement)
        later.rows.extend(rows)

    def update_many(
        self, table: str, key: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]
    ) -> None:
        """``UPDATE table SET columns... WHERE key = ?`` for each of ``rows`` (its
        ``columns`` values, then its key; keys distinct), as one statement."""
        rows = list(rows)
        if not rows:
            return
        names = (*columns, key)
        statement = (
            f"UPDATE {table} AS t SET "
            + ", ".join(f'"{name}" = v."{name}"' for name in columns)
            + f' FROM json_populate_recordset(NULL::{table}, %s::json) AS v WHERE t."{key}" = v."{key}"'
        )
        self._writing(statement)
        self.native(statement, (_as_json(names, rows),))

    def _send_later(self, sql: str) -> None:
        """Send the held-back rows that must be written before ``sql``."""
        if not self._later:
            return
        try:
            self._write_later(sql)
        except psycopg.Error as exc:
            self._later.clear()  # the batch fails: it is rolled back
            raise _as_sqlite_error(exc) from None

    def _write_later(self, sql: str | None) -> None:
        """`_send_later` (None: all the rows held back), raising psycopg's errors."""
        if sql is None or not _READS_OR_WRITES.match(sql):
            due = list(self._later)
        else:
            text = sql.lower()
            due = [key for key, later in self._later.items() if later.table in text]
        for key in due:
            later = self._later.pop(key)
            self._conn.cursor().execute(later.statement, (_as_json(later.columns, later.rows),))

    def reserve_id(self, table: str, column: str) -> int:
        """A new value of ``table``'s identity ``column``, for a row about to be inserted
        with it (where SQLite's ``lastrowid`` after the insert is free, PostgreSQL's costs
        a round trip).  Values are drawn from the column's sequence `_ID_BLOCK` at a time
        and never given twice, whoever else inserts meanwhile; a block's unused values
        are gaps, as a rolled-back insert leaves."""
        block = self._ids.get((table, column))
        if not block:
            rows = self.native(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                (table, column, _ID_BLOCK),
            ).fetchall()
            block = self._ids[(table, column)] = deque(sorted(int(r[0]) for r in rows))
        return block.popleft()

    def executescript(self, script: str, /) -> PgCursor:
        """Run a script of statements, committing any open transaction first (as sqlite3).

        ``CREATE INDEX IF NOT EXISTS`` of an index that exists is left out: PostgreSQL
        locks the table before it finds the index there, so the statement would wait for
        every other writer's transaction (another analyst's ingest) to end.
        """
        if self.in_transaction:
            self._control("COMMIT")
        statements = [s for s in script.split(";") if s.strip() and not self._index_exists(s)]
        return self.native(to_postgres(";".join(statements), placeholders=False))

    def _index_exists(self, statement: str) -> bool:
        found = _CREATE_INDEX.match(statement)
        if found is None:
            return False
        row = self.native("SELECT to_regclass(%s)", (found.group(1),)).fetchone()
        return row is not None and row[0] is not None

    def native(
        self, sql: str, parameters: Sequence[Any] | Mapping[str, Any] | None = None
    ) -> PgCursor:
        """Run PostgreSQL's own SQL as it is (no dialect rewrite)."""
        self._send_later(sql)
        if _DROP.match(sql):
            self.tables_seen.clear()
        try:
            cursor = self._conn.cursor()
            cursor.execute(sql, parameters)
        except psycopg.Error as exc:
            raise _as_sqlite_error(exc) from None
        return PgCursor(self, cursor, False)

    def commit(self) -> None:
        if self.in_transaction or self.lost:
            self._control("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction or self.lost:
            self._control("ROLLBACK")

    def close(self) -> None:
        if self._pool is None:
            self._conn.close()
            return
        if self.in_transaction:
            self.rollback()  # nothing left open for the next borrower
        self._pool.putconn(self._conn)

    def __enter__(self) -> PgConnection:
        return self

    def __exit__(self, kind: type[BaseException] | None, *rest: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def _writing(self, sql: str) -> None:
        """Before a write: open a transaction if none is open, and take the write lock
        unless the write only touches temporary tables."""
        if not self.in_transaction:
            self.native("BEGIN")
            self._locked = False
        if not self._locked and not _TEMP_WRITE.match(sql):
            self.native("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            self._locked = True

    def _control(self, word: str) -> None:
        if word == "BEGIN":
            self.native("BEGIN")
            # A batch opened with BEGIN (ingest, re-extraction) holds the write lock from
            # its start: its reads decide its writes (is this article stored already?).
            self.native("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            self._locked = True
            # A batch opened with BEGIN (ingest, re-extraction) is sent in pipeline mode:
            # writes go out without waiting for the server's answer to each, a read waits
            # for what was sent before it.  An error surfaces at the next read or at the
            # end of the batch, which is rolled back as a whole either way.
            self._pipeline = self._conn.pipeline()
            self._pipeline.__enter__()
            return
        ending, self._pipeline = self._pipeline, None
        writing, self._locked = self._locked, False
        if self.lost:
            self._later.clear()
            # The server rolled back what was open; a write must not pass for committed.
            if writing and word != "ROLLBACK":
                raise PgOperationalError(f"{self.display}: the connection to the team store "
                                         "was lost; what was being written was not saved")  # fmt: skip
            return
        try:
            try:
                if word != "ROLLBACK":
                    self._write_later(None)
            finally:
                self._later.clear()  # written, or never to be
                if ending is not None:
                    ending.__exit__(None, None, None)
        except psycopg.Error as exc:
            if self.in_transaction:
                self.native("ROLLBACK")
            raise _as_sqlite_error(exc) from None
        if self.in_transaction:
            self.native("ROLLBACK" if word == "ROLLBACK" else "COMMIT")
