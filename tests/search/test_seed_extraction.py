"""The seed story and real readouts, end to end with the country tagger.

The seed's facts (``shared/corpora/seed/README.md``) are what a desk officer expects
from ``tests/data/seed.txt``; the State Department readouts come from the bundled
``tests/data/sample.jsonl``.  Corpus smoke tests run only when ``shared/`` is there.
"""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import pytest

from search.extract.commitments import find_commitments
from search.extract.countries import find_countries
from search.extract.events import find_events
from search.extract.orgs import find_orgs
from search.extract.people import find_people
from search.extract.sentences import document_sentences
from search.extract.topics import find_topics
from search.model import document_text

DATA = Path(__file__).resolve().parents[1] / "data"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpora"


class Article:
    """Everything extracted from one article, the way the extract stage chains it."""

    def __init__(
        self,
        body: str,
        title: str | None = None,
        *,
        date: str | None = None,
        home: str | None = None,
    ):
        self.text = document_text(title, body)
        self.sentences = document_sentences(title, body)
        title_end = len(title) if title else 0
        self.countries, self.top = find_countries(
            self.text, self.sentences, title_end=title_end, date=date
        )
        self.home = home
        self.people = find_people(
            self.text, self.sentences, self.countries, home=home, title_end=title_end
        )
        self.orgs = find_orgs(self.text, self.sentences, self.countries)
        self.topics = find_topics(self.text, self.sentences, title_end=title_end)
        place = next((m.surface for m in self.countries if m.how == "dateline"), None)
        self.events = find_events(
            self.text, self.sentences, self.countries, date=date, place=place, home=home,
            top_countries=self.top, people=self.people, title_end=title_end,
        )  # fmt: skip
        self.commitments = find_commitments(
            self.text,
            self.sentences,
            self.countries,
            top_countries=self.top,
            people=self.people,
            home=home,
        )

    def person(self, name: str):
        return next(person for person in self.people if person.name == name)


@pytest.fixture(scope="module")
def seed() -> Article:
    return Article((DATA / "seed.txt").read_text(encoding="utf-8"), home="KAZ")


def test_seed_pair(seed: Article) -> None:
    assert seed.top[:2] == ("KAZ", "NOR")


@pytest.mark.parametrize(
    ("name", "role", "country"),
    [
        ("Roman Vassilenko", "Deputy Foreign Minister", "KAZ"),
        ("Audun Halvorsen", "State Secretary at the Ministry of Foreign Affairs", "NOR"),
        (
            "Anniken Huitfeldt",
            "Head of the Standing Committee on Foreign Affairs and Defense of the Storting",  # the gloss is not the office
            "NOR",
        ),
        ("Olav Njølstad", "Director of the Norwegian Nobel Institute", "NOR"),
        ("Nursultan Nazarbayev", "President", "KAZ"),
    ],
)
def test_seed_people(seed: Article, name: str, role: str, country: str) -> None:
    person = seed.person(name)
    assert (person.role, person.country) == (role, country)


def test_seed_people_are_exactly_five_with_their_short_forms(seed: Article) -> None:
    assert len(seed.people) == 5
    assert "Mr.Vassilenko" in seed.person("Roman Vassilenko").aliases
    assert "Ms. Huitfeldt" in seed.person("Anniken Huitfeldt").aliases


def test_seed_orgs(seed: Article) -> None:
    keys = {mention.key for mention in seed.orgs}
    expected = {
        "UN", "UN Security Council", "OSCE", "IAEA", "IAEA LEU Bank",
        "Astana International Financial Centre", "International Center for Green Technologies",
        "Astana Hub", "Storting", "Norwegian Nobel Institute", "Belt and Road Initiative",
        "Ministry of Foreign Affairs (Norway)",
    }  # fmt: skip
    assert expected <= keys


def test_seed_topics(seed: Article) -> None:
    found = {hit.topic for hit in seed.topics}
    for topic in (
        "cbrn", "regional_security", "migration", "economic_diplomacy", "trade_investment",
        "green_economy", "energy", "agriculture_fisheries", "transport_transit", "multilateral",
        "interparliamentary",
    ):  # fmt: skip
        assert topic in found, topic


def test_seed_consultations_in_oslo(seed: Article) -> None:
    consult = [e for e in seed.events if e.type == "CONSULT" and "consultations" in e.trigger]
    assert len(consult) == 1
    event = consult[0]
    assert event.place == "Oslo"
    assert set(event.actors[:2]) == {"KAZ", "NOR"}
    assert (event.mode, event.cameo) == ("visit", "042")
    assert not (event.historical or event.hypothetical or event.negated)


def test_seed_intent_support_and_historical_aid(seed: Article) -> None:
    by_trigger = {event.trigger.lower(): event for event in seed.events}
    intent = by_trigger["intend to"]
    assert (intent.type, intent.cameo[:3]) == ("AGREE", "031")
    support = by_trigger["appreciates"]
    assert (support.type, support.cameo, support.score) == ("SUPPORT", "051", 3.4)
    assert set(support.actors) == {"KAZ", "NOR"}
    aid = by_trigger["donors"]
    assert aid.type == "AID" and aid.historical


def test_seed_same_day_meeting_and_nobel_institute(seed: Article) -> None:
    meetings = [e for e in seed.events if e.type == "CONSULT" and not e.historical]
    sentences = [seed.text[e.span.start : e.span.end] for e in meetings]
    assert any("Anniken Huitfeldt" in s for s in sentences)
    assert any("Olav Njølstad" in s for s in sentences)
    # Huitfeldt's earlier trip to Kazakhstan is history, not a new engagement.
    visit = next(e for e in seed.events if "recently paid" in seed.text[e.span.start : e.span.end])
    assert visit.historical


