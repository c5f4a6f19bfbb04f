"""Whether a trigger word reports an engagement: talks held with someone, not talks of
any kind; a meeting someone had, not a need met; a person welcomed, not a briefing."""

from __future__ import annotations

import re

from search.extract.engagements.context import _SentenceBase
from search.extract.engagements.participants import _YOU_AFTER
from search.extract.engagements.patterns import (
    _NEGOTIATED,
    _NEXT_ROUND,
    _PAIR_NAMED,
    _WELCOME_TO,
    _possessive,
)

# "two days of talks", "after four days of negotiations": a stretch of them, held.
_DAYS_OF = re.compile(
    r"\b(?:\w+\s+)?(?:days|weeks|hours|rounds?|sessions?)\s+of\s+(?:[\w-]+\s+)?$", re.I
)


# A pair's name before a noun, and the noun said to be held: "the Morocco-U.S. dialogue on
# human rights held in September 2021".
_PAIR_BEFORE = re.compile(_PAIR_NAMED.pattern + r"[\w.]*\s+$")
# "the next formal talks", of any case: the next round of the talks reported.
_NEXT_TALKS = re.compile(r"\b" + _NEXT_ROUND, re.I)
_PAIR_STRATEGIC = re.compile(_PAIR_NAMED.pattern + r"[\w.]*(?:\s+[A-Z][\w.]*)*\s+strategic\s+$")
_HELD_THEIR = re.compile(
    r"\b(?:held|hold|holds|holding)\s+(?:their|the|its|his|her|a|an)\s+(?:[\w,-]+\s+){0,4}$", re.I
)
_AFTER_THEIR = re.compile(
    r"\b(?:following|after|during|since)\s+(?:their|the|its|our)\s+(?:[a-z-]+\s+){0,2}$", re.I
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DATED_PAIR = re.compile(
    rf"\b(?:{_MONTH}|(?:19|20)\d\d)\s+" + _PAIR_NAMED.pattern + r"[\w.]*\s+(?:[a-z-]+\s+)?$"
)
_HELD_LATER = re.compile(r"(?:\s+[\w-]+){0,5}?\s+(?:held|took\s+place|was\s+held)\b")


# An official spoken to by office: ", Chancellor,", "Mr. Minister,".
_VOCATIVE = re.compile(
    r"(?:^|,)\s*(?:Mr\.\s+|Madam\s+)?(?:Chancellor|(?:Foreign\s+|Prime\s+)?Minister|President|"
    r"Secretary|Excellency|Ambassador)\s*,"
)
# "forward to seeing you": looked forward to (then the one spoken to, `_YOU_AFTER`).
_FORWARD_TO = re.compile(r"\bforward\s+to\s+$")


# A discussion held by video or telephone: "a virtual roundtable discussion with" (not "a
# panel discussion with").
_BY_VIDEO = re.compile(r"\b(?:virtual|video|telephone|phone)\b", re.I)
# Talks whose other party is business: "talks between banks and Mexico", "with commercial
# banks" (not "creditor governments").
_WITH_BUSINESS = re.compile(
    r"\s+(?:between|with)\s+(?:the\s+|its\s+|their\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:banks|bankers|companies|firms|unions)\b"
)


# What follows talks held with someone: "in talks here today with British Chancellor ...
# Lawson", "two days of emergency talks which ended in Washington on Friday", "talks by EC
# foreign ministers here tomorrow" (a body's officials).
_TALKS_AFTER = re.compile(
    r"\s+(?:(?:here|there|today|yesterday|again|later|currently|now|"
    r"last\s+(?:week|month|night)|"
    r"this\s+(?:week|month|morning|afternoon|evening)|earlier\s+this\s+(?:week|month)|"
    r"on\s+[A-Z]\w+day)\s+)"
    r"{0,2}(?:with|between|on|in|at)\b"
    r"|\s+(?:which|that)\s+(?:ended|began|opened|were\s+held|took\s+place)\b"
    r"|\s+(?:by|of|among)\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,3}(?:[a-z]+\s+)?"
    r"(?:ministers|leaders|officials|delegates|envoys)\b"
)


# A consultative body's meeting: dated by the words before its name ("the January 6
# U.S.-Japan Security Consultative Committee"), or one the name says it is ("the ...
# Consultative Committee (EPCC) meeting in July").
_DATED_NAME = re.compile(
    rf"\b{_MONTH}(?:\s+\d{{1,2}})?,?\s+(?:\d{{4}}\s+)?"
    + _PAIR_NAMED.pattern
    + r"[\w.]*(?:\s+[A-Z][\w.]*)*\s+$"
)
_MEETING_AFTER = re.compile(r"(?:\s+\([A-Z\d+]{2,8}\))?\s+meeting\b", re.I)


class _Acceptance(_SentenceBase):
    """The tests of one sentence's trigger words that depend on the words around them."""

    def _consultative(self, word: str, before: str, after: str) -> bool:
        """ "this week’s Defense Consultative Meeting" (not "the Consultative Meeting" told
        before); a Consultative Committee's meeting, not the body ("cooperation under the new
        Economic Policy Consultative Committee")."""
        if word.endswith("meeting"):
            return not re.search(r"\bthe\s+$", before, re.I)
        return bool(_DATED_NAME.search(before) or _MEETING_AFTER.match(after))

    def _accept_talks(self, word: str, match: re.Match[str], before: str, after: str) -> bool:
        """Talks, a dialogue or negotiations held with someone, not "talks" of any kind."""
        if _WITH_BUSINESS.match(after):
            return False  # "progress in talks between banks and Mexico, Chile": no government's
        if word == "talks":
            return (
                _TALKS_AFTER.match(after) is not None
                or bool(
                    re.search(
                        r"(?:held|hold|holding|trade|bilateral|of|for|ended|ends|concluded|began|"
                        r"abandoned|adjourned|suspended|emergency|urgent|formal|informal|direct|"
                        r"preliminary|exploratory|during|"
                        r"begin|opened|resumed|resume|started|completed|broke\s+off)\s+$",
                        before,
                        re.I,
                    )
                )
                # "held their customary, semi-annual grain talks in February"
                or bool(
                    _HELD_THEIR.search(
                        self.c.text, max(self.start, match.start() - 80), match.start()
                    )
                )
                or bool(
                    # "Valerio said the next formal talks would be Monday"
                    _NEXT_TALKS.search(before)
                    and re.match(r"\s+(?:would|will)\s+be\s+(?:held\s+)?(?:on\s+)?[A-Z0-9]", after)
                )
            )
        if word in ("dialogue", "dialogues", "consultations") and re.search(
            # (or "the gains made in connection with the U.S.-Armenia Strategic Dialogue")
            r"\b(?:through|via|under|in\s+connection\s+with|in\s+the\s+framework\s+of)\s+"
            r"(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w.’'–-]+\s+){0,4}$",
            self.c.text[max(self.start, match.start() - 80) : match.start()],
            re.I,
        ):
            return False  # "cooperation ... through the U.S.-Kuwait Strategic Dialogue": a channel
        if word == "reached":
            return True  # the pattern holds the agreement and its partner
        if word == "discussions" or (word == "discussion" and _BY_VIDEO.search(before[-30:])):
            # "recent discussions with the Paris Club"; not "in their discussions".
            return bool(re.match(r"\s+(?:with|between)\b", after)) or bool(
                re.search(r"\b(?:held|hold|holds|holding)\s+(?:[\w-]+\s+){0,2}$", before, re.I)
            )
        if word in ("dialogue", "dialogues", "negotiations"):
            return (
                match.group()[0].isupper()
                # "the productive Morocco-U.S. dialogue on human rights held in September"
                or bool(_PAIR_BEFORE.search(before) and _HELD_LATER.match(after))
                # "celebrated the occasion of the U.S.-North Macedonia strategic dialogue"
                or bool(word == "dialogue" and _PAIR_STRATEGIC.search(before))
                # "following their strategic dialogue in Reykjavik", "building on the
                # productive September 2021 U.S.-Morocco dialogue": one that was held
                or bool(_AFTER_THEIR.search(before) or _DATED_PAIR.search(before))
                # "after four days of negotiations in the Chinese capital"
                or (word == "negotiations" and bool(_DAYS_OF.search(before)))
                or bool(_NEGOTIATED.search(self.c.text, self.start, match.start()))
                or bool(
                    re.match(r"\s+(?:with|between)\b", after)
                    or re.search(
                        r"(?:held|hold|holds|round\s+of|resumed|opened|began|launched)\s+"
                        r"(?:a\s+|an\s+|the\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
                        before,
                        re.I,
                    )
                )
            )
        return word != "discussion"  # (one held by video is read above)

    def _idiom(self, kind: str, word: str, before: str, after: str) -> bool:
        """Words of an engagement in an idiom: "continues as we speak", "As we meet, the
        Russian Government ...", "I cannot speak to whether Russia", "it speaks to a larger
        solidarity"."""
        if word in ("speak", "meet") and _AS_WE_SPEAK.search(before):
            return True
        if word == "meet" and _AND_GREET.match(after):
            return True  # "Meet and Greet with Embassy Tallinn Personnel": one's own staff
        return kind == "call" and _SPEAK_TO_A_MATTER.match(after) is not None

    def _unspecified(self, word: str, before: str) -> bool:
        """ "on the margins of various NATO meetings": many, none in particular."""
        return word.endswith("s") and _VARIOUS.search(before) is not None

    def _official_addressed(self, position: int) -> bool:
        """Is "you" before ``position`` an official: one the sentence calls by office
        ("Chancellor, let me ...") or the sentence before names (not "Thank you all")?"""
        floor = self.c.sentences[max(0, self.index - 1)][0]
        return bool(_VOCATIVE.search(self.c.text, self.start, position)) or any(
            person.role for _s, _e, person, _side in self.c.people_in(floor, position)
        )

    def _accept_meeting(self, word: str, match: re.Match[str], before: str, after: str) -> bool:
        """A meeting trigger: someone met, received or welcomed (a need met: `_NO_ENGAGEMENT`)."""
        if word in ("received", "receives", "welcomed", "welcomes", "welcome", "welcoming",
                    "see", "sees", "seeing"):  # fmt: skip
            return (
                self._person_follows(match.end())
                or (
                    word.startswith("welcom")
                    and _WELCOME_TO.match(self.c.text, match.end()) is not None
                )
                # "looks forward to seeing you in Washington next month", said to a visitor
                or (
                    word == "seeing"
                    and _FORWARD_TO.search(before) is not None
                    and _YOU_AFTER.match(after) is not None
                    and self._official_addressed(match.start())
                )
            )
        if word.startswith("host") and re.match(r"\s+(?:the\s+|an?\s+)?intra-", after):
            return False  # "hosting the intra-Libyan dialogue": the one country's own
        if word == "hosted" and after.startswith(" by") and _NAMED_GATHERING_BEFORE.search(before):
            return False  # "the Summit for Democracy hosted by President Biden": its host
        if word == "sat" and not after.lower().startswith(" down with"):
            return False
        if re.search(r"\b[a-z]+s\s+(?:he|she|they|we|I)\s+(?:will\s+|would\s+)?$", before):
            return False  # "to all of the foreign leaders he meets": whoever, no one met
        if word == "meeting" and _GERUND.search(before) and _GERUND_OBJECT.match(after):
            return False  # "the EC has its own constraints in meeting outside pressure"
        if word == "met" and re.search(r"\b(?:be|been|being|is|are|was|were)\s+$", before):
            # "any further aggression will be met with swift, severe costs": answered,
            # unless by someone ("he was being met by Abu Mahdi al-Muhandis").
            agent = re.match(r"\s+(?:with|by)\b", after)
            return self._person_follows(match.end() + (agent.end() if agent else 0))
        return True

    def _in_role(self, position: int) -> bool:
        """Do only capitalised words part ``position`` from the next person's name: the
        trigger is a word of their title ("President of the General Assembly Shahid",
        "Special Advisor for the Summit of the Americas Christopher Dodd")?"""
        people = self.c.people_in(position, min(self.end, position + 40))
        return bool(people) and bool(
            re.fullmatch(
                r"(?:(?:\s+(?:of|the|and|for))*\s+[A-Z][\w.’'-]*)*\s+",
                self.c.text[position : people[0][0]],
            )
        )

    def _person_follows(self, position: int) -> bool:
        """ "welcomed Indian External Affairs Minister Jaishankar", "received a delegation"
        (but not "welcomed the briefing of UN Special Envoy Pedersen")."""
        text = self.c.text
        people = self.c.people_in(position, min(self.end, position + 90))
        limit = people[0][0] if people else min(self.end, position + 40)
        words = re.findall(r"[\w'’.-]+", text[position:limit])
        between = [w for w in words if w[0].islower()]
        # Lower-case words of a role only: "PRC Special Representative on Korean Peninsula
        # Affairs Liu Xiaoming".
        if people and _possessive(text, people[0][1]):
            return False  # "welcomed UN Special Envoy Geir Pedersen’s briefing": his briefing
        if people and all(w in ("the", "a", "an", "and", "of", "for", "on", "to") for w in between):
            return True
        return bool(re.match(r"\s+(?:a|the)\s+(?:\w+\s+)?delegation", text[position : limit + 20]))


# "as we speak", "as we meet": now, not an encounter.
_AS_WE_SPEAK = re.compile(r"\b[Aa]s\s+(?:we|I)\s+$")
_AND_GREET = re.compile(r"[\s-]+and[\s-]+greet\b", re.I)
# "meeting" as a verb: after a preposition, before its object.
_GERUND = re.compile(r"\b(?:in|of|for|by|on|without)\s+$", re.I)
_GERUND_OBJECT = re.compile(
    r"\s+(?!(?:with|of|between|in|on|at|to|was|were|is|will|would|and|or|held|took)\b)"
    r"(?:(?:the|its|their|our|his|her|these|this|all|outside|such)\s+)?[a-z]"
)
# Many, none in particular: "on the margins of various NATO meetings".
_VARIOUS = re.compile(
    r"\b(?:various|numerous|countless|multiple|many|dozens\s+of|hundreds\s+of)\s+"
    r"(?:[\w.’'-]+\s+){0,2}$",
    re.I,
)
# A named gathering right before "hosted by": its host, not a meeting of its own.
_NAMED_GATHERING_BEFORE = re.compile(
    r"\b(?:Summit|Conference|Forum|Meeting|Dialogue|Ministerial|Congress|Assembly)"
    r"(?:\s+(?:of|for|on)(?:\s+the)?(?:\s+[A-Z][\w.’'-]*)+)?,?\s+$"
)
# Speaking to a matter, not to someone: "speak to whether", "speaks to a larger solidarity".
_SPEAK_TO_A_MATTER = re.compile(
    r"\s+(?:directly\s+)?to\s+(?:whether|how|what|why|that|this|these|those|any|the\s+(?:issue|"
    r"question|matter|situation|need|importance|intent|intentions|details|specifics|substance|"
    r"timing|agenda|content|contents|nature|status|engagement|meeting|call|conversation|visit|"
    r"trip|travel)|a\s+(?:larger|broader|wider|deeper))\b",
    re.I,
)
