"""Merging within an article: reports of one engagement become one (the headline and
the body, a visit and the meetings held during it)."""

from __future__ import annotations

import datetime as dt
import re

from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.kinds import _forum_side, forum_key
from search.extract.engagements.patterns import (
    _ABSORBED,
    _RANK,
    _SENDS,
    _STAGE_DIRECTION,
)


def _one_trip(context: _Context, found: list[_Found]) -> list[_Found]:
    """In a story of one trip to one country, the meetings told after it are held during
    it ("Finally, Special Envoy Lenderking will meet with ... the UN Office"): one visit.
    Not a forum's own meeting ("to attend the G20 Foreign Ministers’ Meeting"), nor a
    third country's official met there ("will also meet with the PRC State Councilor and
    Foreign Minister Wang Yi"), unless the sentence says it was on the trip ("During the
    trip Special Envoy Lenderking met with officials from the Governments of the Republic
    of Yemen and Saudi Arabia")."""
    visits = [item for item in found if item.type == "visit"]
    if len(visits) != 1:
        return found
    visit = visits[0]
    travellers = {side for side in visit.sides if side != visit.host}
    kept = []
    for item in found:
        extra = set(item.sides) - set(visit.sides)
        if (
            item is not visit
            and item.type in _ABSORBED | {"multilateral"}
            and not item.named
            and item.sentence > visit.sentence
            and travellers & set(item.sides)
            and item.status in (visit.status, "planned")
            and not _dated_apart(visit, item)
            and not _held_elsewhere(context, visit, item)
            and (
                _ON_THE_TRIP.search(context.text, *context.sentences[item.sentence])
                or (
                    not any(_forum_side(side) for side in item.sides)
                    and all(side.startswith("org:") for side in extra)
                )
                # "Lenderking met with senior officials from the Republic of Yemen and Saudi
                # governments, the Gulf Cooperation Council, ...": the hosts among them
                or (
                    item.trigger.lower() == "met"
                    and item.status == "main"
                    and visit.host in item.sides
                )
            )
        ):
            visit.sides = list(dict.fromkeys([*visit.sides, *item.sides]))
            for name, side in item.people.items():
                visit.people.setdefault(name, side)
            continue
        kept.append(item)
    return kept


def _held_elsewhere(context: _Context, visit: _Found, other: _Found) -> bool:
    """Is ``other`` held in another country than the one the trip goes to ("Funaro was in
    Britain on the first leg of a tour", then "when the two meet again next month for the
    IMF and World Bank spring meetings in Washington")?"""
    if not other.place or not visit.host or visit.host.startswith("org:"):
        return False
    country = context.place_country(other.place)
    return country is not None and country != visit.host


def _dated_apart(visit: _Found, other: _Found) -> bool:
    """Are a visit dated to its day and a meeting told apart by their dates: a month
    before it or well after, or only a year ("will visit Ankara April 5-6", then "look forward to a
    Ministerial-level meeting ... later in 2022": that year's, not held on the stay)?"""
    if not visit.date or not other.date or len(visit.date) != 10:
        return False
    if len(other.date) == 4:
        return True
    months = (int(other.date[:4]) - int(visit.date[:4])) * 12 + int(other.date[5:7])
    return not 0 <= months - int(visit.date[5:7]) <= 1  # (a stay may run into next month)


# A sentence that tells what was done on the trip it follows.
_ON_THE_TRIP = re.compile(
    r"\b(?:during|on|throughout)\s+(?:the|this|that|his|her|their)\s+(?:trip|visit|travels?|"
    r"stay|tour)\b|\bwhile\s+(?:there|in\s+[A-Z])",
    re.I,
)


