"""Score and time newscorpus's HTML pipeline on the scrapinghub pages, beside other extractors.

Run from the repository root::

    .venv/bin/python benchmarks/html_pages.py BENCH_DIR                 # scores, speed, memory
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --runs 5        # timed passes (default 5)
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --worst 10      # and the 10 worst pages
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --floor 0.95    # exit 1 when F1 < 0.95
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --json          # machine-readable output
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --skip news-please  # leave one out

``BENCH_DIR`` is the benchmark folder (``ground-truth.json``, ``html/<id>.html.gz``); nothing is
written anywhere. Every page is decompressed and handed over as its bytes, as a crawler has
it: newscorpus parses it with ``newscorpus.parse(payload, format="html")`` (decoding included)
and trafilatura, when the ``bench`` extra is installed (``pip install -e '.[bench]'``), with
``trafilatura.extract(payload, include_comments=False)`` and otherwise default settings.
``article.text`` (trafilatura's text) is scored against the page's ``articleBody`` with
``benchmarks/metric.py`` (4-word shingles, precision and recall macro-averaged over pages, F1
of the two averages).

Two more baselines run when installed (neither is needed by CI, nor declared by any extra:
``pip install newspaper4k news-please`` into a separate environment, as they pin their own
dependencies): newspaper4k (``Article(url).download(input_html=...)`` then ``parse()``, its
``text``) and news-please (``NewsPlease.from_html(html, fetch_images=False)``, its
``maintext``). Both take text, not bytes: each page is decoded for them with w3lib's
``html_to_unicode``, which is what their own download paths use. No system is given the
page's URL, and none touches the network.

Speed: after one untimed pass of each system (which gives the outputs to score), ``--runs``
timed passes of each, interleaved (ours, then each baseline's, in turn), each with the garbage
collector off and newscorpus's memo caches emptied; the medians are printed as milliseconds a
page, with the ratio ours/trafilatura (below 1: newscorpus is faster). Interleaving in one
process makes the ratio comparable across machines where the milliseconds are not.

Memory: the peak of Python's heap (``tracemalloc``) while one page is parsed, the largest and
the median over the pages, in an untimed pass of each system; lxml's own C allocations (the
tree, which both systems build) are not Python's and are not counted. The process's peak
resident size is printed too.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import importlib
import json
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import newscorpus
from _bench import (
    Truth,
    bench_dir,
    floor_status,
    format_worst,
    load_truth,
    page_f1,
    score_pages,
    scores_of,
    worst_pages,
)
from metric import PageCounts, Scores
from newscorpus._caches import clear_caches

Extractor = Callable[[bytes], str]


def parse_html(payload: bytes) -> str:
    """The article text newscorpus extracts from one page: the system under test."""
    return newscorpus.parse(payload, format="html").text


def _trafilatura() -> Extractor | None:
    """trafilatura's extractor with default settings, or None when it is not installed.

    Imported at run time so that mypy passes with or without the ``bench`` extra.
    """
    try:
        trafilatura: Any = importlib.import_module("trafilatura")
    except ImportError:
        return None

    def extract(payload: bytes) -> str:
        text: str | None = trafilatura.extract(payload, include_comments=False)
        return text or ""

    return extract


def _decode_like_a_crawler() -> Callable[[bytes], str] | None:
    """w3lib's decoding (BOM, then the declared charset, then detection), or None."""
    try:
        encoding: Any = importlib.import_module("w3lib.encoding")
    except ImportError:
        return None

    def decode(payload: bytes) -> str:
        text: str = encoding.html_to_unicode(None, payload)[1]
        return text

    return decode


def _newspaper4k() -> Extractor | None:
    """newspaper4k's article text (no images, no NLP), or None when it is not installed."""
    decode = _decode_like_a_crawler()
    try:
        newspaper: Any = importlib.import_module("newspaper")
        importlib.import_module("newspaper.article")
    except ImportError:
        return None
    if decode is None or not hasattr(newspaper, "Article"):
        return None

    def extract(payload: bytes) -> str:
        article = newspaper.Article("https://example.invalid/", fetch_images=False)
        article.download(input_html=decode(payload))
        article.parse()
        return str(article.text or "")

    return extract


