"""Check the plugin once it is installed: newscorpus finds it and parses with it.

Run after ``pip install examples/plugin``: ``python examples/plugin/check.py``.
"""

from __future__ import annotations

import sys

import newscorpus

PAGE = """<!doctype html><html lang="en"><body>
<header><a href="/">Weekly Example</a> <a href="/subscribe">Subscribe</a></header>
<main class="story">
  <h1>Orchard growers count the cost of a late frost</h1>
  <p class="byline">By <a href="/a/jane">Jane Doe</a> and <a href="/a/john">John Roe</a></p>
  <p>Growers across the valley lost much of the apple blossom to a frost last week, the
  coldest so late in the spring for thirty years.</p>
  <h2>Insurance</h2>
  <p>Most of the orchards are insured, but the policies pay only for trees, not for a lost
  harvest, and growers say the gap will put some of them out of business.</p>
</main></body></html>"""


def main() -> int:
    """Print the plugin's registration and a parse through it; exit 1 if it is not found."""
    entries = {entry.name: entry for entry in newscorpus.parsers}
    entry = entries.get("weekly-example")
    if entry is None:
        print("weekly-example is not registered: is the plugin installed?", file=sys.stderr)
        return 1
    print(f"registered: {entry.name} ({entry.origin})")
    article = newscorpus.parse(PAGE, url="https://weekly.example/2026/04/frost")
    print(f"parser: {article.parser.name} {article.parser.version}")
    print(f"title: {article.title}")
    print(f"authors: {', '.join(article.authors)}")
    for block in article.blocks:
        print(f"  [{block.kind}] {block.text[:72]}")
    ok = article.parser.name == "weekly-example" and article.authors == ("Jane Doe", "John Roe")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
