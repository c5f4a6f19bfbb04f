"""After the meeting: its outcome as the user records it, and what the archive takes from it.

An outcome says whether a stored meeting was held, postponed or cancelled, with a note,
the items agreed and the follow-ups (``WHO: WHAT by DATE``).  Outcomes live in two
tables created here idempotently (``meeting_outcomes``, ``meeting_outcome_items``).
Recording an outcome again adds a new record; the latest one is in force and the
earlier ones are kept, so nothing recorded is lost.

A held meeting becomes an engagement of the pair (`recorded_engagements`: marked as
recorded by the user, with both delegations), and its agreed items enter the pair's
commitments register with their owner and due date (`recorded_commitments`).  Both are
cited to the meeting record itself (article id ``meeting:ID``), so every line that comes
from the user's record says so.  The next brief's follow-ups start from the outcome of
the last meeting (`briefs.brief_record`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from briefs.commitments import CommitmentEntry
from briefs.engagements import SAME_DAYS, Engagement
from briefs.evidence import Source
from briefs.meeting_dates import MeetingDateError, resolve_date
from briefs.meeting_model import Meeting
from briefs.meeting_store import ensure_table, get_meeting, list_meetings, set_home
from search.store import Connection, Store, table_exists

STATUSES = ("held", "postponed", "cancelled")
AGREED = "agreed"
FOLLOW_UP = "follow-up"
# The engagement types of the ledger (`search.ingest.corrections.ENGAGEMENT_TYPES`).
_ENGAGEMENT_TYPES = ("meeting", "call", "visit", "consultations", "signing", "multilateral")
RECORDED_BY = "briefroom (recorded by the user)"
_BY = re.compile(r"\s+by\s+", re.I)
_OUR_WORDS = frozenset({"we", "us", "our side", "ours", "our"})
_THEIR_WORDS = frozenset({"they", "them", "their side", "theirs", "their"})
_BOTH_WORDS = frozenset({"both", "both sides", "joint", "jointly", "the sides", "all"})

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meeting_outcomes (
    id INTEGER PRIMARY KEY,
    meeting INTEGER NOT NULL,
    status TEXT NOT NULL,
    note TEXT,
    author TEXT,
    recorded_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX IF NOT EXISTS meeting_outcomes_meeting ON meeting_outcomes (meeting, id);
CREATE TABLE IF NOT EXISTS meeting_outcome_items (
    id INTEGER PRIMARY KEY,
    outcome INTEGER NOT NULL REFERENCES meeting_outcomes (id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    owner TEXT,
    due TEXT,
    typed TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS meeting_outcome_items_outcome ON meeting_outcome_items (outcome, seq);
"""


class OutcomeError(ValueError):
    """An outcome that cannot be recorded; the message names the field, in one line."""


@dataclass(frozen=True, slots=True)
class OutcomeItem:
    """An item agreed, or a follow-up.

    Attributes:
        kind: ``agreed`` or ``follow-up``.
        text: What (``send the draft MoU``).
        owner: Who follows it up (a name, a side, an office), when said.
        due: By when (ISO day), when said.
        typed: The item as the user typed it.
    """

    kind: str
    text: str
    owner: str | None = None
    due: str | None = None
    typed: str = ""

    def overdue(self, as_of: date) -> bool:
        """True when its due day is before ``as_of``."""
        return bool(self.due) and str(self.due) < as_of.isoformat()

    def describe(self) -> str:
        """``Halvorsen: send the draft MoU (due 2025-07-01)``."""
        text = f"{self.owner}: {self.text}" if self.owner else self.text
        return text + (f" (due {self.due})" if self.due else "")


@dataclass(frozen=True, slots=True)
class Outcome:
    """A meeting's recorded outcome.

    Attributes:
        meeting: The meeting's id.
        status: ``held``, ``postponed`` or ``cancelled``.
        note: The user's note.
        items: Agreed items and follow-ups, in the order given.
        id: The record's id (None until stored).
        author: Who recorded it.
        recorded_at: When (UTC, ISO).
    """

    meeting: int
    status: str
    note: str | None = None
    items: tuple[OutcomeItem, ...] = ()
    id: int | None = None
    author: str | None = None
    recorded_at: str | None = None

    @property
    def agreed(self) -> tuple[OutcomeItem, ...]:
        """The items agreed."""
        return tuple(i for i in self.items if i.kind == AGREED)

    @property
    def follow_ups(self) -> tuple[OutcomeItem, ...]:
        """The follow-ups."""
        return tuple(i for i in self.items if i.kind == FOLLOW_UP)


# --------------------------------------------------------------------------- parsing


DateReader = Callable[[str], date]


