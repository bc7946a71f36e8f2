"""Corpus writers: JSON Lines (the default), Parquet and CSV, each written atomically.

Every writer takes a stream of article records (``Article.to_dict()``) one at a time, holds
at most one Parquet row group in memory, and writes to a temporary file beside the target that
is renamed over it on :meth:`~CorpusWriter.close`. When the ``with`` block raises, the
temporary file is removed and nothing appears under the final name.

>>> import pathlib, tempfile
>>> from newscorpus.models.article import Article, Block, ParserInfo
>>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
>>> article = Article(id="a1", blocks=(Block("paragraph", "Hi."),), parser=ParserInfo("dump", "0"))
>>> with open_writer(path) as writer:
...     writer.write(article.to_dict())
>>> writer.count, path.read_text(encoding="utf-8").count("\\n")
(1, 1)
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Literal, Protocol, Self, runtime_checkable

from newscorpus.corpus.atomic import AtomicFile
from newscorpus.corpus.schema import (
    RECORD_FIELDS,
    arrow_row,
    arrow_schema,
    require_parquet,
    require_pyarrow,
)
from newscorpus.errors import CorpusFormatError, RecordError, SettingError, WriterClosedError

__all__ = [
    "WRITER_FORMATS",
    "CorpusWriter",
    "CsvWriter",
    "JsonLinesWriter",
    "ParquetRows",
    "ParquetWriter",
    "WriterFormat",
    "encode_line",
    "format_for",
    "open_writer",
    "require_writer",
]

WriterFormat = Literal["jsonl", "parquet", "csv"]
#: The formats :func:`open_writer` writes, and the suffixes that choose them.
WRITER_FORMATS: dict[str, WriterFormat] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".csv": "csv",
}
_SURROGATE = re.compile("[\ud800-\udfff]")
#: Records a Parquet row group holds by default.
DEFAULT_ROW_GROUP_SIZE = 1000
#: The Parquet columns that get min/max statistics: the short ones a query filters on. Not the
#: text columns: their statistics would be whole articles, kept in the file's footer and in
#: the writer's memory for every row group (about 10 MB more per 100,000 records).
STATISTICS_COLUMNS: tuple[str, ...] = (
    "schema",
    "id",
    "source",
    "format",
    "url",
    "site_name",
    "publisher",
    "agency",
    "published",
    "modified",
    "language",
    "section",
    "truncated",
    "duplicate_of",
    "story",
)
#: Records turned into Arrow at a time (their Python form is ten times their Arrow form).
_CONVERT_BATCH = 32


@runtime_checkable
class CorpusWriter(Protocol):
    """What every writer does: take records one at a time, then close (commit) or abort.

    >>> import pathlib, tempfile
    >>> writer = open_writer(pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl")
    >>> isinstance(writer, CorpusWriter)
    True
    >>> writer.abort()
    """

    @property
    def path(self) -> Path:
        """The final path of the output."""
        ...

    @property
    def count(self) -> int:
        """How many records have been written."""
        ...

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one article record."""
        ...

    def write_encoded(self, line: bytes) -> None:
        """Append one article record given as its JSON Lines line (:func:`encode_line`)."""
        ...

    def close(self) -> None:
        """Finish the file and move it to its final name."""
        ...

    def abort(self) -> None:
        """Drop everything written; nothing appears under the final name."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...


class _AtomicWriter:
    """The shared part: the atomic file, the count, and the context manager."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        temporary_folder: str | os.PathLike[str] | None = None,
    ) -> None:
        self._out = AtomicFile(path, folder=temporary_folder)
        self._count = 0

    @property
    def path(self) -> Path:
        """The final path of the output."""
        return self._out.path

    @property
    def count(self) -> int:
        """How many records have been written."""
        return self._count

    @property
    def closed(self) -> bool:
        """Whether the writer was closed or aborted."""
        return self._out.done

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one article record."""
        if self._out.done:
            raise WriterClosedError(f"write to a closed corpus writer ({self.path})")
        self._write(record)
        self._count += 1

    def write_encoded(self, line: bytes) -> None:
        """Append one record given as its JSON Lines line (:func:`encode_line`)."""
        self.write(json.loads(line))

    def close(self) -> None:
        """Finish the file, fsync it and rename it to :attr:`path` (again: no effect)."""
        if self._out.done:
            return
        try:
            self._finish()
        except BaseException:
            self.abort()
            raise
        self._out.commit()

    def abort(self) -> None:
        """Remove the temporary file; nothing appears under :attr:`path`."""
        self._out.abort()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None:
            self.close()
        else:
            self.abort()

    def _write(self, record: Mapping[str, Any]) -> None:
        raise NotImplementedError

    def _finish(self) -> None:
        """Write what is buffered; the file is then fsynced and renamed."""


def encode_line(record: Mapping[str, Any]) -> bytes:
    """One JSON Lines line (UTF-8, ending in ``\\n``) of ``record``, exactly as
    :class:`JsonLinesWriter` writes it.

    >>> encode_line({"id": "é", "bad": "\\ud800"})
    b'{"id": "\\xc3\\xa9", "bad": "\\\\ud800"}\\n'
    """
    line = json.dumps(record, ensure_ascii=False)
    # A raw surrogate can only stand inside a JSON string, where its escape is equivalent.
    line = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", line)
    return line.encode("utf-8") + b"\n"


class JsonLinesWriter(_AtomicWriter):
    """JSON Lines: UTF-8, one JSON object a line, non-ASCII characters kept as they are.

    A lone surrogate (which UTF-8 cannot encode) is written as a JSON escape (``\\ud800``),
    so every string round-trips exactly.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl"
    >>> with JsonLinesWriter(path) as writer:
    ...     writer.write({"id": "a1", "title": "Café"})
    >>> path.read_text(encoding="utf-8")
    '{"id": "a1", "title": "Café"}\\n'
    """

    def _write(self, record: Mapping[str, Any]) -> None:
        self._out.file.write(encode_line(record))

    def write_encoded(self, line: bytes) -> None:
        """Append one record given as its JSON Lines line, as it is."""
        if self._out.done:
            raise WriterClosedError(f"write to a closed corpus writer ({self.path})")
        self._out.file.write(line)
        self._count += 1


class ParquetRows:
    """Records into Parquet row groups on an open binary file, with the declared schema
    (:func:`~newscorpus.corpus.schema.arrow_schema`): what :class:`ParquetWriter` and the
    cluster runner's part files share.

    Records are converted to Arrow a few at a time and written ``row_group_size`` at a time,
    one row group each, so memory holds one row group in Arrow's compact form and a handful of
    records as Python objects (which take ten times the room: a record's removed lines and
    edits are many small dicts). A record with a field the schema does not know raises
    :class:`~newscorpus.RecordError`, a ``ValueError`` (nothing is dropped silently).

    >>> import io
    >>> rows = ParquetRows(io.BytesIO())
    >>> rows.write({"bogus": 1})
    Traceback (most recent call last):
    ...
    newscorpus.errors.RecordError: record fields not in the Parquet schema: ['bogus']
    """

    def __init__(self, file: IO[bytes], *, row_group_size: int = DEFAULT_ROW_GROUP_SIZE) -> None:
        if row_group_size < 1:
            raise SettingError(f"row_group_size must be at least 1, not {row_group_size}")
        self._pa = require_pyarrow()
        self.row_group_size = row_group_size
        self._schema = arrow_schema()
        self._known = frozenset(RECORD_FIELDS)
        self._buffer: list[Mapping[str, Any]] = []
        self._batches: list[Any] = []
        self._rows = 0
        self._parquet = require_parquet().ParquetWriter(
            file, self._schema, write_statistics=list(STATISTICS_COLUMNS)
        )

    def write(self, record: Mapping[str, Any]) -> None:
        """Append one article record."""
        unknown = record.keys() - self._known
        if unknown:
            raise RecordError(f"record fields not in the Parquet schema: {sorted(unknown)}")
        self._buffer.append(arrow_row(record))
        if len(self._buffer) >= _CONVERT_BATCH or self._rows + len(self._buffer) >= (
            self.row_group_size
        ):
            self._convert()
        if self._rows >= self.row_group_size:
            self._flush()

    def close(self, metadata: Mapping[str, str] | None = None) -> None:
        """Write what is buffered and the file's footer, with ``metadata`` (key-value pairs
        for the footer, such as the cluster runner's count of documents left out)."""
        self._flush()
        if metadata:
            self._parquet.add_key_value_metadata(dict(metadata))
        self._parquet.close()

    def abort(self) -> None:
        """Drop what is buffered and close without raising (the file is thrown away)."""
        self._buffer = []
        self._batches = []
        with contextlib.suppress(Exception):
            self._parquet.close()

    def _convert(self) -> None:
        if self._buffer:
            batch = self._pa.RecordBatch.from_pylist(self._buffer, schema=self._schema)
            self._batches.append(batch)
            self._rows += batch.num_rows
            self._buffer = []

    def _flush(self) -> None:
        self._convert()
        if self._batches:
            table = self._pa.Table.from_batches(self._batches, schema=self._schema)
            table = table.combine_chunks()  # one chunk, so one row group
            self._batches = []
            self._rows = 0
            self._parquet.write_table(table, row_group_size=self.row_group_size)


