"""The analyst's layer: corrections kept beside the extractions, never inside them.

Extraction is heuristic; the analyst has the last word.  A correction names what it
corrects by a reference that survives re-extraction and re-ingest (an article's id and
sentence, a person's registry key and name), not by row numbers, and is applied on top
of whatever the extractor produced, in every view and brief:

=================== =========================================== =========================
kind                target                                      value
=================== =========================================== =========================
reject-engagement   {article, sentence, type}                   -
reject-commitment   {article, sentence, kind}                   -
reject-person       {key, name}                                 -
person-country      {key, name}                                 {country} or {org}
person-role         {key, name}                                 {role}
merge-people        {key, name} (kept)                          {key, name} (merged in)
add-engagement      {article, sentence}                         {type, status, date, place,
                                                                countries, orgs,
                                                                participants}
=================== =========================================== =========================

Undoing a correction keeps its row (with the time it was undone), so the record of who
changed what stays complete; `corrections list` shows the ones in force.
"""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass, field
from typing import Any

from search.extract.aliases import person_key, same_person
from search.store.engine import Connection, is_postgres
from search.store.schema import table_exists

KINDS = (
    "reject-engagement",
    "reject-commitment",
    "reject-person",
    "person-country",
    "person-role",
    "merge-people",
    "add-engagement",
)
ENGAGEMENT_TYPES = ("meeting", "call", "visit", "consultations", "signing", "multilateral")
STATUSES = ("main", "background", "planned")


class CorrectionError(ValueError):
    """A correction that cannot be made (unknown article, person or value)."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction as stored.

    Attributes:
        id: Its number (for ``corrections undo ID``).
        kind: One of `KINDS`.
        target: What it corrects (see the module docstring).
        value: The new value, when the kind has one.
        note: The analyst's note.
        author: Who made it (the operating-system user; the database role on a team store).
        created: When (UTC, ISO).
        undone: When it was undone, or None while it is in force.
    """

    id: int
    kind: str
    target: dict[str, Any]
    value: dict[str, Any]
    note: str | None
    author: str | None
    created: str
    undone: str | None = None

    def describe(self) -> str:
        """One line for people: what was corrected, and how."""
        t, v = self.target, self.value
        if self.kind in ("reject-engagement", "reject-commitment"):
            what = self.kind.split("-", 1)[1]
            return f"rejected {t.get('type') or t.get('kind') or what} in {t['article']} (sentence {t['sentence']})"
        if self.kind == "reject-person":
            return f"{t['name']} is not a person"
        if self.kind == "person-country":
            side = v.get("country") or (f"org {v['org']}" if v.get("org") else "no country")
            return f"{t['name']}: {side}"
        if self.kind == "person-role":
            return f"{t['name']}: {v.get('role') or 'no role'}"
        if self.kind == "merge-people":
            return f"{v['name']} is {t['name']}"
        sides = ", ".join([*v.get("countries", []), *v.get("orgs", [])])
        return f"added {v.get('type')} {v.get('date') or 'undated'} ({sides}) from {t['article']}"


def author(conn: Connection | None = None) -> str | None:
    """Who is making a correction: on a team store the database role the analyst logged in
    as (the identity the server checked), else the operating-system user."""
    if conn is not None and is_postgres(conn):
        row = conn.execute("SELECT current_user").fetchone()
        return None if row is None else str(row[0])
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return None


def add(
    conn: Connection,
    kind: str,
    target: dict[str, Any],
    value: dict[str, Any] | None = None,
    *,
    note: str | None = None,
    by: str | None = None,
) -> int:
    """Record a correction (inside its own transaction); returns its id."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown correction {kind!r} (one of: {', '.join(KINDS)})")
    with conn:
        cursor = conn.execute(
            "INSERT INTO corrections (kind, target, value, note, author) VALUES (?, ?, ?, ?, ?)",
            (
                kind,
                json.dumps(target, ensure_ascii=False, sort_keys=True),
                json.dumps(value or {}, ensure_ascii=False, sort_keys=True),
                note,
                by if by is not None else author(conn),
            ),
        )
    return int(cursor.lastrowid or 0)


def undo(conn: Connection, correction: int) -> Correction:
    """Withdraw a correction (its row stays, marked undone)."""
    found = get(conn, correction)
    if found is None:
        raise CorrectionError(f"no correction {correction}")
    if found.undone is not None:
        raise CorrectionError(f"correction {correction} was already undone ({found.undone})")
    with conn:
        conn.execute(
            "UPDATE corrections SET undone = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            (correction,),
        )
    return found


def get(conn: Connection, correction: int) -> Correction | None:
    """One correction by id."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM corrections WHERE id = ?", (correction,)).fetchone()
    return _correction(row) if row else None


def in_force(conn: Connection, *, include_undone: bool = False) -> list[Correction]:
    """The corrections, oldest first (only those in force unless ``include_undone``)."""
    where = "" if include_undone else "WHERE undone IS NULL"
    return [
        _correction(row)
        for row in conn.execute(f"SELECT {_COLUMNS} FROM corrections {where} ORDER BY id")
    ]


