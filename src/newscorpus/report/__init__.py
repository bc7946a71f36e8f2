"""``newscorpus report``: one self-contained HTML page to judge a corpus at a glance.

:func:`write_report` reads a corpus (a JSON Lines or Parquet file, or a cluster corpus folder)
streamed, record by record, gathers bounded counts and a reservoir sample
(:mod:`newscorpus.report.collect`), and writes one HTML file with the charts inline as SVG
(:mod:`newscorpus.report.charts`, matplotlib: the ``report`` extra) and no reference to
anything outside it (:mod:`newscorpus.report.page`). The run's summary file beside the corpus,
when there is one, says how the corpus was made.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from newscorpus._optional import require
from newscorpus.corpus.atomic import atomic_write
from newscorpus.corpus.corpus import read_corpus
from newscorpus.corpus.statistics import summary_path_for
from newscorpus.report.collect import ReportData, collect
from newscorpus.report.page import render

__all__ = ["ReportData", "collect", "render", "run_summary_of", "write_report"]


def run_summary_of(corpus: str | os.PathLike[str]) -> dict[str, Any] | None:
    """The summary a run wrote beside ``corpus`` (``corpus.summary.json``, or a cluster
    corpus's ``_summary.json``), or ``None`` when there is none or it cannot be read.

    >>> run_summary_of("no/such/corpus.jsonl") is None
    True
    """
    path = Path(corpus)
    candidate = path / "_summary.json" if path.is_dir() else summary_path_for(path)
    try:
        value = json.loads(candidate.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def write_report(
    corpus: str | os.PathLike[str], output: str | os.PathLike[str], *, seed: int = 0
) -> ReportData:
    """Write the HTML report of ``corpus`` to ``output`` (atomically); return its data.

    ``seed`` draws the sample (the same seed and corpus give the same report). Raises
    :class:`~newscorpus.MissingDependencyError` without matplotlib (``pip install
    'newscorpus[report]'``), before reading anything.
    """
    require("matplotlib", "The HTML report's charts")
    source = read_corpus(corpus)
    data = collect(source.records(), seed=seed)
    page = render(data, title=Path(corpus).name, run=run_summary_of(corpus))
    with atomic_write(output) as stream:
        stream.write(page.encode("utf-8"))
    return data
