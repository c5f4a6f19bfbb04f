"""A brief that reads like a memo (issue 13): "At a glance", the thin-coverage profile of
the counterpart, sources grouped by article, "N of M" and --max-items."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import briefs.brief as brief_module
from briefs.brief import Brief, Item, Person, build_brief, limit_items
from briefs.brief_counterpart import THIN_COVERAGE, is_thin
from briefs.brief_model import SCHEMA, MeetingInfo, Prepared, Section, SourceRef
from briefs.citations import citation_labels, format_cites, group_sources, renumber
from briefs.meeting_model import Meeting
from briefs.render import brief_from_yaml, brief_to_yaml, render_markdown
from search.archive import Archive
from search.ingest import ingest

DATA = Path(__file__).resolve().parents[1] / "data"
AS_OF = date(2025, 6, 11)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = Archive.open(tmp_path_factory.mktemp("memo"))
    report = ingest(archive, [DATA / "seed.txt", DATA / "sample.jsonl"])
    assert not report.rejected
    yield archive
    archive.close()


@pytest.fixture(scope="module")
def seed_only(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    archive = Archive.open(tmp_path_factory.mktemp("seed"))
    ingest(archive, [DATA / "seed.txt"])
    yield archive
    archive.close()


def _brief(archive: Archive, home: str = "KAZ", country: str = "NOR", **kw: Any) -> Brief:
    max_items = kw.pop("max_items", None)
    as_of = kw.pop("as_of", AS_OF)
    meeting = Meeting(country, "2025-06-17", "next Tuesday", **kw)
    return build_brief(archive.store, meeting, home, as_of, max_items=max_items)


def _bullets(value: Any) -> Iterator[Item | Person]:
    if isinstance(value, (Item, Person)):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for f in fields(value):
            yield from _bullets(getattr(value, f.name))
    elif isinstance(value, tuple):
        for v in value:
            yield from _bullets(v)


def _ref(n: int, article: str, sentence: str) -> SourceRef:
    return SourceRef(n, article, f"Title of {article}", sentence, "Agency", "2024-01-0" + str(n))


# --------------------------------------------------------------------------- citations


def test_sources_are_grouped_by_article_with_lettered_sentences() -> None:
    refs = (_ref(1, "x", "One."), _ref(2, "y", "Two."), _ref(3, "x", "Three."))
    groups = group_sources(refs)
    assert [(g.number, g.ref.article) for g in groups] == [(1, "x"), (2, "y")]
    assert groups[0].sentences == (("1a", 1, "One."), ("1b", 3, "Three."))
    assert groups[1].sentences == (("2", 2, "Two."),)  # a lone sentence: just the article
    labels = citation_labels(refs)
    assert labels == {1: "1a", 2: "2", 3: "1b"}
    assert format_cites([3, 1, 3, 2], labels) == "1b, 1a, 2"


def test_many_sentences_of_one_article_get_letters_beyond_z() -> None:
    refs = tuple(_ref(n, "x", f"Sentence {n}.") for n in range(1, 30))
    labels = citation_labels(refs)
    assert labels[1] == "1a" and labels[26] == "1z" and labels[27] == "1aa"


def test_renumber_follows_the_document_and_drops_uncited_sources() -> None:
    refs = (_ref(1, "x", "A."), _ref(2, "y", "B."), _ref(3, "x", "C."), _ref(4, "z", "D."))
    brief = Brief(
        SCHEMA,
        "t",
        MeetingInfo("NOR", "Norway", "KAZ", "Kazakhstan"),
        Prepared("2025-06-11"),
        glance=Section((Item("first", (3,)),)),
        background=Section((Item("later", (2, 1)),)),
        sources=refs,
    )
    out = renumber(brief)
    assert [(s.n, s.article, s.sentence) for s in out.sources] == [
        (1, "x", "C."),
        (2, "x", "A."),
        (3, "y", "B."),
    ]
    assert out.glance.items[0].cite == (1,)
    assert out.background.items[0].cite == (3, 2)


def test_an_old_flat_brief_still_renders_grouped() -> None:
    # A v1 brief written before grouping: every sentence its own source, no glance.
    text = """
schema: briefroom.brief/v1
title: Old brief
meeting: {country: NOR, country_name: Norway, home: KAZ, home_name: Kazakhstan}
prepared: {as_of: 2025-06-11}
background:
  items:
  - {text: First fact, cite: [1]}
  - {text: Second fact, cite: [2, 1]}
