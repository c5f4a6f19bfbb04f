"""Whom a pronoun in a news story refers to: "we" and "I" (who speaks there), "he" and
"she" (the last person named as a sentence's subject).

``people`` is the side index's list of person mentions, ``(start, end, side)`` in text
order; each function returns the sides it refers to (one, or none)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from search.extract.side_patterns import _OWN_OPENING, _SUBJECT_REACH, OWN_SECRETARY

# A quotation's attribution under it: "” – President Joseph R. Biden".
_ATTRIBUTION = re.compile(r"\s*[–—-]\s*")
_ATTRIBUTION_REACH = 600
# A sentence that opens on a quotation; and who said it, named after it.
_OPENING_QUOTE = re.compile(r"\s*[\"“]")
_SAID = re.compile(r"\s+(?:said|says|added)\b")

# The publisher's official as the subject of the verb "he" is reported by: "and the
# Secretary noted that he would continue to remain in close touch".
_OWN_SAID_THAT = re.compile(
    rf"\b[Tt]he\s+{OWN_SECRETARY}\s+"
    r"(?:also\s+)?(?:[a-z]+ed|said|says)\s+(?:that\s+)?$"
)

People = Sequence[tuple[int, int, str]]


def speaker(text: str, people: People, position: int) -> list[str]:
    """Whose "we" it is in a news story: the person quoted in or next to the sentence;
    in a quotation under which a dash names who said it ("... climate change.” –
    President Joseph R. Biden, February 14, 2021"), that person."""
    closing = text.find("”", position, position + _ATTRIBUTION_REACH)
    dash = _ATTRIBUTION.match(text, closing + 1) if closing >= 0 else None
    if dash is not None:
        named = [p for p in people if dash.end() <= p[0] < dash.end() + 60]
        if named and "“" not in text[position:closing]:
            return [named[0][2]]
    before = [p for p in people if p[0] < position]
    after = [p for p in people if p[0] >= position]
    nearest = min([*before[-1:], *after[:1]], key=lambda p: abs(p[0] - position), default=None)
    return [nearest[2]] if nearest is not None and abs(nearest[0] - position) < 400 else []


def last_subject(text: str, people: People, publisher: str | None, position: int) -> list[str]:
    """Whom "he" or "she" refers to: the last person named as a sentence's subject,
    or the publisher's official a sentence began with since ("The Secretary
    underscored ... He also called on ASEAN")."""
    if publisher and _OWN_SAID_THAT.search(text, max(0, position - 80), position):
        return [publisher]
    own = _own_subject_before(text, position)
    for p_start, p_end, side in reversed(people):
        if p_start >= position:
            continue
        if position - p_start > 1500 or p_start < own:
            break
        head = max(text.rfind(". ", 0, p_start), text.rfind("\n", 0, p_start))
        first = not any(head < other < p_start for other, _e, _s in people)
        if first and p_start - (head + 1) <= _SUBJECT_REACH:
            return [side]  # the sentence's first person, near its start
        if first and _OPENING_QUOTE.match(text, head + 1) and _SAID.match(text, p_end):
            return [side]  # '"To seize this new opportunity ...," Reagan said.': the speaker
    return [publisher] if own >= 0 and publisher else []


def _own_subject_before(text: str, position: int) -> int:
    """Where the last sentence within reach that opens on the publisher's official
    ("The Secretary", "The Deputy Secretary") begins, or -1."""
    floor = max(0, position - 1500)
    found = -1
    for match in _OWN_OPENING.finditer(text, floor, position):
        found = match.start()
    return found
