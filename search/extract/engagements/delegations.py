"""Who takes part: the people a delegation's listing, its leads, its companions and those
who "also participated" add to the engagements an article reports
(`search.extract.engagements.article` calls `_add_delegations` as it reads the sentences,
the others once the engagements are merged)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from search.extract.affiliation import is_speaker
from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.patterns import _ACCOMPANIED, _DELEGATION, _UNNAMED_OFFICIAL
from search.extract.sentences import sentence_at
from search.extract.topics import text_index


def _delegation_heads(context: _Context, found: list[_Found]) -> None:
    """ "Representatives from Nigeria are meeting today with officials of Britain's ECGD",
    then "the Nigerian team, headed by Finance Minister Che Okongwu and Central Bank
    Governor Abdulkadir Ahmed": who leads a side's delegation takes part for that side in
    what the article reports of it (its main engagements that name no one for the side)."""
    heads: dict[str, list[str]] = {}
    for _s, _e, person, side in context.people:
        if side is not None and person.how in ("led-by", "listed") and person.role:
            names = heads.setdefault(side, [])
            if person.name not in names:
                names.append(person.name)
    if not heads:
        return
    for item in found:
        if item.status != "main":
            continue
        for side in item.sides:
            if side in heads and side not in item.people.values():
                for name in heads[side]:
                    item.people.setdefault(name, side)


def _carry_delegations(context: _Context, found: list[_Found]) -> None:
    """ "The same day the Kazakh diplomat held a meeting with ... Huitfeldt": a side named
    without a name keeps the person the article's previous engagement named for it."""
    for i, item in enumerate(found):
        start, end = context.sentences[item.sentence]
        words = context.text[start:end]
        for side in item.sides:
            if any(s == side for s in item.people.values()):
                continue
            if not _UNNAMED_OFFICIAL.search(words):
                continue
            for earlier in reversed(found[:i]):
                named = [n for n, s in earlier.people.items() if s == side]
                if named and earlier.sentence < item.sentence:
                    item.people.setdefault(named[0], side)
                    break


def _sentence_of(context: _Context, position: int) -> tuple[int, int]:
    """The span of the sentence ``position`` is in."""
    return context.sentences[sentence_at(context.sentences, position)]


def _matches(
    context: _Context, word: str, pattern: re.Pattern[str]
) -> Iterator[tuple[re.Match[str], tuple[int, int]]]:
    """Each match of ``pattern`` in the text, with its sentence's span. Every match holds
    ``word`` in ASCII letters, which `re.I` matches only in their own cases: a substring test
    spares most texts the scan."""
    if word not in text_index(context.text).lowered:
        return
    for match in pattern.finditer(context.text):
        yield match, _sentence_of(context, match.start())


def _delegation_members(context: _Context, found: list[_Found]) -> None:
    """ "Other senior members of the delegation include Assistant Secretary Donald Lu and
    Deputy Under Secretary Amanda Dory", "The delegation is comprised of ...": wherever the
    article lists a delegation, its members take part, on their side, in the engagements
    (not history) where that side's lead is named; so do those who "will join the Deputy
    Secretary’s delegation", named before it."""
    spans = [
        (match.end(), end)
        for match, (_start, end) in _matches(context, "delegation", _DELEGATION_LIST)
    ]
    spans += [
        (start, match.start())
        for match, (start, _end) in _matches(context, "delegation", _JOIN_DELEGATION)
    ]
    for first, last in spans:
        members = [
            (person.name, side)
            for _s, _e, person, side in context.people_in(first, last)
            if side is not None and not is_speaker(person.role)
        ]
        for item in found:
            if item.status == "background":
                continue
            for name, side in members:
                if side in item.sides and side in item.people.values():
                    item.people.setdefault(name, side)


def _also_took_part(context: _Context, found: list[_Found]) -> None:
    """ "Assistant Secretary Karen Donfried and several leaders ... also participated in the
    USASD session": the people of a sentence that says they also took part in a session
    join, on their side, the engagement last reported before it (not history)."""
    for match, (start, _end) in _matches(context, "also", _ALSO_TOOK_PART):
        earlier = [
            item
            for item in found
            if item.status != "background" and context.sentences[item.sentence][0] < start
        ]
        if not earlier:
            continue
        item = earlier[-1]
        for _s, _e, person, side in context.people_in(start, match.start()):
            if side in item.sides and not is_speaker(person.role):
                item.people.setdefault(person.name, side)


