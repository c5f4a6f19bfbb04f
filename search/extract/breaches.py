"""Pacts a side is said to break, as commitments of their own.

"Reagan announced plans to impose tariffs ... in retaliation for Tokyo's alleged failure
to live up to a pact on microchip trade signed last September": the clause is the United
States' plan (`search.extract.commitments` reads it from its subject), and inside it is
another commitment, the pact, whose parties are the side that fails it (the owner of
"failure") and the other country the sentence names.  One clause yields one commitment
in `find_commitments`; this pass adds the pact beside it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from search.extract.events import Parties
from search.extract.sides import Sides
from search.extract.topics import text_index
from search.model import Commitment, Span

# "Tokyo's alleged failure to live up to a pact on ...", "its refusal to honour the
# agreement": the pact, up to the clause's end.
_BREACH = re.compile(
    r"(?:[’']s|\bits|\btheir)\s+(?:alleged\s+|repeated\s+|continued\s+)?"
    r"(?P<noun>failure|refusal|unwillingness)\s+to\s+"
    r"(?:live\s+up\s+to|stick\s+to|keep\s+to|abide\s+by|hono(?:u)?r|comply\s+with|respect|"
    r"adhere\s+to|implement)\s+"
    r"(?P<pact>(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:pact|agreement|accord|deal|treaty|understanding|arrangement)\b[^,.;:()]*)",
    re.I,
)
_WORDS = frozenset({"failure", "refusal", "unwillingness"})


def may_breach(text: str) -> bool:
    """Can the text tell of a breached pact (a cheap test on its words)?"""
    return not _WORDS.isdisjoint(text_index(text).tokens)


def breached_pacts(
    text: str, sentences: Sequence[tuple[int, int]], parties: Parties, sides: Sides
) -> list[Commitment]:
    """The pacts the text says one side fails to keep, with both sides as their side."""
    if not may_breach(text):
        return []
    starts = [start for start, _end in sentences]
    found = []
    for match in _BREACH.finditer(text):
        index = bisect.bisect_right(starts, match.start()) - 1
        if index < 0:
            continue
        sentence = sentences[index]
        noun = match.start("noun")
        # The country named just before ("Tokyo's", "against Japan for its"), else the
        # owner the clause gives the noun.
        failing = parties.in_range(max(sentence[0], noun - 40), noun)[-1:] or list(
            sides.owner(sentence, noun)
        )
        others = [c for c in parties.resolve(sentence, sentence) if c not in failing]
        if len(failing) != 1 or not others:
            continue  # whose failure, or with whom, the sentence does not say
        side = (failing[0], others[0])
        summary = " ".join(match.group("pact").split()).rstrip(" ,")
        end = match.start("pact") + len(match.group("pact").rstrip(" ,"))
        span = Span(match.start("pact"), end, index)
        found.append(Commitment("agreement", "agreed", side, summary, span, side=side))
    return found
