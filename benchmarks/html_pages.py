"""Score and time newscorpus's HTML pipeline on a benchmark's pages, beside other extractors.

Run from the repository root, on any of the three dev sets (scrapinghub, fundus, readability)::

    .venv/bin/python benchmarks/html_pages.py BENCH_DIR                 # scores, speed, memory
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --runs 5        # timed passes (default 5)
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --worst 10      # and the 10 worst pages
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --floor 0.95    # exit 1 when F1 < 0.95
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --max-empty 0   # ... or a body is empty
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --json          # machine-readable output
    .venv/bin/python benchmarks/html_pages.py BENCH_DIR --skip news-please  # leave one out

``BENCH_DIR`` is the benchmark folder (``ground-truth.json``, ``html/<id>.html.gz``; the three
layouts of ``ground-truth.json`` are read by ``_bench.load_truth``); nothing is written
anywhere. Every page is decompressed and handed over as its bytes, as a crawler has it:
newscorpus parses it with ``newscorpus.parse(payload, format="html")`` (decoding included) and
trafilatura, when the ``bench`` extra is installed (``pip install -e '.[bench]'``), with
``trafilatura.extract(payload, include_comments=False)`` and otherwise default settings.
``article.text`` (trafilatura's text) is scored against the page's ``articleBody`` with
``benchmarks/metric.py`` (4-word shingles, precision and recall macro-averaged over pages, F1
of the two averages).

Metadata, where the benchmark gives it (fundus, readability; not scrapinghub), is scored by exact
match after normalising, over the pages whose truth has a value for the field (``null`` is
skipped; an empty author list counts, and is matched by no authors):

- title: Unicode NFKC, case folded, typographic quotes and dashes made plain, whitespace
  collapsed.
- date: the calendar date as the page states it (``YYYY-MM-DD``, the first ten characters of
  the ISO form; no conversion between time zones) of the published date.
- authors: the set of names, each normalised as a title is. newscorpus keeps wire services in
  ``agency``, apart from ``authors``: an agency the page credits counts as a name where the
  truth lists it (under any of the agency's names: "Associated Press" for ``AP``).
  trafilatura's ``author`` string is split at ``;``. Readability's ``byline`` truth is one
  string, split into names by ``_bench.byline_names`` (a leading "By" dropped; commas, "and",
  "&").

trafilatura's outputs to score come from ``bare_extraction(payload, include_comments=False,
with_metadata=True)`` (the same text as ``extract``, with its metadata); its timed passes call
``extract`` as before. Also printed: the pages whose truth has 50 words or more and whose body
came out empty (for each system), and body F1 by language: the truth's language, else the
page's ``<html lang>``, as a two-letter code; de, en, es, fr and ja apart, the rest together.

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
import re
import resource
import statistics
import sys
import time
import tracemalloc
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from attrs import frozen

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
from newscorpus.metadata.agencies import agency_named

Extractor = Callable[[bytes], str]


@frozen
class Extraction:
    """What a system gives for one page: its text and, when it reads them, its metadata."""

    text: str
    has_metadata: bool = False
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None  # ISO form
    agency: str | None = None


Reader = Callable[[bytes], Extraction]


def parse_html(payload: bytes) -> str:
    """The article text newscorpus extracts from one page: the system under test."""
    return newscorpus.parse(payload, format="html").text


def read_html(payload: bytes) -> Extraction:
    """newscorpus's text and metadata of one page."""
    article = newscorpus.parse(payload, format="html")
    return Extraction(
        article.text,
        has_metadata=True,
        title=article.title,
        authors=article.authors,
        published=article.published.isoformat() if article.published else None,
        agency=article.agency,
    )


def _trafilatura_reader() -> Reader | None:
    """trafilatura's text and metadata (``bare_extraction``), or None when not installed."""
    try:
        trafilatura: Any = importlib.import_module("trafilatura")
    except ImportError:
        return None

    def read(payload: bytes) -> Extraction:
        document = trafilatura.bare_extraction(payload, include_comments=False, with_metadata=True)
        if document is None:
            return Extraction("", has_metadata=True)
        names = tuple(name.strip() for name in (document.author or "").split(";"))
        return Extraction(
            document.text or "",
            has_metadata=True,
            title=document.title,
            authors=tuple(name for name in names if name),
            published=document.date,
        )

    return read


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
            self._count(error)
            return ""

    def wrap(self, reader: Reader) -> Reader:
        """``reader``, counting its failures here and giving an empty extraction for them."""

        def read(payload: bytes) -> Extraction:
            try:
                return reader(payload)
            except Exception as error:
                self._count(error)
                return Extraction("", has_metadata=True)

        return read

    def _count(self, error: Exception) -> None:
        name = type(error).__name__
        self.failures[name] = self.failures.get(name, 0) + 1


