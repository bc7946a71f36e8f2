"""The cluster runner's per-document time limit: a slow document becomes a TimeLimitExceeded
error entry and its partition goes on (one worker thread in this process, so the patched
parser is the one that runs)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

import newscorpus.parsing
from newscorpus.cluster import run_on_dask
from newscorpus.limits import Limits
from tests.cluster.mixed import error_lines

distributed = pytest.importorskip("distributed")
pytest.importorskip("pyarrow.parquet")


def test_a_slow_document_becomes_an_error_entry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = newscorpus.parsing.parse_document

    def slow_on_one(document: Any, pipeline: Any = None) -> Any:
        if (document.source or "").endswith("slow.txt"):
            time.sleep(1.0)
        return real(document, pipeline)

    monkeypatch.setattr(newscorpus.parsing, "parse_document", slow_on_one)
    inputs = []
    for name in ("a.txt", "slow.txt", "b.txt"):
        path = tmp_path / name
        path.write_text(f"The council met on Monday about {name} and the budget of the town.")
        inputs.append(str(path))
    cluster = distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
    )
    with cluster, distributed.Client(cluster) as client:
        summary = run_on_dask(
            inputs, tmp_path / "corpus", client=client, limits=Limits(seconds_per_document=0.2)
        )
    assert (summary.read, summary.written, summary.failed) == (3, 2, 1)
    [entry] = [json.loads(line) for line in error_lines(tmp_path / "corpus")]
    assert entry["error"] == "TimeLimitExceeded"
    assert entry["message"] == "parsing took longer than the limit of 0.2 s"
    assert entry["source"].endswith("slow.txt")
    assert entry["internal"] is False
