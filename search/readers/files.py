"""Expand the paths given to ``briefroom ingest`` into the files to read.

Folders are walked recursively in name order (deterministic), skipping hidden
entries (``.git``, ``.DS_Store``).  Symbolic links are followed, but a directory is
never entered twice, so link loops end; a file reached twice is read once.  Paths
that cannot be read are reported, not raised, and the walk goes on.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from search.model import ReadError


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
        yield ReadError(str(path), _stat_reason(path, error))
        return
    key = (info.st_dev, info.st_ino)
    if stat.S_ISDIR(info.st_mode):
        if key in ancestors:
            yield ReadError(str(path), "symbolic link loop (a folder that contains itself)")
            return
        if key in seen_dirs:
            return  # reached again through a link: already walked
        seen_dirs.add(key)
        try:
            with os.scandir(path) as entries:
                names = sorted(entry.name for entry in entries if not _skipped_in_walk(entry.name))
        except OSError as error:
            yield ReadError(str(path), f"cannot list folder: {_describe(error)}")
            return
        inside = ancestors | {key}
        # Reversed onto the stack so that the walk pops them in name order.
        stack.extend((path / name, inside) for name in reversed(names))
    elif stat.S_ISREG(info.st_mode):
        if key in seen_files:
            return
        seen_files.add(key)
        if not os.access(path, os.R_OK):
            yield ReadError(str(path), "permission denied")
            return
        yield path
    else:
        yield ReadError(str(path), "not a regular file (device, pipe or socket)")


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
