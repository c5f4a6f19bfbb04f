"""Copying a whole store into an empty one (`briefroom store copy --to TARGET`).

A personal archive file moves into the team store, the team store comes down to a file
for a laptop, or a file is copied to another file: the engines may differ, the rows may
not.  What is copied, and how:

- Every table of the source, found in its catalogue (a table or a column added later
  needs nothing here), in an order where a table comes after the tables it references
  (articles before their extractions, people before ``people_sides``).  The columns are
  those both tables have, by name (`search.store.schema.columns`).
- Each row keeps its key: SQLite's ``rowid`` (PostgreSQL's ``rowid`` column, which
  `search.store.dialect` gives every table SQLite numbers), an ``INTEGER PRIMARY KEY``,
  or a composite primary key.  Every reference between tables (``article``, ``person``,
  ``outcome``, a correction's target) stays valid, and queries that order by ``rowid``
  give the same order.  ``articles.indexed`` is written as 0: the target's analysts
  build their own search index from the store.
- In batches, each committed with the last key it copied (meta ``copy_table:NAME``),
  so a copy killed at any moment resumes where it stopped.  The target records, before
  the first batch, which store it is a copy of and what that store looked like
  (``copy_source``), and when it finished (``copy_done``): a rerun of a finished copy
  is a no-op, and a resume from a source that changed in between is refused.
- The source is read in one snapshot (one read transaction), so an ingest running
  meanwhile cannot leave an extraction without its article.
- On PostgreSQL, the identity columns that stand for SQLite's row numbers are written
  with ``OVERRIDING SYSTEM VALUE``, and their sequences are moved past the largest key
  when a table is finished (in the transaction that marks it so): later inserts (an
  ingest, a meeting, a correction) take new numbers instead of colliding.
- The pair table's per-country counts (``article_mentions_counts``) are kept by
  triggers (`search.store.pair_table`), which count the copied ``article_mentions``
  rows as they arrive, so the count table is not copied batch by batch (its rows would
  be counted twice).  Once every table is copied it is replaced whole by the source's
  rows, in one transaction: exactly the source's, a country whose rows were all
  deleted keeping its 0 as it does there.
"""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from search.store.connection import Store, StoreError
from search.store.copy_plan import COUNTS, Plan, count, make_plan, quoted, tables, tables_in_order
from search.store.engine import Connection, is_postgres, is_store_url
from search.store.schema import columns, table_exists

# Rows per batch: each batch is one transaction on the target.
COPY_BATCH = 2000

# Told after each batch: (table, rows of it in the target, rows of it in the source).
Progress = Callable[[str, int, int], object]

_SOURCE = "copy_source"
_DONE = "copy_done"
_TABLE = "copy_table:"
_FINISHED = "done"
# Meta keys that describe the store itself (its version, its identity, the state of an
# analyst's index of it), not its contents: the target keeps its own.
_OWN_META = frozenset({"store_version", "store_id", "index_commit_started"})
_USER = re.compile(r"://[^@/]*@")
_CURSOR = "briefroom_copy"


@dataclass(frozen=True, slots=True)
class CopyReport:
    """What a copy did.

    Attributes:
        source: The source store (a file, or a URL without its password).
        target: The target store.
        rows: Rows of each table in the target once copied, in the order copied.
        copied: Rows this run copied (less than their sum when it resumed).
        resumed: This run finished a copy an earlier run started.
        already_complete: The target was already a finished copy: nothing was done.
        changed_since: With ``already_complete``: the source has changed since.
        seconds: How long it took.
    """

    source: str
    target: str
    rows: tuple[tuple[str, int], ...]
    copied: int
    resumed: bool = False
    already_complete: bool = False
    changed_since: bool = False
    seconds: float = 0.0

    def summary(self) -> str:
        """One line for the command line: what the target holds, and what comes next."""
        counts = ", ".join(f"{n:,} {table}" for table, n in self.rows if n) or "no rows"
        if self.already_complete:
            changed = (
                "; the source has changed since: to copy it as it is now, copy it into an "
                "empty store"
                if self.changed_since
                else ""
            )
            return (
                f"{self.target}: already a complete copy of {self.source} ({counts}); "
                f"nothing to do{changed}"
            )
        how = "finished the interrupted copy of" if self.resumed else "copied"
        return (
            f"{how} {self.source} -> {self.target} in {self.seconds:.1f} s: {counts}. "
            "Its analysts build their search index at their first search."
        )


