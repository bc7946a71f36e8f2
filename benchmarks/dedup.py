"""Figures of corpus deduplication: precision and recall, time and peak memory at 100,000 documents.

Run from the repository root::

    .venv/bin/python benchmarks/dedup.py BENCH_DIR                    # 100,000 documents, 3 runs
    .venv/bin/python benchmarks/dedup.py BENCH_DIR --documents 5000 --runs 1   # a quick check

``BENCH_DIR`` is the scrapinghub benchmark folder (``ground-truth.json``, ``text/<id>.txt``).
Nothing is written anywhere: the corpus is generated in memory, one document at a time, twice
(the two passes of :func:`newscorpus.find_duplicates` and ``DedupResult.annotate``).

The labelled synthetic corpus. The benchmark's article bodies of at least ``MIN_WORDS`` words are
split into sentences. A *text* is a run of 60 % to 100 % of one body's sentences (at most
``MAX_WORDS`` words), paraphrased: each word is dropped or swapped with the next with a small
probability, with a seed of its own, so two texts made from one body share their topic and most
of their words but few 5-word shingles. Texts of one body are the *topic negatives* of each
other: different documents on one subject, which must be neither duplicates nor syndicated
copies. Each text is published by one outlet as an *original*, and then, each with a fixed
probability:

* duplicates, on the same outlet: a second capture (another URL, the same body), a capture with
  one to three lines of other pages' chrome (lines of the benchmark's Chromium dumps that are not
  in their page's body) at the top or bottom, a capture with one to three small edits (a word
  changed, dropped or added), a capture cut at a paywall (25 % to 70 % of its paragraphs kept,
  ``truncated`` set);
* syndicated copies, on one to three other outlets: the text with its first paragraph dropped or
  replaced by another text's, or the first two paragraphs swapped, or the last dropped, some
  also cut at a paywall or given chrome; one copy in two credits an agency.

True duplicate pairs are the pairs of documents of one text on one outlet; true syndication
pairs are the pairs of documents of one text published by more than one outlet. A predicted
pair shares ``duplicate_of`` (or is the canonical and its duplicate), or a
``syndication_group``. Precision and recall are over pairs.

Time and memory: each run is a fresh interpreter (this script with ``--child``) that generates
the corpus and deduplicates it (both passes, stories included); the time is the wall-clock of
the two passes and the grouping, without the time to generate the documents (measured by a
generation-only pass and subtracted; it is printed too), and the peak memory is the process's
``ru_maxrss``. The medians of ``--runs`` runs are printed. Targets: both precision and recall
at least 0.98; at most 120 s and 1 GB for 100,000 documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import frozen

import newscorpus
from newscorpus import Article, Block, DedupSettings, ParserInfo
from newscorpus.cleaning.pipeline import article_id

#: Bodies shorter than this many words make no texts (a 20-word body is a teaser, not a story).
MIN_WORDS = 120
#: A text holds at most this many words.
MAX_WORDS = 1200
#: The probability that a word of a text is dropped, and that it is swapped with the next.
PARAPHRASE_DROP = 0.12
PARAPHRASE_SWAP = 0.12
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[\"“'‘(A-Z0-9])")
_AGENCIES = ("AFP", "AP", "Reuters", "dpa", "ANSA")
_OUTLETS = 400
_PARSER = ParserInfo("synthetic", "1")


@frozen
class Label:
    """The truth of one document: its text and its outlet."""

    text: int
    outlet: int


@frozen
class Sources:
    """What the corpus is made of: bodies as sentence lists, and chrome lines."""

    bodies: tuple[tuple[str, ...], ...]
    chrome: tuple[str, ...]


def load_sources(root: Path) -> Sources:
    """The sentences of every long enough body, and the chrome lines of every dump."""
    raw = json.loads((root / "ground-truth.json").read_text("utf-8"))
    bodies: list[tuple[str, ...]] = []
    chrome: set[str] = set()
    for key in sorted(raw):
        body = str(raw[key].get("articleBody", ""))
        if len(body.split()) >= MIN_WORDS:
            sentences = [s.strip() for line in body.splitlines() for s in _SENTENCE.split(line)]
            bodies.append(tuple(s for s in sentences if s))
        dump = root / "text" / f"{key}.txt"
        if dump.is_file():
            for raw_line in dump.read_text("utf-8", errors="replace").splitlines():
                line = raw_line.strip()
                if 1 <= len(line.split()) <= 15 and line not in body:
                    chrome.add(line)
    return Sources(tuple(bodies), tuple(sorted(chrome)))


def paraphrase(sentences: Sequence[str], rng: random.Random) -> list[str]:
    """Paragraphs of two to four sentences, each word dropped or swapped now and then."""
    paragraphs: list[str] = []
    index = 0
    while index < len(sentences):
        size = rng.randint(2, 4)
        words = " ".join(sentences[index : index + size]).split()
        index += size
        out: list[str] = []
        position = 0
        while position < len(words):
            roll = rng.random()
            if roll < PARAPHRASE_DROP:
                position += 1
                continue
            if roll < PARAPHRASE_DROP + PARAPHRASE_SWAP and position + 1 < len(words):
                out += [words[position + 1], words[position]]
                position += 2
                continue
            out.append(words[position])
            position += 1
        if out:
            paragraphs.append(" ".join(out))
    return paragraphs


def edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    """One to three small edits: a word changed, dropped or added."""
    result = list(paragraphs)
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(result))
        words = result[at].split()
        spot = rng.randrange(len(words))
        kind = rng.randrange(3)
        if kind == 0:
            words[spot] = words[spot].upper() + "s"
        elif kind == 1 and len(words) > 1:
            del words[spot]
        else:
            words.insert(spot, "reportedly")
        result[at] = " ".join(words)
    return result


def truncate(paragraphs: list[str], rng: random.Random) -> list[str]:
    """The first 25 % to 70 % of the paragraphs (at least two, and at least ``MIN_WORDS / 2``
    words when the text has them: a paywall leaves a lead, not a line)."""
    keep = max(2, round(len(paragraphs) * rng.uniform(0.25, 0.7)))
    while keep < len(paragraphs) and sum(len(p.split()) for p in paragraphs[:keep]) < MIN_WORDS / 2:
        keep += 1
    return paragraphs[:keep]


def add_chrome(paragraphs: list[str], chrome: Sequence[str], rng: random.Random) -> list[str]:
    """One to three chrome lines at the top or at the bottom."""
    lines = [rng.choice(chrome) for _ in range(rng.randint(1, 3))]
    return lines + paragraphs if rng.random() < 0.5 else paragraphs + lines


def rework(paragraphs: list[str], intro: str, rng: random.Random) -> list[str]:
    """Another outlet's cut: first paragraph dropped or replaced, first two swapped, or the
    last dropped."""
    if len(paragraphs) < 3:
        return list(paragraphs)
    kind = rng.randrange(4)
    if kind == 0:
        return paragraphs[1:]
    if kind == 1:
        return [intro, *paragraphs[1:]]
    if kind == 2:
        return [paragraphs[1], paragraphs[0], *paragraphs[2:]]
    return paragraphs[:-1]


def documents(sources: Sources, count: int, seed: int) -> Iterator[tuple[Article, Label]]:
    """``count`` labelled documents, the same ones for the same arguments."""
    rng = random.Random(seed)
    made = 0
    text = 0
    start = 1_700_000_000.0
    while made < count:
        body = sources.bodies[text % len(sources.bodies)]
        text_rng = random.Random(f"{seed}:{text}")
        share = text_rng.uniform(0.6, 1.0)
        first = text_rng.randrange(0, max(1, round(len(body) * (1 - share))) + 1)
        chosen: list[str] = []
        words = 0
        for sentence in body[first:]:
            if words >= MAX_WORDS or len(chosen) >= round(len(body) * share):
                break
            chosen.append(sentence)
            words += len(sentence.split())
        paragraphs = paraphrase(chosen, text_rng)
        outlet = rng.randrange(_OUTLETS)
        moment = start + rng.uniform(0, 365 * 86400)
        agency = rng.choice(_AGENCIES) if rng.random() < 0.5 else None
        variants: list[tuple[list[str], int, bool, str | None]] = [
            (paragraphs, outlet, False, None)
        ]
        if rng.random() < 0.25:
            variants.append((paragraphs, outlet, False, None))
        if rng.random() < 0.25:
            variants.append((add_chrome(paragraphs, sources.chrome, rng), outlet, False, None))
        if rng.random() < 0.25:
            variants.append((edit(paragraphs, rng), outlet, False, None))
        if rng.random() < 0.25:
            variants.append((truncate(paragraphs, rng), outlet, True, None))
        if rng.random() < 0.4:
            others = rng.sample([o for o in range(_OUTLETS) if o != outlet], rng.randint(1, 3))
            for other in others:
                intro = " ".join(
                    paraphrase(
                        [rng.choice(sources.bodies[rng.randrange(len(sources.bodies))])], rng
                    )
                )
                copy = rework(paragraphs, intro, rng)
                cut = rng.random() < 0.3
                if cut:
                    copy = truncate(copy, rng)
                if rng.random() < 0.3:
                    copy = add_chrome(copy, sources.chrome, rng)
                variants.append((copy, other, cut, agency if rng.random() < 0.5 else None))
        for number, (body_paragraphs, where, cut, credit) in enumerate(variants):
            if made >= count:
                return
            url = f"https://outlet{where}.example/{text}/{number}"
            blocks = tuple(Block("paragraph", p) for p in body_paragraphs)
            body_text = "\n\n".join(p for p in body_paragraphs)
            published = moment + rng.uniform(0, 2 * 86400)
            article = Article(
                id=article_id(url, None, body_text),
                blocks=blocks,
                parser=_PARSER,
                url=url,
                site_name=f"Outlet {where}",
                agency=credit,
                language="en",
                truncated=cut,
                published=_datetime(published) if rng.random() < 0.9 else None,
            )
            yield article, Label(text, where)
            made += 1
        text += 1


def _datetime(seconds: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(round(seconds), tz=dt.UTC)


def pair_scores(
    predicted: Sequence[str | None], truth: Sequence[object | None]
) -> tuple[float, float]:
    """Precision and recall over pairs: two documents pair when they share a (non-None) key."""

    def pairs(counts: Counter[object]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    both = pairs(Counter((p, t) for p, t in zip(predicted, truth, strict=True) if p and t))
    found = pairs(Counter(p for p in predicted if p))
    true = pairs(Counter(t for t in truth if t))
    return (both / found if found else 1.0), (both / true if true else 1.0)


def child(root: Path, count: int, seed: int) -> dict[str, float]:
    """One run in this process: generate, time both passes, score; return the figures."""
    sources = load_sources(root)
    started = time.perf_counter()
    labels = [label for _, label in documents(sources, count, seed)]
    generation = time.perf_counter() - started

    started = time.perf_counter()
    result = newscorpus.find_duplicates(
        (article for article, _ in documents(sources, count, seed)), DedupSettings()
    )
    annotated = [
        (a.id, a.duplicate_of, a.syndication_group.id if a.syndication_group else None)
        for a in result.annotate(article for article, _ in documents(sources, count, seed))
    ]
    elapsed = time.perf_counter() - started - 2 * generation

    outlets_of_text: dict[int, set[int]] = {}
    for label in labels:
        outlets_of_text.setdefault(label.text, set()).add(label.outlet)
    duplicate_truth = [(label.text, label.outlet) for label in labels]
    duplicate_pred = [dup or own for own, dup, _ in annotated]
    syndication_truth = [
        label.text if len(outlets_of_text[label.text]) > 1 else None for label in labels
    ]
    syndication_pred = [group for _, _, group in annotated]
    dup_p, dup_r = pair_scores(duplicate_pred, duplicate_truth)
    syn_p, syn_r = pair_scores(syndication_pred, syndication_truth)
    return {
        "documents": count,
        "texts": len(outlets_of_text),
        "seconds": elapsed,
        "generation_seconds": generation,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "duplicate_precision": dup_p,
        "duplicate_recall": dup_r,
        "syndication_precision": syn_p,
        "syndication_recall": syn_r,
        "stories": result.stories,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("bench_dir", type=Path, help="the scrapinghub benchmark folder")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.bench_dir, args.documents, args.seed)))
        return 0
    runs = []
    for _ in range(max(1, args.runs)):
        output = subprocess.run(
            [sys.executable, __file__, str(args.bench_dir), "--child",
             "--documents", str(args.documents), "--seed", str(args.seed)],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        runs.append(json.loads(output.strip().splitlines()[-1]))
    first = runs[0]
    seconds = statistics.median(run["seconds"] for run in runs)
    peak = statistics.median(run["peak_mb"] for run in runs)
    print(f"documents: {first['documents']:,} ({first['texts']:,} texts), runs: {len(runs)}")
    for what in ("duplicate", "syndication"):
        print(
            f"{what:12} precision {first[what + '_precision']:.4f}  "
            f"recall {first[what + '_recall']:.4f}"
        )
    print(f"stories: {first['stories']:,}")
    print(
        f"time (median): {seconds:.1f} s (generation, subtracted: "
        f"{statistics.median(run['generation_seconds'] for run in runs):.1f} s per pass)"
    )
    print(f"peak memory (median ru_maxrss): {peak:.0f} MB")
    scores = [
        first[f"{w}_{m}"] for w in ("duplicate", "syndication") for m in ("precision", "recall")
    ]
    ok = min(scores) >= 0.98
    if first["documents"] >= 100_000:
        ok = ok and seconds <= 120 and peak <= 1024
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
