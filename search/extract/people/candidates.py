"""People found beside the role parser's: names without a role (`plain_names`), and
the names of a Title Case headline trimmed to the words the body uses."""

from __future__ import annotations

import re
from collections.abc import Sequence

from search.extract.affiliation import (
    Affiliation,
)
from search.extract.notables import common_surnames_of
from search.extract.people.lexicon import _PARTICLES
from search.extract.people.mentions import _Candidate, _sentence_span
from search.extract.people.roles import _Parser
from search.extract.plain_names import find_plain_names

# A person's name that names a place or a thing: "the Thomas Jefferson Room", "the Elie
# Wiesel Genocide and Atrocities Prevention Act".
_NAMED_AFTER = re.compile(
    r"\s+(?:Room|Hall|Center|Centre|Building|Headquarters|Palace|Airport|Hotel|Street|"
    r"Avenue|Square|Memorial|Foundation|Institute|Prize|Award|Act|Library|Museum|School)\b"
    # A medium: "the official Tanjug news agency".
    r"|\s+(?:news\s+agency|news\s+service|newspaper|broadcaster)\b"
)
# Verbs of a Title Case headline that follow the name of who acts ("X Travels to Y").
_HEADLINE_VERBS = frozenset(
    """Travels Meets Visits Hosts Speaks Calls Holds Welcomes Delivers Signs Joins Leads
    Attends Announces Participates Returns Departs Arrives Remarks Testifies Launches"""
    # The same verbs after two people: "Counselor Chollet and Under Secretary Fernandez
    # Meet with Bulgarian Energy Delegation".
    """ Travel Meet Visit Host Speak Hold Welcome Deliver Join Attend Announce Participate
    Return Depart Arrive Testify Launch""".split()
)
# Words a headline puts between a name and its "Remarks" ("Virtual Remarks at ...").
_REMARKS_KINDS = frozenset(
    "Virtual Opening Closing Keynote Introductory Welcoming Concluding Video Recorded".split()
)
_HEADLINE_ENDS = _HEADLINE_VERBS | _REMARKS_KINDS
_HEADLINE_JOIN = re.compile(
    r"\s+(?:[Aa]nd|[Ww]ith|[Bb]efore|[Aa]fter|[Dd]uring|[Aa]head|[Oo]n|[Ii]n|[Aa]t|[Tt]o|[Ff]or|"
    r"[Oo]f|&)\s+(?:(?:a|an|the)\s+)?[A-Z]"  # "Edi Rama At a Signing of a Memorandum"
    # "Joint Statement by Secretary of State Antony J. Blinken, Japanese Minister for
    # Foreign Affairs Hayashi Yoshimasa, and ... Park Jin": a list, or the headline's end
    r"|\s*,\s+|\s*$"
    rf"|\s+(?:(?:{'|'.join(sorted(_REMARKS_KINDS))})\s+)*(?:{'|'.join(sorted(_HEADLINE_VERBS))})\b"
)


def _trim_headline(text: str, title_end: int, candidates: list[_Candidate]) -> list[_Candidate]:
    """In a Title Case headline, keep only the name words the body also uses.

    "President Biden Meets Gulf Leaders" would otherwise give a person "Biden Meets
    Gulf Leaders".
    """
    if title_end <= 0:
        return candidates
    words = [word for word in text[:title_end].split() if len(word) > 3]
    if not words or sum(word[0].isupper() for word in words) < 0.7 * len(words):
        return candidates
    body = text[title_end:]
    kept = []
    for candidate in candidates:
        if candidate.start >= title_end:
            kept.append(candidate)
            continue
        names = candidate.name.split()
        if len(names) > 1 and names[-1] in _HEADLINE_ENDS:
            # "Zalmay Khalilzad Travels to Afghanistan": the headline's verb ends the name;
            # "Antony J. Blinken Virtual Remarks at ...": so does the kind of remarks.
            while len(names) > 1 and names[-1] in _HEADLINE_ENDS:
                names.pop()
            candidate.name = " ".join(names)
            candidate.end = candidate.start + text[candidate.start : candidate.end].rfind(names[-1])
            candidate.end += len(names[-1])
            candidate.surface = " ".join(text[candidate.start : candidate.end].split())
        proper = [name for name in names if name.lower() not in _PARTICLES]
        if len(proper) <= 3 and _HEADLINE_JOIN.match(text, candidate.end, title_end):
            # "Secretary Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before
            # Their Meeting": the name ends where the headline goes on with a small word
            # (the body of a transcript may say only "SECRETARY BLINKEN" and "Jeppe"), or
            # with the headline's verb ("Secretary Antony J. Blinken Remarks at the ...").
            kept.append(candidate)
            continue
        keep = 0
        while keep < len(names) and re.search(rf"(?<!\w){re.escape(names[keep])}(?!\w)", body):
            keep += 1
        if keep:
            name = " ".join(names[:keep])
            end = (
                candidate.start
                + text[candidate.start : candidate.end].find(names[keep - 1])
                + len(names[keep - 1])
            )
            candidate.name, candidate.end = name, max(end, candidate.start + len(name))
            candidate.surface = " ".join(text[candidate.start : candidate.end].split())
            kept.append(candidate)
    return kept


def _bare(
    text: str, sentences: Sequence[tuple[int, int]], found: list[_Candidate], parser: _Parser
) -> list[_Candidate]:
    """People named without a role or a form of address (`plain_names`)."""
    taken = sorted((c.start, max(c.end, c.consumed)) for c in found)
    bare = []
    named = {code for _start, _end, code in parser.countries.items}
    more = common_surnames_of(named) if named else frozenset()
    for name, start, end in find_plain_names(text, taken, parser.is_name_word, more_surnames=more):
        country = parser.country_after(end)
        # ("James A. Walsh will lead the U.S. delegation": the delegation's side)
        side = Affiliation(country, None, "role") if country else parser.leads_after(end)
        candidate = _Candidate(name, start, end, end, None, side)
        candidate.surface = " ".join(text[start:end].split())
        candidate.sentence = _sentence_span(text, sentences, start)
        bare.append(candidate)
    return bare
