"""Dates in Parquet and Arrow: UTC timestamps with the page's offset and a has-time flag beside
them; JSON records keep their ISO strings; both read back into the same articles."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newscorpus import Article, Block, ParserInfo, open_writer, read_corpus
from newscorpus.corpus.schema import (
    arrow_row,
    arrow_schema,
    join_date,
    record_of_row,
    split_date,
)
from newscorpus.errors import RecordError

PARSER = ParserInfo("dump", "0")
#: The shapes pages give: a day, a time without a zone, times with offsets east and west of
#: UTC (half-hour ones too), microseconds.
DATES: list[dt.date] = [
    dt.date(2023, 12, 10),
    dt.datetime(2023, 12, 10, 8, 30),
    dt.datetime(2023, 12, 10, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    dt.datetime(2023, 12, 10, 23, 59, 59, 250, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
    dt.datetime(2023, 12, 10, 1, 0, tzinfo=dt.timezone(dt.timedelta(hours=5, minutes=30))),
    dt.datetime(2023, 12, 10, 1, 0, tzinfo=dt.UTC),
]


def articles() -> list[Article]:
    return [
        Article(
            id=f"{number:016x}",
            blocks=(Block("paragraph", "Text."),),
            parser=PARSER,
            published=published,
            modified=DATES[-1] if number % 2 else None,
        )
        for number, published in enumerate([*DATES, None])
    ]


@given(
    st.datetimes(min_value=dt.datetime(1900, 1, 2), max_value=dt.datetime(2200, 1, 1)).flatmap(
        lambda moment: st.one_of(
            st.just(moment),
            st.just(moment.date()),
            # Any offset Python allows, whole seconds included (some historical local times).
            st.integers(-(24 * 3600 - 1), 24 * 3600 - 1).map(
                lambda seconds: moment.replace(tzinfo=dt.timezone(dt.timedelta(seconds=seconds)))
            ),
        )
    )
)
def test_split_and_join_give_back_the_iso_string(value: dt.date) -> None:
    text = value.isoformat()
    instant, offset, has_time = split_date(text)
    assert instant is not None
    assert instant.tzinfo is not None
    assert has_time == isinstance(value, dt.datetime)
    assert join_date(instant, offset, has_time) == text


def test_parquet_dates_are_utc_timestamps_with_offset_and_flag(tmp_path: Path) -> None:
    pq: Any = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "corpus.parquet"
    with open_writer(path) as writer:
        for article in articles():
            writer.write(article.to_dict())
    table = pq.read_table(path)
    assert table.schema.equals(arrow_schema())
    published = table.column("published").to_pylist()
    assert published[2] == dt.datetime(2023, 12, 10, 7, 30, tzinfo=dt.UTC)
    assert table.column("published_offset_seconds").to_pylist() == [
        None, None, 3600, -18000, 19800, 0, None,
    ]  # fmt: skip
    assert table.column("published_has_time").to_pylist() == [
        False, True, True, True, True, True, None,
    ]  # fmt: skip


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_a_corpus_reads_back_into_the_same_articles(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    with open_writer(path) as writer:
        for article in articles():
            writer.write(article.to_dict())
    corpus = read_corpus(path)
    assert list(corpus) == articles()
    assert list(corpus.records()) == [article.to_dict() for article in articles()]
    assert [type(a.published) for a in corpus] == [type(a.published) for a in articles()]


def test_json_lines_keep_iso_strings(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    with open_writer(path) as writer:
        for article in articles():
            writer.write(article.to_dict())
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[2])
    assert first["published"] == "2023-12-10T08:30:00+01:00"
    assert "published_offset_seconds" not in first


@pytest.mark.parametrize("suffix", [".parquet", ".jsonl"])
def test_pandas_reads_typed_dates_as_the_docs_say(tmp_path: Path, suffix: str) -> None:
    pd: Any = pytest.importorskip("pandas")
    path = tmp_path / f"corpus{suffix}"
    with open_writer(path) as writer:
        for article in articles():
            writer.write(article.to_dict())
    frame = read_corpus(path).to_pandas()
    assert str(frame["published"].dtype) == "datetime64[us, UTC]"
    assert frame["published"][2] == pd.Timestamp("2023-12-10T07:30:00Z")
    if suffix == ".parquet":
        direct = pd.read_parquet(path)
        assert str(direct["published"].dtype) == "datetime64[us, UTC]"
        local = direct["published"][2].tz_convert(
            dt.timezone(dt.timedelta(seconds=int(direct["published_offset_seconds"][2])))
        )
        assert local.isoformat() == "2023-12-10T08:30:00+01:00"
    else:  # docs/record.md: a JSON Lines column of mixed ISO strings
        raw = pd.read_json(path, lines=True, dtype={"published": str, "modified": str})
        parsed = pd.to_datetime(raw["published"], format="ISO8601", utc=True)
        assert parsed[2] == pd.Timestamp("2023-12-10T07:30:00Z")


def test_duckdb_sees_timestamps(tmp_path: Path) -> None:
    duckdb: Any = pytest.importorskip("duckdb")
    path = tmp_path / "corpus.parquet"
    with open_writer(path) as writer:
        for article in articles():
            writer.write(article.to_dict())
    kind = duckdb.sql(f"SELECT typeof(published) FROM '{path}' LIMIT 1").fetchone()[0]
    assert kind.startswith("TIMESTAMP")


def test_a_parquet_file_with_string_dates_still_reads(tmp_path: Path) -> None:
    """Files written before dates were typed hold the record's ISO strings."""
    pa: Any = pytest.importorskip("pyarrow")
    pq: Any = pytest.importorskip("pyarrow.parquet")
    records = [article.to_dict() for article in articles()]
    path = tmp_path / "old.parquet"
    pq.write_table(pa.Table.from_pylist(records), path)
    corpus = read_corpus(path)
    assert list(corpus) == articles()
    assert corpus.to_arrow().schema.equals(arrow_schema())


def test_a_record_whose_date_is_not_iso_is_refused() -> None:
    record = articles()[0].to_dict()
    with pytest.raises(RecordError, match="published"):
        arrow_row({**record, "published": "last Thursday"})
    assert record_of_row(arrow_row(record)) == record
