"""Shared code of the benchmark scripts: loading the benchmark, scoring, timing and printing.

Not a script: ``dumps.py`` and ``dump_styles.py`` import it. The benchmark folder is the
scrapinghub article-extraction benchmark laid out as::

    BENCH_DIR/ground-truth.json     {id: {"articleBody": ..., "url": ...}}
    BENCH_DIR/html/<id>.html.gz     the pages, gzip'd
    BENCH_DIR/text/<id>.txt         each page's dump as headless Chromium shows it

Nothing here writes into the benchmark folder or the repository.

Timing
    :func:`measure` runs one untimed warm-up pass (which also gives the outputs to score), then
    ``runs`` timed passes, each preceded by a pass of :func:`reference_pass` over the same
    dumps, and reports the medians. Each timed pass starts with newscorpus's memo caches
    emptied, so repeated passes over the same pages are not flattered by them. Only the calls
    under test are inside the timed region; the garbage collector is off during each pass (as
    :mod:`timeit` does) and runs between passes.
    The ratio ``seconds / reference`` says how many reference passes one pass costs: both are
    measured in the same process, interleaved, on the same data, so a slower or busier machine
    slows both and the ratio stays comparable across machines where raw dumps/s does not.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import gzip
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from attrs import frozen

import newscorpus
from metric import PageCounts, Scores, page_counts, score
from newscorpus._caches import clear_caches

__all__ = [
    "Result",
    "Speed",
    "Truth",
    "bench_dir",
    "byline_names",
    "decode_html",
    "floor_status",
    "format_results",
    "format_worst",
    "load_dumps",
    "load_html",
    "load_truth",
    "measure",
    "page_f1",
    "parse_dump",
    "reference_pass",
    "result_json",
    "score_pages",
    "scores_of",
    "worst_pages",
]

#: Where a page's charset may be declared: ``<meta charset=...>`` or ``http-equiv`` content.
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
#: How far into a page to look for the declaration (its head, in practice).
_CHARSET_SCAN_BYTES = 64 * 1024
#: Labels that browsers read differently from Python's codec of the same name (WHATWG).
_BROWSER_CHARSETS = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-16": "utf-8",
}


@frozen
class Truth:
    """One page's expected article body and the URL it was captured from, with its expected
    metadata where the benchmark gives it (``None``: the benchmark says nothing)."""

    body: str
    url: str
    title: str | None = None
    authors: tuple[str, ...] | None = None
    published: str | None = None
    language: str | None = None


def bench_dir(value: str) -> Path:
    """An ``argparse`` type: a benchmark folder that has a ``ground-truth.json``."""
    path = Path(value)
    if not (path / "ground-truth.json").is_file():
        raise argparse.ArgumentTypeError(f"{value}: no ground-truth.json here (not a BENCH_DIR)")
    return path


#: What starts a byline string before the names ("By Jane Doe").
_BYLINE_LEAD = re.compile(r"^\s*(?:by|von|par|por|di)\s+", re.IGNORECASE)
#: What separates the names in a byline string.
_BYLINE_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE)


def byline_names(byline: str) -> tuple[str, ...]:
    """The names in a byline string: a leading "By" dropped, split at commas, "and", "&".

    >>> byline_names("By Jane Doe and John Roe")
    ('Jane Doe', 'John Roe')
    """
    names = _BYLINE_SPLIT.split(_BYLINE_LEAD.sub("", byline))
    return tuple(name.strip() for name in names if name.strip())


def load_truth(root: Path) -> dict[str, Truth]:
    """The ground truth, by page id, in sorted id order.

    Three layouts are read: scrapinghub's (``articleBody``, ``url``), fundus's (``body``,
    ``title``, ``authors`` as a list, ``published``, ``language``) and Readability's test pages
    (``body``, ``title``, ``byline`` as one string, split by :func:`byline_names`,
    ``published``, ``lang``).
    """
    raw: dict[str, dict[str, Any]] = json.loads((root / "ground-truth.json").read_text("utf-8"))
    truth: dict[str, Truth] = {}
    for key in sorted(raw):
        page = raw[key]
        authors: tuple[str, ...] | None = None
        if isinstance(page.get("authors"), list):
            authors = tuple(str(name) for name in page["authors"])
        elif isinstance(page.get("byline"), str):
            authors = byline_names(page["byline"])
        truth[key] = Truth(
            page.get("articleBody", page.get("body", "")) or "",
            page.get("url") or "",
            title=page.get("title"),
            authors=authors,
            published=page.get("published"),
            language=page.get("language", page.get("lang")),
        )
    return truth


def _read_all(root: Path, ids: Sequence[str], pattern: str) -> dict[str, bytes]:
    paths = {key: root / pattern.format(id=key) for key in ids}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        raise SystemExit(f"{len(missing)} of {len(ids)} files are missing, e.g. {missing[0]}")
    return {key: path.read_bytes() for key, path in paths.items()}


def load_dumps(root: Path, ids: Sequence[str]) -> dict[str, bytes]:
    """The Chromium dumps (``text/<id>.txt``) of the given pages, as bytes."""
    return _read_all(root, ids, "text/{id}.txt")


def load_html(root: Path, ids: Sequence[str]) -> dict[str, str]:
    """The pages (``html/<id>.html.gz``), decompressed and decoded with :func:`decode_html`."""
    return {
        key: decode_html(gzip.decompress(payload))
        for key, payload in _read_all(root, ids, "html/{id}.html.gz").items()
    }


def decode_html(payload: bytes) -> str:
    """Decode a page as a browser would: BOM, else its ``<meta>`` charset, else UTF-8.

    Undecodable bytes become U+FFFD, so any page gives text.

    >>> decode_html(b'<meta charset="latin-1"><p>caf\\xe9')
    '<meta charset="latin-1"><p>café'
    """
    if payload.startswith(codecs.BOM_UTF8):
        return payload[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    encoding = "utf-8"
    match = _META_CHARSET.search(payload, 0, _CHARSET_SCAN_BYTES)
    if match:
        try:
            name = codecs.lookup(match.group(1).decode("ascii")).name
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            encoding = _BROWSER_CHARSETS.get(name, name)
    return payload.decode(encoding, errors="replace")


def parse_dump(text: str) -> str:
    """The article text newscorpus extracts from one dump: the system under test."""
    return newscorpus.parse(text, format="dump").text


def score_pages(truth: Mapping[str, Truth], predicted: Mapping[str, str]) -> dict[str, PageCounts]:
    """Each page's counts of predicted against true shingles (a missing prediction is empty)."""
    return {key: page_counts(page.body, predicted.get(key, "")) for key, page in truth.items()}


