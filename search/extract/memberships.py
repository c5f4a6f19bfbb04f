"""Groups an article defines by listing their members.

A joint statement of a group the lexicon does not know often closes by saying who it is:
"The Friends of the Mekong includes: the Asian Development Bank, Australia, Cambodia, ...,
and the World Bank." That list is who "we" are in the statement, and who took part when
"the Heads of Delegation of the Friends of the Mekong met virtually".
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

# "<Group> includes: <list>", "<Group> is made up of <list>", "<Group> members are <list>".
_DEFINES = re.compile(
    r"\s(?:includes|include|comprises|comprise|consists\s+of|consist\s+of|is\s+made\s+up\s+of|"
    r"is\s+composed\s+of|members\s+are|members\s+include)\s*:?\s+"
    # "The Troika (United States, United Kingdom, and Norway) congratulates"
    r"|\s\((?=(?:the\s+)?[A-Z][^()]{0,200}?,[^()]{0,200}\))"
)
# A word of each `_DEFINES` branch, as it is written there (the pattern is case-sensitive).
_DEFINING_WORDS = ("includ", "compris", "consist", "made", "composed", "members", " (")
# The group's name, just before the verb: capitalised words glued by "of", "the" ...
_GROUP_BEFORE = re.compile(
    # (within its line: not "... Independence Anniversary" of a title above "The Troika")
    r"(?:\b[Tt]he[ \t]+)?\b([A-Z][\w’'-]*(?:[ \t]+(?:of|the|for|on|and|[A-Z][\w’'-]*)){0,6})$"
)
_NAME_REACH = 80
# Words that glue a list of members (besides capitalised names and titles).
_GLUE = frozenset("and the of".split())
_GAP_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# A list has at least this many members (fewer is a sentence about two partners).
_MIN_MEMBERS = 3
# The first member starts within this many characters of the verb ("includes: the Asian"),
# each next one within `_NEXT_WITHIN` of the one before.
_FIRST_WITHIN = 8
_NEXT_WITHIN = 40
# How a country mention names a member (not "Kazakh officials", not a capital).
_NAMED = frozenset(("name", "alias", "demonym"))
_NAME_WORDS = re.compile(r"[A-Za-z][\w’'-]*")


@dataclass(frozen=True, slots=True)
class DefinedGroup:
    """A group and the members the article lists for it."""

    words: tuple[str, ...]  # its name's words, lower-cased, without "the"
    members: tuple[str, ...]  # country codes and ``org:KEY``, as listed
    at: int  # where the defining sentence starts


def groups_defined(
    text: str,
    countries: Sequence[tuple[int, int, str, str]],
    orgs: Sequence[tuple[int, int, str]],
) -> tuple[DefinedGroup, ...]:
    """`defined_groups` from country mentions ``(start, end, code, how)`` and
    international organisation mentions ``(start, end, key)``."""
    if not countries and not orgs:
        return ()
    named = sorted(
        [(c_start, c_end, code) for c_start, c_end, code, how in countries if how in _NAMED]
        + [(o_start, o_end, f"org:{key}") for o_start, o_end, key in orgs]
    )
    return defined_groups(text, named)


def defined_groups(text: str, named: Sequence[tuple[int, int, str]]) -> tuple[DefinedGroup, ...]:
    """The groups ``text`` defines by a list of members.

    Args:
        text: The document text.
        named: ``(start, end, side)`` of every country and international organisation
            mention, sorted by start; ``side`` is a code or ``org:KEY``.
    """
    if not named or not any(word in text for word in _DEFINING_WORDS):
        return ()  # (most articles: the scan of the whole text spared)
    groups = []
    for match in _DEFINES.finditer(text):
        name = _GROUP_BEFORE.search(text, max(0, match.start() - _NAME_REACH), match.start())
        if name is None:
            continue
        close = text.find(")", match.end()) if match.group().endswith("(") else -1
        members = _listed(text, match.end(), named, close if close >= 0 else len(text))
        words = tuple(word.lower() for word in _NAME_WORDS.findall(name.group(1)))
        if len(members) >= _MIN_MEMBERS and words[0] not in ("it", "its"):  # whose, unsaid
            groups.append(DefinedGroup(words, members, name.start()))
    return tuple(groups)


def _listed(
    text: str, start: int, named: Sequence[tuple[int, int, str]], end: int
) -> tuple[str, ...]:
    """The run of names that starts at ``start``, glued by commas, "and" and "the", up to
    ``end`` (a closing parenthesis)."""
    members: list[str] = []
    last = start
    first = bisect.bisect_left(named, (start, -1, ""))
    for n_start, n_end, side in named[first:]:
        if n_end > end:
            break
        gap = text[last:n_start]
        limit = _FIRST_WITHIN if not members else _NEXT_WITHIN
        if (
            len(gap) > limit
            or "." in gap
            or any(
                word[0].islower() and word.lower() not in _GLUE for word in _GAP_WORD.findall(gap)
            )
        ):
            break
        members.append(side)
        last = n_end
    return tuple(dict.fromkeys(members))


def group_named(
    groups: Sequence[DefinedGroup], text: str, start: int, end: int
) -> DefinedGroup | None:
    """The defined group whose name ``text[start:end]`` holds, if one does."""
    if not groups:
        return None
    words = [word.lower() for word in _NAME_WORDS.findall(text[start:end])]
    for group in groups:
        size = len(group.words)
        if any(tuple(words[i : i + size]) == group.words for i in range(len(words) - size + 1)):
            return group
    return None
