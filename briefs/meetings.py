"""Stored meetings: a ``meetings`` table in the archive's SQLite store.

The table is created here (``CREATE TABLE IF NOT EXISTS``) on first write, so the store
schema in `search.store` stays the corpus's own.  Reads of a store that has no meetings
table yet (an old or read-only store) see no meetings.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date

from briefs.meeting import Meeting
from search.store import Store, table_exists

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

_COLUMNS = "id, country, date, date_text, title, place, format, participants, purpose"


def ensure_table(store: Store) -> None:
    """Create the meetings table if the store does not have it yet."""
    with store.conn:
        store.conn.executescript(_SCHEMA)


def _has_table(store: Store) -> bool:
    return table_exists(store.conn, "meetings")


def add_meeting(store: Store, meeting: Meeting) -> Meeting:
    """Store a meeting; returns it with its new id."""
    ensure_table(store)
    with store.conn:
        cur = store.conn.execute(
            "INSERT INTO meetings (country, date, date_text, title, place, format, participants, "
            "purpose) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                meeting.country,
                meeting.date,
                meeting.date_text,
                meeting.title,
                meeting.place,
                meeting.format,
                json.dumps(list(meeting.participants), ensure_ascii=False),
                meeting.purpose,
            ),
        )
    return _replace_id(meeting, int(cur.lastrowid or 0))


def _replace_id(meeting: Meeting, new_id: int) -> Meeting:
    from dataclasses import replace

    return replace(meeting, id=new_id)


def list_meetings(
    store: Store,
    *,
    country: str | None = None,
    since: date | None = None,
    before: date | None = None,
) -> list[Meeting]:
    """Stored meetings, soonest first.

    Args:
        country: Only meetings with this counterpart (alpha-3).
        since: Only meetings on or after this day.
        before: Only meetings strictly before this day.
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
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    rows = store.conn.execute(
        f"SELECT {_COLUMNS} FROM meetings {where} ORDER BY date, id", params
    ).fetchall()
    return [_meeting(row) for row in rows]


def get_meeting(store: Store, meeting_id: int) -> Meeting | None:
    """One stored meeting by id."""
    if not _has_table(store):
        return None
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM meetings WHERE id = ?", (meeting_id,)
    ).fetchone()
    return None if row is None else _meeting(row)


def find_meeting(store: Store, country: str, day: str) -> Meeting | None:
    """The stored meeting with ``country`` on ``day`` (ISO), if there is one (the latest added)."""
    if not _has_table(store):
        return None
    row = store.conn.execute(
        f"SELECT {_COLUMNS} FROM meetings WHERE country = ? AND date = ? ORDER BY id DESC LIMIT 1",
        (country, day),
    ).fetchone()
    return None if row is None else _meeting(row)


def previous_meeting(store: Store, country: str, before: date) -> Meeting | None:
    """The latest stored meeting with ``country`` strictly before ``before``."""
    earlier = list_meetings(store, country=country, before=before)
    return earlier[-1] if earlier else None


def remove_meeting(store: Store, meeting_id: int) -> bool:
    """Delete a stored meeting; False when there is no meeting with this id."""
    if not _has_table(store):
        return False
    with store.conn:
        cur = store.conn.execute("DELETE FROM meetings WHERE id = ?", (meeting_id,))
    return cur.rowcount > 0


def _meeting(row: tuple[object, ...] | sqlite3.Row) -> Meeting:
    mid, country, day, date_text, title, place, fmt, participants, purpose = row
    try:
        names = tuple(str(n) for n in json.loads(str(participants)))
    except (ValueError, TypeError):
        names = ()
    return Meeting(
        country=str(country),
        date=str(day),
        date_text=str(date_text or ""),
        title=title,  # type: ignore[arg-type]
        place=place,  # type: ignore[arg-type]
        format=fmt,  # type: ignore[arg-type]
        participants=names,
        purpose=purpose,  # type: ignore[arg-type]
        id=int(mid),  # type: ignore[call-overload]
    )
