"""Writing articles and what extraction found in them (the store's write side).

Everything is written inside the caller's transaction.  The store does not extract:
`PreparedArticle` carries what is derived from the extraction (each person's key, who
acts together, the pair rule's weights), computed by the ingest pipeline
(`search.ingest.prepare`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from search.model import EngagementRef, Extraction
from search.store import pair_table
from search.store.engine import Connection, insert_rows, reserve_id
from search.store.pair_table import CountryWeight
from search.store.schema import NEXT_CHANGE, table_exists


def extraction_to_json(extraction: Extraction, acts: Iterable[Sequence[str]]) -> str:
    """The stored JSON form of an extraction (compact: what the article reader shows).

    ``acts`` are who acts together in the article (`search.pairs.interactions`).
    """
    return json.dumps(
        {
            "sentences": extraction.sentences,
            "mentions": [
                [m.kind, m.key, m.span.start, m.span.end, m.span.sentence, m.how]
                for m in extraction.mentions
            ],
            # Who acts together (events, engagements, commitments): the pair rule's
            # rule 3 (`search.pairs.interactions`), for a rebuild of its table.
            "acts": [list(group) for group in acts],
            "people": [
                {
                    "name": p.name,
                    "role": p.role,
                    "country": p.country,
                    "org": p.org,
                    "how": p.how,
                    "aliases": p.aliases,
                    "spans": [[s.start, s.end, s.sentence] for s in p.spans],
                }
                for p in extraction.people
            ],
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """An article ready to store: normalised fields plus its extraction and sketch."""

    id: str
    content_hash: str
    title: str
    body: str
    date: str | None
    source: str | None
    url: str | None
    lang: str | None
    city: str | None
    agency: str | None
    origin: str
    tags: tuple[str, ...]
    meta: dict[str, Any]
    extraction: Extraction
    sketch: bytes | None
    bands: tuple[int, ...]
    # Derived from the extraction by the caller (the store does not extract):
    # `search.extract.aliases.person_key` of each of ``extraction.people``, in order;
    person_keys: tuple[str, ...]
    # who acts together (`search.pairs.interactions`);
    acts: tuple[tuple[str, ...], ...]
    # the pair rule's weight of each country the article mentions (`search.pairs`).
    weights: Mapping[str, CountryWeight]


def write_article(
    conn: Connection,
    art: PreparedArticle,
    cluster: int | None,
    replace_rowid: int | None = None,
    persons: Sequence[int] | None = None,
) -> int:
    """Insert (or replace, keeping its rowid) one article and its extraction tables.

    Runs inside the caller's transaction.  ``persons``: the registry's identity of each
    person the extraction names (`PeopleRegistry.identify`), when known already; without
    them the mentions are stored unassigned, for `PeopleRegistry.assign`.
    """
    ex = art.extraction
    people = "|".join(dict.fromkeys(p.name for p in ex.people))
    values = (
        art.id, art.content_hash, art.title, art.body, art.date,
        int(art.date[:4]) if art.date else None, art.source, art.url, art.lang, art.city,
        art.agency, art.origin, json.dumps(list(art.tags), ensure_ascii=False),
        json.dumps(art.meta, ensure_ascii=False, default=str), ",".join(ex.countries), people,
        "|".join(ex.orgs), ",".join(ex.topics), extraction_to_json(ex, art.acts), ex.version,
        art.sketch,
    )  # fmt: skip
    columns = (
        "id, content_hash, title, body, date, year, source, url, lang, city, agency, origin, "
        "tags, meta, countries, people, orgs, topics, extraction, extractor, sketch"
    )  # ``extractor``: the version of the extract stage that produced the extraction
    if replace_rowid is None:
        rowid = _insert_article(conn, columns, values, cluster)
    else:
        rowid = replace_rowid
        assignments = ", ".join(f"{c.strip()} = ?" for c in columns.split(","))
        conn.execute(
            f"UPDATE articles SET {assignments}, indexed = 0, changed = {NEXT_CHANGE} "
            "WHERE rowid = ?",
            (*values, rowid),
        )
        delete_extractions(conn, rowid)
    write_extractions(conn, rowid, art, skip_sketch=False, persons=persons)
    return rowid


def _insert_article(
    conn: Connection, columns: str, values: tuple[Any, ...], cluster: int | None
) -> int:
    """Insert a new article row; its rowid.  A story of its own (``cluster`` None) is the
    cluster of its own rowid."""
    marks = ",".join("?" * (len(values) + 2))
    # The team store numbers it before the insert, so that one statement sends it all and
    # nothing waits for the server's answer; SQLite numbers it in the insert (NULL).
    rowid = reserve_id(conn, "articles", "rowid")
    own = rowid if cluster is None else cluster
    cur = conn.execute(
        f"INSERT INTO articles ({columns}, cluster, rowid, changed) VALUES ({marks}, {NEXT_CHANGE})",
        (*values, own, rowid),
    )
    if rowid is None:
        rowid = int(cur.lastrowid or 0)
        if cluster is None:
            conn.execute("UPDATE articles SET cluster = rowid WHERE rowid = ?", (rowid,))
    return rowid


# Tables holding what extraction found in an article (replaced on re-extraction).
EXTRACTION_TABLES = (
    "article_countries", "article_topics", "article_orgs", "person_mentions", "events",
    "commitments", "engagements", "engagement_sides", "article_mentions",
)  # fmt: skip


def delete_extractions(conn: Connection, rowid: int, *, sketch: bool = True) -> None:
    """Remove what extraction stored for one article (its rows in `EXTRACTION_TABLES`)."""
    # The people named lose a mention: the registry recomputes them.
    conn.execute(
        "UPDATE people SET stale = 1 WHERE id IN "
        "(SELECT person FROM person_mentions WHERE article = ? AND person IS NOT NULL)",
        (rowid,),
    )
    for table in EXTRACTION_TABLES:
        if table == "article_mentions" and not table_exists(conn, table):
            continue
        conn.execute(f"DELETE FROM {table} WHERE article = ?", (rowid,))
    if sketch:
        conn.execute("DELETE FROM sketch_bands WHERE article = ?", (rowid,))


def write_extractions(
    conn: Connection,
    rowid: int,
    art: PreparedArticle,
    *,
    skip_sketch: bool,
    persons: Sequence[int] | None = None,
) -> None:
    """Write one article's extraction tables (the article row itself is the caller's);
    ``persons`` as for `write_article`."""
    ex = art.extraction
    insert_rows(
        conn,
        "INSERT OR IGNORE INTO article_countries (article, code, rank) VALUES (?, ?, ?)",
        [(rowid, code, rank) for rank, code in enumerate(ex.countries)],
    )
    insert_rows(
        conn,
        "INSERT OR IGNORE INTO article_topics (article, topic) VALUES (?, ?)",
        [(rowid, t) for t in ex.topics],
    )
    insert_rows(
        conn,
        "INSERT OR IGNORE INTO article_orgs (article, org) VALUES (?, ?)",
        [(rowid, o) for o in ex.orgs],
    )
    _write_people(conn, rowid, ex, art.person_keys, persons)
    _write_engagements(conn, rowid, ex)
    _write_events(conn, rowid, ex)
    _write_commitments(conn, rowid, ex)
    pair_table.insert(conn, rowid, art.weights)
    if not skip_sketch:
        insert_rows(
            conn,
            "INSERT OR IGNORE INTO sketch_bands (band, value, article) VALUES (?, ?, ?)",
            [(i, v, rowid) for i, v in enumerate(art.bands)],
        )


def _write_people(
    conn: Connection,
    rowid: int,
    ex: Extraction,
    person_keys: Sequence[str],
    persons: Sequence[int | None] | None,
) -> None:
    if len(person_keys) != len(ex.people):
        raise ValueError(f"{len(person_keys)} person keys for {len(ex.people)} people")
    if persons is None:
        persons = [None] * len(ex.people)
    elif len(persons) != len(ex.people):
        raise ValueError(f"{len(persons)} identities for {len(ex.people)} people")
    insert_rows(
        conn,
        "INSERT INTO person_mentions (article, name, person_key, role, country, sentence, "
        "sentences, org, how, person) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                p.name,
                key,
                p.role,
                p.country,
                p.spans[0].sentence if p.spans else 0,
                ",".join(str(n) for n in sorted({span.sentence for span in p.spans})),
                p.org,
                p.how,
                person,
            )
            for p, key, person in zip(ex.people, person_keys, persons, strict=True)
        ],
    )


def _write_engagements(conn: Connection, rowid: int, ex: Extraction) -> None:
    insert_rows(
        conn,
        "INSERT INTO engagements (article, seq, sentence, type, status, date, place, sides, "
        "participants, trigger) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                seq,
                e.span.sentence,
                e.type,
                e.status,
                e.date,
                e.place,
                ",".join(engagement_sides(e)),
                json.dumps([list(p) for p in e.participants], ensure_ascii=False),
                e.trigger,
            )
            for seq, e in enumerate(ex.engagements)
        ],
    )
    insert_rows(
        conn,
        "INSERT OR IGNORE INTO engagement_sides (side, article, seq) VALUES (?, ?, ?)",
        [
            (side, rowid, seq)
            for seq, e in enumerate(ex.engagements)
            for side in engagement_sides(e)
        ],
    )


def _write_events(conn: Connection, rowid: int, ex: Extraction) -> None:
    insert_rows(
        conn,
        "INSERT INTO events (article, sentence, type, mode, cameo, score, actors, place, date, "
        "trigger, historical, hypothetical, negated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (
                rowid,
                e.span.sentence,
                e.type,
                e.mode,
                e.cameo,
                e.score,
                ",".join(e.actors),
                e.place,
                e.date,
                e.trigger,
                int(e.historical),
                int(e.hypothetical),
                int(e.negated),
            )
            for e in ex.events
        ],  # fmt: skip
    )


def _write_commitments(conn: Connection, rowid: int, ex: Extraction) -> None:
    insert_rows(
        conn,
        "INSERT INTO commitments (article, sentence, kind, status, parties, summary, side) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (
                rowid,
                c.span.sentence,
                c.kind,
                c.status,
                ",".join(c.parties),
                c.summary,
                ",".join(c.side),
            )
            for c in ex.commitments
        ],
    )


def engagement_sides(engagement: EngagementRef) -> tuple[str, ...]:
    """The sides of an engagement as stored: country codes, then ``org:KEY``."""
    return (*engagement.countries, *(f"org:{org}" for org in engagement.orgs))


def add_alias(conn: Connection, alias: str, rowid: int) -> None:
    """Record that ``alias`` (a duplicate's id) was merged into article ``rowid``."""
    conn.execute("INSERT OR IGNORE INTO aliases (alias, article) VALUES (?, ?)", (alias, rowid))
