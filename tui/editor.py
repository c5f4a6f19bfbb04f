"""Handing the terminal to the user's editor (``$VISUAL``, else ``$EDITOR``, else ``vi``)."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from textual.app import App, SuspendNotSupported


def editor_command() -> list[str]:
    """The user's editor (``$VISUAL``, else ``$EDITOR``, else ``vi``) as argv."""
    value = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(value) or ["vi"]
    except ValueError:
        return [value]


def run_editor(app: App[object], path: Path) -> bool:
    """Suspend ``app`` and edit ``path``; False (the user told why) when no editor could run."""
    command = [*editor_command(), str(path)]
    try:
        with app.suspend():
            subprocess.run(command, check=False)
    except SuspendNotSupported:
        app.notify(f"this terminal cannot hand over to an editor: edit {path} yourself",
                   severity="warning", markup=False)  # fmt: skip
        return False
    except OSError as exc:
        app.notify(f"cannot run {command[0]!r}: {exc.strerror or exc}", title="Editor",
                   severity="error", markup=False)  # fmt: skip
        return False
    return True
