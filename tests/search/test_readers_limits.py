"""Ingest under hostile input: the batch goes on, memory and time stay bounded.

Undecodable file names, unreadable paths on the command line, millions of bad lines,
decompression bombs (gigabytes of newlines, one endless line), damaged UTF-8 and
metadata of the wrong type.  The full-size cases (52 million bad lines, 10 GiB of
newlines) are measured by ``bench/hostile_inputs.py``; these tests use smaller ones.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tracemalloc
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from search.archive import Archive, check_archive
from search.extract.sentences import document_sentences
from search.ingest import MAX_KEPT_PROBLEMS, IngestProgress, IngestReport, ingest
from search.model import Extraction, RawArticle, ReadError
from search.readers import (
    MAX_ARTICLE_BYTES,
    MAX_LISTED_PER_FILE,
    Omitted,
    ReadWarning,
    decode,
    display_path,
    read_file,
)
from tui.cli import cli

REPO = Path(__file__).resolve().parents[2]
RUSSIAN = (
    "Министр иностранных дел Казахстана провёл переговоры с норвежским коллегой в Осло. "
    "Стороны обсудили сотрудничество в области энергетики и транспорта."
)
FRENCH = (
    "Le président français a reçu à l'Élysée son homologue kazakh. Les deux pays ont "
    "signé un accord sur l'énergie et la coopération économique."
)


def quick_extract(raw: RawArticle) -> Extraction:
    """A stand-in extract stage, so these tests measure the pipeline alone."""
    return Extraction(sentences=tuple(document_sentences(raw.title, raw.body)))


def story(number: int) -> bytes:
    record = {
        "id": f"story-{number}",
        "title": f"Talks {number}",
        "body": f"OSLO, Feb 26 - Norway and Sweden held energy talks, round {number}.",
    }
    return json.dumps(record).encode() + b"\n"


def split(items: list[RawArticle | ReadError]) -> tuple[list[RawArticle], list[ReadError]]:
    return (
        [i for i in items if isinstance(i, RawArticle)],
        [i for i in items if isinstance(i, ReadError)],
    )


def write_gzip(path: Path, parts: Iterator[bytes], level: int = 1) -> Path:
    """Compress ``parts`` into ``path`` as they come (never the whole data in memory)."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, 31)
    with path.open("wb") as out:
        for part in parts:
            out.write(compressor.compress(part))
        out.write(compressor.flush())
    return path


