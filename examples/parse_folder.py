"""Parse a folder of scraped documents into a corpus with the corpus runner, then read it back.

The runner parses in worker processes, writes records in input order, puts every failure in an
error file beside the output, and can resume an interrupted run (see docs/corpus.md).

Run from anywhere, after ``pip install .``::

    python examples/parse_folder.py                    # examples/dumps/ into a temporary folder
    python examples/parse_folder.py scrape/ out.jsonl  # any folder, archive or export
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import newscorpus
from newscorpus.corpus import run_corpus

DUMPS = Path(__file__).resolve().parent / "dumps"


def main(argv: list[str]) -> int:
    """Run the corpus runner over ``argv[0]`` (default: the example dumps) into ``argv[1]``."""
    source = Path(argv[0]) if argv else DUMPS
    with tempfile.TemporaryDirectory() as scratch:
        output = Path(argv[1]) if len(argv) > 1 else Path(scratch) / "corpus.jsonl"
        summary = run_corpus(source, output, jobs=2)
        print(f"{summary.read} read, {summary.written} written, {summary.failed} failed")
        print(f"records: {summary.output}")
        if summary.failed:
            print(f"errors:  {summary.errors}")
        for article in newscorpus.read_corpus(output):
            print(f"  {article.id}  {article.title or '(no title)'}  [{article.source}]")
    return 0 if summary.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
