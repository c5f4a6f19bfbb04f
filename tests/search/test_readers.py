"""Readers: every supported format, read from the fixtures in tests/data/readers."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest

from search.model import RawArticle, ReadError
from search.readers import read_file

DATA = Path(__file__).parents[1] / "data"
FIXTURES = DATA / "readers"


def read_all(path: Path, **overrides: str) -> tuple[list[RawArticle], list[ReadError]]:
    """Read a file; split what came out into articles and errors."""
    items = list(read_file(path, **overrides))
    assert all(isinstance(item, RawArticle | ReadError) for item in items)
    articles = [item for item in items if isinstance(item, RawArticle)]
    errors = [item for item in items if isinstance(item, ReadError)]
    return articles, errors


def read_one(path: Path, **overrides: str) -> RawArticle:
    articles, errors = read_all(path, **overrides)
    assert errors == []
    assert len(articles) == 1
    return articles[0]


# --------------------------------------------------------------------------- plain text


def test_seed_wire_story() -> None:
    article = read_one(DATA / "seed.txt")
    assert article.city == "Oslo"
    assert article.agency == "Kazinform"
    assert article.source == "Kazinform"  # no other source named: the agency is it
    assert article.date is None  # the seed carries no date: none is invented
    assert article.title is None  # the first line is the story, not a title
    assert article.body.startswith("OSLO. KAZINFORM - Kazakhstan and Norway intend")
    assert article.body.endswith("expert communities of the two countries.")
    assert "Olav Njølstad" in article.body
    assert article.origin == str(DATA / "seed.txt")


def test_seed_date_override_is_only_a_fallback() -> None:
    article = read_one(DATA / "seed.txt", date="2019-03-05", source="Kazinform (English)")
    assert article.date == "2019-03-05"
    assert article.source == "Kazinform (English)"
    assert article.agency == "Kazinform"


def test_wire_story_with_title_line_and_dated_dateline() -> None:
    article = read_one(FIXTURES / "wire-with-title.txt", date="2000-01-01")
    assert article.title == "Kazakhstan, Norway discuss nuclear security"
    assert article.body.startswith("ASTANA, March 12, 2019 (Kazinform) — Kazakhstan")
    assert article.date == "2019-03-12"  # the dateline's full date beats --date
    assert (article.city, article.agency, article.source) == ("Astana", "Kazinform", "Kazinform")


def test_dateline_without_year_gives_no_date() -> None:
    article = read_one(FIXTURES / "wire-no-year.txt")
    assert article.date is None
    assert (article.city, article.agency) == ("Washington", "Reuters")
    assert article.title is None


def test_text_without_title_line_or_dateline(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("The meeting ended early.\n\nNo statement was issued.\n", encoding="utf-8")
    article = read_one(path)
    assert article.title is None  # ends with a period: a sentence, not a title
    assert article.city is None and article.agency is None and article.source is None
    assert article.body == "The meeting ended early.\n\nNo statement was issued."


def test_text_with_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "STORY"
    shutil.copy(DATA / "seed.txt", path)
    assert read_one(path).city == "Oslo"


# --------------------------------------------------------------------------- front matter


def test_markdown_front_matter() -> None:
    article = read_one(FIXTURES / "front-matter.md")
    assert article.title == "Norway and Kazakhstan sign a memorandum"
    assert article.date == "2019-05-14"
    assert article.source == "Example Ministry"
    assert article.url == "https://mfa.example.org/news/123"
    assert article.lang == "en"
    assert article.source_id == "mfa-123"
    assert article.tags == ("energy", "Norway", "Kazakhstan")
    assert article.meta == {"author": "Press Office"}
    assert article.city == "Oslo"
    # The "# heading" repeating the title is not kept twice.
    assert article.body.startswith("OSLO — The foreign ministers")


def test_text_front_matter_with_alias_keys() -> None:
    article = read_one(FIXTURES / "front-matter.txt")
    assert article.title == "Talks in Geneva"
    assert article.date == "2019-03-05"  # RFC 822, read in its own time zone
    assert article.source == "Geneva Wire"
    assert article.lang == "fr"  # "French"
    assert article.tags == ("diplomacy", "Switzerland")


def test_overrides_win_over_front_matter() -> None:
    article = read_one(
        FIXTURES / "front-matter.md", source="My Archive", lang="kk", date="2001-01-01"
    )
    assert article.source == "My Archive"
    assert article.lang == "kk"
    assert article.date == "2019-05-14"  # metadata date wins over --date


def test_markdown_heading_is_the_title() -> None:
    article = read_one(FIXTURES / "heading.md")
    assert article.title == "Uzbekistan hosts regional forum"
    assert article.body.startswith("TASHKENT (AP) — ")
    assert (article.city, article.agency, article.source) == ("Tashkent", "AP", "AP")


# --------------------------------------------------------------------------- JSON


def test_json_single_object_with_alias_keys() -> None:
    article = read_one(FIXTURES / "article.json")
    assert article.title == "Kazakhstan chairs UN Security Council session"
    assert article.date == "2018-01-19"
    assert article.url == "https://example.org/kz-unsc"
    assert article.source == "Kazinform"  # {"name": ...} publisher object
    assert article.lang == "en"  # en-US
    assert article.source_id == "4711"
    assert article.tags == ("UN", "Security Council")
    assert article.meta == {"word_count": 21}
    assert article.city == "New York"  # NEW YORK/LONDON dateline
    assert article.origin == str(FIXTURES / "article.json")


def test_json_array_items_with_lines_and_errors() -> None:
    path = FIXTURES / "articles-array.json"
    articles, errors = read_all(path)
    assert [a.source_id for a in articles] == ["a1", "a2", "a5"]
    assert [a.origin for a in articles] == [f"{path}:2", f"{path}:8", f"{path}:19"]
    assert [a.date for a in articles] == ["2019-03-05", "2019-03-05", None]
    assert articles[1].body == "The second article body."  # "content" key
    assert articles[2].body == "Only a description, used as the body."
    assert articles[2].meta == {"raw_date": "sometime in spring"}
    assert [(e.line, e.reason) for e in errors] == [
        (14, "record is a string, not a JSON object"),
        (15, "no body text"),
    ]


def test_json_wrapped_list_and_country_labels() -> None:
    articles, errors = read_all(FIXTURES / "articles-wrapped.json")
    assert errors == []
    assert [a.title for a in articles] == ["Wrapped one", "Wrapped two"]
    assert articles[0].source_id == "https://example.org/w1"  # the URL is the fallback id
    assert articles[1].meta == {"labels": {"countries": ["Norway"]}}
    assert articles[1].tags == ()


def test_json_lines_fixture() -> None:
    path = FIXTURES / "articles.jsonl"
    articles, errors = read_all(path)
    assert [a.source_id for a in articles] == ["j1", "j2", "j6"]
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3", f"{path}:7"]
    first = articles[0]
    assert first.meta == {"labels": {"countries": ["Norway", "Kazakhstan"]}, "topics": ["politics"]}
    assert first.tags == ()  # countries are labels, never tags
    assert (first.city, first.agency, first.source) == ("Oslo", "Kazinform", "Kazinform")
    assert articles[1].tags == ("trade", "energy")
    assert articles[1].date == "2019-03-05"
    # Terminal escapes and a bell are gone; CRLF became LF.
    assert articles[2].body == "Red alert and a bell.\nNext line."
    assert [e.line for e in errors] == [4, 5, 6]
    assert errors[0].reason.startswith("invalid JSON: truncated (unterminated string")
    assert errors[1].reason == "record is an array, not a JSON object"
    assert errors[2].reason == "no body text"
    assert str(errors[2]) == f"{path}:6: no body text"


def test_json_lines_gzipped(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl.gz"
    path.write_bytes(gzip.compress((FIXTURES / "articles.jsonl").read_bytes()))
    articles, errors = read_all(path)
    assert [a.source_id for a in articles] == ["j1", "j2", "j6"]
    assert articles[0].origin == f"{path}:1"
    assert len(errors) == 3


@pytest.mark.parametrize(
    "name", ["article.json", "front-matter.md", "page.html", "feed.rss", "articles.csv"]
)
def test_every_format_reads_the_same_gzipped(tmp_path: Path, name: str) -> None:
    plain = read_all(FIXTURES / name)
    path = tmp_path / f"{name}.gz"
    path.write_bytes(gzip.compress((FIXTURES / name).read_bytes()))
    zipped = read_all(path)
    strip = lambda items: [(a.title, a.body, a.date, a.source_id) for a in items]  # noqa: E731
    assert strip(zipped[0]) == strip(plain[0])
    assert len(zipped[1]) == len(plain[1])


def test_sample_head_records() -> None:
    path = FIXTURES / "sample-head.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    articles, errors = read_all(path)
    assert errors == []
    assert len(articles) == len(lines) == 5
    for line, article in zip(lines, articles, strict=True):
        record = json.loads(line)
        assert article.source_id == record["id"]
        assert article.title == record["title"]
        assert article.date == record["date"]
        assert article.source == record["source"]
        assert article.lang == record["lang"]
        assert article.body == record["body"].strip()
        for key, value in record["meta"].items():
            assert article.meta[key] == value


def test_json_lines_under_a_json_name(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"body": "one"}\n{"body": "two"}\n', encoding="utf-8")
    articles, errors = read_all(path)
    assert [a.body for a in articles] == ["one", "two"]
    assert errors == []


def test_json_with_several_date_keys_uses_the_first_readable(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    record = {"body": "x", "date": "n/a", "published": "2020-02-29T23:59:59+14:00"}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    article = read_one(path)
    assert article.date == "2020-02-29"
    assert article.meta == {"published": "2020-02-29T23:59:59+14:00"}


# --------------------------------------------------------------------------- HTML


def test_html_page() -> None:
    article = read_one(FIXTURES / "page.html")
    assert article.title == "Kazakhstan and Norway hold consultations"
    assert article.date == "2019-03-05"
    assert article.url == "https://news.example.org/kz-no"
    assert article.source == "Example News"
    assert article.lang == "en"
    assert article.tags == ("diplomacy", "Norway")
    assert article.body.startswith("OSLO. KAZINFORM - Kazakhstan and Norway intend")
    assert "\n\nThe Kazakhstan delegation" in article.body
    assert "tracking" not in article.body and "Copyright" not in article.body
    assert "Home" not in article.body
    assert (article.city, article.agency) == ("Oslo", "Kazinform")


def test_html_in_a_legacy_encoding(tmp_path: Path) -> None:
    text = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Переговоры</title></head>'
        "<body><article><p>Министр иностранных дел Казахстана провёл переговоры в Осло с "
        "норвежским коллегой. Стороны обсудили сотрудничество в области энергетики.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(text.encode("cp1251"))
    article = read_one(path)
    assert "провёл переговоры в Осло" in article.body
    assert article.lang == "ru"


# --------------------------------------------------------------------------- feeds


def test_rss_feed() -> None:
    path = FIXTURES / "feed.rss"
    articles, errors = read_all(path)
    assert [a.source_id for a in articles] == ["mfa-news-1", "https://mfa.example.org/news/3"]
    first, third = articles
    assert first.title == "Minister meets Norwegian counterpart"
    assert first.body == "The minister met his Norwegian counterpart.\n\nThey discussed energy."
    assert first.date == "2019-03-05"  # as written, not shifted to UTC
    assert first.source == "Example Foreign Ministry"
    assert first.lang == "en"
    assert first.tags == ("Norway",)
    assert third.body.startswith("ASTANA, March 7 (Kazinform) - The full text")
    assert third.date is None  # the dateline has no year; nothing is invented
    assert third.city == "Astana"
    assert third.source == "Example Foreign Ministry"  # the feed names the source
    assert [str(e) for e in errors] == [f"{path}: entry 2: no body text"]


def test_atom_feed() -> None:
    article = read_one(FIXTURES / "feed.atom")
    assert article.title == "Außenminister in Oslo"
    assert article.date == "2019-03-06"
    assert article.lang == "de"
    assert article.url == "https://example.de/oslo"
    assert article.source_id == "urn:uuid:entry-1"


def test_feed_sniffed_from_txt(tmp_path: Path) -> None:
    path = tmp_path / "feed.txt"
    shutil.copy(FIXTURES / "feed.atom", path)
    assert read_one(path).title == "Außenminister in Oslo"


# --------------------------------------------------------------------------- CSV


def test_csv_with_header() -> None:
    path = FIXTURES / "articles.csv"
    articles, errors = read_all(path)
    assert [a.source_id for a in articles] == ["c1", "c2"]
    first, second = articles
    assert first.body == "OSLO — A body with a comma, and\na second line in quotes."
    assert first.title == "First CSV article"  # header "Title": keys are case-insensitive
    assert first.source == "Example Wire"
    assert first.meta == {"Extra": "x"}
    assert first.origin == f"{path}:2"
    assert second.origin == f"{path}:4"  # record 1 spans lines 2-3
    assert second.date == "2019-03-06"
    assert second.source is None
    assert [(e.line, e.reason) for e in errors] == [
        (5, "no body text"),
        (6, "8 fields, but the header has 7"),
    ]


def test_tsv_with_header() -> None:
    articles, errors = read_all(FIXTURES / "articles.tsv")
    assert errors == []
    assert [(a.title, a.date, a.lang) for a in articles] == [
        ("Tab one", "2019-03-05", "ru"),
        ("Tab two", None, None),
    ]


def test_csv_semicolon_delimiter_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    rows = "Titre;Date;Texte\nRéunion à Genève;05/03/2019;Le président a reçu son homologue.\n"
    path.write_bytes(rows.replace("Titre", "title").replace("Texte", "text").encode("cp1252"))
    article = read_one(path)
    assert article.title == "Réunion à Genève"
    assert article.body == "Le président a reçu son homologue."
    assert article.date is None  # 05/03/2019: May or March? Not guessed.
    assert article.meta == {"raw_date": "05/03/2019"}


def test_csv_without_body_column_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("title,date\nA,2019-01-01\n", encoding="utf-8")
    _, errors = read_all(path)
    assert len(errors) == 1
    assert "no body column" in errors[0].reason


# --------------------------------------------------------------------------- sniffing


def test_json_lines_sniffed_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "export"
    path.write_text('{"body": "one", "meta": "not a dict"}\n{"body": "two"}\n', encoding="utf-8")
    articles, errors = read_all(path)
    assert errors == []
    assert [a.body for a in articles] == ["one", "two"]
    assert articles[0].meta == {"meta": "not a dict"}
    assert articles[0].origin == f"{path}:1"


def test_json_array_sniffed_in_txt(tmp_path: Path) -> None:
    path = tmp_path / "dump.txt"
    path.write_text('[\n  {"title": "t", "body": "b"}\n]\n', encoding="utf-8")
    assert read_one(path).title == "t"


def test_bracketed_text_is_not_json(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("[UPDATE] Talks resume\n\nThe talks resumed on Monday.\n", encoding="utf-8")
    article = read_one(path)
    assert article.title == "[UPDATE] Talks resume"
    assert article.body == "The talks resumed on Monday."


def test_html_sniffed_in_txt(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    shutil.copy(FIXTURES / "page.html", path)
    assert read_one(path).title == "Kazakhstan and Norway hold consultations"


def test_gzip_is_detected_by_content_not_name(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"  # gzip data without the .gz suffix
    path.write_bytes(gzip.compress(b'{"body": "zipped"}\n'))
    assert read_one(path).body == "zipped"