def repeat(data: bytes, total: int) -> Iterator[bytes]:
    block = data * max(1, (1 << 20) // len(data))
    while total > 0:
        yield block[:total]
        total -= len(block)


# --------------------------------------------------------------------------- 1. file names


def test_display_path_escapes_undecodable_bytes_and_controls() -> None:
    assert display_path("news/plain é.txt") == "news/plain é.txt"
    assert display_path(os.fsdecode(b"news/caf\xe9.txt")) == "news/caf\\xe9.txt"
    assert display_path("a\nb\x1b[2J.txt") == "a\\x0ab\\x1b[2J.txt"
    assert display_path(Path("x\ud800")) == "x\\ud800"


def test_undecodable_file_name_is_stored_and_the_batch_goes_on(
    briefroom_home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    stories = {
        b"a.txt": "OSLO, Feb 26 - Norway and Sweden talked about energy today.",
        b"caf\xe9.txt": "ROME, Feb 26 - Italy and Spain discussed fishing quotas today.",
        b"z.txt": "PARIS, Feb 26 - France and Italy discussed migration today.",
    }
    for name, text in stories.items():
        with open(os.path.join(os.fsencode(folder), name), "wb") as out:
            out.write(text.encode())
    with Archive.open(briefroom_home) as archive:
        report = ingest(archive, [folder], extractor=quick_extract)
        assert report.rejected == [] and report.rejected_count == 0
        assert report.added == 3
        origins = [row[0] for row in archive.store.conn.execute("SELECT origin FROM articles")]
        assert sorted(origins) == [f"{folder}/a.txt", f"{folder}/caf\\xe9.txt", f"{folder}/z.txt"]
        assert check_archive(archive).ok


def test_problems_with_undecodable_names_are_printable(tmp_path: Path) -> None:
    name = os.path.join(os.fsencode(tmp_path), b"bad\xff.jsonl")
    with open(name, "wb") as out:
        out.write(b"not json\n")
    (error,) = list(read_file(os.fsdecode(name)))
    assert isinstance(error, ReadError)
    assert str(error).encode("utf-8") == f"{tmp_path}/bad\\xff.jsonl:1: ".encode() + (
        error.reason.encode()
    )


# --------------------------------------------------------------------------- 2. unreadable paths


def test_cli_unreadable_path_is_rejected_alone(
    briefroom_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.txt"
    good.write_text("OSLO, Feb 26 - Norway and Sweden talked about energy today.\n")
    secret = tmp_path / "secret.txt"
    secret.write_text("BERLIN, Feb 26 - Germany and France met about trade.\n")
    # Tests may run as root, whom chmod does not stop: deny the access check instead
    # (what click's readable=True consulted, and iter_input_files does).
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != secret and real_access(p, mode))
    result = CliRunner().invoke(
        cli, ["ingest", str(secret), str(good), str(tmp_path / "missing.txt")]
    )
    assert result.exit_code == 1, result.output
    assert f"rejected: {secret}: permission denied" in result.stderr
    assert f"rejected: {tmp_path / 'missing.txt'}: no such file or folder" in result.stderr
    assert "1 added" in result.stderr


def _without_read_override() -> list[str] | None:
    """A command prefix under which permission bits bind (root's are dropped), or None."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    caps = "-dac_override,-dac_read_search"
    prefix = [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]
    probe = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    return prefix if probe.returncode == 0 else None


def test_cli_really_unreadable_paths_are_rejected_alone(
    briefroom_home: Path, tmp_path: Path
) -> None:
    prefix = _without_read_override()
    if prefix is None:
        pytest.skip("running as root without setpriv: permission bits do not bind")
    (tmp_path / "good.txt").write_text("OSLO, Feb 26 - Norway and Sweden talked about energy.\n")
    (tmp_path / "locked.txt").write_text("BERLIN, Feb 26 - Germany and France met on trade.\n")
    (tmp_path / "noread").mkdir()
    (tmp_path / "noread" / "a.txt").write_text("ROME, Feb 26 - Italy and Spain met.\n")
    (tmp_path / "noexec").mkdir()
    (tmp_path / "noexec" / "b.txt").write_text("PARIS, Feb 26 - France and Italy met.\n")
    (tmp_path / "locked.txt").chmod(0)
    (tmp_path / "noread").chmod(0)
    (tmp_path / "noexec").chmod(0o600)  # listable, but nothing in it can be opened
    try:
        paths = ["locked.txt", "noread", "noexec/b.txt", "missing.txt", "good.txt"]
        result = subprocess.run(
            [*prefix, sys.executable, "-c", "from tui.cli import main; main()", "ingest", *paths],
            cwd=tmp_path,
            env={**os.environ, "BRIEFROOM_HOME": str(briefroom_home), "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    finally:
        (tmp_path / "locked.txt").chmod(0o644)
        (tmp_path / "noread").chmod(0o755)
        (tmp_path / "noexec").chmod(0o755)
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert "rejected: locked.txt: permission denied" in lines
    assert "rejected: noread: cannot list folder: permission denied" in lines
    assert "rejected: noexec/b.txt: permission denied" in lines
    assert "rejected: missing.txt: no such file or folder" in lines
    assert "1 added" in lines[-1] and "4 rejected" in lines[-1]


# --------------------------------------------------------------------------- 3. many rejections


def test_rejections_stream_and_are_summed_up_per_file(briefroom_home: Path, tmp_path: Path) -> None:
    bad = tmp_path / "a-bad.jsonl"
    bad.write_bytes(story(1) + b"x\n" * 500 + story(2) + b"[1]\n" * 500)
    good = tmp_path / "b-good.jsonl"
    good.write_bytes(story(3) + story(4) + story(5))
    events: list[tuple[str, object]] = []

    def progress(p: IngestProgress) -> None:
        events.append(("progress", p.files_done))

    def problem(error: ReadError) -> None:
        events.append(("problem", error))

    with Archive.open(briefroom_home) as archive:
        report = ingest(
            archive, [bad, good], extractor=quick_extract, progress=progress, on_problem=problem
        )
    problems = [e for kind, e in events if kind == "problem"]
    assert len(problems) == MAX_LISTED_PER_FILE + 1
    assert report.rejected == problems
    assert report.rejected_count == 1000 and report.added == 5
    assert [e.line for e in problems[:MAX_LISTED_PER_FILE]] == list(range(2, 22))  # type: ignore[union-attr]
    summary = problems[-1]
    assert isinstance(summary, Omitted) and summary.count == 980
    assert str(summary) == (
        f"{bad}: ... and 980 more lines rejected, not listed "
        "(the first: line 22: invalid JSON: Expecting value (column 1))"
    )
    # Streamed: told as the file is read, before its end is reported.
    assert events.index(("problem", problems[0])) < events.index(("progress", 1))
    assert "1,000 rejected" in report.summary()


@pytest.mark.slow  # about 20 s: two million lines through gzip
def test_a_million_bad_lines_are_counted_in_bounded_memory(tmp_path: Path) -> None:
    path = write_gzip(tmp_path / "junk.jsonl.gz", repeat(b"x\n", 2_000_000), level=9)
    tracemalloc.start()
    try:
        items = list(read_file(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(items) == MAX_LISTED_PER_FILE + 1
    assert isinstance(items[-1], Omitted) and items[-1].count == 1_000_000 - MAX_LISTED_PER_FILE
    # Time and peak RSS at 52 million lines: bench/hostile_inputs.py.
    assert peak < 8 * 1024 * 1024


def test_bad_lines_past_the_listed_ones_are_counted_not_described(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the listed rejections (and the first one the summary names), a bad line is
    counted without a JSON error message, and a line that cannot be an object is not
    parsed at all (52 million lines ``{`` took minutes: bench/hostile_inputs.py).  Good
    lines among them are read as before."""
    from search.readers import jsonish

    reasons: list[str] = []
    decoded: list[str] = []
    json_reason = jsonish._json_reason
    decoder = jsonish._DECODER

    def counting_reason(error: Exception, one_line: bool = False) -> str:
        reasons.append(reason := json_reason(error, one_line))
        return reason

    class CountingDecoder:
        def decode(self, line: str) -> object:
            decoded.append(line)
            return decoder.decode(line)

    monkeypatch.setattr(jsonish, "_json_reason", counting_reason)
    monkeypatch.setattr(jsonish, "_DECODER", CountingDecoder())
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        story(1)  # line 1
        + b"{\n" * 300  # lines 2-301
        + story(2)  # 302
        + b"{\n" * 300  # 303-602
        + b'{"title": "no body"}\n'  # 603: an object, rejected by the record mapping
        + b'{"body": }\n' * 50  # 604-653: look like objects, are not JSON
        + b"[1]\n\x0b{\n"  # 654-655
        + story(3)  # 656
        + story(4)[:-1]
        + b" \t\r\n"  # 657, with trailing white space
    )
    articles, errors = split(list(read_file(path)))
    assert [a.origin for a in articles] == [f"{path}:{n}" for n in (1, 302, 656, 657)]
    assert [a.title for a in articles] == ["Talks 1", "Talks 2", "Talks 3", "Talks 4"]
    truncated = (
        "invalid JSON: truncated (expecting property name enclosed in double quotes column 1)"
    )
    assert [(e.line, e.reason) for e in errors[:-1]] == [(n, truncated) for n in range(2, 22)]
    summary = errors[-1]
    assert isinstance(summary, Omitted) and summary.count == 600 + 1 + 50 + 2 - 20
    assert str(summary) == (
        f"{path}: ... and 633 more lines rejected, not listed (the first: line 22: {truncated})"
    )
    # Messages for the 20 listed lines and the first one left out, and no other.
    assert len(reasons) == MAX_LISTED_PER_FILE + 1
    # Lines ``{`` past line 22 are not parsed; the good lines and the object-like ones are.
    assert sum(line.strip() == "{" for line in decoded) == MAX_LISTED_PER_FILE + 1
    assert len(decoded) == MAX_LISTED_PER_FILE + 1 + 4 + 1 + 50


def test_report_keeps_a_bounded_number_of_messages() -> None:
    report = IngestReport()
    for number in range(MAX_KEPT_PROBLEMS + 500):
        report.record(ReadError(f"file-{number}.txt", "empty file"))
    report.record(Omitted("big.jsonl", "... and 7 more", count=7))
    report.record(ReadWarning("a.txt", "not valid UTF-8 at byte 3; 1 bytes replaced"))
    assert len(report.rejected) == MAX_KEPT_PROBLEMS
    assert report.rejected_count == MAX_KEPT_PROBLEMS + 507
    assert report.warning_count == 1 and len(report.warnings) == 1


def test_cli_prints_each_file_problems_once_summed_up(briefroom_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl"
    path.write_bytes(story(1) + b"nope\n" * 5000)
    result = CliRunner().invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == MAX_LISTED_PER_FILE + 2
    assert lines[0] == f"rejected: {path}:2: invalid JSON: Expecting value (column 1)"
    assert lines[-2].startswith(f"rejected: {path}: ... and 4,980 more lines rejected")
    assert "1 added" in lines[-1] and "5,000 rejected" in lines[-1]


# --------------------------------------------------------------------------- 4. sizes


def test_gigabytes_of_blank_lines_are_skipped_quickly(tmp_path: Path) -> None:
    blank = 64 * 1024 * 1024  # 10 GiB, timed: bench/hostile_inputs.py

    def parts() -> Iterator[bytes]:
        yield story(1)
        yield from repeat(b"\n", blank)
        yield b" \r\n\t\n" * 1000
        yield story(2)

    path = write_gzip(tmp_path / "bomb.jsonl.gz", parts())
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:{blank + 2002}"]


def test_reading_stops_at_the_file_size_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decode, "MAX_LINES_FILE_BYTES", 10_000)
    lines = [story(number) for number in range(1, 300)]
    path = write_gzip(tmp_path / "long.jsonl.gz", iter(lines))
    articles, errors = split(list(read_file(path)))
    whole = 0
    size = 0
    for line in lines:
        size += len(line)
        if size > 10_000:
            break
        whole += 1
    assert len(articles) == whole
    assert [str(e) for e in errors] == [
        f"{path}: file too large: more than 10,000 bytes (0.0 MB) after decompression; "
        f"stopped after line {whole}"
    ]


def test_an_endless_line_is_rejected_without_being_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decode, "MAX_LINES_FILE_BYTES", 100 * 1024 * 1024)

    def parts() -> Iterator[bytes]:
        yield story(1) + b'{"body": "'
        yield from repeat(b"y", 200 * 1024 * 1024)

    path = write_gzip(tmp_path / "endless.jsonl.gz", parts())
    tracemalloc.start()
    try:
        articles, errors = split(list(read_file(path)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(articles) == 1
    assert [e.line for e in errors] == [2, None]
    assert errors[0].reason.startswith("record too large: more than")
    assert errors[1].reason.startswith("file too large") and "after line 1" in errors[1].reason
    assert peak < MAX_ARTICLE_BYTES * 2.5


def test_csv_blank_lines_are_merged_and_quoted_paragraphs_kept(tmp_path: Path) -> None:
    def parts() -> Iterator[bytes]:
        yield b'title,body\r\nOne,"First paragraph.\r\n\r\n\r\nSecond paragraph."\r\n'
        yield from repeat(b"\r\n", 3 * 1024 * 1024)  # 1.5 million blank lines, 3 chunks
        yield b'Two,"Quoted\n\n'
        yield from repeat(b"\n", 2 * 1024 * 1024)  # empty lines inside a quoted field
        yield b'end."\nThree,Plain\n'

    path = write_gzip(tmp_path / "a.csv.gz", parts())
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert [a.title for a in articles] == ["One", "Two", "Three"]
    assert articles[0].body == "First paragraph.\n\n\nSecond paragraph."
    assert articles[1].body.startswith("Quoted\n") and articles[1].body.endswith("end.")
    blank = 3 * 1024 * 1024 // 2
    two = 6 + blank
    assert [a.origin for a in articles] == [
        f"{path}:2",
        f"{path}:{two}",
        f"{path}:{two + 3 + 2 * 1024 * 1024}",
    ]


# --------------------------------------------------------------------------- 5. encodings, fields


def test_almost_utf8_text_is_read_with_replacements_and_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    good = "OSLO, Feb 26 - Talks at the Café Zürich — energy and transport. ".encode()
    path.write_bytes(good * 3 + b"Cut \xe2\x80 here, stray \xff there. " + good)
    items = list(read_file(path))
    articles, errors = split(items)
    assert [str(e) for e in errors] == [
        f"{path}: not valid UTF-8 at byte {3 * len(good) + 4}; 3 bytes replaced"
    ]
    assert isinstance(errors[0], ReadWarning)
    body = articles[0].body
    assert "Cut \ufffd here, stray \ufffd there." in body and "Café Zürich —" in body
    assert not any("\u0400" <= ch <= "\u04ff" for ch in body)  # no Cyrillic guess


def test_almost_utf8_json_line_is_not_read_as_cyrillic(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    good = [
        json.dumps({"id": f"g{n}", "body": f"Talks in Zürich, café {n}."}, ensure_ascii=False)
        for n in range(3)
    ]
    bad = b'{"id": "bad", "body": "A broken \xe2\x80 dash and \xff."}'
    path.write_bytes("\n".join(good).encode() + b"\n" + bad + b"\n")
    articles, errors = split(list(read_file(path)))
    assert [a.source_id for a in articles] == ["g0", "g1", "g2", "bad"]
    assert articles[3].body == "A broken \ufffd dash and \ufffd."
    (warning,) = errors
    assert isinstance(warning, ReadWarning) and warning.line == 4
    offset = len("\n".join(good).encode()) + 1 + bad.index(b"\xe2")
    assert warning.reason == f"not valid UTF-8 at byte {offset}; 3 bytes replaced"


@pytest.mark.parametrize(("text", "encoding"), [(RUSSIAN, "cp1251"), (FRENCH, "latin-1")])
@pytest.mark.parametrize("name", ["story.txt", "story.jsonl"])
def test_legacy_encodings_are_still_decoded(
    tmp_path: Path, text: str, encoding: str, name: str
) -> None:
    path = tmp_path / name
    data = text if name.endswith(".txt") else json.dumps({"body": text}, ensure_ascii=False)
    path.write_bytes(data.encode(encoding))
    articles, errors = split(list(read_file(path)))
    assert errors == []
    assert articles[0].body == text


def test_front_matter_fields_of_the_wrong_type_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text(
        "---\ntitle: {a: 1}\ndate: [1, 2]\ntags: 5\nlang: en\nsource: Wire\n---\n"
        "OSLO, Feb 26 - Norway and Sweden talked.\n",
        encoding="utf-8",
    )
    articles, errors = split(list(read_file(path)))
    assert [str(e) for e in errors] == [
        f"{path}: front matter field 'title' ignored: a mapping, not text",
        f"{path}: front matter field 'date' ignored: a list, not a date",
        f"{path}: front matter field 'tags' ignored: a number, not a list or text",
    ]
    assert all(isinstance(e, ReadWarning) for e in errors)
    (article,) = articles
    assert (article.title, article.date, article.tags) == (None, None, ())
    assert (article.lang, article.source) == ("en", "Wire")


def test_cli_prints_warnings_and_succeeds(briefroom_home: Path, tmp_path: Path) -> None:
    path = tmp_path / "note.md"
    path.write_text("---\ntags: 5\n---\nOSLO, Feb 26 - Norway and Sweden talked.\n")
    result = CliRunner().invoke(cli, ["ingest", str(path)])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"warning: {path}: front matter field 'tags' ignored: a number, not a list or text"
    )
    assert "1 added" in lines[1] and "1 warnings" in lines[1]
