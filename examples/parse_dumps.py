"""Parse the example dumps and print, for each, its title, site, first paragraph and how many
lines the cleaning removed.

Run from anywhere, after ``pip install .``::

    python examples/parse_dumps.py            # the dumps in examples/dumps/
    python examples/parse_dumps.py my/dumps/  # or any folder of dumps
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

import newscorpus

DUMPS = Path(__file__).resolve().parent / "dumps"


def main(argv: list[str]) -> int:
    """Parse every ``*.txt`` dump in the folder ``argv[0]`` (default: ``examples/dumps``)."""
    folder = Path(argv[0]) if argv else DUMPS
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        print(f"no *.txt dumps in {folder}", file=sys.stderr)
        return 1
    for path in paths:
        article = newscorpus.parse(path)
        first = article.paragraphs[0] if article.paragraphs else "(no paragraph)"
        print(path.name)
        print(f"  title:           {article.title or '-'}")
        print(f"  site:            {article.site_name or '-'}")
        print(f"  first paragraph: {textwrap.shorten(first, width=120, placeholder=' ...')}")
        print(f"  removed lines:   {len(article.removed)}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