def date_reader(
    as_of: date, *, languages: tuple[str, ...] = ("en",), day_order: str = "DMY"
) -> DateReader:
    """A due-date reader with the configured languages and day order, anchored at
    ``as_of`` (`briefs.meeting_dates.resolve_date`): a phrase naming a period ("June",
    "end of month") means its last day; one that is no date raises `MeetingDateError`."""

    def read(text: str) -> date:
        resolution = resolve_date(text, as_of=as_of, languages=languages, day_order=day_order)
        if resolution.day is not None:
            return resolution.day
        if resolution.end is not None and resolution.start is not None:
            if any(n.startswith("if you mean this month") for n in resolution.notes):
                # "by June" said in June: this June, not next year's.
                return resolution.end.replace(year=as_of.year)
            return resolution.end  # "by June": by the end of it
        raise MeetingDateError(resolution.problem())

    return read


def parse_follow_up(text: str, read_date: DateReader, field: str = "--follow-up") -> OutcomeItem:
    """Read ``"WHO: WHAT by DATE"``.

    Raises:
        OutcomeError: no owner, no task, no due date, or a date that is not one (the
            message names ``field``).
    """
    typed = " ".join(str(text).split())
    example = 'e.g. "Halvorsen: send the draft MoU by 1 July"'
    who, colon, rest = typed.partition(":")
    if not colon or not who.strip():
        raise OutcomeError(f"{field} {typed!r}: give WHO: WHAT by DATE ({example})")
    parts = _BY.split(rest)
    if len(parts) < 2:
        raise OutcomeError(f"{field} {typed!r}: no due date (end with 'by DATE'; {example})")
    what, when = " by ".join(parts[:-1]).strip(" ,;"), parts[-1].strip(" .")
    if not what:
        raise OutcomeError(f"{field} {typed!r}: nothing to do before 'by' ({example})")
    try:
        due = read_date(when)
    except MeetingDateError as exc:
        raise OutcomeError(f"{field} {typed!r}: due date {' '.join(str(exc).split())}") from None
    return OutcomeItem(FOLLOW_UP, what, " ".join(who.split()), due.isoformat(), typed)


def parse_agreed(text: str, read_date: DateReader, field: str = "--agreed") -> OutcomeItem:
    """An agreed item: free text, optionally ``WHO: WHAT`` and ``by DATE`` as a follow-up.

    Raises:
        OutcomeError: empty, or a ``by DATE`` that is no date (naming ``field``).
    """
    typed = " ".join(str(text).split())
    if not typed:
        raise OutcomeError(f"{field}: empty (say what was agreed)")
    owner: str | None = None
    what = typed
    who, colon, rest = typed.partition(":")
    if colon and who.strip() and rest.strip() and len(who.split()) <= 5:
        owner, what = " ".join(who.split()), rest.strip()
    due: str | None = None
    parts = _BY.split(what)
    if len(parts) >= 2 and parts[-1].strip():
        try:
            due = read_date(parts[-1].strip(" .")).isoformat()
            what = " by ".join(parts[:-1]).strip(" ,;")
        except MeetingDateError:
            due = None  # "agreed by both sides": not a date, part of the text
    if not what:
        raise OutcomeError(f"{field} {typed!r}: nothing agreed before 'by'")
    return OutcomeItem(AGREED, what, owner, due, typed)


# --------------------------------------------------------------------------- store


def ensure_tables(store: Store) -> None:
    """Create the outcome tables if the store does not have them yet (idempotent)."""
    ensure_table(store)
    if all(table_exists(store.conn, t) for t in ("meeting_outcomes", "meeting_outcome_items")):
        return  # made: a team store's writer may not create tables
    with store.conn:
        store.conn.executescript(_SCHEMA)


def record_outcome(
    store: Store, outcome: Outcome, *, home: str | None = None, author: str | None = None
) -> Outcome:
    """Store an outcome (in one transaction); an earlier one for the meeting is kept but
    no longer in force.

    Args:
        outcome: The outcome.
        home: Our side; given to a meeting stored without one, so that its record
            stays with this pair whatever side is configured later.
        author: Who records it (default: the team store's role, else the operating-system
            user).

    Raises:
        OutcomeError: no such meeting, or an unknown status.
    """
    if outcome.status not in STATUSES:
        raise OutcomeError(f"--status: {outcome.status!r} is not one of {', '.join(STATUSES)}")
    meeting = get_meeting(store, outcome.meeting)
    if meeting is None:
        raise OutcomeError(f"no meeting {outcome.meeting} (see: briefroom meetings list --all)")
    if author is None:
        from search.ingest.corrections import author as current_user

        author = current_user(store.conn)
    ensure_tables(store)
    if home and meeting.home is None:
        set_home(store, outcome.meeting, home)
    with store.conn:
        cur = store.conn.execute(
            "INSERT INTO meeting_outcomes (meeting, status, note, author) VALUES (?, ?, ?, ?)",
            (outcome.meeting, outcome.status, outcome.note, author),
        )
        new_id = int(cur.lastrowid or 0)
        store.conn.executemany(
            "INSERT INTO meeting_outcome_items (outcome, seq, kind, text, owner, due, typed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (new_id, seq, i.kind, i.text, i.owner, i.due, i.typed or i.text)
                for seq, i in enumerate(outcome.items)
            ],
        )
    found = get_outcome(store, outcome.meeting)
    assert found is not None
    return found