# --------------------------------------------------------------------------- the copy


def copy_store(
    source: Store,
    target: Store,
    *,
    batch: int = COPY_BATCH,
    progress: Progress | None = None,
) -> CopyReport:
    """Copy every table of ``source`` into ``target``, which is empty or an interrupted
    copy of ``source`` (resumed).

    Raises:
        StoreError: the target holds something else, the two stores differ in version,
            the target's role may not do what a copy needs, or a statement failed (what
            was committed is kept: the same copy resumes).
    """
    started = time.monotonic()
    try:
        with _snapshot(source):
            return _copy(source, target, max(1, batch), progress, started)
    except sqlite3.Error as exc:
        raise StoreError(
            f"{target.location}: the copy stopped ({exc}); what was copied is kept, and "
            "running the same copy again resumes it"
        ) from None


def _copy(
    source: Store, target: Store, batch: int, progress: Progress | None, started: float
) -> CopyReport:
    """`copy_store` inside the source's snapshot."""
    _check_pair(source, target)
    names = tables_in_order(source.conn, target)
    plans = [make_plan(source.conn, target, name) for name in names]
    state = _state(source, names)
    recorded = target.get_meta(_SOURCE)
    if recorded is not None and target.get_meta(_DONE) is not None and _same(recorded, state):
        return _complete(source, target, names, changed=_changed(recorded, state))
    _start(source, target, recorded, state)
    copied = sum(_copy_table(source.conn, target, plan, batch, progress) for plan in plans)
    copied += _replace_counts(source.conn, target)
    _finish(source.conn, target.conn)
    return CopyReport(
        source.location,
        target.location,
        _rows(target.conn, [*names, COUNTS]),
        copied,
        resumed=recorded is not None,
        seconds=time.monotonic() - started,
    )


def _same(recorded: str, state: str) -> bool:
    """Whether two recorded states are of one store (whatever its contents)."""
    return bool(json.loads(recorded)["store"] == json.loads(state)["store"])


def _changed(recorded: str, state: str) -> bool:
    """Whether the store's contents differ between two recorded states."""
    return bool(json.loads(recorded)["rows"] != json.loads(state)["rows"])


def _start(source: Store, target: Store, recorded: str | None, state: str) -> None:
    """Record which store the target is a copy of (a new copy into an empty target), or
    check that an unfinished copy is of this source as it is now (a resume)."""
    if recorded is None:
        _require_empty(target)
        target.set_meta(_SOURCE, state)
    elif not _same(recorded, state):
        raise StoreError(
            f"{target.location}: a copy of another store ({json.loads(recorded)['where']}; "
            f"{_held(target)}); store copy fills an empty store"
        )
    elif _changed(recorded, state):
        raise StoreError(
            f"{target.location}: holds an unfinished copy of {source.location}, which has "
            "changed since; empty the target and copy again"
        )


def _complete(source: Store, target: Store, names: list[str], *, changed: bool) -> CopyReport:
    """The report of a rerun of a finished copy."""
    return CopyReport(
        source.location,
        target.location,
        _rows(target.conn, [*names, COUNTS]),
        0,
        already_complete=True,
        changed_since=changed,
    )


@contextmanager
def _snapshot(store: Store) -> Iterator[None]:
    """Read ``store`` in one snapshot while inside (one read transaction), without
    memory-mapping a file (`Store.bulk_pass`: the copy passes over all of it)."""
    with store.bulk_pass(), store.snapshot():
        yield


def _check_pair(source: Store, target: Store) -> None:
    """Refuse two stores that cannot be copied one into the other."""
    if _identity(source) == _identity(target):
        raise StoreError(f"{target.location}: is the store being copied")
    found, wanted = source.get_meta("store_version"), target.get_meta("store_version")
    if found != wanted:
        raise StoreError(
            f"{source.location}: store version {found}, the target's is {wanted}; open the "
            "source once with this briefroom (it brings it up to date), then copy"
        )
    if target.shared:
        target.require_writable("a copy into it")


