"""Reading a written corpus back: read_corpus, round trips, pandas, Arrow and datasets."""

from __future__ import annotations

import importlib
import json
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.corpus import Corpus, arrow_schema, open_writer, read_corpus
from newscorpus.corpus.schema import record_of_row
from newscorpus.models.article import Article
from newscorpus.models.record import from_dict
from tests.corpus.test_writers_formats import sample_articles
from tests.strategies import articles


def write(path: Path, items: list[Article], **options: Any) -> Path:
    with open_writer(path, **options) as writer:
        for article in items:
            writer.write(article.to_dict())
    return path


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_read_corpus_gives_back_the_articles(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    items = sample_articles() * 3
    path = write(tmp_path / f"corpus{suffix}", items, row_group_size=2)
    corpus = read_corpus(path)
    assert isinstance(corpus, Corpus)
    assert len(corpus) == 12
    assert list(corpus) == items
    assert list(corpus) == items  # iterable again
    assert [dict(record) for record in corpus.records()] == [a.to_dict() for a in items]


def test_read_corpus_skips_blank_lines_and_error_records(tmp_path: Path) -> None:
    article = sample_articles()[0]
    error = {"schema": 2, "source": "x.txt", "error": {"type": "E", "message": "m"}}
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        "\n".join([json.dumps(article.to_dict()), "", json.dumps(error), ""]), encoding="utf-8"
    )
    corpus = read_corpus(path)
    assert list(corpus) == [article]
    assert len(corpus) == 1


def test_read_corpus_reports_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text("{}\n{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"corpus\.jsonl:2"):
        list(read_corpus(path).records())


def test_read_corpus_refuses_missing_files_and_other_formats(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_corpus(tmp_path / "missing.jsonl")
    (tmp_path / "a.csv").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="CSV"):
        read_corpus(tmp_path / "a.csv")
    with pytest.raises(ValueError, match="suffix"):
        read_corpus(tmp_path / "a.txt")


def test_read_corpus_takes_a_format(tmp_path: Path) -> None:
    items = sample_articles()
    path = write(tmp_path / "corpus.data", items, format="jsonl")
    assert list(read_corpus(path, format="jsonl")) == items


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_to_arrow_has_the_declared_schema(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("pyarrow")
    items = sample_articles()
    path = write(tmp_path / f"corpus{suffix}", items)
    table = read_corpus(path).to_arrow()
    assert table.schema.equals(arrow_schema())
    assert table.num_rows == 4
    assert [from_dict(record_of_row(row)) for row in table.to_pylist()] == items
    assert list(read_corpus(path)) == items


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_to_pandas(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    items = sample_articles()
    frame = read_corpus(write(tmp_path / f"corpus{suffix}", items)).to_pandas()
    assert len(frame) == 4
    assert list(frame["id"]) == [a.id for a in items]
    assert list(frame.columns) == arrow_schema().names


def test_to_pandas_names_the_extra_when_pandas_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "corpus.jsonl", sample_articles())
    real = importlib.import_module

    def no_pandas(name: str, package: str | None = None) -> Any:
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_pandas)
    with pytest.raises(ImportError, match=r"newscorpus\[pandas\]"):
        read_corpus(path).to_pandas()


def test_missing_pyarrow_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.import_module

    def no_pyarrow(name: str, package: str | None = None) -> Any:
        if name.startswith("pyarrow"):
            raise ImportError("no pyarrow")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_pyarrow)
    with pytest.raises(ImportError, match=r"newscorpus\[parquet\]"):
        open_writer(tmp_path / "corpus.parquet")
    assert list(tmp_path.iterdir()) == []


def _utf8(article: Article) -> bool:
    """Whether every string of ``article`` encodes to UTF-8 (no lone surrogate)."""
    try:
        json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


_SLOW = [HealthCheck.too_slow, HealthCheck.filter_too_much]


@settings(max_examples=25, deadline=None, suppress_health_check=_SLOW)
@given(items=st.lists(articles.filter(_utf8), max_size=4), row_group_size=st.integers(1, 3))
def test_articles_round_trip_through_parquet(items: list[Article], row_group_size: int) -> None:
    pytest.importorskip("pyarrow")
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "corpus.parquet", items, row_group_size=row_group_size)
        corpus = read_corpus(path)
        assert len(corpus) == len(items)
        assert list(corpus) == items


@settings(max_examples=25, deadline=None, suppress_health_check=_SLOW)
@given(items=st.lists(articles, max_size=4))
def test_articles_round_trip_through_json_lines(items: list[Article]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write(Path(folder) / "corpus.jsonl", items)
        assert list(read_corpus(path)) == items


def test_json_lines_escapes_lone_surrogates(tmp_path: Path) -> None:
    article = attrs.evolve(sample_articles()[0], title="a\ud800b")
    path = write(tmp_path / "corpus.jsonl", [article])
    assert "\\ud800" in path.read_text(encoding="utf-8")
    assert list(read_corpus(path)) == [article]


def test_a_parquet_corpus_loads_with_datasets(tmp_path: Path) -> None:
    datasets: Any = pytest.importorskip("datasets")
    items = sample_articles()
    path = write(tmp_path / "corpus.parquet", items)
    dataset = datasets.load_dataset(
        "parquet", data_files=str(path), split="train", cache_dir=str(tmp_path / "cache")
    )
    assert dataset.num_rows == 4
    assert [from_dict(row) for row in dataset] == items
