"""`iter_input_files`: folders walked in order, hidden entries skipped, problems reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from search.model import ReadError
from search.readers import iter_input_files


def touch(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def names(items: list[Path | ReadError], root: Path) -> list[str]:
    return [
        str(item.relative_to(root)) if isinstance(item, Path) else f"ERR {item.reason}"
        for item in items
    ]


def test_folders_are_walked_recursively_in_name_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.jsonl", "a/c/d.md", "a/b.json", "c.txt", "A.txt"]:
        touch(tmp_path / name)
    found = list(iter_input_files([tmp_path]))
    assert names(found, tmp_path) == [
        "A.txt",
        "a/b.json",
        "a/c/d.md",
        "a/z.jsonl",
        "b.txt",
        "c.txt",
    ]
    # The user's spelling of the path is kept (not resolved).
    assert all(str(p).startswith(str(tmp_path)) for p in found)


def test_hidden_entries_are_skipped_unless_named(tmp_path: Path) -> None:
    touch(tmp_path / ".git" / "config")
    touch(tmp_path / ".DS_Store")
    touch(tmp_path / "news" / ".draft.txt")
    touch(tmp_path / "news" / "story.txt")
    assert names(list(iter_input_files([tmp_path])), tmp_path) == ["news/story.txt"]
    hidden = tmp_path / "news" / ".draft.txt"
    assert list(iter_input_files([hidden])) == [hidden]


def test_missing_paths_and_broken_links_are_reported(tmp_path: Path) -> None:
    touch(tmp_path / "ok.txt")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    found = list(iter_input_files([tmp_path / "missing.txt", tmp_path]))
    assert found[0] == ReadError(str(tmp_path / "missing.txt"), "no such file or folder")
    assert found[1] == ReadError(str(tmp_path / "dangling"), "broken symbolic link")
    assert found[2] == tmp_path / "ok.txt"
    assert str(found[1]) == f"{tmp_path / 'dangling'}: broken symbolic link"


def test_symlink_loops_end(tmp_path: Path) -> None:
    touch(tmp_path / "a" / "story.txt")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    (tmp_path / "self").symlink_to(tmp_path / "self")
    found = list(iter_input_files([tmp_path]))
    assert found == [
        ReadError(
            str(tmp_path / "a" / "loop"), "symbolic link loop (a folder that contains itself)"
        ),
        tmp_path / "a" / "story.txt",
        ReadError(str(tmp_path / "self"), "symbolic link loop"),
    ]


def test_each_file_and_folder_once(tmp_path: Path) -> None:
    story = touch(tmp_path / "data" / "story.txt")
    (tmp_path / "alias").symlink_to(tmp_path / "data")
    (tmp_path / "link.txt").symlink_to(story)
    found = list(iter_input_files([story, tmp_path, tmp_path / "data"]))
    assert found == [story]


def test_special_files_are_reported_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert list(iter_input_files([tmp_path])) == [
        ReadError(str(fifo), "not a regular file (device, pipe or socket)")
    ]


def test_unreadable_files_and_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = touch(tmp_path / "secret.txt")
    locked = tmp_path / "locked"
    touch(locked / "inside.txt")
    touch(tmp_path / "zz.txt")
    # Tests may run as root, for whom chmod 000 changes nothing: simulate the denials.
    real_access, real_scandir = os.access, os.scandir
    monkeypatch.setattr(os, "access", lambda p, mode: Path(p) != secret and real_access(p, mode))

    def scandir(path: str | os.PathLike[str]) -> object:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = list(iter_input_files([tmp_path]))
    assert found == [
        ReadError(str(locked), "cannot list folder: permission denied"),
        ReadError(str(secret), "permission denied"),
        tmp_path / "zz.txt",
    ]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads everything")
def test_really_unreadable_file(tmp_path: Path) -> None:
    secret = touch(tmp_path / "secret.txt")
    secret.chmod(0)
    assert list(iter_input_files([secret])) == [ReadError(str(secret), "permission denied")]


def test_deep_trees_do_not_recurse(tmp_path: Path) -> None:
    path = tmp_path
    for _ in range(60):
        path = path / "d"
    touch(path / "deep.txt")
    assert list(iter_input_files([tmp_path])) == [path / "deep.txt"]


def test_strings_are_accepted(tmp_path: Path) -> None:
    story = touch(tmp_path / "s.txt")
    assert list(iter_input_files([str(story)])) == [story]


def test_folder_documentation_is_not_ingested_but_explicit_files_are(tmp_path: Path) -> None:
    from search.readers import iter_input_files

    (tmp_path / "README.md").write_text("# about this corpus\n", encoding="utf-8")
    (tmp_path / "LICENSE.md").write_text("licence text\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("OSLO. KAZINFORM - Talks.\n", encoding="utf-8")
    walked = [p.name for p in iter_input_files([tmp_path]) if isinstance(p, Path)]
    assert walked == ["story.txt"]
    explicit = [p.name for p in iter_input_files([tmp_path / "README.md"]) if isinstance(p, Path)]
    assert explicit == ["README.md"]
