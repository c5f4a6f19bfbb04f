"""Helpers for the processes an ingest forks (index sub-writers, the extraction worker),
and for the collector settings they inherit."""

from __future__ import annotations

import gc
import os
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# The cyclic garbage collector's thresholds while an ingest runs (Python's are 700, 10,
# 10).  An ingest allocates millions of objects that live for one article (mentions,
# unpickled results, index terms); at 700 the collector ran ~1,300 times in the main
# process on 10,000 articles, promoting each article's live objects until full
# collections scanned the extraction data (~200,000 objects) again and again: 1.26 CPU
# s in collections over the four processes, 0.31 at these thresholds.
INGEST_GC_THRESHOLDS = (10_000, 10, 10)


@contextmanager
def bulk_collections() -> Iterator[None]:
    """Run the block, and the processes it forks, with `INGEST_GC_THRESHOLDS`."""
    before = gc.get_threshold()
    gc.set_threshold(*INGEST_GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def die_with_parent(parent: int | None = None) -> None:
    """Ask Linux to kill this process when its parent dies (PR_SET_PDEATHSIG).

    A forked helper blocks on a queue forever if its parent is killed, and it holds the
    locks it inherited (the index's, the archive's write lock): without this a SIGKILLed
    ingest would leave the archive locked until its helpers are killed by hand.

    Args:
        parent: The parent's pid, when known: a parent that died before the request
            took effect is noticed too (by default, being adopted by init).
    """
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: nothing to ask
        return
    if os.getppid() == 1 or (parent is not None and os.getppid() != parent):
        os._exit(1)


def die_with_parent_hook() -> Callable[[], None]:
    """A ``preexec_fn`` for `subprocess.Popen` that asks the same as `die_with_parent`.

    Everything it needs is loaded here, in the parent: a ``preexec_fn`` runs between
    fork and exec, where importing a module (``ctypes``) can deadlock or fail.
    """
    try:
        import ctypes

        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # not Linux
        return lambda: None
    pr_set_pdeathsig = 1
    kill = int(signal.SIGKILL)

    def hook() -> None:
        prctl(pr_set_pdeathsig, kill, 0, 0, 0)

    return hook
