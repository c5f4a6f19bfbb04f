"""What a brief reads from the archive beyond the pair summary.

Coded events with their sentences (for staccato facts, asks and sensitivities), the
sentences where a topic comes up (key issues), who asked whom (the actor of a request),
and people found anywhere in the archive (participants the pair articles do not name).
All of it is indexed queries over the articles concerning both countries, so it stays
fast on a large archive.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from briefs.evidence import Evidence, Source
from briefs.relations import pair_rowids
from search.model import document_text
from search.store import Store

# Stories whose text is read to rank topics and find their sentences.
TOPIC_STORIES = 40
# The side a request is addressed to follows its trigger closely ("called on the
# Norwegian side", "urged Norway to"): at most this many characters in between.
ADDRESSED = 24
_QUESTION = re.compile(r"\s+(?:if|whether|about|why|how|what|when)\b", re.I)


@dataclass(frozen=True, slots=True)
class EventFact:
    """One coded event between the two sides, with where to cite it."""

    rowid: int
    sentence: int
    type: str
    mode: str | None
    actors: tuple[str, ...]
    date: str | None
    trigger: str
    historical: bool
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class TopicPlace:
    """A sentence that mentions a topic: how many of the two sides and of other countries it names."""

    rowid: int
    sentence: int
    sides: int
    others: int


@dataclass(frozen=True, slots=True)
class PersonFound:
    """A person found anywhere in the archive (latest mention first)."""

    name: str
    role: str | None
    country: str | None
    date: str | None
    source: Source


class PairCorpus:
    """The articles concerning both ``home`` and ``counterpart``, for a brief's look-ups."""

    def __init__(
        self, store: Store, home: str, counterpart: str, article_ids: Sequence[str] | None = None
    ) -> None:
        """Put the pair's articles in a temporary table for joins.

        Args:
            store: The archive's store.
            home: Our side (alpha-3).
            counterpart: The other side (alpha-3).
            article_ids: The ids of the articles concerning both when already known (a
                pair summary's ``articles``); else they are looked up.
        """
        self.store = store
        self.pair = (home, counterpart)
        self.evidence = Evidence(store)
        conn = store.conn
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS brief_scope (rowid INTEGER PRIMARY KEY)")
        conn.execute("DELETE FROM temp.brief_scope")
        if article_ids is None:
            rowids: Iterable[int] = pair_rowids(store, home, counterpart)
        else:
            rowids = _rowids(store, article_ids)
        conn.executemany(
            "INSERT OR IGNORE INTO temp.brief_scope (rowid) VALUES (?)", ((r,) for r in rowids)
        )
        self._texts: dict[int, tuple[str, dict[str, Any]]] = {}
        self._event_cache: list[EventFact] | None = None
        self._acting: set[tuple[int, int]] | None = None

    def coverage(self, as_of: str) -> tuple[int, int, str | None, str | None]:
        """Articles, distinct stories, first and last date up to ``as_of`` (undated count)."""
        row = self.store.conn.execute(
            "SELECT count(*), count(DISTINCT a.cluster), min(a.date), max(a.date) "
            "FROM temp.brief_scope s JOIN articles a ON a.rowid = s.rowid "
            "WHERE a.date IS NULL OR substr(a.date, 1, 10) <= ?",
            (as_of,),
        ).fetchone()
        return int(row[0]), int(row[1]), row[2], row[3]

    def stories_between(self, since: str | None, until: str) -> list[int]:
        """One article (the first) per story of the pair dated after ``since`` (exclusive;
        None: from the start) up to ``until`` (ISO days, inclusive), newest story first."""
        after, params = (
            ("AND substr(a.date, 1, 10) > ? ", [until, since]) if since else ("", [until])
        )
        rows = self.store.conn.execute(
            "SELECT min(a.rowid) FROM temp.brief_scope s JOIN articles a ON a.rowid = s.rowid "
            f"WHERE a.date IS NOT NULL AND substr(a.date, 1, 10) <= ? {after}"
            "GROUP BY a.cluster ORDER BY max(a.date) DESC, min(a.rowid) DESC",
            params,
        ).fetchall()
        return [int(r[0]) for r in rows]

    def cite(self, rowid: int, sentence: int) -> Source:
        """The source for one sentence."""
        return self.evidence.cite(rowid, sentence)

    def acting_sentences(self) -> set[tuple[int, int]]:
        """``(rowid, sentence)`` of the sentences in which the two sides act on each other:
        an event between them, an engagement of both, or a commitment one of them makes."""
        if self._acting is not None:
            return self._acting
        found = {(e.rowid, e.sentence) for e in self._events()}
        pair = set(self.pair)
        for article, sentence, sides in self.store.conn.execute(
            "SELECT e.article, e.sentence, e.sides FROM temp.brief_scope s "
            "CROSS JOIN engagements e ON e.article = s.rowid"
        ):
            if pair <= set(str(sides).split(",")):
                found.add((int(article), int(sentence)))
        for article, sentence, side in self.store.conn.execute(
            "SELECT c.article, c.sentence, c.side FROM temp.brief_scope s "
            "CROSS JOIN commitments c ON c.article = s.rowid WHERE c.side != ''"
        ):
            if set(str(side).split(",")) <= pair:
                found.add((int(article), int(sentence)))
        self._acting = found
        return found

    # ------------------------------------------------------------------ events

    def events(self, types: Sequence[str]) -> Iterator[EventFact]:
        """Events of these types between the two sides, newest article first.

        Hypothetical and negated mentions are left out; historical ones are flagged.
        """
        wanted = set(types)
        return (event for event in self._events() if event.type in wanted)

    def all_events(self) -> list[EventFact]:
        """Every event between the two sides, newest article first (see `events`)."""
        return list(self._events())

    def _events(self) -> list[EventFact]:
        """Every event between the two sides, read once (one query for all sections)."""
        if self._event_cache is not None:
            return self._event_cache
        cursor = self.store.conn.execute(
            "SELECT e.article, e.sentence, e.type, e.mode, e.actors, coalesce(e.date, a.date), "
            "e.trigger, e.historical, e.score FROM temp.brief_scope s "
            # CROSS JOIN keeps the pair's articles outermost: the planner would otherwise
            # scan the whole events table (or the date index) for a small pair.
            "CROSS JOIN articles a ON a.rowid = s.rowid CROSS JOIN events e ON e.article = s.rowid "
            "WHERE e.hypothetical = 0 AND e.negated = 0 "
            "ORDER BY a.date DESC, a.rowid DESC, e.sentence"
        )
        pair = set(self.pair)
        events = []
        for article, sentence, kind, mode, actors, when, trigger, historical, score in cursor:
            sides = tuple(str(actors).split(","))
            if pair <= set(sides):
                events.append(
                    EventFact(
                        int(article),
                        int(sentence),
                        str(kind),
                        mode,
                        sides,
                        when,
                        str(trigger),
                        bool(historical),
                        float(score or 0.0),
                    )
                )
        self._event_cache = events
        return events

    def asker(self, event: EventFact) -> str | None:
        """Which side makes a request: the country or person named last before the
        trigger ("Norway urged", "Vassilenko called on"), else the other side than the one
        addressed right after it ("the diplomat called on the Norwegian side").  None when
        the sentence does not tell, or a third country is the nearer one.
        """
        text, extraction = self._text(event.rowid)
        sentences = extraction.get("sentences", ())
        if not 0 <= event.sentence < len(sentences):
            return None
        start, end = sentences[event.sentence]
        at = text.lower().find(event.trigger.lower(), start, end)
        if at < 0 or _QUESTION.match(text, at + len(event.trigger)):
            return None  # "Asked if the U.S. ...": a reporter's question, not a request
        named = sorted(self._countries_named(extraction, event.sentence))
        before = [code for pos, code in named if pos < at]
        if before:
            return before[-1] if before[-1] in self.pair else None
        if _named_subject(text[start:at]):
            return None  # "ATPC Chairman Subroto appealed to the United States": not a side
        after = [(pos, code) for pos, code in named if pos >= at + len(event.trigger)]
        if (
            after
            and after[0][1] in self.pair
            and after[0][0] - at - len(event.trigger) <= ADDRESSED
        ):
            home, counterpart = self.pair
            return counterpart if after[0][1] == home else home
        return None

    @staticmethod
    def _countries_named(extraction: dict[str, Any], sentence: int) -> Iterator[tuple[int, str]]:
        """(offset, country) of the countries and of the people's countries in a sentence."""
        for kind, key, start, _end, number, *_ in extraction.get("mentions", ()):
            if kind == "country" and number == sentence:
                yield int(start), str(key)
        for person in extraction.get("people", ()):
            if not person.get("country"):
                continue
            for start, _end, number in person.get("spans", ()):
                if number == sentence:
                    yield int(start), str(person["country"])

    # ------------------------------------------------------------------ topics

    def topic_sentences(self) -> tuple[Counter[str], dict[str, list[TopicPlace]]]:
        """Topic mentions in the latest stories concerning both.

        Returns:
            How often each topic is mentioned, and for each topic the sentences that
            mention it, newest story first.
        """
        rows = self.store.conn.execute(
            "SELECT min(a.rowid) FROM temp.brief_scope s JOIN articles a ON a.rowid = s.rowid "
            "GROUP BY a.cluster ORDER BY max(a.date) DESC, min(a.rowid) DESC LIMIT ?",
            (TOPIC_STORIES,),
        ).fetchall()
        counts: Counter[str] = Counter()
        where: dict[str, list[TopicPlace]] = {}
        for (rowid,) in rows:
            _text, extraction = self._text(int(rowid))
            countries: dict[int, set[str]] = {}
            for kind, key, _start, _end, number, *_ in extraction.get("mentions", ()):
                if kind == "country":
                    countries.setdefault(int(number), set()).add(str(key))
            seen: set[tuple[str, int]] = set()
            for kind, key, _start, _end, number, *_ in extraction.get("mentions", ()):
                if kind != "topic":
                    continue
                counts[str(key)] += 1
                if (key, number) in seen:
                    continue
                seen.add((key, number))
                named = countries.get(int(number), set())
                sides = len(named & set(self.pair))
                where.setdefault(str(key), []).append(
                    TopicPlace(int(rowid), int(number), sides, len(named) - sides)
                )
        return counts, where

    # ------------------------------------------------------------------ people

    def find_person(self, name: str) -> PersonFound | None:
        """The latest mention anywhere in the archive of a person named ``name``."""
        from search.extract.aliases import person_key, same_person

        surname = person_key(name).split("|", 1)[0]
        if not surname:
            return None
        rows = self.store.conn.execute(
            "SELECT p.name, p.role, p.country, p.article, p.sentence, a.date "
            "FROM person_mentions p JOIN articles a ON a.rowid = p.article "
            "WHERE p.person_key >= ? AND p.person_key < ? ORDER BY a.date DESC, a.rowid DESC "
            "LIMIT 500",
            (surname + "|", surname + "}"),
        ).fetchall()
        matches = [row for row in rows if same_person(name, str(row[0]))]
        if not matches:
            return None
        best = next((row for row in matches if row[1]), matches[0])
        found_name, role, country, article, sentence, when = best
        return PersonFound(
            str(found_name), role, country, when, self.cite(int(article), int(sentence))
        )

    # ------------------------------------------------------------------ text

    def text(self, rowid: int) -> tuple[str, dict[str, Any]]:
        """An article's text and extraction (any article of the archive, read once)."""
        return self._text(rowid)

    def _text(self, rowid: int) -> tuple[str, dict[str, Any]]:
        cached = self._texts.get(rowid)
        if cached is None:
            row = self.store.conn.execute(
                "SELECT title, body, extraction FROM articles WHERE rowid = ?", (rowid,)
            ).fetchone()
            if row is None:
                cached = ("", {})
            else:
                cached = (document_text(row[0], row[1]), json.loads(row[2] or "{}"))
            self._texts[rowid] = cached
        return cached


def _rowids(store: Store, article_ids: Sequence[str]) -> Iterator[int]:
    for start in range(0, len(article_ids), 500):
        chunk = list(article_ids[start : start + 500])
        marks = ",".join("?" * len(chunk))
        for (rowid,) in store.conn.execute(
            f"SELECT rowid FROM articles WHERE id IN ({marks})", chunk
        ):
            yield int(rowid)


def _named_subject(before: str) -> bool:
    """Does the text before a trigger name someone (a capitalised word after the first)?

    "In this regard, the diplomat called on" names nobody: the asker is a side the
    sentence leaves implicit; "ATPC Chairman Subroto appealed to" names a third party.
    """
    words = re.findall(r"[^\W\d_][\w'’.-]*", before)
    return any(word[0].isupper() for word in words[1:])
