"""Stored meetings: a ``meetings`` table in the archive's SQLite store.

The table is created here (``CREATE TABLE IF NOT EXISTS``) on first write, so the store
schema in `search.store` stays the corpus's own.  Columns added since the first version
(our side, the two delegations) are added with ``ALTER TABLE`` when a write finds them
missing; nothing stored is rewritten, and a meeting stored before briefroom kept our
side reads with ``home = None`` (the configured side is its side).  Reads of a store
that has no meetings table yet, or an older one opened read-only, work too: missing
columns read as empty.

Delegations are matched against the people registry (`search.ingest.registry`) when a meeting
is stored: a known name gets the registry's full name, side and role as of the
meeting's date; an unknown one is kept as typed.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Any

from briefs.meeting_model import Delegate, Meeting
from search.store import Connection, Store, columns, table_exists

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meetings (
    id INTEGER PRIMARY KEY,
    country TEXT NOT NULL,
    date TEXT NOT NULL,
    date_text TEXT NOT NULL DEFAULT '',
    title TEXT,
    place TEXT,
    format TEXT,
    participants TEXT NOT NULL DEFAULT '[]',
    purpose TEXT,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS meetings_date ON meetings (date);
CREATE INDEX IF NOT EXISTS meetings_country ON meetings (country, date);
"""
# Columns added after the first version: (name, declaration).
_ADDED = (
    ("home", "TEXT"),
    ("ours", "TEXT NOT NULL DEFAULT '[]'"),
    ("theirs", "TEXT NOT NULL DEFAULT '[]'"),
    ("author", "TEXT"),
)
_BASE = ("id", "country", "date", "date_text", "title", "place", "format", "participants",
         "purpose")  # fmt: skip


def ensure_table(store: Store) -> None:
    """Create the meetings table, or add the columns it lacks (idempotent).

    Nothing is run when the table is complete: on a team store a writer's role may not
    create tables (`briefroom store init` made them).
    """
    if table_exists(store.conn, "meetings") and {n for n, _ in _ADDED} <= _columns(store.conn):
        return
    with store.conn:
        store.conn.executescript(_SCHEMA)
        have = _columns(store.conn)
        for name, declaration in _ADDED:
            if name not in have:
                store.conn.execute(f"ALTER TABLE meetings ADD COLUMN {name} {declaration}")


def _columns(conn: Connection) -> set[str]:
    return columns(conn, "meetings")


def _has_table(store: Store) -> bool:
    return table_exists(store.conn, "meetings")


def _select(store: Store) -> str:
    """The meeting columns, missing ones (an old store read-only) as NULL."""
    have = _columns(store.conn)
    added = [name if name in have else f"NULL AS {name}" for name, _ in _ADDED]
    outcome = "NULL AS status"
    if table_exists(store.conn, "meeting_outcomes"):
        outcome = (
            "(SELECT o.status FROM meeting_outcomes o WHERE o.meeting = meetings.id "
            "ORDER BY o.id DESC LIMIT 1) AS status"
        )
    return ", ".join([*_BASE, *added, outcome])


def match_delegation(
    store: Store, people: tuple[Delegate, ...], *, side: str | None, day: str
) -> tuple[Delegate, ...]:
    """Match typed names against the people registry (unknown names kept as typed).

    Args:
        people: The delegation as typed.
        side: The side it is (alpha-3): of several people a name may mean, one of
            this side is preferred.
        day: The meeting's date (ISO): roles are given as of that day.
    """
    if not people or not table_exists(store.conn, "people"):
        return people
    from search.ingest.registry import PeopleRegistry

    registry = PeopleRegistry(store.conn)
    out = []
    for delegate in people:
        typed = delegate.typed or delegate.name
        try:
            found = registry.find(typed)
        except sqlite3.Error:
            found = []
        if not found:
            out.append(Delegate(typed, typed))
            continue
        best = next((p for p in found if side and p.country == side), found[0])
        role = registry.role_at(best.id, day) or best.role
        out.append(Delegate(best.name, typed, role, best.country, best.id))
    return tuple(out)


def add_meeting(store: Store, meeting: Meeting, *, match: bool = True) -> Meeting:
    """Store a meeting (its delegations matched against the registry unless ``match`` is
    false); returns it as stored, with its new id."""
    ensure_table(store)
    if match:
        meeting = replace(
            meeting,
            ours=match_delegation(store, meeting.ours, side=meeting.home, day=meeting.date),
            theirs=match_delegation(store, meeting.theirs, side=meeting.country, day=meeting.date),
        )
    from search.ingest.corrections import author as current_user

    author = meeting.author or current_user(store.conn)
    with store.conn:
        cur = store.conn.execute(
            "INSERT INTO meetings (country, date, date_text, title, place, format, participants, "
            "purpose, home, ours, theirs, author) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                meeting.country,
                meeting.date,
                meeting.date_text,
                meeting.title,
                meeting.place,
                meeting.format,
                json.dumps(list(meeting.participants), ensure_ascii=False),
                meeting.purpose,
                meeting.home,
                _dump(meeting.ours),
                _dump(meeting.theirs),
                author,
            ),
        )
    return replace(meeting, id=int(cur.lastrowid or 0), status=None, author=author)


