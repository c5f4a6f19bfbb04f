"""Status and dates: whether an engagement is reported, announced or history, and its
date."""

from __future__ import annotations

import datetime as dt
import re

from search.extract.dateline_places import WIRE_DATELINE
from search.extract.engagements.context import _SentenceBase
from search.extract.engagements.day_phrases import told_as_now
from search.extract.engagements.patterns import (
    _AHEAD,
    _BEHIND,
    _BEHIND_STAY,
    _FUTURE,
    _HELD_AHEAD,
    _LAST_TIME,
    _NOUN_TRIGGERS,
    _QUOTED,
    _words,
    future_words,
)
from search.extract.engagements.triggers import _TRIGGER
from search.extract.when import _SINCE, When, date_phrases, nearest

# An engagement told as the latest of its kind, history whatever modal comes before it:
# "pledged to President Zelenskyy they would during his most recent visit to Kyiv".
_MOST_RECENT = re.compile(r"\b(?:most\s+recent|latest|previous|last)\s+$", re.I)
# A host's thanks for a visit being paid: "thank you very much for coming to", "I really
# welcome you coming to also visit us".
_THANKED_FOR_COMING = re.compile(
    r"\b(?:thanks?(?:\s+you)?(?:\s+(?:very|so)\s+much)?\s+for|welcome\s+you)\s+coming\s+to\b",
    re.I,
)
# "praised Prime Minister Chinh’s successful visit": a visit judged is over.
_PAST = frozenset(
    """previously formerly earlier ago recent recently last latest had since prior already
    successful""".split()
)
_SUBJECT_OF_FUTURE = re.compile(  # an engagement subject of a future verb (`_announced`)
    # (not a relative clause's verb: "talks in Bonn that will include discussions on")
    # (an initial's dot is no sentence's end: "the next China-U.S. Textile agreement")
    r"(?:\s+(?:between|with|of|on|in|at|among|over)\s+"
    r"(?:(?!\b(?:that|which|who)\b)(?:[^,;.:]|(?<=\b[A-Z])\.))"
    r"{0,100}?)?\s+(?:will|shall|"
    r"(?:is|are)\s+(?:expected|scheduled|due|set|planned|to\s+be))\b"
    # (not its end: "The ... executive board meeting will end tomorrow" is under way)
    r"(?!\s+(?:to\s+)?(?:end|close|conclude|finish)\b)"
    # "a visit to Moscow by U.S. Secretary of State George Shultz for arms discussions
    # was under consideration": still to be decided
    r"|(?:\s+(?:to|by|with|of|for)\s+(?:[^,;.:]|(?<=\b[A-Z])\.){0,100}?)?"
    r"\s+(?:is|are|was|were)\s+(?:under\s+consideration|being\s+(?:considered|planned))\b"
    # "the bank's 20th annual meeting starting April 27 in Osaka", "the summit scheduled
    # for June": a meeting to open on a day to come.
    r"|(?:\s+[\w’'-]+){0,2}?\s+(?:starting|beginning|opening|scheduled|slated|set\s+for|"
    r"due\s+to\s+(?:start|begin|open))\b",
    re.I,
)

_AS_SAID_AT = re.compile(
    r"\s*as\s+[^,;:]{0,60}?\b(?:said|reiterated|noted|stated|stressed|affirmed|made\s+clear)"
    r"\s+(?:during|at|in)\s+(?:his|her|their|the|our|my)\s+(?:[^,;:]*\s)?"
)
# "on his way to Tokyo, where he is to arrive on Sunday": still to come, on that day.
_ARRIVAL_AHEAD = re.compile(
    r",\s+where\s+(?:he|she|they)\s+(?:is|are)\s+(?:to|due\s+to|expected\s+to)\s+arrive\b"
)
# "Indonesia is hosting ... from July 7-8", "travels ... today to attend the June 28
# meeting": told the day before, still to come.
_ONGOING = re.compile(
    r"\b(?:is|are)\s+\w+ing\b|\bto\s+(?:attend|participate\s+in|take\s+part\s+in|join)\b"
    # An announcement's present tense: "Jessica Lewis travels to the United Kingdom,
    # Germany, and Poland July 16-22" the day before.
    r"|\b(?:travels|visits|tours)$",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:who|which|whose)\b", re.I)
