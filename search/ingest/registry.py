"""The people registry: one identity per person across the archive, with their side and roles.

Each article names people its own way ("Secretary Blinken", "Antony J. Blinken",
"Blinken"; "Mohammed bin Zayed", "Mohammed bin Zayed Al Nahyan"); the registry gives
them one identity, and decides each one's country from the evidence of *every* article
that names them, strongest first (see `search.extract.affiliation`):

- a person's side is the one with the highest score, where each article's evidence
  counts its strength squared (a "Ukrainian President Zelenskyy" in one article, 25,
  outweighs a State Department publisher's guess in many, 1 each);
- the role shown is the latest one seen, with the date it was last seen, and every role
  is kept with its first and last date (`roles`);
- a bare surname joins the one person of that surname the archive knows (or the one
  named far more often than any other); two people of one surname and a bare mention
  stay apart rather than be guessed.

Incremental: ingest calls `PeopleRegistry.identify` for each new article before storing
it (`assign` once it is stored, for a re-extraction), which links its mentions to
identities and adds their evidence to each person's sums by side
(``people_sides``), first and last dates, latest role and fullest name; `refresh` then
decides the side of the people touched from those sums, so a batch costs what its own
mentions cost, however often the archive has named the same people before.  A person
whose mentions went away (a re-extracted or updated article, a merge, a correction) is
marked stale and recomputed from all their mentions.  Nothing here reads the whole
archive unless asked to (`rebuild`).

The analyst's corrections (`search.ingest.corrections`) are applied on top: a person's country
or role set by the analyst wins over any evidence, and merged people share one identity.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from search.extract.affiliation import STRENGTH, is_past_role
from search.extract.aliases import (
    fullness,
    parse_name,
    person_key,
    prefix_key,
    same_person,
    skeleton,
)
from search.ingest.known_people import DOMINANT, KnownPeople
from search.ingest.person import PERSON_COLUMNS, Person, person_from_row
from search.model import PersonRef
from search.store.engine import Connection, insert_rows, reserve_id, update_rows

# What `PeopleRegistry` keeps of each person it read or wrote until its next refresh.
_ROW = "stale, name, role_seen, first_seen, last_seen"
# The columns `PeopleRegistry._recompute` sets of each person, from all their mentions.
_RECOMPUTED = ("name", "country", "org", "how", "role", "role_seen", "first_seen", "last_seen",
               "articles", "stale")  # fmt: skip
# Roles whose holders are known by one name that is not a surname.
_REGNAL = re.compile(r"\b(?:pope|king|queen|emir|amir|sultan|emperor|empress|patriarch)\b", re.I)


# SQL for an evidence kind's strength (`STRENGTH`), to keep the strongest kind per side.
_STRENGTH_CASE = " ".join(f"WHEN '{how}' THEN {value}" for how, value in STRENGTH.items())


class PeopleRegistry:
    """The registry of one store (one connection; writes inside the caller's transaction).

    Args:
        conn: The store's connection (``person_mentions`` must exist).
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.touched: set[int] = set()  # evidence added since the last `refresh`
        # What this registry read or wrote of people since the last `refresh` (nobody
        # else writes them meanwhile: an ingest holds the store's write lock), so that
        # storing an article waits for no answer of the team store's server: ids by
        # key (None: no one has it; only `_create` gives a key meanwhile), and each
        # person's ``stale, name, role_seen, first_seen, last_seen`` (`_ROW`).
        self._keys: dict[str, int | None] = {}
        self._rows: dict[int, list[Any]] = {}

    def _forget(self) -> None:
        self._keys.clear()
        self._rows.clear()

    # ------------------------------------------------------------------ identities

    def assign(self, rowid: int) -> None:
        """Give every person mention of article ``rowid`` an identity and add its evidence."""
        self._forget()  # the article was rewritten: its old mentions' people went stale
        rows = self.conn.execute(
            "SELECT m.rowid, m.name, m.role, m.country, m.org, m.how, a.date "
            "FROM person_mentions m JOIN articles a ON a.rowid = m.article "
            "WHERE m.article = ? AND m.person IS NULL",
            (rowid,),
        ).fetchall()
        for mention, name, role, country, org, how, day in rows:
            person = self._mention(str(name), role, country, org, how, day)
            self.conn.execute(
                "UPDATE person_mentions SET person = ? WHERE rowid = ?", (person, mention)
            )

    def identify(self, people: Iterable[PersonRef], day: str | None) -> list[int]:
        """The identities of the people an article about to be stored names, in order,
        their evidence added: what `assign` does once the article is stored, without
        reading its mentions back (the ingest's way, which stores them with their ids)."""
        people = list(people)
        self._look_up_keys(people)
        return [self._mention(p.name, p.role, p.country, p.org, p.how, day) for p in people]

    def _look_up_keys(self, people: list[PersonRef]) -> None:
        """Read at once the ids of the keys `_identity` may ask for the ``people`` of one
        article (`_by_key`), and the rows of those found (`_row`): each is a round trip to
        the team store's server, which waits for everything the ingest sent before it."""
        wanted: set[str] = set()
        for p in people:
            key = person_key(p.name)
            wanted.add(key)
            if p.role and " " not in p.name.strip():
                wanted.add(f"{key}{p.role.lower().split()[-1]}")  # a regnal name's
            reversed_key = _reversed_key(p.name)
            if reversed_key is not None:
                wanted.add(reversed_key)
        unknown = sorted(wanted.difference(self._keys))
        for start in range(0, len(unknown), 500):
            chunk = unknown[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = {}
            for row in self.conn.execute(
                f"SELECT key, id, {_ROW} FROM people WHERE key IN ({marks})", chunk
            ):
                found[str(row[0])] = person = int(row[1])
                self._rows.setdefault(person, list(row[2:]))
            for key in chunk:
                self._keys[key] = found.get(key)

    def _mention(self, name: str, role: str | None, country: str | None, org: str | None,
                 how: str | None, day: str | None) -> int:  # fmt: skip
        person = self._identity(name, role)
        self._add_evidence(person, name, role, country, org, how, day)
        return person

    def _row(self, person: int) -> list[Any] | None:
        if person not in self._rows:
            row = self.conn.execute(f"SELECT {_ROW} FROM people WHERE id = ?", (person,)).fetchone()
            if row is None:
                return None
            self._rows[person] = list(row)
        return self._rows[person]

    def _add_evidence(
        self,
        person: int,
        name: str,
        role: str | None,
        country: str | None,
        org: str | None,
        how: str | None,
        day: str | None,
    ) -> None:
        """One more mention of ``person``: its side's score, dates, role and name."""
        row = self._row(person)
        if row is None or row[0]:
            return  # recomputed from all mentions at the next refresh anyway
        _stale, known_name, role_seen, first_seen, last_seen = row
        if (country or org) and how and how != "registry":
            strength = STRENGTH.get(str(how), 1)
            self.conn.execute(
                "INSERT INTO people_sides (person, country, org, score, how) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (person, country, org) DO UPDATE SET "
                "score = people_sides.score + excluded.score, how = CASE WHEN ? >= "
                "(CASE people_sides.how " + _STRENGTH_CASE + " ELSE 0 END) "
                "THEN excluded.how ELSE people_sides.how END",
                (person, country or "", org or "", strength * strength, how, strength),
            )
        updates: dict[str, object] = {"articles": None}
        if day and (first_seen is None or str(day) < str(first_seen)):
            updates["first_seen"] = day
        if day and (last_seen is None or str(day) > str(last_seen)):
            updates["last_seen"] = day
        # A past role ("then-Deputy Secretary of State") counts as older than any other.
        past = is_past_role(role)
        if role and ("" if past else str(day or "")) >= str(role_seen or ""):
            updates["role"], updates["role_seen"] = role, None if past else day
        if fullness(name) > fullness(str(known_name)):
            updates["name"] = name
        assignments = ", ".join(
            "articles = articles + 1" if column == "articles" else f"{column} = ?"
            for column in updates
        )
        values = [value for column, value in updates.items() if column != "articles"]
        self.conn.execute(f"UPDATE people SET {assignments} WHERE id = ?", (*values, person))
        for at, column in enumerate(("name", "role_seen", "first_seen", "last_seen"), 1):
            row[at] = updates.get(column, row[at])
        self.touched.add(person)

    def _identity(self, name: str, role: str | None = None) -> int:
        key = person_key(name)
        if " " not in name.strip() and role and _REGNAL.search(role):
            # "Pope Francis", "King Salman": a regnal name, not anyone's surname.
            key = f"{key}{role.lower().split()[-1]}"
            known = self._by_key(key)
            return known if known is not None else self._create(name, key, key, None)
        # "Hayashi Yoshimasa" and "Yoshimasa Hayashi", "Kishida Fumio" and "Fumio Kishida":
        # one person, written family name first or last.
        for written in (key, _reversed_key(name)):
            known = self._by_key(written) if written is not None else None
            if known is not None:
                return known
        prefix = prefix_key(name)
        if prefix is not None:
            found = self._known(
                "SELECT id, name, key, articles, {row} FROM people WHERE prefix = ? "
                "ORDER BY articles DESC LIMIT 1",
                prefix,
            )
            if found:
                self._maybe_longer_name(int(found[0][0]), name)
                return int(found[0][0])
        parsed = parse_name(name)
        surname = key.split("|", 1)[0]
        candidates = self._known(
            "SELECT id, name, key, articles, {row} FROM people WHERE surname = ?", surname
        )
        full = [c for c in candidates if not str(c[2]).endswith("|")]
        bare = [c for c in candidates if str(c[2]).endswith("|")]
        if parsed is not None and parsed.given is not None:
            matching = [c for c in full if same_person(name, str(c[1]))]
            if len(matching) == 1:
                self._maybe_longer_name(int(matching[0][0]), name)
                return int(matching[0][0])
            # A surname seen bare before is taken in once this full name dominates it
            # and both serve one country (`_absorb_bare`, at the next refresh).
            return self._create(name, key, surname, prefix)
        if parsed is not None:
            # "President Xi", "President Kim": names written family name first ("Xi
            # Jinping", "Kim Jong Un") are found by their first word too.
            first = self._known(
                "SELECT id, name, key, articles, {row} FROM people "
                "WHERE first = ? AND key NOT LIKE '%|'",
                surname,
            )
            full = list({int(c[0]): c for c in [*full, *first]}.values())
        chosen = _dominant(full)
        if chosen is not None:
            return chosen
        if bare:
            return int(bare[0][0])
        return self._create(name, key, surname, prefix)

    def _by_key(self, key: str) -> int | None:
        if key not in self._keys:
            found = self.conn.execute("SELECT id FROM people WHERE key = ?", (key,)).fetchone()
            self._keys[key] = None if found is None else int(found[0])
        return self._keys[key]

    def _known(self, sql: str, value: str) -> list[tuple[Any, ...]]:
        """People found by ``sql`` (``id, name, key, articles`` then ``{row}``: `_ROW`),
        whose keys and rows are kept (`_by_key`, `_row`): a read each the fewer."""
        rows = self.conn.execute(sql.format(row=_ROW), (value,)).fetchall()
        for row in rows:
            self._keys.setdefault(str(row[2]), int(row[0]))
            self._rows.setdefault(int(row[0]), list(row[4:]))
        return rows

    def _create(self, name: str, key: str, surname: str, prefix: str | None) -> int:
        words = name.split()
        first = skeleton(words[0]) if len(words) > 1 else None
        # The team store's id is drawn first (no round trip for ``lastrowid``); SQLite
        # numbers the row in the insert (NULL).
        reserved = reserve_id(self.conn, "people", "id")
        cursor = self.conn.execute(
            "INSERT INTO people (key, surname, prefix, name, first, id) VALUES (?, ?, ?, ?, ?, ?)",
            (key, surname, prefix, name, first, reserved),
        )
        person = reserved if reserved is not None else int(cursor.lastrowid or 0)
        self._keys[key] = person
        self._rows[person] = [1, name, None, None, None]  # stale until the next refresh
        return person

    def _maybe_longer_name(self, person: int, name: str) -> None:
        row = self._row(person)
        if row is not None and fullness(name) > fullness(str(row[1])):
            self.conn.execute("UPDATE people SET name = ? WHERE id = ?", (name, person))
            row[1] = name

    def _merge_into(self, old: int, new: int) -> None:
        """Give ``old``'s mentions to ``new`` and forget ``old``."""
        self._forget()
        self.conn.execute("UPDATE person_mentions SET person = ? WHERE person = ?", (new, old))
        self.conn.execute("DELETE FROM people_sides WHERE person = ?", (old,))
        self.conn.execute("DELETE FROM people WHERE id = ?", (old,))
        self.touched.discard(old)
        self.conn.execute("UPDATE people SET stale = 1 WHERE id = ?", (new,))

    def merge(self, keep: int, other: int) -> None:
        """Make ``other`` the same person as ``keep`` (an analyst's correction)."""
        if keep != other:
            self._merge_into(other, keep)

    # ------------------------------------------------------------------ evidence

    def refresh(self, overrides: dict[int, dict[str, str]] | None = None) -> list[int]:
        """Recompute every stale person from their mentions; returns their ids.

        Args:
            overrides: Analyst corrections by person id: ``country``, ``org`` or ``role``
                that win over the evidence (`search.ingest.corrections`).
        """
        self._forget()  # corrections and recomputation rewrite people
        changed = self._refresh(overrides or {})
        if changed and self._absorb_bare(changed):
            changed += self._refresh(overrides or {})  # those who took in a bare surname
        return changed

    def _refresh(self, overrides: dict[int, dict[str, str]]) -> list[int]:
        stale = [int(r[0]) for r in self.conn.execute("SELECT id FROM people WHERE stale = 1")]
        for start in range(0, len(stale), 500):
            self._recompute(stale[start : start + 500], overrides)
        touched = sorted(self.touched - set(stale))
        self.touched.clear()
        for start in range(0, len(touched), 500):
            self._decide(touched[start : start + 500], overrides)
        return [*stale, *touched]

    def _absorb_bare(self, changed: list[int]) -> bool:
        """A surname seen bare before the full name it means was known ("Sherman" in
        earlier stories, "Wendy R. Sherman" in later ones) joins the one full-name person
        of that surname who now dominates it (`DOMINANT` of their articles) and serves the
        same country in a compatible office (one role is part of the other: "Deputy
        Secretary" of "Deputy Secretary of State"; not "Ambassador").  Whether anyone
        was taken in.  Only the surnames of the people ``changed`` are looked at."""
        self.conn.execute("CREATE TEMP TABLE IF NOT EXISTS changed_people (id INTEGER PRIMARY KEY)")
        self.conn.execute("DELETE FROM temp.changed_people")
        self.conn.executemany(
            "INSERT OR IGNORE INTO temp.changed_people (id) VALUES (?)", [(i,) for i in changed]
        )
        rows = self.conn.execute(
            "SELECT b.id, b.country, b.role, f.id, f.country, f.role, f.articles "
            "FROM people b JOIN people f ON f.surname = b.surname AND f.key NOT LIKE '%|' "
            "WHERE b.key LIKE '%|' AND b.key <> '|' AND b.country IS NOT NULL AND b.surname IN "
            "(SELECT p.surname FROM temp.changed_people c JOIN people p ON p.id = c.id)"
        ).fetchall()
        fulls: dict[tuple[int, str, str | None], list[tuple[int, str | None, str | None, int]]]
        fulls = defaultdict(list)
        for bare, country, role, full, full_country, full_role, articles in rows:
            fulls[(int(bare), str(country), role)].append(
                (int(full), full_country, full_role, int(articles))
            )
        merged = False
        for (bare, country, role), candidates in fulls.items():
            total = sum(c[3] for c in candidates)
            full, full_country, full_role, articles = max(candidates, key=lambda c: c[3])
            if (
                total
                and articles >= DOMINANT * total
                and full_country == country
                and _compatible_roles(role, full_role)
            ):
                self._merge_into(bare, full)
                merged = True
        return merged

    def _decide(self, ids: list[int], overrides: dict[int, dict[str, str]]) -> None:
        """Each person's side from their summed evidence (`people_sides`)."""
        marks = ",".join("?" * len(ids))
        best: dict[int, tuple[str | None, str | None, str]] = {}
        for person, country, org, how in self.conn.execute(
            "SELECT person, country, org, how FROM people_sides "
            f"WHERE person IN ({marks}) ORDER BY person, score, country, org",
            ids,
        ):
            best[int(person)] = (country or None, org or None, str(how))  # the last: highest
        sides: list[tuple[object, ...]] = []
        for person in ids:
            country, org, how = best.get(person, (None, None, None))
            override = overrides.get(person, {})
            if "country" in override or "org" in override:
                country, org, how = (
                    override.get("country") or None,
                    override.get("org") or None,
                    "analyst",
                )
            if "role" in override:
                self.conn.execute(
                    "UPDATE people SET role = ?, role_seen = NULL WHERE id = ?",
                    (override["role"] or None, person),
                )
            sides.append((country, org, how, person))
        update_rows(self.conn, "people", "id", ("country", "org", "how"), sides)

    def mark_all_stale(self) -> None:
        """Have the next `refresh` recompute everyone (after corrections change)."""
        self._forget()
        self.conn.execute("UPDATE people SET stale = 1")

    def _recompute(self, ids: list[int], overrides: dict[int, dict[str, str]]) -> None:
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            "SELECT m.person, m.name, m.country, m.org, m.how, m.role, a.date "
            "FROM person_mentions m JOIN articles a ON a.rowid = m.article "
            f"WHERE m.person IN ({marks})",
            ids,
        ).fetchall()
        grouped: dict[int, list[tuple[object, ...]]] = defaultdict(list)
        for row in rows:
            grouped[int(row[0])].append(row)
        # Written for the whole chunk at once: on the team store a statement per table,
        # where one per person and table was most of a batch's refresh.
        gone = [person for person in ids if person not in grouped]
        sides: list[tuple[object, ...]] = []
        people: list[tuple[object, ...]] = []
        for person in ids:
            if person in grouped:
                self._sum(person, grouped[person], overrides.get(person, {}), sides, people)
        self.conn.execute(f"DELETE FROM people_sides WHERE person IN ({marks})", ids)
        if gone:
            self.conn.execute(f"DELETE FROM people WHERE id IN ({','.join('?' * len(gone))})", gone)
        insert_rows(
            self.conn,
            "INSERT INTO people_sides (person, country, org, score, how) VALUES (?, ?, ?, ?, ?)",
            sides,
        )
        update_rows(self.conn, "people", "id", _RECOMPUTED, people)

    def _sum(
        self,
        person: int,
        mentions: list[tuple[object, ...]],
        override: dict[str, str],
        sides: list[tuple[object, ...]],
        people: list[tuple[object, ...]],
    ) -> None:
        """Add to ``sides`` and ``people`` the rows ``person`` has from all ``mentions``."""
        scores: dict[tuple[str | None, str | None], float] = defaultdict(float)
        best_how: dict[tuple[str | None, str | None], str] = {}
        for _, _name, country, org, how, _role, _date in mentions:
            if not (country or org) or not how or how == "registry":
                continue  # what the registry told extraction is not new evidence
            side = (str(country) if country else None, str(org) if org else None)
            strength = STRENGTH.get(str(how), 1)
            scores[side] += strength * strength
            if strength >= STRENGTH.get(best_how.get(side, ""), 0):
                best_how[side] = str(how)
        sides.extend(
            (person, c or "", o or "", score, best_how[(c, o)]) for (c, o), score in scores.items()
        )
        country = org = how = None
        if scores:
            (country, org) = max(
                scores, key=lambda side: (scores[side], side[0] or "", side[1] or "")
            )
            how = best_how[(country, org)]
        if "country" in override or "org" in override:
            country = override.get("country") or None
            org = override.get("org") or None
            how = "analyst"
        dated = sorted(mentions, key=lambda m: str(m[6] or ""))
        dates = [str(m[6]) for m in dated if m[6]]
        # "a special assistant to then-Deputy Secretary of State Antony Blinken": what he
        # was, not what he is; any other role, of any date, wins over it.
        with_role = [m for m in dated if m[5]]
        current = [m for m in with_role if not is_past_role(str(m[5]))]
        role = str((current or with_role)[-1][5]) if with_role else None
        role_seen = str(current[-1][6]) if current and current[-1][6] else None
        if "role" in override:
            role, role_seen = override["role"] or None, None
        names = [str(m[1]) for m in mentions]
        name = max(names, key=fullness)
        articles = len(mentions)
        people.append(
            (
                name,
                country,
                org,
                how,
                role,
                role_seen,
                dates[0] if dates else None,
                dates[-1] if dates else None,
                articles,
                0,  # no longer stale
                person,
            )
        )

    def rebuild(self) -> list[int]:
        """Give every mention an identity again from scratch (after a bulk re-extraction)."""
        self._forget()
        self.conn.execute("UPDATE person_mentions SET person = NULL")
        self.conn.execute("DELETE FROM people_sides")
        self.conn.execute("DELETE FROM people")
        self.touched.clear()
        articles = [
            int(r[0]) for r in self.conn.execute("SELECT DISTINCT article FROM person_mentions")
        ]
        for rowid in articles:
            self.assign(rowid)
        return self.refresh()

    # ------------------------------------------------------------------ reads

    def person(self, person: int) -> Person | None:
        """One person by id."""
        row = self.conn.execute(
            f"SELECT {PERSON_COLUMNS} FROM people WHERE id = ?", (person,)
        ).fetchone()
        return person_from_row(row) if row else None

    def people(self, ids: Iterable[int]) -> dict[int, Person]:
        """People by id (unknown ids left out)."""
        wanted = list(set(ids))
        found: dict[int, Person] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self.conn.execute(
                f"SELECT {PERSON_COLUMNS} FROM people WHERE id IN ({marks})", chunk
            ):
                found[int(row[0])] = person_from_row(row)
        return found

    def roles(self, person: int) -> list[tuple[str, str | None, str | None]]:
        """Every role seen for a person: ``(role, first seen, last seen)``, latest first."""
        rows = self.conn.execute(
            "SELECT m.role, min(a.date), max(a.date) FROM person_mentions m "
            "JOIN articles a ON a.rowid = m.article WHERE m.person = ? AND m.role IS NOT NULL "
            "GROUP BY m.role ORDER BY max(a.date) DESC",
            (person,),
        ).fetchall()
        return [(str(role), first, last) for role, first, last in rows]

    def role_at(self, person: int, day: str) -> str | None:
        """The role a person was last given on or before ``day`` (ISO): a title as of a
        meeting's date, not today's."""
        row = self.conn.execute(
            "SELECT m.role FROM person_mentions m JOIN articles a ON a.rowid = m.article "
            "WHERE m.person = ? AND m.role IS NOT NULL AND a.date <= ? "
            "ORDER BY a.date DESC LIMIT 1",
            (person, day[:10] + "T99"),
        ).fetchone()
        return str(row[0]) if row else None

    def find(self, name: str) -> list[Person]:
        """People a typed name may be (for the meeting form): same person, most named first."""
        key = person_key(name)
        surname = key.split("|", 1)[0]
        rows = self.conn.execute(
            f"SELECT {PERSON_COLUMNS} FROM people WHERE surname = ? ORDER BY articles DESC",
            (surname,),
        ).fetchall()
        return [person_from_row(r) for r in rows if same_person(name, str(r[1]))]

    def known(self) -> KnownPeople:
        """What extraction may ask of the registry (`KnownPeople`), as of now."""
        known = KnownPeople()
        known.update(self.conn)
        return known


def _dominant(candidates: list[tuple[object, ...]]) -> int | None:
    """The one full-name person a bare surname means: the only one, or a dominant one."""
    if len(candidates) == 1:
        return int(str(candidates[0][0]))
    total = sum(int(str(c[3])) for c in candidates)
    if not candidates or total == 0:
        return None
    best = max(candidates, key=lambda c: int(str(c[3])))
    return int(str(best[0])) if int(str(best[3])) >= DOMINANT * total else None


def _reversed_key(name: str) -> str | None:
    """The key of a two-word name written in the other order ("Hayashi Yoshimasa" for
    "Yoshimasa Hayashi"), or None for other names."""
    words = name.split()
    if len(words) != 2 or any(len(word.rstrip(".")) < 2 for word in words):
        return None
    key = person_key(f"{words[1]} {words[0]}")
    return None if key.endswith("|") or key == person_key(name) else key


def _compatible_roles(a: str | None, b: str | None) -> bool:
    """Could one person hold both roles (one unknown, or one part of the other)?"""
    if not a or not b:
        return True
    x, y = " ".join(a.lower().split()), " ".join(b.lower().split())
    return x in y or y in x
