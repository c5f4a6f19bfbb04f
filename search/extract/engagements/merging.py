"""Merging within an article: reports of one engagement become one (the headline and
the body, a visit and the meetings held during it)."""

from __future__ import annotations

import datetime as dt
import re

from search.extract.engagements.context import _Context, _Found
from search.extract.engagements.patterns import _ABSORBED, _RANK, _STAGE_DIRECTION
from search.extract.engagements.same_report import (
    _city,
    _dated_apart,
    _held_at_a_stop,
    _leg_of_trip,
    _same,
    _same_day,
)
from search.extract.engagements.two_sides import _forum_side


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
                    and not _org_head_met(item, extra)
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


def _org_head_met(item: _Found, orgs: set[str]) -> bool:
    """ "She will also meet with World Health Organization (WHO) Director-General Tedros":
    an organisation's named official met on a trip is an engagement with the organisation,
    not one of the visit's hosts."""
    return item.type == "meeting" and any(side in orgs for side in item.people.values())


def _held_elsewhere(context: _Context, visit: _Found, other: _Found) -> bool:
    """Is ``other`` held in another country than the one the trip goes to ("Funaro was in
    Britain on the first leg of a tour", then "when the two meet again next month for the
    IMF and World Bank spring meetings in Washington")?"""
    if not other.place or not visit.host or visit.host.startswith("org:"):
        return False
    country = context.place_country(other.place)
    return country is not None and country != visit.host


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
        city = _city(visit.place)
        for item in found:
            if (
                item.type != "visit"
                and item.date
                and item.status == visit.status
                and item.place
                and _city(item.place) == city
            ):
                visit.date = item.date
                attended = {s for s in visit.sides if s.startswith("org:")} & set(item.sides)
                if attended:  # the forum's meeting the trip goes to: the traveller attends
                    goers = [s for s in visit.sides if s != visit.host and s not in attended]
                    _attend(visit, item, goers)
                break


def _forum_of_the_trip(found: list[_Found]) -> None:
    """ "would leave for Washington on Monday to attend the International Monetary Fund's
    (IMF) Interim Committee meeting", then "The IMF committee meeting, scheduled for April
    9, ...": the organisation's meeting the trip went to (its side, taken in by the trip)
    has the traveller among its sides, though the sentence that dates it names only the
    organisation."""
    for visit in found:
        if visit.type != "visit":
            continue
        attended = {side for side in visit.sides if side.startswith("org:")}
        goers = [s for s in visit.sides if s != visit.host and not s.startswith("org:")]
        for item in found:
            if (
                item.type == "multilateral"
                and item.status == visit.status
                and item.sentence > visit.sentence
                and not item.place
                and set(item.sides) <= attended
                and (not visit.date or (item.date or "") >= visit.date)
            ):
                _attend(visit, item, goers)
                item.place = visit.place


def _attend(visit: _Found, forum: _Found, goers: list[str]) -> None:
    """The trip's travellers of the sides ``goers`` take part in the ``forum`` it goes to."""
    forum.sides = list(dict.fromkeys([*forum.sides, *goers]))
    for name, side in visit.people.items():
        if side in goers:
            forum.people.setdefault(name, side)


def _stops_of_a_trip(context: _Context, found: list[_Found]) -> None:
    """A traveller's meeting abroad in a story of the trip ("BERNE - Brazilian Finance
    Minister Dilson Funaro met his Swiss counterpart Otto Stich", then "his trip, which has
    already taken him to London, Paris and Bonn"): a stop of the trip, so a visit to the
    country it was held in, with the hosts met there."""
    visits = [item for item in found if item.type == "visit"]
    # (an international official has no abroad: "the High Commissioner's recent travel to
    # Ukraine" makes no trip of his meeting in Washington)
    travellers = {
        name
        for visit in visits
        for name, side in visit.people.items()
        if side != visit.host and not side.startswith("org:")
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
        targets = [m for m in merged if _same(m, item) and not _besides(context, m, item)]
        targets = targets or _named_by_its_place(context, merged, item)
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
            if item.type == "multilateral" != target.type and _same_day(target, item):
                target.type = item.type  # "talks yesterday with Baker", then with all four
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
            target.sentence, target.trigger, target.at = item.sentence, item.trigger, item.at
            if _RANK[item.type] >= _RANK[target.type] and target.type != "visit":
                target.type = item.type
            target.status = item.status if item.type == target.type else target.status
    return merged


# "Secretary Blinken also will meet with Foreign Minister Chung", after the trilateral
# meeting he hosts with Chung: a meeting besides it.
_ALSO_BEFORE = re.compile(r"\balso\s+(?:will\s+)?$")


def _besides(context: _Context, earlier: _Found, item: _Found) -> bool:
    """Is ``item`` a meeting of some of ``earlier``'s sides told as another ("also")?"""
    return bool(
        item.type == "meeting"
        and earlier.type == "multilateral"
        and item.sentence != earlier.sentence
        and _ALSO_BEFORE.search(context.text, max(0, item.at - 12), item.at)
    )


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