# "also participated in the ... session", "also took part in the talks".
_ALSO_TOOK_PART = re.compile(
    r"\balso\s+(?:participated|took\s+part|joined)\s+in\s+the\s+(?:[\w.’'-]+\s+){0,3}"
    r"(?:session|sessions|meeting|meetings|talks|dialogue|consultations|discussions)\b",
    re.I,
)
# A delegation's members listed: "members of the delegation include", "The delegation is
# comprised of", "a delegation that will include", "The Armenian delegation included".
_DELEGATION_LIST = re.compile(
    r"\b(?:members?\s+of\s+the\s+delegation|(?:the|a|an|her|his|their)\s+(?:U\.S\.\s+|"
    r"interagency\s+|accompanying\s+|(?-i:[A-Z])[\w-]+\s+)?delegation(?:\s+that)?)\s+"
    r"(?:(?:is|was|are|were|will\s+be|will)\s+)?"
    r"(?:include[sd]?|comprised\s+of|composed\s+of|consists?\s+of|consisted\s+of)\b",
    re.I,
)


# Members named before: "Assistant Secretary Molly Phee and Senior Director Dana Banks
# will join the Deputy Secretary’s delegation".
_JOIN_DELEGATION = re.compile(
    r"\b(?:will\s+(?:also\s+)?join|(?:also\s+)?join(?:s|ed))\s+(?:the\s+)?"
    r"(?:[\w.’'-]+\s+){0,3}delegation\b",
    re.I,
)


def _accompanied(context: _Context, found: list[_Found]) -> None:
    """ "Ambassador Norland was accompanied by Deputy Assistant Secretary of Treasury Eric
    Meyer": the companions take part, on the same side, in the engagements of the one
    they accompanied."""
    text = context.text
    # Every match holds "accompan", letters `re.I` matches only in their ASCII cases: a
    # substring test spares most texts the scan.
    if "accompan" not in text_index(text).lowered:
        return
    for match in _ACCOMPANIED.finditer(text):
        start, end = _sentence_of(context, match.start())
        leads = [p for p in context.people_in(start, match.start()) if not is_speaker(p[2].role)]
        if not leads:
            continue
        lead = leads[-1][2].name
        companions = context.people_in(match.end(), end)
        for item in found:
            side = item.people.get(lead)
            if side is None or context.sentences[item.sentence][0] > start:
                continue
            for _s, _e, person, own in companions:
                if own in (None, side) and not is_speaker(person.role):
                    item.people.setdefault(person.name, side)


def _add_delegations(context: _Context, start: int, end: int, previous: list[_Found]) -> None:
    """ "The Kazakhstan delegation was led by Deputy Foreign Minister Roman Vassilenko,
    while the Norwegian side was led by ...": the people of the engagement just reported."""
    if not _DELEGATION.search(context.text, start, end):
        return
    for item in previous:
        for _s, _e, person, side in context.people_in(start, end):
            if side in item.sides and not is_speaker(person.role):
                item.people.setdefault(person.name, side)


def _headline_people(context: _Context, found: list[_Found], title_end: int) -> None:
    """A transcript under a headline that names its officials of two sides ("Secretary
    Antony J. Blinken and Armenian Foreign Minister Ararat Mirzoyan at a Signing
    Ceremony"): what those sides held that day with no one named ("We just had a very good
    dialogue") was held by them."""
    if not title_end or not context.turns:
        return
    named = [(p.name, side) for _s, _e, p, side in context.people_in(0, title_end) if side]
    sides = {side for _name, side in named}
    if len(sides) < 2:
        return
    for item in found:
        if item.status != "main" or set(item.sides) != sides:
            continue
        sent = set(item.people.values())  # (a side whose official the text names keeps them)
        for name, side in named:
            if side not in sent:
                item.people.setdefault(name, side)


def _who_took_part(context: _Context, found: list[_Found]) -> None:
    """The people each engagement's sides sent: delegations listed after it, their heads,
    those who accompanied its travellers, a delegation's members, and those who "also
    participated"."""
    _carry_delegations(context, found)
    _delegation_heads(context, found)
    _accompanied(context, found)
    _delegation_members(context, found)
    _also_took_part(context, found)


def org_missions(context: _Context, start: int, end: int) -> list[str]:
    """The organisations whose staff ``text[start:end]`` sends somewhere, named right
    before the word: "a World Bank mission arrived on Monday", "an International Monetary
    Fund (IMF) team is due here"."""
    return [
        f"org:{key}"
        for _start, o_end, key in context.orgs_in(start, end)
        if _ORG_MISSION.match(context.text, o_end, end)
    ]


_ORG_MISSION = re.compile(r"(?:\s+\([A-Z]+\))?\s+(?:[a-z-]+\s+)?(?:mission|team|delegation)\b")
