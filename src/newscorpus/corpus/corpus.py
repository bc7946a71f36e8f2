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

import json
import os
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import attrs

from newscorpus._optional import require
from newscorpus.corpus.schema import (
    arrow_row,
    arrow_schema,
    record_of_row,
    require_parquet,
    require_pyarrow,
)
from newscorpus.corpus.writers import WriterFormat, format_for
from newscorpus.errors import CorpusFormatError, CorpusNotFoundError, RecordError
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
    records of a JSON Lines file in one streaming pass. In a notebook a corpus shows its first
    records as a table.

    >>> import json, pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> import newscorpus
    >>> texts = ("The council met on Monday to vote on the budget.",
    ...          "The vote was put off until the spring, the mayor said.")
    >>> records = [newscorpus.parse(text).to_dict() for text in texts]
    >>> _ = path.write_text("".join(json.dumps(r) + "\\n" for r in records), encoding="utf-8")
    >>> corpus = Corpus(path, "jsonl")
    >>> len(corpus), [article.text for article in corpus] == list(texts)
    (2, True)
    >>> [record["schema"] for record in corpus.records()] == [newscorpus.SCHEMA_VERSION] * 2
    True
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
            for path in self._parquet_files():
                file = parquet.ParquetFile(path)
                try:
                    for batch in file.iter_batches(batch_size=BATCH_SIZE):
                        yield from map(record_of_row, batch.to_pylist())
                finally:
                    file.close()
        else:
            yield from self._json_records()

    def _parquet_files(self) -> list[Path]:
        """The Parquet file, or a folder's Parquet files (a partitioned corpus such as the
        cluster runner writes), in part order; names starting with ``_`` or ``.`` are not data."""
        if not self.path.is_dir():
            return [self.path]
        found = [
            path
            for path in self.path.glob("*.parquet")
            if path.is_file() and not path.name.startswith(("_", "."))
        ]
        return sorted(found, key=lambda path: (len(path.name), path.name))

    def _json_records(self) -> Iterator[Mapping[str, Any]]:
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    where = f"{self.path}:{number}"
                    raise RecordError(f"not a JSON object: {error}", source=where) from None
                if isinstance(record, dict) and "error" in record and "id" not in record:
                    continue
                yield record

    def __len__(self) -> int:
        if self.format == "parquet":
            parquet = require_parquet()
            rows = 0
            for path in self._parquet_files():
                file = parquet.ParquetFile(path)
                try:
                    rows += int(file.metadata.num_rows)
                finally:
                    file.close()
            return rows
        return sum(1 for _ in self._json_records())

    def to_arrow(self) -> Any:
        """The corpus as a :class:`pyarrow.Table` with the declared schema (needs pyarrow)."""
        pa = require_pyarrow()
        if self.format == "parquet":
            parquet, schema = require_parquet(), arrow_schema()
            files = self._parquet_files()
            tables = [self._parquet_table(parquet, path) for path in files]
            return pa.concat_tables(tables) if tables else schema.empty_table()
        schema = arrow_schema()
        tables = []
        chunk: list[Mapping[str, Any]] = []
        for record in self._json_records():
            chunk.append(arrow_row(record))
            if len(chunk) >= BATCH_SIZE:
                tables.append(pa.Table.from_pylist(chunk, schema=schema))
                chunk = []
        tables.append(pa.Table.from_pylist(chunk, schema=schema))
        return pa.concat_tables(tables)

    @staticmethod
    def _parquet_table(parquet: Any, path: Path) -> Any:
        """One Parquet file as a table of the declared schema; a file written before dates
        were typed (ISO strings) is converted through its records."""
        schema = arrow_schema()
        if parquet.read_schema(path).field("published").type == schema.field("published").type:
            return parquet.read_table(path, schema=schema)
        rows = [arrow_row(record_of_row(row)) for row in parquet.read_table(path).to_pylist()]
        return require_pyarrow().Table.from_pylist(rows, schema=schema)

    def to_pandas(self) -> Any:
        """The corpus as a :class:`pandas.DataFrame`, one row a record (needs pandas)."""
        require("pandas", "Corpus.to_pandas()")
        return self.to_arrow().to_pandas()

    def _repr_html_(self) -> str:
        """The first records as an HTML table for notebooks (see
        :func:`newscorpus.display.corpus_html`); only they are read, except a Parquet footer."""
        from newscorpus.display import corpus_html

        total = len(self) if self.format == "parquet" else None
        return corpus_html(self.records(), total=total, caption=str(self.path))


def read_corpus(path: str | os.PathLike[str], format: str | None = None) -> Corpus:
    """Open a corpus written by a writer (JSON Lines or Parquet), chosen by suffix or ``format``.

    A folder is a partitioned Parquet corpus (as :func:`newscorpus.cluster.run_on_dask` writes
    it): its ``*.parquet`` files, in part order, are read as one corpus. The file or folder must
    exist; nothing is read until the corpus is iterated.

    >>> read_corpus("no/such/corpus.jsonl")
    Traceback (most recent call last):
    ...
    newscorpus.errors.CorpusNotFoundError: no/such/corpus.jsonl: no corpus file
    """
    if Path(path).is_dir():
        if format is not None and format_for(path, format) != "parquet":
            raise CorpusFormatError("a corpus folder is read as partitioned Parquet, not " + format)
        return Corpus(Path(path), "parquet")
    chosen = format_for(path, format)
    if chosen == "csv":
        raise CorpusFormatError("read_corpus reads JSON Lines and Parquet; CSV is an export only")
    corpus = Corpus(Path(path), chosen)
    if not corpus.path.is_file():
        raise CorpusNotFoundError("no corpus file", source=os.fspath(path))
    return corpus
