"""Visits and destinations: the places a trip goes to, their countries, one visit per
country visited, and where a meeting was held."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from search.extract.countries import country_name
from search.extract.engagements.context import _Found
from search.extract.engagements.participants import _Participants
from search.extract.engagements.patterns import (
    _CAP,
    _DATE_BETWEEN,
    _DESCRIBED,
    _DESTINATION,
    _LIST_NEXT,
    _NOT_PLACE,
    _SEATS,
    _TAKING_PART_BEFORE,
    _WELCOME_TO,
)
from search.extract.engagements.visit_patterns import (
    _ABROAD,
    _ACRONYM_AFTER,
    _ADJECTIVE_OF,
    _BACK_FROM,
    _BORDER_AFTER,
    _BY_VISITORS,
    _COME_TO,
    _COMPANION,
    _EVENT_WORDS,
    _FIRST_PERSON_WORD,
    _HE_BEFORE,
    _HERE,
    _HIS_BEFORE,
    _LEAVES_FOR,
    _LIST_GOES_ON,
    _MAKES,
    _NAME_GOES_ON,
    _OF_VISITOR,
    _ORIGIN,
    _OWNER_BEFORE,
    _PLACE_AFTER,
    _PLACE_AFTER_REACH,
    _SAID_AFTER,
    _SPEAKERS_TRIP,
    _VISIT_OF,
    _WHEN_FIRST,
    _YOUR,
    own_officials_trip,
    visit_as_noun,
)
from search.extract.places import trim_place
from search.extract.when import date_phrases, nearest


class _Visits(_Participants):
    """Where a trip goes: its destinations, their countries, one visit per country; where a meeting was held."""

    def _destination_start(self, match: re.Match[str], word: str) -> int:
        """Where the places a trip goes to begin, after the trigger's other words."""
        text = self.c.text
        if word in ("visit", "visits", "trip") and (
            visitor := _VISIT_OF.match(text, match.end(), self.end)
        ):
            return visitor.end()  # "the visit of Anže Logar, Minister of ..., to Washington"
        # "visited OPEC members Gabon, Algeria and Libya", "visited neighbouring Kenya"
        described = _DESCRIBED.match(text, match.end(), self.end)
        # "travels from Iraq to Rome today": where the trip starts is not where it goes.
        origin = _ORIGIN.match(text, match.end(), self.end)
        when = (
            _WHEN_FIRST.match(text, match.end(), self.end)
            or _MAKES.match(text, match.end(), self.end)
            # "his travel with Secretary of Defense Austin to Ukraine": who goes along
            or _COMPANION.match(text, match.end(), self.end)
            or _ABROAD.match(text, match.end(), self.end)
        )
        start = (
            described.end() if described else origin.end() if origin
            else when.end() if when else match.end()
        )  # fmt: skip
        if word in ("tour", "tours") and (of := re.match(r"\s+of\b", text[start : start + 4])):
            start += of.end()  # "starting a one-week tour of Argentina"
        if word.startswith(_BACK_FROM):
            start += 5  # " from": where the speaker came back from is where they went
        if word == "taken" and (who := re.match(r"\s+[A-Z][\w.’'-]+", text[start : start + 40])):
            start += who.end()  # "a tour that has taken Herrington to Iraq": who, then where
        if word.startswith(("leav", "left", "depart")):
            # "leaves for Japan on Saturday": where "for" goes (the trigger's own pattern
            # holds it)
            bound = _LEAVES_FOR.match(text, start, self.end)
            start = bound.end() if bound else start
        return start

    def _here(self, match: re.Match[str]) -> bool:
        """Is the trip one "here", to the dateline's place ("Fernandez said an IMF mission
        would visit here in July", from Manila), as "arrived here" is?"""
        return (
            match.group().lower() == "visit"
            and _HERE.match(self.c.text, match.end()) is not None
            and not self.c.turns
        )

    def _destinations(self, match: re.Match[str], cut: int) -> list[tuple[str, str, int]]:
        """``(place as written, country, offset)`` of the places a trip goes to."""
        text = self.c.text
        if match.lastgroup == "stay":
            inner = re.match(
                r"in\s+((?:[\w'’.-]+\s+){0,3}?)(?:for|from|on|between)\b", match.group()
            ) or re.fullmatch(r"in\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})", match.group())
            name = inner.group(1).strip().rstrip(",") if inner else ""
            offset = match.start() + 3
            stay = re.match(r"in\s+(.+?)\s*(?:for|from|on|between)?$", match.group())
            code = self._stay_country(offset, offset + len(name), name)
            return [(name, code, offset)] if code and stay else []
        found: list[tuple[str, str, int]] = []
        word = match.group().lower().replace("visted", "visited")  # (the wire's typo)
        start = self._destination_start(match, word)
        current = _DESTINATION.match(text, start, self.end)
        visit_noun = word in ("visit", "visits") and visit_as_noun(
            text, max(self.start, match.start() - 40), match, self.end
        )
        if word in ("visit", "visits") and (named := self._place_before_visit(match)):
            return [named]  # "the May 16 White House visit of Greek Prime Minister X"
        if word == "visit" and (received := self._visit_received(match)):
            return [received]
        flew_in = (word == "flew" and text.startswith(" in ", match.end())) or self._here(match)
        come = word in ("visit", "visits") and self._to_where_said(match)
        if (
            flew_in
            or (
                (word.startswith("arriv") or visit_noun or come)
                # (not "in this capacity": no place)
                and not re.match(r"\s*(?:to|in|into)\b(?!\s+this\b)", text[start:])
            )
        ):
            # "the scheduled arrival of U.S. Commerce Secretary Baldrige" in a story filed
            # from Seoul, "King Fahd begins a four-day state visit on Tuesday" from London,
            # "Kuroda flew in from Tokyo for the talks": the trip is to the dateline's
            # country; "thank you very much for coming to pay a visit", in a transcript,
            # to where it was said ("Berlin, Germany" under its headline).
            dateline = self.c.dateline or (self.c.setting_line(0) if come else None)
            return [(dateline[0], dateline[1], match.start())] if dateline else []
        if (
            current is not None
            and not re.match(r"\s*(?:to|in|into)\b", text[start:])
            and not word.startswith(("visit", "tour", "leav", "left", "depart", *_BACK_FROM))
        ):
            current = None  # "arrived Saudi Arabia" is not English; "visited Tunisia" is
        guard = 0
        while current is not None and guard < 8:
            guard += 1
            place, qualifier = current.group(1), current.group(2)
            if place.endswith(".") and "." not in place[:-1]:
                place = place[:-1]  # "and Libya." at the end of the sentence
            if (host := self._person_visited(current, word)) is not None:
                return host  # "will visit U.S. Treasury Secretary James Baker": his country
            listed = bool(qualifier) and self._listed_country(current)
            code = self._country_of_place(current, place, None if listed else qualifier)
            if _BORDER_AFTER.match(text, current.end(1)):
                code = None  # "to Rzeszow, Poland, and the Ukrainian-Poland border": a place
            if code is not None:
                found.append((place, code, current.start(1)))
            elif not found and (region := self._where_in_region(current.end(), cut)) is not None:
                return region
            after = current.end()
            if listed:
                after = current.end(1)  # "Saudi Arabia, Oman, the UAE": a list, not a place
            if acronym := _ACRONYM_AFTER.match(text, after, self.end):
                after = acronym.end()  # "Japan, the Republic of Korea (ROK), and Mongolia"
            # "to Tegucigalpa, Honduras, on March 17 and San José, Costa Rica, on March 19":
            # a stop's date, then the next stop, though the date's comma cut the clause.
            skip = _DATE_BETWEEN.match(text, after, self.end)
            if skip:
                after = skip.end()
            # "to Asuncion, Paraguay; Panama City, Panama; and San Salvador, El Salvador":
            # places with their countries listed between semicolons.
            semicolon = text.startswith(";", after)
            current = _LIST_NEXT.match(
                text, after, self.end if skip or semicolon else max(after, cut)
            )
        return found

    def _person_visited(
        self, current: re.Match[str], word: str
    ) -> list[tuple[str, str, int]] | None:
        """Where a trip named by a person in the place's stead goes: the person's country
        ("will visit U.S. Treasury Secretary James Baker"), or, for a visitor, the dateline's
        ("visiting British Corporate Affairs Minister Michael Howard" in a story from Tokyo)."""
        end = current.end(1) + (2 if word == "visiting" else 0)
        for _start, _end, _person, side in self.c.people_in(current.start(1), end):
            if word == "visiting":
                dateline = self.c.dateline_at(current.start(1))
                return [(dateline[0], dateline[1], current.start(1))] if dateline else []
            if side is not None and len(side) == 3:
                return [(country_name(side), side, current.start(1))]
        return None

    def _listed_country(self, match: re.Match[str]) -> bool:
        """Are both "Paraguay" and "Panama" of "Paraguay, Panama" countries (the next item
        of a list, not a city's country)?  Or are "Jerusalem" and "Ramallah" of "Jerusalem,
        Ramallah, Cairo, and Amman" two cities of a list, in two countries?"""
        if _LIST_GOES_ON.match(self.c.text, match.end(2)):
            here = self.c.place_country(match.group(1))
            there = self.c.place_country(match.group(2))
            if here is not None and there is not None and here != there:
                return True
        first = self.c.countries_in(match.start(1), match.end(1) + 1)
        second = self.c.countries_in(match.start(2), match.end(2) + 1)
        return bool(
            first
            and second
            and first[0][0] == match.start(1)
            and first[0][1] >= match.end(1) - 1
            and first[0][2] != second[0][2]  # "Seoul, Korea" is one place
            and second[0][0] == match.start(2)
            and second[0][1] >= match.end(2) - 1
        )

    def _visit_received(self, match: re.Match[str]) -> tuple[str, str, int] | None:
        """In a transcript, "Your visit means a lot to us" said by the host: a visit to the
        speaker's country, at the place line under the headline when it is there."""
        c = self.c
        if not c.turns or not _YOUR.search(
            c.text, max(self.start, match.start() - 30), match.start()
        ):
            return None
        if _PLACE_AFTER.match(c.text, match.end()):
            return None  # "your visit to Kyiv last month": a trip elsewhere (not "your
            # visit to reinforce our partnership")
        speaker = c.speaker(match.start())
        if speaker is None or not speaker[0]:
            return None
        line = c.setting_line(0)
        if line is not None and line[1] == speaker[0]:
            return (line[0], line[1], match.start())
        return (country_name(speaker[0]), speaker[0], match.start())

    def _place_before_visit(self, match: re.Match[str]) -> tuple[str, str, int] | None:
        """The place a visit is named by, before it, with whose it is ("the White House visit
        of Prime Minister Mitsotakis", "his Moscow visit"; not "a Washington visit"): not a
        nationality ("the Greek visit" is the Greeks')."""
        text = self.c.text
        of_visitor = _OF_VISITOR.match(text, match.end()) is not None
        for start, end, code, how in self.c.countries_in(
            max(self.start, match.start() - 40), match.start()
        ):
            if how == "demonym" or text[end : match.start()].strip():
                continue
            if of_visitor or _OWNER_BEFORE.search(text, max(self.start, start - 40), start):
                return (text[start:end], code, start)
        return None

    def _country_of_place(
        self, match: re.Match[str], place: str, qualifier: str | None
    ) -> str | None:
        """The country of "Vietnam", "Cape Town, South Africa" or "Ulaanbaatar"; a qualifier
        counts only when it is a country's name ("Vietnam, U.S. Vice President" is not)."""
        mentions = self.c.countries_in(match.start(1), match.end(1) + 1)
        if mentions:
            return mentions[0][2]
        if qualifier:
            named = self.c.countries_in(match.start(2), match.end(2) + 1)
            if named and named[0][0] == match.start(2) and named[0][1] >= match.end(2) - 1:
                return named[0][2]
            qualifier = None if named else qualifier
        words = place.split()
        if not words or words[0] in _NOT_PLACE or not place[:1].isupper():
            return None
        return self.c.place_country(place, (qualifier,) if qualifier else ())

    def _stay_country(self, start: int, end: int, place: str) -> str | None:
        """The country of the place in "in Washington for talks"."""
        mentions = self.c.countries_in(start, end + 1)
        if mentions:
            return mentions[0][2]
        words = place.split()
        if not words or words[0] in _NOT_PLACE:
            return None
        return self.c.place_country(place)

    def _split_visit(self, item: _Found, match: re.Match[str]) -> list[_Found]:
        """One visit per country in "travel to Cape Town, South Africa, May 9-11, and
        Lusaka, Zambia, May 12-13", each dated by the phrase that follows its place."""
        by_country: dict[str, tuple[str, int]] = {}
        for place, code, offset in item.destinations:
            by_country.setdefault(code, (place, offset))
        if len(by_country) <= 1:
            return [item]
        traveller = [s for s in item.sides if s not in by_country]
        if not traveller and item.people:
            # "as part of Vice President Kamala Harris’s trip to Singapore, the United
            # States and Singapore agreed": the list ran into the next clause's subject;
            # the traveller's own country is no stop.
            traveller = list(item.people.values())[:1]
            by_country.pop(traveller[0], None)
            if item.host is not None and list(by_country) == [item.host]:
                return [replace(item, sides=[*traveller, item.host])]
        if not traveller or not by_country:
            return []
        offsets = sorted(offset for _, offset in by_country.values())
        whens = {}
        for code, (_place, offset) in by_country.items():
            following = [o for o in offsets if o > offset]
            # The last stop: up to the clause's cut, or just past the place when a stop's
            # date cut the clause before it ("..., on March 17 and San José, Costa Rica,
            # on March 19 to engage with ...").
            cut = self._cut(match)
            end = following[0] if following else max(cut, min(self.end, offset + 60))
            phrases = date_phrases(
                self.c.text, offset, end, self.c.published, future=item.status == "planned"
            )
            whens[code] = nearest(phrases, offset, after_only=True)
        # "to Azerbaijan, Georgia, and Armenia June 14 to 19": the dates after the list are
        # the whole trip's, not the last stop's.
        dated = [code for code, when in whens.items() if when is not None]
        trip_dates = len(dated) == 1 and by_country[dated[0]][1] == offsets[-1]
        out = []
        for code, (place, offset) in by_country.items():
            when = None if trip_dates else whens[code]
            trip = whens[dated[0]] if trip_dates else None
            people = {n: s for n, s in item.people.items() if s in traveller or s == code}
            out.append(
                replace(
                    item,
                    sides=[*traveller, code],
                    host=code,
                    place=place,
                    date=when.date if when else (trip.date if trip else item.date),
                    shared_date=when is None and (item.date is not None or trip_dates),
                    later_stop=offset != offsets[0],
                    people=people,
                )
            )
        return out

    def _welcomed_to(
        self, match: re.Match[str], cut: int, sides: list[str]
    ) -> list[tuple[str, str, int]]:
        """ "welcomed Foreign Minister Locsin to Washington", "looks forward to seeing you
        in Washington": a visit to the welcomer's country, when the place is in one of the
        sides'."""
        text = self.c.text
        to = "in" if match.group().lower() == "seeing" else "to"
        found = re.search(
            rf"\b{to}\s+(?:the\s+)?({_CAP}(?:\s+{_CAP}){{0,2}})(?:,\s+{_CAP}(?:\s+{_CAP}){{0,2}})?",
            text[match.end() : max(match.end(), cut)],
        )
        if found is None or found.group(1).split()[0] in _NOT_PLACE:
            return []
        offset = match.end() + found.start(1)
        code = self._stay_country(offset, match.end() + found.end(), found.group(1))
        if code is None or code not in sides:
            return []
        return [(trim_place(found.group(0)[found.start(1) - found.start() :]), code, offset)]

    def _welcome_to_place(
        self, match: re.Match[str], sides: list[str]
    ) -> list[tuple[str, str, int]]:
        """ "welcome to Chisinau" said to a foreign official: where the welcomed one is."""
        found = _WELCOME_TO.match(self.c.text, match.end())
        if found is None or found.group("place").split()[0] in _NOT_PLACE:
            return []
        code = self._stay_country(found.start("place"), found.end("place"), found.group("place"))
        if code is None or code in sides or not any(s for s in sides if not s.startswith("org:")):
            return []
        return [(trim_place(found.group("place")), code, found.start("place"))]

    def _place_country(self, match: re.Match[str], cut: int, *, seats: bool = True) -> str | None:
        """The country of the place right after a meeting's noun ("in Seoul, Korea"); with
        ``seats`` False, not a city where international organisations sit."""
        text = self.c.text
        found = re.match(
            rf"\s+(?:in|at)\s+({_CAP}(?:\s+{_CAP}){{0,2}})(?:,\s+({_CAP}(?:\s+{_CAP}){{0,2}}))?",
            text[match.end() : max(match.end(), cut)],
        )
        if found is None and _HERE.match(text, match.end(), max(match.end(), cut)):
            # "the group's regional ministerial conference here Saturday": the dateline's
            return self.c.dateline[1] if self.c.dateline else None
        if found is None:
            # "negotiations in the Chinese capital": the demonym's country
            capital = re.match(
                r"\s+(?:in|at)\s+the\s+([A-Z][\w’'-]*)\s+capital\b",
                text[match.end() : max(match.end(), cut)],
            )
            if capital is None:
                return None
            named = self.c.countries_in(
                match.end() + capital.start(1), match.end() + capital.end(1)
            )
            return named[0][2] if named else None
        if not seats and found.group(1) in _SEATS:
            return None
        offset = match.end()
        named = self.c.countries_in(offset + found.start(1), offset + found.end())
        if named:
            return named[0][2]
        return self.c.place_country(found.group(1))

    def _more_places(self, match: re.Match[str], cut: int) -> list[str]:
        """The countries of the places listed after the first right after a noun ("in
        Bangladesh and Sri Lanka"): Sri Lanka."""
        text = self.c.text
        found = re.match(
            rf"\s+(?:in|at)\s+{_CAP}(?:\s+{_CAP}){{0,2}}((?:(?:,\s+|,?\s+and\s+){_CAP}"
            rf"(?:\s+{_CAP}){{0,2}})+)",
            text[match.end() : max(match.end(), cut)],
        )
        if found is None:
            return []
        offset = match.end() + found.start(1)
        return [
            code for _s, _e, code, _how in self.c.countries_in(offset, offset + len(found.group(1)))
        ]

    def _where_in_region(self, after: int, cut: int) -> list[tuple[str, str, int]] | None:
        """A trip to a region, to where the sentence then says it goes in it ("is
        traveling to Central America ... at a meeting of SICA in San Jose, Costa Rica");
        None when the list of places goes on ("to visit Scandinavia and Belgium")."""
        for name, at in self._places_in(self.end):
            if at > after and (code := self.c.place_country(name)) is not None:
                return [(name, code, at)]
        return None if _LIST_NEXT.match(self.c.text, after, max(after, cut)) else []

    def _place(self, kind: str, cut: int, trigger_end: int) -> str | None:
        """Where it was held: "in Oslo", "at the Department of State"; not for a call, and
        not from the topic ("to discuss the situation in Afghanistan").  A place right
        after the trigger is its own ("said ... before the IMF meeting last month in
        Washington", though the speaker was in London)."""
        if kind == "call":
            return None
        if _HERE.match(self.c.text, trigger_end, cut):
            return None  # "at the ADB's annual meeting here": the dateline's city (`_ref`)
        found = list(self._places_in(cut))
        right_after = [
            (name, at) for name, at in found if 0 <= at - trigger_end <= _PLACE_AFTER_REACH
        ]
        chosen = right_after or found
        return chosen[0][0] if chosen else None

    def _places_in(self, cut: int) -> Iterator[tuple[str, int]]:
        """The places the sentence names up to ``cut``, and where each is."""
        for found in re.finditer(
            # "In Paris, France, June 12-13, Assistant Secretary Lewis will ..." too.
            rf"\b(?:[Ii]n|at)\s+(?:the\s+)?({_CAP}(?:\s+(?:of\s+(?:the\s+)?)?{_CAP}){{0,3}}"
            rf"(?:,\s+{_CAP}(?:\s+{_CAP}){{0,2}})?)",
            self.c.text[self.start : max(self.start, cut)],
        ):
            name = trim_place(found.group(1))
            city, comma, after = name.partition(",")
            if comma and (
                not _NOT_PLACE.isdisjoint(after.split())
                # "... spring meetings in Washington, Funaro said": a speaker, not a state
                or _SAID_AFTER.match(self.c.text, self.start + found.end(1))
            ):
                name = city  # "While in Paris, Deputy Secretary McKeon will meet": the city
            # "in Niamey, Niger's capital": the city.
            name = re.sub(r",?\s+[\w-]+[’']s$", "", name)
            if name.endswith(("’s", "'s")):
                continue  # "at the ADB's annual meeting": whose, not where
            head = self.c.text[
                max(self.start, self.start + found.start() - 30) : self.start + found.start(1)
            ]
            if _TAKING_PART_BEFORE.search(head):
                continue  # "participated in the G7 ... Meeting": what, not where
            if _NAME_GOES_ON.match(self.c.text, self.start + found.end(1)):
                continue  # "at the U.S. – AUC High Level Dialogue in Washington": an event
            if re.match(r"\s*\([A-Z]{2,6}\)", self.c.text[self.start + found.end(1) :]):
                continue  # "the Alliance for Development in Democracy (ADD)": a name's end
            if not _EVENT_WORDS.isdisjoint(name.split()):
                continue  # "at the Tbilisi Women’s International Conference": an event
            at = self.start + found.start(1)
            if any(
                how == "demonym" for _s, _e, _c, how in self.c.countries_in(at, at + len(name))
            ) or (
                name.endswith(("an", "ese", "ish", "ic"))
                and _ADJECTIVE_OF.match(self.c.text, at + len(name))
            ):
                continue  # "in the European morning": a nationality's adjective, not a place
            if name.split()[0] not in _NOT_PLACE:
                yield name, at

    def _pronoun_owner(
        self, match: re.Match[str], host: str, people: dict[str, str]
    ) -> tuple[str, str] | None:
        """The sentence's subject, of another side than the host, when "his" or "her" owns
        the trip and others are named between them ("Thatcher left Bonn ... after talks with
        Chancellor Helmut Kohl ahead of her visit to Moscow": hers, not Kohl's); ``people``
        keeps the subject alone."""
        text = self.c.text
        if not _HIS_BEFORE.search(text, max(self.start, match.start() - 30), match.start()):
            return None
        named = self.c.people_in(self.start, match.start())
        if len(named) < 2 or named[0][0] - self.start > 40:
            return None
        _s, _e, person, side = named[0]
        if side is None or side == host or all(other[3] == side for other in named):
            return None
        people.clear()
        people[person.name] = side
        return person.name, side

    def _subject_before_he(self, match: re.Match[str], host: str) -> tuple[str, str] | None:
        """Whose trip "he" makes when the sentence named its subject before: "Abe will explain
        the plan to U.S. Officials when he visits the U.S." (`_antecedent` looks for "he" in
        the sentences before)."""
        he = _HE_BEFORE.search(self.c.text, self.start, match.start())
        named = self.c.people_in(self.start, he.start()) if he else []
        if named and named[0][3] not in (None, host):
            return named[0][2].name, named[0][3]
        return None

    def _traveller_around(
        self,
        match: re.Match[str],
        window: int,
        host: str,
        people: dict[str, str],
        travellers: list[str],
    ) -> list[str]:
        """Who travels when the words before the trip name no one of another side: the
        speaker ("I visited"), the one spoken to ("your visit"), or whom "he" stands for."""
        if _none_abroad(travellers, host) and self._speakers_trip(match, window):
            speaker = self.c.speaker(match.start())
            own = speaker[0] if speaker and speaker[0] else self.c.publisher
            travellers = [own] if own else []
        if _none_abroad(travellers, host) and re.search(
            r"\byour\s+$", self.c.text[max(self.start, match.start() - 10) : match.start()]
        ):
            # "Mr. Secretary, appreciate your visit to Vilnius": in a transcript, the side
            # of the one spoken to, the other speakers'.
            speaker = self.c.speaker(match.start())
            if speaker is not None:
                others = {side for _at, side, _name in self.c.turns if side and side != speaker[0]}
                travellers = sorted(others - {host})[:1] if len(others - {host}) == 1 else []
        if _none_abroad(travellers, host) and (subject := self._subject_before_he(match, host)):
            travellers = [subject[1]]
            people.setdefault(*subject)
        if _none_abroad(travellers, host) and (
            (antecedent := self._antecedent(self.start, match.start())) is not None
            and antecedent[1] != host
        ):
            # "The Secretary will then travel to Vilnius ... He will travel to Tallinn,
            # Estonia, on March 8 to meet with ...": the official "he" is.
            travellers = [antecedent[1]]
            if antecedent[0]:
                people.setdefault(*antecedent)
        if _none_abroad(travellers, host) and (
            by := _BY_VISITORS.match(self.c.text, match.end(), self.end)
        ):
            # "a visit here next week by Japanese trade officials": whose officials come
            travellers = [
                code
                for _s, _e, code, how in self.c.countries_in(by.start(1), by.end(1))
                if how in ("demonym", "name") and code != host
            ][:1] or travellers
        own = self.c.publisher
        if (
            _none_abroad(travellers, host)
            and own not in (None, host)
            and own_officials_trip(self.c.text, self.start, match.start())
        ):
            travellers = [own or ""]
        return travellers

    def _to_where_said(self, match: re.Match[str]) -> bool:
        """Is a visit named with no place one to where the words are said: "thank you very
        much for coming to pay a visit"; the speaker's "this is my first visit in this
        capacity as Secretary of State" in remarks made at "New Delhi, India" (a
        transcript's setting line)?"""
        text = self.c.text
        floor = max(self.start, match.start() - 30)
        return bool(
            _COME_TO.search(text, floor, match.start())
            # (the cheap test first: this runs for every "visit")
            or (
                _SPEAKERS_TRIP.search(text, floor, match.start())
                and (self.c.turns or self.c.setting_line(0))
            )
        )

    def _speakers_trip(self, match: re.Match[str], window: int) -> bool:
        """Is the trip the speaker's own ("when we were in Moldova just a couple of months
        ago", "I visited Algeria in March", "It's wonderful to be back in Morocco for my
        first visit"): the speaker's side, or the government's whose statement it is?"""
        # (from before the noun phrase's window: "my first visit" is the speaker's)
        floor = max(self.start, min(window, match.start() - 30))
        return bool(_SPEAKERS_TRIP.search(self.c.text, floor, match.start())) or (
            match.lastgroup == "stay"
            and _FIRST_PERSON_WORD.search(self.c.text, self.start, self.end) is not None
        )


def _none_abroad(travellers: list[str], host: str) -> bool:
    """Do the travellers found so far name no side but the host's (none who travels)?"""
    return all(side == host for side in travellers)
