"""Writing the user's files (briefs, rendered Markdown, exports) without surprises.

Every file briefroom writes for the user goes through `write_files`, which guarantees:

- **Nothing is overwritten without ``force``.**  Any entry at a target name -- a file,
  a folder, a symbolic link, even a dangling one -- refuses the whole write
  (`TargetExists`) before anything is written.
- **A link at a target name is never followed.**  Each file is written to a new
  temporary name in the target's folder (created with ``O_EXCL``, so not through a
  planted link either) and then renamed into place: ``os.replace`` replaces a link
  itself, never the file it points to; without ``force``, ``os.link`` puts the file in
  place and fails if anything appeared at the name meanwhile (no check-then-write race).
- **All files or none.**  Every destination is checked, and every temporary file
  written, before the first rename; if a later rename fails, the files already put in
  place are removed again and whatever they replaced is restored.
- **The input is never written**, even with ``force``: a target that is the same file as
  one of ``protect`` (the same path once resolved, or the same file by
  ``os.path.samefile``: a hard or symbolic link to it) raises `SameAsInput`.
- **A folder is never replaced**, even with ``force``.
- A reader sees the old file or the new one, never half of one; a replaced regular
  file keeps its permission bits (new files get the usual ``0o666`` less the umask).

Renaming within one folder is atomic on POSIX; on Windows ``os.replace`` is too, for
files.  Link-based placement falls back to check-then-replace on file systems without
hard links.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

__all__ = ["SameAsInput", "TargetExists", "occupied", "same_file", "write_file", "write_files"]

# What os.link raises on a file system (or platform) without hard links: fall back.
_NO_HARD_LINKS = {
    errno.EPERM, errno.EXDEV, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK
}  # fmt: skip


class TargetExists(FileExistsError):
    """Something is already at a target name and ``force`` was not given.

    Attributes:
        path: The first target found occupied.
    """

    def __init__(self, path: Path) -> None:
        kind = "a symbolic link" if path.is_symlink() else None
        detail = f"{kind}; use --force to replace it" if kind else "use --force to overwrite"
        super().__init__(f"{path} exists ({detail})")
        self.path = path


class SameAsInput(ValueError):
    """A target is the input file itself (never written, even with ``force``)."""

    def __init__(self, path: Path, source: Path) -> None:
        super().__init__(f"{path} is the input file {source}: it is never written over")
        self.path = path


def occupied(path: Path) -> bool:
    """True when anything is at ``path``: a file, folder or link (dangling or not)."""
    return os.path.lexists(path)


def same_file(path: Path, source: Path) -> bool:
    """True when writing ``path`` would write ``source``: the same path once resolved,
    or the same file (a hard or symbolic link to it)."""
    if os.path.realpath(path) == os.path.realpath(source):
        return True
    try:
        return os.path.samefile(path, source)
    except OSError:  # one of them is missing (or a dangling link)
        return False


def write_file(
    path: Path, text: str | bytes, *, force: bool = False, protect: Iterable[Path] = ()
) -> Path:
    """Write one text file with the guarantees of `write_files`."""
    return write_files([(path, text)], force=force, protect=protect)[0]


def write_files(
    files: Sequence[tuple[Path, str | bytes]],
    *,
    force: bool = False,
    protect: Iterable[Path] = (),
    exists: type[TargetExists] = TargetExists,
) -> list[Path]:
    """Write every ``(path, text)`` (UTF-8, ``\\n`` line ends; bytes, such as a .docx,
    as they are), or none of them.

    Args:
        files: The files; their folders must exist.
        force: Replace what is at the names (files and links, never folders).
        protect: Input files that must never be written, even with ``force``.
        exists: The `TargetExists` subclass to raise (e.g. `briefs.render.BriefExists`).

    Returns:
        The paths written, in order.

    Raises:
        TargetExists: something is at a name and ``force`` is false (nothing written).
        SameAsInput: a target is one of ``protect`` (nothing written).
        IsADirectoryError: a folder is at a name (nothing written).
        OSError: the files could not be written (nothing is left written).
    """
    targets = [Path(path) for path, _text in files]
    if len(set(map(os.path.abspath, targets))) != len(targets):
        raise ValueError("the same file is named twice")
    protected = list(protect)
    for target in targets:
        for source in protected:
            if same_file(target, source):
                raise SameAsInput(target, Path(source))
    modes: list[int | None] = []
    for target in targets:
        try:
            info = os.lstat(target)
        except FileNotFoundError:
            modes.append(None)
            continue
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(target))
        if not force:
            raise exists(target)
        modes.append(stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None)
    temporaries: list[Path] = []
    try:
        for target, (_path, text), mode in zip(targets, files, modes, strict=True):
            temporaries.append(_write_temporary(target, text, mode))
        _place_all(targets, temporaries, force=force, exists=exists)
    finally:
        for temporary in temporaries:
            _remove(temporary)
    return targets


def _temporary_name(target: Path, what: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}.{what}")


def _write_temporary(target: Path, text: str | bytes, mode: int | None) -> Path:
    """A new file beside ``target`` holding ``text`` (``O_EXCL``: never through a link)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temporary = _temporary_name(target, "tmp")
        try:
            fd = os.open(temporary, flags, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        break
    try:
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        with open(fd, "wb") as handle:
            if mode is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), mode)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        _remove(temporary)
        raise
    return temporary


def _place_all(
    targets: list[Path], temporaries: list[Path], *, force: bool, exists: type[TargetExists]
) -> None:
    """Rename each temporary file to its target; on failure, undo the ones done."""
    done: list[tuple[Path, Path | None]] = []  # (target, backup of what it replaced)
    try:
        for target, temporary in zip(targets, temporaries, strict=True):
            done.append((target, _place(target, temporary, force=force, exists=exists)))
    except BaseException:
        for target, backup in reversed(done):
            if backup is not None:
                os.replace(backup, target)
            else:
                _remove(target)
        raise
    for _target, backup in done:
        if backup is not None:
            _remove(backup)


def _place(
    target: Path, temporary: Path, *, force: bool, exists: type[TargetExists]
) -> Path | None:
    """Put ``temporary`` at ``target``; return the backup of what was there (force)."""
    if not force:
        try:
            os.link(temporary, target)  # fails if anything is at ``target``, links too
        except FileExistsError:
            raise exists(target) from None
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            if occupied(target):
                raise exists(target) from None
            os.replace(temporary, target)
        return None
    backup = None
    if occupied(target):
        backup = _temporary_name(target, "old")
        try:  # a second name for what is there (a link stays a link), no gap
            os.link(target, backup, follow_symlinks=False)
        except NotImplementedError:  # no linkat: links cannot be linked without following
            os.rename(target, backup)
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            os.rename(target, backup)
    try:
        os.replace(temporary, target)
    except BaseException:
        if backup is not None:
            if occupied(target):
                _remove(backup)  # the old entry is still in place
            else:
                os.rename(backup, target)
        raise
    return backup


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass
