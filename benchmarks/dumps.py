"""Score and time newscorpus's dump pipeline on the scrapinghub benchmark's Chromium dumps.

Run from the repository root::

    .venv/bin/python benchmarks/dumps.py BENCH_DIR                 # scores and speed
    .venv/bin/python benchmarks/dumps.py BENCH_DIR --baselines     # and the baselines
    .venv/bin/python benchmarks/dumps.py BENCH_DIR --worst 10      # and the 10 worst pages
    .venv/bin/python benchmarks/dumps.py BENCH_DIR --floor 0.8     # exit 1 when F1 < 0.8
    .venv/bin/python benchmarks/dumps.py BENCH_DIR --json          # machine-readable output

``BENCH_DIR`` is the benchmark folder (``ground-truth.json``, ``text/<id>.txt``); nothing is
written anywhere. Every dump is parsed with ``newscorpus.parse(text, format="dump")`` and
``article.text`` is scored against the page's ``articleBody`` with ``benchmarks/metric.py``
(4-word shingles, precision and recall macro-averaged over pages, F1 of the two averages).

Speed is dumps per second on one core: the median of ``--runs`` timed passes (default 5) over
all dumps, after one untimed warm-up pass; only the ``parse`` calls are timed. Raw dumps/s
depends on the machine, so the ``x ref`` column also gives the pass's cost in units of a
reference pass measured in the same process, interleaved with the timed passes: decoding every
dump from UTF-8 bytes and splitting it into lines and words (``_bench.reference_pass``). Compare
that ratio across machines and runs; compare dumps/s only on one machine.

``--baselines`` adds, on the same dumps: the whole dump kept; the "five-line rule" (keep the
lines of ten or more words that end like a sentence); and, when the ``bench`` extra is
installed (``pip install -e '.[bench]'``), jusText (stoplist of the dump's detected language)
and trafilatura (default settings), each run on the dump's lines wrapped one ``<p>`` a line in
a minimal HTML page. Their speed is one timed pass each, including the wrapping (and, for
jusText, detecting the language).
"""

from __future__ import annotations

import argparse
import html
import importlib
import json
import re
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import py3langid

from _bench import (
    Result,
    Truth,
    bench_dir,
    floor_status,
    format_results,
    format_worst,
    load_dumps,
    load_truth,
    measure,
    page_f1,
    parse_dump,
    result_json,
    score_pages,
    scores_of,
    worst_pages,
)
from metric import PageCounts

#: A line "ends like a sentence": final punctuation, then maybe closing quotes or brackets.
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"’”»)\]]*$")
#: The five-line rule's minimum number of words.
_MIN_WORDS = 10
#: jusText stoplists for the languages py3langid names (others fall back to English).
_JUSTEXT_LANGUAGES = {
    "de": "German",
    "en": "English",
    "es": "Spanish",
    "fr": "French",
    "id": "Indonesian",
    "it": "Italian",
    "nl": "Dutch",
    "pl": "Polish",
    "pt": "Portuguese",
    "ru": "Russian",
}


def five_line_rule(text: str) -> str:
    """Keep the lines of ten or more words that end like a sentence."""
    return "\n".join(
        line.strip()
        for line in text.splitlines()
        if len(line.split()) >= _MIN_WORDS and _SENTENCE_END.search(line.rstrip())
    )


def lines_as_html(text: str) -> str:
    """A minimal HTML page with each non-empty line of the dump as a ``<p>``."""
    paragraphs = "".join(
        f"<p>{html.escape(line.strip())}</p>\n" for line in text.splitlines() if line.strip()
    )
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head>'
        f"<body>\n{paragraphs}</body></html>"
    )


