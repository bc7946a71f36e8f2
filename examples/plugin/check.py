"""Check the plugin once it is installed: newscorpus finds its parser and its step, and a
corpus run cleans with the step in worker processes.

Run after ``pip install examples/plugin``: ``python examples/plugin/check.py``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import newscorpus
from newscorpus.corpus import run_corpus

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
  <p>Reporting by Jane Doe; editing by John Roe</p>
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
    return 0 if ok and check_step() else 1


def check_step() -> bool:
    """The step is registered from the entry point and cleans a corpus run in two workers."""
    steps = {entry.name: entry for entry in newscorpus.cleaners}
    step = steps.get("weekly-sign-off")
    if step is None:
        print("weekly-sign-off is not registered: is the plugin installed?", file=sys.stderr)
        return False
    print(f"registered: {step.name} ({step.origin})")
    pipeline = newscorpus.default_pipeline().insert(step.value(), after="normalize")
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export.jsonl"
        row = {"html": PAGE, "url": "https://weekly.example/2026/04/frost"}
        export.write_text(json.dumps(row) + "\n", encoding="utf-8")
        run_corpus(export, Path(folder) / "corpus.jsonl", jobs=2, pipeline=pipeline)
        (record,) = newscorpus.read_corpus(Path(folder) / "corpus.jsonl")
    dropped = [r.text for r in record.removed if r.step == "weekly-sign-off"]
    print(f"removed by weekly-sign-off: {dropped}")
    return dropped == ["Reporting by Jane Doe; editing by John Roe"]


if __name__ == "__main__":
    sys.exit(main())
