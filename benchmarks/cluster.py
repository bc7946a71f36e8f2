"""Figures of the cluster runner: docs/s on a local Dask cluster of 1 and 2 workers against the
local runner on the same inputs, and the fixed cost of a partition.

Run from the repository root::

    .venv/bin/python benchmarks/cluster.py BENCH_DIR                        # the defaults
    .venv/bin/python benchmarks/cluster.py BENCH_DIR --documents 400 --runs 1 --overhead 20

``BENCH_DIR`` is the scrapinghub benchmark folder (``text/<id>.txt``, ``html/<id>.html.gz``).
Every synthetic corpus and every output goes to a temporary folder, deleted at the end.

Throughput: the 181 dumps (and, separately, the 181 pages, decompressed and decoded) are
repeated to ``--documents`` rows of one JSON Lines file, each row with its number appended so
that no two documents are the same (as ``benchmarks/corpus_run.py`` does). Each kind is run
``--runs`` times, interleaved (local, 1 worker, 2 workers, local, ...) so that a busy spell of a
shared machine hits all three, by the local runner (``run_corpus(jobs=1)``, JSON Lines out) and
by :func:`newscorpus.cluster.run_on_dask` (Parquet parts out) on a ``distributed.LocalCluster``
of 1 and of 2 worker processes (one thread each), started once before the runs. The export is
cut into ``--partitions`` partitions (by byte ranges at line starts). Before each run the memo
caches are emptied here and on every worker, so no run is flattered by the previous one. The
medians are printed as docs/s, with each one's ratio to the local runner measured in this same
process: the ratio, not docs/s, is what compares across machines.

Overhead per partition: ``--overhead`` one-line dumps, one file each, run with a partition size
of 1 byte (one partition, one task and one Parquet file per document) on the 1-worker cluster;
the time divided by the number of partitions is the fixed cost of a partition (task round trip,
Parquet file, opening the input) plus the reading and parsing of one tiny dump, which is measured
apart in this process (``outcome_of`` over ``read_documents``) and subtracted.
"""

from __future__ import annotations

import argparse
import functools
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from _bench import bench_dir, load_average
from corpus_run import _PARSE_FORMAT, _rows, _write_jsonl
from newscorpus._caches import clear_caches
from newscorpus.cluster import require_distributed, run_on_dask
from newscorpus.corpus import outcome_of, read_documents, run_corpus

_TINY_DUMP = "The council met on Monday and voted the budget for the year, {n} to nothing.\n"


def _clear(clients: Sequence[Any]) -> None:
    clear_caches()
    for client in clients:
        client.run(clear_caches)


def _timed(run: Callable[[], int]) -> tuple[float, int]:
    start = time.perf_counter()
    read = run()
    return time.perf_counter() - start, read


def _local(source: Path, out: Path, parse_format: str) -> int:
    return run_corpus([source], out, jobs=1, parse_format=parse_format).read


def _cluster(source: Path, out: Path, client: Any, size: int, parse_format: str) -> int:
    summary = run_on_dask(
        [source], out, client=client, partition_size=size, parse_format=parse_format
    )
    return summary.read


