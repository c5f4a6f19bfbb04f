r"""Expand the paths given to ``briefroom ingest`` into the files to read.

Folders are walked recursively in name order (deterministic), skipping hidden
entries (``.git``, ``.DS_Store``).  Symbolic links are followed, but a directory is
never entered twice, so link loops end; a file reached twice is read once.  Paths
that cannot be read are reported, not raised, and the walk goes on.

File names are bytes on Linux; a name that is not valid UTF-8 (``caf\xe9.txt`` written
by a Latin-1 system) reaches Python as a str with lone surrogates (``"caf\udce9.txt"``),
which SQLite, JSON and a UTF-8 terminal all refuse.  `display_path` gives the printable
form every message and stored ``origin`` uses: each undecodable byte as ``\xNN`` and
each control character as ``\xNN`` (``\uNNNN`` above U+00FF), the rest as is.  The file is
still opened by its real name; the form is for people, and maps back to the bytes
except for a name that literally contains such a backslash sequence.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from search.model import ReadError

# Lone surrogates (undecodable bytes of a file name) and C0/C1 controls (a newline or an
# ESC sequence in a file name would break a one-line message or drive the terminal).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def display_path(path: Path | str) -> str:
    """The path as printable, storable text (see the module docstring).

    Args:
        path: A path as the file system gave it (possibly with surrogate escapes).

    Returns:
        ``str(path)`` when it is printable, else the same with each undecodable byte
        and control character written as a ``\\xNN`` escape.
    """
    text = str(path)
    if _UNPRINTABLE.search(text) is None:
        return text
    return _UNPRINTABLE.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the original byte
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def iter_input_files(paths: Iterable[Path | str]) -> Iterator[Path | ReadError]:
    """Yield every file to read under ``paths``, or a `ReadError` for what cannot be.

    Args:
        paths: Files and folders, as the user gave them.

    Yields:
        Paths of regular, readable files (folders expanded recursively, sorted by
        name, hidden entries and README/LICENSE-style documentation skipped), and a `ReadError` for each missing path,
        broken symbolic link, link loop, special file, or unreadable file or folder.
    """
    seen_files: set[tuple[int, int]] = set()
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        # Explicit paths are honoured even when hidden; only walks skip dot entries.
        stack: list[tuple[Path, frozenset[tuple[int, int]]]] = [(Path(given), frozenset())]
        while stack:
            path, ancestors = stack.pop()
            yield from _visit(path, ancestors, stack, seen_files, seen_dirs)


def _visit(
    path: Path,
    ancestors: frozenset[tuple[int, int]],
    stack: list[tuple[Path, frozenset[tuple[int, int]]]],
    seen_files: set[tuple[int, int]],
    seen_dirs: set[tuple[int, int]],
) -> Iterator[Path | ReadError]:
    try:
        info = os.stat(path)
    except OSError as error:
        yield ReadError(display_path(path), _stat_reason(path, error))
        return
    key = (info.st_dev, info.st_ino)
    if stat.S_ISDIR(info.st_mode):
        if key in ancestors:
            yield ReadError(
                display_path(path), "symbolic link loop (a folder that contains itself)"
            )
            return
        if key in seen_dirs:
            return  # reached again through a link: already walked
        seen_dirs.add(key)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if not _skipped_in_walk(entry.name))
        except OSError as error:
            yield ReadError(display_path(path), f"cannot list folder: {_describe(error)}")
            return
        inside = ancestors | {key}
        # Reversed onto the stack so that the walk pops them in name order.
        stack.extend((path / name, inside) for name in reversed(names))
    elif stat.S_ISREG(info.st_mode):
        if key in seen_files:
            return
        seen_files.add(key)
        if not os.access(path, os.R_OK):
            yield ReadError(display_path(path), "permission denied")
            return
        yield path
    else:
        yield ReadError(display_path(path), "not a regular file (device, pipe or socket)")


# A corpus folder's own documentation is not news: README.md, LICENSE.md, NOTICE ...
# (given explicitly, such a file is read like any other).
_FOLDER_DOCS = frozenset(
    {"readme", "license", "licence", "notice", "copying", "changelog", "authors"}
)


def _skipped_in_walk(name: str) -> bool:
    """Hidden entries and a folder's own documentation files are not articles."""
    if name.startswith("."):
        return True
    return name.split(".", 1)[0].lower() in _FOLDER_DOCS


def _stat_reason(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "symbolic link loop"
    if error.errno == errno.ENOENT and os.path.lexists(path):
        return "broken symbolic link"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    return _describe(error)


def _describe(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or type(error).__name__).lower()