def test_seed_events_are_all_cooperative(seed: Article) -> None:
    assert seed.events and all(event.score > 0 for event in seed.events)


def test_seed_commitments(seed: Article) -> None:
    found = [
        (c.kind, c.status, set(c.parties), c.summary)
        for c in seed.commitments
        if c.kind != "request"
    ]
    expected = [
        (
            "intent",
            "stated",
            "intend to develop comprehensive political, trade, economic cooperation",
        ),
        (
            "agreement",
            "agreed",
            "reached agreements on mutual support for elections in a number of UN bodies",
        ),
        (
            "intent",
            "in_progress",
            "has begun exploring the possibilities for establishing ties with the Kazakh MPs",
        ),
        ("agreement", "agreed", "agreed to expand the partnership between the expert communities"),
    ]
    assert len(found) == 4
    for (kind, status, words), (got_kind, got_status, parties, summary) in zip(
        expected, found, strict=True
    ):
        assert (got_kind, got_status) == (kind, status)
        assert words in summary
        assert parties == {"KAZ", "NOR"}


# --------------------------------------------------------------------------- readouts


def _sample() -> dict[str, dict]:
    with open(DATA / "sample.jsonl", encoding="utf-8") as handle:
        return {row["title"]: row for row in map(json.loads, handle)}


def _readout(title: str) -> Article:
    row = _sample()[title]
    return Article(row["body"], row["title"], date=row["date"], home="USA")


def test_readout_call_with_kazakhstani_foreign_minister() -> None:
    article = _readout("Secretary Blinken’s Call with Kazakhstani Foreign Minister Tileuberdi")
    tileuberdi = article.person("Mukhtar Tileuberdi")
    assert tileuberdi.country == "KAZ"
    assert tileuberdi.role == "Deputy Prime Minister and Minister of Foreign Affairs"
    assert article.person("Antony J. Blinken").role == "Secretary of State"
    phone = [e for e in article.events if e.mode == "phone"]
    assert phone and set(phone[0].actors[:2]) == {"USA", "KAZ"}
    assert phone[0].date == "2021-08-13"


def test_readout_meeting_in_washington() -> None:
    article = _readout("Secretary Blinken’s Meeting with Kazakhstani Foreign Minister Tileuberdi")
    meeting = next(e for e in article.events if e.type == "CONSULT")
    assert meeting.date == "2022-05-20"
    assert meeting.place and meeting.place.startswith("Washington")
    assert set(meeting.actors[:2]) == {"USA", "KAZ"}
    assert any(e.type == "SUPPORT" for e in article.events)
    assert any(
        c.status == "stated" and "plan to stay in close contact" in c.summary
        for c in article.commitments
    )


def test_readout_memorandum_signed() -> None:
    article = _readout(
        "The United States of America and Republic of Ghana Sign a Memorandum of Understanding "
        "Concerning Strategic Civil Nuclear Cooperation"
    )
    (signature,) = [c for c in article.commitments if c.kind == "signature"]
    assert signature.status == "signed" and set(signature.parties) == {"USA", "GHA"}
    assert "cbrn" in {hit.topic for hit in article.topics[:3]}
    names = {person.name for person in article.people}
    # The sentence splitter ends a sentence after "Dr. C.S.", so the initials may be lost.
    assert "Kwaku Ampratwum Sarpong" in names and any(name.endswith("Eliot Kang") for name in names)


def test_wikinews_people_with_non_latin_letters() -> None:
    row = _sample()["Turkey's President Erdogan proposes converting Hagia Sophia Museum to mosque"]
    article = Article(row["body"], row["title"], date=row["date"])
    erdogan = article.person("Recep Tayyip Erdoğan")
    assert erdogan.country == "TUR" and erdogan.role == "President"
    assert article.person("George Katrougalos").country == "GRC"
    assert "UNESCO" in {mention.key for mention in article.orgs}


# --------------------------------------------------------------------------- corpora (when shared/ is there)


@pytest.mark.parametrize(
    "path",
    [SHARED / "statedept" / "articles.jsonl.gz", SHARED / "reuters21578" / "articles.jsonl.gz"],
    ids=["statedept", "reuters21578"],
)
def test_corpus_smoke(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} not available")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in itertools.islice(handle, 300)]
    found = 0
    for row in rows:
        article = Article(row.get("body") or "", row.get("title"), date=row.get("date"))
        found += len(article.people) + len(article.events)
        for event in article.events:
            assert -10 <= event.score <= 10 and len(event.actors) >= 2
        for commitment in article.commitments:
            assert commitment.summary in " ".join(article.text.split())
    assert found > 100


@pytest.mark.parametrize(
    "body",
    [
        "",
        " \n\n ",
        "İİİ Mr. ﬁ Ǆ ẞ \u200b\u202e Minister \ud7ff Norway\x00 signed",
        "Minister " * 5000,
        "(" * 3000 + "Head of the Committee of the Storting " + ")" * 3000,
    ],
    ids=["empty", "blank", "odd-unicode", "role-repeated", "parentheses"],
)
def test_odd_inputs_do_not_raise(body: str) -> None:
    Article(body, "Minister ﬁ", date="2019-11-20", home="KAZ")


def test_seed_request_is_kazakhstans(seed: Article) -> None:
    (ask,) = [c for c in seed.commitments if c.kind == "request"]
    assert ask.summary.startswith("the diplomat called on the Norwegian side to cooperate")
    assert set(ask.parties) == {"KAZ", "NOR"}


def test_huge_article_does_not_raise() -> None:
    body = "\n\n".join([(DATA / "seed.txt").read_text(encoding="utf-8")] * 40)  # ~180 KB
    article = Article(body, date="2019-11-20", home="KAZ")
    assert len(article.people) == 5
    assert len([c for c in article.commitments if c.kind != "request"]) == 4 * 40