def _identity(store: Store) -> str:
    """Who a store is: its id when it has one, else where it is (a file's absolute path,
    a URL without its user: two analysts' URLs of one database name the same store)."""
    found = store.get_meta("store_id")
    if found:
        return found
    if store.path is not None:
        return str(store.path.resolve())
    return _USER.sub("://", store.location)


def _state(source: Store, names: list[str]) -> str:
    """The source's identity, where it is, and a fingerprint of its contents (rows and
    largest key of its articles, meetings and corrections), as the target records it."""
    sizes: dict[str, Any] = {}
    for name in ("articles", "meetings", "corrections"):
        if name in names:
            key = "rowid" if name == "articles" else "id"
            row = source.conn.execute(f"SELECT count(*), max({key}) FROM {name}").fetchone()
            sizes[name] = [row[0], row[1]]
    if "articles" in names and "changed" in columns(source.conn, "articles"):
        sizes["changed"] = source.conn.execute("SELECT max(changed) FROM articles").fetchone()[0]
    state = {"store": _identity(source), "where": source.location, "rows": sizes}
    return json.dumps(state, sort_keys=True)


def _require_empty(target: Store) -> None:
    """Refuse a target that holds anything: a copy keeps the source's keys, which would
    collide with its rows."""
    for name in tables(target.conn):
        if name == "meta":
            continue
        if target.conn.execute(f"SELECT 1 FROM {quoted(name)} LIMIT 1").fetchone() is not None:
            raise StoreError(
                f"{target.location}: not empty ({_held(target, name)}); "
                "store copy fills an empty store"
            )


def _held(target: Store, table: str | None = None) -> str:
    """What a target holds, for a refusal: ``it holds 1,234 articles, 2 meetings``."""
    articles = count(target.conn, "articles")
    held = [f"{articles:,} article{'' if articles == 1 else 's'}"]
    for other in ("meetings", "corrections"):
        n = count(target.conn, other) if table_exists(target.conn, other) else 0
        held += [f"{n:,} {other[:-1] if n == 1 else other}"] if n else []
    if held == ["0 articles"] and table is not None:
        held.append(f"rows in {table}")
    return "it holds " + ", ".join(held)


# --------------------------------------------------------------------------- one table


def _copy_table(
    source: Connection, target: Store, plan: Plan, batch: int, progress: Progress | None
) -> int:
    """Copy one table from where an earlier run stopped; the rows copied."""
    total = count(source, plan.name)
    mark = target.get_meta(_TABLE + plan.name)
    if mark == _FINISHED:
        _tell(progress, plan.name, total, total)
        return 0
    after = None if mark is None else tuple(json.loads(mark))
    done = count(target.conn, plan.name)
    _tell(progress, plan.name, done, total)
    copied = 0
    for rows in _batches(source, plan, after, batch):
        _write_batch(target.conn, plan, rows)
        copied += len(rows)
        _tell(progress, plan.name, done + copied, total)
    _finish_table(target.conn, plan)
    return copied


def _tell(progress: Progress | None, table: str, done: int, total: int) -> None:
    if progress is not None:
        progress(table, done, total)


def _batches(
    conn: Connection, plan: Plan, after: tuple[Any, ...] | None, size: int
) -> Iterator[list[Any]]:
    """The source's rows of a table in key order, after ``after``, ``size`` at a time.

    One query per table, read as it goes: SQLite steps a cursor; PostgreSQL reads a
    server-side cursor, since its client would hold a whole result in memory, and
    keyset pages would sort a table without an index on its key (``rowid`` of the
    extraction tables) once per page.
    """
    names = ", ".join(quoted(c) for c in plan.columns)
    key = ", ".join(quoted(c) for c in plan.key)
    mark = "%s" if is_postgres(conn) else "?"
    where = f" WHERE ({key}) > ({', '.join([mark] * len(plan.key))})" if after else ""
    sql = f"SELECT {names} FROM {quoted(plan.name)}{where} ORDER BY {key}"
    params = list(after or ())
    if isinstance(conn, sqlite3.Connection):
        cursor = conn.execute(sql, params)
        while rows := cursor.fetchmany(size):
            yield rows
        return
    conn.native(f"DECLARE {_CURSOR} NO SCROLL CURSOR FOR {sql}", params or None)
    while rows := conn.native(f"FETCH FORWARD {size} FROM {_CURSOR}").fetchall():
        yield rows
    conn.native(f"CLOSE {_CURSOR}")


