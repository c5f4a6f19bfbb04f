"""An article as the reader shows it: its text's entity mentions and its entities.

The stored extraction (`search.store.Store.extraction`) is checked against the text
(a malformed or out-of-range mention is dropped, never trusted) and grouped into one
entity per country, person, organisation and topic, in the article's own order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from search.extract.countries import country_name
from search.model import Article

ENTITY_KINDS = ("country", "person", "org", "topic")


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One highlighted stretch of the document text."""

    kind: str
    key: str
    start: int
    end: int
    how: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity of the article, for the side panel."""

    kind: str
    key: str
    label: str
    detail: str | None
    mentions: int
    first: int | None


@dataclass(frozen=True, slots=True)
class ArticleView:
    """An article with what the reader shows of its extraction."""

    article: Article
    mentions: tuple[EntityMention, ...]
    entities: tuple[Entity, ...]
    country_names: dict[str, str] = field(default_factory=dict)


def build_view(article: Article, extraction: dict[str, Any]) -> ArticleView:
    """Validate the stored extraction against the text and group it into entities."""
    mentions = _mentions(extraction, len(article.text))
    roles = _roles(extraction)
    counts: dict[tuple[str, str], int] = {}
    firsts: dict[tuple[str, str], int] = {}
    for m in mentions:
        counts[(m.kind, m.key)] = counts.get((m.kind, m.key), 0) + 1
        firsts.setdefault((m.kind, m.key), m.start)
    order: list[tuple[str, str]] = []
    order += [("country", code) for code in article.countries]
    order += [("person", name) for name in article.people]
    order += [("org", name) for name in article.orgs]
    order += [("topic", name) for name in article.topics]
    order += sorted(counts, key=lambda k: (ENTITY_KINDS.index(k[0]), firsts[k]))
    names: dict[str, str] = {}
    entities: list[Entity] = []
    seen: set[tuple[str, str]] = set()
    for kind, key in order:
        if (kind, key) in seen:
            continue
        seen.add((kind, key))
        label = key
        if kind == "country":
            label = names.setdefault(key, country_name(key))
        entities.append(
            Entity(
                kind=kind,
                key=key,
                label=label,
                detail=roles.get(key) if kind == "person" else None,
                mentions=counts.get((kind, key), 0),
                first=firsts.get((kind, key)),
            )
        )
    entities.sort(key=lambda e: ENTITY_KINDS.index(e.kind))
    return ArticleView(article, tuple(mentions), tuple(entities), names)


def _mentions(extraction: dict[str, Any], text_length: int) -> list[EntityMention]:
    mentions: list[EntityMention] = []
    for item in extraction.get("mentions", ()):
        try:
            kind, key, start, end = str(item[0]), str(item[1]), int(item[2]), int(item[3])
            how = str(item[5]) if len(item) > 5 else "name"
        except (TypeError, ValueError, IndexError):
            continue  # a malformed record must not break the reader
        if kind in ENTITY_KINDS and 0 <= start < end <= text_length:
            mentions.append(EntityMention(kind, key, start, end, how))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def _roles(extraction: dict[str, Any]) -> dict[str, str]:
    """Each person's role and side ("Foreign Minister, Norway"), by name."""
    roles: dict[str, str] = {}
    for person in extraction.get("people", ()):
        if isinstance(person, dict) and person.get("name"):
            country = person.get("country")
            where = country_name(str(country)) if country else None
            detail = ", ".join(str(v) for v in (person.get("role"), where) if v)
            if detail:
                roles[str(person["name"])] = detail
    return roles
