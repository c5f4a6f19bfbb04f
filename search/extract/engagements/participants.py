"""Sides: which mentions in an engagement's window (`windows.py`) name a side (not a
place, a topic or a nationality)."""

from __future__ import annotations

import itertools
import re

from search.extract.affiliation import is_speaker, national_office, own_office
from search.extract.engagements.delegations import org_missions
from search.extract.engagements.governments import names_officials, seat_names_government
from search.extract.engagements.kinds import _own_meeting
from search.extract.engagements.patterns import (
    _ADMINISTRATION,
    _CAP,
    _EVENT_AFTER,
    _FATE_OF,
    _FEATURE_OF,
    _FORCES_AFTER,
    _FROM_BEFORE,
    _HE_OR_SHE,
    _MEMBERS_NAMED,
    _NEGOTIATED,
    _NEXT_CLAUSE,
    _OCCASION_AFTER,
    _OFFICIAL_NOUNS,
    _OFFICIALS_OF,
    _OWN_SUBJECT,
    _PLACE_BEFORE,
    _PORTFOLIO_BEFORE,
    _PRONOUN_AFTER,
    _PURPOSE,
    _SEATS,
    _STAGE_DIRECTION,
    _SUBJECT_PRONOUN,
    _TAKING_PART_BEFORE,
    _TITLE,
    _VERBS,
    _words,
)
from search.extract.engagements.visit_patterns import _HIS_BEFORE
from search.extract.engagements.windows import _Windows
from search.extract.memberships import group_named
from search.extract.notables import notable_side