_NEXT_WEEK = re.compile(r"next\s+week", re.I)
_AGO_AFTER = re.compile(r"\s+(?:just\s+)?(?:[\w-]+\s+){1,4}ago\b|\s+last\s+(?:week|month|year)\b")
_HELD_AFTER = re.compile(
    r",\s+which\s+(?:was\s+held|were\s+held|was\s+hosted|was\s+convened|took\s+place|met)\b"
)
# An opening "Following ..." or "After ..." phrase (of the lower-cased head), then a main
# clause in the future.
_OPENING_AFTER = re.compile(r"\s*(?:following|after)\s+")
_MAIN_CLAUSE_AHEAD = re.compile(
    r"[^,.;]{0,60},\s+(?:[\w.’'-]+\s+){1,6}?(?:will|is\s+to|are\s+to|plans\s+to)\s"
)

# A line of a public schedule: "2:15 p.m. Secretary Blinken meets with Tajikistan Foreign
# Minister Muhriddin, at the Department of State." Published the morning of its day.
_SCHEDULE_LINE = re.compile(r"\s*\d{1,2}:\d{2}\s*(?:a\.m\.|p\.m\.|AM\b|PM\b)", re.I)
_PRESENT = re.compile(r"(?:meets|hosts|welcomes|holds|joins|travels|participates|speaks)\Z", re.I)

