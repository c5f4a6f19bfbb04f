"""Hostile inputs: the real ``briefroom ingest`` against files built to hurt it.

Usage::

    python bench/hostile_inputs.py [--corpora DIR] [--workdir DIR] [--keep]
                                   [--timeout S] [--rss-budget-mb MB] [--stderr-budget B]
                                   [--bad-lines N] [--newline-gib G] [--single-line-gib G]
                                   [--unpunctuated-mb MB] [--message-lines N]
                                   [--baseline-n N] [--only NAME[,NAME...]]

Builds each input in a fresh temporary folder (under ``--workdir`` when given), then
runs ``briefroom ingest FILE`` (the console script next to this interpreter) in a
subprocess with ``BRIEFROOM_HOME`` set to a fresh folder of its own, and measures it:

- ``seconds``: wall time of the subprocess, seen by this process (interpreter start-up
  and imports included, as a user waits for them); ``cpu_seconds``: its user+sys time
  and that of the processes it waited for (``os.wait4``).
- ``peak_rss_mb``: the higher of ``maxrss_mb``, the ``ru_maxrss`` that ``os.wait4``
  returns for the subprocess (its own high-water mark, or that of its largest
  waited-for child), and ``tree_rss_mb``, the summed RSS of its process tree, polled
  every 0.25 s with psutil (index writer sub-processes count; pages they share with
  their parent count once per process, so ``tree_pss_mb`` is printed beside it).
- ``stderr_bytes``: what the command printed on stderr (rejections, their summary,
  the report line); the ``rejected`` and ``added`` counts come from that report line.

Inputs (the ``.jsonl.gz`` files are built in seconds: each distinct chunk is deflated
once at level 9, ended with a full flush, and its compressed bytes repeated; the gzip
trailer's CRC is computed over the whole data):

``bad-lines-52M``
    52,000,000 lines ``{`` (``--bad-lines``), about 100 KB of gzip: a line that starts
    like an object, so the reader must JSON-parse each one.  Every line must be
    counted as rejected, quietly.
``newlines-10GiB``
    one real article, then 10 GiB of newlines (``--newline-gib``), about 10 MB of gzip.
    The article must be added; reading stops at the readers' 4 GiB cap
    (``MAX_LINES_FILE_BYTES``), reported as one rejection.
``single-line-10GiB``
    the start of a JSON record and 10 GiB of words with no newline
    (``--single-line-gib``): must be rejected, nothing added.
``unpunctuated-9MB``
    a ``.txt`` article of 9 MiB (``--unpunctuated-mb``), under the 10 MiB article cap:
    the words of a real article, punctuation removed, repeated, in one line after a
    title line.  Must be added.
``million-bad-lines-messages``
    1,000,000 bad lines of five kinds (``--message-lines``): truncated JSON, not JSON,
    an array, an object without a body, a string.  All must be counted; stderr must
    stay small (20 listed per file, the rest summed up in one line).

and first the **baseline**, measured in the same run: the ingest of ``--baseline-n``
(200) real articles of ``statedept/articles.jsonl.gz`` (label fields removed).

Each case passes (``ok=yes``) when it ends within ``--timeout`` (300 s, killed past
it), peaks under ``--rss-budget-mb`` (300 MB), prints at most ``--stderr-budget``
bytes on stderr (16 KiB), prints its report line, exits with the status the CLI
contract gives (1 when something was rejected, else 0) and its counts are the
expected ones (above).

Output: one line per case on stdout,
``case=NAME seconds=S peak_rss_mb=M exit=E rejected=R ok=yes|no`` followed by
``added=``, ``cpu_seconds=``, ``maxrss_mb=``, ``tree_rss_mb=``, ``tree_pss_mb=``,
``stderr_bytes=``, ``input_mb=`` (file size),
``data_mb=`` (decompressed), ``ratio_to_baseline=`` (seconds over the baseline's) and,
when a check fails, ``why=CODE[,CODE...]``; details (the case's stderr, what failed)
on stderr.  Exit status 0 when every case passed, 1 otherwise, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(REPO))  # first: bench/search.py must not shadow the package

from corpus import DEFAULT_CORPORA, FIELDS  # noqa: E402  (bench/ is not a package)

from search.readers.limits import MAX_ARTICLE_BYTES, MAX_LINES_FILE_BYTES  # noqa: E402

GIB = 2**30
MIB = 2**20
CHUNK = 16 * MIB  # bytes of one repeated chunk of filler
CHUNK_LINES = 1_000_000  # lines of one repeated chunk of bad lines
POLL_SECONDS = 0.05
TREE_POLL_SECONDS = 0.25
BASELINE_FILE = Path("statedept") / "articles.jsonl.gz"
WORDS_FILE = Path("sample") / "articles.jsonl"

# The five kinds of bad line of the messages case, each rejected for its own reason.
MESSAGE_LINES = [
    b"{\n",
    b"not json at all\n",
    b"[1, 2, 3]\n",
    b'{"title": "a title but no body"}\n',
    b'"just a string"\n',
]

_REPORT = re.compile(
    # ("1 file: ...", "2 files: ...")
    r"(?P<files>[\d,]+) files?: (?P<added>[\d,]+) added, .*?"
    r"(?P<rejected>[\d,]+) rejected(?:, [\d,]+ warnings)?\s*$"
)


@dataclass
class Case:
    """One input to ingest and what its ingest must report.

    Attributes:
        name: Label on the summary line.
        path: The input file (built).
        data_bytes: Its decompressed size.
        added: Articles the ingest must add, or ``None`` for "at least one".
        rejected: Rejections it must count (exactly), or ``None`` for "at least one".
    """

    name: str
    path: Path
    data_bytes: int
    added: int | None
    rejected: int | None


@dataclass
class Result:
    """What one ingest subprocess did."""

    case: Case
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    peak_rss_mb: float = 0.0
    maxrss_mb: float = 0.0
    tree_rss_mb: float = 0.0
    tree_pss_mb: float = 0.0
    exit: int | None = None
    timed_out: bool = False
    added: int | None = None
    rejected: int | None = None
    stderr_bytes: int = 0
    stderr_tail: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- inputs


def write_gzip(path: Path, parts: Iterable[tuple[bytes, int]]) -> int:
    """Write a gzip file holding each part's bytes repeated its count of times, in order.

    Each part is deflated once at level 9 and ended with a full flush, which restarts
    the compressor from scratch: every further copy compresses to the same bytes, so
    they are written without compressing again (10 GiB of newlines: ~3 s instead of
    ~30).  The trailer's CRC-32 is computed over the whole data.

    Returns:
        The decompressed size in bytes.
    """
    crc = 0
    size = 0
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    with path.open("wb") as out:
        # Magic, deflate, no flags, no mtime (reproducible), XFL 2 (level 9), OS unknown.
        out.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff")
        for data, count in parts:
            if not data or count <= 0:
                continue
            block = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
            again = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
            if again != block:  # never seen; would make the repeated copies wrong
                raise RuntimeError("deflate output differs after a full flush")
            for _ in range(count):
                out.write(block)
                crc = zlib.crc32(data, crc)
            size += len(data) * count
        out.write(compressor.flush(zlib.Z_FINISH))
        out.write(struct.pack("<II", crc, size & 0xFFFFFFFF))
    return size


def repeated_lines(cycle: list[bytes], n: int) -> list[tuple[bytes, int]]:
    """``n`` lines cycling through ``cycle``, as `write_gzip` parts."""
    per_chunk = max(len(cycle), CHUNK_LINES - CHUNK_LINES % len(cycle))
    chunk = b"".join(cycle) * (per_chunk // len(cycle))
    full, rest = divmod(n, per_chunk)
    tail = b"".join(cycle[i % len(cycle)] for i in range(rest))
    return [(chunk, full), (tail, 1)]


def repeated_bytes(pattern: bytes, total: int) -> list[tuple[bytes, int]]:
    """``total`` bytes of ``pattern`` repeated (cut at the end), as `write_gzip` parts."""
    chunk = (pattern * (CHUNK // len(pattern) + 1))[:CHUNK]
    full, rest = divmod(total, CHUNK)
    return [(chunk, full), (chunk[:rest], 1)]


def real_articles(path: Path, n: int) -> list[dict[str, object]]:
    """The first ``n`` articles with a body in a corpus file, label fields removed."""
    opener = gzip.open if path.suffix == ".gz" else open
    articles: list[dict[str, object]] = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            if len(articles) >= n:
                break
            if not line.strip():
                continue
            record = json.loads(line)
            if isinstance(record.get("body"), str) and record["body"].strip():
                articles.append({key: record.get(key) for key in FIELDS})
    return articles


def _jsonl(articles: list[dict[str, object]]) -> bytes:
    return "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles).encode()


def _count_label(n: int) -> str:
    for size, unit in ((1_000_000, "M"), (1_000, "k")):
        if n >= size and n % size == 0:
            return f"{n // size}{unit}"
    return str(n)


def _size_label(value: float, unit: str) -> str:
    return f"{value:g}{unit}"


def build_cases(args: argparse.Namespace, folder: Path) -> tuple[Case, list[Case]]:
    """Write the baseline file and every selected hostile input into ``folder``."""
    corpora: Path = args.corpora
    baseline_articles = real_articles(corpora / BASELINE_FILE, args.baseline_n)
    path = folder / "baseline.jsonl"
    path.write_bytes(_jsonl(baseline_articles))
    # Real articles: some may be merged as duplicates, so any number added will do.
    baseline = Case(f"baseline-{len(baseline_articles)}", path, path.stat().st_size, None, 0)
    article = real_articles(corpora / WORDS_FILE, 1)[0]

    def bad_lines() -> Case:
        path = folder / "bad-lines.jsonl.gz"
        size = write_gzip(path, repeated_lines([b"{\n"], args.bad_lines))
        return Case(f"bad-lines-{_count_label(args.bad_lines)}", path, size, 0, args.bad_lines)

    def newlines() -> Case:
        path = folder / "newlines.jsonl.gz"
        good = _jsonl([article])
        size = write_gzip(path, [(good, 1), *repeated_bytes(b"\n", int(args.newline_gib * GIB))])
        capped = int(size > MAX_LINES_FILE_BYTES)  # "file too large ... stopped after"
        return Case(f"newlines-{_size_label(args.newline_gib, 'GiB')}", path, size, 1, capped)

    def single_line() -> Case:
        path = folder / "single-line.jsonl.gz"
        start = b'{"id": "hostile-single-line", "title": "One line", "body": "'
        words = b"lorem ipsum dolor sit amet consectetur adipiscing elit "
        total = max(int(args.single_line_gib * GIB) - len(start), 0)
        size = write_gzip(path, [(start, 1), *repeated_bytes(words, total)])
        # Unterminated: rejected whatever its size ("record too large" past
        # MAX_ARTICLE_BYTES, "invalid JSON" below; "file too large" too past the cap).
        return Case(f"single-line-{_size_label(args.single_line_gib, 'GiB')}", path, size, 0, None)

    def unpunctuated() -> Case:
        path = folder / "unpunctuated.txt"
        words = re.findall(r"[^\W_]+", f"{article['title']} {article['body']}")
        title = " ".join(re.findall(r"[^\W_]+", str(article["title"])))
        head = f"{title}\n\n".encode()
        target = int(args.unpunctuated_mb * MIB)
        body = (" ".join(words) + " ").encode()
        text = head + (body * (target // len(body) + 1))[: target - len(head)].rstrip() + b"\n"
        path.write_bytes(text)
        added = 1 if len(text) <= MAX_ARTICLE_BYTES else 0
        name = f"unpunctuated-{_size_label(args.unpunctuated_mb, 'MB')}"
        return Case(name, path, len(text), added, 1 - added)

    def messages() -> Case:
        path = folder / "messages.jsonl.gz"
        size = write_gzip(path, repeated_lines(MESSAGE_LINES, args.message_lines))
        n = args.message_lines
        name = (
            "million-bad-lines-messages"
            if n == 1_000_000
            else f"bad-lines-messages-{_count_label(n)}"
        )
        return Case(name, path, size, 0, n)

    builders: dict[str, Callable[[], Case]] = {
        "bad-lines": bad_lines,
        "newlines": newlines,
        "single-line": single_line,
        "unpunctuated": unpunctuated,
        "messages": messages,
    }
    cases = []
    for key in args.only:
        started = time.perf_counter()
        case = builders[key]()
        print(
            f"built {case.name}: {case.path.name}, {case.path.stat().st_size / MIB:.2f} MB, "
            f"{case.data_bytes / MIB:,.1f} MB of data, in {time.perf_counter() - started:.1f} s",
            file=sys.stderr,
            flush=True,
        )
        cases.append(case)
    return baseline, cases


CASE_KEYS = ("bad-lines", "newlines", "single-line", "unpunctuated", "messages")


# --------------------------------------------------------------------------- measuring


def _command() -> list[str]:
    script = Path(sys.executable).parent / "briefroom"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from tui.cli import main; sys.exit(main())"]


def _tree_memory(root: psutil.Process) -> tuple[int, int]:
    """Summed RSS and PSS of ``root`` and its descendants (0, 0 once it is gone)."""
    try:
        members = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0, 0
    rss = pss = 0
    for member in members:
        try:
            info = member.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def run_ingest(case: Case, folder: Path, timeout: float) -> Result:
    """Ingest ``case.path`` into a fresh ``BRIEFROOM_HOME`` with the CLI; measure it."""
    home = folder / f"home-{case.name}"
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir()
    env = {**os.environ, "BRIEFROOM_HOME": str(home)}
    err_path = folder / f"{case.name}.stderr"
    out_path = folder / f"{case.name}.stdout"
    result = Result(case)
    peak_rss = peak_pss = 0
    start = time.perf_counter()
    # Files, not pipes: a child that prints a lot never blocks.  Its own session, so
    # that a timeout kills its sub-processes too (its process group, by its id).
    with err_path.open("wb") as err, out_path.open("wb") as out:
        child = subprocess.Popen(
            [*_command(), "ingest", case.path.name],
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=err,
            cwd=folder,
            env=env,
            start_new_session=True,
        )
    watched = psutil.Process(child.pid)
    next_tree_poll = start
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        now = time.perf_counter()
        if now >= next_tree_poll:
            rss, pss = _tree_memory(watched)
            peak_rss, peak_pss = max(peak_rss, rss), max(peak_pss, pss)
            next_tree_poll = now + TREE_POLL_SECONDS
        if now - start > timeout:
            result.timed_out = True
            os.killpg(child.pid, signal.SIGKILL)
            pid, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(POLL_SECONDS)
    result.seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    result.exit = child.returncode
    result.cpu_seconds = usage.ru_utime + usage.ru_stime
    result.maxrss_mb = usage.ru_maxrss / 1024  # KiB on Linux
    result.tree_rss_mb = peak_rss / MIB
    result.tree_pss_mb = peak_pss / MIB
    result.peak_rss_mb = max(result.maxrss_mb, result.tree_rss_mb)
    result.stderr_bytes = err_path.stat().st_size
    with err_path.open("rb") as handle:
        handle.seek(max(0, result.stderr_bytes - 8192))
        result.stderr_tail = handle.read().decode("utf-8", "replace").splitlines()[-6:]
    for line in reversed(result.stderr_tail):
        if match := _REPORT.search(line):
            result.added = int(match["added"].replace(",", ""))
            result.rejected = int(match["rejected"].replace(",", ""))
            break
    return result


def judge(result: Result, rss_budget_mb: float, stderr_budget: int) -> None:
    """Fill ``result.failures`` with the short codes of the checks it fails."""
    case = result.case
    failures = result.failures
    if result.timed_out:
        failures.append("timeout")
    if result.peak_rss_mb > rss_budget_mb:
        failures.append("rss")
    if result.stderr_bytes > stderr_budget:
        failures.append("stderr")
    if result.rejected is None:
        if not result.timed_out:
            failures.append("no-report")
        return
    if (result.added or 0) < 1 if case.added is None else result.added != case.added:
        failures.append("added")
    if case.rejected is None:
        if result.rejected < 1:
            failures.append("rejected")
    elif result.rejected != case.rejected:
        failures.append("rejected")
    if result.exit != (1 if result.rejected else 0):
        failures.append("exit")


def summary_line(result: Result, baseline_seconds: float | None) -> str:
    """The stdout line of one case."""
    ratio = (
        f"{result.seconds / baseline_seconds:.2f}" if baseline_seconds else "nan"
    )  # the baseline's own line says 1.00
    fields = [
        f"case={result.case.name}",
        f"seconds={result.seconds:.1f}",
        f"peak_rss_mb={result.peak_rss_mb:.0f}",
        f"exit={result.exit}",
        f"rejected={'none' if result.rejected is None else result.rejected}",
        f"ok={'no' if result.failures else 'yes'}",
        f"added={'none' if result.added is None else result.added}",
        f"cpu_seconds={result.cpu_seconds:.1f}",
        f"maxrss_mb={result.maxrss_mb:.0f}",
        f"tree_rss_mb={result.tree_rss_mb:.0f}",
        f"tree_pss_mb={result.tree_pss_mb:.0f}",
        f"stderr_bytes={result.stderr_bytes}",
        f"input_mb={result.case.path.stat().st_size / MIB:.2f}",
        f"data_mb={result.case.data_bytes / MIB:.1f}",
        f"ratio_to_baseline={ratio}",
    ]
    if result.failures:
        fields.append(f"why={','.join(result.failures)}")
    return " ".join(fields)


def explain(result: Result, args: argparse.Namespace) -> None:
    """Details of one run on stderr: its last stderr lines, and what failed."""
    for line in result.stderr_tail:
        print(f"  | {line[:300]}", file=sys.stderr)
    case = result.case
    reasons = {
        "timeout": f"killed after {args.timeout:.0f} s",
        "rss": f"peak RSS {result.peak_rss_mb:.0f} MB > budget {args.rss_budget_mb:.0f} MB",
        "stderr": f"{result.stderr_bytes:,} bytes on stderr > budget {args.stderr_budget:,}",
        "no-report": "no report line on stderr (crashed?)",
        "added": f"added {result.added}, expected "
        + ("at least 1" if case.added is None else f"{case.added}"),
        "rejected": f"rejected {result.rejected}, expected "
        + ("at least 1" if case.rejected is None else f"{case.rejected}"),
        "exit": f"exit status {result.exit}, expected {1 if result.rejected else 0}",
    }
    for code in result.failures:
        print(f"  FAILED {case.name}: {reasons[code]}", file=sys.stderr)
    sys.stderr.flush()


# --------------------------------------------------------------------------- main


def _only(text: str) -> list[str]:
    names = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [n for n in names if n not in CASE_KEYS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown case {', '.join(unknown)}; choose from {', '.join(CASE_KEYS)}"
        )
    return names


def main(argv: list[str] | None = None) -> int:
    """Command line entry point (see the module docstring)."""
    parser = argparse.ArgumentParser(
        description="Ingest hostile input files with the real CLI; time and memory each."
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA, help="corpora folder")
    parser.add_argument(
        "--workdir", type=Path, help="where to make the temporary folder (default: system tmp)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the inputs, homes and logs")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per case (300)")
    parser.add_argument("--rss-budget-mb", type=float, default=300.0, help="peak RSS (300)")
    parser.add_argument(
        "--stderr-budget", type=int, default=16 * 1024, help="stderr bytes per case (16384)"
    )
    parser.add_argument("--bad-lines", type=int, default=52_000_000, help="lines '{' (52M)")
    parser.add_argument("--newline-gib", type=float, default=10.0, help="GiB of newlines (10)")
    parser.add_argument(
        "--single-line-gib", type=float, default=10.0, help="GiB of the single line (10)"
    )
    parser.add_argument(
        "--unpunctuated-mb", type=float, default=9.0, help="MiB of the unpunctuated article (9)"
    )
    parser.add_argument(
        "--message-lines", type=int, default=1_000_000, help="bad lines, mixed kinds (1M)"
    )
    parser.add_argument("--baseline-n", type=int, default=200, help="baseline articles (200)")
    parser.add_argument(
        "--only",
        type=_only,
        default=list(CASE_KEYS),
        metavar="NAME[,NAME...]",
        help=f"cases to run (default all: {', '.join(CASE_KEYS)})",
    )
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        parser.error(f"corpora folder not found: {args.corpora}")
    if min(args.bad_lines, args.message_lines, args.baseline_n) <= 0:
        parser.error("--bad-lines, --message-lines and --baseline-n must be positive")
    if min(args.newline_gib, args.single_line_gib, args.unpunctuated_mb, args.timeout) <= 0:
        parser.error("sizes and --timeout must be positive")

    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="hostile-inputs-", dir=args.workdir))
    print(f"work folder: {folder}", file=sys.stderr, flush=True)
    try:
        baseline, cases = build_cases(args, folder)
        results = []
        baseline_seconds = None
        for case in [baseline, *cases]:
            print(f"ingest {case.name} ...", file=sys.stderr, flush=True)
            result = run_ingest(case, folder, args.timeout)
            judge(result, args.rss_budget_mb, args.stderr_budget)
            if case is baseline and not result.timed_out:
                baseline_seconds = result.seconds
            print(summary_line(result, baseline_seconds), flush=True)
            explain(result, args)
            results.append(result)
            if not args.keep:
                shutil.rmtree(folder / f"home-{case.name}", ignore_errors=True)
    finally:
        if args.keep:
            print(f"kept: {folder}", file=sys.stderr)
        else:
            shutil.rmtree(folder, ignore_errors=True)
    failed = [r.case.name for r in results if r.failures]
    print(
        f"{len(results) - len(failed)}/{len(results)} passed"
        + (f"; over budget or wrong: {', '.join(failed)}" if failed else ""),
        file=sys.stderr,
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
