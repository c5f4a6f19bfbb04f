"""JSON/YAML documents and Markdown reports of pair summaries and country profiles."""

from __future__ import annotations

import json
import re
from datetime import date

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from briefs.engagements import Engagement
from briefs.evidence import Source
from briefs.relations import (
    ArticleRef,
    CommitmentEntry,
    CountryProfile,
    EventCount,
    EventEntry,
    PairSummary,
    PersonSeen,
    Window,
)
from briefs.summary_json import (
    COUNTRY_SCHEMA,
    PAIR_SCHEMA,
    pair_to_dict,
    profile_to_dict,
    to_yaml,
)
from briefs.summary_md import esc, pair_markdown, profile_markdown, sparkline

# The documented keys (docs/relations.md): adding keys is fine, removing them is not.
PAIR_KEYS = [
    "schema", "a", "b", "window", "counts", "first_date", "last_date", "articles",
    "monthly_volume", "engagements", "event_counts", "cooperation_by_quarter", "people",
    "organisations", "topics", "commitments", "latest", "publishers", "caveats", "planned",
]  # fmt: skip
COUNTRY_KEYS = [
    "schema", "country", "window", "counts", "first_date", "last_date", "monthly_volume",
    "partners", "people", "topics", "organisations", "recent_events", "latest",
    "publishers", "caveats",
]  # fmt: skip
ARTICLE_KEYS = {"id", "title", "date", "source", "countries"}


def _source(text: str = "They met in Oslo.", title: str = "Title", n: int = 1) -> Source:
    return Source(f"art-{n}", title, "Wire", "2020-01-02", text, None, ("KAZ", "NOR"))


def _pair(text: str = "They met in Oslo.", title: str = "Title") -> PairSummary:
    src = _source(text, title)
    person = PersonSeen(text[:40] or "X", "KAZ", text[:30], "2020-01-02", 1, (), src)
    return PairSummary(
        a="KAZ",
        b="NOR",
        window=Window(date(2020, 1, 1), None),
        articles=("art-1",),
        stories=1,
        first_date="2020-01-02",
        last_date="2020-01-02",
        monthly_volume=(("2020-01", 1),),
        engagements=(
            Engagement(
                "2020-01-02",
                "meeting",
                text[:20] or None,
                {"KAZ": (person.name,), "NOR": ()},
                ("cbrn",),
                (src,),
                {person.name: text[:10]},
                ("art-1",),
            ),
        ),  # fmt: skip
        event_counts=(EventCount("CONSULT", 1, 1.0),),
        cooperation_by_quarter=(("2020-Q1", 1.0, 1),),
        people={"KAZ": (person,), "NOR": ()},
        orgs=((text[:15] or "UN", 1),),
        topics=(("cbrn", 1),),
        commitments=(CommitmentEntry("intent", "stated", ("KAZ", "NOR"), text, None, src),),
        latest=(src,),
        sources=(("Wire", 1),),
        caveats=("heuristic",),
        article_refs=(ArticleRef("art-1", title, "2020-01-02", "Wire", ("KAZ", "NOR")),),
    )


def _profile(text: str = "They met in Oslo.") -> CountryProfile:
    src = _source(text)
    event = EventEntry("CONSULT", "meet", "040", 1.0, ("KAZ", "NOR"), None, None, False, src)
    return CountryProfile(
        code="KAZ",
        window=Window(),
        articles=1,
        stories=1,
        first_date=None,
        last_date=None,
        monthly_volume=(),
        partners=(("NOR", 1),),
        people=(PersonSeen("Roman Vassilenko", "KAZ", None, None, 1, ("Vasilenko",), src),),
        topics=(("cbrn", 1),),
        orgs=(("OSCE", 1),),
        recent_events=(event,),
        latest=(src,),
        caveats=("heuristic",),
        sources=(("Wire", 1),),
        undated=1,
    )


def test_pair_document_keys_are_stable() -> None:
    doc = pair_to_dict(_pair())
    assert list(doc) == PAIR_KEYS
    assert doc["schema"] == PAIR_SCHEMA
    assert doc["a"] == {"code": "KAZ", "name": "Kazakhstan"}
    assert doc["window"] == {"since": "2020-01-01", "until": None}
    assert [a["id"] for a in doc["articles"]] == ["art-1"]
    assert ARTICLE_KEYS <= set(doc["articles"][0])
    engagement = doc["engagements"][0]
    assert set(engagement) >= {"date", "type", "place", "participants", "topics", "sources"}
    assert ARTICLE_KEYS <= set(engagement["sources"][0])
    assert ARTICLE_KEYS <= set(doc["commitments"][0]["source"])
    assert ARTICLE_KEYS <= set(doc["people"]["KAZ"][0]["source"])
    assert json.loads(json.dumps(doc)) == doc


def test_country_document_keys_are_stable() -> None:
    doc = profile_to_dict(_profile())
    assert list(doc) == COUNTRY_KEYS
    assert doc["schema"] == COUNTRY_SCHEMA
    assert doc["partners"] == [{"code": "NOR", "name": "Norway", "stories": 1}]
    assert ARTICLE_KEYS <= set(doc["recent_events"][0]["source"])
    assert ARTICLE_KEYS <= set(doc["latest"][0])


def test_markdown_cites_and_lists_sources() -> None:
    md = pair_markdown(_pair())
    assert md.startswith("# Kazakhstan and Norway: relationship summary")
    assert "## Engagements" in md and "## Commitments" in md and "## Caveats" in md
    assert "[1]" in md
    sources = md.split("## Sources", 1)[1]
    assert re.search(r"^1\. Title \(Wire, 2020-01-02; id `art-1`\)$", sources, re.M)
    assert "> They met in Oslo." in sources
    profile = profile_markdown(_profile())
    assert "## Main partners" in profile and "Norway (NOR) (1)" in profile
    assert "[1]" in profile and "## Sources" in profile


def test_article_text_cannot_inject_markdown() -> None:
    hostile = "[click](http://evil.example) <script>x</script> | a | b |\n# Heading"
    md = pair_markdown(_pair(hostile, title=hostile))
    assert "](http" not in md.replace("\\]", "")
    assert "<script>" not in md
    assert "\n# Heading" not in md
    assert esc("a_b*c") == "a\\_b\\*c"


def test_sparkline() -> None:
    assert sparkline([0, 1, 2, 4]) == "▁▃▅█"
    assert sparkline([]) == ""


_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=40, deadline=None)
@given(text=_TEXT, title=_TEXT)
def test_rendering_never_raises_and_yaml_round_trips(text: str, title: str) -> None:
    summary = _pair(text or "x", title)
    pair_markdown(summary)
    profile_markdown(_profile(text or "x"))
    doc = pair_to_dict(summary)
    assert yaml.safe_load(to_yaml(doc)) == doc
