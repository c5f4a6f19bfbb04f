"""Which articles concern a pair of countries (the pair view's ``articles``).

An article's ``countries`` (``article_countries``) are the countries it concerns on its
own terms (`search.extract.countries`).  Asking for *both* of two countries that way
misses much of what a desk officer calls "our relations": a State Department readout
of a call with the Kazakh foreign minister never names the United States as a subject,
and "the Secretary spoke with the Foreign Ministers of Kazakhstan, the Kyrgyz
Republic, Tajikistan, and Uzbekistan" names each of them once.  So the pair rule weighs
every country an article *mentions* (`country_weights`) and decides per pair
(`concerns_pair`).  A country is *strong* in an article when it is the dateline
country, the publisher's own country (a government publisher), or gets >= 3 points of
attention (headline 2, substantive lead sentence 1, each mention 1, demonym or capital
0.5).  An article concerns both countries when

1. both are strong; in a long text (> 40 sentences: speeches, briefing transcripts)
   that the publisher of neither wrote, a sentence must also name the two of them
   together with at most one other country ("tensions between Greece and Türkiye"),
   so that a speech attacking one and praising the other does not count; or
2. a government publisher's release of <= 20 sentences is about the other country:
   in the headline, in the lead (not as one of more than six), or >= 2 points.  The
   publisher's country is a party to its own releases; or
3. in a text of <= 40 sentences, one has >= 3 points of attention and the two *act
   together*: an event, engagement or commitment of the article has both as its actors
   (with at most one other country): "Japan agreed in talks with the U.S. to amend its
   laws" makes a story about Japan's trade one about Japan and the United States, where
   the U.S., named once, would not be strong.  A country acting with one that has that
   attention (or is the dateline's) counts as salient.  Being the publisher is not
   attention here: rule 2 already covers a government's own releases.

Lists discount attention: a mention in a sentence naming k >= 5 countries counts 2/k
("issued by the Governments of Canada, Egypt, France, ... and the United States").  The
lead is the first body sentence of six words or more that does not end in a colon (not
"Washington, D.C." nor "The below is attributable to Spokesperson Ned Price:").

The thresholds were set on hand-checked cases (bench/pair_cases.yaml; figures with
bench/pair_eval.py) and checked on cases not used for tuning.

Where the weights come from: the store's ``article_mentions`` table when it exists
(one row per article and mentioned country, written at ingest; see docs/relations.md),
else they are computed here from each candidate article's stored extraction, which is
slower on a large archive but gives the same answer.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from search.extract.countries import publisher_home
from search.extract.gazetteer import gazetteer
from search.model import Extraction, document_text
from search.store import pair_table
from search.store.engine import Connection
from search.store.pair_table import TABLE, CountryWeight, has_counts, has_table

__all__ = [
    "ArticleQuery",
    "CountryWeight",
    "backfill",
    "concerns_pair",
    "count_sql",
    "country_weights",
    "driving_order",
    "extraction_weights",
    "has_table",
    "interactions",
    "pair_article_rowids",
    "pair_articles_query",
    "weights_from_json",
]

STRONG = 3.0  # points that make a country one the article is about
SALIENT = 2.0  # points that make a country the subject of a short government release
LEAD_SHARE = 0.3  # named in the lead as one of at most six countries
LIST_MIN = 5  # a sentence naming this many countries is a list
LIST_SHARE = 2.0  # each listed country gets LIST_SHARE / k of a mention
HOME_SHORT = 20  # a government release this short is about the countries it features
LONG = 40  # a text this long must name the two together (at most one other with them)
TOGETHER = 3  # "together": in a sentence naming at most this many countries
_TITLE, _LEAD = 2.0, 1.0
_WEIGHTS = {"name": 1.0, "alias": 1.0, "our-country": 1.0, "demonym": 0.5, "capital": 0.5}
_WORD_AFTER = re.compile(r" ([^\W\d_][\w'-]*)")


def country_weights(
    mentions: Iterable[Sequence[object]],
    sentences: Sequence[Sequence[int]],
    *,
    title: str | None,
    body: str,
    source: str | None,
    acts: Iterable[Sequence[str]] = (),
) -> dict[str, CountryWeight]:
    """Weigh every country an article mentions (see the module docstring).

    Args:
        mentions: The stored extraction's mentions, ``[kind, key, start, end, sentence,
            how]`` (`search.store.extraction_to_json`); non-country ones are skipped.
        sentences: The stored sentence spans.
        title: The headline (None or "" when the article has none).
        body: The body text.
        source: The publisher (for its own country).
        acts: The countries of each of the article's events, engagements and commitments
            (`interactions`).

    Returns:
        Code -> weight, for every country mentioned, plus the publisher's country.
    """
    title = title or None
    text = document_text(title, body)
    found = [m for m in mentions if m[0] == "country"]
    named: dict[int, set[str]] = defaultdict(set)
    for _kind, code, _start, _end, sentence, how in found:
        if how != "dateline":
            named[int(sentence)].add(str(code))  # type: ignore[call-overload]  # a JSON int
    score, in_title, in_lead, dateline = _attention(found, named, text, sentences, title)

    partners: dict[str, set[str]] = defaultdict(set)
    for codes in named.values():
        if 2 <= len(codes) <= TOGETHER:
            for code in codes:
                partners[code] |= codes - {code}
    home = publisher_home(source)
    acting: dict[str, set[str]] = defaultdict(set)
    for group in acts:
        codes = {code for code in group if code in score or code == home}
        if 2 <= len(codes) <= TOGETHER:
            for code in codes:
                acting[code] |= codes - {code}
    points_of: dict[str, float] = {}
    attended: set[str] = set()  # strong by the article's own attention, not as publisher
    for code in set(score) | ({home} if home else set()):
        points = score.get(code, 0.0) + _TITLE * in_title.get(code, 0.0)
        points += _LEAD * in_lead.get(code, 0.0)
        points_of[code] = points
        if code != home and (code in dateline or points >= STRONG):
            attended.add(code)
    weights = {}
    for code, points in points_of.items():
        weights[code] = CountryWeight(
            code=code,
            score=round(points, 3),
            strong=code in attended or code == home,
            home=code == home,
            salient=code in in_title
            or in_lead.get(code, 0.0) >= LEAD_SHARE
            or points >= SALIENT
            or (len(sentences) <= LONG and bool(acting.get(code, set()) & attended)),
            sentences=len(sentences),
            partners=frozenset(partners.get(code, ())),
            acts_with=frozenset(acting.get(code, ())),
        )
    return weights


def _attention(
    found: list[Sequence[object]],
    named: dict[int, set[str]],
    text: str,
    sentences: Sequence[Sequence[int]],
    title: str | None,
) -> tuple[dict[str, float], dict[str, float], dict[str, float], set[str]]:
    """Each country's points outside the headline, its share in the headline and in the
    lead, and the dateline countries (see the module docstring)."""
    title_end = len(title) if title else 0
    body_start = title_end + 2 if title_end else 0
    lead = _lead_sentence(text, sentences, body_start)
    currency = gazetteer().currency_words
    score: dict[str, float] = defaultdict(float)
    in_title: dict[str, float] = {}
    in_lead: dict[str, float] = {}
    dateline: set[str] = set()
    for _kind, code, start, end, sentence, how in found:
        # The mention fields are untyped JSON values (ints here).
        code, start, end, sentence = str(code), int(start), int(end), int(sentence)  # type: ignore[call-overload]
        if how == "dateline":
            dateline.add(code)
            score[code] += 0.0
            continue
        weight = _WEIGHTS.get(str(how), 1.0)
        if _next_word(text, end).lower() in currency:
            weight = 0.0  # "U.S. dlrs": a currency, not the country
        k = len(named[sentence])
        share = min(1.0, LIST_SHARE / k) if k >= LIST_MIN else 1.0
        if title_end and start < title_end:
            if weight:
                in_title[code] = max(in_title.get(code, 0.0), share)
            score[code] += 0.0
            continue
        score[code] += weight * share
        if sentence == lead and weight:
            in_lead[code] = max(in_lead.get(code, 0.0), share)
    return score, in_title, in_lead, dateline


def interactions(extraction: Extraction) -> list[tuple[str, ...]]:
    """The countries of each event, engagement and commitment of an extraction: who acts
    together in the article (rule 3).  Hypothetical and negated events are left out."""
    groups: list[tuple[str, ...]] = []
    for event in extraction.events:
        if not (event.hypothetical or event.negated):
            groups.append(tuple(event.actors))
    for engagement in extraction.engagements:
        groups.append(tuple(engagement.countries))
    for commitment in extraction.commitments:
        groups.append(tuple(c for c in commitment.parties if not c.startswith("org:")))
    # (at most one other country: a forum's members, the G7's seven of "the Venice summit",
    # do not act together with each other in an article that names two of them)
    return [group for group in groups if 2 <= len(set(group)) <= TOGETHER]


def concerns_pair(x: CountryWeight, y: CountryWeight) -> bool:
    """Whether an article with these weights concerns both countries."""
    if x.strong and y.strong:
        if x.sentences <= LONG or x.home or y.home or y.code in x.partners:
            return True
    elif x.sentences <= HOME_SHORT and ((x.home and y.salient) or (y.home and x.salient)):
        return True
    return (
        x.sentences <= LONG
        and ((x.score >= STRONG and not x.home) or (y.score >= STRONG and not y.home))
        and x.salient
        and y.salient
        and y.code in x.acts_with
    )


def _lead_sentence(text: str, sentences: Sequence[Sequence[int]], body_start: int) -> int:
    """The first substantive body sentence (not a dateline line or an attribution)."""
    for i, (start, end) in enumerate(sentences):
        if start < body_start:
            continue
        said = text[start:end].rstrip()
        if len(said.split()) >= 6 and not said.endswith(":"):
            return i
    return -1


def _next_word(text: str, end: int) -> str:
    found = _WORD_AFTER.match(text, end)
    return found.group(1) if found else ""


# --------------------------------------------------------------------------- queries


# The pair rule in SQL, for the stored weights (must agree with `concerns_pair`).  The
# rule is symmetric; the query runs from ``:a``, which `_driving_order` makes the
# country with fewer strong or salient rows.  ``(x.strong OR x.salient)`` holds for
# every answer (``home`` implies ``strong``) and lets SQLite use the partial index.
_PAIR_SQL = f"""
SELECT x.article FROM {TABLE} x JOIN {TABLE} y ON y.article = x.article AND y.code = :b
WHERE x.code = :a AND (x.strong OR x.salient) AND (
    (x.strong AND y.strong AND (x.sentences <= {LONG} OR x.home OR y.home
        OR instr(',' || x.partners || ',', ',' || :b || ',') > 0))
    OR (x.sentences <= {HOME_SHORT} AND ((x.home AND y.salient) OR (y.home AND x.salient)))
    OR (x.sentences <= {LONG}
        AND ((x.score >= {STRONG} AND NOT x.home) OR (y.score >= {STRONG} AND NOT y.home))
        AND x.salient AND y.salient AND instr(',' || x.acts_with || ',', ',' || :b || ',') > 0)
)
"""


def count_sql() -> str:
    """One query counting the articles that concern both ``:a`` and ``:b`` (stored weights).

    Fastest with ``:a`` the rarer country (`driving_order`).
    """
    return f"SELECT count(*) FROM ({_PAIR_SQL}) pair"


def driving_order(conn: Connection, a: str, b: str) -> dict[str, str]:
    """``{"a": ..., "b": ...}`` with ``a`` the country with fewer strong or salient rows."""
    if not has_counts(conn):
        return {"a": a, "b": b}
    counts = dict(conn.execute(f"SELECT code, n FROM {TABLE}_counts WHERE code IN (?, ?)", (a, b)))
    if counts.get(b, 0) < counts.get(a, 0):
        a, b = b, a
    return {"a": a, "b": b}


@dataclass(frozen=True, slots=True)
class ArticleQuery:
    """A query of article rowids (one column, ``article``, each rowid once) with its
    parameters: what a caller may join to in SQL instead of reading the rowids first."""

    sql: str
    params: dict[str, str]


def pair_articles_query(conn: Connection, a: str, b: str) -> ArticleQuery | None:
    """The query of `pair_article_rowids`, or None when the store cannot answer it in SQL
    (no ``article_mentions`` table yet: the rule is computed here)."""
    if a == b:
        return ArticleQuery("SELECT article FROM article_countries WHERE code = :a", {"a": a})
    if has_table(conn):
        return ArticleQuery(_PAIR_SQL, driving_order(conn, a, b))
    return None


def pair_article_rowids(conn: Connection, a: str, b: str) -> set[int]:
    """Rowids of every article that concerns both ``a`` and ``b`` (any date)."""
    query = pair_articles_query(conn, a, b)
    if query is None:
        return set(_computed_pair(conn, a, b))
    return {int(r[0]) for r in conn.execute(query.sql, query.params)}


def _computed_pair(conn: Connection, a: str, b: str) -> Iterator[int]:
    """The pair rule over the stored extractions (no ``article_mentions`` table yet).

    Candidates: articles that concern either country and whose extraction names both,
    or that a government speaking for one of them published and that name the other.
    """
    homes: dict[str, list[str]] = {a: [], b: []}
    for (source,) in conn.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL"):
        home = publisher_home(str(source))
        if home in homes:
            homes[home].append(str(source))
    mark_a, mark_b = f'"country","{a}"', f'"country","{b}"'
    clauses = [
        "(a.rowid IN (SELECT article FROM article_countries WHERE code IN (?, ?)) "
        "AND instr(a.extraction, ?) > 0 AND instr(a.extraction, ?) > 0)"
    ]
    params: list[object] = [a, b, mark_a, mark_b]
    for home, other in ((a, mark_b), (b, mark_a)):
        if homes[home]:
            clauses.append(
                f"(a.source IN ({','.join('?' * len(homes[home]))}) AND instr(a.extraction, ?) > 0)"
            )
            params += [*homes[home], other]
    rows = conn.execute(
        "SELECT a.rowid, a.title, a.body, a.source, a.extraction FROM articles a WHERE "
        + " OR ".join(clauses),
        params,
    )
    for rowid, title, body, source, extraction in rows:
        weights = weights_from_json(extraction, title, body, source)
        x, y = weights.get(a), weights.get(b)
        if x is not None and y is not None and concerns_pair(x, y):
            yield int(rowid)


def weights_from_json(
    extraction: str, title: str | None, body: str, source: str | None
) -> dict[str, CountryWeight]:
    """`country_weights` of a stored article (its ``extraction`` JSON column)."""
    data = json.loads(extraction or "{}")
    return country_weights(
        data.get("mentions", ()),
        data.get("sentences", ()),
        title=title,
        body=body,
        source=source,
        acts=data.get("acts", ()),
    )


def extraction_weights(
    extraction: Extraction, *, title: str | None, body: str, source: str | None
) -> dict[str, CountryWeight]:
    """`country_weights` of a fresh extraction (what ingest stores in ``article_mentions``)."""
    return country_weights(
        [(m.kind, m.key, m.span.start, m.span.end, m.span.sentence, m.how)
         for m in extraction.mentions if m.kind == "country"],
        extraction.sentences, title=title, body=body, source=source,
        acts=interactions(extraction),
    )  # fmt: skip


def backfill(conn: Connection, batch: int = 2000) -> int:
    """Create and fill ``article_mentions`` from the stored extractions
    (`search.store.pair_table.backfill` with this rule); returns the articles weighed."""
    return pair_table.backfill(conn, weights_from_json, batch)
