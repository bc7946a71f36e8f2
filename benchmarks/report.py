"""Figures of ``newscorpus report``: time and peak memory to report on a 100,000-document corpus.

Run from the repository root::

    .venv/bin/python benchmarks/report.py BENCH_DIR                      # 100,000 documents
    .venv/bin/python benchmarks/report.py BENCH_DIR --documents 10000 --runs 1   # a quick check

``BENCH_DIR`` is the scrapinghub benchmark folder (``text/<id>.txt``). Its 181 dumps are parsed
once; the corpus is then ``--documents`` records made from them, as a corpus run writes them
(JSON Lines): record *i* is dump ``i % 181``'s record with its own id, one of 300 sites, a
published date spread over 36 months, a story shared with about four other records and, for
one record in six, a syndication group naming one of five agencies, so that every chart and
table of the report has something to show. The corpus is written to a temporary folder,
deleted at the end; nothing is written into the benchmark or the repository.

Each of ``--runs`` runs builds the report in a fresh interpreter (this script with an internal
``--child`` flag), which prints its wall time (reading, counting, charts, writing) and its peak
resident memory (``ru_maxrss``); the medians are printed with the targets (at most 120 s and
500 MB for 100,000 documents).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bench import bench_dir, load_dumps, load_truth

_AGENCIES = ("AFP", "AP", "Reuters", "dpa", "ANSA")
_TARGET_SECONDS = 120.0
_TARGET_MB = 500.0


def _records(root: Path) -> list[dict[str, Any]]:
    import newscorpus

    dumps = load_dumps(root, list(load_truth(root)))
    return [
        newscorpus.parse(payload, format="dump", url=f"https://example.org/{key}").to_dict()
        for key, payload in dumps.items()
    ]


def build_corpus(root: Path, documents: int, path: Path) -> int:
    """Write the synthetic corpus to ``path``; return its size in bytes."""
    base = _records(root)
    with path.open("w", encoding="utf-8") as stream:
        for number in range(documents):
            record = dict(base[number % len(base)])
            month = number % 36
            record["id"] = f"{number:016x}"
            record["site_name"] = f"site-{number % 300:03d}.example"
            record["published"] = f"{2022 + month // 12}-{month % 12 + 1:02d}-15T08:00:00+00:00"
            record["story"] = f"story-{number // 5:06d}"
            if number % 6 == 0:
                agency = _AGENCIES[number // 6 % len(_AGENCIES)]
                record["syndication_group"] = {"id": f"group-{number // 18:06d}", "agency": agency}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path.stat().st_size


def _child(corpus: Path, output: Path) -> None:
    from newscorpus.report import write_report

    started = time.perf_counter()
    write_report(corpus, output)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "peak_mb": peak_mb}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bench", type=bench_dir, nargs="?", help="the scrapinghub folder")
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", nargs=2, metavar=("CORPUS", "OUTPUT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(Path(args.child[0]), Path(args.child[1]))
        return
    if args.bench is None:
        parser.error("BENCH_DIR is required")
    with tempfile.TemporaryDirectory(prefix="newscorpus-report-bench-") as folder:
        corpus = Path(folder) / "corpus.jsonl"
        started = time.perf_counter()
        size = build_corpus(args.bench, args.documents, corpus)
        print(
            f"corpus: {args.documents:,} documents, {size / 1e6:,.0f} MB of JSON Lines "
            f"(built in {time.perf_counter() - started:.0f} s)"
        )
        figures = []
        for run in range(args.runs):
            output = Path(folder) / f"report-{run}.html"
            finished = subprocess.run(
                [sys.executable, __file__, "--child", str(corpus), str(output)],
                capture_output=True,
                text=True,
                check=True,
            )
            figure = json.loads(finished.stdout.strip().splitlines()[-1])
            figures.append(figure)
            print(
                f"run {run + 1}: {figure['seconds']:.1f} s, peak RSS {figure['peak_mb']:.0f} MB, "
                f"report {output.stat().st_size / 1e3:,.0f} kB"
            )
        seconds = statistics.median(figure["seconds"] for figure in figures)
        peak = statistics.median(figure["peak_mb"] for figure in figures)
        rate = args.documents / seconds
        print(
            f"median of {args.runs}: {seconds:.1f} s ({rate:,.0f} documents/s), peak RSS "
            f"{peak:.0f} MB (targets for 100,000 documents: <= {_TARGET_SECONDS:.0f} s, "
            f"<= {_TARGET_MB:.0f} MB)"
        )


if __name__ == "__main__":
    main()