def _trip_dated_by_its_event(found: list[_Found]) -> None:
    """ "will travel to Bali, Indonesia, to attend the G20 Foreign Ministers’ Meeting",
    then "Indonesia is hosting the G20 Foreign Ministers’ Meeting from July 7-8 in Bali":
    an undated trip is dated by what the article dates at the place it goes to."""
    visits = [item for item in found if item.type == "visit"]
    for visit in visits:
        if visit.date or not visit.place:
            continue
        city = visit.place.split(",")[0].strip().lower()
        for item in found:
            if (
                item.type != "visit"
                and item.date
                and item.status == visit.status
                and item.place
                and item.place.split(",")[0].strip().lower() == city
            ):
                visit.date = item.date
                attended = {s for s in visit.sides if s.startswith("org:")} & set(item.sides)
                if attended:  # the forum's meeting the trip goes to: the traveller attends
                    goers = [s for s in visit.sides if s != visit.host and s not in attended]
                    item.sides = list(dict.fromkeys([*item.sides, *goers]))
                    for name, side in visit.people.items():
                        if side in goers:
                            item.people.setdefault(name, side)
                break


def _stops_of_a_trip(context: _Context, found: list[_Found]) -> None:
    """A traveller's meeting abroad in a story of the trip ("BERNE - Brazilian Finance
    Minister Dilson Funaro met his Swiss counterpart Otto Stich", then "his trip, which has
    already taken him to London, Paris and Bonn"): a stop of the trip, so a visit to the
    country it was held in, with the hosts met there."""
    visits = [item for item in found if item.type == "visit"]
    travellers = {
        name for visit in visits for name, side in visit.people.items() if side != visit.host
    }
    if not travellers:
        return
    hosts = {visit.host for visit in visits}
    for item in found:
        if item.type not in _ABSORBED or item.named:
            continue
        if item.place:
            host = context.place_country(item.place)
        elif item.status == "main" and context.dateline is not None:
            host = context.dateline[1]
        else:
            continue
        if host is None or host in hosts or host not in item.sides:
            continue
        if any(name in travellers and side != host for name, side in item.people.items()):
            item.type, item.host = "visit", host  # held at the dateline's place if unsaid


def _merge(context: _Context, found: list[_Found]) -> list[_Found]:
    """Reports of one engagement in one article become one: the headline and the body, a
    visit and the meetings held during it."""
    merged: list[_Found] = []
    for item in found:
        if item.place and item.type != "visit":
            item.place_country = context.place_country(item.place)
    for item in found:
        targets = [m for m in merged if _same(m, item)] or _named_by_its_place(
            context, merged, item
        )
        # "will visit Rome and West Berlin ... meet the West Germans": the trip whose host
        # the meeting names.
        target = next((m for m in targets if m.host in item.sides), targets[0] if targets else None)
        if target is None:
            merged.append(item)
            continue
        for name, side in item.people.items():
            target.people.setdefault(name, side)
        target.also |= {item.sentence, *item.also}
        if target.status == "planned" and _STAGE_DIRECTION.fullmatch(
            context.text, *context.sentences[item.sentence]
        ):
            # "we will sign the memorandum", then "(The Memorandum of Understanding is
            # signed.)": the transcript records it done.
            target.status = "main"
        if item.type == "visit" and target.type != "visit":
            # A meeting reported first, then the visit it was held during: the visit it is.
            target.type, target.host, target.status = "visit", item.host, item.status
            target.place, target.sides = item.place or target.place, list(item.sides)
            if item.date:
                # "will meet Lyng here on April 17", then "Lyng will visit Tokyo from
                # April 16 to 27": the visit starts on its own first day.
                target.date, target.shared_date = item.date, item.shared_date
        elif target.type != "visit":
            target.sides = list(dict.fromkeys([*target.sides, *item.sides]))
        if target.type == "visit" and item.type != "visit" and _leg_of_trip(target, item):
            _date_stop(target, item)
            target.sides = list(dict.fromkeys([*target.sides, *item.sides]))
        elif (
            target.type == item.type == "visit"
            and item.date
            and not item.shared_date
            and (
                target.shared_date
                or (
                    target.title
                    and not item.title
                    and (len(target.destinations) > 1 or not target.date)
                )
            )
        ):
            # "will travel to Azerbaijan, Georgia, and Armenia June 14 to 19", then "will
            # visit Baku, Azerbaijan, on June 15": the stop's own day (but a headline's
            # "Travel to Brussels July 10-13" is the trip's whole, begun on its first day,
            # whatever day the body gives the meeting it goes to).
            target.date, target.shared_date = item.date, False
        elif target.week and _in_week(item.date, target.date) and not item.week:
            # "will visit Washington next week", then "his visit to Washington starting
            # April 29": the day.
            target.date, target.week = item.date, False
        else:
            date = _precise(target.date, item.date)
            if date != target.date:
                target.shared_date = item.shared_date
            target.date = date
        if not target.place:
            target.place, target.place_country = item.place, item.place_country
        if target.type == "visit":
            target.sides = list(dict.fromkeys([*target.sides, *item.sides]))
        if target.title and not item.title:
            # The body's words, not the headline's, are the report to cite.
            target.title, target.headline = False, True
            target.sentence, target.trigger = item.sentence, item.trigger
            if _RANK[item.type] >= _RANK[target.type] and target.type != "visit":
                target.type = item.type
            target.status = item.status if item.type == target.type else target.status
    return merged


