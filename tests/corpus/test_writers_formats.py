"""The corpus writers: JSON Lines, Parquet and CSV, atomic output, and format choice."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.corpus import (
    CorpusWriter,
    CsvWriter,
    JsonLinesWriter,
    ParquetWriter,
    arrow_schema,
    open_writer,
)
from newscorpus.corpus.schema import RECORD_FIELDS, record_of_row
from newscorpus.corpus.writers import format_for
from newscorpus.models.article import (
    Article,
    Block,
    Edit,
    Media,
    ParserInfo,
    Paywall,
    Removal,
)

DUMPS = sorted((Path(__file__).parents[2] / "examples" / "dumps").glob("*.txt"))


def sample_articles() -> list[Article]:
    """The three example dumps, parsed, and one article that fills every field."""
    parsed = [newscorpus.parse(path) for path in DUMPS]
    full = Article(
        id="f" * 16,
        blocks=(Block("heading", "Talks stall"), Block("paragraph", "Ереван — «мир» 😀")),
        parser=ParserInfo("dump", "0.1.0"),
        source="x.txt",
        format="dump",
        url="https://example.org/a",
        title="Talks stall",
        site_name="Example",
        publisher="Example Media",
        agency="AFP",
        authors=("A. Writer", "B. Writer"),
        published=dt.datetime(2023, 12, 10, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
        language="ru",
        tags=("talks",),
        media=(Media("A parade", credit="AFP"), Media("No credit")),
        truncated=True,
        paywall=Paywall("Subscribers only", remaining_fraction=0.45),
        removed=(Removal("Share this", reason="share prompt", step="chrome"),),
        edits=(Edit("a . b", "a. b", reason="space", step="debris"),),
    )
    return [*parsed, full]


def records() -> list[dict[str, Any]]:
    return [article.to_dict() for article in sample_articles()]


def test_the_examples_are_there() -> None:
    assert len(DUMPS) == 3


def test_json_lines_one_utf8_object_a_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    with JsonLinesWriter(path) as writer:
        for record in records():
            writer.write(record)
    assert writer.count == 4
    raw = path.read_bytes()
    assert "«мир» 😀".encode() in raw  # ensure_ascii=False
    lines = raw.decode("utf-8").split("\n")
    assert lines[-1] == ""
    assert [json.loads(line) for line in lines[:-1]] == records()


def test_csv_has_flat_columns_and_json_for_nested_fields(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with CsvWriter(path) as writer:
        for record in records():
            writer.write(record)
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert list(rows[0]) == list(RECORD_FIELDS)
    assert len(rows) == 4
    full = rows[-1]
    expected = records()[-1]
    assert full["title"] == "Talks stall"
    assert full["modified"] == ""  # null is an empty cell
    assert full["truncated"] == "true"
    assert full["schema"] == str(newscorpus.SCHEMA_VERSION)
    for name in ("authors", "tags", "blocks", "media", "paywall", "removed", "edits", "parser"):
        assert json.loads(full[name]) == expected[name]
    assert full["text"] == expected["text"]  # multi-line text survives quoting


def test_parquet_is_written_with_the_declared_schema_in_row_groups(tmp_path: Path) -> None:
    pq: Any = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "corpus.parquet"
    data = records() * 3
    with ParquetWriter(path, row_group_size=5) as writer:
        for record in data:
            writer.write(record)
    file = pq.ParquetFile(path)
    assert file.schema_arrow.equals(arrow_schema())
    assert file.metadata.num_rows == 12
    assert file.metadata.num_row_groups == 3
    assert [file.metadata.row_group(i).num_rows for i in range(3)] == [5, 5, 2]
    assert [record_of_row(row) for row in file.read().to_pylist()] == data


def test_the_arrow_schema_types_nested_fields() -> None:
    pa: Any = pytest.importorskip("pyarrow")
    schema = arrow_schema()
    assert [name for name in schema.names if name in RECORD_FIELDS] == list(RECORD_FIELDS)
    block = schema.field("blocks").type.value_type
    assert [block.field(i).name for i in range(block.num_fields)] == [
        "kind",
        "text",
        "rows",
        "links",
    ]
    row = block.field("rows").type.value_type
    assert row.field("cells").type == pa.list_(pa.string())
    assert row.field("header").type == pa.bool_()
    link = block.field("links").type.value_type
    assert (link.field("start").type, link.field("href").type) == (pa.int64(), pa.string())
    assert schema.field("comments").type.value_type.field("blocks").type == pa.list_(block)
    assert schema.field("authors").type == pa.list_(pa.string())
    assert pa.types.is_struct(schema.field("paywall").type)
    assert schema.field("paywall").nullable
    assert schema.field("published").type == pa.timestamp("us", tz="UTC")
    assert schema.field("published_offset_seconds").type == pa.int32()
    assert schema.field("published_has_time").type == pa.bool_()
    assert not schema.field("parser").nullable


def test_parquet_refuses_an_unknown_field_and_leaves_nothing(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "corpus.parquet"
    with pytest.raises(ValueError, match="surprise"), ParquetWriter(path) as writer:
        writer.write({**records()[0], "surprise": 1})
    assert list(tmp_path.iterdir()) == []


def test_an_empty_parquet_corpus_has_the_schema(tmp_path: Path) -> None:
    pq: Any = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "empty.parquet"
    with ParquetWriter(path):
        pass
    assert pq.read_table(path).num_rows == 0
    assert pq.read_schema(path).equals(arrow_schema())


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_output_is_atomic(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"corpus{suffix}"
    writer = open_writer(path, row_group_size=1)
    writer.write(records()[0])
    writer.write(records()[1])
    # Before close, the data lives in one hidden temporary file beside the target.
    assert not path.exists()
    (temporary,) = tmp_path.iterdir()
    assert temporary.name.startswith(f".{path.name}.")
    writer.close()
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    writer.close()  # closing again does nothing
    with pytest.raises(ValueError, match="closed"):
        writer.write(records()[0])


def crash_while_writing(path: Path) -> None:
    """Write two records, then raise inside the writer's ``with`` block."""
    with open_writer(path, row_group_size=1) as writer:
        writer.write(records()[0])
        writer.write(records()[1])
        raise RuntimeError("crash")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".parquet"])