# A second infinitive ("..., and to hold informal consultations"), and the verbs that
# govern an infinitive before it ("agreed to meet").
_AND_TO = re.compile(r"\band\s+to\s+[a-z]+\s+(?:[\w-]+\s+){0,2}$")
_TO_BEFORE = re.compile(r"\b([a-z]+)\s+to\s+[a-z]+\b")
_ON_WEEKDAY = re.compile(
    r"[^.;]{0,40}?\bon\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)

# A clause of time in the present, after a conditional: "when leaders of the seven meet".
_WHEN_THEY_MEET = re.compile(
    r"\bwhen\s+(?:(?!(?:held|met|was|were|had|did)\b)(?![\w’'.-]+ed\b)[\w’'.-]+\s+){1,8}$"
)
# Words that put what follows ahead, whatever day the sentence gives ("spoke yesterday ...
# to discuss the upcoming G-20 Ministerial meetings").
_AHEAD_WORDS = frozenset({"upcoming", "forthcoming", "coming", "next"})
# Days that lie ahead of the story's own whatever the verb's tense.
_AHEAD_OF_THE_STORY = frozenset({"tomorrow", "next week", "next month", "next year"})
# "They said Chung would leave for Washington": what someone said will happen.
_REPORTED_FUTURE = re.compile(
    r"\bsaid\s+(?:[\w’'.-]+\s+){1,6}would\s+(?:also\s+)?(?:leave|travel|visit|go|fly|"
    r"arrive|attend|meet|hold|sign|begin|start|open|resume|head|host)\b",
    re.I,
)
_PLANS_DURING = re.compile(
    r"\bplans\s+for\s+(?:[\w.’'-]+\s+){1,6}?to\s+[a-z]+\s+(?:[\w.’'-]+\s+){0,6}?"
    r"during\s+(?:his|her|their)\s+$"
)
# A date an engagement ends on ("will end tomorrow"), not the one it is held on.
_ENDS = re.compile(r"\b(?:end|ends|close|closes|conclude|concludes)\s+(?:on\s+)?$", re.I)
# "their first face-to-face meeting since October": "since" (`when._SINCE`) dates the
# time before.
_FIRST = re.compile(r"\bfirst\b", re.I)
_FOLLOWS = re.compile(
    r"\bfollow(?:s|ed|ing)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,4}$", re.I
)
# "spoke today with ... to follow up on their April 24 meeting in Kyiv": history.
_FOLLOW_UP = re.compile(
    r"\bfollow(?:s|ed|ing)?\s+up\s+on\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,4}$", re.I
)


# A date written as a modifier of a noun: "the Feb 26 and March 4 tests", "its May 12 vote".
_THINGS_DATE = re.compile(r".*\b(?:the|a|an|its|their|his|her|[\w’']+[’']s)\s+", re.I | re.S)
_THING_AFTER = re.compile(r"(?:\s+and\s+[A-Z][a-z]+\.?\s+\d{1,2})?\s+[a-z]")
# A day's words to the noun it dates (a day: "the June economic summit" may be either June).
_DAY_TO = re.compile(r"(?<=\d)(?:\s+[a-z][\w-]*){0,2}\s+")


_RETURNED_FROM = re.compile(
    r"\breturn(?:s|ed|ing)?\s+(?:home\s+)?from\s+(?:(?:a|an|his|her|their)\s+)?$", re.I
)


# A date phrase that puts the engagement ahead: "this evening", "in a couple of hours".
_LATER_TODAY = re.compile(
    r"(?:this\s+evening|tonight|later\s+today|tomorrow|tommorrow|in\s+.*\bhours?)"
)
_LATER = re.compile(r"\blater\s+$")
# (``head`` is lower-cased)
_HERE_TO_ATTEND = re.compile(
    r"\b(?:is|are|am)\s+(?:here|now\s+in|in)\s+(?:[\w.’'-]+,?\s+){0,3}to\s+attend\s+[^.;]*$"
)
# A count before a plural engagement noun: "two meetings", "several rounds of".
_COUNTED = re.compile(
    r"\b(?:two|three|four|five|six|several|numerous|repeated|previous|earlier)\s+"
    r"(?:(?:rounds?|sessions?)\s+of\s+)?$",
    re.I,
)


# When an act takes effect, not when a meeting is held: "set to go into effect on".
_TAKES_EFFECT = re.compile(
    r"\b(?:into\s+effect|take[sn]?\s+effect|effective)\s+(?:on\s+|from\s+)?$"
)
# "As we announced just this morning ..., Secretary Blinken will travel": the announcement's.
_ANNOUNCED_ON = re.compile(r"\b(?:announced|said|mentioned)\s+(?:just\s+|earlier\s+)?$")
# Recent past: "In the past few days I spoke with ...".
_IN_THE_PAST_DAYS = re.compile(
    r"\b(?:in|over|during)\s+the\s+(?:past|last)\s+(?:few\s+|several\s+|two\s+|three\s+)?"
    r"(?:days|weeks|months|years)\b",
    re.I,
)
# Not over yet: "awaited the outcome of the informal talks of Group of Five ...".
_OUTCOME_AWAITED = re.compile(
    r"\bawait(?:s|ed|ing)?\s+(?:the\s+)?(?:outcome|results?)\s+of\s+(?:[\w.’'-]+\s+){0,8}$"
)
# A date that owns the trigger's noun phrase: "This week's Group of Seven (G-7) meeting",
# "last month's Paris accord" (names, numbers and a meeting's modifiers between).
_DATE_OWNS = re.compile(
    r"[’']s\s+(?:(?:[A-Z0-9][\w’'.&-]*|\([A-Z0-9+&-]+\)|of|the|and|for|on|[a-z]+-[a-z]+|"
    r"annual|informal|special|ministerial|monetary|trade|economic|finance|council|committee|"
    r"board|executive|general|plenary|emergency|extraordinary|regular|scheduled|planned)\s+){0,8}"
)
# A word right before the trigger that tells it as done: "Thatcher's successful trip".
_DONE_BEFORE = re.compile(r"\b(?:successful|recent|previous|earlier)\s+(?:[\w-]+\s+)?$", re.I)


def _done_but_dated_ahead(date: str | None, published: dt.date | None, head: str) -> bool:
    """ "... local polls in May, ..., Thatcher's successful trip to Moscow": a trip told
    as done is not dated by a month ahead that the sentence gives something else."""
    return bool(
        date
        and published
        and date[:10] > published.isoformat()[: len(date)]
        and _DONE_BEFORE.search(head[-30:])
    )


class _Status(_SentenceBase):
    """Whether an engagement is reported, announced or history, and its date."""

    def _status_and_date(
        self, match: re.Match[str], head: str, cut: int
    ) -> tuple[str, str | None, bool, bool]:
        """Its status, its date, whether that date begins a stay of several days, and
        whether it is only the Monday of "next week" (a later report may give the day)."""
        status, date, when = self._status_and_day(match, head, cut)
        if (now := told_as_now(match, head, self.c.published)) is not None:
            status, date, when = (*now, None)  # "is currently in", "I just returned from"
        stay = bool(when and when.days and when.date == date)
        week = bool(
            when
            and when.date == date
            and _NEXT_WEEK.fullmatch(" ".join(self.c.text[when.start : when.end].split()))
        )
        return status, date, stay, week

    def _status_and_day(
        self, match: re.Match[str], head: str, cut: int
    ) -> tuple[str, str | None, When | None]:
        text = self.c.text
        head = _QUOTED.sub(" ", head)  # what someone is quoted saying is not the report's tense
        lead = _words(head)
        recent = _recent_words(head, lead)
        future = self._announced(match, head, lead)
        past = self._told_as_past(match, head, recent)
        # "on his way to Tokyo, where he is to arrive on Sunday": ahead, the day he arrives.
        arrival = (
            _ARRIVAL_AHEAD.search(text, match.end(), self.end) if match.group() == "way" else None
        )
        future = future or arrival is not None
        phrases = self._others_dates_left(match, self._own_date_phrases(future, match.start()))
        phrases = [p for p in phrases if not arrival or p.start >= arrival.end()] or phrases
        # A date in the purpose ("called Liu to discuss the DPRK's February 26 launches") is
        # not the engagement's.
        when = self._own_when(match, phrases, cut)
        date = when.date if when else None
        if date and _RETURNED_FROM.search(head[-40:]):
            # "Lenderking returned from travel to Saudi Arabia today": the day it ended,
            # not the one it began.
            date, when = None, None
        said = " ".join(text[when.start : when.end].lower().split()) if when else ""
        if said in ("yesterday", "last night", "today") and not _AHEAD_WORDS.isdisjoint(
            recent[-4:]
        ):
            date, when = None, None  # "spoke today ... to discuss the upcoming G-20 meetings"
        elif when is not None:
            future = _ahead_by_the_day(text, said, when, f"{head}{match.group()}", future)
        published = self.c.published
        if _done_but_dated_ahead(date, published, head):
            return "background", None, None
        if date and published:
            if len(date) == 10:
                delta = _ordinal(date) - published.toordinal()
                # "Indonesia is hosting the G20 Foreign Ministers’ Meeting from July 7-8"
                # the day before: ahead, though within a day's slack.
                ongoing = _ONGOING.search(f"{head[-60:]}{match.group()}")
                if delta > _AHEAD or (delta > 0 and ongoing):
                    return "planned", date, when
                if delta < -(_BEHIND_STAY if when is not None and when.days else _BEHIND):
                    # "will hold talks ..., his first visit since he assumed power in June
                    # 1982": an announced engagement is not dated in the past.
                    return (
                        ("planned", None, when)
                        if future and not past
                        else ("background", date, when)
                    )
            else:
                # A month ("2021-08") or a year ("1986") against the publication's.
                month = published.isoformat()[: len(date)]
                if date > month:
                    return "planned", date, when
                if date < month:
                    return (
                        ("planned", None, when)
                        if future and not past
                        else ("background", date, when)
                    )
        if future and not (past and _MOST_RECENT.search(head[-30:])):
            return "planned", date, when
        if date is None and published and self._schedule_line(match):
            return "planned", published.isoformat(), when
        if past or (date and published and date < published.isoformat() and _FOLLOWS.search(head)):
            # "met today ... following the May 16 White House visit of": what the news
            # follows, on a day of its own, is history.
            return "background", *self._recalled_on_its_own(date, when, match)
        if date is None and _COUNTED.search(head[-30:]) and match.group().lower().endswith("s"):
            # "Despite two meetings of the seven leading industrial powers": a tally of
            # earlier ones, not the news of the day.
            return "background", date, when
        return "main", date, when

    def _told_as_past(self, match: re.Match[str], head: str, recent: list[str]) -> bool:
        """Do the words before the trigger tell it as past?"""
        return (
            not _PAST.isdisjoint(recent)
            or bool(re.search(r"\b(?:last\s+(?:year|month|week)|(?:19|20)\d\d)\b", head[-40:]))
            # "We were together just a few weeks ago in the Negev for ... a meeting with"
            or bool(re.search(r"\b(?:days|weeks|months|years)\s+ago\b", head))
            # "In the past few days I spoke with a series of American leaders"
            or bool(_IN_THE_PAST_DAYS.search(head))
            # "After visiting the U.S., England, ..., Funaro is now on his way to Tokyo"
            or (re.fullmatch(r"\s*after\s+", head) is not None and match.group()[-3:] == "ing")
            # "when we were in Moldova just a couple of months ago"
            or bool(match.lastgroup == "stay" and _AGO_AFTER.match(self.c.text, match.end()))
            # "As President Biden reiterated during his meeting with Prime Minister Trudeau":
            # words recalled from an earlier encounter
            or _AS_SAID_AT.fullmatch(head) is not None
            or _FOLLOW_UP.search(head[-80:]) is not None
        )

    def _recalled_on_its_own(
        self, date: str | None, when: When | None, match: re.Match[str]
    ) -> tuple[str | None, When | None]:
        """History is not dated by the story's day a phrase before its recall gives
        ("spoke today with Kuleba to follow up on their recent meeting in Warsaw": today
        is the call's)."""
        published = self.c.published
        if (
            when is not None
            and published is not None
            and date == published.isoformat()
            and when.end <= match.start()
            and (
                not _PAST.isdisjoint(_words(between := self.c.text[when.end : match.start()]))
                or _FOLLOW_UP.search(between[-80:])
            )
        ):
            return None, None
        return date, when

    def _schedule_line(self, match: re.Match[str]) -> bool:
        """Is the trigger a present-tense item of a timed schedule ("2:15 p.m. Secretary
        Blinken meets with ...")?"""
        return bool(
            _PRESENT.search(match.group())
            and _SCHEDULE_LINE.match(self.c.text, self._line_start(), match.start())
        )

    def _line_start(self) -> int:
        """Where the sentence's line begins (a schedule's time may be split off it)."""
        return self.c.text.rfind("\n", 0, self.start) + 1

    def _dates_a_thing(self, phrase: When) -> bool:
        """Is ``phrase`` written as a noun's modifier ("the Feb 26 and March 4 tests")?"""
        text = self.c.text
        return bool(
            _THINGS_DATE.fullmatch(text, max(0, phrase.start - 12), phrase.start)
            and _THING_AFTER.match(text, phrase.end)
        )

    def _owns(self, phrase: When, match: re.Match[str]) -> bool:
        """ "This week's G-7 meeting", "In a March 14 trilateral call": the trigger's date."""
        text, end = self.c.text, match.start()
        return bool(
            _DATE_OWNS.fullmatch(text, phrase.end, end)
            or (self._dates_a_thing(phrase) and _DAY_TO.fullmatch(text, phrase.end, end))
        )

    def _own_when(self, match: re.Match[str], phrases: list[When], cut: int) -> When | None:
        """The date phrase of the trigger's engagement: the clause on it ("the U.S.-Croatia
        Strategic Dialogue, which was held in Washington, D.C. in March"), before the
        purpose, then before the trigger, then anywhere."""
        owner = [p for p in phrases if p.end <= match.start() and self._owns(p, match)]
        if owner:
            return owner[-1]  # "This week's Group of Seven (G-7) meeting", whatever follows
        held = _HELD_AFTER.match(self.c.text, match.end(), self.end)
        if held is not None:
            after = [p for p in phrases if p.start >= held.end()]
            if (told := nearest(after, held.end(), after_only=True)) is not None:
                return told
        inside = [p for p in phrases if p.start < cut]
        # Past the purpose, "called PRC Special Rep. Liu to condemn the Feb 26 and March 4
        # tests": the date of a thing the purpose names, not of the call.
        named = [p for p in phrases if p.start >= cut and self._dates_a_thing(p)]
        # "Funaro, who is in Washington to attend the ... meetings, said he unveiled his
        # proposals ... yesterday": past the relative clause, the main clause's day.
        opened = self.c.text.rfind(",", self.start, match.start())
        if opened >= 0 and _RELATIVE.match(self.c.text, opened):
            named += [p for p in phrases if p.start >= cut]
        return (
            nearest(inside, match.end(), after_only=True)
            or nearest([p for p in phrases if p.end <= match.start()], match.start())
            or nearest([p for p in phrases if p not in named], match.start())
        )

    def _announced(self, match: re.Match[str], head: str, lead: list[str]) -> bool:
        """Do the words before the trigger (``head``, its ``lead`` words) announce it?"""
        if _THANKED_FOR_COMING.search(head):
            return False  # "thank you very much for coming to pay a visit": being paid
        if _OPENING_AFTER.fullmatch(head) and _MAIN_CLAUSE_AHEAD.match(self.c.text, match.end()):
            # "Following meetings in Geneva, Assistant Secretary Sison will meet with Swiss
            # officials": what comes before a future is ahead too.
            return True
        if _AHEAD_HEAD.search(head) and _AHEAD_AFTER.match(self.c.text, match.end()):
            # "After travelling this week to France, ..., Funaro hopes to"; "Along with
            # Deputy Secretary Sherman’s travel this week to the Philippines"
            return True
        if (
            future_words(lead, head)
            or "will" in lead
            or match.group() == "going"  # "Lavrov’s going to Turkey on Wednesday"
            # "We’ll be first and foremost meeting with the Quad countries"
            or any(word.endswith(("’ll", "'ll")) for word in lead[-8:])
            # "The U.S. expects more harmonious talks than usual during ... visit this week"
            or not {"expects", "expect"}.isdisjoint(lead)
            or re.search(r"\blook(?:s|ing|ed)?\s+forward\s+to\b|\bto\s+be\s+held\b", head)
            or _HELD_AHEAD.match(self.c.text, match.end(), self.end) is not None
            # "she would press the issue when leaders of the Group of Seven meet in Venice",
            # "is likely to have a meeting with ... when he pays a two-day visit"; not
            # "... would be offered, though they did not when they held grain talks"
            or (not {"would", "likely"}.isdisjoint(lead) and _WHEN_THEY_MEET.search(head))
            # "They said Chung would leave for Washington on Monday to attend ... and for talks
            # with U.S. Officials": reported, all the clause is ahead
            or _REPORTED_FUTURE.search(head)
            # "Funaro, who is in Washington to attend the Interim Committee": there for what is to come
            or _HERE_TO_ATTEND.search(head[-160:]) is not None
            # "participants awaited the outcome of the informal talks of Group of Five
            # finance ministers ... in Washington today": not over yet
            or _OUTCOME_AWAITED.search(head[-120:]) is not None
            # "ahead of the Summit of leading industrial democracies in Venice"; not "ahead
            # of Wednesday's meeting", which may be today's; "ahead of the U.S.-EU Trade and
            # Technology Council ministerial dinner"
            or re.search(r"\bahead\s+of\s+(?:the|an?|next)\s+(?:[\w'’.-]+\s+){0,6}$", head)
            # "there are no plans for ... Funaro to meet commercial bankers during his trip
            # to Washington on Friday": planned or not, what the trip holds is ahead of it
            or _PLANS_DURING.search(head) is not None
            # "Talking before his departure for Paris": the trip is still to come
            or (
                match.group().lower() in ("departure", "arrival", "trip", "visit")
                and re.search(r"\bbefore\s+(?:his|her|their)\s+$", head) is not None
            )
            # "part of preparations for a full-scale conference of the GATT in Venice in June"
            or re.search(
                # "to finalise the agenda for the group's regional ministerial conference",
                # "to prepare for Prime Minister Yasuhiro Nakasone's talks with President Reagan"
                r"\b(?:preparations?|preparing|prepare|agenda)\s+for\s+(?:the|an?|next|its|their|"
                r"this|(?:[\w.’'-]+\s+){0,4}?[\w’'-]+[’']s)\s+(?:[\w'’-]+\s+){0,6}$",
                head,
            )
        ):
            return True
        second = _AND_TO.search(head)
        if second and set(_TO_BEFORE.findall(head, 0, second.start())[-1:]) & _FUTURE:
            # "agreed to meet again ... in September, and to hold informal consultations
            # in the interim": the second infinitive is governed by the first verb.
            return True
        if (
            re.search(r"\b(?:begins|starts|opens)\s+(?:[\w-]+\s+){0,4}$", head)
            or match.group().lower() in ("leaves", "departs", "arrives")
        ) and _ON_WEEKDAY.match(self.c.text, match.end(), self.end):
            # "King Fahd begins a four-day state visit on Tuesday" in Sunday's story, "Howard
            # leaves for Japan on Saturday": a present of what is scheduled
            return True
        if match.group().lower() in _NOUN_TRIGGERS and _SUBJECT_OF_FUTURE.match(
            self.c.text, match.end(), self.end
        ):
            # "Talks between the United States and Japan on rice will resume next week":
            # the engagement is the subject of a verb in the future.
            return True
        # A headline "Secretary X's Travel to Y" whose body announces the trip.
        return bool(
            self.title
            and re.search(r"\b(?:travel|trip|visit)\b", match.group(), re.I)
            and self._body_announces()
        )

    def _own_date_phrases(self, future: bool, trigger: int) -> list[When]:
        """The sentence's date phrases that may date what it reports: not a date someone
        is quoted saying ("by October 31st", Johnson said) unless the engagement is quoted
        with it ("... before the IMF meeting last month in Washington," he said), not when
        a named engagement met before ("the Dialogue, which last met in 2016"), not a wire
        story's filing day ("WASHINGTON, March 29 - ...", which its undated news takes
        later, in `article._dated`)."""
        text = self.c.text
        phrases = date_phrases(text, self.start, self.end, self.c.published, future=future)
        quoted = [(start, end) for start, end in self.quotes if not start < trigger < end]
        phrases = [p for p in phrases if not any(a <= p.start < b for a, b in quoted)]
        phrases = [p for p in phrases if not _LAST_TIME.search(text, max(0, p.start - 30), p.start)]
        # "The ... executive board meeting will end tomorrow": when it ends, not begins;
        # "tariffs ... set to go into effect on April 17": when an act takes effect
        phrases = [
            p
            for p in phrases
            if not _ENDS.search(text, max(0, p.start - 20), p.start)
            and not _TAKES_EFFECT.search(text, max(0, p.start - 30), p.start)
            and not (
                future
                and p.start < trigger
                and _ANNOUNCED_ON.search(text, max(0, p.start - 20), p.start)
            )
        ]
        if _FIRST.search(text, max(self.start, trigger - 40), trigger):
            # "their first face-to-face meeting since October": the time before this one
            phrases = [p for p in phrases if p.start < trigger or not _SINCE.match(text, p.start)]
        dateline = WIRE_DATELINE.match(text, self.start, self.end)
        if dateline is not None:
            phrases = [p for p in phrases if p.start >= dateline.end()]
        return phrases

    def _others_dates_left(self, match: re.Match[str], phrases: list[When]) -> list[When]:
        """Not a date of another engagement a relative clause after the trigger tells
        ("After her talks with Ryzhkov, ... were joined for the signing ... by Gorbachev,
        who had nine hours of talks with her yesterday": yesterday is Gorbachev's talks)."""
        text = self.c.text
        # "after meeting Baker, said ... since the February Paris accord": a month that
        # modifies another event's noun, after the trigger, dates that event.
        phrases = [
            p
            for p in phrases
            if not (
                p.start > match.end()
                and _ATTRIBUTIVE_BEFORE.search(text, max(self.start, p.start - 12), p.start)
                and _EVENT_NOUN_AFTER.match(text, p.end)
            )
        ]
        # (or the next leg, joined by "and": "is on a two-day visit to Malaysia and leaves
        # for Indonesia on Wednesday")
        relative = _RELATIVE.search(text, match.end(), self.end) or _NEXT_LEG.search(
            text, match.end(), self.end
        )
        if relative is None:
            return phrases
        other = _TRIGGER.search(text, relative.start(), self.end)
        if other is None:
            return phrases
        return [p for p in phrases if p.start < other.start()]

    def _body_announces(self) -> bool:
        """A headline "Secretary X's Travel to Y" announces the trip the body describes."""
        body = self.c.text[self.end : self.end + 400].lower()
        return bool(re.search(r"\bwill\s+(?:travel|visit|lead|meet)\b", body))


# The next leg of a trip, joined by "and": "... and leaves for Indonesia on Wednesday".
_NEXT_LEG = re.compile(
    r"\s+and\s+(?:then\s+)?(?:will\s+)?(?:leaves?|heads?|travels?|flies|fly|goes|go|returns?)\b"
)
# A date written as a modifier of another event's noun: "since the February Paris accord".
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|since\s+the|after\s+the|before\s+the)\s+$", re.I)
_EVENT_NOUN_AFTER = re.compile(
    r"(?:\s+(?-i:[A-Z])[\w.’'-]*){0,3}\s+(?:accord|agreement|pact|deal|summit|meeting|talks|"
    r"conference|elections?|realignment)\b",
    re.I,
)