def _same(a: _Found, b: _Found) -> bool:
    """Do two reports in one article tell of the same engagement?"""
    title = a.title or b.title
    if (a.named or b.named) and a.type != b.type:
        return False
    if (
        a.sentence == b.sentence
        and a.forum
        and b.forum
        and forum_key(a.forum) != forum_key(b.forum)
    ):
        return False  # "the U.S.-ASEAN Ministerial Meeting, the East Asia Summit ...": two
    if a.type == "visit" or b.type == "visit":
        return _same_visit(a, b) if a.type == "visit" else _same_visit(b, a)
    if _bilateral_at_forum(a, b) or _bilateral_at_forum(b, a):
        return False
    if a.known and b.known:
        return a.forum == b.forum  # one edition of a known meeting, told twice
    if (a.known or b.known) and (
        a.status != b.status
        or (a.type, b.type) != ("multilateral", "multilateral")
        or (a.place and b.place and a.place != b.place)
    ):
        # A known meeting's days say whether it is history ("The COVID-19 Global Action
        # Meeting" heads a report that recalls "the September 2021 Global COVID-19
        # Summit"), and it is no one's talks nor a meeting held elsewhere: "the
        # negotiations between Uruguay and the U.S. Trade Representative", then "commitments
        # made during the December 2021 Summit for Democracy"; a trilateral in Dubai, then
        # "the recently concluded Negev Summit".
        return False
    if a.status != b.status and not title and not _back_reference(a, b):
        return False
    sa, sb = set(a.sides), set(b.sides)
    if a.date and b.date and a.date[:10] != b.date[:10]:
        return False
    if not (a.type == b.type or {a.type, b.type} <= {"meeting", "consultations", "multilateral"}):
        return False
    if title and a.type == b.type == "multilateral" and len(sa & sb) >= 2:
        # "Secretary Blinken's Call with G7 Foreign Ministers and Ukraine Foreign Minister
        # Kuleba", then the body's "spoke today with the G7 Foreign Ministers of Canada, ...":
        # the headline and the body name the forum's members differently.
        return True
    if (
        a.type == b.type == "multilateral"
        and not (a.date and b.date)
        and any(side.startswith("org:") for side in sa & sb)
    ):
        # "met in Niamey for an AU summit where ... Buhari of Nigeria and Talon of Benin
        # signed", then "At the opening of the AU summit, AU chairperson el-Sisi of Egypt
        # said": one organisation's summit, its members named in turn.
        return True
    if not (sa <= sb or sb <= sa):
        return False
    if a.sentence == b.sentence and sa != sb and not title:
        # "will meet with Japanese Vice Foreign Minister Mori and have a trilateral meeting
        # with First Vice Foreign Minister Cho and Vice Foreign Minister Mori": two, the
        # smaller told first; but "will meet with senior officials from A, B, C ... in
        # addition to meetings with" splits the larger told first into its parts.
        smaller, larger = (a, b) if len(sa) < len(sb) else (b, a)
        if smaller.at < larger.at:
            return False
    if title:
        return True
    # Two meetings of the same sides with different people on one side are two meetings.
    return _compatible_people(a, b)


