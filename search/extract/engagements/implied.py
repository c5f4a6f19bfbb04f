"""Sides a sentence implies without naming them: the government of the place a meeting is
held in, the series an earlier sentence reported, the two countries of a government's
statement on one of them, the organisation an earlier sentence named whose body or noun
alone this one names."""

from __future__ import annotations

import re

from search.extract.engagements.bodies import _body_of_earlier_org, _described_forum
from search.extract.engagements.patterns import _NEXT_ROUND
from search.extract.engagements.visits import _Visits
from search.extract.orgs import commodity_body_before, forum_members

_WE = re.compile(r"\b(?:we|our|We|Our)\b")
_HOSTED_A = re.compile(r"\b(?:hosted|held|convened)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$")
# A host to a guest, before the meeting: "looking forward to welcoming you on the".
_WELCOMING_YOU = re.compile(r"\bwelcom(?:e|ing)\s+you\b", re.I)
# The next meeting of a named series: "the next Strategic Dialogue".
_NEXT_NAMED = re.compile(r"\bnext\s+(?:[A-Z][\w’'-]*\s+){0,4}$")
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}\s+$")
_THE_NEXT_NAMED = re.compile(
    r"\s+the\s+next\s+((?-i:[A-Z])[\w’'-]*(?:\s+(?-i:[A-Z])[\w’'-]*){0,3})"
)
# "consultations are planned for late 2021": held on a date set.
_SCHEDULED_AFTER = re.compile(
    r"\s+(?:are|is)\s+(?:planned|scheduled|expected|set|due)\b"
    r"|\s+will\s+(?:be\s+held|take\s+place|begin|start|resume|open)\b"
)
_BILATERAL_TALKS = ("talks", "negotiations", "consultations")
_OF_THE = re.compile(r"\s+of\s+(?:the\s+)?")
_THE_NEXT_ROUND = re.compile(r"\b[Tt]he\s+" + _NEXT_ROUND)
# The next meeting of the series reported, named by its level alone: "The next high-level
# meeting will take place in winter 2021/2022", "we have prepared the next session".
_THE_NEXT_LEVEL = re.compile(
    r"\b[Tt]he\s+next\s+(?:(?:[a-z]+-level|ministerial|senior\s+officials[’']?|plenary|"
    r"annual|formal|joint|working-group)\s+){0,2}$"
)
_OF_A_SERIES = ("meeting", "meetings", "session")
# Those who met, resuming: "The ministers will resume talks", "They agreed to resume
# their talks".
_GROUP_RESUMES = re.compile(
    r"\b(?:[Tt]he\s+(?:ministers|two\s+sides|delegations|negotiators|parties)|[Tt]hey|"
    r"[Bb]oth\s+sides)\s+(?:[\w-]+\s+){0,3}?resume\s+(?:their\s+|the\s+)?$"
)
# Those who met, agreeing to meet again: "The foreign ministers agreed to a future meet on
# Crete", "They agreed to hold another meeting".
_GROUP_AGREED_TO_MEET = re.compile(
    r"\b(?:[Tt]he\s+(?:[a-z]+\s+)?(?:ministers|leaders|two\s+sides|delegations|parties)|[Tt]hey|"
    r"[Bb]oth\s+sides)\s+(?:also\s+)?agreed\s+(?:to\s+(?:hold\s+|have\s+)?|on\s+)(?:a|another)\s+"
    r"(?:future\s+|further\s+|new\s+|follow-up\s+|second\s+)?$"
)
# Those who met, on a meeting to come: "The two discussed the upcoming NATO Foreign
# Ministerial meeting" (the trigger's noun phrase is the verb's object); not one held
# already ("The two discussed this week’s G7 and NATO Foreign Ministerial meetings", which
# one of them did not attend).
_THEY_DISCUSSED = re.compile(
    r"\s*(?:They|Both|The\s+two)\s+(?:also\s+)?(?:discussed|reviewed|previewed|"
    r"talked\s+about)\s+(?:the\s+(?:upcoming|coming|forthcoming|next)|next\s+week[’']s)\s+"
    r"(?:[\w’'.-]+\s+){0,6}"
)
# "the Summit of the Americas, which the United States will host": a named gathering, then
# the relative clause whose verb hosts it (its noun in group 2, its whole name in group 1).
_FORUM_HOSTED = re.compile(
    r"\b((?:[A-Z][\w.’'-]*\s+)*(Summit|Conference|Forum|Ministerial|Assembly)"
    r"(?:\s+(?:of|on|for)(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)?),\s+which\s+[^,;:]{0,60}$"
)