def _write_batch(conn: Connection, plan: Plan, rows: list[Any]) -> None:
    """Write one batch and how far the table has come, in one transaction."""
    with conn:
        conn.executemany(plan.insert, [_converted(plan, row) for row in rows])
        _set_meta(conn, _TABLE + plan.name, json.dumps(list(rows[-1][: len(plan.key)])))


def _converted(plan: Plan, row: Sequence[Any]) -> Sequence[Any]:
    """A source row as the target stores it (booleans, reset columns)."""
    if not plan.booleans and not plan.resets:
        return row
    values = list(row)
    for at in plan.booleans:
        if values[at] is not None:
            values[at] = bool(values[at])
    for at, value in plan.resets:
        values[at] = value
    return values


def _finish_table(conn: Connection, plan: Plan) -> None:
    """Mark a table finished and move its sequences past its largest key, together."""
    with conn:
        _set_meta(conn, _TABLE + plan.name, _FINISHED)
        if is_postgres(conn):
            for column, sequence in plan.sequences:
                largest = f"coalesce(max({quoted(column)}), 0)"
                conn.native(
                    f"SELECT setval(%s::regclass, GREATEST({largest} + 1, 1), false) "
                    f"FROM {quoted(plan.name)}",
                    (sequence,),
                )


def _replace_counts(source: Connection, target: Store) -> int:
    """The pair table's per-country counts, replaced whole by the source's (see the
    module's docstring): the triggers counted the copied rows on the way.  The rows
    copied."""
    if target.get_meta(_TABLE + COUNTS) == _FINISHED:
        return 0
    if not (table_exists(source, COUNTS) and table_exists(target.conn, COUNTS)):
        return 0
    rows = source.execute(f"SELECT code, n FROM {COUNTS}").fetchall()
    with target.conn:
        target.conn.execute(f"DELETE FROM {COUNTS}")
        target.conn.executemany(f"INSERT INTO {COUNTS} (code, n) VALUES (?, ?)", rows)
        _set_meta(target.conn, _TABLE + COUNTS, _FINISHED)
    return len(rows)


def _finish(source: Connection, target: Connection) -> None:
    """Copy the source's meta values (bar the store's own) and mark the copy done."""
    rows = source.execute("SELECT key, value FROM meta").fetchall()
    with target:
        for key, value in rows:
            if key not in _OWN_META and not str(key).startswith("copy_"):
                _set_meta(target, str(key), str(value))
        _set_meta(target, _DONE, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))


def _set_meta(conn: Connection, key: str, value: str) -> None:
    """`Store.set_meta` inside the caller's transaction."""
    conn.execute(
        "INSERT INTO meta (key, value) VALUES (?, ?) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, value),
    )


def _rows(conn: Connection, names: list[str]) -> tuple[tuple[str, int], ...]:
    """Rows of each of the tables that exist."""
    return tuple((name, count(conn, name)) for name in names if table_exists(conn, name))


# --------------------------------------------------------------------------- the target


def open_target(location: str | Path) -> Store:
    """The store to copy into: a team store's URL, or a file that is new or a briefroom
    store (made or brought up to date by `Store.open`).

    Raises:
        StoreError: a symbolic link, or an existing file that is not a briefroom store
            (a copy never writes over something else), or a store that cannot be opened.
    """
    if is_store_url(location):
        return Store.open(str(location))
    path = Path(location).expanduser()
    if path.is_symlink():
        raise StoreError(f"{path}: a symbolic link; copy into a store file itself")
    if path.exists() and not _is_store_file(path):
        raise StoreError(
            f"{path}: exists and is not a briefroom store; store copy fills a new or empty one"
        )
    return Store.open(path)


def _is_store_file(path: Path) -> bool:
    """Whether ``path`` is a SQLite file with briefroom's version in its meta table."""
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return row is not None
