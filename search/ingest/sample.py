"""The bundled demo corpus: 54 redistributable articles (see data/sample/LICENSE.md)."""

from __future__ import annotations

from pathlib import Path

SAMPLE_DIR = Path(__file__).parent.parent / "data" / "sample"


def sample_corpus() -> Path:
    """The JSON Lines file of the demo articles."""
    return SAMPLE_DIR / "articles.jsonl"


def sample_notice() -> str:
    """The attribution that must be shown with the demo articles."""
    return (SAMPLE_DIR / "LICENSE.md").read_text(encoding="utf-8")