sources:
- {n: 1, article: a1, title: The story, sentence: The first sentence.}
- {n: 2, article: a1, title: The story, sentence: The second sentence.}
"""
    md = render_markdown(brief_from_yaml(text))
    assert "- First fact [1a]" in md and "- Second fact [1b, 1a]" in md
    assert md.count("The story") == 1
    assert "   - [1a] The first sentence.\n   - [1b] The second sentence." in md
    assert "## At a glance\n\n_To complete by the author: 3-6 lines" in md
    assert "on its own" not in md


def test_the_seed_brief_lists_its_one_source_once(seed_only: Archive) -> None:
    brief = _brief(seed_only, place="Oslo")
    md = render_markdown(brief)
    sources = md.split("## Sources\n", 1)[1].split("## Caveats", 1)[0]
    assert sources.count("Article `") == 1
    assert len(brief.sources) > 5  # many sentences, one article
    assert "[1a]" in sources and "[1b]" in sources


# --------------------------------------------------------------------------- at a glance


def test_at_a_glance_opens_the_brief_with_cited_lines(archive: Archive) -> None:
    brief = _brief(archive)
    assert 3 <= len(brief.glance.items) <= 6
    labels = [i.label for i in brief.glance.items]
    assert labels[:2] == ["Relations", "Last meeting"]
    assert "Open commitments" in labels
    for item in brief.glance.items:
        assert item.cite and set(item.cite) <= {s.n for s in brief.sources}
    md = render_markdown(brief)
    assert md.index("## At a glance") < md.index("## Purpose and objectives")
    # Sources are numbered in reading order: the glance cites the first ones.
    assert brief.glance.items[0].cite[0] == 1


def test_at_a_glance_says_what_is_new_and_the_trend(archive: Archive) -> None:
    brief = _brief(archive, country="USA", as_of=date(2022, 6, 11))
    by_label = {i.label: i for i in brief.glance.items}
    assert "Trend" in by_label and "year to 2022-06-11" in by_label["Trend"].text
    assert "New since" in by_label and "since the last meeting (2022-05-20)" in (
        by_label["New since"].text
    )


# --------------------------------------------------------------------------- thin coverage


def test_thin_threshold_is_a_handful() -> None:
    assert THIN_COVERAGE == 5
    assert is_thin(0) and is_thin(4) and not is_thin(5)


def test_a_thin_pair_gets_the_counterpart_on_its_own(archive: Archive) -> None:
    brief = _brief(archive)  # Kazakhstan-Norway: one article concerning both
    profile = brief.counterpart
    assert profile is not None and "thin" in (profile.note or "")
    assert profile.developments, "Norway's own stories in the sample"
    numbers = {s.n: s for s in brief.sources}
    for item in profile.developments + profile.engagements:
        assert item.cite
    for person in profile.leaders:
        assert person.role and person.cite
    assert any("thin" in c for c in brief.caveats)
    md = render_markdown(brief)
    assert "## Norway on its own" in md
    assert md.index("## Background of relations") < md.index("## Norway on its own")
    seed = next(s.article for s in brief.sources if "Vassilenko" in s.sentence)
    for item in profile.developments:
        assert all(numbers[n].article != seed for n in item.cite)


def test_roles_are_given_as_of_the_meeting_date(archive: Archive) -> None:
    early = _brief(archive, country="USA", as_of=date(2021, 3, 1))
    later = _brief(archive, country="USA", as_of=date(2022, 6, 11))
    assert early.counterpart is not None and later.counterpart is not None
    by_n = {s.n: s for s in early.sources}
    for person in early.counterpart.leaders:
        assert person.last_contact and person.last_contact[-10:] <= "2021-03-01"
        assert all((by_n[n].date or "") <= "2021-03-01" for n in person.cite)
    assert early.counterpart.leaders != later.counterpart.leaders


def test_a_well_covered_pair_has_no_counterpart_section(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(brief_module, "is_thin", lambda articles: False)
    brief = _brief(archive)
    assert brief.counterpart is None
    assert not any("thin" in c for c in brief.caveats)
    md = render_markdown(brief)
    assert "on its own" not in md and "\n\n\n" not in md
    assert "counterpart" not in brief_to_yaml(brief)


# --------------------------------------------------------------------------- N of M, max items


def test_cut_lists_say_how_much_is_shown(archive: Archive) -> None:
    brief = _brief(archive)
    assert brief.issues.note and " of " in brief.issues.note and "topics shown" in brief.issues.note


def test_max_items_keeps_a_short_brief_for_a_principal(archive: Archive) -> None:
    full = _brief(archive, country="USA", as_of=date(2022, 6, 11))
    short = _brief(archive, country="USA", as_of=date(2022, 6, 11), max_items=2)
    assert len(short.sources) < len(full.sources)

    def lists(value: Any, name: str = "") -> Iterator[tuple[str, tuple[Any, ...]]]:
        if is_dataclass(value) and not isinstance(value, type):
            for f in fields(value):
                if f.name in ("sources", "caveats", "participants", "meeting"):
                    continue
                yield from lists(getattr(value, f.name), f.name)
        elif isinstance(value, tuple) and value and is_dataclass(value[0]):
            yield name, value
            for v in value:
                yield from lists(v)

    assert all(len(items) <= 2 for _name, items in lists(short))
    assert "Shortened:" in (short.counterpart.note if short.counterpart else "")
    assert "of" in (short.glance.note or "") or len(full.glance.items) <= 2
    # Every source left is cited, numbered 1..n in reading order.
    cited = {n for b in _bullets(short) for n in b.cite}
    assert cited == {s.n for s in short.sources} == set(range(1, len(short.sources) + 1))
    assert brief_from_yaml(brief_to_yaml(short)) == short


def test_limit_items_refuses_zero(archive: Archive) -> None:
    with pytest.raises(ValueError):
        limit_items(_brief(archive), 0)


def test_profile_lines_skip_announcements_and_list_office_holders_first() -> None:
    from briefs.brief_counterpart import _ANNOUNCES, _OFFICE

    assert _ANNOUNCES.search("The governments of X and Norway issued the following statement.")
    assert _ANNOUNCES.search("Following is a joint statement by Norway and others.")
    assert _ANNOUNCES.search("The below is attributable to the Spokesperson:")
    assert not _ANNOUNCES.search("Norway and Sweden met in Oslo to discuss the Arctic.")
    for role in ("Foreign Minister", "State Secretary", "Prime Minister", "spokesman"):
        assert _OFFICE.search(role), role
    for role in ("chief economist", "technical director", "treasury head"):
        assert not _OFFICE.search(role), role


def test_a_place_ending_with_an_abbreviation_keeps_one_period() -> None:
    from briefs.wording import end_sentence

    assert end_sentence("Meeting in Washington, D.C.") == "Meeting in Washington, D.C."
    assert end_sentence("Meeting in Oslo") == "Meeting in Oslo."
