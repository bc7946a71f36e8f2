"""Small fixtures the corpus tests build in ``tmp_path``."""

from __future__ import annotations

import importlib
import io
from pathlib import Path
from typing import Any

from newscorpus.corpus import ReadDocument, ReadFailure, ReadItem


def documents(items: list[ReadItem]) -> list[ReadDocument]:
    """The documents among ``items``."""
    return [item for item in items if isinstance(item, ReadDocument)]


def errors(items: list[ReadItem]) -> list[ReadFailure]:
    """The errors among ``items``."""
    return [item for item in items if isinstance(item, ReadFailure)]


def texts(items: list[ReadItem]) -> list[str]:
    """The payload text of every document among ``items``."""
    return [item.document.text for item in documents(items)]


def warc_bytes(pages: list[tuple[str, str, bytes]], *, gzip: bool = False) -> bytes:
    """A WARC of ``(url, content type, body)`` responses, each after a request record."""
    warcwriter: Any = importlib.import_module("warcio.warcwriter")
    headers: Any = importlib.import_module("warcio.statusandheaders")
    buffer = io.BytesIO()
    writer = warcwriter.WARCWriter(buffer, gzip=gzip)
    for url, content_type, body in pages:
        request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1"))
        writer.write_record(request)
        http = headers.StatusAndHeaders(
            "200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buffer.getvalue()


def write(path: Path, data: bytes) -> Path:
    """Write ``data`` to ``path`` (making folders) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path
