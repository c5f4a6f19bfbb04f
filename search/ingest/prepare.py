"""A read and extracted article made ready for the store (`PreparedArticle`) and for
the index (`index_row`).

The store does not extract (`search.store`): what it keeps beside an extraction and
derives from it, each person's key and the pair rule's weights, is computed here.
"""

from __future__ import annotations

from typing import Any, Literal

from search import pairs
from search.extract.aliases import person_key
from search.ingest import dedup
from search.model import Extraction, RawArticle
from search.store import CountryWeight, PreparedArticle


def prepare(
    raw: RawArticle,
    extraction: Extraction,
    *,
    title: str,
    body: str,
    chash: str,
    article_id: str,
    signature: bytes | None | Literal[False] = False,
) -> PreparedArticle:
    """What is stored of a read article: normalised text, extraction, sketch (``signature``:
    `search.ingest.dedup.sketch` of ``body`` when the caller made it already)."""
    if signature is False:
        signature = dedup.sketch(body)
    person_keys, acts, weights = derived(extraction, title=title, body=body, source=raw.source)
    return PreparedArticle(
        id=article_id,
        content_hash=chash,
        title=title,
        body=body,
        date=raw.date,
        source=raw.source,
        url=raw.url,
        lang=raw.lang,
        city=extraction.city or raw.city,
        agency=raw.agency,
        origin=raw.origin,
        tags=raw.tags,
        meta=raw.meta,
        extraction=extraction,
        sketch=signature,
        bands=tuple(dedup.bands(signature)) if signature else (),
        person_keys=person_keys,
        acts=acts,
        weights=weights,
    )


def derived(
    extraction: Extraction, *, title: str | None, body: str, source: str | None
) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], dict[str, CountryWeight]]:
    """The `PreparedArticle` fields derived from an extraction: ``person_keys`` (one per
    person, `search.extract.aliases.person_key`), ``acts`` (who acts together,
    `search.pairs.interactions`) and ``weights`` (the pair rule's, `search.pairs`)."""
    return (
        tuple(person_key(p.name) for p in extraction.people),
        tuple(tuple(group) for group in pairs.interactions(extraction)),
        pairs.extraction_weights(extraction, title=title, body=body, source=source),
    )


def index_row(art: PreparedArticle, cluster: int) -> dict[str, Any]:
    """The row `search.index.manage.document_fields` takes, built without re-reading the store."""
    ex = art.extraction
    return {
        "id": art.id,
        "title": art.title,
        "body": art.body,
        "date": art.date,
        "source": art.source,
        "city": art.city,
        "lang": art.lang,
        "countries": ",".join(ex.countries),
        "people": "|".join(dict.fromkeys(p.name for p in ex.people)),
        "orgs": "|".join(ex.orgs),
        "topics": ",".join(ex.topics),
        "cluster": cluster,
    }
