"""Pair summaries and country profiles over the seed and the sample (real pipeline)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest

from briefs.relations import (
    PairSummary,
    Window,
    count_pair_articles,
    country_profile,
    pair_summary,
)
from search.archive import Archive
from search.pairs import backfill, driving_order, has_table, pair_article_rowids
from tests.briefs.relations_helpers import EXTRA, SAMPLE, SEED, build_home, copy_home

SEED_ID = "h-30f77141da251a286d8b"


@pytest.fixture(scope="module")
def seed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_home(tmp_path_factory.mktemp("rel") / "home", SEED, SAMPLE)


@pytest.fixture
def archive(seed_home: Path) -> Iterator[Archive]:
    with Archive.open(seed_home) as opened:
        yield opened


@pytest.fixture(scope="module")
def nor_kaz(seed_home: Path) -> PairSummary:
    with Archive.open(seed_home) as opened:
        return pair_summary(opened.store, "NOR", "KAZ")


def _by_person(summary: PairSummary, name: str) -> list:
    """The engagements a person took part in that the articles report (not recall)."""
    return [
        e
        for e in summary.engagements
        if e.status == "main" and any(name in n for names in e.participants.values() for n in names)
    ]


def test_the_seed_concerns_norway_and_kazakhstan(nor_kaz: PairSummary) -> None:
    assert nor_kaz.articles == (SEED_ID,)
    ref = nor_kaz.article_refs[0]
    assert ref.id == SEED_ID and ref.source == "Kazinform" and ref.date is None
    assert set(ref.countries) == {"KAZ", "NOR"}
    assert nor_kaz.first_date is None and nor_kaz.undated == 1
    assert nor_kaz.monthly_volume == ()  # undated articles stay out of timelines


def test_oslo_consultations_are_one_engagement(nor_kaz: PairSummary) -> None:
    oslo = [e for e in nor_kaz.engagements if e.type == "consultations"]
    assert len(oslo) == 1
    consultations = oslo[0]
    assert consultations.date is None  # the seed is undated
    assert consultations.place == "Oslo"
    assert consultations.participants["KAZ"] == ("Roman Vassilenko",)
    assert consultations.participants["NOR"] == ("Audun Halvorsen",)
    assert consultations.roles["Roman Vassilenko"] == "Deputy Foreign Minister"
    assert {"cbrn", "economic_diplomacy"} <= set(consultations.topics)
    assert [s.article for s in consultations.sources] == [SEED_ID]
    assert "bilateral consultations in Oslo" in consultations.sources[0].sentence


def test_the_storting_meeting_is_another_engagement(nor_kaz: PairSummary) -> None:
    (storting,) = _by_person(nor_kaz, "Huitfeldt")
    assert storting.type == "meeting"
    assert storting.participants["NOR"] == ("Anniken Huitfeldt",)
    assert "Halvorsen" not in " ".join(storting.participants["NOR"])
    # "The same day the Kazakh diplomat held a meeting": the same delegation.
    assert storting.participants["KAZ"] == ("Roman Vassilenko",)
    assert "Storting" in storting.sources[0].sentence
    assert "interparliamentary" in storting.topics
    consultations = next(e for e in nor_kaz.engagements if e.type == "consultations")
    assert storting is not consultations
    # Every engagement is cited.
    assert all(e.sources for e in nor_kaz.engagements)


def test_an_earlier_visit_is_background(nor_kaz: PairSummary) -> None:
    """ "Ms. Huitfeldt, who recently paid a productive visit to Kazakhstan": recalled, with
    its traveller and its host, not dated on the day of the story."""
    (visit,) = [e for e in nor_kaz.engagements if e.type == "visit"]
    assert visit.status == "background"
    assert visit.participants["NOR"] == ("Anniken Huitfeldt",)
    assert visit.date is None
    assert "recently paid a productive visit" in visit.sources[0].sentence


def test_people_topics_and_commitments_with_sources(nor_kaz: PairSummary) -> None:
    kaz = {p.name: p for p in nor_kaz.people["KAZ"]}
    nor = {p.name: p for p in nor_kaz.people["NOR"]}
    assert kaz["Roman Vassilenko"].role == "Deputy Foreign Minister"
    assert nor["Audun Halvorsen"].role.startswith("State Secretary")
    assert "Storting" in nor["Anniken Huitfeldt"].role
    assert all(p.source.article == SEED_ID for p in (*kaz.values(), *nor.values()))
    topics = dict(nor_kaz.topics)
    assert {"cbrn", "migration", "economic_diplomacy"} <= set(topics)
    assert {"OSCE", "IAEA"} <= {name for name, _ in nor_kaz.orgs}
    summaries = [c.summary for c in nor_kaz.commitments]
    assert any("intend to develop comprehensive" in s for s in summaries)
    assert any("mutual support for elections" in s for s in summaries)
    for c in nor_kaz.commitments:
        assert set(c.parties) == {"KAZ", "NOR"}
        assert c.source.article == SEED_ID and c.source.sentence
    assert {e.type for e in nor_kaz.event_counts} >= {"CONSULT", "AGREE"}
    assert nor_kaz.latest and nor_kaz.latest[0].article == SEED_ID
    assert any("heuristic" in c for c in nor_kaz.caveats)
    assert any("no publication date" in c for c in nor_kaz.caveats)


def test_a_window_leaves_undated_articles_out(archive: Archive) -> None:
    summary = pair_summary(archive.store, "NOR", "KAZ", Window(date(2019, 1, 1), None))
    assert summary.articles == ()
    assert summary.engagements == () and summary.commitments == ()
    assert any("No article" in c for c in summary.caveats)


def test_state_department_readouts_concern_the_united_states(archive: Archive) -> None:
    """The readouts never name the US as a concern, but the publisher speaks for it."""
    summary = pair_summary(archive.store, "KAZ", "USA")
    assert "statedept-2022-05-20-dd971f7e94" in summary.articles  # Blinken meets Tileuberdi
    assert "statedept-2021-08-13-c56073897c" in summary.articles  # Blinken calls Tileuberdi
    assert SEED_ID not in summary.articles
    meeting = [e for e in summary.engagements if e.date == "2022-05-20"]
    assert meeting and "Mukhtar Tileuberdi" in meeting[0].participants["KAZ"]
    dated = [r.date for r in summary.article_refs]
    assert dated == sorted(dated)
    assert summary.cooperation_by_quarter and summary.monthly_volume


def test_unrelated_pair_is_empty(archive: Archive) -> None:
    summary = pair_summary(archive.store, "KAZ", "BRA")
    assert summary.articles == () and summary.stories == 0


def test_country_profile(archive: Archive) -> None:
    profile = country_profile(archive.store, "KAZ")
    assert profile.articles >= 3
    partners = dict(profile.partners)
    assert "NOR" in partners and "USA" in partners
    names = {p.name for p in profile.people}
    assert {"Roman Vassilenko", "Mukhtar Tileuberdi"} <= names
    assert profile.recent_events and all(e.source.sentence for e in profile.recent_events)
    assert profile.topics and profile.orgs and profile.latest
    assert profile.first_date <= profile.last_date
    assert profile.undated == 1


def test_stored_weights_give_the_same_articles(seed_home: Path, tmp_path: Path) -> None:
    """The ``article_mentions`` rows ingest writes, the computed rule and a backfill agree."""
    home = copy_home(seed_home, tmp_path / "copy")
    pairs = [("NOR", "KAZ"), ("KAZ", "USA"), ("USA", "UKR"), ("TUR", "GRC"), ("USA", "NOR")]
    with Archive.open(home) as archive:
        conn = archive.store.conn
        assert has_table(conn)  # written at ingest
        stored = {p: pair_article_rowids(conn, *p) for p in pairs}
        conn.execute("DROP TABLE article_mentions")
        computed = {p: pair_article_rowids(conn, *p) for p in pairs}
        assert backfill(conn) == archive.store.count()
        assert has_table(conn)
        for pair in pairs:
            assert stored[pair] == computed[pair] == pair_article_rowids(conn, *pair), pair
            assert stored[pair], pair
            assert pair_article_rowids(conn, *reversed(pair)) == stored[pair]
            assert count_pair_articles(archive.store, *pair) == len(stored[pair])


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(conn.execute("SELECT code, n FROM article_mentions_counts WHERE n > 0"))


def _true_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return dict(
        conn.execute(
            "SELECT code, count(*) FROM article_mentions WHERE strong OR salient GROUP BY code"
        )
    )


def test_pair_query_counts_follow_the_table(seed_home: Path, tmp_path: Path) -> None:
    """The per-country counts that order the pair query stay true through ingest, a
    backfill, the upgrade of an older store and a deletion."""
    home = copy_home(seed_home, tmp_path / "copy")
    with Archive.open(home) as archive:
        conn = archive.store.conn
        counts = _counts(conn)
        assert counts == _true_counts(conn) and counts["KAZ"] >= 3
        assert driving_order(conn, "USA", "KAZ") == {"a": "KAZ", "b": "USA"}
        conn.execute("DROP TABLE article_mentions")
        backfill(conn)
        assert _counts(conn) == counts
        conn.executescript(
            "DROP TABLE article_mentions_counts; DROP INDEX article_mentions_strong;"
        )
    with Archive.open(home) as archive:  # a store written before the counts existed
        assert _counts(archive.store.conn) == counts
        assert count_pair_articles(archive.store, "KAZ", "USA") == len(
            pair_article_rowids(archive.store.conn, "USA", "KAZ")
        )
        rowid = archive.store.conn.execute(
            "SELECT article FROM article_countries WHERE code = 'KAZ' LIMIT 1"
        ).fetchone()[0]
        archive.store.conn.execute("DELETE FROM articles WHERE rowid = ?", (rowid,))
        assert _counts(archive.store.conn) == _true_counts(archive.store.conn)


def test_reports_of_one_engagement_merge(tmp_path: Path) -> None:
    """A dated report of the Oslo consultations and a wire copy of a call are merged."""
    home = build_home(tmp_path / "home", SEED, EXTRA)
    with Archive.open(home) as archive:
        summary = pair_summary(archive.store, "NOR", "KAZ")
    (oslo,) = [e for e in summary.engagements if e.type == "consultations"]
    assert oslo.date == "2019-11-14"
    assert set(oslo.articles) == {SEED_ID, "rel-oslo-2019"}
    (call,) = [e for e in summary.engagements if e.type == "call"]
    assert set(call.articles) == {"rel-call-2020", "rel-call-2020-copy"}
    assert call.participants["KAZ"] == ("Mukhtar Tileuberdi",)
    # Newest first (the May signing, then the March call); the undated same-day meetings
    # keep their own entries.
    (signing,) = [e for e in summary.engagements if e.type == "signing"]
    assert signing.articles == ("rel-markup",)  # the pair acts together (search.pairs rule 3)
    assert list(summary.engagements[:2]) == [signing, call]
    assert len(_by_person(summary, "Huitfeldt")) == 1


def test_the_pair_is_symmetric(archive: Archive) -> None:
    forward = pair_summary(archive.store, "KAZ", "USA")
    backward = pair_summary(archive.store, "USA", "KAZ")
    assert forward.articles == backward.articles
    assert len(forward.engagements) == len(backward.engagements)


def test_the_ledger_is_capped_with_a_caveat(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    import briefs.engagements

    monkeypatch.setattr(briefs.engagements, "LIMIT", 1)
    summary = pair_summary(archive.store, "NOR", "KAZ")
    # The consultations, the two meetings the same day, and Ms. Huitfeldt's earlier visit.
    assert len(summary.engagements) == 1 and summary.engagements_total == 4
    assert any("1 most recent of 4 engagements" in c for c in summary.caveats)


def test_window_holds() -> None:
    window = Window(date(2020, 1, 1), date(2020, 12, 31))
    assert window.holds("2020-05-01") and window.holds("2020-12-31")
    assert not window.holds("2021-01-01") and not window.holds(None)
    assert Window().holds(None)


def _summary_of(tmp_path: Path, records: list[dict[str, str]], a: str, b: str) -> PairSummary:
    """The pair summary of an archive of these records alone."""
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    with Archive.open(build_home(tmp_path / "home", path)) as archive:
        return pair_summary(archive.store, a, b)


def test_a_role_given_as_past_is_not_the_persons_role_in_the_summary(tmp_path: Path) -> None:
    records = [
        {"id": "r-now", "title": "Meeting", "date": "2022-03-01",
         "source": "U.S. Department of State (press releases)",
         "body": "Secretary of State Antony J. Blinken met Qatari Foreign Minister Mohammed "
                 "bin Abdulrahman Al-Thani in Washington today."},
        {"id": "r-then", "title": "Briefing", "date": "2022-07-21",
         "source": "U.S. Department of State (press releases)",
         "body": "She was a special assistant to then-Deputy Secretary of State Antony J. "
                 "Blinken, and worked on Qatar."},
    ]  # fmt: skip
    summary = _summary_of(tmp_path, records, "USA", "QAT")
    (blinken,) = [p for p in summary.people["USA"] if p.name == "Antony J. Blinken"]
    assert blinken.role == "Secretary of State"


def test_the_people_of_one_engagement_are_named_once_each(tmp_path: Path) -> None:
    records = [
        {"id": "r-a", "title": "Trip", "date": "2022-04-25",
         "source": "U.S. Department of State (press releases)",
         "body": "Secretary of State Antony J. Blinken and Secretary of Defense Lloyd J. Austin "
                 "III met President Zelenskyy in Kyiv today."},
        {"id": "r-b", "title": "Trip", "date": "2022-04-25", "source": "Wikinews",
         "body": "Blinken and Austin met Ukrainian President Zelenskyy in Kyiv on Monday."},
    ]  # fmt: skip
    summary = _summary_of(tmp_path, records, "USA", "UKR")
    (kyiv,) = [e for e in summary.engagements if e.date == "2022-04-25"]
    assert sorted(kyiv.participants["USA"]) == ["Antony J. Blinken", "Lloyd J. Austin III"]


def test_articles_read_ahead_are_cited_as_one_by_one(archive: Archive) -> None:
    """`Evidence.prefetch` reads many articles in one query; what they cite is the same."""
    from briefs.evidence import Evidence

    rowids = [int(r[0]) for r in archive.store.conn.execute("SELECT rowid FROM articles")]
    assert len(rowids) > 3
    one_by_one = Evidence(archive.store)
    ahead = Evidence(archive.store)
    ahead.prefetch([*rowids, rowids[0]])
    assert set(ahead._ahead) == set(rowids)  # each once, all in the cache
    for rowid in rowids:
        for sentence in (0, 2, 10_000):
            assert ahead.cite(rowid, sentence) == one_by_one.cite(rowid, sentence)
        assert ahead.lead(rowid) == one_by_one.lead(rowid)
    ahead.prefetch([10**9])  # an article no longer there reads as before
    assert ahead.cite(10**9, 0) == one_by_one.cite(10**9, 0)


def test_summaries_do_not_depend_on_the_order_rows_come_back_in(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A query without ORDER BY answers in whatever order the engine's plan gives (a team
    store's hash join, SQLite's index): with every such answer reversed, the pair
    summaries and country profiles are the same (ties are broken by stored order)."""
    from briefs.relations_scope import Scope

    pairs = archive.store.conn.execute(
        "SELECT x.code, y.code, count(*) AS n FROM article_countries x "
        "JOIN article_countries y ON y.article = x.article AND y.code > x.code "
        "GROUP BY x.code, y.code ORDER BY n DESC, x.code, y.code LIMIT 12"
    ).fetchall()
    codes = sorted({code for a, b, _n in pairs for code in (a, b)})

    def summaries() -> list[object]:
        found: list[object] = [pair_summary(archive.store, a, b) for a, b, _n in pairs]
        found += [
            pair_summary(archive.store, a, b, Window(since=date(2020, 1, 1))) for a, b, _n in pairs
        ]
        return found + [country_profile(archive.store, code) for code in codes]

    before = summaries()
    rows = Scope.rows

    def reversed_rows(
        self: Scope, sql: str, params: Iterable[object] = ()
    ) -> list[tuple[object, ...]]:
        found = rows(self, sql, params)
        return found if "ORDER BY" in sql else found[::-1]

    monkeypatch.setattr(Scope, "rows", reversed_rows)
    assert summaries() == before