def _named_by_its_place(context: _Context, merged: list[_Found], item: _Found) -> list[_Found]:
    """ "a meeting organised by the United Nations body in Peking next week", then "More
    than 30 government ministers are expected to attend the Peking meeting, including
    delegations from the Soviet Union and the U.S.": the meeting told before, named by
    where it is held, with more of its sides."""
    if item.at < 0 or item.type not in _GATHERINGS:
        return []
    before = context.text[max(0, item.at - 40) : item.at]
    for m in merged:
        city = (m.place or "").split(",")[0].strip()
        if (
            city
            and m.type in _GATHERINGS
            and m.status == item.status
            and re.search(rf"\b[Tt]he\s+{re.escape(city)}\s+(?:[a-z]+\s+)?$", before)
        ):
            return [m]
    return []


_GATHERINGS = frozenset({"meeting", "consultations", "multilateral"})


def _in_week(day: str | None, monday: str | None) -> bool:
    """Is ``day`` one of the seven days from ``monday`` (both ISO days)?"""
    if not day or not monday or len(day) != 10 or len(monday) != 10:
        return False
    delta = dt.date.fromisoformat(day) - dt.date.fromisoformat(monday)
    return 0 < delta.days < 7


def _precise(kept: str | None, other: str | None) -> str | None:
    """The more precise of two dates of one engagement ("June" and "June 3": June 3)."""
    if not kept:
        return other
    if other and len(other) > len(kept) and other.startswith(kept):
        return other
    return kept


def _bilateral_at_forum(meeting: _Found, forum: _Found) -> bool:
    """Is ``meeting`` two countries' own, held at a known meeting ("during his meeting
    with Prime Minister Trudeau at the Summit of the Americas"): two engagements?"""
    return (
        meeting.type == "meeting"
        and not meeting.forum
        and forum.known
        and len(meeting.sides) == 2
        and not any(side.startswith("org:") for side in meeting.sides)
    )


def _same_visit(visit: _Found, other: _Found) -> bool:
    """Is ``other`` this visit, or a meeting held during it (in the same sentence, or
    later with the hosts alone)?"""
    if other.type == "visit":
        if visit.host != other.host:
            return False
        if visit.status != other.status and (
            (visit.date and other.date and visit.date[:7] != other.date[:7])
            or not _compatible_people(visit, other)
            or visit.sentence == other.sentence  # kept apart by `kinds._two_times`
        ):
            # "will travel to the ROK ... June 5", then "follows ... President Biden's visit
            # to the ROK and Japan" last month: two trips.
            return False
        # "Nakasone's planned trip to Washington", then "Japan is expected to send a
        # high-level official to Washington": an envoy's trip, not the leader's.
        sent = [v for v in (visit, other) if _SENDS.match(v.trigger)]
        return len(sent) != 1 or not any(
            side != v.host for v in (visit, other) if v not in sent for side in v.people.values()
        )
    same_sentence = other.sentence == visit.sentence
    if not same_sentence and not other.named and _leg_of_trip(visit, other):
        return True
    # "arrived in Saudi Arabia, where he will meet with officials from the Saudi and Yemeni
    # Governments": meetings held there are the visit's, even with a third side (not a
    # forum's own multilateral meeting).
    met_there = (
        same_sentence
        and other.trigger.lower() in ("meet", "met", "meets", "meeting")
        and not (other.type == "multilateral" and any(_forum_side(s) for s in other.sides))
    )
    if other.type not in _ABSORBED and not met_there:
        return False
    if same_sentence and visit.status == "background" != other.status and visit.date:
        # "met today with Foreign Minister Dendias following the May 16 White House visit
        # of Prime Minister Mitsotakis": the visit before is history of its own.
        return False
    if same_sentence:
        # "met the Speaker ... during her visit to Ulaanbaatar"; "arrived in Saudi Arabia,
        # where he will meet with officials from the Saudi and Yemeni governments"
        travellers = {side for side in visit.sides if side != visit.host}
        return bool(travellers & set(other.sides))
    if visit.host not in other.sides:
        return False
    if _dated_apart(visit, other):
        return False
    if other.place_country not in (None, visit.host):
        # "met yesterday in Hanoi with Foreign Minister Bui Thanh Son", then "praised
        # Prime Minister Chinh's successful visit to the United States": not held there.
        return False
    return set(other.sides) <= set(visit.sides) and other.status == visit.status


