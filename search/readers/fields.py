"""Normalisers for single metadata fields: language codes, tags, identifiers."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any

from search.readers.cleaning import clean_line

_TAG_SEPARATORS = re.compile(r"[,;|]")
_LANG_TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*")
_MAX_TAGS = 100
_MAX_TAG_CHARS = 200


def normalise_lang(value: Any) -> str | None:
    """An ISO 639-1 code from a language tag or name.

    ``en``, ``EN``, ``en-US``, ``en_GB``, ``eng`` and ``English`` all give ``en``.

    Returns:
        The two-letter code, or ``None`` when the value is not recognised.
    """
    if not isinstance(value, str):
        return None
    return _lang_code(value.strip().lower()[:40])


@functools.lru_cache(maxsize=256)
def _lang_code(text: str) -> str | None:
    if match := _LANG_TAG.fullmatch(text):
        primary = match.group(1)
        if len(primary) == 2:
            return primary
        return _from_pycountry(alpha_3=primary)
    return _from_pycountry(name=text)


def _from_pycountry(**query: str) -> str | None:
    try:
        import pycountry  # only for three-letter codes and names, which are rare
    except ImportError:  # pragma: no cover - pycountry is a runtime dependency
        return None
    try:
        language = pycountry.languages.get(**query)
    except (KeyError, LookupError):
        return None
    code = getattr(language, "alpha_2", None) if language is not None else None
    return code if isinstance(code, str) else None


def normalise_tags(value: Any) -> tuple[str, ...]:
    """Tags from a list of strings or a ``"a, b; c"`` string, cleaned, de-duplicated.

    Non-string items in a list are skipped (a dict with a ``term``/``name`` is read
    for that key, as feeds and some APIs give).
    """
    if isinstance(value, str):
        items: Iterable[Any] = _TAG_SEPARATORS.split(value)
    elif isinstance(value, list | tuple):
        items = value
    else:
        return ()
    tags: dict[str, None] = {}
    for item in items:
        if isinstance(item, dict):
            item = item.get("term") or item.get("name") or item.get("label")
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str):
            continue
        tag = clean_line(item[:_MAX_TAG_CHARS])
        if tag:
            tags.setdefault(tag, None)
        if len(tags) >= _MAX_TAGS:
            break
    return tuple(tags)


def normalise_id(value: Any) -> str | None:
    """A source identifier as a string (numbers allowed), or ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return clean_line(value[:2000])
    return None
