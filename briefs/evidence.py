"""Sources and the sentences they are cited for.

Every fact in a summary or brief points at a `Source`: an article and one of its
sentences, read back from the store (the sentence offsets were kept at ingest).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from search.model import document_text
from search.store import Store


@dataclass(frozen=True, slots=True)
class Source:
    """One cited sentence of one article.

    Attributes:
        article: The article id.
        title: Its headline (the start of its text when it has none).
        source: The publisher.
        date: ISO publication date, or None.
        sentence: The cited sentence, whitespace-normalised.
        url: The article's address, when known.
        countries: ISO alpha-3 codes of the countries the article concerns.
    """

    article: str
    title: str
    source: str | None
    date: str | None
    sentence: str
    url: str | None = None
    countries: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """The serialised form (JSON/YAML)."""
        return {
            "article": self.article,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "url": self.url,
            "countries": list(self.countries),
            "sentence": self.sentence,
        }


@dataclass(frozen=True, slots=True)
class _Loaded:
    """What `Evidence` keeps of one article."""

    id: str
    title: str
    source: str | None
    date: str | None
    url: str | None
    countries: tuple[str, ...]
    text: str
    sentences: Sequence[Sequence[int]]
    topics: dict[int, tuple[str, ...]]  # sentence -> topics mentioned in it (repeats kept)


_MISSING = _Loaded("", "", None, None, None, (), "", (), {})


class Evidence:
    """Reads cited sentences from the store, caching each article's text once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._cached = lru_cache(maxsize=512)(self._load_uncached)
        # Read ahead by `prefetch`: one query for many articles, where a team store would
        # otherwise answer one round trip per cited article.
        self._ahead: dict[int, _Loaded] = {}

    def prefetch(self, rowids: Sequence[int]) -> None:
        """Read the articles about to be cited, ``_CHUNK`` per query."""
        wanted = list(dict.fromkeys(r for r in rowids if r not in self._ahead))
        for i in range(0, len(wanted), _CHUNK):
            chunk = wanted[i : i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self.store.conn.execute(
                f"SELECT {_COLUMNS}, rowid FROM articles WHERE rowid IN ({marks})", chunk
            ):
                self._ahead[int(row[-1])] = _loaded(row[:-1])

    def _load(self, rowid: int) -> _Loaded:
        ahead = self._ahead.get(rowid)
        return ahead if ahead is not None else self._cached(rowid)

    def _load_uncached(self, rowid: int) -> _Loaded:
        row = self.store.conn.execute(
            f"SELECT {_COLUMNS} FROM articles WHERE rowid = ?", (rowid,)
        ).fetchone()
        return _MISSING if row is None else _loaded(row)

    def cite(self, rowid: int, sentence: int) -> Source:
        """The source for sentence number ``sentence`` of the article with this rowid."""
        art = self._load(rowid)
        if 0 <= sentence < len(art.sentences):
            start, end = art.sentences[sentence]
            said = " ".join(art.text[start:end].split())
        else:
            said = " ".join(art.text[:300].split())
        return Source(
            article=art.id,
            title=art.title or _lead(art.text),
            source=art.source,
            date=art.date,
            sentence=said,
            url=art.url,
            countries=art.countries,
        )

    def lead(self, rowid: int) -> Source:
        """The article's lead: its first substantive body sentence.

        Skips a title, a dateline line ("Washington, D.C.") and an attribution ("The
        below is attributable to Spokesperson Ned Price:"); falls back to the first
        body sentence, then to the title.
        """
        art = self._load(rowid)
        first = 1 if art.title and len(art.sentences) > 1 else 0
        for n in range(first, len(art.sentences)):
            start, end = art.sentences[n]
            said = art.text[start:end].rstrip()
            if len(said.split()) >= 6 and not said.endswith(":"):
                return self.cite(rowid, n)
        return self.cite(rowid, first)

    def topics(self, rowid: int, sentences: range) -> list[str]:
        """Topics mentioned in these sentences, most often first (then by first mention)."""
        counts: dict[str, int] = {}
        by_sentence = self._load(rowid).topics
        for n in sentences:
            for topic in by_sentence.get(n, ()):
                counts[topic] = counts.get(topic, 0) + 1
        return sorted(counts, key=lambda t: -counts[t])

    def sentence_count(self, rowid: int) -> int:
        """How many sentences the article has."""
        return len(self._load(rowid).sentences)


def _lead(text: str, width: int = 90) -> str:
    first = " ".join(text.strip().split("\n", 1)[0].split())
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"


# What a citation needs of an article.
_COLUMNS = "id, title, source, date, url, countries, body, extraction"
_CHUNK = 200


def _loaded(row: Sequence[Any]) -> _Loaded:
    aid, title, source, date, url, countries, body, extraction = row
    data = json.loads(extraction or "{}")
    topics: dict[int, list[str]] = defaultdict(list)
    for kind, key, _start, _end, sentence, _how in data.get("mentions", ()):
        if kind == "topic":
            topics[sentence].append(key)
    return _Loaded(
        id=aid,
        title=title,
        source=source,
        date=date,
        url=url,
        countries=tuple(c for c in (countries or "").split(",") if c),
        text=document_text(title or None, body),
        # As stored: [start, end] lists of ints (converting every pair of a long
        # speech to tuples took about a sixth of the load, profiled on 100k).
        sentences=data.get("sentences", ()),
        topics={k: tuple(v) for k, v in topics.items()},
    )