def throughput(
    root: Path,
    work: Path,
    clients: dict[str, Any],
    *,
    kinds: Sequence[str],
    documents: int,
    runs: int,
    partitions: int,
) -> list[str]:
    """Median docs/s of the local runner and of each cluster, per kind; the printed lines."""
    lines = [
        f"{'kind':<6} {'runner':<10} {'docs':>6} {'median s':>9} {'docs/s':>8} {'x local':>8}"
        "  runs (s)"
    ]
    for kind in kinds:
        source = work / f"{kind}.jsonl"
        _write_jsonl(source, _rows(root, kind), documents, vary=True)
        size = source.stat().st_size
        partition_size = max(1, size // partitions + 1)
        print(f"built {source.name}: {documents} documents, {size / 1e6:.1f} MB", flush=True)
        parse_format = _PARSE_FORMAT[kind]

        local = functools.partial(_local, source, work / f"local-{kind}.jsonl", parse_format)
        runners: dict[str, Callable[[], int]] = {"local": local}
        for name, client in clients.items():
            out = work / f"cluster-{kind}-{name}"
            runners[name] = functools.partial(
                _cluster, source, out, client, partition_size, parse_format
            )
        times: dict[str, list[float]] = {name: [] for name in runners}
        for _ in range(runs):
            for name, run in runners.items():
                _clear(list(clients.values()))
                seconds, read = _timed(run)
                if read != documents:
                    raise SystemExit(f"{kind} {name}: read {read} documents, not {documents}")
                times[name].append(seconds)
                print(f"  {kind} {name}: {seconds:.2f} s", flush=True)
        base = statistics.median(times["local"])
        for name, values in times.items():
            median = statistics.median(values)
            runs_text = " ".join(f"{value:.2f}" for value in values)
            lines.append(
                f"{kind:<6} {name:<10} {documents:>6} {median:>9.2f} {documents / median:>8.1f}"
                f" {base / median:>7.2f}x  {runs_text}"
            )
    return lines


def overhead(work: Path, client: Any, count: int, runs: int) -> list[str]:
    """Seconds per partition of ``count`` one-document partitions on the 1-worker cluster."""
    folder = work / "tiny"
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:05d}.txt").write_text(_TINY_DUMP.format(n=number), encoding="utf-8")
    cluster_times, local_times = [], []
    for _ in range(runs):
        _clear([client])
        seconds, _read = _timed(
            lambda: (
                run_on_dask(
                    [folder],
                    work / "tiny-out",
                    client=client,
                    partition_size=1,
                    parse_format="dump",
                ).partitions
            )
        )
        cluster_times.append(seconds)
        _clear([])
        seconds, _read = _timed(
            lambda: len([outcome_of(item, "dump") for item in read_documents(folder)])
        )
        local_times.append(seconds)
    per_partition = statistics.median(cluster_times) / count
    per_document = statistics.median(local_times) / count
    return [
        f"{count} partitions of one tiny dump each, 1 worker: "
        f"{per_partition * 1000:.1f} ms per partition (median of {runs} runs)",
        f"the same dumps read and parsed in this process (outcome_of): "
        f"{per_document * 1000:.1f} ms per document",
        f"fixed cost of a partition: about {(per_partition - per_document) * 1000:.1f} ms",
    ]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument("--documents", type=int, default=1000, help="documents per kind")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per runner and kind")
    parser.add_argument("--kinds", nargs="+", choices=("dumps", "html"), default=["dumps", "html"])
    parser.add_argument("--partitions", type=int, default=8, help="partitions of the export")
    parser.add_argument("--overhead", type=int, default=100, help="tiny partitions (0: skip)")
    args = parser.parse_args(argv)
    distributed = require_distributed()
    print("$ " + shlex.join([sys.executable, *sys.argv]))
    print(f"cpu_count={os.cpu_count()}  load average (1, 5, 15 min) at start: {load_average()}")
    print("(the cores are shared with other work: compare the ratios, not the raw docs/s)")
    work = Path(tempfile.mkdtemp(prefix="newscorpus-cluster-"))
    clusters: list[Any] = []
    clients: dict[str, Any] = {}
    try:
        for workers in (1, 2):
            start = time.perf_counter()
            cluster = distributed.LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            clusters.append(cluster)
            clients[f"dask-{workers}w"] = distributed.Client(cluster)
            seconds = time.perf_counter() - start
            print(f"local cluster of {workers} worker(s) started in {seconds:.2f} s", flush=True)
        if args.documents > 0 and args.runs > 0:
            print("\n== throughput (JSON Lines in; local: JSON Lines out, Dask: Parquet) ==")
            table = throughput(
                args.bench,
                work,
                clients,
                kinds=args.kinds,
                documents=args.documents,
                runs=args.runs,
                partitions=args.partitions,
            )
            print("\n" + "\n".join(table))
        if args.overhead > 0:
            print("\n== overhead per partition ==", flush=True)
            print("\n".join(overhead(work, clients["dask-1w"], args.overhead, max(1, args.runs))))
    finally:
        for client in clients.values():
            client.close()
        for cluster in clusters:
            cluster.close()
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