class _Implied(_Visits):
    """The sides of an engagement the sentence leaves to its place or to the article."""

    def _named(self, match: re.Match[str]) -> bool:
        """Is the trigger capitalised as part of a name ("the G7 Foreign Ministers'
        Meeting"), not as the first word or in a Title Case headline?"""
        return (
            not self.title
            and match.group()[0].isupper()
            and bool(self.c.text[self.start : match.start()].strip())
        )

    def _orgs_own(self, match: re.Match[str]) -> bool:
        """Is the lower-case noun an organisation's own, named just before it ("the October
        1985 IMF general assembly in Seoul", "OPEC's special session", "the ICO's annual
        council session") or right after it ("the 65th session of the United Nations
        Commission on Narcotic Drugs")?"""
        orgs = self.c.orgs_in(max(self.start, match.start() - 40), match.start())
        if orgs and re.fullmatch(
            r"(?:[’']s)?\s+(?:(?:general|annual|plenary|special|extraordinary|ministerial|"
            r"emergency|regular|council|board|committee|executive|governing)\s+)*",
            self.c.text[orgs[-1][1] : match.start()],
        ):
            return True
        after = self.c.orgs_in(match.end(), min(self.end, match.end() + 60))
        return bool(after) and _OF_THE.fullmatch(self.c.text, match.end(), after[0][0]) is not None

    def _hosted_forum(self, kind: str, match: re.Match[str]) -> tuple[str, str] | None:
        """The named gathering a "which ... will host" clause hosts: its noun and name."""
        if kind != "meet" or not match.group().lower().startswith("host"):
            return None
        found = _FORUM_HOSTED.search(self.c.text, self.start, match.start())
        if found is None or self.title:
            return None
        return found.group(2).lower(), found.group(1)

    def _hosted(self, kind: str, match: re.Match[str], cut: int, sides: list[str]) -> bool:
        """Add the government of the place where a one-sided meeting is held; is the
        trigger one whose place is read so (whether or not one was found)?"""
        word = match.group().lower()
        if kind == "multi" and len(sides) == 1 and sides[0].startswith("org:"):
            # "the UN Peacekeeping Ministerial in Seoul, Korea": the host takes part.
            hosting = self._place_country(match, cut)
            if hosting is not None:
                sides.append(hosting)
            return True
        if kind != "consult" or len(sides) != 1:
            return False
        if (
            len(sides[0]) == 3
            and word in _BILATERAL_TALKS
            and (hosting := self._place_country(match, cut, seats=False)) is not None
            and hosting != sides[0]
        ):
            # "Soviet deputy prime minister Antonov begins two days of economic talks in
            # Bonn": with the government of the place (not where organisations sit: "talks
            # in Geneva" are the GATT's or the superpowers').
            sides.append(hosting)
            return True
        if not match.group()[0].isupper():
            return False
        # "will hold Partnership Dialogues in Bangladesh": named talks held abroad are with
        # the country they are held in.
        hosting = self._place_country(match, cut)
        if hosting is not None and hosting not in sides:
            sides.append(hosting)
            # "in Bangladesh and Sri Lanka": one in each
            self.more_hosts = [c for c in self._more_places(match, cut) if c not in sides]
        return True

    def _implied_sides(self, match: re.Match[str], sides: list[str]) -> list[str]:
        """The sides of a meeting that names none, from the article; in a transcript, the
        host's and the guest's of the one the speaker welcomes them to ("looking forward
        to welcoming you on the foreign ministers meeting of the G20")."""
        text = self.c.text
        # (in lower case: "the next Meeting of the Parties" is a name; and not "the next
        # meeting" of an organisation named before)
        self.next_of_series = bool(
            match.group() in _OF_A_SERIES
            and _THE_NEXT_LEVEL.search(text, max(self.start, match.start() - 50), match.start())
            and _body_of_earlier_org(self.c, self.start, match) is None
        )
        if (
            self.c.previous_sides
            and any(side.startswith("org:") for side in sides)
            and _THEY_DISCUSSED.fullmatch(text, self.start, match.start())
        ):
            # (an organisation's meeting; not whoever the rest of the sentence names: "and
            # developing additional possible actions to ratchet up our response to Putin’s
            # continued assault")
            orgs = [side for side in sides if side.startswith("org:")]
            # (of a forum whose members are known, its members among them: not Ukraine at
            # "the upcoming G20 Foreign Minister meeting in Bali")
            members = {self.c.era(code) for org in orgs for code in forum_members(org[4:])}
            goers = [side for side in self.c.previous_sides if not members or side in members]
            return list(dict.fromkeys([*goers, *orgs]))
        if _WELCOMING_YOU.search(text, max(self.start, match.start() - 60), match.start()):
            sides = list(dict.fromkeys([*self._speaker_and_you(self.start, match.end()), *sides]))
        if (publisher := self.c.publisher) and self._our_dialogue_hosted(match, sides):
            # "Algeria hosted a Joint Military Dialogue March 14-15, during which we further
            # discussed": in a government's statement on Algeria, a dialogue of the two.
            return [*sides, publisher]
        if (
            len(sides) == 1
            and self.c.previous_sides
            and match.group().lower().startswith("host")
            and (named := _THE_NEXT_NAMED.match(text, match.end(), self.end))
            and named.group(1) in text[: self.start]
        ):
            # "The United States will host the next CNWG in 2023": the next meeting of the
            # one the article reported (named before), at one of its sides.
            return list(dict.fromkeys([*sides, *self.c.previous_sides]))
        if sides:
            return sides
        if _NEXT_NAMED.search(text, max(self.start, match.start() - 60), match.start()) and (
            self._named(match)
            or _ACRONYM_BEFORE.search(text, max(self.start, match.start() - 12), match.start())
        ):
            # "The parties decided the next Strategic Dialogue would take place in
            # Washington", "at the next CNWG meeting next year": the next meeting of the one
            # the article reported.
            return list(self.c.previous_sides)
        if match.group().lower() == "talks" and (
            _THE_NEXT_ROUND.search(text, max(self.start, match.start() - 30), match.start())
            or _GROUP_RESUMES.search(text, max(self.start, match.start() - 50), match.start())
        ):
            # "Valerio said the next formal talks would be Monday"; "The ministers will
            # resume talks ... on June 15": the talks reported.
            return list(self.c.previous_sides)
        if _GROUP_AGREED_TO_MEET.search(text, max(self.start, match.start() - 80), match.start()):
            # "The foreign ministers agreed to a future meet on Crete": those who met, in
            # the meeting the article reports (not the pact between others recalled since).
            return list(self.c.first_sides or self.c.previous_sides)
        if self.next_of_series and not sides and self.c.first_sides:
            # "The next high-level meeting will take place in late 2022", after the
            # dialogue's meeting the article reported first: its next one (not that of
            # the G7 summit the sentence before recalled).
            return list(self.c.first_sides)
        if (
            match.group().lower() in ("consultations", "negotiations")
            and len(self.c.pair) == 2
            and self.c.publisher in self.c.pair
            and _SCHEDULED_AFTER.match(text, match.end(), self.end)
        ):
            # "Formal senior-level consultations are planned for late 2021" in a
            # government's statement on its work with one country: the two of them.
            return list(self.c.pair)
        return sides

    def _our_dialogue_hosted(self, match: re.Match[str], sides: list[str]) -> bool:
        """Is the trigger a named dialogue one country of a government's two hosted or
        held, its sentence saying "we"?"""
        c = self.c
        return bool(
            len(sides) == 1
            and sides[0] in c.pair
            and set(c.pair) <= {c.publisher, sides[0]}
            and match.group().lower() in ("dialogue", "consultations")
            and self._named(match)
            and _HOSTED_A.search(c.text, max(self.start, match.start() - 60), match.start())
            and _WE.search(c.text, self.start, self.end)
        )

    def _body_named_alone(
        self, kind: str, match: re.Match[str], cut: int, sides: list[str]
    ) -> tuple[str, str | None]:
        """The kind, and the organisation whose body or noun alone the sentence names ("the
        next ordinary meeting of the conference", "the bank's 20th annual meeting", "the
        London coffee talks"), added to ``sides`` with the place's government ("the
        group's ... conference here")."""
        if match.group().lower() in _BILATERAL_TALKS and (
            key := commodity_body_before(
                self.c.text[max(self.start, match.start() - 40) : match.start()]
            )
        ):
            # "the London coffee talks": the negotiations of the commodity agreement's body
            sides.append(f"org:{key}")
            return "multi", key
        if any(side.startswith("org:") for side in sides):
            return kind, None
        countries = len([side for side in sides if not side.startswith("org:")])
        body = _body_of_earlier_org(self.c, self.start, match, countries=countries)
        if body is None and not countries:
            body = _described_forum(self.c.text, self.start, match)
        if body is None:
            return kind, None
        sides.append(f"org:{body}")
        if (hosting := self._place_country(match, cut)) is not None:
            sides.append(hosting)
        return "multi", body