_COLUMNS = "id, kind, target, value, note, author, created, undone"


def _correction(row: tuple[Any, ...]) -> Correction:
    return Correction(
        id=int(row[0]),
        kind=str(row[1]),
        target=json.loads(row[2]),
        value=json.loads(row[3] or "{}"),
        note=row[4],
        author=row[5],
        created=str(row[6]),
        undone=row[7],
    )


# --------------------------------------------------------------------------- making them


def reject_engagement(
    conn: Connection, article: str, sentence: int, type_: str, *, note: str | None = None
) -> int:
    """The analyst says the engagement reported by this sentence did not happen as coded."""
    return add(
        conn, "reject-engagement", {"article": article, "sentence": sentence, "type": type_},
        note=note,
    )  # fmt: skip


def reject_commitment(
    conn: Connection, article: str, sentence: int, kind: str, *, note: str | None = None
) -> int:
    """The analyst says this commitment (or ask) is not one."""
    return add(
        conn, "reject-commitment", {"article": article, "sentence": sentence, "kind": kind},
        note=note,
    )  # fmt: skip


def reject_person(conn: Connection, name: str, *, note: str | None = None) -> int:
    """The analyst says this name is not a person (or not worth listing)."""
    added = add(conn, "reject-person", person_ref(name, person_key_of(conn, name)), note=note)
    refresh_people(conn)
    return added


def correct_person(
    conn: Connection,
    name: str,
    *,
    country: str | None = None,
    org: str | None = None,
    role: str | None = None,
    note: str | None = None,
) -> list[int]:
    """Set a person's country (or international organisation) and/or role."""
    if not (country or org or role):
        raise CorrectionError("give a country, an organisation or a role")
    if country and org:
        raise CorrectionError("give a country or an organisation, not both")
    ref = person_ref(name, person_key_of(conn, name))
    ids = []
    if country or org:
        ids.append(add(conn, "person-country", ref, {"country": country, "org": org}, note=note))
    if role:
        ids.append(add(conn, "person-role", ref, {"role": role}, note=note))
    refresh_people(conn)
    return ids


def merge_people(conn: Connection, name: str, other: str, *, note: str | None = None) -> int:
    """Make ``other`` the same person as ``name``."""
    keep, merged = person_key_of(conn, name), person_key_of(conn, other)
    if keep == merged:
        raise CorrectionError(f"{name!r} and {other!r} are already one person")
    added = add(conn, "merge-people", person_ref(name, keep), person_ref(other, merged), note=note)
    with conn:
        apply_merges(conn)
    refresh_people(conn)
    return added


def add_engagement(
    conn: Connection,
    article: str,
    sentence: int,
    *,
    type_: str,
    countries: list[str],
    orgs: list[str] | None = None,
    status: str = "main",
    date: str | None = None,
    place: str | None = None,
    participants: list[tuple[str, str]] | None = None,
    note: str | None = None,
) -> int:
    """Record an engagement the extraction missed, with the article that reports it."""
    if type_ not in ENGAGEMENT_TYPES:
        raise CorrectionError(f"unknown engagement type {type_!r} ({', '.join(ENGAGEMENT_TYPES)})")
    if status not in STATUSES:
        raise CorrectionError(f"unknown status {status!r} ({', '.join(STATUSES)})")
    sides = list(dict.fromkeys(countries))
    if len(sides) + len(orgs or []) < 2:
        raise CorrectionError("an engagement takes at least two sides")
    if date is not None:
        import datetime as dt

        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise CorrectionError(f"date {date!r} is not YYYY-MM-DD") from None
    row = conn.execute(
        "SELECT a.id FROM articles a WHERE a.id = ? UNION "
        "SELECT a.id FROM aliases s JOIN articles a ON a.rowid = s.article WHERE s.alias = ?",
        (article, article),
    ).fetchone()
    if row is None:
        raise CorrectionError(f"no article {article!r} in the archive")
    value = {
        "type": type_, "status": status, "date": date, "place": place, "countries": sides,
        "orgs": list(orgs or []), "participants": [list(p) for p in participants or []],
    }  # fmt: skip
    return add(conn, "add-engagement", {"article": str(row[0]), "sentence": sentence}, value,
               note=note)  # fmt: skip


def undo_and_refresh(conn: Connection, correction: int) -> Correction:
    """`undo`, then recompute the people registry (a person's correction may be undone)."""
    done = undo(conn, correction)
    refresh_people(conn)
    return done


def refresh_people(conn: Connection) -> None:
    """Recompute the people registry with the corrections in force."""
    from search.ingest.registry import PeopleRegistry

    registry = PeopleRegistry(conn)
    with conn:
        registry.mark_all_stale()
        registry.refresh(overrides(conn))