def page_f1(counts: PageCounts) -> float:
    """One page's F1 (for ranking pages; the benchmark's F1 is of the averages, not this)."""
    total = counts.precision + counts.recall
    return 0.0 if total == 0 else 2 * counts.precision * counts.recall / total


def reference_pass(payloads: Sequence[bytes]) -> int:
    """The timing yardstick: decode every dump and split it into lines and words.

    Keep it unchanged: ratios to it are only comparable while it stays the same work.
    """
    words = 0
    for payload in payloads:
        for line in payload.decode("utf-8", errors="replace").splitlines():
            words += len(line.split())
    return words


@frozen
class Speed:
    """Median seconds of a timed pass over ``documents`` dumps, and of the reference pass."""

    documents: int
    seconds: float
    reference: float
    runs: int

    @property
    def per_second(self) -> float:
        """Dumps per second on one core."""
        return self.documents / self.seconds if self.seconds > 0 else float("inf")

    @property
    def ratio(self) -> float:
        """How many reference passes one pass costs (lower is faster)."""
        return self.seconds / self.reference if self.reference > 0 else float("inf")


def _timed(func: Callable[[], object]) -> float:
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    finally:
        gc.enable()


def measure(
    func: Callable[[str], str],
    texts: Mapping[str, str],
    payloads: Sequence[bytes],
    runs: int,
    *,
    first_touch: bool = True,
) -> tuple[dict[str, str], Speed]:
    """Run ``func`` on every text (by page id) once for its outputs, then time ``runs`` passes.

    Each timed pass follows a :func:`reference_pass` over ``payloads`` (the same dumps as
    bytes); the returned :class:`Speed` holds the medians of both. An error names its page.
    With ``first_touch`` (the default) newscorpus's memo caches are emptied before each pass;
    without it they are kept, as in a long corpus run where a site's chrome repeats.
    """
    outputs: dict[str, str] = {}
    for key, text in texts.items():
        try:
            outputs[key] = func(text)
        except Exception as error:
            error.add_note(f"while running {getattr(func, '__name__', func)} on page {key}")
            raise
    values = list(texts.values())

    def run() -> None:
        if first_touch:  # time text seen for the first time, not memoised answers
            clear_caches()
        for text in values:
            func(text)

    seconds: list[float] = []
    references: list[float] = []
    for _ in range(max(1, runs)):
        references.append(_timed(lambda: reference_pass(payloads)))
        seconds.append(_timed(run))
    median = statistics.median
    return outputs, Speed(len(values), median(seconds), median(references), len(seconds))


