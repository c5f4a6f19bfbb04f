"""The engine's modules imported from several threads at once, as the TUI's workers do at
start-up: none may get a half-initialised module ("cannot import name 'agency_country'
from partially initialized module 'search.extract.countries'"), which happened when a
package imported its own submodules eagerly while another thread imported one of them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MODULES = (
    "search.extract.countries",
    "search.extract",
    "search.extract.aliases",
    "search.extract.stage",
    "search.extract.when",
    "search.extract.engagements.article",
    "search.activity",
    "search.article_view",
    "search.pairs",
    "search.analysis",
    "search.query.parse",
    "search.ingest.registry",
    "search.store",
    "briefs.api",
    "briefs.relations",
)
# A fresh interpreter: every thread starts importing at the same moment, after what the
# TUI has imported before it starts a worker (the standard library's typing and Textual):
# the engine's modules are what is raced.  (Without that, two threads importing the
# standard library's typing in a cycle of import locks may see it half initialised: the
# interpreter's deadlock avoidance, not the engine's doing.)
_RACE = """
import importlib, sys, threading, typing
import textual.app
errors = []
barrier = threading.Barrier(len(sys.argv) - 1)
def load(name):
    barrier.wait()
    try:
        importlib.import_module(name)
    except Exception as error:
        errors.append(f"{name}: {type(error).__name__}: {error}")
threads = [threading.Thread(target=load, args=(name,)) for name in sys.argv[1:]]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print("\\n".join(errors))
"""


def test_importing_the_engine_from_many_threads_at_once() -> None:
    for _ in range(4):
        done = subprocess.run(
            [sys.executable, "-c", _RACE, *MODULES],
            capture_output=True,
            text=True,
            cwd=REPO,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "", done.stdout
