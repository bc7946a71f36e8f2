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
from typing import Any, Literal, Protocol, Self, runtime_checkable

from newscorpus.corpus.atomic import AtomicFile
from newscorpus.corpus.schema import RECORD_FIELDS, arrow_schema, require_parquet, require_pyarrow

__all__ = [
    "WRITER_FORMATS",
    "CorpusWriter",
    "CsvWriter",
    "JsonLinesWriter",
    "ParquetWriter",
    "WriterFormat",
    "format_for",
    "open_writer",
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


@runtime_checkable
class CorpusWriter(Protocol):
    """What every writer does: take records one at a time, then close (commit) or abort."""

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

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self._out = AtomicFile(path)
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
            raise ValueError(f"write to a closed corpus writer ({self.path})")
        self._write(record)
        self._count += 1

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


class JsonLinesWriter(_AtomicWriter):
    """JSON Lines: UTF-8, one JSON object a line, non-ASCII characters kept as they are.

    A lone surrogate (which UTF-8 cannot encode) is written as a JSON escape (``\\ud800``),
    so every string round-trips exactly.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path)
        self._text = io.TextIOWrapper(self._out.file, encoding="utf-8", newline="\n")

    def _write(self, record: Mapping[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False)
        # A raw surrogate can only stand inside a JSON string, where its escape is equivalent.
        line = _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", line)
        self._text.write(line)
        self._text.write("\n")

    def _finish(self) -> None:
        self._text.flush()
        self._text.detach()


class ParquetWriter(_AtomicWriter):
    """Parquet with the declared schema (:func:`~newscorpus.corpus.schema.arrow_schema`).

    Records are buffered and written ``row_group_size`` at a time, one row group each, so
    memory holds one row group at most. A record with a field the schema does not know raises
    :class:`ValueError` (nothing is dropped silently). Arrow strings are UTF-8, so a string
    holding a lone surrogate raises :class:`UnicodeEncodeError` (text read by newscorpus never
    holds one). Needs ``newscorpus[parquet]``.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, row_group_size: int = DEFAULT_ROW_GROUP_SIZE
    ) -> None:
        if row_group_size < 1:
            raise ValueError(f"row_group_size must be at least 1, not {row_group_size}")
        self._pa = require_pyarrow()
        parquet = require_parquet()
        super().__init__(path)
        self.row_group_size = row_group_size
        self._schema = arrow_schema()
        self._known = frozenset(RECORD_FIELDS)
        self._buffer: list[Mapping[str, Any]] = []
        try:
            self._parquet = parquet.ParquetWriter(self._out.file, self._schema)
        except BaseException:
            self._out.abort()
            raise

    def _write(self, record: Mapping[str, Any]) -> None:
        unknown = record.keys() - self._known
        if unknown:
            raise ValueError(f"record fields not in the Parquet schema: {sorted(unknown)}")
        self._buffer.append(record)
        if len(self._buffer) >= self.row_group_size:
            self._flush()

    def _flush(self) -> None:
        if self._buffer:
            table = self._pa.Table.from_pylist(self._buffer, schema=self._schema)
            self._buffer = []
            self._parquet.write_table(table, row_group_size=self.row_group_size)

    def _finish(self) -> None:
        self._flush()
        self._parquet.close()

    def abort(self) -> None:
        """Remove the temporary file; nothing appears under :attr:`path`."""
        self._buffer = []
        if not self.closed:
            with contextlib.suppress(Exception):
                self._parquet.close()
        super().abort()


class CsvWriter(_AtomicWriter):
    """CSV: a header row, then one row a record, with the record's fields as columns.

    Strings are written as they are, numbers and booleans as JSON (``2``, ``true``), a null as
    an empty cell, and the nested fields (``authors``, ``tags``, ``blocks``, ``media``,
    ``paywall``, ``removed``, ``edits``, ``parser``) as JSON text. UTF-8, ``\\r\\n`` row ends
    (RFC 4180). CSV is an export for spreadsheets; :func:`~newscorpus.corpus.read_corpus`
    reads JSON Lines and Parquet.
    """

    def __init__(
        self, path: str | os.PathLike[str], *, fields: tuple[str, ...] = RECORD_FIELDS
    ) -> None:
        super().__init__(path)
        self.fields = fields
        self._text = io.TextIOWrapper(self._out.file, encoding="utf-8", newline="")
        self._csv = csv.writer(self._text)
        self._csv.writerow(fields)

    def _write(self, record: Mapping[str, Any]) -> None:
        unknown = record.keys() - set(self.fields)
        if unknown:
            raise ValueError(f"record fields without a CSV column: {sorted(unknown)}")
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
        raise ValueError(f"unknown corpus format {format!r}; choose one of {known}")
    suffix = Path(path).suffix.lower()
    try:
        return WRITER_FORMATS[suffix]
    except KeyError:
        raise ValueError(
            f"cannot tell the corpus format of {os.fspath(path)!r} from its suffix; "
            f"use one of {', '.join(WRITER_FORMATS)} or pass format="
        ) from None


def open_writer(
    path: str | os.PathLike[str],
    format: str | None = None,
    *,
    row_group_size: int = DEFAULT_ROW_GROUP_SIZE,
) -> CorpusWriter:
    """A writer for ``path``, its format chosen by ``format`` or by the path's suffix.

    ``row_group_size`` applies to Parquet. Use it as a context manager: the file appears under
    ``path`` when the block ends without an error, and not at all otherwise.
    """
    chosen = format_for(path, format)
    if chosen == "parquet":
        return ParquetWriter(path, row_group_size=row_group_size)
    if chosen == "csv":
        return CsvWriter(path)
    return JsonLinesWriter(path)