@frozen
class Result:
    """One row of a results table: a system's scores and, when it was timed, its speed."""

    name: str
    scores: Scores | None  # None: the system is not available (e.g. not installed)
    speed: Speed | None = None
    note: str = ""


def format_results(results: Sequence[Result]) -> str:
    """A table of results: precision, recall, F1, dumps/s and the ratio to the reference."""
    width = max(len(result.name) for result in results)
    lines = [f"{'':{width}}  {'P':>6} {'R':>6} {'F1':>6} {'dumps/s':>9} {'x ref':>7}"]
    for result in results:
        if result.scores is None:
            lines.append(f"{result.name:{width}}  {result.note}")
            continue
        s = result.scores
        row = f"{result.name:{width}}  {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
        if result.speed is not None:
            row += f" {result.speed.per_second:9.1f} {result.speed.ratio:7.1f}"
        lines.append(f"{row}  {result.note}".rstrip())
    return "\n".join(lines)


def result_json(result: Result) -> dict[str, Any] | None:
    """A result as plain JSON data (``None`` when the system was not available)."""
    if result.scores is None:
        return None
    data: dict[str, Any] = {
        "precision": result.scores.precision,
        "recall": result.scores.recall,
        "f1": result.scores.f1,
        "pages": result.scores.pages,
    }
    if result.speed is not None:
        data["dumps_per_second"] = result.speed.per_second
        data["seconds_per_pass"] = result.speed.seconds
        data["reference_seconds"] = result.speed.reference
        data["ratio_to_reference"] = result.speed.ratio
        data["runs"] = result.speed.runs
    return data


def worst_pages(counts: Mapping[str, PageCounts], k: int) -> list[tuple[str, PageCounts]]:
    """The ``k`` pages with the lowest F1 (ties by id)."""
    return sorted(counts.items(), key=lambda item: (page_f1(item[1]), item[0]))[:k]


def format_worst(counts: Mapping[str, PageCounts], truth: Mapping[str, Truth], k: int) -> str:
    """A table of the ``k`` pages with the lowest F1: F1, P, R, id and the page's host."""
    lines = [f"{'F1':>6} {'P':>6} {'R':>6}  id{'':62}  host"]
    for key, page in worst_pages(counts, k):
        host = urlsplit(truth[key].url).hostname or ""
        lines.append(
            f"{page_f1(page):6.3f} {page.precision:6.3f} {page.recall:6.3f}  {key}  {host}"
        )
    return "\n".join(lines)


def floor_status(f1: float, floor: float | None, what: str = "F1") -> int:
    """The exit status for a run: 1 (saying why on stderr) when ``f1`` is below ``floor``."""
    if floor is not None and f1 < floor:
        print(f"FAIL: {what} {f1:.3f} is below the floor {floor:.3f}", file=sys.stderr)
        return 1
    return 0


def scores_of(counts: Mapping[str, PageCounts]) -> Scores:
    """The benchmark's macro-averaged scores of a run's page counts."""
    return score(counts.values())


def load_average() -> str:
    """The machine's load average over 1, 5 and 15 minutes, for a benchmark's header and footer
    (figures measured on a shared machine say how busy it was)."""
    return " ".join(f"{value:.2f}" for value in os.getloadavg())