def person_key_of(conn: Connection, name: str) -> str:
    """The registry key of the one person a name means.

    Raises:
        CorrectionError: nobody of that name, or several the name could mean.
    """
    from search.ingest.registry import PeopleRegistry

    found = PeopleRegistry(conn).find(name)
    if not found:
        raise CorrectionError(f"no person named {name!r} in the archive")
    if len(found) > 1 and found[0].articles < 2 * found[1].articles:
        names = ", ".join(f"{p.name} ({p.articles} articles)" for p in found[:5])
        raise CorrectionError(f"{name!r} may be {names}: give the full name")
    row = conn.execute("SELECT key FROM people WHERE id = ?", (found[0].id,)).fetchone()
    return str(row[0])


# --------------------------------------------------------------------------- people


def person_ref(name: str, key: str | None = None) -> dict[str, str]:
    """How a correction names a person: their registry key and name."""
    return {"key": key or person_key(name), "name": name}


def _person_id(conn: Connection, ref: dict[str, Any]) -> int | None:
    """The registry identity a person reference means now (keys survive re-ingest)."""
    row = conn.execute("SELECT id FROM people WHERE key = ?", (ref.get("key"),)).fetchone()
    if row is not None:
        return int(row[0])
    name = str(ref.get("name") or "")
    surname = person_key(name).split("|", 1)[0]
    rows = conn.execute(
        "SELECT id, name FROM people WHERE surname = ? ORDER BY articles DESC", (surname,)
    ).fetchall()
    matches = [int(r[0]) for r in rows if same_person(name, str(r[1]))]
    return matches[0] if matches else None


def overrides(conn: Connection) -> dict[int, dict[str, str]]:
    """Person id -> the country, organisation or role the analyst set (for the registry)."""
    found: dict[int, dict[str, str]] = {}
    for correction in in_force(conn):
        if correction.kind not in ("person-country", "person-role"):
            continue
        person = _person_id(conn, correction.target)
        if person is None:
            continue
        values = found.setdefault(person, {})
        if correction.kind == "person-country":
            values["country"] = correction.value.get("country") or ""
            values["org"] = correction.value.get("org") or ""
        else:
            values["role"] = correction.value.get("role") or ""
    return found


def apply_merges(conn: Connection) -> int:
    """Re-apply the analyst's merges of people (after new mentions were assigned)."""
    from search.ingest.registry import PeopleRegistry

    registry = PeopleRegistry(conn)
    done = 0
    for correction in in_force(conn):
        if correction.kind != "merge-people":
            continue
        keep = _person_id(conn, correction.target)
        other = _person_id(conn, correction.value)
        if keep is not None and other is not None and keep != other:
            registry.merge(keep, other)
            done += 1
    return done


# --------------------------------------------------------------------------- overlay


@dataclass
class Overlay:
    """The corrections in force, ready to filter views (load once per view)."""

    engagements: set[tuple[str, int, str]] = field(default_factory=set)
    commitments: set[tuple[str, int, str]] = field(default_factory=set)
    people: set[int] = field(default_factory=set)
    person_keys: set[str] = field(default_factory=set)
    added: list[Correction] = field(default_factory=list)
    corrected_people: set[int] = field(default_factory=set)

    @classmethod
    def load(cls, conn: Connection) -> Overlay:
        """The overlay of the store's corrections in force."""
        overlay = cls()
        if not _has_table(conn):
            return overlay
        for correction in in_force(conn):
            t = correction.target
            if correction.kind == "reject-engagement":
                overlay.engagements.add((str(t["article"]), int(t["sentence"]), str(t["type"])))
            elif correction.kind == "reject-commitment":
                overlay.commitments.add((str(t["article"]), int(t["sentence"]), str(t["kind"])))
            elif correction.kind == "reject-person":
                overlay.person_keys.add(str(t.get("key")))
                person = _person_id(conn, t)
                if person is not None:
                    overlay.people.add(person)
            elif correction.kind == "add-engagement":
                overlay.added.append(correction)
            elif correction.kind in ("person-country", "person-role", "merge-people"):
                person = _person_id(conn, t)
                if person is not None:
                    overlay.corrected_people.add(person)
        return overlay

    def rejects_engagement(self, article: str, sentence: int, type_: str) -> bool:
        """Did the analyst reject this engagement?"""
        return (article, sentence, type_) in self.engagements

    def rejects_commitment(self, article: str, sentence: int, kind: str) -> bool:
        """Did the analyst reject this commitment?"""
        return (article, sentence, kind) in self.commitments

    def rejects_person(self, person: int | None, name: str | None = None) -> bool:
        """Did the analyst say this is not a person?"""
        if person is not None and person in self.people:
            return True
        return name is not None and person_key(name) in self.person_keys

    def added_between(self, a: str, b: str) -> list[Correction]:
        """Engagements the analyst added with both ``a`` and ``b`` among their sides."""
        found = []
        for correction in self.added:
            sides = {
                *correction.value.get("countries", ()),
                *(f"org:{o}" for o in correction.value.get("orgs", ())),
            }
            if {a, b} <= sides:
                found.append(correction)
        return found


def _has_table(conn: Connection) -> bool:
    return table_exists(conn, "corrections")
