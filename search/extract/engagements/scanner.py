"""The sentence scanner: the trigger words a sentence has, those that report an
engagement, and the engagement each reports."""

from __future__ import annotations

import re
from dataclasses import replace

from search.extract.engagements.acceptance import _Acceptance
from search.extract.engagements.context import _Found
from search.extract.engagements.editions import earlier_edition
from search.extract.engagements.kinds import (
    _CIVIL_HOST,
    _best_per_sentence,
    _by_what_means,
    _enough_sides,
    _forum_name,
    _forum_named_after,
    _held_in,
    _own_meeting,
    _separate_meetings,
    _type,
    _whole_name,
    ongoing_dialogue,
)
from search.extract.engagements.known import may_name_known, with_known_meetings
from search.extract.engagements.patterns import (
    _ANAPHORIC,
    _ASKED_TO,
    _CALLED_OFF,
    _DELEGATION,
    _DEMONSTRATIVE,
    _DOMESTIC_AFTER,
    _DOMESTIC_BEFORE,
    _ENVOYS_OF,
    _FORUM_AGREED,
    _FORUM_WORDS,
    _HABITUAL,
    _HOSTED_EVENT,
    _HYPOTHETICAL,
    _MEMBERS,
    _NO_ENGAGEMENT,
    _NO_PLANS,
    _NOT_MEETINGS,
    _NOUN_TRIGGERS,
    _OCCASION_AFTER,
    _PRIVATE_TRIP,
    _REMARKS_AROUND,
    _SOUGHT,
    _TAKES_PART,
    _TO_AN_AUDIENCE,
    _URGED,
    _lower_words,
    _negated,
    _stays,
    _words,
)
from search.extract.engagements.signings import _Signings
from search.extract.engagements.status import _Status
from search.extract.engagements.travellers import _Travellers
from search.extract.engagements.triggers import _TRIGGER, _WORDS
from search.extract.engagements.two_sides import _forum_side
from search.extract.orgs import commodity_body_before, international

# A call dated by the words before it, alone: "their February 11 call", "Monday's call".
_DATED_CALL = re.compile(
    r"\b(?:the|their|his|her|its|our|a)\s+(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\w*\.?"
    r"\s+\d{1,2}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun|yester)day[’']s)\s+$",
    re.I,
)
# "the other summit nations", "to implement Summit commitments": the summit's members or
# its outcomes, the noun a modifier.
_SUMMIT_MODIFIES = re.compile(
    r"\s+(?:nations|countries|partners|members|commitments?|pledges?|outcomes?|goals)\b"
)
# Whose talks they are, named right after the trigger: "talks between Turkey and Greece".
_BETWEEN_AFTER = re.compile(r"\s+between\s+")
# A forum's name to the word of its gathering: "G20| Culture |Ministerial", "G7| Climate,
# Energy, and Environment |Ministerial".
_NAME_TO = re.compile(r"(?:,?\s+(?:and\s+)?(?-i:[A-Z])[\w’'-]*){0,4}\s+")
# Where the list after "between" ends (see `_between_only`).
_BETWEEN_END = re.compile(r";|\s(?:with|on|over|about|to|for|at|before|after|which|that|who)\b")
# A wish, not a plan: "I hope that the leaders of the Baltic countries will meet".
_HOPED = re.compile(
    r"\b(?:hope|hopes|hoped|hoping)\s+(?:that\s+)?(?:[^.;:]{0,80}?\s)?"
    r"(?:will|would|can|could|to)\s+(?:also\s+)?$"
)
# Not a wish but the subject's own plan: "Funaro hopes to visit Canada and Japan next
# week", "Nakasone hopes to meet President Reagan in late April".
_OWN_PLAN = re.compile(r"\b(?:hopes|hoped)\s+to\s+(?:also\s+)?$")
_SCHEDULED_NEXT = re.compile(
    r"\b(?:to|at|before|until|attend)\s+(?:the|its|their)\s+next\s+(?:[\w-]+\s+){0,3}$", re.I
)
# What a meeting adopted, named after it: "the UN General Assembly resolution".
_ADOPTED = re.compile(r"\s+(?:resolutions?|decisions?|votes?)\b")