_WITH_AFTER = re.compile(r"\s+with\b", re.I)
_YOU_AFTER = re.compile(r"\s+you\b")
# An office owning a trip: "the High Commissioner's recent travel".
_OFFICE_OWNS = re.compile(
    r"\b[Tt]he\s+((?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*)[’']s\s+(?:[a-z]+\s+){0,2}$"
)
# "they" as the trigger's subject: "they will meet", "they met".
_THEY_BEFORE = re.compile(
    r"\bthey\s+(?:(?:will|would|also|then|later|again|are\s+to|plan\s+to|agreed\s+to)\s+){0,2}$"
)
# "the two sides", "both delegations", "the leaders of the two countries", "talks between
# the countries": all the sides.
_BOTH = re.compile(
    r"\bthe\s+(?:leaders|presidents|(?:foreign\s+)?ministers|heads\s+of\s+state|delegations|"
    r"governments)\s+of\s+(?:the\s+|both\s+)(?:two\s+)?(?:countries|nations|sides)\b"
    r"|\b(?:the\s+two\s+(?:sides|countries|nations|leaders|ministers|delegations|governments|"
    r"presidents|officials|secretaries|diplomats|counterparts)|both\s+(?:sides|countries|"
    r"nations|leaders|ministers|delegations|governments|parties)|the\s+sides|the\s+delegations|"
    # "talks between the countries"
    r"(?<=between\s)the\s+(?:countries|nations)\b|"
    r"the\s+interlocutors|the\s+parties|the\s+participants|the\s+(?:vice\s+)?(?:foreign\s+)?"
    r"ministers\s+and\s+the\b|"
    # "During their time in Washington, delegation members signed a number of documents"
    r"(?<![\w-]\s)delegation\s+members)",
    re.I,
)
_FIRST_PERSON = re.compile(r"\bI\b")
# An office named alone, no name after it: "The Deputy Secretary and Foreign Minister".
_TITLE_ALONE = re.compile(
    r"\b(?:[Tt]he|and)\s+((?:(?:Deputy|Under|Assistant|Vice|Prime|Foreign|Special|Acting|"
    r"First)\s+)*(?:Secretary|Minister|President|Ambassador|Envoy|Chancellor|Premier|"
    r"Secretary[- ]General|Director[- ]General))\b(?!\s+(?:of|for|to|on)\b|\s+[A-Z]|-)"
)
# "as the guests of President Cossiga": a stay's host, before the engagement it holds.
_GUEST_OF = re.compile(r"\bguests?\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.I)
# A country word that names a private person, not a side: "a U.S. national".
_PRIVATE_PERSON = re.compile(
    r"\s+(?:nationals?|citizens?|residents?|students?|tourists?|journalists?|businessm[ae]n|"
    r"businesswom[ae]n|man|woman|men|women|couple|family|families|child|children)\b",
    re.I,
)
# A sentence that opens on the countries its subject toured, up to the comma after the
# list's last one.
_TOURED_LEAD = re.compile(
    r"\s*(?:After|Before|Since)\s+(?:visiting|touring|travell?ing\s+(?:[\w-]+\s+){0,2}?to)\s+"
    r"[^;:]*?\band\s+[^,;:]+,",
    re.I,
)
# The last of a list of places: "In the Netherlands and |Sweden", "in Riga, |Vilnius".
_PLACES_BEFORE = re.compile(
    r"\b(?:[Ii]n|at)\s+(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}"
    r"(?:\s*,\s*(?:the\s+)?[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2})*"
    r"(?:\s*,)?\s+(?:and|or)\s+(?:the\s+)?$"
)
# The rest of a two countries’ engagement’s name after the first: "-South Africa Strategic ",
# "-India 2+2 Ministerial ".
_PAIR_NAME = re.compile(r"[-–][A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|\d\+\d))*\s+")
_FIRST_PERSON_WORDS = frozenset({"we", "our", "us", "i"})
# When or where set off inside what is told: ", on April 5-6 in Ottawa,".
_WHEN_OR_WHERE = re.compile(r",\s+(?:on|in)\s+(?:[A-Z][\w.’'-]*|\d)[^,;]{0,40},")
# A sentence set in a place: "In Vientiane, ...", "Also in Seoul, ...", "While in Hanoi, ...".
_SETTING = re.compile(
    r"\s*(?:(?:Also|While)\s+in|In)\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s"
)


# The rest of a hyphenated pair or trio naming what they share, not who takes part:
# "U.S.-ROK-Japan trilateral cooperation", "the U.S.-Japan Alliance".
_COMPOUND_TOPIC = re.compile(
    r"(?:[-–][\w.’']+)*\s+(?:trilateral\s+|bilateral\s+|strategic\s+|security\s+)?"
    r"(?:cooperation|relations|relationship|alliances?|partnership|ties|friendship)\b"
    # (not the name of a meeting: "the U.S.-Paraguay Strategic Partnership Dialogue")
    r"(?!\s+(?:dialogue|council|consultations?|commission|summit|forum|meeting|talks|"
    r"working|framework|ministerial)\b)",
    re.I,
)


# A forum's relative clause naming its host: ", which will take place at United Nations".
_HELD_AT = re.compile(
    r"(?:,\s+)?which\s+(?:will\s+(?:take\s+place|be\s+held)|takes\s+place|took\s+place|was\s+held|"
    r"is\s+being\s+held)\s+(?:at|in)\s+(?:the\s+)?"
)


class _Participants(_Windows):
    """Who takes part in an engagement: the window of its words, and the sides named there."""

    def _cut(self, match: re.Match[str]) -> int:
        """Where the participants end: at the purpose or topic after the trigger, or at a
        comma that opens another clause (", a statement was issued")."""
        text = self.c.text
        purpose = _PURPOSE.search(text, match.end(), self.end)
        cut = purpose.start() if purpose else self.end
        # "a Franco-German meeting in the sidelines of a summit of EC leaders": the
        # occasion's participants are not the meeting's
        occasion = _OCCASION_AFTER.search(text, match.end(), cut)
        cut = occasion.start() if occasion else cut
        toured = _TOURED_LEAD.match(text, self.start)
        if toured is not None and match.start() < toured.end() <= cut:
            return toured.end() - 1  # "After travelling this week to France, ... and Italy,"
        for clause in _NEXT_CLAUSE.finditer(text, match.end(), cut):
            if _WHEN_OR_WHERE.match(text, clause.start(), cut):
                continue  # "his annual meeting, on April 5-6 in Ottawa, with Prime Minister"
            if not self._apposition(clause.start()):
                return clause.start()
        return cut

    def _apposition(self, comma: int) -> bool:
        """ ", famous scientist and writer Olav Njølstad": a description, then a name."""
        people = self.c.people_in(comma, min(self.end, comma + 60))
        if not people:
            return False
        between = _words(self.c.text[comma : people[0][0]].lower())
        return len(between) <= 6 and _VERBS.isdisjoint(between)

    def _sides(
        self, match: re.Match[str], start: int, cut: int
    ) -> tuple[list[str], dict[str, str]]:
        c = self.c
        text = c.text
        sides: list[str] = []
        people: dict[str, str] = {}
        for p_start, _p_end, person, side in c.people_in(start, cut):
            if is_speaker(person.role) or side is None:
                continue
            if p_start < match.start() and _GUEST_OF.search(
                text, max(start, p_start - 40), p_start
            ):
                continue  # "be in Rome as the guests of President Cossiga and have an audience
                # with the Pope": the host of the stay, not of the audience
            sides.append(side)
            people.setdefault(person.name, side)
        for m_start, m_end, code, how in c.countries_in(start, cut):
            if self._names_side(m_start, m_end, how, match):
                sides.append(code)
        sides.extend(self._org_sides(match, start, cut))
        sides.extend(self._administrations(start, cut))
        own = _OWN_SUBJECT.search(text, start, max(start, cut)) or _FIRST_PERSON.search(
            text, start, match.start()
        )
        speaker = c.speaker(own.start()) if own else None
        if own and own.group().lower() in _FIRST_PERSON_WORDS and speaker is not None:
            # A transcript: "FOREIGN MINISTER CHUNG: ... I had a good meeting with
            # Minister Hayashi": the speaker's side (and the speaker, for "I").
            side, name = speaker
            sides.insert(0, side)
            if name and own.group() in ("I", "we", "We"):
                people.setdefault(name, side)  # ("we were together in the Negev": the speaker too)
        elif (
            own
            and (own.group() != "I" or (c.publisher and not self._quoted(own.start())))
            and (c.publisher or c.home)
        ):
            # "we" in a story from home; "I" in a government's own statement, outside a
            # quotation, is the official who issues it ("which is why I will convene a
            # virtual COVID-19 Global Action Meeting").
            sides.insert(0, c.publisher or c.home or "")
        elif self.title and c.publisher and c.publisher not in sides and len(set(sides)) == 1:
            if _WITH_AFTER.match(text, match.end()):
                # "Press Availability Following a Meeting with Algerian President Tebboune":
                # a government's own page, its official's meeting with the one it names.
                sides.insert(0, c.publisher)
        if not any(ref[3] for ref in c.people_in(start, match.start())):
            # "a state visit he will make to Britain": the pronoun of a relative clause.
            told = _PRONOUN_AFTER.match(text, match.end())
            antecedent = self._antecedent(start, told.end() if told else match.start())
            if antecedent is not None:
                sides.insert(0, antecedent[1])
                if antecedent[0]:
                    people.setdefault(antecedent[0], antecedent[1])
        for title in _TITLE.finditer(text, start, max(start, cut)):
            # "The Treasury Secretary is expected to see ...": an office only one country has.
            office_country = national_office(title.group(1))
            if office_country is not None:
                sides.append(office_country)
        self._title_holders(start, cut, sides, people)
        if len(set(sides)) < 2 and (group := group_named(c.defined, text, start, cut)):
            # "The Heads of Delegation of the Friends of the Mekong met": the members the
            # article lists ("The Friends of the Mekong includes: ...").
            sides.extend(group.members)
        both = _BOTH.search(text, start, cut)
        if both and (pair := self._hyphened_pair(both.start())):
            # "issues straining U.S.-Japanese relations ... before the two countries open
            # trade talks": the two the sentence joined, not the dateline's
            return pair, {name: side for name, side in people.items() if side in pair}
        sides.extend(self._both_sides(match, start, cut, sides))
        word = match.group().lower()
        if (not sides and word.startswith(("welcom", "host", "visit"))) or (
            word == "seeing" and _YOU_AFTER.match(text, match.end())
        ):
            # ("President Biden looks forward to seeing you in Washington": the one spoken to)
            sides.extend(self._speaker_and_you(start, cut))
        return [s for s in dict.fromkeys(sides) if s], people

    def _org_sides(self, match: re.Match[str], start: int, cut: int) -> list[str]:
        """The organisations taking part that ``text[start:cut]`` names (not a place, a
        portfolio, troops or texts), and the host a forum's relative clause names."""
        c = self.c
        text = c.text
        found: list[str] = []
        for index, (o_start, o_end, key) in enumerate(named := c.orgs_in(start, cut)):
            if _MEMBERS_NAMED.match(text, o_end):
                continue  # "visited OPEC members Gabon, Algeria and Libya": the countries
            if _FORCES_AFTER.match(text, o_end):
                continue  # "visiting NATO forces": troops, not the organisation's officials
            if _own_meeting(text, named[index : index + 2], f"org:{key}", match):
                # "the ADB's annual meeting", "decisions made at OPEC's December
                # conference": its own, wherever the sentence puts it
                found.append(f"org:{key}")
                continue
            before = text[max(self.start, o_start - 30) : o_start]
            if _TAKING_PART_BEFORE.search(before) or not (
                _PLACE_BEFORE.search(before[-16:]) or _PORTFOLIO_BEFORE.search(before[-16:])
            ):
                if not text.startswith(("’s", "'s"), o_end) or self._official_after(o_end):
                    found.append(f"org:{key}")
        if match.lastgroup == "multi" and (held := _HELD_AT.match(text, cut)) is not None:
            # "the Nuclear-Nonproliferation Treaty Review Conference, which will take place
            # at United Nations": the organisation that hosts the forum.
            found.extend(
                f"org:{key}"
                for o, _e, key in c.orgs_in(held.end(), cut + 80)[:1]
                if o == held.end()
            )
        return found

    def _title_holders(
        self, start: int, cut: int, sides: list[str], people: dict[str, str]
    ) -> None:
        """ "The Deputy Secretary and Foreign Minister welcomed the opportunity to hold the
        fifth U.S.-Algeria Strategic Dialogue": the one person of the article who holds
        each office named alone takes part, for a side already found."""
        c = self.c
        for title in _TITLE_ALONE.finditer(c.text, start, max(start, cut)):
            office = title.group(1).lower()
            holders = {
                person.name: side
                for _s, _e, person, side in c.people
                if side in sides
                and person.role
                and (person.role.lower() == office or person.role.lower().startswith(office + " "))
            }
            if len(holders) == 1:
                people.setdefault(*holders.popitem())

    def _administrations(self, start: int, cut: int) -> list[str]:
        """ "talks with Reagan Administration officials": the leader's government."""
        found = []
        for administration in _ADMINISTRATION.finditer(self.c.text, start, max(start, cut)):
            known = notable_side(administration.group(1), common=True)
            if known is not None and known[0] is not None:
                found.append(known[0])
        return found

    def _office_traveller(self, match: re.Match[str]) -> tuple[str, str] | None:
        """ "the High Commissioner's recent travel to Ukraine and Afghanistan": the one
        person the article named before who holds the office (name and side)."""
        c = self.c
        owner = _OFFICE_OWNS.search(c.text, max(self.start, match.start() - 50), match.start())
        if owner is None:
            return None
        office = re.compile(rf"\b{re.escape(owner.group(1).lower())}\b")
        holders = {
            person.name: side
            for _s, _e, person, side in c.people_in(0, match.start())
            if side and person.role and office.search(person.role.lower())
        }
        return holders.popitem() if len(holders) == 1 else None

    def _hyphened_pair(self, end: int) -> list[str]:
        """The last two countries the sentence joins with a hyphen or slash before ``end``
        ("U.S.-Japanese", "U.S./Japan"; not three: "ROK-U.S.-Japan"), or none."""
        chains: list[list[str]] = []
        joined = False
        mentions = self.c.countries_in(self.start, end)
        for (_s, a_end, a, _h), (b_start, _e, b, _h2) in itertools.pairwise(mentions):
            went_on = joined
            joined = self.c.text[a_end:b_start] in ("-", "–", "/")
            if joined and went_on:
                chains[-1].append(b)  # "ROK-U.S.-Japan": the same chain goes on
            elif joined:
                chains.append([a, b])
        last = list(dict.fromkeys(chains[-1])) if chains else []
        return last if len(last) == 2 else []

    def _both_sides(
        self, match: re.Match[str], start: int, cut: int, sides: list[str]
    ) -> list[str]:
        """The sides words stand for: "the two sides" (those of the engagement found last,
        else the story's two countries), a transcript's stage direction, "that agreement,
        reached last year after negotiations"."""
        c = self.c
        met = c.previous_sides or (c.pair if len(c.pair) == 2 else [])
        if _BOTH.search(c.text, start, cut):
            # (not when the sentence names two already: "his meeting on Monday with Baker
            # had resolved differences between the two countries")
            return [] if len(sides) >= 2 else list(met)
        if not sides and _THEY_BEFORE.search(c.text, max(start, match.start() - 25), match.start()):
            # "Shultz and Shevardnaze will meet in Moscow in mid-April ... The sources said
            # they will meet April 13 to 16": those of the engagement told before.
            return list(c.previous_sides)
        if _STAGE_DIRECTION.fullmatch(c.text, self.start, self.end):
            # "(The Memorandum of Understanding is signed.)" in a transcript: by those whose
            # meeting it records.
            return list(met)
        if (
            len(c.pair) == 2
            and set(sides) <= set(c.pair)
            and _NEGOTIATED.search(c.text, self.start, match.start())
        ):
            return list(c.pair)  # "That agreement, reached last year after negotiations"
        return []

    def _quoted(self, position: int) -> bool:
        """Is ``position`` inside a quotation of this sentence?"""
        return any(start < position < end for start, end in self.quotes)

    def _setting_hosts(
        self, match: re.Match[str], cut: int, sides: list[str], people: dict[str, str]
    ) -> None:
        """ "In Vientiane, Deputy Secretary Sherman will meet with Deputy Prime Minister
        Kikeo Khaykhamphithoune": officials met where the sentence is set, with no country
        of their own, are the hosts (the place's country), not no one."""
        setting = _SETTING.match(self.c.text, self.start, match.start())
        if setting is None or setting.group(1) in _SEATS:
            return
        country = self.c.place_country(setting.group(1))
        if country is None or len([side for side in sides if side != country]) != 1:
            return  # the visitor's side alone, and perhaps the hosts' already
        for _s, _e, person, side in self.c.people_in(match.end(), cut):
            if side is None and person.role and not own_office(person.role):
                people.setdefault(person.name, country)
                if country not in sides:
                    sides.append(country)

    def _wire_lead(self, index: int) -> bool:
        """Is sentence ``index`` a wire story's lead, the paragraph before this one, each of
        one sentence ("RIYADH, March 11 - King Fahd said today ...", then "His plea ...
        came ahead of a state visit he will make to Britain")?"""
        c = self.c
        if index != self.index - 1 or c.dateline is None:
            return False
        s_start, s_end = c.sentences[index]
        return (
            c.text.count("\n\n", 0, s_start) <= 1 and "\n\n" not in c.text[s_end : self.start][:-2]
        )

    def _wire_story_subject(self, index: int) -> bool:
        """May a wire story's "he" go on with sentence ``index``'s subject across
        paragraphs: its lead, or one whose later paragraphs go on with "he" and name no one
        ("Yeutter said ... / "I am not sure we can wait," he added. / He said he will meet
        the Japanese delegation"; not across "Oil prices fell.")?"""
        c = self.c
        if self._wire_lead(index):
            return True
        if c.dateline is None:
            return False
        return all(
            not c.people_in(s_start, s_end) and _HE_OR_SHE.search(c.text, s_start, s_end)
            for s_start, s_end in c.sentences[index + 1 : self.index]
        )

    def _antecedent(self, start: int, trigger: int) -> tuple[str, str] | None:
        """Who "he" or "she" is when the clause of the trigger names no one else: the
        subject (first named) of the nearest sentence before it in the paragraph that names
        someone, when an official with a side ("From Tegucigalpa, Under Secretary Fernandez
        will travel to San José ... Additionally, he will join representatives from Costa
        Rica, Panama, Colombia, and Ecuador")."""
        c = self.c
        pronoun = _SUBJECT_PRONOUN.search(c.text, start, self.end) or _HIS_BEFORE.search(
            c.text, start, trigger
        )  # (what follows it told; "in advance of his annual meeting, ..., with Mulroney")
        if pronoun is None or pronoun.start() >= trigger:
            return None
        for index in range(self.index - 1, max(-1, self.index - 6), -1):
            s_start, s_end = c.sentences[index]
            # A paragraph opening on "he" in a government's own announcement ("In Morocco,
            # he will meet with Foreign Minister Nasser Bourita") goes on with its official,
            # named in an earlier paragraph; in other texts "he" stays in its paragraph.
            crossed = "\n\n" in c.text[s_start : self.start]
            wire = crossed and not c.publisher and self._wire_story_subject(index)
            if (
                crossed
                and not wire
                and (not c.publisher or c.turns)
                or self.index - index > 3
                and not crossed
            ):
                return None  # a news story's or a transcript's "he" stays in its paragraph
            named = [p for p in c.people_in(s_start, s_end) if not is_speaker(p[2].role)]
            subject_end = min(named[0][0] if named else s_end, s_start + 40)
            if c.publisher and _OWN_SUBJECT.search(c.text, s_start, subject_end):
                # "The Secretary will start his trip in Israel and the West Bank. There, he
                # will meet with Prime Minister Naftali Bennett": the publisher's official,
                # the first the text named with one of its offices.
                official = next(
                    (
                        person.name
                        for _s, _e, person, side in c.people_in(0, self.start)
                        if side == c.publisher and own_office(person.role)
                    ),
                    "",
                )
                return official, c.publisher
            if not named or _SUBJECT_PRONOUN.search(c.text, s_start, named[0][0]):
                continue  # "He will first travel to Jerusalem, where he will meet with
                # Israeli President Reuven Rivlin": "he" again, named further back
            _s, _e, person, side = named[0]
            if side is None or not (person.role or person.how in ("notable", "registry")):
                return None  # a private person, or one without a side
            if crossed and side != c.publisher and not wire:
                return None
            if crossed and person.how == "context" and not self._wire_lead(index):
                return None  # a side read from the dateline alone ("Copa president")
            return person.name, side
        return None

    def _senders(self, start: int, end: int) -> list[str]:
        """The country that sends its officials ("Japan is expected to send a high-level
        official to Washington"): the countries the clause names before the verb."""
        return [
            code
            for _s, _e, code, how in self.c.countries_in(start, end)
            if how in ("name", "alias")
        ]

    def _travellers(self, start: int, end: int) -> list[str]:
        """Who travels: officials named before the trip ("Reagan will travel", "the
        Deputy Secretary will travel", "a Japanese delegation visited"), never "we" or a
        country ("warn Americans against travelling to Ukraine")."""
        c = self.c
        # An official travels: a person with an office here, or a well-known one ("Putin
        # travelled to Tehran"); not a private person ("Cengiz traveled to New York").
        found = [side for _s, _e, person, side in c.people_in(start, end)
                 if side is not None and not is_speaker(person.role)
                 and (person.role or person.how in ("notable", "registry"))]  # fmt: skip
        for m_start, m_end, code, how in c.countries_in(start, end):
            if how == "demonym" and names_officials(self.c, self.start, m_start, m_end):
                found.append(code)
        found += org_missions(c, start, end)  # "a World Bank mission arrived on Monday"
        text = c.text[start:end]
        if _OWN_SUBJECT.search(text) and not re.search(r"\b(?:we|our)\b", text, re.I):
            found.append(c.publisher or c.home or "")
        return [s for s in found if s]

    def _official_after(self, end: int) -> bool:
        following = re.match(r"(?:[’']s)?\s+([\w-]+)", self.c.text[end : end + 40])
        return following is not None and following.group(1).lower() in _OFFICIAL_NOUNS

    def _names_side(self, start: int, end: int, how: str, match: re.Match[str]) -> bool:
        """Does this country mention name a participant (not a place, topic or nationality)?"""
        text = self.c.text
        if _OFFICIALS_OF.search(text, max(self.start, start - 40), start):
            return True  # "with officials of Britain's Export Credits Guarantee Department"
        if text.startswith(("’s", "'s", "’ ", "' "), end):
            return self._official_after(end)  # "Ukraine's Foreign Minister", not "Ukraine's war"
        before = text[max(self.start, start - 16) : start]
        if before.endswith("(") and self._gloss(start, end):
            return False  # the "(DPRK)" of "for the Democratic People's Republic of Korea (DPRK)"
        if _PLACE_BEFORE.search(before) or _FEATURE_OF.search(before):
            return False  # "in Brussels", "the Gulf of Oman"
        if _FATE_OF.search(text, max(self.start, start - 40), start):
            return False  # "settling the future of Macao": what the talks decide
        toured = _TOURED_LEAD.match(text, self.start)
        if toured is not None and start < toured.end() <= match.start():
            # "After visiting the U.S., England, ... and Switzerland, Funaro is now on his
            # way to Tokyo ... for talks": the trips' countries, not the talks'.
            return False
        if _PLACES_BEFORE.search(text, max(self.start, start - 80), start):
            return False  # "In the Netherlands and Sweden, Special Envoy Stern will meet"
        if re.search(r",\s*$", before) and self._after_place(start):
            return False  # "in Seoul, Korea"
        if _PORTFOLIO_BEFORE.search(before) and not _PAIR_NAME.fullmatch(
            text, end, max(end, match.start())
        ):
            # "support for Ukraine", "Envoy for Western Sahara", "to Tunisia"; but "lead
            # the U.S. delegation to the U.S.-South Africa Strategic Dialogue": a side
            # in the engagement's own name.
            return False
        if _FROM_BEFORE.search(before):
            return bool(
                re.search(
                    r"\b(?:officials|ministers|delegations?|representatives|"
                    r"leaders|envoys|diplomats)\s+from\s+(?:the\s+)?$",
                    text[max(self.start, start - 40) : start],
                    re.I,
                )
            )
        if how == "capital":  # "Rome and West Berlin": where; "Washington signed": who
            return seat_names_government(text, self.start, start, end)
        if how == "demonym":
            # ("the president of the Peruvian central bank": its head)
            return names_officials(self.c, self.start, start, end) or self._pair_adjective(
                start, end, match
            )
        if _PRIVATE_PERSON.match(text, end) or _FORCES_AFTER.match(text, end):
            return False  # "a U.S. national whom she met while studying", "U.S. troops"
        if _EVENT_AFTER.match(text, end):
            return False  # "an Iraq War veteran": an event named after the country
        if (text[end : end + 1] in ("-", "–") or text[start - 1 : start] in ("-", "–")) and (
            _COMPOUND_TOPIC.match(text, end)
        ):
            return False  # "the importance of U.S.-ROK-Japan trilateral cooperation"
        return True

    def _gloss(self, start: int, end: int) -> bool:
        """Is the mention at ``start`` an acronym in parentheses after the same country?"""
        here = self.c.countries_in(start, end)
        if not here:
            return False
        code = here[0][2]
        earlier = [
            m for m in self.c.countries_in(max(self.start, start - 80), start) if m[1] <= start
        ]
        return bool(earlier) and earlier[-1][2] == code and start - earlier[-1][1] <= 3

    def _after_place(self, position: int) -> bool:
        """Is this the country that qualifies a place ("in Seoul, Korea")?"""
        text = self.c.text
        head = text[max(self.start, position - 40) : position]
        return re.search(rf"\b(?:in|at|to)\s+{_CAP}(?:\s+{_CAP}){{0,2}},\s*$", head) is not None

    def _pair_adjective(self, start: int, end: int, match: re.Match[str]) -> bool:
        """ "Soviet-American talks", "the Franco-German summit", "the U.S.-Tajik Annual
        Bilateral Consultations": a pair of demonyms joined by a hyphen right before the
        engagement's noun (or the words of its name) names its two sides."""
        text = self.c.text
        if text[end : end + 1] == "-" and self.c.country_at(end + 1, end + 2) is not None:
            last = self.c.country_at(end + 1, end + 2) or end
        elif text[start - 1 : start] == "-" and self.c.country_at(start - 2, start - 1):
            last = end
        else:
            return False
        return last <= match.start() and bool(
            re.fullmatch(
                r"\s+(?:[a-z-]+\s+){0,2}|\s+(?:[A-Z][a-z-]+\s+){1,3}", text[last : match.start()]
            )
        )
