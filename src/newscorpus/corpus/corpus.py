"""Read a written corpus back: :func:`read_corpus` streams :class:`~newscorpus.Article` objects.

>>> import pathlib, tempfile
>>> from newscorpus.corpus.writers import open_writer
>>> from newscorpus.models.article import Article, Block, ParserInfo
>>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
>>> article = Article(id="a1", blocks=(Block("paragraph", "Hi."),), parser=ParserInfo("dump", "0"))
>>> with open_writer(path) as writer:
...     writer.write(article.to_dict())
>>> corpus = read_corpus(path)
>>> len(corpus), list(corpus) == [article]
(1, True)
"""

from __future__ import annotations

import importlib
import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from newscorpus.corpus.schema import arrow_schema, require_parquet, require_pyarrow
from newscorpus.corpus.writers import WriterFormat, format_for
from newscorpus.models.article import Article
from newscorpus.models.record import from_dict

__all__ = ["Corpus", "read_corpus"]

#: Records read at a time (a Parquet batch, or a JSON Lines chunk for :meth:`Corpus.to_arrow`).
BATCH_SIZE = 1000


@attrs.frozen
class Corpus:
    """A written corpus (JSON Lines or Parquet), read lazily: iterate it for articles.

    Every iteration reads the file again from the start, one batch at a time, so memory does
    not grow with the corpus. In JSON Lines, blank lines and the CLI's error records (objects
    with an ``error`` key) are skipped. ``len()`` reads the Parquet footer, or counts the
    records of a JSON Lines file in one streaming pass.
    """

    path: Path = attrs.field(converter=Path)
    format: WriterFormat

    def __iter__(self) -> Iterator[Article]:
        for record in self.records():
            yield from_dict(record)

    def records(self) -> Iterator[Mapping[str, Any]]:
        """The article records (dicts as :func:`~newscorpus.to_dict` makes them), in order."""
        if self.format == "parquet":
            parquet = require_parquet()
            file = parquet.ParquetFile(self.path)
            try:
                for batch in file.iter_batches(batch_size=BATCH_SIZE):
                    yield from batch.to_pylist()
            finally:
                file.close()
        else:
            yield from self._json_records()

    def _json_records(self) -> Iterator[Mapping[str, Any]]:
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise ValueError(f"{self.path}:{number}: not a JSON object: {error}") from None
                if isinstance(record, dict) and "error" in record and "id" not in record:
                    continue
                yield record

    def __len__(self) -> int:
        if self.format == "parquet":
            parquet = require_parquet()
            file = parquet.ParquetFile(self.path)
            try:
                return int(file.metadata.num_rows)
            finally:
                file.close()
        return sum(1 for _ in self._json_records())

    def to_arrow(self) -> Any:
        """The corpus as a :class:`pyarrow.Table` with the declared schema (needs pyarrow)."""
        pa = require_pyarrow()
        if self.format == "parquet":
            return require_parquet().read_table(self.path, schema=arrow_schema())
        schema = arrow_schema()
        tables = []
        chunk: list[Mapping[str, Any]] = []
        for record in self._json_records():
            chunk.append(record)
            if len(chunk) >= BATCH_SIZE:
                tables.append(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        tables.append(pa.Table.from_pylist(chunk, schema=schema))
        return pa.concat_tables(tables)

    def to_pandas(self) -> Any:
        """The corpus as a :class:`pandas.DataFrame`, one row a record (needs pandas)."""
        try:
            importlib.import_module("pandas")
        except ImportError as error:
            raise ImportError(
                "Corpus.to_pandas() needs pandas: pip install 'newscorpus[pandas]'"
            ) from error
        return self.to_arrow().to_pandas()


def read_corpus(path: str | os.PathLike[str], format: str | None = None) -> Corpus:
    """Open a corpus written by a writer (JSON Lines or Parquet), chosen by suffix or ``format``.

    The file must exist; nothing is read until the corpus is iterated.
    """
    chosen = format_for(path, format)
    if chosen == "csv":
        raise ValueError("read_corpus reads JSON Lines and Parquet; CSV is an export only")
    corpus = Corpus(Path(path), chosen)
    if not corpus.path.is_file():
        raise FileNotFoundError(f"no corpus file at {os.fspath(path)!r}")
    return corpus