def _leg_of_trip(visit: _Found, other: _Found, *, many: bool = False) -> bool:
    """ "travels to France, Belgium, and Latvia June 11-19", then "In Riga, Latvia, June
    16-18, Assistant Secretary Lewis will hold consultations with senior civilian and
    military officials": what a traveller will do in a stop of a trip dated as a whole is
    that stop, on its own days (with the organisations met there: "In Brussels, ... will
    meet with senior NATO and European Union officials").  A single day at the first
    stop ("In New Delhi on July 28, Secretary Blinken will meet ...") is a meeting's, held
    during the stay the trip's first day begins; at a later stop ("In Manila, the
    Philippines, on August 6, the Secretary will meet ...") it is that stop's day.

    With ``many``, a later stop's meeting of several countries there ("Finally, on May 7,
    the Deputy Secretary will meet in Paris, France, with" French, German, Italian and
    British officials) dates the stop too, though it stays an engagement of its own."""
    if not visit.shared_date or other.status != "planned" or not other.date:
        return False
    if not other.stay and not visit.later_stop:
        return False  # the first stop's days are the trip's own: a day is a meeting's
    if other.type not in _ABSORBED | {"multilateral"} or visit.host not in other.sides:
        return False
    if visit.date and other.date[:10] < visit.date[:10]:
        return False
    travellers = {side for side in visit.sides if side != visit.host}
    extra = set(other.sides) - set(visit.sides)
    if many and _held_at_a_stop(other) and other.place_country == visit.host and visit.later_stop:
        extra = set()
    return bool(travellers & set(other.sides)) and all(side.startswith("org:") for side in extra)


def _held_at_a_stop(item: _Found) -> bool:
    """A many-sided meeting with a place of its own: what a trip's stop may be for."""
    return item.type == "multilateral" and item.place_country is not None


def _date_stop(visit: _Found, leg: _Found) -> None:
    """The stop's own day and city; announced, as what the traveller will do there."""
    visit.date, visit.shared_date, visit.status = leg.date, False, leg.status
    visit.place = leg.place or visit.place
    for name, side in leg.people.items():
        if side == visit.host:
            visit.people.setdefault(name, side)  # the hosts met there


def _stops_of_named_legs(found: list[_Found]) -> None:
    """ "In Paris, France, June 12-13, Assistant Secretary Lewis will co-chair the
    inaugural meeting of the U.S.-France Defense Trade Strategic Dialogue": a named
    dialogue, or a meeting of several countries at a later stop, stays an engagement of
    its own, and dates the stop it is held in."""
    for item in found:
        if not (item.named or _held_at_a_stop(item)):
            continue
        for visit in found:
            if (
                visit.type == "visit"
                and visit.sentence < item.sentence
                and _leg_of_trip(visit, item, many=not item.named)
            ):
                _date_stop(visit, item)
                break


def _compatible_people(a: _Found, b: _Found) -> bool:
    """No side has different named people in the two reports."""
    for side in set(a.sides) & set(b.sides):
        named_a = {name for name, s in a.people.items() if s == side}
        named_b = {name for name, s in b.people.items() if s == side}
        if named_a and named_b and not named_a & named_b:
            return False
    return True


def _back_reference(a: _Found, b: _Found) -> bool:
    """An undated "main" report of what another sentence dated: "Trump characterized the
    call with Zelensky as routine" after "in a phone call in late July"; not the earlier
    meeting the same sentence tells ("which last met in 2016"), nor one dated after it
    (the OPEC conference a story reports, then "the 77th meeting of the conference in
    April, 1986")."""
    if a.sentence == b.sentence:
        return False
    # ("Joint Statement of the Third Meeting of ..." and "on the occasion of the Third
    # Meeting", then "hosted the third meeting ... on 7-8 July": what the headline reports,
    # the body dates after it, in the past: not the next one, planned, nor a forum the
    # body names, "the inaugural Quad Leaders’ Summit on March 12, 2021".)
    return any(
        x.status == "main"
        and not x.date
        and bool(y.date)
        and (y.sentence < x.sentence or (x.headline and y.status == "background" and not y.forum))
        for x, y in ((a, b), (b, a))
    )