#: The baselines, each built only when its package is installed.
BASELINES: dict[str, Callable[[], Extractor | None]] = {
    "trafilatura": _trafilatura,
    "newspaper4k": _newspaper4k,
    "news-please": _news_please,
}
#: The baselines whose metadata is scored too, by the reader that gives it.
METADATA_READERS: dict[str, Callable[[], Reader | None]] = {"trafilatura": _trafilatura_reader}
#: Languages whose body F1 is printed apart; the others are pooled as "other".
LANGUAGES = ("de", "en", "es", "fr", "ja")
#: A truth of this many words or more must not give an empty body.
NONEMPTY_WORDS = 50

_HTML_LANG = re.compile(rb"<html[^>]*?\slang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)
_QUOTES = str.maketrans(
    "\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb", '\'\'\'\'""""""'
)
_DASHES = re.compile(r"[\u2010-\u2015\u2212]")
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")


def normalise(text: str) -> str:
    """A title or name for exact matching: NFKC, case folded, plain quotes and dashes,
    whitespace collapsed.

    >>> normalise("  \u201cBig\u201d  News \u2014 Today ")
    '"big" news - today'
    """
    text = _DASHES.sub("-", unicodedata.normalize("NFKC", text).translate(_QUOTES))
    return " ".join(text.casefold().split())


def calendar_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a date's ISO form starts with, or None."""
    match = _DATE.match(value or "")
    return match.group(1) if match else None


def author_set(extraction: Extraction, truth: Sequence[str]) -> set[str]:
    """The names a system gives, normalised; its agency counts where the truth lists it."""
    names = {normalise(name) for name in extraction.authors}
    if extraction.agency:
        agency = normalise(extraction.agency)
        for name in truth:
            if agency_named(name) == extraction.agency or normalise(name) == agency:
                names.add(normalise(name))
    return names


def page_language(truth: Truth, payload: bytes) -> str:
    """The page's language bucket: the truth's, else the page's ``<html lang>``."""
    language = (truth.language or "").strip().lower()[:2]
    if not language:
        match = _HTML_LANG.search(payload, 0, 64 * 1024)
        language = match.group(1).decode("ascii").lower()[:2] if match else ""
    return language if language in LANGUAGES else "other"


@frozen
class Matches:
    """Exact-match counts of one metadata field: pages matched, pages scored."""

    hits: int
    pages: int

    @property
    def rate(self) -> float | None:
        """The share of scored pages matched, None when none was scored."""
        return self.hits / self.pages if self.pages else None


def metadata_matches(
    truth: Mapping[str, Truth], outputs: Mapping[str, Extraction]
) -> dict[str, Matches]:
    """Title, date and authors exact-match counts over the pages whose truth has the field."""
    tallies = {"title": [0, 0], "date": [0, 0], "authors": [0, 0]}
    for key, page in truth.items():
        got = outputs[key]
        checks: dict[str, bool] = {}
        if page.title is not None:
            checks["title"] = normalise(got.title or "") == normalise(page.title)
        if calendar_date(page.published) is not None:
            checks["date"] = calendar_date(got.published) == calendar_date(page.published)
        if page.authors is not None:
            expected = {normalise(name) for name in page.authors}
            checks["authors"] = author_set(got, page.authors) == expected
        for field, matched in checks.items():
            tallies[field][0] += matched
            tallies[field][1] += 1
    return {field: Matches(hits, pages) for field, (hits, pages) in tallies.items()}


def empty_bodies(truth: Mapping[str, Truth], outputs: Mapping[str, Extraction]) -> list[str]:
    """The pages whose truth has ``NONEMPTY_WORDS`` words or more and whose body is empty."""
    return [
        key
        for key, page in truth.items()
        if len(page.body.split()) >= NONEMPTY_WORDS and not outputs[key].text.strip()
    ]


def language_scores(
    counts: Mapping[str, PageCounts], languages: Mapping[str, str]
) -> dict[str, Scores]:
    """Body scores by language bucket (:data:`LANGUAGES`, then "other"), those with pages."""
    scores: dict[str, Scores] = {}
    for language in (*LANGUAGES, "other"):
        pages = {key: page for key, page in counts.items() if languages[key] == language}
        if pages:
            scores[language] = scores_of(pages)
    return scores


def load_pages(root: Any, ids: Sequence[str]) -> dict[str, bytes]:
    """The pages (``html/<id>.html.gz``), decompressed, by id."""
    pages: dict[str, bytes] = {}
    for key in ids:
        path = root / "html" / f"{key}.html.gz"
        if not path.is_file():
            raise SystemExit(f"missing page: {path}")
        pages[key] = gzip.decompress(path.read_bytes())
    return pages


def _reader(name: str, system: Extractor) -> Reader:
    """How a system's outputs to score are read: with metadata where it gives them."""
    if name == "newscorpus":
        return read_html
    build = METADATA_READERS.get(name)
    reader = build() if build is not None else None
    if reader is None:
        return lambda payload: Extraction(system(payload))
    if isinstance(system, Tolerant):
        return system.wrap(reader)
    return reader


def _outputs(name: str, reader: Reader, pages: Mapping[str, bytes]) -> dict[str, Extraction]:
    outputs: dict[str, Extraction] = {}
    for key, payload in pages.items():
        try:
            outputs[key] = reader(payload)
        except Exception as error:
            error.add_note(f"while running {name} on page {key}")
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
    parser.add_argument(
        "--max-empty",
        type=int,
        metavar="N",
        help=f"exit 1 when more than N pages whose truth has >= {NONEMPTY_WORDS} words "
        "come out with an empty body",
    )
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


def _rate(matches: Matches | None) -> str:
    if matches is None or matches.rate is None:
        return "     -"
    return f"{matches.rate:6.3f}"


def _print_languages(
    by_language: Mapping[str, Mapping[str, Scores]], languages: Mapping[str, str]
) -> None:
    buckets = [language for language in (*LANGUAGES, "other") if language in languages.values()]
    print(f"{'body F1 by language':<20}" + " ".join(f"{bucket:>6}" for bucket in buckets))
    counted = [sum(1 for value in languages.values() if value == bucket) for bucket in buckets]
    print(f"{'pages':<20}" + " ".join(f"{count:6d}" for count in counted))
    for name, scores in by_language.items():
        print(f"{name:<20}" + " ".join(f"{scores[bucket].f1:6.3f}" for bucket in buckets))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when F1 is below ``--floor`` or there are
    more empty bodies than ``--max-empty``)."""
    args = _arguments(argv)
    truth = load_truth(args.bench)
    pages = load_pages(args.bench, list(truth))
    payloads = list(pages.values())
    systems, missing = _systems(args)

    outputs = {
        name: _outputs(name, _reader(name, system), pages) for name, system in systems.items()
    }
    counts = {
        name: score_pages(truth, {key: got.text for key, got in extractions.items()})
        for name, extractions in outputs.items()
    }
    metadata = {
        name: metadata_matches(truth, extractions)
        for name, extractions in outputs.items()
        if all(got.has_metadata for got in extractions.values())
    }
    empty = {name: empty_bodies(truth, extractions) for name, extractions in outputs.items()}
    languages = {key: page_language(truth[key], payload) for key, payload in pages.items()}
    by_language = {name: language_scores(counts[name], languages) for name in systems}
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
        for name, fields in metadata.items():
            report["systems"][name]["metadata"] = {
                field: matches.rate for field, matches in fields.items()
            }
        for name, keys in empty.items():
            report["systems"][name]["empty_bodies"] = keys
            report["systems"][name]["f1_by_language"] = {
                language: scores.f1 for language, scores in by_language[name].items()
            }
        report["failed_pages"] = failed
        print(json.dumps(report, indent=2))
    else:
        print(f"{len(pages)} HTML pages of {args.bench}")
        print(
            f"{'':<12} {'P':>6} {'R':>6} {'F1':>6} {'ms/page':>8} {'peak MiB':>9} {'median':>9}"
            f"  {'title':>6} {'date':>6} {'author':>6} {'empty':>5}"
        )
        for name in systems:
            fields = metadata.get(name, {})
            note = (
                f"{_rate(fields.get('title'))} {_rate(fields.get('date'))} "
                f"{_rate(fields.get('authors'))} {len(empty[name]):5d}"
            )
            print(_row(name, scores_of(counts[name]), ms[name], memory[name], note))
        for name in missing:
            hint = "pip install -e '.[bench]'" if name == "trafilatura" else f"pip install {name}"
            print(f"{name:<12} not installed: {hint}")
        scored = metadata.get("newscorpus", {})
        if any(matches.pages for matches in scored.values()):
            print(
                "metadata pages scored: "
                + ", ".join(f"{field} {matches.pages}" for field, matches in scored.items())
                + f"; empty: bodies empty where the truth has >= {NONEMPTY_WORDS} words"
            )
        if empty["newscorpus"]:
            print("newscorpus empty bodies: " + ", ".join(empty["newscorpus"]))
        _print_languages(by_language, languages)
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

    return max(floor_status(scores_of(ours).f1, args.floor), _empty_status(empty, args))


def _empty_status(empty: Mapping[str, Sequence[str]], args: argparse.Namespace) -> int:
    """1 (saying why on stderr) when newscorpus gave more empty bodies than ``--max-empty``."""
    count = len(empty["newscorpus"])
    if args.max_empty is not None and count > args.max_empty:
        print(f"FAIL: {count} empty bodies, more than {args.max_empty}", file=sys.stderr)
        return 1
    return 0


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