# A time ahead right after a trigger: "travelling this week to France".
_AHEAD_HEAD = re.compile(r"^\s*after\s+$|[’']s\s+$")
_AHEAD_AFTER = re.compile(r"\s+(?:this\s+(?:week|month)|next\s+(?:week|month)|tomorrow)\b")


def _ahead_by_the_day(text: str, said: str, when: When, told: str, future: bool) -> bool:
    """Whether the day an engagement is given (``said``, the words of ``when``) puts it
    ahead or not, whatever the words before it (``told``: up to the trigger) say."""
    if said in ("yesterday", "last night"):
        return False  # "will agree reforms ... as a result of talks yesterday"
    if said in _AHEAD_OF_THE_STORY:
        return True  # "Mikulic visits West Germany next week": ahead, in any tense
    if _LATER_TODAY.fullmatch(said) or (
        said in ("this week", "in the week", "this month") and _LATER.search(text, 0, when.start)
    ):
        # "Funaro, who travels to Italy this evening", "talks with U.S. officials in
        # Washington later this week"
        return True
    if said == "today" and re.search(r"\bwho\s+(?:travels|flies)$", told):
        # "Smith, who flies to Brussels today for talks, told the committee": still ahead
        # of what the story reports him doing ("X travels to Rome today" is its news).
        return True
    return future


def _recent_words(head: str, lead: list[str]) -> list[str]:
    """The last words before the trigger that may tell it as past, less those that do not:
    "prior to" (before), "last night" (yesterday evening: news) and the verb "have"
    ("after Trump had a phone conversation", "We’ve just had the ... dialogue"), no past
    perfect."""
    recent = lead[-8:]
    if "prior" in recent and re.search(r"\bprior\s+to\b", head):
        # "Prior to this meeting, Secretary Blinken met with his E3 counterparts": "before"
        # another of the day's events, not the past ("prior talks").
        recent = [word for word in recent if word != "prior"]
    if "last" in recent and re.search(r"\blast\s+night\b", head[-60:]):
        recent = [word for word in recent if word != "last"]
    if "had" in recent and re.search(
        r"\bhad\s+(?:a|an|the|two|three|several|his|her|their|its)\s+(?:[\w-]+\s+){0,4}$", head
    ):
        recent = [word for word in recent if word != "had"]
    return recent


def _ordinal(date: str) -> int:
    return dt.date.fromisoformat(date[:10]).toordinal()
