"""WARC files (plain or gzipped per record), read with warcio: one document per HTML response.

Only ``response`` records whose HTTP ``Content-Type`` is HTML (``text/html``,
``application/xhtml+xml``) are documents; requests, metadata, resources and non-HTML responses
are not, and are passed over. Each document keeps ``WARC-Target-URI`` as its URL and
``WARC-Date`` as its date, and its origin is the record's byte offset in the file. A record cut
short, or bytes after the last whole record, end the file with one :class:`ReadFailure`.

A response whose payload is past ``Limits.max_document_bytes`` is a ``LimitError`` read error
(its payload is never read whole, even when its HTTP ``Content-Encoding`` is a gzip bomb), and
reading goes on with the next record.

warcio is an optional dependency (``pip install newscorpus[warc]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any

from newscorpus._optional import require
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.errors import LimitError
from newscorpus.formats.base import RawDocument
from newscorpus.limits import Limits, limits_or_default, read_bounded

__all__ = ["HTML_TYPES", "read_warc"]

HTML_TYPES = ("text/html", "application/xhtml+xml")
"""HTTP content types whose responses are documents."""

# Blank lines between uncompressed records are not part of a record's length.
_SLACK = 4


def _archive_iterator(stream: IO[bytes]) -> Any:
    module = require("warcio.archiveiterator", "Reading WARC files")
    return module.ArchiveIterator(stream)


def _is_html(record: Any) -> bool:
    if record.http_headers is None:
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return any(kind in content_type for kind in HTML_TYPES)


def _gzip_member_cut_short(records: Any) -> bool:
    """Whether the record just read was the start of a gzip member that never ended."""
    decompressor = getattr(records.reader, "decompressor", None)
    return decompressor is not None and not getattr(decompressor, "eof", True)


def read_warc(
    stream: IO[bytes], origin: Origin, limits: Limits | None = None
) -> Iterator[ReadItem]:
    """The HTML responses of a WARC file, in file order."""
    limits = limits_or_default(limits)
    records = _archive_iterator(stream)
    end = 0
    for record in records:
        here = Origin(origin.path, origin.member, offset=int(records.offset))
        document: ReadItem | None = None
        if record.rec_type == "response" and _is_html(record):
            try:
                payload = read_bounded(record.content_stream(), limits, source=str(here))
            except LimitError as error:
                document = ReadFailure.from_exception(here, error)
            else:
                raw = RawDocument(
                    payload,
                    source=str(here),
                    url=record.rec_headers.get_header("WARC-Target-URI"),
                    format="html",
                    limits=limits,
                )
                document = ReadDocument(raw, here, record.rec_headers.get_header("WARC-Date"))
        records.read_to_end(record)
        if record.raw_stream.limit > 0 or _gzip_member_cut_short(records):
            yield ReadFailure(here, "TruncatedRecord", "the WARC record is cut short")
            return
        if document is not None:
            yield document
        end = records.get_record_offset() + records.get_record_length()
    consumed = int(records.fh.tell())
    if consumed > end + _SLACK:
        yield ReadFailure(
            Origin(origin.path, origin.member, offset=end),
            "TruncatedRecord",
            f"{consumed - end} bytes after the last whole WARC record",
        )
