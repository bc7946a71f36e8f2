"""Find duplicates, syndicated copies and stories among parsed articles (docs/dedup.md).

Parses the example dumps, adds a second capture of one of them (the same text on the same
site: a duplicate), and prints the three fields deduplication sets. Two of the example dumps
(Le Monde and AFP on one joint statement) share a story without being duplicates.

Run from anywhere, after ``pip install '.[dedup]'``::

    python examples/dedup.py
"""

from __future__ import annotations

from pathlib import Path

import attrs

import newscorpus

DUMPS = Path(__file__).resolve().parent / "dumps"


def main() -> int:
    """Parse, deduplicate and print one line per article."""
    articles = [newscorpus.parse(path) for path in sorted(DUMPS.glob("*.txt"))]
    again = attrs.evolve(articles[-1], id="second-capture", source="second capture")
    for article in newscorpus.deduplicate([*articles, again]):
        group = article.syndication_group.id if article.syndication_group else None
        print(
            f"{article.id:<18} duplicate_of={article.duplicate_of} "
            f"syndication_group={group} story={article.story}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
