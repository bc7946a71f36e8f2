"""The cost of the pipeline plumbing of a corpus run, on dumps/s and HTML pages/s.

Run from the repository root::

    .venv/bin/python benchmarks/pipeline_plumbing.py BENCH_DIR [--runs 7]

``BENCH_DIR`` is the scrapinghub benchmark folder (``text/<id>.txt``, ``html/<id>.html.gz``).
A corpus run's workers turn each document into the line they send back. Two ways of doing
that are timed over the 181 dumps and, separately, the 181 pages:

* **before**: what a worker did before the runners took a pipeline: pick the parser, parse,
  build ``default_pipeline()`` for the document, run its steps, ``finish`` the article
  without a pipeline fingerprint, ``to_dict()``, encode the line;
* **now**: what a worker does now: :func:`~newscorpus.corpus.outcome_of` with the pipeline
  it was handed (built once per worker), through :func:`~newscorpus.parsing.parse_document`
  (size check, parser, pipeline), the record with the pipeline's fingerprint, and the encoded
  line with its statistics facts.

Both run in this process, interleaved (before, now, before, ... with the order swapped every
other run), with newscorpus's memo caches emptied before each pass, so that a busy spell of a
shared machine hits both alike; the medians are printed as documents per second, with
now / before (target: at least 0.97, at most 3 % slower).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import bench_dir, load_dumps, load_html, load_truth
from newscorpus._caches import clear_caches
from newscorpus.cleaning import default_pipeline
from newscorpus.cleaning.pipeline import finish
from newscorpus.corpus.origin import Origin, ReadDocument
from newscorpus.corpus.outcomes import outcome_of
from newscorpus.corpus.workers import _encode
from newscorpus.corpus.writers import encode_line
from newscorpus.formats import RawDocument, choose_parser

_TARGET = 0.97


def _before(documents: Sequence[ReadDocument]) -> None:
    for item in documents:
        draft = choose_parser(item.document).parse(item.document)
        for step in default_pipeline().steps:  # Pipeline.run as it was: no fingerprint
            draft.step = step.name
            step(draft)
        encode_line(finish(draft).to_dict())


def _now(documents: Sequence[ReadDocument]) -> None:
    pipeline = default_pipeline()
    for number, item in enumerate(documents):
        _encode(number, outcome_of(item, None, pipeline))


def _timed(
    work: Callable[[Sequence[ReadDocument]], None], documents: Sequence[ReadDocument]
) -> float:
    clear_caches()
    gc.collect()
    started = time.perf_counter()
    work(documents)
    return time.perf_counter() - started


def _compare(label: str, documents: Sequence[ReadDocument], runs: int) -> float:
    _now(documents)  # warm: language model, tables, imports
    timings: dict[str, list[float]] = {"before": [], "now": []}
    for run in range(runs):
        order = ("before", "now") if run % 2 == 0 else ("now", "before")
        for name in order:
            timings[name].append(_timed(_before if name == "before" else _now, documents))
    before = statistics.median(timings["before"])
    now = statistics.median(timings["now"])
    ratio = before / now
    print(
        f"{label}: before {len(documents) / before:6.1f} docs/s, now {len(documents) / now:6.1f} "
        f"docs/s, now/before speed {ratio:.3f} (target >= {_TARGET}; medians of {runs})"
    )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=bench_dir, help="the scrapinghub benchmark folder")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    ids = list(load_truth(args.bench))
    dumps = [
        ReadDocument(RawDocument(payload, source=key, format="dump"), Origin(key))
        for key, payload in load_dumps(args.bench, ids).items()
    ]
    pages = [
        ReadDocument(RawDocument(page, source=key, format="html"), Origin(key))
        for key, page in load_html(args.bench, ids).items()
    ]
    _compare("dumps", dumps, args.runs)
    _compare("HTML pages", pages, args.runs)


if __name__ == "__main__":
    main()
