"""Windows: where in a sentence a trigger's participants are named (its clause for a verb,
its own noun phrase for a noun, or the clause the noun is what the subject held)."""

from __future__ import annotations

import re

from search.extract.engagements.context import _SentenceBase
from search.extract.engagements.kinds import officials_meeting
from search.extract.engagements.patterns import (
    _HOLD,
    _NOUN_TRIGGERS,
    _REMARKS_AROUND,
    _TAKE_PART,
)

# A speaker's verb before the clause it reports, whose subject is named: "Reagan noted that
# Treasury Secretary James Baker met"; not "he said he met" (the speaker is "he").
_REPORTED = re.compile(
    r"(?<=[a-z]\s)(?:said|says|noted|notes|added|announced|recalled|told\s+reporters)\s+"
    r"(?:that\s+)?(?=(?:the\s+)?[A-Z])"
)
# The lower-case words of a title before a name ("Spanish junior finance minister").
_TITLE_WORDS = frozenset(
    {"the", "of", "for", "and", "junior", "senior", "deputy", "vice", "finance", "foreign"}
    | {"trade", "minister", "secretary", "prime", "president", "chief", "affairs", "state"}
)
_THEY_REACH = 25  # past the trigger: "a meeting they had last night"
_THEY = re.compile(r"\b(?:they|we|us|our|their|both)\b", re.I)
_SAID_IN = re.compile(r"\b(?:said|told\s+\w+)\s+(?:in|during|on)\s+(?:a|an|the|their)\b")
# A name that an earlier item of a list ends with, before the next item.
_LISTED_NAME = re.compile(
    r"[A-Z][\w’'.-]*(?:\s+(?:(?:of|for|on|and|the)\s+)?[A-Z][\w’'.-]*)*,\s+(?:and\s+)?(?:the\s+)?$"
    # "hold Partnership Dialogues in Bangladesh and Sri Lanka and Foreign Office
    # Consultations in New Delhi": a name and where, then "and"
    r"|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+in\s+[A-Z][\w’'.-]*"
    r"(?:\s+(?:and\s+)?[A-Z][\w’'.-]*)*\s+and\s+$"
)
# Nouns whose "their" are those the clause names before ("following their strategic
# dialogue"); a meeting's, those it names meeting ("spoke with ...", not "wrote of ...").
_THEIRS = frozenset(
    {"dialogue", "talks", "consultations", "negotiations", "meeting", "meetings", "call", "calls"}
)


