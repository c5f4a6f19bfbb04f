"""From fields to a `RawArticle`: key mapping for JSON/CSV records, and the rules every
reader shares (cleaning, size limit, date precedence, dateline, overrides).

Date precedence is metadata > dateline (only when it writes a year) > ``--date`` >
undated.  The ``--source`` and ``--lang`` overrides win over what the file says, as
the user typed them on purpose; the dateline agency is a source of last resort.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from search.datelines import parse_dateline
from search.model import RawArticle
from search.readers.cleaning import clean_line, clean_meta, clean_text
from search.readers.dates import date_from_parts, normalise_date
from search.readers.fields import normalise_id, normalise_lang, normalise_tags
from search.readers.limits import MAX_ARTICLE_BYTES, Rejected, describe_size


@dataclass(frozen=True, slots=True)
class Options:
    """What the user said on the command line (``--source``, ``--date``, ``--lang``).

    ``date`` is already normalised to ``YYYY-MM-DD``.
    """

    source: str | None = None
    date: str | None = None
    lang: str | None = None


# Record keys (lower-cased) for each article field, in order of preference.
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "body": ("body", "text", "content", "article"),
    "description": ("description",),
    "date": ("date", "published", "pubdate", "published_at", "datetime", "created"),
    "url": ("url", "link", "href"),
    "source": ("source", "publisher", "site", "agency"),
    "lang": ("lang", "language"),
    "id": ("id", "guid", "uuid"),
    "tags": ("tags", "keywords", "categories"),
    # Evaluation labels in the bundled corpora: kept aside, never extraction input.
    "countries": ("countries",),
    "meta": ("meta",),
}
_FIELD_OF_KEY = {key: field for field, keys in FIELD_KEYS.items() for key in keys}
_KEY_RANK = {key: rank for keys in FIELD_KEYS.values() for rank, key in enumerate(keys)}
BODY_KEYS = frozenset(FIELD_KEYS["body"] + FIELD_KEYS["description"])

# Plans per key layout: JSON Lines files repeat the same keys on every line.
_PLANS: dict[tuple[str, ...], tuple[dict[str, list[str]], list[str]]] = {}
_MAX_PLANS = 256


def record_to_article(record: Mapping[str, Any], origin: str, options: Options) -> RawArticle:
    """Map one JSON object or CSV row to an article.

    Recognised keys (any case) fill the article's fields; when several keys map to
    one field the first present in `FIELD_KEYS` order with a usable value wins and
    the others stay in ``meta``.  ``description`` is the body only when no other body
    key has text.  A ``countries`` value goes to ``meta["labels"]["countries"]``; a
    ``meta`` object is merged into ``meta``; every other key is kept in ``meta``.

    Raises:
        Rejected: When the record has no body text or is too large.
    """
    plan, rest = _plan(tuple(record))
    meta: dict[str, Any] = {}
    chosen: dict[str, Any] = {}
    for field, keys in plan.items():
        for key in keys:
            value = record[key]
            if field not in chosen and _usable(field, value):
                chosen[field] = value
            elif value is not None and value != "":
                meta[key] = value
    for key in rest:
        value = record[key]
        if value is not None and value != "":
            meta[key] = value

    body = chosen.pop("body", None)
    description = chosen.pop("description", None)
    if body is None and description is not None:
        body = description
    elif description is not None:
        meta["description"] = description
    if body is None:
        raise Rejected("no body text")
    if isinstance(body, list):
        body = "\n\n".join(str(p) for p in body if isinstance(p, str | int | float))

    labels = chosen.pop("countries", None)
    if labels is not None:
        meta["labels"] = {"countries": labels}
    extra = chosen.pop("meta", None)
    if isinstance(extra, dict):
        for key, value in extra.items():
            meta.setdefault(str(key), value)
    elif extra is not None:
        meta.setdefault("meta", extra)

    source = chosen.get("source")
    if isinstance(source, dict):
        source = source.get("name") or source.get("title")
    # Every date key is a candidate, best first: an unreadable "date" must not hide
    # a readable "published".
    dates = [record[key] for key in plan.get("date", ()) if _usable("date", record[key])]
    return build_article(
        body=body,
        title=_as_text(chosen.get("title")),
        dates=dates,
        source=_as_text(source),
        url=_as_text(chosen.get("url")),
        lang=chosen.get("lang"),
        source_id=normalise_id(chosen.get("id")),
        tags=normalise_tags(chosen.get("tags")),
        meta=meta,
        origin=origin,
        options=options,
    )


# What each field takes, for warnings about values of another type.
_EXPECTED = {
    "title": "text",
    "description": "text",
    "url": "text",
    "source": "text",
    "lang": "a language code",
    "date": "a date",
    "id": "text or a whole number",
    "tags": "a list or text",
}


def ignored_fields(record: Mapping[str, Any]) -> list[tuple[str, str]]:
    """Recognised keys whose value is of a type that cannot fill their field.

    `record_to_article` keeps such a value in ``meta`` and leaves the field empty
    (``date: [1, 2]``, ``tags: 5``, ``title: {a: 1}``); this says which, for warnings.
    Text values are never listed (an unreadable date string is kept as ``raw_date``).

    Returns:
        ``(key, "a list, not a date")`` pairs, in the record's order.
    """
    ignored = []
    for key, value in record.items():
        field = _FIELD_OF_KEY.get(key.strip().lower()) if isinstance(key, str) else None
        if field not in _EXPECTED or value is None or isinstance(value, str):
            continue
        if not _usable(field, value):
            ignored.append((key, f"{_kind(value)}, not {_EXPECTED[field]}"))
    return ignored


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, dt.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def has_body_key(keys: Iterable[str]) -> bool:
    """True when one of ``keys`` (any case) can hold the article body."""
    return any(str(k).strip().lower() in BODY_KEYS for k in keys)


def build_article(
    *,
    body: str,
    origin: str,
    options: Options,
    title: str | None = None,
    dates: Iterable[Any] = (),
    source: str | None = None,
    url: str | None = None,
    lang: Any = None,
    source_id: str | None = None,
    tags: tuple[str, ...] = (),
    meta: dict[str, Any] | None = None,
) -> RawArticle:
    """Clean the fields, apply the shared rules and build the `RawArticle`.

    Args:
        body: Article text (cleaned here).
        origin: Path, plus ``:LINE`` for line-based formats.
        options: Command-line overrides.
        title: Headline, if any.
        dates: Candidate publication dates, best first; the first readable one wins.
        source: Publisher named by the file's metadata.
        url: Canonical address.
        lang: Language as the file gives it (a code or a name).
        source_id: The source's own identifier; the URL is the fallback.
        tags: Free tags.
        meta: Everything else (made JSON-serialisable and cleaned here).

    Raises:
        Rejected: When the body is empty or larger than `MAX_ARTICLE_BYTES`.
    """
    body = _clean_body(body)
    extra = clean_meta(meta) if meta else {}

    raw_lang = lang
    lang_code = normalise_lang(lang)
    if lang_code is None and isinstance(raw_lang, str) and raw_lang.strip():
        extra["raw_lang"] = clean_line(raw_lang[:100])

    date = _first_date(dates, lang_code, extra)

    dateline = parse_dateline(body)
    if date is None and dateline is not None:
        date = date_from_parts(dateline.year, dateline.month, dateline.day)
    if date is None:
        date = options.date

    clean_url = clean_line(url[:4000]) if isinstance(url, str) else None
    return RawArticle(
        body=body,
        title=clean_line(title[:2000]) if title else None,
        date=date,
        source=options.source
        or clean_line(source[:500] if source else None)
        or (dateline.agency if dateline else None),
        url=clean_url,
        lang=options.lang or lang_code,
        source_id=source_id or clean_url,
        city=dateline.city if dateline else None,
        agency=dateline.agency if dateline else None,
        tags=tags,
        origin=origin,
        meta=extra,
    )


def _clean_body(body: Any) -> str:
    """The body cleaned; `Rejected` when it is missing, empty or too large."""
    if not isinstance(body, str):
        raise Rejected("no body text")
    # Cheap bound first: a str of N characters encodes to at most 4N bytes.
    if (
        len(body) * 4 > MAX_ARTICLE_BYTES
        and len(body.encode("utf-8", "replace")) > MAX_ARTICLE_BYTES
    ):
        size = len(body.encode("utf-8", "replace"))
        raise Rejected(
            f"article too large: {describe_size(size)}, limit {describe_size(MAX_ARTICLE_BYTES)}"
        )
    text = clean_text(body)
    if not text:
        raise Rejected("no body text")
    return text


def _first_date(dates: Iterable[Any], lang_code: str | None, extra: dict[str, Any]) -> str | None:
    """The first readable candidate date; the first unreadable one goes to ``extra``
    (``raw_date``) when none is readable."""
    date = None
    first_raw = None
    for candidate in dates:
        if candidate is None or candidate == "":
            continue
        date = normalise_date(candidate, lang_code)
        if date is not None:
            break
        if first_raw is None:
            first_raw = candidate
    if date is None and first_raw is not None:
        extra["raw_date"] = clean_meta(first_raw if isinstance(first_raw, str) else str(first_raw))
    return date


def _plan(keys: tuple[str, ...]) -> tuple[dict[str, list[str]], list[str]]:
    plan = _PLANS.get(keys)
    if plan is None:
        fields: dict[str, list[str]] = {}
        rest: list[str] = []
        for key in keys:
            lowered = key.strip().lower() if isinstance(key, str) else key
            field = _FIELD_OF_KEY.get(lowered)
            if field is None:
                rest.append(key)
            else:
                fields.setdefault(field, []).append(key)
        for field_keys in fields.values():
            field_keys.sort(key=lambda k: _KEY_RANK[k.strip().lower()])
        plan = (fields, rest)
        if len(_PLANS) >= _MAX_PLANS:
            _PLANS.clear()
        _PLANS[keys] = plan
    return plan


def _usable(field: str, value: Any) -> bool:
    if value is None:
        return False
    if field in ("body", "description"):
        if isinstance(value, list):
            return any(isinstance(p, str) and p.strip() for p in value)
        return isinstance(value, str) and bool(value.strip())
    if field in ("title", "url"):
        return (
            isinstance(value, str | int | float)
            and not isinstance(value, bool)
            and str(value).strip() != ""
        )
    if field == "source":
        return (isinstance(value, str) and bool(value.strip())) or (
            isinstance(value, dict) and isinstance(value.get("name") or value.get("title"), str)
        )
    if field == "date":
        if isinstance(value, dt.date):  # YAML front matter gives dates and datetimes
            return True
        return isinstance(value, str | int | float) and not isinstance(value, bool) and value != ""
    if field == "lang":
        return isinstance(value, str) and bool(value.strip())
    if field == "id":
        return normalise_id(value) is not None
    if field == "tags":
        return isinstance(value, str | list)
    return True  # countries, meta: kept whatever their shape


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    return value if isinstance(value, str) else None
