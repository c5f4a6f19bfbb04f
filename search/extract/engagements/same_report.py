"""Whether two reports in one article tell of the same engagement: the headline and the
body, a visit and a meeting held during it, a meeting recalled again; and whether a
meeting is a leg of a trip told as a whole."""

from __future__ import annotations

from search.extract.engagements.context import _Found
from search.extract.engagements.kinds import forum_key
from search.extract.engagements.patterns import _ABSORBED, _SENDS
from search.extract.engagements.two_sides import _forum_side


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


def _same(a: _Found, b: _Found) -> bool:
    """Do two reports in one article tell of the same engagement?"""
    title = a.title or b.title
    if (a.named or b.named) and a.type != b.type:
        return False
    if a.next_of_series != b.next_of_series:
        return False  # "the next high-level meeting", and the summit announced before it
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
    if a.status != b.status and not title and not _back_reference(a, b) and not _same_day(a, b):
        return False
    sa, sb = set(a.sides), set(b.sides)
    if (
        a.date
        and b.date
        and a.date[:10] != b.date[:10]
        and not (a.status == b.status and _within(a.date[:10], b.date[:10]))
    ):
        return False  # (but "will meet in mid-April", then "will meet April 13 to 16": one)
    if not _same_kind(a, b, title=title):
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
        # (but "We, the Foreign Ministers of ... met in Melbourne ... for the fourth Quad
        # Foreign Ministers' Meeting": the forum's name adds only the forum; here the one
        # set holds the other, so what they do not share is what the larger adds)
        if smaller.at < larger.at and not all(side.startswith("org:") for side in sa ^ sb):
            return False
    # Two meetings of the same sides with different people on one side are two meetings,
    # the headline's too ("Secretary Blinken and French Foreign Minister Le Drian ...",
    # then "we had a very productive meeting between President Biden and President Macron").
    return _compatible_people(a, b)


def _same_kind(a: _Found, b: _Found, *, title: bool) -> bool:
    """May two reports of these types tell of one engagement?"""
    both_main = a.status == b.status == "main"
    return (
        a.type == b.type
        or {a.type, b.type} <= {"meeting", "consultations", "multilateral"}
        # "Secretary Blinken Meeting with Qatari Deputy Prime Minister ...", then "spoke
        # today with": the headline's meeting is the body's call
        or (title and {a.type, b.type} == {"meeting", "call"} and both_main)
        # "congratulate Brazil on signing the Artemis Accords", then "thanked President
        # Bolsonaro ... and all those gathered in Brasília": the signing's ceremony
        or (
            {a.type, b.type} == {"signing", "meeting"}
            and both_main
            and set(a.sides) == set(b.sides)
        )
    )


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
        going = [{side for side in v.sides if side != v.host} for v in (visit, other)]
        if all(going) and not going[0] & going[1]:
            return False  # "De Croo was also in Washington", then "since his [Channon's] visit"
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
    if not same_sentence and _orgs_met_at_the_stop(visit, other):
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
    if (
        same_sentence
        and visit.date
        and (
            visit.status == "background" != other.status
            or (
                visit.status == "planned"
                and other.status == "main"
                and other.trigger.lower() in ("met", "meetings")  # (not "arrives for talks")
                and (not other.date or other.date[:10] < visit.date[:10])
            )
        )
    ):
        # "met today with Foreign Minister Dendias following the May 16 White House visit
        # of Prime Minister Mitsotakis": the visit before is history of its own; "meetings
        # with Abe, who was here paving the way for the April 29-May 2 visit of Prime
        # Minister Nakasone": the visit to come is one of its own.
        return False
    if same_sentence:
        # "met the Speaker ... during her visit to Ulaanbaatar"; "arrived in Saudi Arabia,
        # where he will meet with officials from the Saudi and Yemeni governments"
        travellers = {side for side in visit.sides if side != visit.host}
        if (
            visit.status != other.status
            and visit.host not in other.sides
            and any(side not in visit.sides and not side.startswith("org:") for side in other.sides)
        ):
            return False  # "left Bonn ... after talks with Kohl ahead of her visit to Moscow"
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
    if other.sentence == visit.sentence:
        return False  # the trip's own sentence: its dates are the trip's, not a stop's
    if not other.stay and not visit.later_stop:
        return False  # the first stop's days are the trip's own: a day is a meeting's
    if other.type not in _ABSORBED | {"multilateral"} or visit.host not in other.sides:
        return False
    if other.place_country not in (None, visit.host):
        # "will travel to Germany and France May 14-16 to attend the ... meeting ... in
        # Berlin, Germany": held at the other stop, whatever sides its sentence names.
        return False
    if visit.date and other.date[:10] < visit.date[:10]:
        return False
    travellers = {side for side in visit.sides if side != visit.host}
    extra = set(other.sides) - set(visit.sides)
    if many and _held_at_a_stop(other) and other.place_country == visit.host and visit.later_stop:
        extra = set()
    return bool(travellers & set(other.sides)) and all(side.startswith("org:") for side in extra)


