"""Parse a corpus on a Dask cluster (docs/cluster.md): here a small local one.

Starts a local cluster of two worker processes, parses the example dumps into a partitioned
Parquet corpus and reads it back. Point ``Client`` at an existing scheduler's address to run on
a real cluster; inputs may then be object-storage URLs (``s3://bucket/crawl/``).

Run from anywhere, after ``pip install '.[dask]'``::

    python examples/cluster.py
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import newscorpus
from newscorpus.cluster import run_on_dask

DUMPS = Path(__file__).resolve().parent / "dumps"


def main() -> int:
    """Start a local cluster, run, read the corpus back, stop the cluster."""
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as scratch,
    ):
        output = Path(scratch) / "corpus"
        summary = run_on_dask(DUMPS, output, client=client)
        print(f"{summary.read} read, {summary.written} written, {summary.failed} failed")
        for article in newscorpus.read_corpus(output):
            print(f"  {article.id}  {article.title}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
