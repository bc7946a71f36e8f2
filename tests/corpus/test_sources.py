"""Origins, input expansion (files, folders, globs), detection and the modules' doctests."""

from __future__ import annotations

import doctest
import gzip
import importlib
import io
import os
from pathlib import Path
from typing import IO

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus import Limits, NewsCorpusError, parse
from newscorpus.corpus import (
    FieldMapping,
    Origin,
    ReadDocument,
    ReadFailure,
    detect,
    read_documents,
)
from newscorpus.corpus.readers import open_document
from tests.corpus.helpers import documents, errors, texts, write

MODULES = ["__init__", "origin", "records", "readers", "archives", "warc"]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(
        "newscorpus.corpus" if name == "__init__" else f"newscorpus.corpus.{name}"
    )
    result = doctest.testmod(module)
    assert result.failed == 0


@pytest.mark.parametrize(
    ("origin", "text"),
    [
        (Origin("corpus.tar.gz", member="a/b.html"), "corpus.tar.gz!a/b.html"),
        (Origin("scrape.jsonl", line=17), "scrape.jsonl:17"),
        (Origin("crawl.warc.gz", offset=12345), "crawl.warc.gz@12345"),
        (Origin("a.zip", member="rows.jsonl", line=3), "a.zip!rows.jsonl:3"),
        (Origin("x.txt"), "x.txt"),
    ],
)
def test_origin_string_form(origin: Origin, text: str) -> None:
    assert str(origin) == text


def test_origin_within_nests() -> None:
    assert str(Origin("a.tar").within("b.zip").within("c.html")) == "a.tar!b.zip!c.html"


def test_a_single_file_is_one_document(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", b"<html><p>Hello</p></html>")
    [item] = list(read_documents(path))
    assert isinstance(item, ReadDocument)
    assert item.origin == Origin(str(path))
    assert item.document.source == str(path) == item.source
    assert item.document.format == "html"
    assert item.document.payload == b"<html><p>Hello</p></html>"


def test_directories_are_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b" / "2.txt", b"two")
    write(tmp_path / "b" / "1.txt", b"one")
    write(tmp_path / "a.txt", b"zero")
    write(tmp_path / ".hidden.txt", b"hidden")
    write(tmp_path / ".git" / "x.txt", b"hidden too")
    items = list(read_documents(tmp_path))
    assert texts(items) == ["zero", "one", "two"]
    assert [os.path.relpath(item.origin.path, tmp_path) for item in documents(items)] == [
        "a.txt",
        os.path.join("b", "1.txt"),
        os.path.join("b", "2.txt"),
    ]


def test_globs_and_several_inputs(tmp_path: Path) -> None:
    write(tmp_path / "x" / "a.txt", b"a")
    write(tmp_path / "x" / "deep" / "b.txt", b"b")
    write(tmp_path / "x" / "c.md", b"c")
    items = list(read_documents([str(tmp_path / "x" / "**" / "*.txt"), tmp_path / "x" / "c.md"]))
    assert texts(items) == ["a", "b", "c"]


def test_missing_inputs_and_empty_globs_are_errors_and_reading_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "ok.txt", b"ok")
    items = list(
        read_documents([tmp_path / "missing.txt", str(tmp_path / "*.nothing"), tmp_path / "ok.txt"])
    )
    assert [type(item) for item in items] == [ReadFailure, ReadFailure, ReadDocument]
    assert errors(items)[0].error == "SourceNotFoundError"
    assert errors(items)[1].error == "NoMatch"
    assert texts(items) == ["ok"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_an_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"no")
    path.chmod(0)
    try:
        [item] = list(read_documents(path))
    finally:
        path.chmod(0o600)
    assert isinstance(item, ReadFailure)
    assert item.error == "PermissionError"


@pytest.mark.parametrize(
    ("head", "name", "kind"),
    [
        (b"\x1f\x8b\x08\x00", "noext", "gzip"),
        (b"BZh91AY", "noext", "bz2"),
        (b"\xfd7zXZ\x00\x00", "noext", "xz"),
        (b"\x28\xb5\x2f\xfd", "noext", "zstd"),
        (b"PK\x03\x04", "noext", "zip"),
        (b"\x00" * 257 + b"ustar\x0000", "noext", "tar"),
        (b"", "a.tar", "tar"),
        (b"WARC/1.0\r\n", "noext", "warc"),
        (b"", "crawl.warc", "warc"),
        (b'{"a": 1}\n{"a": 2}\n', "noext", "jsonl"),
        (b"", "rows.ndjson", "jsonl"),
        (b"a,b\n", "rows.csv", "csv"),
        (b"a\tb\n", "rows.tsv", "tsv"),
        (b'{"a": 1}', "single.json", "document"),
        (b'{"a": 1}\n{"a": 2}\n', "rows.json", "document"),
        (b"MZ stub then PK", "selfextract.zip", "zip"),
        (b'{"a": 1}\n{"a": 2}\n', "mislabelled.csv", "csv"),
        (b"plain text", "dump.txt", "document"),
    ],
)
def test_detect(head: bytes, name: str, kind: str) -> None:
    assert detect(head, name) == kind


def test_content_wins_over_a_misleading_name(tmp_path: Path) -> None:
    path = write(tmp_path / "export.txt", b'{"text": "one"}\n{"text": "two"}\n')
    assert texts(list(read_documents(path))) == ["one", "two"]


def test_read_documents_feed_the_parser(tmp_path: Path) -> None:
    body = "A first paragraph that says what happened and why it matters to the people of the town."
    write(tmp_path / "story.txt", body.encode())
    [item] = documents(list(read_documents(tmp_path, mapping=FieldMapping())))
    assert parse(item.document.payload).text == body


def _opened(source: IO[bytes] | bytes, limits: Limits) -> tuple[bytes, str | None] | str:
    try:
        document = open_document(source, "", source="s", limits=limits)
    except NewsCorpusError as error:
        return f"{type(error).__name__}: {error}"
    assert isinstance(document.payload, bytes)
    return document.payload, document.format


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=64),
        st.binary(max_size=64).map(gzip.compress),
        st.sampled_from([b"<html><p>Hi</p>", b'{"a": 1}\n{"a": 2}\n', b"PK\x03\x04zip"]),
    ),
    st.sampled_from([None, 4, 64]),
)
def test_bytes_in_memory_open_as_their_stream(payload: bytes, maximum: int | None) -> None:
    """open_document takes bytes as they are (no copy): the same document, or the same error,
    as read from a stream of them."""
    limits = Limits(max_document_bytes=maximum)
    assert _opened(payload, limits) == _opened(io.BytesIO(payload), limits)