class ParquetWriter(_AtomicWriter):
    """Parquet with the declared schema (:func:`~newscorpus.corpus.schema.arrow_schema`),
    written by :class:`ParquetRows`: memory holds one row group at most. Arrow strings are
    UTF-8, so a string holding a lone surrogate raises :class:`UnicodeEncodeError` (text read
    by newscorpus never holds one). Needs ``newscorpus[parquet]``.

    >>> import pathlib, tempfile
    >>> from newscorpus import read_corpus
    >>> from newscorpus.models.article import Article, Block, ParserInfo
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.parquet"
    >>> body = (Block("paragraph", "Hi."),)
    >>> article = Article(id="a1", blocks=body, parser=ParserInfo("dump", "0"))
    >>> with ParquetWriter(path, row_group_size=500) as writer:
    ...     writer.write(article.to_dict())
    >>> [item.text for item in read_corpus(path)]
    ['Hi.']
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
        temporary_folder: str | os.PathLike[str] | None = None,
    ) -> None:
        require_parquet()
        super().__init__(path, temporary_folder=temporary_folder)
        try:
            self._rows = ParquetRows(self._out.file, row_group_size=row_group_size)
        except BaseException:
            self._out.abort()
            raise

    @property
    def row_group_size(self) -> int:
        """Records a row group holds."""
        return self._rows.row_group_size

    def _write(self, record: Mapping[str, Any]) -> None:
        self._rows.write(record)

    def _finish(self) -> None:
        self._rows.close()

    def abort(self) -> None:
        """Remove the temporary file; nothing appears under :attr:`path`."""
        if not self.closed:
            self._rows.abort()
        super().abort()


class CsvWriter(_AtomicWriter):
    """CSV: a header row, then one row a record, with the record's fields as columns.

    Strings are written as they are, numbers and booleans as JSON (``2``, ``true``), a null as
    an empty cell, and the nested fields (``authors``, ``tags``, ``blocks``, ``media``,
    ``paywall``, ``removed``, ``edits``, ``parser``) as JSON text. UTF-8, ``\\r\\n`` row ends
    (RFC 4180). CSV is an export for spreadsheets; :func:`~newscorpus.corpus.read_corpus`
    reads JSON Lines and Parquet.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.csv"
    >>> with CsvWriter(path, fields=("id", "authors")) as writer:
    ...     writer.write({"id": "a1", "authors": ["Jane Doe"]})
    >>> path.read_text(encoding="utf-8").splitlines()
    ['id,authors', 'a1,"[""Jane Doe""]"']
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        fields: tuple[str, ...] = RECORD_FIELDS,
        temporary_folder: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(path, temporary_folder=temporary_folder)
        self.fields = fields
        self._text = io.TextIOWrapper(self._out.file, encoding="utf-8", newline="")
        self._csv = csv.writer(self._text)
        self._csv.writerow(fields)

    def _write(self, record: Mapping[str, Any]) -> None:
        unknown = record.keys() - set(self.fields)
        if unknown:
            raise RecordError(f"record fields without a CSV column: {sorted(unknown)}")
        self._csv.writerow([_cell(record.get(name)) for name in self.fields])

    def _finish(self) -> None:
        self._text.flush()
        self._text.detach()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def format_for(path: str | os.PathLike[str], format: str | None = None) -> WriterFormat:
    """The output format: ``format`` when given, else chosen by the path's suffix.

    >>> format_for("out/corpus.parquet"), format_for("x.data", "csv")
    ('parquet', 'csv')
    """
    if format is not None:
        chosen = format.lower().lstrip(".")
        for name in WRITER_FORMATS.values():
            if chosen == name:
                return name
        known = sorted(set(WRITER_FORMATS.values()))
        raise CorpusFormatError(f"unknown corpus format {format!r}; choose one of {known}")
    suffix = Path(path).suffix.lower()
    try:
        return WRITER_FORMATS[suffix]
    except KeyError:
        raise CorpusFormatError(
            f"cannot tell the corpus format of {os.fspath(path)!r} from its suffix; "
            f"use one of {', '.join(WRITER_FORMATS)} or pass format="
        ) from None


def require_writer(format: WriterFormat) -> None:
    """Fail now, before anything is written, when the writer of ``format`` needs a dependency
    that is not installed (:class:`~newscorpus.MissingDependencyError`).

    >>> require_writer("parquet")
    """
    if format == "parquet":
        require_parquet()


def open_writer(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
    temporary_folder: str | os.PathLike[str] | None = None,
) -> CorpusWriter:
    """A writer for ``path``, its format chosen by ``format`` or by the path's suffix.

    ``row_group_size`` applies to Parquet. The file is written under a temporary name in
    ``temporary_folder`` (default: the folder of ``path``; it must be on the same file system).
    Use it as a context manager: the file appears under ``path`` when the block ends without an
    error, and not at all otherwise.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "corpus.csv"
    >>> with open_writer(path) as writer:
    ...     type(writer).__name__
    'CsvWriter'
    >>> path.exists()
    True
    """
    chosen = format_for(path, format)
    if chosen == "parquet":
        return ParquetWriter(path, row_group_size=row_group_size, temporary_folder=temporary_folder)
    if chosen == "csv":
        return CsvWriter(path, temporary_folder=temporary_folder)
    return JsonLinesWriter(path, temporary_folder=temporary_folder)