def _held_during(found: list[_Found]) -> None:
    """A named dialogue the article tells beside a visit or a meeting of the same sides
    ("will then travel to Tajikistan to ... participate in U.S.-Tajikistan Annual
    Bilateral Consultations"; "met today ... in Algiers. [They] welcomed the opportunity
    to hold the fifth U.S.-Algeria Strategic Dialogue") is held there and then, unless
    it says otherwise."""
    for item in found:
        if not item.named or (item.date and item.place):
            continue
        sides = set(item.sides)
        around = [
            other
            for other in found
            if other is not item
            and not other.named
            # (not a known meeting the two spoke of: "also discussed the upcoming Ninth
            # Summit of the Americas")
            and not other.known
            and other.status == item.status
            and sides <= set(other.sides)
            and (other.host is None or other.host in sides)
        ]
        # The visit to the dialogue's other side first, then the nearest report.
        around.sort(key=lambda o: (o.host is None, abs(o.sentence - item.sentence)))
        if around:
            item.date = item.date or around[0].date
            item.place = item.place or around[0].place


# "Chinh's successful visit to the United States to attend the U.S.-ASEAN Special Summit":
# the forum the trip went to.
_TO_ATTEND = re.compile(
    r"\b(?:visit|trip|travel)\w*\s+to\s+[^.;]{0,80}?\bto\s+(?:attend|participate\s+in|"
    r"take\s+part\s+in|join)\b",
    re.I,
)


def _attended_on_trip(context: _Context, found: list[_Found]) -> None:
    """A forum a trip went to is told in the trip's tense: a past visit's summit is past
    too, though the words that say so ("successful visit") are far from the summit's."""
    visits = {item.sentence: item for item in found if item.type == "visit"}
    for item in found:
        visit = visits.get(item.sentence)
        if visit is None or item.type != "multilateral" or item.status == visit.status:
            continue
        if _TO_ATTEND.search(context.text, *context.sentences[item.sentence]):
            item.status = visit.status
            if visit.status == "background":
                item.date = visit.date


def _during_trip(found: list[_Found]) -> None:
    """An engagement at a visit's host, of the same status, told in a sentence that reports
    the trip ("will travel to San José, Costa Rica, where he will support ... a Summit of
    the Alliance for Development in Democracy") is held on that trip, the traveller taking
    part; so is an undated one told after the visit with one of its travellers ("...
    Additionally, he will join representatives from Costa Rica, Panama, Colombia, and
    Ecuador"), and in a story of one trip, an undated meeting told after it with a third
    country's official ("will also meet with ... Wang Yi").  It takes the trip's date, and
    its place unless it names one."""
    visits = [item for item in found if item.type == "visit"]
    lone = visits[0] if len(visits) == 1 else None
    for item in found:
        if item.type == "visit" or item.named:
            continue
        sides = set(item.sides)
        trips = [
            visit
            for visit in found
            if visit.type == "visit"
            and visit.status == item.status
            # "While in Rabat, the Secretary will also meet Crown Prince of Abu Dhabi
            # Sheikh Mohammed bin Zayed": a third country's, where the trip stops.
            and (visit.host in sides or visit.host == item.place_country)
        ]
        told = [v for v in trips if item.sentence == v.sentence or item.sentence in v.also]
        after = [
            v
            for v in trips
            if v.sentence < item.sentence and sides & {s for s in v.sides if s != v.host}
        ]
        if told:
            trip = told[0]
            travellers = [side for side in trip.sides if side != trip.host]
            item.sides = list(dict.fromkeys([*travellers, *item.sides]))
            for name, side in trip.people.items():
                if side in travellers:
                    item.people.setdefault(name, side)
            if item.type == "meeting" and len(item.sides) >= 3:
                item.type = "multilateral"
        elif after and not item.date:
            trip = max(after, key=lambda visit: visit.sentence)
        elif (
            lone is not None
            and not item.date
            and item.type in _ABSORBED
            and lone.sentence < item.sentence
            and lone.status == item.status
            and sides & {s for s in lone.sides if s != lone.host}
        ):
            trip = lone
        else:
            continue
        item.date = item.date or trip.date
        item.place = item.place or trip.place