# What makes a trigger noun a verb: "will visit", "to visit".
_AUXILIARY_BEFORE = re.compile(
    r"\b(?:will|would|shall|to|can|could|may|might|must|did|does|do|also|"
    r"then|later|are|is|were|was|been)\s+(?:(?:today|tomorrow|also|now)\s+)?$",  # "are today"
    re.I,
)
# Who tells a gathering named speaks at it: "He told an informal General Agreement on
# Tariffs and Trade (GATT) meeting", "told the Inter-American Development Bank (IADB)
# annual meeting"; not an audience ("told a debt conference", "told a news conference",
# "told a meeting of oil industry executives").
_TOLD_GATHERING = re.compile(
    r"\b(?:told|addressed|addresses)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}?"
    r"(?-i:[A-Z])[\w’'.()-]*(?:\s+[\w’'.()-]+){0,10}\s+$"
)
# A trigger noun's phrase before it: an article and seven words at most.
# (an acronym in brackets is one of them: "the 32nd Australia-United States Ministerial
# (AUSMIN) consultations")
_PHRASE_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its|our)\s+)?(?:(?:[\w'’.+–-]+|\([A-Z0-9+&-]+\))\s+){0,7}$"
)


def _tail_search(pattern: re.Pattern[str], text: str, runs: int) -> re.Match[str] | None:
    """``pattern.search(text)`` for a pattern anchored at the end whose matches hold at most
    ``runs`` runs of non-space characters: searched from the end of the run before those
    (where a match may begin at the earliest), not from each position of a long clause."""
    head = text.rsplit(None, runs)
    return pattern.search(text, len(head[0]) if len(head) > runs else 0)


class _Windows(_SentenceBase):
    def _window(self, kind: str, match: re.Match[str], cut: int) -> int:
        """Where the participants start: the clause for a verb; for a noun, its own words,
        and the clause when the noun is what the subject held, attended or took part in."""
        text = self.c.text
        clause = self._clause_start(match.start())
        word = match.group().lower()
        before = text[clause : match.start()]
        if (word not in _NOUN_TRIGGERS and kind not in ("multi",)) or word.startswith(
            ("agreed", "committed", "rescheduling", "adjourned")
        ):
            return clause  # a verb (or a debtor's rescheduling): its subject takes part
        if officials_meeting(text, clause, match):
            return clause  # "European Community farm ministers meeting here today": a verb
        if self.title and _REMARKS_AROUND.search(before):
            # "Secretary Antony J. Blinken And Danish Foreign Minister Jeppe Kofod Before
            # Their Meeting" (a transcript's headline): those the headline names meet.
            return clause
        if word == "signing" and not re.search(r"\b(?:a|an|the|its|their)\s+$", before, re.I):
            return clause  # "by signing today a Memorandum": a verb
        if _tail_search(_AUXILIARY_BEFORE, before, 2):
            return clause  # "Reagan will visit Rome", "to visit Kyiv": a verb
        # The noun phrase: capitalised words, numbers, compounds and modifiers before it.
        phrase = _tail_search(_PHRASE_BEFORE, before, 8)
        start = clause + (phrase.start() if phrase else len(before))
        words = before[phrase.start() :] if phrase else ""
        # Trim lower-case verbs and words off the front of the phrase, keep modifiers.
        modifiers = re.search(
            r"(?:\b(?:a|an|the|his|her|their|its|our)\s+)?(?:(?:[A-Z0-9][\w'’.&+-]*"
            # "the Group of Seven meeting": the small words inside a name; "2+2 Ministerial";
            # "the General Agreement on Tariffs and Trade (GATT) meeting"
            r"(?:\s+(?:of|for|on|the|and)(?=\s+[A-Z0-9]))?|[\w-]+-[\w-]+|[–-]|\([A-Z0-9+&-]+\)|"
            r"bilateral|trilateral|annual|upcoming|recent|virtual|emergency|first|second|"
            r"last|next|latest|previous|coming|\d+(?:st|nd|rd|th)|"
            r"third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|high-level|high|level|general|"
            r"strategic|regular|informal|joint|special|extraordinary|ministerial|"
            r"preparatory|leaders’|leaders'|planned|scheduled|proposed|expected|"
            # "this week's International Monetary Fund interim committee meeting"
            r"interim|committee|executive|governing|steering|plenary|board|council|full|"
            # "Pashinyan’s and Aliyev’s planned meeting": who meets, named before it; "the
            # G7 and NATO summits": whose.
            # "President Aliyev and Armenian Prime Minister Pashinyan’s planned meeting"
            r"and(?=\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*[’']s\s)|and(?=\s+[A-Z0-9][\w.-]*\s+$))\s+)*$",
            words,
        )
        if modifiers is not None:
            start = clause + (phrase.start() if phrase else 0) + modifiers.start()
        lead = text[clause:start]
        # "participate in the U.S.-ASEAN Ministerial Meeting, the East Asia Summit ...
        # Meeting, and the ASEAN Regional Forum": each name of a list is what the verb
        # before the list governs.
        while (listed := _LISTED_NAME.search(lead, max(0, len(lead) - 200))) is not None:
            lead = lead[: listed.start()]  # (searched near the end only: a bounded cost)
        if _HOLD.search(lead) or _TAKE_PART.search(lead):
            return clause
        if _TOLD_GATHERING.search(text, clause, match.start()):
            return clause
        if re.match(r"(?:his|her)\s", text[start : start + 4], re.I) and (
            owners := self.c.people_in(self.start, start)
        ):
            # "Stoltenberg told the DIHT that his meeting on Monday with Baker": his
            return owners[-1][0]
        if (
            word in _THEIRS
            and re.match(r"their\s", text[start : start + 6], re.I)
            and (
                not word.startswith(("meeting", "call"))
                or re.search(r"\bwith\b", text[clause:start])
            )
        ):
            # "a joint statement by the Governments of the United States of America and
            # Iceland following their strategic dialogue", "spoke today with ... Kuleba to
            # follow up on their April 24 meeting in Kyiv", "their February 11 call":
            # theirs, named before it
            return clause
        if word in ("talks", "negotiations", "consultations") and re.search(
            r"\bin\s+$", text[clause:start]
        ):
            return clause  # "Balladur discussed ... in talks here today with ... Lawson"
        return start

    def _clause_start(self, position: int) -> int:
        """The clause of the trigger: from the last ";" or ":" before it (or the sentence),
        or from the clause a speaker reports ("Reagan noted that Treasury Secretary James
        Baker met with West German financial officials": Baker met them, not Reagan)."""
        text = self.c.text
        cut = max(text.rfind(";", self.start, position), text.rfind(":", self.start, position))
        start = cut + 1 if cut >= 0 else self.start
        for reported in reversed(list(_REPORTED.finditer(text, start, position))):
            if _SAID_IN.search(text, reported.end(), position) or _THEY.search(
                text, reported.end(), min(self.end, position + _THEY_REACH)
            ):
                # ("Reagan said Japanese Prime Minister-designate Noboru Takeshita said in
                # a telephone conversation": the one told was the other party; "added
                # World Bank President Barber Conable had also accepted the proposals ... at
                # a meeting they had last night": the speaker is one of "they".)
                break
            if self._person_opens(reported.end(), position):
                return reported.end()
        return start

    def _person_opens(self, position: int, end: int) -> bool:
        """Does a named person open the clause at ``position``, after their title at most
        ("Treasury Secretary James Baker met"; not "Japan was ready to continue trade talks
        with the United States", which the speaker may hold)?"""
        named = self.c.people_in(position, end)[:1]
        if not named:
            return False
        between = self.c.text[position : named[0][0]]
        return len(between) <= 80 and all(
            word in _TITLE_WORDS for word in re.findall(r"\b[a-z][\w-]*", between)
        )