def _news_please() -> Extractor | None:
    """news-please's ``maintext`` from ``NewsPlease.from_html``, or None when not installed."""
    decode = _decode_like_a_crawler()
    try:
        newsplease: Any = importlib.import_module("newsplease")
    except ImportError:
        return None
    if decode is None:
        return None

    def extract(payload: bytes) -> str:
        article = newsplease.NewsPlease.from_html(decode(payload), fetch_images=False)
        return str(getattr(article, "maintext", None) or "")

    return extract


class Tolerant:
    """A baseline that returns no text for a page it raises on, and counts those pages by the
    exception's type (newspaper4k raises on Korean pages without NLTK's downloaded data)."""

    def __init__(self, extract: Extractor) -> None:
        self.extract = extract
        self.failures: dict[str, int] = {}

    def __call__(self, payload: bytes) -> str:
        try:
            return self.extract(payload)
        except Exception as error:
            name = type(error).__name__
            self.failures[name] = self.failures.get(name, 0) + 1
            return ""


#: The baselines, each built only when its package is installed.
BASELINES: dict[str, Callable[[], Extractor | None]] = {
    "trafilatura": _trafilatura,
    "newspaper4k": _newspaper4k,
    "news-please": _news_please,
}


def load_pages(root: Any, ids: Sequence[str]) -> dict[str, bytes]:
    """The pages (``html/<id>.html.gz``), decompressed, by id."""
    pages: dict[str, bytes] = {}
    for key in ids:
        path = root / "html" / f"{key}.html.gz"
        if not path.is_file():
            raise SystemExit(f"missing page: {path}")
        pages[key] = gzip.decompress(path.read_bytes())
    return pages


def _outputs(system: Extractor, pages: Mapping[str, bytes]) -> dict[str, str]:
    outputs: dict[str, str] = {}
    for key, payload in pages.items():
        try:
            outputs[key] = system(payload)
        except Exception as error:
            error.add_note(f"while running {getattr(system, '__name__', system)} on page {key}")
            raise
    return outputs


def _timed_pass(system: Extractor, payloads: Sequence[bytes]) -> float:
    clear_caches()  # time text seen for the first time, not memoised answers
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        for payload in payloads:
            system(payload)
        return time.perf_counter() - start
    finally:
        gc.enable()


def _memory(system: Extractor, payloads: Sequence[bytes]) -> tuple[float, float]:
    """The largest and the median peak of Python's heap while one page is parsed, in MiB."""
    peaks: list[float] = []
    tracemalloc.start()
    try:
        for payload in payloads:
            tracemalloc.reset_peak()
            base = tracemalloc.get_traced_memory()[0]
            system(payload)
            peaks.append((tracemalloc.get_traced_memory()[1] - base) / 2**20)
    finally:
        tracemalloc.stop()
    return max(peaks), statistics.median(peaks)


def _row(name: str, scores: Scores, ms: float, memory: tuple[float, float], note: str = "") -> str:
    return (
        f"{name:<12} {scores.precision:6.3f} {scores.recall:6.3f} {scores.f1:6.3f} "
        f"{ms:8.2f} {memory[0]:9.1f} {memory[1]:9.2f}  {note}"
    ).rstrip()


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument("--runs", type=int, default=5, help="timed passes (default 5)")
    parser.add_argument("--floor", type=float, help="exit 1 when F1 is below this")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="list the K worst pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--no-trafilatura", action="store_true", help="skip trafilatura even when installed"
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=sorted(BASELINES),
        help="skip this baseline even when installed (repeatable)",
    )
    parser.add_argument(
        "--no-baselines", action="store_true", help="run newscorpus alone (what CI needs)"
    )
    return parser.parse_args(argv)


