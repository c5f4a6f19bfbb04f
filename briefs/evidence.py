"""Sources and the sentences they are cited for.

Every fact in a summary or brief points at a `Source`: an article and one of its
sentences, read back from the store (the sentence offsets were kept at ingest).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from search.model import document_text
from search.store import Store


@dataclass(frozen=True, slots=True)
class Source:
    """One cited sentence of one article."""

    article: str
    title: str
    source: str | None
    date: str | None
    sentence: str
    url: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The serialised form (JSON/YAML)."""
        return {
            "article": self.article,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "url": self.url,
            "sentence": self.sentence,
        }


class Evidence:
    """Reads cited sentences from the store, caching each article's text once."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._load = lru_cache(maxsize=512)(self._load_uncached)

    def _load_uncached(
        self, rowid: int
    ) -> tuple[str, str, str | None, str | None, str | None, str, tuple[tuple[int, int], ...]]:
        row = self.store.conn.execute(
            "SELECT id, title, source, date, url, body, extraction FROM articles WHERE rowid = ?",
            (rowid,),
        ).fetchone()
        if row is None:
            return ("", "", None, None, None, "", ())
        aid, title, source, date, url, body, extraction = row
        sentences = tuple(tuple(s) for s in json.loads(extraction).get("sentences", ()))
        return aid, title, source, date, url, document_text(title, body), sentences  # type: ignore[return-value]

    def cite(self, rowid: int, sentence: int) -> Source:
        """The source for sentence number ``sentence`` of the article with this rowid."""
        aid, title, source, date, url, text, sentences = self._load(rowid)
        if 0 <= sentence < len(sentences):
            start, end = sentences[sentence]
            said = " ".join(text[start:end].split())
        else:
            said = " ".join(text[:300].split())
        return Source(aid, title or _lead(text), source, date, said, url)

    def lead(self, rowid: int) -> Source:
        """The article's first body sentence (its title when it has no body sentence)."""
        _aid, title, _source, _date, _url, _text, sentences = self._load(rowid)
        return self.cite(rowid, 1 if title and len(sentences) > 1 else 0)


def _lead(text: str, width: int = 90) -> str:
    first = " ".join(text.strip().split("\n", 1)[0].split())
    return first if len(first) <= width else first[: width - 1].rstrip() + "…"
