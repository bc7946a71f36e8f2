"""Corpus statistics: a run's summary file counts what its records hold, whatever the jobs."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.corpus.runner import run_corpus
from newscorpus.corpus.statistics import CorpusStatistics, document_facts, summary_path_for
from tests.cluster.mixed import page

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"
PAYWALLED = (
    "Council votes on the budget\n\nThe council met on Monday to vote on the budget for next "
    "year, and the debate went on late into the night.\n\nSubscribe to continue reading.\n"
)


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for dump in sorted(EXAMPLES.glob("*.txt")):
        (folder / dump.name).write_bytes(dump.read_bytes())
    for number in range(2):
        (folder / f"page{number}.html").write_text(page(number), encoding="utf-8")
    (folder / "paywalled.txt").write_text(PAYWALLED, encoding="utf-8")
    (folder / "menu.txt").write_text("Home\n\nSports\n\nContact us\n", encoding="utf-8")
    (folder / "zz-broken.jsonl").write_text("{not json\n", encoding="utf-8")
    return folder


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("jobs", [0, 2])
def test_the_summary_counts_the_written_records(inputs: Path, tmp_path: Path, jobs: int) -> None:
    output = tmp_path / "corpus.jsonl"
    run = run_corpus(inputs, output, jobs=jobs)
    records = lines(output)
    summary = json.loads(summary_path_for(output).read_text(encoding="utf-8"))
    assert (summary["read"], summary["written"], summary["failed"]) == (
        run.read,
        run.written,
        run.failed,
    )
    assert run.failed == 1
    statistics = summary["statistics"]
    assert statistics == run.statistics.to_json()
    assert statistics["documents"] == len(records) == run.written
    assert statistics["by_language"] == dict(
        Counter(record["language"] or "(unknown)" for record in records)
    )
    assert sum(statistics["by_site"].values()) == len(records)
    assert sum(statistics["by_month"].values()) == len(records)
    assert list(statistics["by_month"]) == sorted(statistics["by_month"])
    removed = Counter(r.get("code") or r["step"] for record in records for r in record["removed"])
    assert statistics["removals_by_code"] == dict(removed)
    edited = Counter(e.get("code") or e["step"] for record in records for e in record["edits"])
    assert statistics["edits_by_code"] == dict(edited)
    assert statistics["empty_bodies"] == sum(not record["text"] for record in records) >= 1
    warned = Counter(w["code"] for record in records for w in record.get("warnings", []))
    assert statistics["warnings_by_code"] == dict(warned)
    assert statistics["warnings_by_code"].get("empty-body") == statistics["empty_bodies"]
    assert statistics["paywalled"] == sum(record["paywall"] is not None for record in records)
    assert statistics["paywalled"] >= 1
    assert statistics["truncated"] == sum(record["truncated"] for record in records)
    assert summary["pipeline"]["steps"][0]["name"] == "normalize"
    default = newscorpus.default_pipeline()
    assert summary["pipeline"]["fingerprint"] == default.fingerprint()
    assert statistics["by_pipeline"] == {default.fingerprint(): len(records)}


def test_statistics_merge_as_if_counted_together() -> None:
    records: list[dict[str, Any]] = [
        {"text": "One.", "language": "en", "url": "https://a.example/1", "published": "2024-01-02"},
        {"text": "", "language": "fr", "site_name": "B", "removed": [{"step": "chrome"}]},
        {"text": "Three.", "duplicate_of": "x", "syndication_group": {"id": "g", "agency": "AP"}},
    ]
    together, first, second = CorpusStatistics(), CorpusStatistics(), CorpusStatistics()
    for record in records:
        together.add(document_facts(record))
    first.add_record(records[0])
    for record in records[1:]:
        second.add_record(record)
    first.merge(second)
    assert first == together
    counts = together.to_json()
    assert counts["by_site"] == {"a.example": 1, "B": 1, "(unknown)": 1}
    assert (counts["duplicates"], counts["syndication_groups"], counts["empty_bodies"]) == (1, 1, 1)
    again = CorpusStatistics()
    for record in records[:2]:  # no syndication group: their ids are not in the counts
        again.add_record(record)
    assert CorpusStatistics.from_json(again.to_json()) == again