def test_an_error_in_the_block_leaves_no_file(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"corpus{suffix}"
    with pytest.raises(RuntimeError, match="crash"):
        crash_while_writing(path)
    assert list(tmp_path.iterdir()) == []


def test_an_error_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="crash"):
        crash_while_writing(path)
    assert path.read_text(encoding="utf-8") == "old\n"
    with open_writer(path) as writer:
        writer.write(records()[0])
    assert json.loads(path.read_text(encoding="utf-8")) == records()[0]


def test_abort_drops_the_output(tmp_path: Path) -> None:
    writer = open_writer(tmp_path / "corpus.jsonl")
    writer.write(records()[0])
    writer.abort()
    writer.close()
    assert list(tmp_path.iterdir()) == []


def test_open_writer_chooses_by_suffix_or_format(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    kinds = {
        "a.jsonl": JsonLinesWriter,
        "a.ndjson": JsonLinesWriter,
        "a.CSV": CsvWriter,
        "a.parquet": ParquetWriter,
    }
    for name, kind in kinds.items():
        with open_writer(tmp_path / name) as writer:
            assert isinstance(writer, kind)
            assert isinstance(writer, CorpusWriter)
    with open_writer(tmp_path / "a.out", format="jsonl") as writer:
        assert isinstance(writer, JsonLinesWriter)


def test_unknown_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="suffix"):
        open_writer(tmp_path / "corpus.txt")
    with pytest.raises(ValueError, match="unknown corpus format 'xml'"):
        open_writer(tmp_path / "corpus.jsonl", format="xml")
    assert format_for("x.pq") == "parquet"
    assert list(tmp_path.iterdir()) == []


def test_a_bad_row_group_size_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(ValueError, match="row_group_size"):
        ParquetWriter(tmp_path / "a.parquet", row_group_size=0)
    assert list(tmp_path.iterdir()) == []


def test_parquet_keeps_statistics_for_short_columns_only(tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "corpus.parquet"
    with ParquetWriter(path) as writer:
        for record in records():
            writer.write(record)
    group = parquet.ParquetFile(path).metadata.row_group(0)
    columns = {group.column(i).path_in_schema: group.column(i) for i in range(group.num_columns)}
    assert columns["id"].statistics is not None
    assert columns["id"].statistics.has_min_max
    assert columns["text"].statistics is None  # whole articles do not belong in the footer
