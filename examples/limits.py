"""Safety limits (docs/limits.md): what happens to a document past a limit.

The single-document API raises ``LimitError``; a corpus run turns the same document into an
error entry and goes on.

Run from anywhere, after ``pip install .``::

    python examples/limits.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import newscorpus
from newscorpus.corpus import run_corpus

STORY = "The harbour reopened on Monday, three weeks after the storm closed it to every ship. "


def main() -> int:
    """Parse a page past a small size limit, alone and in a corpus run."""
    limits = newscorpus.Limits(max_document_bytes=1024, seconds_per_document=30)
    try:
        newscorpus.parse(STORY * 100, limits=limits)
    except newscorpus.LimitError as error:
        print(f"parse: {type(error).__name__}: {error.message} (limit {error.limit})")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "long.txt").write_text(STORY * 100, encoding="utf-8")
        (folder / "short.txt").write_text(STORY * 3, encoding="utf-8")
        summary = run_corpus(folder, folder / "out" / "corpus.jsonl", limits=limits)
        print(f"run: {summary.read} read, {summary.written} written, {summary.failed} failed")
        print(summary.errors.read_text(encoding="utf-8").strip())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