def _orgs_met_at_the_stop(visit: _Found, other: _Found) -> bool:
    """ "will travel to Vienna, Austria; Rome, Italy; and Ljubljana", then "In Vienna, the
    Assistant Secretary will meet with the leadership of the International Atomic Energy
    Agency (IAEA), the UN Office on Drugs and Crime": the organisations met in the city a
    stop goes to are the hosts of that stop, though no official of its country is named
    (not a forum's own meeting there, nor one told as history of another time)."""
    if (
        other.type not in _ABSORBED | {"multilateral"}
        or other.named
        or other.forum
        or other.status != visit.status
        or not other.place
        or not visit.place
        or _city(other.place) != _city(visit.place)
        or _dated_apart(visit, other)
    ):
        return False
    travellers = {side for side in visit.sides if side != visit.host}
    extra = set(other.sides) - set(visit.sides)
    return (
        bool(travellers & set(other.sides))
        and bool(extra)
        and all(side.startswith("org:") and not _forum_side(side) for side in extra)
    )


def _city(place: str) -> str:
    """The city a place names, to compare places written differently ("Bali" and "Bali,
    Indonesia")."""
    return place.split(",")[0].strip().lower()


def _held_at_a_stop(item: _Found) -> bool:
    """A many-sided meeting with a place of its own: what a trip's stop may be for."""
    return item.type == "multilateral" and item.place_country is not None


def _compatible_people(a: _Found, b: _Found) -> bool:
    """No side has different named people in the two reports (a person the article names
    in two forms, "Faki" and "Moussa Faki Mahamat", is one)."""
    for side in set(a.sides) & set(b.sides):
        named_a = {name for name, s in a.people.items() if s == side}
        named_b = {name for name, s in b.people.items() if s == side}
        if named_a and named_b and not any(_alike(x, y) for x in named_a for y in named_b):
            return False
    return True


def _alike(x: str, y: str) -> bool:
    """Is one name part of the other ("Abdullah bin Zayed" of "Abdullah bin Zayed Al
    Nahyan", "Faki" of "Moussa Faki Mahamat"; not "Kim Yo Jong" of "Kim Jong Un")?"""
    words_x, words_y = _name_words(x), _name_words(y)
    return x == y or bool(words_x and words_y and (words_x <= words_y or words_y <= words_x))


def _name_words(name: str) -> set[str]:
    return {word for word in name.split() if len(word) > 2 and word[0].isupper()}


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


def _same_day(a: _Found, b: _Found) -> bool:
    """Told as the news and as background, on the one day both give ("will agree reforms
    ... as a result of talks yesterday with U.S. Treasury Secretary James Baker", then
    "Baker had indicated receptivity ... during talks yesterday")."""
    return (
        "planned" not in (a.status, b.status)
        # (not "the APEC Informal Leaders’ Retreat on July 16", a forum's of its own)
        and not (a.forum or b.forum or a.named or b.named)
        and not any(side.startswith("org:") for side in (*a.sides, *b.sides))
        and bool(a.date)
        and len(a.date or "") == 10
        and a.date == b.date
    )


def _within(a: str, b: str) -> bool:
    """Is one date inside the other: the same, or a day of the month given (not of a
    year: "later this year" dates little)?"""
    return min(len(a), len(b)) >= 7 and (a.startswith(b) or b.startswith(a))
