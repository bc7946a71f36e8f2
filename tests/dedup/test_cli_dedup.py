"""``newscorpus dedup CORPUS -o OUT``: JSON Lines and Parquet round trips, nothing else changed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.corpus import open_writer, read_corpus
from newscorpus.corpus.schema import arrow_schema
from tests.dedup.helpers import article, text_of

BODY = text_of(7)
ARTICLES = [
    article(BODY, site="A", url="https://a.example/1", agency="AFP"),
    article(BODY, site="A", url="https://a.example/1?again"),
    article(BODY[1:], site="B", url="https://b.example/1"),
    article(text_of(8, vocabulary="v"), site="C", url="https://c.example/1"),
]


def write(path: Path, records: list[dict[str, Any]]) -> Path:
    with open_writer(path) as writer:
        for record in records:
            writer.write(record)
    return path


def old_records() -> list[dict[str, Any]]:
    """Records as the runner wrote them before schema 3 (no dedup fields)."""
    records = [a.to_dict() for a in ARTICLES]
    for record in records:
        record["schema"] = 2
        for name in ("duplicate_of", "syndication_group", "story"):
            del record[name]
    return records


ROUND_TRIPS = [
    ("jsonl", "jsonl"),
    ("jsonl", "parquet"),
    ("parquet", "parquet"),
    ("parquet", "jsonl"),
]


@pytest.mark.parametrize(("source", "target"), ROUND_TRIPS)
def test_dedup_adds_the_three_fields_and_changes_nothing_else(
    tmp_path: Path, source: str, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("pyarrow")
    records = [a.to_dict() for a in ARTICLES]
    corpus = write(tmp_path / f"in.{source}", records)
    out = tmp_path / f"out.{target}"
    assert main(["dedup", str(corpus), "-o", str(out)]) == 0
    assert "4 records" in capsys.readouterr().err
    written = list(read_corpus(out).records())
    expected = {a.id: a for a in newscorpus.deduplicate(ARTICLES)}
    assert [r["id"] for r in written] == [a.id for a in ARTICLES]
    for before, after in zip(records, written, strict=True):
        dedup_fields = ("duplicate_of", "syndication_group", "story")
        assert {k: v for k, v in after.items() if k not in dedup_fields} == {
            k: v for k, v in before.items() if k not in dedup_fields
        }
        assert newscorpus.from_dict(after) == expected[before["id"]]
    groups = {json.dumps(r["syndication_group"]) for r in written[:3]}
    assert len(groups) == 1
    assert written[0]["syndication_group"]["agency"] == "AFP"
    assert written[3]["syndication_group"] is None


def test_dedup_reads_schema_2_records_and_writes_schema_3(tmp_path: Path) -> None:
    corpus = write(tmp_path / "old.jsonl", old_records())
    out = tmp_path / "new.jsonl"
    assert main(["dedup", str(corpus), "-o", str(out), "--no-stories"]) == 0
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {line["schema"] for line in lines} == {newscorpus.SCHEMA_VERSION}
    assert all(line["story"] is None for line in lines)
    assert sum(line["duplicate_of"] is not None for line in lines) == 1


def test_the_parquet_output_has_typed_dedup_columns(tmp_path: Path) -> None:
    pq: Any = pytest.importorskip("pyarrow.parquet")
    pa: Any = pytest.importorskip("pyarrow")
    corpus = write(tmp_path / "in.jsonl", [a.to_dict() for a in ARTICLES])
    out = tmp_path / "out.parquet"
    assert main(["dedup", str(corpus), "-o", str(out)]) == 0
    schema = pq.ParquetFile(out).schema_arrow
    assert schema.equals(arrow_schema())
    assert schema.field("syndication_group").type == pa.struct(
        [pa.field("id", pa.string(), False), pa.field("agency", pa.string())]
    )
    assert schema.field("duplicate_of").type == pa.string()


def test_usage_errors_exit_2_and_write_nothing(tmp_path: Path) -> None:
    corpus = write(tmp_path / "in.jsonl", [a.to_dict() for a in ARTICLES])
    assert main(["dedup", str(tmp_path / "missing.jsonl"), "-o", str(tmp_path / "o.jsonl")]) == 2
    assert main(["dedup", str(corpus), "-o", str(tmp_path / "o.txt")]) == 2
    assert main(["dedup", str(corpus), "-o", str(corpus)]) == 2
    assert main(["dedup", str(corpus), "-o", str(tmp_path / "o.jsonl"),
                 "--duplicate-threshold", "2"]) == 2  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]


def test_dedup_writes_the_statistics_of_its_output_over_the_inputs_summary(
    tmp_path: Path,
) -> None:
    corpus = write(tmp_path / "in.jsonl", [a.to_dict() for a in ARTICLES])
    (tmp_path / "in.summary.json").write_text(
        json.dumps({"read": 4, "pipeline": {"steps": ["normalize"]}}), encoding="utf-8"
    )
    out = tmp_path / "out.jsonl"
    assert main(["dedup", str(corpus), "-o", str(out)]) == 0
    summary = json.loads((tmp_path / "out.summary.json").read_text(encoding="utf-8"))
    assert summary["read"] == 4  # the parse run's counts and pipeline are kept
    assert summary["pipeline"] == {"steps": ["normalize"]}
    assert summary["deduplicated"]["input"] == str(corpus)
    written = list(read_corpus(out).records())
    statistics = summary["statistics"]
    assert statistics["documents"] == 4
    assert statistics["duplicates"] == sum(r["duplicate_of"] is not None for r in written) >= 1
    groups = {r["syndication_group"]["id"] for r in written if r["syndication_group"]}
    assert statistics["syndication_groups"] == len(groups) == 1
    assert statistics["syndicated_documents"] == 3
