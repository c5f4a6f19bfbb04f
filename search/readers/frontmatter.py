"""YAML front matter (``---`` ... ``---`` at the top of Markdown or text files).

Parsed with a safe loader only: ``!!python/object`` and every other non-standard tag
reject the file, and so do aliases, which can expand a few lines into gigabytes
("billion laughs") once the metadata is copied or serialised.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from search.readers.limits import Rejected

MAX_FRONT_MATTER_CHARS = 256 * 1024

_OPENING = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def has_front_matter(text: str) -> bool:
    """True when ``text`` opens with a ``---`` line."""
    return _OPENING.match(text) is not None


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """Separate YAML front matter from the text after it.

    Args:
        text: The whole document.

    Returns:
        ``(metadata, rest)``; ``metadata`` is ``None`` when there is no front matter.

    Raises:
        Rejected: When the front matter is unclosed, too long, unsafe, not valid
            YAML, or not a mapping.
    """
    opening = _OPENING.match(text)
    if opening is None:
        return None, text
    closing = _CLOSING.search(text, opening.end())
    if closing is None:
        raise Rejected("front matter is not closed (no '---' line after it)")
    if closing.start() - opening.end() > MAX_FRONT_MATTER_CHARS:
        raise Rejected("front matter too long")
    source = text[opening.end() : closing.start()]
    try:
        if any(isinstance(token, yaml.AliasToken) for token in yaml.scan(source, yaml.SafeLoader)):
            raise Rejected("aliases are not allowed in YAML front matter")
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        raise Rejected(f"unsafe or invalid YAML front matter: {problem}{where}") from None
    except (RecursionError, ValueError, OverflowError) as error:
        raise Rejected(f"invalid YAML front matter: {type(error).__name__}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise Rejected("front matter is not a mapping of keys to values")
    rest = text[closing.end() :].lstrip("\r\n")
    return {str(k): v for k, v in data.items()}, rest
