"""What the links of blocks cost on HTML pages: ours with links against ours without them.

Run from the repository root::

    .venv/bin/python benchmarks/links.py BENCH_DIR            # 5 interleaved passes each
    .venv/bin/python benchmarks/links.py BENCH_DIR --runs 9

``BENCH_DIR`` holds ``html/<id>.html.gz`` pages (any of the three dev sets). Each pass parses
every page with ``newscorpus.parse(payload, format="html", url=...)`` and makes its record
(``to_dict``), so that collecting, resolving and writing the links all count. "Without links"
is the same code with the walk told to ignore every anchor (no span is collected, resolved or
written). Passes alternate in one process, each with the garbage collector off and the memo
caches emptied; the medians are printed as milliseconds a page, and their ratio (the cost of
links: 1.05 would be 5%). Nothing is written anywhere.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import statistics
import time
from collections.abc import Callable
from typing import Any

import newscorpus
from _bench import bench_dir
from newscorpus._caches import clear_caches
from newscorpus.formats.html import walk

#: A URL to resolve relative links against (no page is fetched).
_URL = "https://example.org/news/article.html"


def _without_links() -> Callable[..., None]:
    original: Callable[..., None] = walk._Builder.add

    def add(self: Any, text: str, link: bool, anchor: object = None) -> None:
        original(self, text, link, None)

    return add


def _pass(pages: list[bytes], add: Callable[..., None]) -> float:
    walk._Builder.add = add  # type: ignore[method-assign]
    clear_caches()
    gc.collect()
    gc.disable()
    start = time.perf_counter()
    try:
        for page in pages:
            newscorpus.parse(page, format="html", url=_URL).to_dict()
    finally:
        gc.enable()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument("--runs", type=int, default=5, help="timed passes of each (default 5)")
    args = parser.parse_args()
    pages = [gzip.decompress(path.read_bytes()) for path in sorted(args.bench.glob("html/*.gz"))]
    with_links: Callable[..., None] = walk._Builder.add
    without = _without_links()
    _pass(pages, with_links)  # warm-up: imports, models, caches
    _pass(pages, without)
    on: list[float] = []
    off: list[float] = []
    for _ in range(args.runs):
        on.append(_pass(pages, with_links))
        off.append(_pass(pages, without))
    walk._Builder.add = with_links  # type: ignore[method-assign]
    median_on, median_off = statistics.median(on), statistics.median(off)
    print(f"{len(pages)} pages of {args.bench}, {args.runs} interleaved passes each")
    print(f"with links     {median_on / len(pages) * 1000:7.2f} ms/page")
    print(f"without links  {median_off / len(pages) * 1000:7.2f} ms/page")
    print(f"ratio          {median_on / median_off:7.3f}")


if __name__ == "__main__":
    main()
