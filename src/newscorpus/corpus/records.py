"""JSON Lines and CSV exports of scrapers: one document a row, fields named by a mapping.

>>> import io
>>> rows = io.BytesIO(b'{"html": "<p>Hi</p>", "url": "https://a.example/1"}\\nnot json\\n')
>>> [type(item).__name__ for item in read_jsonl(rows, Origin("scrape.jsonl"))]
['ReadDocument', 'ReadFailure']
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import IO, Any

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.errors import LimitError
from newscorpus.formats.base import RawDocument
from newscorpus.limits import Limits, limits_or_default

__all__ = ["FieldMapping", "read_csv", "read_jsonl"]

# Large HTML pages in a CSV cell exceed the csv module's default limit of 128 KiB.
_CSV_FIELD_LIMIT = 1 << 30


def _names(value: str | tuple[str, ...] | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


@frozen
class FieldMapping:
    """Which fields of a JSON Lines record or CSV row hold the payload, URL, date and format.

    Each is a field name or a tuple of names tried in order; the first present, non-empty text
    value wins. The payload is required (a row without one is a :class:`ReadFailure`); the others
    are optional. The defaults cover the common scraper exports.

    >>> mapping = FieldMapping(payload="article_html")
    >>> mapping.payload, mapping.url
    (('article_html',), ('url', 'link', 'uri', 'href'))
    >>> FieldMapping().pick({"body": "", "text": "Hello"}, FieldMapping().payload)
    'Hello'
    """

    payload: tuple[str, ...] = field(
        default=("html", "content", "text", "body", "raw", "payload"), converter=_names
    )
    url: tuple[str, ...] = field(default=("url", "link", "uri", "href"), converter=_names)
    date: tuple[str, ...] = field(
        default=("date", "published", "published_at", "crawled_at", "timestamp"),
        converter=_names,
    )
    format: tuple[str, ...] = field(default=("format", "type"), converter=_names)

    @staticmethod
    def pick(row: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
        """The first of ``names`` in ``row`` with a non-empty value, as text (or ``None``)."""
        for name in names:
            value = row.get(name)
            if value is None or value == "" or isinstance(value, dict | list | bool):
                continue
            return value if isinstance(value, str) else str(value)
        return None

    def document(
        self, row: Mapping[str, Any], origin: Origin, limits: Limits | None = None
    ) -> ReadItem:
        """The document ``row`` describes, or a :class:`ReadFailure` when it has no payload or
        its payload is past ``limits.max_document_bytes``."""
        payload = self.pick(row, self.payload)
        if payload is None:
            wanted = ", ".join(self.payload)
            return ReadFailure(origin, "MissingPayload", f"no payload field (looked for {wanted})")
        raw = RawDocument(
            payload,
            source=str(origin),
            url=self.pick(row, self.url),
            format=self.pick(row, self.format),
            limits=limits,
        )
        try:
            raw.check_size()
        except LimitError as error:
            return ReadFailure.from_exception(origin, error)
        return ReadDocument(raw, origin, self.pick(row, self.date))


def read_jsonl(
    stream: IO[bytes],
    origin: Origin,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
) -> Iterator[ReadItem]:
    """One document a JSON object line; a line that is not one is a :class:`ReadFailure`.

    Blank lines are skipped; ``origin.line`` is the 1-based line number. A line longer than
    ``limits.max_document_bytes`` is a ``LimitError`` read error, and is skipped without being
    held in memory.

    >>> rows = io.BytesIO(b'{"text": "' + b"x" * 50 + b'"}\\n{"text": "short"}\\n')
    >>> items = list(read_jsonl(rows, Origin("a.jsonl"), limits=Limits(max_document_bytes=40)))
    >>> [(item.source, type(item).__name__) for item in items]
    [('a.jsonl:1', 'ReadFailure'), ('a.jsonl:2', 'ReadDocument')]
    """
    mapping = mapping if mapping is not None else FieldMapping()
    limits = limits_or_default(limits)
    for number, line in enumerate(_lines(stream, limits.max_document_bytes), 1):
        here = Origin(origin.path, origin.member, line=number)
        if line is None:
            maximum = limits.max_document_bytes or 0
            error = LimitError("max_document_bytes", maximum + 1, maximum, source=str(here))
            yield ReadFailure.from_exception(here, error)
            continue
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, RecursionError) as error:  # "[[[[..." nested past the stack
            yield ReadFailure.from_exception(here, error)
            continue
        if not isinstance(row, dict):
            yield ReadFailure(here, "NotAnObject", f"a JSON {type(row).__name__}, not an object")
            continue
        yield mapping.document(row, here, limits)


def _lines(stream: IO[bytes], maximum: int | None) -> Iterator[bytes | None]:
    """The stream's lines, each at most ``maximum`` bytes; ``None`` for a longer line, which is
    skipped in pieces of that size (never held whole)."""
    if maximum is None:
        yield from stream
        return
    while line := stream.readline(maximum + 1):
        if len(line) <= maximum or (line.endswith(b"\n") and len(line) == maximum + 1):
            yield line
            continue
        while line and not line.endswith(b"\n"):
            line = stream.readline(maximum + 1)
        yield None


def read_csv(
    stream: IO[bytes],
    origin: Origin,
    mapping: FieldMapping | None = None,
    *,
    delimiter: str = ",",
    limits: Limits | None = None,
) -> Iterator[ReadItem]:
    """One document a CSV row (UTF-8, header row first); ``origin.line`` is the row's first line.

    >>> rows = io.BytesIO(b"url,content\\nhttps://a.example/,Hello\\n")
    >>> [item.source for item in read_csv(rows, Origin("export.csv"))]
    ['export.csv:2']
    """
    mapping = mapping if mapping is not None else FieldMapping()
    # A field is bounded like a document: an unclosed quote must not buffer the whole file. The
    # slack lets a row just past the limit fail alone (a LimitError for that row) and the file
    # go on; only a runaway field ends it.
    maximum = limits_or_default(limits).max_document_bytes
    largest = maximum + tuning.CSV_FIELD_SLACK_CHARS if maximum is not None else _CSV_FIELD_LIMIT
    csv.field_size_limit(largest)
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.DictReader(text, delimiter=delimiter)
    start = 2
    for row in _bounded_rows(reader, largest, str(origin)):
        here = Origin(origin.path, origin.member, line=start)
        start = reader.line_num + 1
        fields = {k: v for k, v in row.items() if isinstance(k, str)}
        yield mapping.document(fields, here, limits)


def _bounded_rows(
    reader: csv.DictReader[str], largest: int, source: str
) -> Iterator[dict[str | Any, str | Any]]:
    """The rows of ``reader``; a field past ``largest`` characters (an unclosed quote, say)
    ends the file with a :class:`~newscorpus.LimitError` instead of csv's bare error."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            if "field larger than field limit" not in str(error):
                raise
            raise LimitError("max_document_bytes", largest + 1, largest, source=source) from None
        yield row
