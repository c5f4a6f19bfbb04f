"""The combined extract stage: each extractor sees what the earlier ones found."""

from __future__ import annotations

import json
from pathlib import Path

from search.extract import extract

DATA = Path(__file__).resolve().parents[1] / "data"


def _sample(title_part: str) -> dict[str, str]:
    for line in (DATA / "sample.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if title_part in record["title"]:
            return record
    raise AssertionError(title_part)


def test_a_government_publishers_readout_concerns_its_own_country() -> None:
    record = _sample("Secretary Blinken’s Meeting with Kazakhstani Foreign Minister")
    found = extract(record["title"], record["body"], date=record["date"], source=record["source"])
    assert set(found.countries) == {"KAZ", "USA"}
    without_publisher = extract(record["title"], record["body"], date=record["date"])
    assert "USA" not in without_publisher.countries


def test_seed_pipeline_finds_the_pair_people_and_commitments() -> None:
    body = (DATA / "seed.txt").read_text(encoding="utf-8")
    found = extract(None, body, city="Oslo", agency="Kazinform")
    assert found.countries[:2] == ("KAZ", "NOR")
    roles = {p.name: (p.role, p.country) for p in found.people}
    assert roles["Roman Vassilenko"] == ("Deputy Foreign Minister", "KAZ")
    assert roles["Audun Halvorsen"][1] == "NOR"
    consultations = [e for e in found.events if e.type == "CONSULT" and e.place == "Oslo"]
    assert consultations and not consultations[0].historical
    assert len([c for c in found.commitments if c.kind != "request"]) == 4
    # Every mention points inside the document text and at the right sentence.
    for mention in found.mentions:
        start, end = found.sentences[mention.span.sentence]
        assert start <= mention.span.start < mention.span.end <= end + 1


def test_a_huge_text_is_analysed_in_its_first_part_only() -> None:
    """A 1 MB text without punctuation (hostile or broken input): countries are found in
    its first `MAX_TAGGED` characters, people and engagements in its first
    `MAX_ANALYSED`, in bounded work."""
    from search.extract import MAX_ANALYSED, MAX_TAGGED, extract

    filler = " ".join(["the minister said that the talks would continue"] * 12_500)
    body = "Secretary Blinken met Foreign Minister Kuleba of Ukraine. " + filler
    body += " Foreign Minister Lavrov of Russia met President Tokayev of Kazakhstan. " + filler
    body += " The talks then moved to Norway."
    assert MAX_ANALYSED < body.index("Lavrov") < MAX_TAGGED < body.index("Norway")
    ex = extract(None, body, source="Reuters", date="2022-05-18")
    names = {p.name for p in ex.people}
    assert "Kuleba" in names and "Lavrov" not in names
    countries = {m.key for m in ex.mentions if m.kind == "country"}
    assert {"UKR", "RUS", "KAZ"} <= countries and "NOR" not in countries