def set_home(store: Store, meeting_id: int, home: str) -> None:
    """Give a meeting stored without our side the side it was meant for (no-op when it
    has one already)."""
    ensure_table(store)
    with store.conn:
        store.conn.execute(
            "UPDATE meetings SET home = ? WHERE id = ? AND home IS NULL", (home, meeting_id)
        )


def _dump(people: tuple[Delegate, ...]) -> str:
    return json.dumps([d.to_dict() for d in people], ensure_ascii=False)


def list_meetings(
    store: Store,
    *,
    country: str | None = None,
    since: date | None = None,
    before: date | None = None,
    home: str | None = None,
) -> list[Meeting]:
    """Stored meetings, soonest first.

    Args:
        country: Only meetings with this counterpart (alpha-3).
        since: Only meetings on or after this day.
        before: Only meetings strictly before this day.
        home: Only meetings of this side, or stored without a side (the configured one).
    """
    if not _has_table(store):
        return []
    clauses, params = [], []
    if country:
        clauses.append("country = ?")
        params.append(country)
    if since:
        clauses.append("date >= ?")
        params.append(since.isoformat())
    if before:
        clauses.append("date < ?")
        params.append(before.isoformat())
    if home and "home" in _columns(store.conn):
        clauses.append("(home IS NULL OR home = ?)")
        params.append(home)
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.conn.execute(
        f"SELECT {_select(store)} FROM meetings {where} ORDER BY date, id", params
    ).fetchall()
    return [_meeting(row) for row in rows]


def get_meeting(store: Store, meeting_id: int) -> Meeting | None:
    """One stored meeting by id."""
    if not _has_table(store):
        return None
    row = store.conn.execute(
        f"SELECT {_select(store)} FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    return None if row is None else _meeting(row)


def find_meeting(store: Store, country: str, day: str, home: str | None = None) -> Meeting | None:
    """The stored meeting with ``country`` on ``day`` (ISO), if there is one (the latest
    added); with ``home``, only one of that side (or stored without a side)."""
    found = [m for m in list_meetings(store, country=country, home=home) if m.date == day]
    return max(found, key=lambda m: m.id or 0) if found else None


def previous_meeting(
    store: Store, country: str, before: date, home: str | None = None
) -> Meeting | None:
    """The latest stored meeting with ``country`` strictly before ``before`` that took
    place: one recorded as postponed or cancelled is not the last meeting.  With
    ``home``, only meetings of that side (or stored without a side)."""
    earlier = list_meetings(store, country=country, before=before, home=home)
    earlier = [m for m in earlier if m.status not in ("postponed", "cancelled")]
    return earlier[-1] if earlier else None


def remove_meeting(store: Store, meeting_id: int) -> bool:
    """Delete a stored meeting and its recorded outcomes; False when there is no meeting
    with this id."""
    if not _has_table(store):
        return False
    with store.conn:
        cur = store.conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
        if cur.rowcount > 0 and table_exists(store.conn, "meeting_outcomes"):
            # Ids may be reused by SQLite: an outcome must not pass to a later meeting.
            store.conn.execute(
                "DELETE FROM meeting_outcome_items WHERE outcome IN "
                "(SELECT id FROM meeting_outcomes WHERE meeting = ?)",
                (meeting_id,),
            )
            store.conn.execute("DELETE FROM meeting_outcomes WHERE meeting = ?", (meeting_id,))
    return cur.rowcount > 0


def _names(value: object) -> tuple[str, ...]:
    try:
        return tuple(str(n) for n in json.loads(str(value)))
    except (ValueError, TypeError):
        return ()


def _people(value: object) -> tuple[Delegate, ...]:
    if value is None:
        return ()
    try:
        loaded = json.loads(str(value))
    except (ValueError, TypeError):
        return ()
    if not isinstance(loaded, list):
        return ()
    return tuple(d for d in (Delegate.from_dict(v) for v in loaded) if d is not None)


def _meeting(row: Sequence[Any]) -> Meeting:  # a sqlite3 row: its values are untyped
    (mid, country, day, date_text, title, place, fmt, participants, purpose, home, ours,
     theirs, author, status) = row  # fmt: skip
    return Meeting(
        country=str(country),
        date=str(day),
        date_text=str(date_text or ""),
        title=title,
        place=place,
        format=fmt,
        participants=_names(participants),
        purpose=purpose,
        id=int(mid),
        home=str(home) if home else None,
        ours=_people(ours),
        theirs=_people(theirs),
        status=str(status) if status else None,
        author=str(author) if author else None,
    )