def _optional(module: str) -> Any:
    """An optional tool of the ``bench`` extra, or ``None`` when it is not installed.

    Imported at run time so that mypy passes with or without the extra.
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


def _justext() -> Callable[[str], str] | None:
    justext = _optional("justext")
    if justext is None:
        return None
    stoplists: dict[str, frozenset[str]] = {}

    def run(text: str) -> str:
        language = _JUSTEXT_LANGUAGES.get(py3langid.classify(text)[0], "English")
        if language not in stoplists:
            stoplists[language] = justext.get_stoplist(language)
        paragraphs = justext.justext(lines_as_html(text), stoplists[language])
        return "\n\n".join(p.text for p in paragraphs if not p.is_boilerplate)

    return run


def _trafilatura() -> Callable[[str], str] | None:
    trafilatura = _optional("trafilatura")
    if trafilatura is None:
        return None

    def run(text: str) -> str:
        extracted: str | None = trafilatura.extract(lines_as_html(text), include_comments=False)
        return extracted or ""

    return run


def _baselines(
    truth: Mapping[str, Truth], texts: Mapping[str, str], payloads: Sequence[bytes]
) -> list[Result]:
    """Score the baselines on the same dumps (one timed pass each, except the whole dump)."""
    systems: list[tuple[str, Callable[[str], str] | None]] = [
        ("five-line rule", five_line_rule),
        ("jusText on lines", _justext()),
        ("trafilatura on lines", _trafilatura()),
    ]
    whole = score_pages(truth, texts)
    results = [Result("whole dump", scores_of(whole))]
    for name, system in systems:
        if system is None:
            results.append(Result(name, None, note="not installed: pip install -e '.[bench]'"))
            continue
        outputs, speed = measure(system, texts, payloads, runs=1)
        counts = score_pages(truth, outputs)
        results.append(Result(name, scores_of(counts), speed))
    return results


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when F1 is below ``--floor``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument("--runs", type=int, default=5, help="timed passes (default 5)")
    parser.add_argument("--floor", type=float, help="exit 1 when F1 is below this")
    parser.add_argument("--baselines", action="store_true", help="also score the baselines")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="list the K worst pages")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    truth = load_truth(args.bench)
    raw = load_dumps(args.bench, list(truth))
    texts = {key: payload.decode("utf-8", errors="replace") for key, payload in raw.items()}
    payloads = list(raw.values())

    outputs, speed = measure(parse_dump, texts, payloads, args.runs)
    counts = score_pages(truth, outputs)
    ours = Result("newscorpus", scores_of(counts), speed)
    _, warm = measure(parse_dump, texts, payloads, args.runs, first_touch=False)
    baselines = _baselines(truth, texts, payloads) if args.baselines else []

    if args.json:
        print(json.dumps(_as_json(ours, baselines, counts, truth, args.worst), indent=2))
    else:
        print(f"{len(texts)} Chromium dumps of {args.bench}")
        print(format_results([ours, *baselines]))
        print(
            f"speed: median of {speed.runs} timed pass(es), {speed.seconds:.3f} s a pass, "
            f"reference pass {speed.reference * 1000:.1f} ms; every pass starts with empty memo "
            f"caches (text seen for the first time)"
        )
        print(
            f"with memo caches kept across passes (lines seen before, as a site's chrome is in "
            f"a corpus): {warm.per_second:.1f} dumps/s, x ref {warm.ratio:.1f}"
        )
        if args.worst > 0:
            print(f"\n{args.worst} worst pages:\n{format_worst(counts, truth, args.worst)}")

    return floor_status(scores_of(counts).f1, args.floor)


def _as_json(
    ours: Result,
    baselines: list[Result],
    counts: Mapping[str, PageCounts],
    truth: Mapping[str, Truth],
    worst: int,
) -> dict[str, Any]:
    return {
        "newscorpus": result_json(ours),
        "baselines": {result.name: result_json(result) for result in baselines},
        "worst": [
            {
                "id": key,
                "url": truth[key].url,
                "precision": page.precision,
                "recall": page.recall,
                "f1": page_f1(page),
            }
            for key, page in worst_pages(counts, worst)
        ],
    }


if __name__ == "__main__":
    sys.exit(main())
