"""The small mixed corpus the cluster tests build: dumps, HTML, exports, gzip, WARC, breakage."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from tests.corpus.helpers import warc_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"
STORY = "The harbour reopened on Monday after a week of storms, and the boats went out at dawn."
PAGE = (
    "<html><head><title>Harbour news {n}</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Harbour news {n}</h1><p>{story}</p><p>Fishers said the catch was good, "
    "and the market was full by noon on the day {n}.</p></article></body></html>"
)


def page(number: int) -> str:
    """A small news page, different for each ``number``."""
    return PAGE.format(n=number, story=STORY)


def build(root: Path) -> list[str]:
    """Write the mixed corpus under ``root``; return the inputs to run (one is a dead glob)."""
    folder = root / "in"
    (folder / "pages").mkdir(parents=True)
    for dump in sorted(EXAMPLES.glob("*.txt")):
        (folder / dump.name).write_bytes(dump.read_bytes())
    for number in range(3):
        (folder / "pages" / f"p{number}.html").write_text(page(number), encoding="utf-8")
    rows = [
        json.dumps({"text": f"{STORY} Item {n}.", "url": f"https://a.example/{n}"})
        for n in range(8)
    ]
    rows[3] = "{broken"
    rows.insert(5, "")
    rows.insert(6, json.dumps({"title": "no payload"}))
    (folder / "export.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / "dump.txt.gz").write_bytes(gzip.compress(f"{STORY}\n\nA dump in gzip.\n".encode()))
    cut = gzip.compress(bytes(range(256)) * 8)
    (folder / "broken.txt.gz").write_bytes(cut[: len(cut) // 2])
    (folder / "empty.txt").write_bytes(b"")
    pages = [(f"https://b.example/{n}", "text/html", page(10 + n).encode()) for n in range(2)]
    (folder / "crawl.warc.gz").write_bytes(warc_bytes(pages, gzip=True))
    (folder / ".hidden.txt").write_text("never read", encoding="utf-8")
    return [str(folder), str(root / "nothing" / "*.txt")]


def error_lines(folder: Path) -> list[str]:
    """The error entries of a cluster corpus, in partition order."""
    files = sorted((folder / "_errors").glob("part-*.jsonl"))
    return [line for path in files for line in path.read_text(encoding="utf-8").splitlines()]