def get_outcome(store: Store, meeting_id: int) -> Outcome | None:
    """The outcome in force for a meeting (the latest recorded), or None."""
    found = outcomes(store, [meeting_id])
    return found.get(meeting_id)


def outcome_history(store: Store, meeting_id: int) -> list[Outcome]:
    """Every outcome recorded for a meeting, oldest first (the last one is in force)."""
    if not table_exists(store.conn, "meeting_outcomes"):
        return []
    rows = store.conn.execute(
        "SELECT id, meeting, status, note, author, recorded_at FROM meeting_outcomes "
        "WHERE meeting = ? ORDER BY id",
        (meeting_id,),
    ).fetchall()
    return [_outcome(store.conn, row) for row in rows]


def outcomes(store: Store, meeting_ids: list[int] | None = None) -> dict[int, Outcome]:
    """Meeting id -> the outcome in force (every meeting's, or only these)."""
    if not table_exists(store.conn, "meeting_outcomes"):
        return {}
    sql = (
        "SELECT id, meeting, status, note, author, recorded_at FROM meeting_outcomes o "
        "WHERE id = (SELECT max(id) FROM meeting_outcomes x WHERE x.meeting = o.meeting)"
    )
    params: list[int] = []
    if meeting_ids is not None:
        if not meeting_ids:
            return {}
        sql += f" AND meeting IN ({','.join('?' * len(meeting_ids))})"
        params = list(meeting_ids)
    return {int(row[1]): _outcome(store.conn, row) for row in store.conn.execute(sql, params)}


def _outcome(conn: Connection, row: Sequence[Any]) -> Outcome:  # untyped sqlite3 row
    outcome_id, meeting, status, note, author, recorded_at = row
    items = tuple(
        OutcomeItem(str(kind), str(text), owner, due, str(typed or ""))
        for kind, text, owner, due, typed in conn.execute(
            "SELECT kind, text, owner, due, typed FROM meeting_outcome_items WHERE outcome = ? "
            "ORDER BY seq",
            (outcome_id,),
        )
    )
    return Outcome(
        meeting=int(meeting),
        status=str(status),
        note=str(note) if note else None,
        items=items,
        id=int(outcome_id),
        author=str(author) if author else None,
        recorded_at=str(recorded_at) if recorded_at else None,
    )


# --------------------------------------------------------------------------- the archive


def record_source(meeting: Meeting, home: str, sentence: str) -> Source:
    """The citation of a line of the user's record of a meeting."""
    from search.extract.countries import country_name

    title = meeting.title or f"Meeting with {country_name(meeting.country)}"
    return Source(
        article=f"meeting:{meeting.id}",
        title=f"{title}, {meeting.date} (outcome recorded in briefroom)",
        source=RECORDED_BY,
        date=meeting.date,
        sentence=" ".join(sentence.split()),
        countries=(home, meeting.country),
    )


def held_meetings(store: Store, a: str, b: str) -> list[tuple[Meeting, Outcome]]:
    """The meetings between ``a`` and ``b`` recorded as held (either may be our side),
    oldest first.  A meeting stored without our side has none to pair with and is left
    out until its outcome gives it one (`record_outcome`)."""
    found = outcomes(store)
    if not found:
        return []
    held = []
    for meeting in list_meetings(store):
        outcome = found.get(meeting.id or 0)
        if outcome is None or outcome.status != "held" or meeting.home is None:
            continue
        if {meeting.home, meeting.country} == {a, b}:
            held.append((meeting, outcome))
    return held


def _summary_sentence(meeting: Meeting, outcome: Outcome) -> str:
    from briefs.wording import end_sentence  # "in Washington, D.C." keeps one period
    from search.extract.countries import country_name

    kind = meeting.format or "meeting"
    text = f"{kind.capitalize()} with {country_name(meeting.country)} held on {meeting.date}"
    if meeting.place:
        text += f" in {meeting.place}"
    text = end_sentence(text)
    if outcome.note:
        text += " " + " ".join(outcome.note.split())
    return text