# "also met with Director Arias during his two-day visit": held on the visit of the one
# the pronoun names, to the meeting's other side (no destination written).
_DURING_OWN_VISIT = re.compile(
    r"\bduring\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|stay)\b"
    r"(?!\s+(?:to|in|at)\b)",
    re.I,
)


class _Sentence(_Travellers, _Status, _Acceptance, _Signings):
    """One sentence's engagements."""

    def lists_delegation(self) -> bool:
        """Does this sentence name who led the delegations of the engagement before it?"""
        return _DELEGATION.search(self.c.text, self.start, self.end) is not None

    def engagements(self) -> list[_Found]:
        found: list[_Found] = []
        words = _lower_words(self.lowered)
        forum = not _FORUM_WORDS.isdisjoint(words) and (
            bool(self.c.orgs_in(self.start, self.end))
            or _ENVOYS_OF.search(self.c.text, self.start, self.end) is not None
        )
        known = may_name_known(words)
        stays = self.c.may_stay and _stays(self.lowered)
        if _WORDS.isdisjoint(words) and not stays and not forum:
            # Most sentences: no trigger word, no need for the slow pattern.
            return _best_per_sentence(self._known(found, words), self.c.text) if known else found
        text = self.c.text
        triggers = list(_TRIGGER.finditer(text, self.start, self.end))
        if forum:
            triggers += _FORUM_AGREED.finditer(text, self.start, self.end)
        if "ed by " in self.lowered:
            triggers += _HOSTED_EVENT.finditer(text, self.start, self.end)
        if triggers:  # (what `_accept` reads; many sentences with a trigger word have none)
            self.excluded = [m.span() for m in _NO_ENGAGEMENT.finditer(text, self.start, self.end)]
        if len(triggers) > 1:
            triggers.sort(key=lambda m: m.start())
        for match in triggers:
            kind = match.lastgroup or ""
            if not self._accept(kind, match):
                continue
            if kind == "multi" and self._named(match):
                self.forum_named = True  # "the International Migration Review Forum"
            self.more_hosts, self.next_of_series = [], False
            item = self._engagement(kind, match)
            if item is None:
                continue
            if item.type == "visit":
                found.extend(self._split_visit(item, match))
            else:
                found.extend(_separate_meetings(item, match, self.c, self.start))
                found.extend(earlier_edition(self.c.text, item, match, self.end, self.c.published))
                found.extend(
                    replace(
                        item,
                        sides=[item.sides[0], host],
                        people={n: s for n, s in item.people.items() if s == item.sides[0]},
                        place=None,
                    )
                    for host in self.more_hosts
                )
            if item.type == "visit" and len(item.destinations) == 1:
                self.trip_host = item.host
        if known:
            found = self._known(found, words)
        for item in found:
            if (
                item.type == "meeting"
                and self.forum_named
                and any(side.startswith("org:") for side in item.sides)
                and not item.forum  # (the forum itself, typed by its name)
                and not self._beside_forum(item)
            ):
                item.type = "multilateral"  # "attend the ... Forum ... and meet with UN"
            if item.place is None and item.type != "call":
                item.place = self.trip_place
        return _best_per_sentence(found, self.c.text)

    def _beside_forum(self, item: _Found) -> bool:
        """Did the meeting's organisation take part by an official of its own, met on the
        edge of its forum ("met with NATO Secretary General Jens Stoltenberg today in
        Brussels on the margins of the NATO Foreign Ministerial")? A meeting of two, then,
        not the forum."""
        orgs = {side for side in item.sides if side.startswith("org:")}
        return orgs <= set(item.people.values()) and bool(
            _OCCASION_AFTER.search(self.c.text, max(item.at, self.start), self.end)
        )

    def _known(self, found: list[_Found], words: list[str]) -> list[_Found]:
        return with_known_meetings(self.c, (self.index, self.start, self.end), found, words)

    # ---- triggers

    def _accept(self, kind: str, match: re.Match[str]) -> bool:
        text = self.c.text
        word = match.group().lower()
        after = text[match.end() : min(self.end, match.end() + 80)]
        before = text[max(self.start, match.start() - 40) : match.start()]
        if any(s <= match.start() < e for s, e in self.excluded):
            return False
        if self._idiom(kind, word, before, after) or self._unspecified(word, before):
            return False  # "as we speak", "I cannot speak to whether Russia"
        if (
            word in _NOUN_TRIGGERS
            and not self.title  # "Secretary Blinken And Foreign Minister Kofod Before Their Meeting"
            and _ANAPHORIC.search(before)
            # "the meetings scheduled next month in Washington between Reagan and
            # Nakasone": told here, not before.
            and not re.match(
                r"\s+(?:with|of|between|in|on|to|here|scheduled|planned|due|later)\b", after
            )
        ):
            return False  # "during the talks", "in her meetings": the one reported before
        if word in _NOUN_TRIGGERS and _DEMONSTRATIVE.search(before):
            return False  # "This inaugural meeting": the one just named
        if kind == "sign":
            return self._accept_signing(word, match, before, after)
        if word.startswith("consultative"):
            return self._consultative(word, before, after)
        if kind == "consult":  # ("the London coffee talks": the ICO's council's)
            return bool(commodity_body_before(before)) or self._accept_talks(
                word, match, before, after
            )
        if kind == "multi" and word.startswith(("agreed", "committed")):
            return self._forum_agreed(match)
        if word == "rescheduling":
            return True  # after "Paris Club", as the pattern has it
        if kind == "multi" and _ADOPTED.match(after):
            return False  # "supporting the UN General Assembly resolution": what it adopted
        if (
            kind == "multi"
            and word in ("session", "assembly")
            and not match.group()[0].isupper()
            and not self._orgs_own(match)
        ):
            return False  # "a training session": only a named one ("the UN General Assembly")
        if kind == "multi" and self._in_role(match.end()):
            return False  # "Speaker of the National Assembly Sheikh Marzouq al Ghanem"
        if kind == "multi" and word == "summit" and _SUMMIT_MODIFIES.match(after):
            return False  # "the other summit nations -- Japan, West Germany, ...": its members
        if kind == "multi" and word in ("trilateral", "ministerial"):
            # "trilateral cooperation", "ministerial-level": the adjective of something else;
            # "the trilateral meeting" is found by its noun, "a Ministerial" is one.
            following = re.match(r"[\s-]+(?:[\w.]+(?:-[\w.]+)+\s+)?([\w-]+)", after)
            if following is not None and following.group(1).lower() in _NOT_MEETINGS:
                return False  # also "trilateral U.S.-Japan-ROK cooperation"
        if kind == "call" and _TO_AN_AUDIENCE.match(after):
            return False  # "spoke to the press", "spoke to reporters": no call
        if kind == "call" and word in ("call", "calls") and not after.startswith(" with"):
            return _DATED_CALL.search(before) is not None
        if kind == "call" and word in ("called", "rang"):
            # "Sung Kim called PRC Special Representative ... Liu"; not "called Trump's order
            # swift" (what someone called something).
            named = self.c.people_in(match.end(), min(self.end, match.end() + 90))
            if named and text.startswith(("'s", "’s"), named[0][1]):
                return False
            return self._person_follows(match.end())
        if kind == "meet":
            return self._accept_meeting(word, match, before, after)
        return True

    # ---- one engagement

    def _not_held(self, match: re.Match[str], lead: list[str]) -> bool:
        """Is the trigger's engagement one not held: hypothetical, sought, asked for, a
        government's own, a habit, negated or called off?"""
        text = self.c.text
        if (
            not _HYPOTHETICAL.isdisjoint(lead)
            and not self._month_may(lead, match.start())
            # "the plan should be presented to the next meeting of the GATT farm negotiating
            # group": what may happen at a meeting that will be held
            and not _SCHEDULED_NEXT.search(text, max(self.start, match.start() - 40), match.start())
        ):
            return True
        if _HOPED.search(text, max(self.start, match.start() - 100), match.start()) and not (
            _OWN_PLAN.search(text, max(self.start, match.start() - 20), match.start())
        ):
            # "I hope that the leaders ... will meet President Biden": a wish; but "in the
            # hope of resolving the row before the next Council meeting" is held
            return True
        if not _SOUGHT.isdisjoint(lead[-3:]) or not _URGED.isdisjoint(lead[-5:]):
            return True  # "worked to arrange a meeting", "requested a call": not (yet) held
        if _ASKED_TO.search(text, self.start, match.start()):
            return True  # "urging Canada, Mexico, and the United States, to organize an
            # international expert group meeting": asked for, not held
        domestic = _DOMESTIC_BEFORE.search(text, max(self.start, match.start() - 30), match.start())
        if domestic is not None and domestic.group().lower().startswith("board"):
            # "The International Coffee Organization executive board meeting": an
            # international body's board, not a company's
            floor = max(self.start, domestic.start() - 60)
            domestic = None if self.c.orgs_in(floor, domestic.start()) else domestic
        if domestic is not None or _DOMESTIC_AFTER.match(text, match.end()):
            return True  # "today's Cabinet meeting": a government's own
        if _HABITUAL.match(text, match.end()) or ongoing_dialogue(text, self.start, match):
            return True  # "will continue to meet regularly", "we have a very dynamic dialogue"
        if _CIVIL_HOST.search(text, max(self.start, match.start() - 40), match.start()):
            return True  # "told a Georgetown University conference": no government's
        if _negated(lead, self.lowered[match.end() - self.start : match.end() - self.start + 20]):
            return True
        if _NO_PLANS.search(text, max(self.start, match.start() - 60), match.start()):
            return True  # "do not have any plans to meet for talks"
        # "President Trump's planned trip to Warsaw, which was cancelled"
        return _CALLED_OFF.match(text, match.end(), self.end) is not None

    def _engagement(self, kind: str, match: re.Match[str]) -> _Found | None:
        head = self.lowered[: match.start() - self.start]
        if self._not_held(match, _words(head)[-6:]):
            return None
        cut = self._cut(match)
        destinations: list[tuple[str, str, int]] = []
        if kind in ("visit", "stay"):
            destinations = self._destinations(match, cut)
            if not destinations or _PRIVATE_TRIP.match(self.c.text, match.end(), self.end):
                return None  # "as President Cortizo travels to the United States for
                # further care": a private trip
        window = self._window(kind, match, cut)
        sides, people = self._sides(match, window, cut)
        host = destinations[0][1] if destinations else None
        if host is None and kind == "meet":
            self._setting_hosts(match, cut, sides, people)
        if host is not None:
            visiting = self._visit_sides(match, window, cut, host, sides, people)
            if visiting is None:
                if self.trip_at_home:
                    # "will travel to New York, New York, May 18-20, where she will attend
                    # the International Migration Review Forum ... and meet with UN
                    # officials": where what the sentence reports is held.
                    self.trip_place = destinations[0][0]
                return None
            sides = visiting
        sides = list(dict.fromkeys(self._between_only(match, cut, sides)))
        if kind == "sign":
            sides = self._signed_parties(match, cut, sides, people)
        word = match.group().lower()
        if not self._hosted(kind, match, cut, sides) and not destinations:
            destinations = self._welcomed_or_trips(kind, match, sides)
            host = destinations[0][1] if destinations else self._visited(kind, match, sides)
        sides = self._implied_sides(match, sides)
        kind = self._unlisted_forum(kind, match, head, sides)
        kind, body = self._body_named_alone(kind, match, cut, sides)
        if body is None and not _enough_sides(self.c, self.start, sides, match, cut):
            return None
        status, date, stay, week = self._status_and_date(match, head, cut)
        place = destinations[0][0] if destinations else self._place(kind, cut, match.end())
        if self.title and _REMARKS_AROUND.search(head) and status == "main":
            # "Secretary Blinken and Egyptian Foreign Minister Shoukry Before Their
            # Meeting" heads the transcript of remarks made there, that day, at the place
            # its first line gives ("Washington, D.C.").
            date = date or (self.c.published.isoformat() if self.c.published else None)
            place = place or self._setting_line()
        if not destinations and word.startswith(("welcom", "seeing")) and len(sides) >= 2:
            destinations = self._welcomed_to(match, cut, sides)
            host = destinations[0][1] if destinations else None
        named = self._named(match) or self._strategic_dialogue(match, head)
        kind = _by_what_means(self.c.text, kind, match, self.start, self.end)
        forum = _whole_name(self.c.text, self.start, self.end, match) if named else None
        if (hosted := self._hosted_forum(kind, match)) is not None:
            # "the Summit of the Americas, which the United States will host in June"
            kind, named, (word, forum) = "multi", True, hosted
        return _Found(
            type="visit"
            if host
            else _type(
                kind, word, sides, named=named, forum=forum, own=self._an_orgs_own(match, sides)
            ),  # fmt: skip
            forum=forum,
            named=named and kind == "consult" and not host,
            status=status,
            sides=sides,
            people=people,
            sentence=self.index,
            trigger=match.group(),
            date=date,
            place=place,
            host=host,
            destinations=destinations,
            title=self.title,
            stay=stay,
            week=week,
            at=match.start(),
            next_of_series=self.next_of_series,
        )

    def _between_only(self, match: re.Match[str], cut: int, sides: list[str]) -> list[str]:
        """The sides of "talks between NATO Allies Turkey and Greece": those two alone, not
        whoever supports or welcomes them ("continuing U.S. support for")."""
        between = _BETWEEN_AFTER.match(self.c.text, match.end(), cut)
        if between is None or match.group().lower() not in _NOUN_TRIGGERS:
            return sides
        # (up to where the list of them ends: "talks between the U.S. And Japan with
        # interest and concern, Industry Minister John Button said in Canberra")
        listed = _BETWEEN_END.search(self.c.text, between.end(), cut)
        cut = listed.start() if listed is not None else cut
        named = [c[2] for c in self.c.countries_in(between.end(), cut)]
        inside = [side for side in sides if side in named]
        if len(inside) < 2:
            # "discussions between G-7 participants": the organisation's, if it is there
            named += [f"org:{o[2]}" for o in self.c.orgs_in(between.end(), cut)]
            inside = [side for side in sides if side in named]
        return inside if len(inside) >= 2 else sides

    def _status_and_date(
        self, match: re.Match[str], head: str, cut: int
    ) -> tuple[str, str | None, bool, bool]:
        """`_Status._status_and_date`, but a dated agreement's signing is dated by the date
        its noun is given ("the November 27 maritime border agreement")."""
        if match.group().lower().startswith("agreement"):
            return (*self._agreement_when(match), False, False)
        return super()._status_and_date(match, head, cut)

    def _an_orgs_own(self, match: re.Match[str], sides: list[str]) -> bool:
        """Is the trigger the own meeting of an organisation among ``sides``?"""
        orgs = self.c.orgs_in(self.start, self.end)
        return any(_own_meeting(self.c.text, orgs, side, match) for side in sides)

    def _welcomed_or_trips(
        self, kind: str, match: re.Match[str], sides: list[str]
    ) -> list[tuple[str, str, int]]:
        """The destination of one welcomed to a place, added to ``sides`` with the forum
        a trip goes to."""
        if match.group().lower().startswith("welcom"):
            # "Dear Secretary of State Blinken, welcome to Chisinau": a visit to the place's
            # country by the one welcomed.
            arrival = self._welcome_to_place(match, sides)
            if arrival:
                sides.append(arrival[0][1])
                return arrival
        elif kind == "multi" and len(sides) == 1 and self.trip_host and self._named(match):
            # "will travel to Doha, Qatar, March 25-27, to attend the Doha Forum": a forum
            # the trip goes to, held by the country it goes to.
            sides.append(self.trip_host)
        return []

    def _visited(self, kind: str, match: re.Match[str], sides: list[str]) -> str | None:
        """The host of a meeting "during his two-day visit": the side of the two that the
        visitor (the last person named before the phrase) is not on."""
        if kind != "meet" or len(sides) != 2:
            return None
        during = _DURING_OWN_VISIT.search(self.c.text, match.end(), self.end)
        before = self.c.people_in(self.start, during.start()) if during else []
        visitor = before[-1][3] if before else None
        if visitor not in sides:
            return None
        return sides[1] if visitor == sides[0] else sides[0]

    def _strategic_dialogue(self, match: re.Match[str], head: str) -> bool:
        """ "a strategic dialogue with ROK First Vice Foreign Minister Choi": an institution
        of the two, held on its own during a visit, as a named one is."""
        return (
            match.group() == "dialogue"
            and not self.title
            and head.endswith(("strategic ", "strategic and economic "))
        )

    def _unlisted_forum(self, kind: str, match: re.Match[str], head: str, sides: list[str]) -> str:
        """ "will also participate in the Ukraine Contact Group meeting", "will chair a
        “Global Food Security Call to Action” Ministerial": a forum no lexicon lists, taken
        part in by the one side named, joins ``sides``; its kind is then a forum's. A named
        forum held in another country ("the October 2021 Regional Migration Ministerial in
        Colombia") has that country's part."""
        if kind == "multi" and not self.title:
            for _o_start, o_end, key in self.c.orgs_in(self.start, match.start()):
                # "to lead the U.S. delegation to the G20 Culture Ministerial": the forum
                # whose name begins the gathering's
                if international(key) and _NAME_TO.fullmatch(self.c.text, o_end, match.start()):
                    if f"org:{key}" not in sides:
                        sides.append(f"org:{key}")
                    return kind
        if len(sides) != 1 or kind not in ("meet", "multi") or self.title:
            return kind  # (a Title Case headline reads as one long name)
        if (
            kind == "multi"
            and match.group()[:1].isupper()
            and (host := _held_in(self.c, match, self.end))
        ):
            if host != sides[0]:
                sides.append(host)
                return kind
        if not _TAKES_PART.search(head[-90:]):
            return kind
        text = self.c.text
        known = self.c.orgs_in(self.start, self.end)
        if not known:  # else a known one's ("the UN's IMRF")
            forum = _forum_name(text, self.start, match) or _forum_named_after(
                text, match, self.end
            )
            if forum is not None:
                sides.append(f"org:{forum}")
                return "multi"
        elif (after := _forum_named_after(text, match, self.end)) is not None:
            # "the June 28 meeting of the Foreign Ministers of the Global Coalition": the
            # known organisation the sentence names in full ("... Global Coalition to
            # Defeat ISIS"), though as an envoy's portfolio.
            for o_start, o_end, key in known:
                if text[o_start:o_end].startswith(after) and f"org:{key}" not in sides:
                    sides.append(f"org:{key}")
                    return "multi"
        return kind

    def _setting_line(self) -> str | None:
        """A transcript's place line after its headline ("Washington, D.C.")."""
        found = self.c.setting_line(self.index)
        return found[0] if found else None

    def _month_may(self, lead: list[str], position: int) -> bool:
        """Is the only hypothetical word before the trigger the month ("the May 2022
        Summit"), not the verb ("may meet")?"""
        if _HYPOTHETICAL.intersection(lead) != {"may"}:
            return False
        before = self.c.text[max(self.start, position - 60) : position]
        return re.search(r"\bmay\b", before) is None  # only "May", capitalised

    def _forum_agreed(self, match: re.Match[str]) -> bool:
        """ "OPEC members agreed in December", "Six industrialised nations agreed in Paris
        last month": a forum (or an organisation's members) is the subject, named in the
        clause before the verb."""
        clause = self.start
        for found in re.finditer(
            r"[;:]|,\s+(?:but|and|while|as)\b|\bthat\b", self.c.text[self.start : match.start()]
        ):
            clause = self.start + found.end()
        for _start, end, key in self.c.orgs_in(clause, match.start()):
            if _forum_side(f"org:{key}") or _MEMBERS.match(self.c.text, end):
                return True
        envoys = _ENVOYS_OF.search(self.c.text, self.start, match.start())  # past ", and"
        # "Representatives of A, B, C, and D agreed": three countries or more, whose envoys
        # met to agree (two are a meeting the sentence's own words report, if any).
        return envoys is not None and len(self.c.countries_in(envoys.end() - 1, match.start())) >= 3


# A line that is a place alone: "Washington, D.C.", "Kyiv, Ukraine".
