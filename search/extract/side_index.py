"""The mentions `search.extract.sides` reads a clause's sides from: countries, people and
international organisations by position, a transcript's speaker turns, and the groups a
clause may stand for."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Sequence

from search.extract.affiliation import is_speaker
from search.extract.countries import dateline_country
from search.extract.memberships import DefinedGroup, group_named, groups_defined
from search.extract.orgs import forum_members, international
from search.extract.pronouns import last_subject, speaker
from search.extract.side_patterns import (
    _AGREEMENT_BEFORE,
    _AGREEMENT_SUBJECT,
    _AS_MEMBERS,
    _BETWEEN,
    _CHAIR_ISSUED,
    _COUNTED_COUNTRIES,
    _ENDORSED_BY,
    _HE_SHE,
    _I,
    _ISSUED_BY,
    _ISSUED_JOINTLY,
    _JOINT,
    _LIST_GAP_WORDS,
    _LIST_GLUE_ONLY,
    _LIVES_UP_TO_THEIR,
    _MEMBER_NAMED,
    _MEMBERS_OF,
    _NATIONALITY_OF,
    _NOT_SIDE_BEFORE,
    _NUMBERS,
    _OFFICIAL_NOUNS,
    _OUR_COUNTRY,
    _OWN,
    _PAST_VERB,
    _THE_COUNT_ACTS,
    _THE_COUNTRIES,
    _THE_GOVERNMENT,
    _THE_NUMBER,
    _TWO_TITLES,
    _WE,
    _WHICH_END,
    _not_list_glue,
)
from search.extract.speaker_turns import speaker_at, speaker_turns
from search.model import EngagementRef, Mention, PersonRef

_NAMED = ("name", "alias")
# The noun after a people's word (and a list of them), maybe after a portfolio: "Saudi and
# Yemeni officials", "The Japanese Finance Ministry said it plans".
_NOUN_AFTER_DEMONYM = re.compile(
    r"(?:\s*(?:,|and)\s*[\w-]+)*\s+(?:(?i:finance|trade|economy|economics|defen[cs]e|"
    r"interior|agriculture|energy|treasury)\s+)?([\w’'-]+)"
)
# A statement's signature block, after what it says (a word of it looked for as a substring
# first: the pattern would be tried at every line of every article).
_SIGNED_BELOW = re.compile(r"\n[^\n]{0,40}\b[Ss]igned\s+by\s+the\s+following\b[^\n]{0,80}\n")


# A name's initial ("J." of "Antony J. Blinken") or an acronym's letters ("U.K.").
_INITIAL = re.compile(r"\b[A-Z]\.")
# Which of the engagements one sentence reports "they" are: the encounter, then the
# forum, then the trip (larger is preferred).
_GROUP_RANK = {"visit": 0, "multilateral": 1}
_SENTENCE_STOP = re.compile(r"(?<![A-Z])\.(?:\s|$)")


def _may_open_joint(opening: str) -> bool:
    """Can `_JOINT` match in ``opening``? Each of its branches has "(s)tatement" or "we,",
    letters that match only their ASCII cases (re.I matches "s" with "ſ", so it is left
    out): a substring test spares most texts the case-insensitive scan (~20 µs)."""
    lowered = opening.lower()
    return "tatement" in lowered or "we," in lowered


# A verb after a nation named as a people ("the Soviets agreed", "the Japanese have").
_PEOPLE_ACT = re.compile(
    r"\s+(?:have|has|had|will|would|are|were|agreed|said|say|says|want|wanted|pledged|"
    r"promised|insisted|refused|offered|proposed|asked|called|urged|demanded|rejected|"
    r"accepted|committed)\b"
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)
# A subject that counts two: "Both agreed", "The two reaffirmed".
_TWO = re.compile(r"\s*(?:both|the\s+two)\b", re.I)


# Words of a subject short enough to be the whole of it ("The Taliban", "The Government
# of Iraq").
_SHORT_SUBJECT = 6
_ADVERB_AT_END = re.compile(r"\s+(?:each|both|also|jointly|together)\s*$")


def engagement_sides(engagement: EngagementRef) -> tuple[str, ...]:
    """An engagement's countries and organisations, as sides ("org:NATO"); a forum of
    fixed membership whose members all take part is they ("met with his E3 counterparts":
    France, Germany and the United Kingdom, not also "the E3")."""
    countries = set(engagement.countries)
    orgs = [
        org
        for org in engagement.orgs
        if not (forum_members(org) and countries.issuperset(forum_members(org)))
    ]
    return (*engagement.countries, *(f"org:{o}" for o in orgs))


# A body referred back to by its noun alone: "The Coalition is committed to".
_BODY_NOUN = re.compile(r"\s*The\s+(Coalition|Commission|Council|Bank)(?:\s+(?:is|remains))?\s*")


class SideIndex:
    """One article's mentions by position, and the groups its clauses may stand for (a
    joint statement's signatories, a meeting's sides, a forum's members, an agreement's
    parties); `Sides` reads clauses with it."""

    def __init__(
        self,
        text: str,
        country_mentions: Sequence[Mention],
        people: Sequence[PersonRef],
        top_countries: Sequence[str],
        home: str | None,
        publisher: str | None,
        engagements: Sequence[EngagementRef] = (),
        org_mentions: Sequence[Mention] = (),
        published: str | None = None,
    ) -> None:
        self.text = text
        self.published = published
        # International organisations can sign a joint statement with countries.
        self.orgs = sorted(
            (m.span.start, m.span.end, str(m.key))
            for m in org_mentions
            if m.kind == "org" and international(str(m.key))
        )
        self.org_starts = [item[0] for item in self.orgs]
        self.countries = sorted(
            (m.span.start, m.span.end, str(m.key), m.how)
            for m in country_mentions
            if m.kind == "country" and m.how != "dateline"
        )
        self.starts = [item[0] for item in self.countries]
        # "The government would make loans" in a story datelined Seoul: South Korea's.
        self.dateline = dateline_country(country_mentions)
        refs: list[tuple[int, int, str]] = []
        for person in people:
            side = person.country or (f"org:{person.org}" if person.org else None)
            if side is None or is_speaker(person.role):
                continue
            refs.extend((span.start, span.end, side) for span in person.spans)
        refs.sort()
        self.people = refs
        self.people_starts = [item[0] for item in refs]
        self.home = home
        self.publisher = publisher
        self.pair = tuple(dict.fromkeys(top_countries))[:2]
        self.engagements = sorted(engagements, key=lambda e: e.span.start)
        # A joint statement speaks as "we" for all who issue it.
        self.joint = _may_open_joint(text[:600]) and bool(_JOINT.search(text[:600]))
        self.signatories = self._signatories() if self.joint else ()
        if self.joint:
            # The group its opening defines ("The members of the Troika (Norway, the United
            # Kingdom and the United States)"), unless others sign with it ("... and the
            # European Union extend our warm wishes").
            group = self._group_defined(0, 600)
            if group and not set(group) < set(self.signatories):
                self.signatories = group
        elif (
            (issued := _ISSUED_JOINTLY.search(text, 0, 400))
            and self._side_starts_at(issued.end())
            and len(issuers := self._signatories()) >= 2
        ):
            self.joint, self.signatories = True, issuers
        elif (chair := _CHAIR_ISSUED.search(text, 0, 400)) and (
            endorsers := self._endorsers(chair.end())
        ):
            self.joint, self.signatories = True, endorsers
        elif "following" in text and (signed := _SIGNED_BELOW.search(text)):
            # "Signed by the following ministers or their equivalents:", then a country
            # (heading) each: a statement of all the countries its signature block names.
            block = [c for c in self._countries_in(signed.end(), len(text)) if c[3] in _NAMED]
            if len(block) >= 2:
                self.joint, self.signatories = True, tuple(dict.fromkeys(c[2] for c in block))
        elif "statement" in (headline := text[: max(0, text.find("\n"))]).lower() and (
            issuers := self._group_defined(0, len(headline))
        ):
            # "Troika Statement South Sudan's 10 Year Independence Anniversary", then "The
            # Troika (United States, United Kingdom, and Norway) congratulates": its "we".
            self.joint, self.signatories = True, issuers
        self._people_refs = people

    def _endorsers(self, issuer: int) -> tuple[str, ...]:
        """The chair a statement is issued by (named at ``issuer``) and the countries its
        opening says endorse it, a list of two or more right after "endorsed by"."""
        chair = self._countries_in(issuer, issuer + 60)
        endorsed = _ENDORSED_BY.search(self.text, issuer, issuer + 400)
        if not chair or chair[0][0] != issuer or endorsed is None:
            return ()
        listed: list[str] = []
        last = endorsed.end()
        for m_start, m_end, code, how in self._countries_in(last, last + 8000):
            glued = m_start == endorsed.end() or _LIST_GLUE_ONLY.fullmatch(self.text, last, m_start)
            if how not in _NAMED or not glued:
                break
            listed.append(code)
            last = m_end
        return tuple(dict.fromkeys([chair[0][2], *listed])) if len(listed) >= 2 else ()

    def _counted(self, start: int, end: int) -> tuple[str, ...]:
        """ "the three Scandinavian countries have demanded", "the six would cooperate": the
        last three (six) countries listed before (three or more; not "the two countries")."""
        counted = _COUNTED_COUNTRIES.match(self.text, start, end) or _THE_COUNT_ACTS.search(
            self.text, start, end
        )
        if counted is None:
            return ()
        size = _NUMBERS.index(counted.group(1).lower()) + 2
        # The last list of that many ("the governments of Sweden, Denmark and Norway ...
        # negotiations with the United States, in which the three Scandinavian countries").
        runs: list[list[str]] = []
        last_end = -1
        for m_start, m_end, code, how in self._countries_in(max(0, start - 3000), start):
            if how not in ("name", "alias"):
                continue
            glued = last_end >= 0 and _LIST_GLUE_ONLY.fullmatch(self.text, last_end, m_start)
            if glued and runs:
                runs[-1].append(code)
            else:
                runs.append([code])
            last_end = m_end
        for run in reversed(runs):
            if len(set(run)) == size:
                return tuple(dict.fromkeys(run))
        return ()

    def _forum(self, start: int, end: int) -> tuple[str, ...]:
        """ "the Group of Seven leading industrial nations is fully committed", "all seven
        major industrial nations remain committed": a forum of fixed membership, named
        last in the subject with no one after it, is each of its members."""
        forums = [
            (o_end, key) for _s, o_end, key in self._orgs_in(start, end) if forum_members(key)
        ]
        counted = _THE_NUMBER.search(self.text, start, end)
        if not forums and counted is not None:
            # "in February the seven agreed": the forum of seven named before.
            size = _NUMBERS.index(counted.group(1).lower()) + 2
            forums = [
                (end, key)
                for _s, _e, key in self.orgs
                if _e <= start and len(forum_members(key)) == size
            ]
        if not forums:
            return ()
        o_end, key = forums[-1]
        if self._people_in(o_end, end) or self._countries_in(o_end, end):
            return ()
        from search.extract.gazetteer import gazetteer

        return tuple(gazetteer().era(code, self.published) for code in forum_members(key))

    def _named(self, start: int, end: int) -> tuple[str, ...]:
        found: list[str] = []
        for _s, _e, side in self._people_in(start, end):
            found.append(side)
        for m_start, m_end, code, how in self._countries_in(start, end):
            if self._names_side(start, m_start, m_end, how):
                found.append(code)
        for o_start, o_end, key in self._orgs_in(start, end):
            # "The United States and the EU agreed", "The EC is willing to negotiate".
            member = _MEMBER_NAMED.match(self.text, o_end)
            if o_end <= end and not member and self._names_side(start, o_start, o_end, "name"):
                found.append(f"org:{key}")
        if not found and (_WE.search(self.text, start, end) or _I.search(self.text, start, end)):
            turn = self._turn(start)
            if turn is not None:
                # A transcript: "PRIME MINISTER GAVRILITA: ... we are firmly committed",
                # "FOREIGN MINISTER KASOULIDES: ... it is my intention to": the speaker's
                # side (none for a journalist's question).
                return (turn,) if turn else ()
        if not found:
            if _OUR_COUNTRY.search(self.text, start, end) and self.home:
                found.append(self.home)
            elif _THE_GOVERNMENT.search(self.text, start, end) and self.dateline:
                found.append(self.dateline)
            elif _OWN.search(self.text, start, end) and (self.publisher or self.home):
                found.append(self.publisher or self.home or "")
            elif _WE.search(self.text, start, end) or _I.search(self.text, start, end):
                # a news story's "we" and "I": who speaks
                found.extend(speaker(self.text, self.people, start))
            elif _HE_SHE.search(self.text, start, end):
                found.extend(last_subject(self.text, self.people, self.publisher, start))
        return tuple(dict.fromkeys(s for s in found if s))

    def _capital_at(self, position: int) -> str | None:
        for m_start, _m_end, code, how in self._countries_in(position, position + 40):
            if m_start == position and how == "capital":
                return code
        return None

    def _engagement_in(self, sentence: tuple[int, int]) -> tuple[str, ...] | None:
        for engagement in self.engagements:
            if engagement.span.start == sentence[0]:
                return engagement_sides(engagement)
        return None

    def _names_side(self, floor: int, start: int, end: int, how: str) -> bool:
        text = self.text
        if text.startswith(("’s", "'s"), end):
            following = re.match(r"(?:[’']s)\s+(?:[\w-]+\s+){0,2}?([\w-]+)", text[end : end + 40])
            return bool(following and following.group(1).lower() in _OFFICIAL_NOUNS)
        before = text[max(floor, start - 40) : start]
        if _NOT_SIDE_BEFORE.search(before[-14:]) and not _NATIONALITY_OF.search(before):
            return False
        if how == "capital":
            return False
        if how == "demonym":
            word = _NOUN_AFTER_DEMONYM.match(text[end : end + 60])
            if word and word.group(1).lower() in _OFFICIAL_NOUNS:
                return True
            # "the Soviets agreed to buy", "the Japanese have said": a people, for its
            # government, as the subject of a verb.
            return bool(_PEOPLE_ACT.match(text, end) and _THE_BEFORE.search(before))
        return True

    def _one_subject(self, start: int, end: int) -> bool:
        """Is the earlier clause's subject one side acting on another ("X updated Y"), not
        a list of three or more ("The Paris Agreement, by the United States, Japan, West
        Germany, France, Britain and Canada, called for")?"""
        named = [c for c in self._countries_in(start, end) if c[3] in _NAMED]
        listed = len(named) >= 3 and all(
            _LIST_GLUE_ONLY.fullmatch(self.text, a[1], b[0]) for a, b in itertools.pairwise(named)
        )
        return not listed and " and " not in self.text[start : min(end, start + 80)].split(",")[0]

    def _opening(self) -> tuple[int, int]:
        """Where a joint statement's opening sentence is: from its "Joint Statement" (or
        the text's start) to the first full stop 200 characters on."""
        opening = _JOINT.search(self.text[:600])
        start = opening.start() if opening else 0
        stop = _SENTENCE_STOP.search(self.text, start + 200)  # not "J." of "Antony J. Blinken"
        return start, stop.start() if stop else start + 600

    def _side_starts_at(self, position: int) -> bool:
        """Is a country or an international organisation named at ``position``?"""
        at = bisect.bisect_left(self.starts, position)
        return (at < len(self.starts) and self.starts[at] == position) or bool(
            self._orgs_in(position, position + 1)
        )

    def _signatories(self) -> tuple[str, ...]:
        """Who issues a joint statement: the list its opening gives ("We, the G7 Foreign
        Ministers of Canada, France ... and the High Representative of the European Union";
        "released by the Governments of the United States and the Republic of Austria").

        The list is the first run of countries and international organisations named
        close together; it ends where the sentence goes on to what they say ("... strongly
        condemn the executions by the junta in Myanmar").
        """
        start, end = self._opening()
        issued = _ISSUED_BY.search(self.text, start, start + 400)
        named = sorted(
            [
                (m_start, m_end, code)
                for m_start, m_end, code, how in self._countries_in(0, end)
                if how in ("name", "alias", "demonym")
                # "... and UK Foreign Secretary Dominic Raab on Syria’s presidential
                # election": what it is about, not who signs
                and not self.text.startswith(("’s", "'s"), m_end)
            ]
            + [
                (o_start, o_end, f"org:{key}")
                for o_start, o_end, key in self.orgs
                # "the G7 Foreign Ministers of Canada, ...": a grouping its members sign for
                if o_end <= end and not _MEMBERS_OF.match(self.text, o_end, o_end + 60)
            ]
        )
        best: list[str] = []
        run: list[str] = []
        last_end = -1
        for m_start, m_end, code in named:
            if issued is not None and m_start < issued.end() and m_end > start:
                continue  # what the statement is about, before "issued by"
            gap = self.text[last_end:m_start] if last_end >= 0 else ""
            if run and (
                # ("and the Foreign Ministers of the Governments of": articles not counted)
                sum(word.lower() != "the" for word in gap.split()) > _LIST_GAP_WORDS
                # (not an initial's: "Secretary of State Antony J. Blinken, French ...")
                or "." in _INITIAL.sub("", gap)
                or "\n" in gap  # a title's "Joint Statement on Syria" is what it is about
                or _AS_MEMBERS.search(gap)
                or _not_list_glue(gap)
            ):
                if len(set(run)) > len(set(best)):
                    best = run
                run = []
            run.append(code)
            last_end = m_end
        if len(set(run)) > len(set(best)):
            best = run
        found = tuple(dict.fromkeys(best))
        return found if len(found) >= 2 else ()

    @functools.cached_property
    def defined(self) -> tuple[DefinedGroup, ...]:
        """The groups the article defines by a list of members (`memberships`)."""
        return groups_defined(self.text, self.countries, self.orgs)

    def _group_defined(self, start: int, end: int) -> tuple[str, ...]:
        """The members of a group the article defines that ``text[start:end]`` names ("the
        Governments and Members of the Friends of the Mekong Group"); or the body named
        before by its noun ("The Coalition" after "the Global Coalition to Defeat ISIS")."""
        group = group_named(self.defined, self.text, start, end) if self.defined else None
        if group is not None or not (noun := _BODY_NOUN.fullmatch(self.text, start, end)):
            return group.members if group is not None else ()
        word = noun.group(1).lower()
        named = [key for o, _e, key in self.orgs if o < start and word in key.lower().split()]
        return (f"org:{named[-1]}",) if named else ()

    def _agreement_parties(
        self, sentence: tuple[int, int], start: int, end: int
    ) -> tuple[str, ...]:
        """The parties of an agreement that is the subject (see `_AGREEMENT_SUBJECT`)."""
        text = self.text
        noun = _AGREEMENT_SUBJECT.match(text, start, end)
        if noun is None and not text[start:end].strip() and start > sentence[0]:
            # "That agreement, reached last year after ..., called on": the sentence's
            # subject, before what was said of it.
            noun = _AGREEMENT_SUBJECT.match(text, sentence[0], start)
            if noun is not None:
                start = sentence[0]
        if noun is None:
            # "the 1976 Berne agreement between Greece and Turkey, which called for": the
            # relative pronoun's antecedent (the subject may have taken in "Turkey,").
            which = _WHICH_END.search(text, start, end)
            if which is None:
                return ()
            floor = max(sentence[0], which.start() - 90)
            noun = _AGREEMENT_BEFORE.search(text, floor, which.start())
            if noun is None:
                return ()
            start = noun.start()
        elif self._named(start, noun.end()):
            return ()  # "the U.S.-Japan agreement": named, read as any subject is
        between = _BETWEEN.search(text, start, min(sentence[1], start + 120))
        if between is not None and not _THE_COUNTRIES.search(between.group(1)):
            named = self._named(between.start(1), between.end(1))
            if len(named) >= 2:
                return named
        return self.pair if len(self.pair) == 2 else ()

    def _two_titles(self, start: int, end: int) -> bool:
        """Do the words begin with two officials by title ("The Secretary and President"),
        the subject of what follows?"""
        two = _TWO_TITLES.match(self.text, start, end)
        return two is not None and (two.end() == end or self.text[two.end()].islower())

    def _joint_we(self, position: int) -> tuple[str, ...]:
        """ "We" of a joint statement: those its opening lists, else the engagement's
        sides (a statement whose signatories are not listed speaks for those who met),
        else the sides of the people its opening says issue it ("released by Secretary of
        State Antony J. Blinken and Secretary Alejandro N. Mayorkas": two departments of
        one government)."""
        return self.signatories or self._group(position) or self._issuers()

    def _issuers(self) -> tuple[str, ...]:
        start, end = self._opening()
        i = bisect.bisect_left(self.people_starts, start)
        j = bisect.bisect_left(self.people_starts, end, lo=i)
        return tuple(dict.fromkeys(side for _s, _e, side in self.people[i:j]))

    def met_with(self, position: int) -> tuple[str, ...]:
        """The sides of the engagement reported last before ``position`` (none if none)."""
        before = [e for e in self.engagements if e.span.start <= position]
        return engagement_sides(before[-1]) if before else ()

    def _group(self, position: int, two: bool = False) -> tuple[str, ...]:
        """ "They", "the participants": the sides of the engagement reported last (not one
        recalled as history: "recalled the Joint Declaration of 2020, signed by ...").
        ``two``: the words count two ("both", "the two delegations"), though they are not
        at ``position`` ("The two delegations confirmed their commitment")."""
        two = two or bool(_TWO.match(self.text, position))
        if self.signatories and not self.engagements:
            return self.signatories
        before = [e for e in self.engagements if e.span.start <= position]
        current = [e for e in before if e.status != "background"]
        if not current:
            # Only history told so far ("since the September 2021 Global COVID-19 Summit"):
            # the meeting the article reports, though its list of participants comes later.
            current = [e for e in self.engagements if e.status == "main"][:1]
        before = current or before
        if two:
            # "Both agreed", after the readout's "They touched upon ... ahead of the Madrid
            # summit": the two who met, not the forum they spoke of.
            before = [e for e in before if len(engagement_sides(e)) == 2] or before
        # Of those a sentence reports, not the forum it names as the occasion ("on the
        # margins of the Summit of the Americas, ... signed"): the encounter itself; but
        # not the trip to a forum either ("will travel to Bonn to attend the G7 Media
        # Ministerial": "the ministers" are the forum's).
        before.sort(key=lambda e: (e.span.start, _GROUP_RANK.get(e.type, 2)))
        # (none told yet: the first to come, unless history, which "our" is not about)
        ahead = [e for e in self.engagements if e.status != "background"]
        chosen = before[-1] if before else (ahead[0] if ahead else None)
        if chosen is not None:
            sides = engagement_sides(chosen)
            if len(sides) > 2 and len(chosen.countries) == 2 and two:
                # "The two delegations reaffirmed", of a dialogue that also names the UN:
                # two are the two countries, not an organisation spoken of beside them.
                return tuple(chosen.countries)
            return sides
        return self.pair if len(self.pair) == 2 else ()

    def _short_subject(self, sentence: tuple[int, int], noun: int) -> tuple[str, ...]:
        """The side a sentence's short subject names, before its first verb ("The Taliban
        reiterated their pledge", "The United States and the EU each underlined their
        commitment": the two), not people ("The Secretary and Prime Minister reaffirmed
        their": the meeting's two), and no one the verb met with joins it ("Blinken met
        with Foreign Minister X and reaffirmed their"); not "both"."""
        lives = _LIVES_UP_TO_THEIR.search(self.text, max(sentence[0], noun - 120), noun)
        if lives is not None and (own := self._named(lives.start(1), lives.end(1))):
            return own  # "the Soviets would live up to their pledge": theirs, in any clause
        verb = _PAST_VERB.search(self.text, sentence[0], noun)
        if verb is None or _TWO.match(self.text, sentence[0]):
            return ()
        # (an adverb before the verb is not the subject's: "... and the EU each underlined")
        subject = _ADVERB_AT_END.sub("", self.text[sentence[0] : verb.start()])
        if (
            len(subject.split()) > _SHORT_SUBJECT
            or self._people_in(sentence[0], verb.start())
            or (re.search(r"\band\b", subject) and len(self._named(sentence[0], verb.start())) < 2)
            or re.search(r"\bwith\b", self.text[verb.start() : noun])
            # (its own verb's object: "reiterated their pledge", not a later clause's)
            or len(self.text[verb.end() : noun].split()) > _SHORT_SUBJECT // 2
            # (a country or organisation named, not a pronoun: "We were pleased to have
            # Thailand and Vietnam join ..., offering their commitment")
            or not (
                self._countries_in(sentence[0], verb.start())
                or self._orgs_in(sentence[0], verb.start())
            )
        ):
            return ()
        return self._named(sentence[0], verb.start())

    def _countries_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, lo=i)
        return [c for c in self.countries[i:j] if c[1] <= end]

    def demonym_at(self, start: int, end: int) -> str | None:
        """The country a people's word written exactly at ``[start, end)`` names."""
        for m_start, m_end, code, how in self._countries_in(start, end):
            if (m_start, m_end) == (start, end) and how == "demonym":
                return code
        return None

    def orgs_named(self, start: int, end: int) -> tuple[str, ...]:
        """The international organisations named within ``[start, end)``, as sides."""
        return tuple(
            dict.fromkeys(f"org:{k}" for _s, e, k in self._orgs_in(start, end) if e <= end)
        )

    def _orgs_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """The organisations named from ``start`` up to ``end`` (by where they begin)."""
        i = bisect.bisect_left(self.org_starts, start)
        j = bisect.bisect_left(self.org_starts, end, lo=i)
        return self.orgs[i:j]

    def _people_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect.bisect_left(self.people_starts, start)
        j = bisect.bisect_left(self.people_starts, end, lo=i)
        return self.people[i:j]

    @functools.cached_property
    def turns(self) -> list[tuple[int, str, str]]:
        """A transcript's speaker turns (read when a "we" needs them: most texts have none)."""
        return speaker_turns(self.text, self._people_refs, self.publisher)

    def _turn(self, position: int) -> str | None:
        """The side of whoever speaks at ``position`` in a transcript ("" for a speaker
        with no side, such as a journalist), or None outside one."""
        speaker = speaker_at(self.turns, position)
        return speaker[0] if speaker is not None else None