def _systems(args: argparse.Namespace) -> tuple[dict[str, Extractor], list[str]]:
    """newscorpus and the baselines asked for: those installed, and the names of the others."""
    skipped = set(BASELINES) if args.no_baselines else set(args.skip)
    if args.no_trafilatura:
        skipped.add("trafilatura")
    systems: dict[str, Extractor] = {"newscorpus": parse_html}
    missing: list[str] = []
    for name, build in BASELINES.items():
        if name in skipped:
            continue
        extractor = build()
        if extractor is None:
            missing.append(name)
        else:
            systems[name] = Tolerant(extractor)
    return systems, missing


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when F1 is below ``--floor``)."""
    args = _arguments(argv)
    truth = load_truth(args.bench)
    pages = load_pages(args.bench, list(truth))
    payloads = list(pages.values())
    systems, missing = _systems(args)

    counts = {name: score_pages(truth, _outputs(system, pages)) for name, system in systems.items()}
    failed = {  # pages each baseline raised on, in the scored pass
        name: dict(system.failures)
        for name, system in systems.items()
        if isinstance(system, Tolerant)
    }
    times: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(max(1, args.runs)):
        for name, system in systems.items():
            times[name].append(_timed_pass(system, payloads))
    ms = {name: statistics.median(values) * 1000 / len(payloads) for name, values in times.items()}
    memory = {name: _memory(system, payloads) for name, system in systems.items()}
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    ours = counts["newscorpus"]
    ratios = {name: ms["newscorpus"] / ms[name] for name in systems if name != "newscorpus"}

    if args.json:
        report = _as_json(counts, ms, memory, ratios, truth=truth, worst=args.worst)
        report["failed_pages"] = failed
        print(json.dumps(report, indent=2))
    else:
        print(f"{len(pages)} HTML pages of {args.bench}")
        print(f"{'':<12} {'P':>6} {'R':>6} {'F1':>6} {'ms/page':>8} {'peak MiB':>9} {'median':>9}")
        for name in systems:
            print(_row(name, scores_of(counts[name]), ms[name], memory[name]))
        for name in missing:
            hint = "pip install -e '.[bench]'" if name == "trafilatura" else f"pip install {name}"
            print(f"{name:<12} not installed: {hint}")
        for name, errors in failed.items():
            if errors:
                listed = ", ".join(f"{count} {error}" for error, count in errors.items())
                print(f"{name} raised on {sum(errors.values())} pages ({listed}): scored as empty")
        for name, ratio in ratios.items():
            print(f"time ratio newscorpus / {name}: {ratio:.2f} (below 1: ours is faster)")
        print(
            f"speed: median of {max(1, args.runs)} interleaved timed pass(es) over every page "
            f"(bytes in, decoding included); memory: peak of Python's heap while one page is "
            f"parsed (largest, median), lxml's C allocations not counted; process peak RSS "
            f"{rss:.0f} MiB"
        )
        if args.worst > 0:
            print(f"\n{args.worst} worst pages:\n{format_worst(ours, truth, args.worst)}")

    return floor_status(scores_of(ours).f1, args.floor)


def _as_json(
    counts: Mapping[str, Mapping[str, PageCounts]],
    ms: Mapping[str, float],
    memory: Mapping[str, tuple[float, float]],
    ratios: Mapping[str, float],
    *,
    truth: Mapping[str, Truth],
    worst: int,
) -> dict[str, Any]:
    systems: dict[str, Any] = {}
    for name, pages in counts.items():
        scores = scores_of(pages)
        systems[name] = {
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "pages": scores.pages,
            "ms_per_page": ms[name],
            "peak_heap_mib": memory[name][0],
            "median_peak_heap_mib": memory[name][1],
        }
    return {
        "systems": systems,
        "time_ratio_newscorpus_to_trafilatura": ratios.get("trafilatura"),
        "time_ratios_newscorpus_to": dict(ratios),
        "worst": [
            {
                "id": key,
                "url": truth[key].url,
                "precision": page.precision,
                "recall": page.recall,
                "f1": page_f1(page),
            }
            for key, page in worst_pages(counts["newscorpus"], worst)
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
