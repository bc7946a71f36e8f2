"""WARC files: HTML responses become documents with their target URI, date and offset."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from newscorpus.corpus import Origin, ReadDocument, ReadFailure, read_documents
from tests.corpus.helpers import documents, errors, texts, warc_bytes, write

pytest.importorskip("warcio")

PAGES = [
    ("https://a.example/1", "text/html; charset=utf-8", b"<html><p>One</p></html>"),
    ("https://a.example/img.png", "image/png", b"\x89PNG"),
    ("https://a.example/2", "application/xhtml+xml", b"<html><p>Two</p></html>"),
]


@pytest.mark.parametrize("compressed", [False, True])
def test_html_responses_become_documents(tmp_path: Path, compressed: bool) -> None:
    name = "crawl.warc.gz" if compressed else "crawl.warc"
    path = write(tmp_path / name, warc_bytes(PAGES, gzip=compressed))
    items = list(read_documents(path))
    assert not errors(items)
    assert texts(items) == ["<html><p>One</p></html>", "<html><p>Two</p></html>"]
    docs = documents(items)
    assert [item.document.url for item in docs] == ["https://a.example/1", "https://a.example/2"]
    assert all(item.date and item.date.startswith("20") for item in docs)
    assert all(item.document.format == "html" for item in docs)
    offsets = [item.origin.offset for item in docs]
    assert offsets[0] is not None
    assert offsets[1] is not None
    assert 0 < offsets[0] < offsets[1]
    assert docs[0].source == f"{path}@{offsets[0]}"
    data = path.read_bytes()
    if compressed:  # each record is a gzip member: the offset starts one
        assert data[offsets[0] : offsets[0] + 2] == b"\x1f\x8b"
        assert gzip.decompress(data[offsets[0] :]).startswith(b"WARC/1.")
    else:
        assert data[offsets[0] :].startswith(b"WARC/1.")


def test_warc_is_detected_by_content(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.bin", warc_bytes(PAGES))
    assert len(documents(list(read_documents(path)))) == 2


def test_warc_inside_a_gzip_without_the_warc_name(tmp_path: Path) -> None:
    path = write(tmp_path / "crawl.gz", gzip.compress(warc_bytes(PAGES)))
    assert texts(list(read_documents(path))) == [
        "<html><p>One</p></html>",
        "<html><p>Two</p></html>",
    ]


@pytest.mark.parametrize("compressed", [False, True])
@pytest.mark.parametrize("cut", [10, 200, 600])
def test_truncated_warc_yields_what_was_read_then_one_error(
    tmp_path: Path, compressed: bool, cut: int
) -> None:
    data = warc_bytes(PAGES, gzip=compressed)
    path = write(tmp_path / ("c.warc.gz" if compressed else "c.warc"), data[: len(data) - cut])
    items = list(read_documents(path))
    assert isinstance(items[-1], ReadFailure)
    assert len(errors(items)) == 1
    assert texts(items) == ["<html><p>One</p></html>"]
    assert all(isinstance(item, ReadDocument) for item in items[:-1])


def test_a_cut_off_record_is_an_error_not_a_partial_document(tmp_path: Path) -> None:
    data = warc_bytes(PAGES[:1])
    path = write(tmp_path / "c.warc", data[:-30])
    [item] = list(read_documents(path))
    assert isinstance(item, ReadFailure)
    assert item.origin == Origin(str(path), offset=item.origin.offset)
    assert item.error == "TruncatedRecord"


def test_garbage_named_warc_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "c.warc", b"this is not a warc file\n" * 10)
    items = list(read_documents(path))
    assert items
    assert isinstance(items[-1], ReadFailure)
    assert not documents(items)