def recorded_engagement(meeting: Meeting, outcome: Outcome, a: str, b: str) -> Engagement:
    """A held meeting as an engagement of the pair ``a``/``b`` (recorded by the user)."""
    home = meeting.home or a
    kind = meeting.format if meeting.format in _ENGAGEMENT_TYPES else "meeting"
    ours = tuple(d.name for d in meeting.ours)
    theirs = meeting.attendees(as_typed=False)
    roles = {d.name: d.role for d in (*meeting.ours, *meeting.theirs) if d.role}
    named = {home: ours, meeting.country: theirs}
    source = record_source(meeting, home, _summary_sentence(meeting, outcome))
    return Engagement(
        date=meeting.date,
        type=kind,
        place=meeting.place,
        participants={side: named.get(side, ()) for side in (a, b)},
        topics=(),
        sources=(source,),
        roles=roles,
        articles=(source.article,),
        status="main",
        sides=(home, meeting.country),
        by_analyst=True,
        recorded=True,
    )


def recorded_engagements(
    store: Store, a: str, b: str, holds: Callable[[str | None], bool] | None = None
) -> list[Engagement]:
    """The pair's held meetings as engagements (``holds``: a window on their dates)."""
    out = []
    for meeting, outcome in held_meetings(store, a, b):
        if holds is None or holds(meeting.date):
            out.append(recorded_engagement(meeting, outcome, a, b))
    return out


def merge_recorded(
    ledger: tuple[Engagement, ...], recorded: list[Engagement]
) -> tuple[tuple[Engagement, ...], int]:
    """Put the recorded meetings into the ledger, newest first: an extracted report of the
    same meeting (same pair, at most `SAME_DAYS` apart) joins the user's record (its
    sources and topics are kept under it).  Returns the ledger and how many entries the
    merge added."""
    if not recorded:
        return ledger, 0
    rest = list(ledger)
    merged = []
    for entry in recorded:
        same = [e for e in rest if e.status == "main" and not e.recorded and _near(e, entry)]
        for e in same:
            rest.remove(e)
        if same:
            entry = replace(
                entry,
                sources=(*entry.sources, *(s for e in same for s in e.sources)),
                articles=(*entry.articles, *(a for e in same for a in e.articles)),
                topics=tuple(dict.fromkeys(t for e in same for t in e.topics)),
                reports=tuple(r for e in same for r in e.reports),
                roles={**{k: v for e in same for k, v in e.roles.items()}, **entry.roles},
            )
        merged.append(entry)
    out = sorted((*merged, *rest), key=lambda e: e.date or "", reverse=True)
    return tuple(out), len(out) - len(ledger)


def _near(extracted: Engagement, recorded: Engagement) -> bool:
    if not extracted.date or not recorded.date or len(extracted.date) < 10:
        return False
    try:
        days = abs(
            (date.fromisoformat(extracted.date[:10]) - date.fromisoformat(recorded.date)).days
        )
    except ValueError:
        return False
    return days <= SAME_DAYS


def owner_side(owner: str | None, meeting: Meeting, home: str) -> tuple[str, ...]:
    """Which side an owner is: ``(home,)``, ``(counterpart,)``, both, or ``()`` when
    the owner is neither a side, nor a member of a delegation, nor a country."""
    if not owner:
        return ()
    from search.extract.aliases import same_person
    from search.extract.countries import resolve_country

    key = " ".join(owner.lower().split())
    if key in _BOTH_WORDS:
        return (home, meeting.country)
    if key in _OUR_WORDS:
        return (home,)
    if key in _THEIR_WORDS:
        return (meeting.country,)
    for side, people in ((home, meeting.ours), (meeting.country, meeting.theirs)):
        for d in people:
            if any(same_person(owner, n) for n in (d.name, d.typed) if n):
                return (side,)
    code = resolve_country(owner)
    if code in (home, meeting.country):
        return (code,)
    return ()


def recorded_commitments(
    store: Store, a: str, b: str, holds: Callable[[str | None], bool] | None = None
) -> list[CommitmentEntry]:
    """The items agreed at the pair's held meetings, for the commitments register (newest
    first): status ``agreed``, with their owner and due date."""

    out = []
    for meeting, outcome in reversed(held_meetings(store, a, b)):
        if holds is not None and not holds(meeting.date):
            continue
        home = meeting.home or a
        for item in outcome.agreed:
            sentence = "Agreed: " + item.describe()
            out.append(
                CommitmentEntry(
                    kind="agreement",
                    status="agreed",
                    parties=(home, meeting.country),
                    summary=item.describe(),
                    date=meeting.date,
                    source=record_source(meeting, home, sentence),
                    side=owner_side(item.owner, meeting, home),
                    owner=item.owner,
                    due=item.due,
                    recorded=True,
                )
            )
    return out
