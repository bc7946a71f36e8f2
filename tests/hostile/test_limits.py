"""The limits: safe defaults, validation, and a clear LimitError from every entry point."""

from __future__ import annotations

import gzip
import json
import pickle
from pathlib import Path

import pytest

import newscorpus
from newscorpus import DEFAULT_LIMITS, LimitError, Limits, RawDocument
from newscorpus.corpus import ReadDocument, ReadFailure, read_documents
from newscorpus.formats import DumpParser, HtmlParser
from newscorpus.formats.dump import split_lines

from .helpers import tar_bytes, zip_bytes

STORY = "The council met on Monday and voted to keep the library open for another year."


def test_defaults_are_safe_and_documented() -> None:
    assert Limits() == DEFAULT_LIMITS
    assert DEFAULT_LIMITS.max_document_bytes == 64 * 1024 * 1024
    assert DEFAULT_LIMITS.max_line_chars == 100_000
    assert DEFAULT_LIMITS.max_nesting_depth == 512
    assert DEFAULT_LIMITS.max_decompressed_bytes == 4 * 1024**3
    assert DEFAULT_LIMITS.max_compression_ratio == 100.0
    assert DEFAULT_LIMITS.max_archive_members == 1_000_000
    assert DEFAULT_LIMITS.seconds_per_document == 60.0
    docs = (Path(__file__).resolve().parents[2] / "docs" / "limits.md").read_text()
    for name in Limits.__attrs_attrs__:
        assert f"`{name.name}`" in docs, name.name


@pytest.mark.parametrize(
    "changes",
    [
        {"max_document_bytes": 0},
        {"max_document_bytes": -5},
        {"max_document_bytes": 1.5},
        {"max_document_bytes": True},
        {"max_line_chars": "100"},
        {"max_nesting_depth": 0},
        {"max_compression_ratio": 0.9},
        {"max_archive_members": -1},
        {"seconds_per_document": 0},
        {"seconds_per_document": -1.0},
    ],
)
def test_bad_limits_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises(ValueError, match=next(iter(changes))):
        Limits(**changes)  # type: ignore[arg-type]


def test_every_limit_can_be_switched_off() -> None:
    names = [attribute.name for attribute in Limits.__attrs_attrs__]
    off = Limits(**dict.fromkeys(names))
    assert all(getattr(off, name) is None for name in names)
    line = " ".join([STORY] * 3_000)  # 240,000 characters: cut at the default line limit
    assert len(split_lines(line, DEFAULT_LIMITS.max_line_chars)) == 3
    [block] = DumpParser().parse(RawDocument(line, limits=off)).blocks
    assert block.text == line


def test_limit_error_names_the_limit_value_and_input_and_pickles() -> None:
    error = LimitError("max_document_bytes", 2_000, 1_000, source="big.html")
    assert isinstance(error, newscorpus.InputError)
    assert (error.limit, error.value, error.maximum, error.source) == (
        "max_document_bytes",
        2_000,
        1_000,
        "big.html",
    )
    assert "max_document_bytes" in str(error)
    assert "big.html" in str(error)
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.limit, copy.value, copy.maximum, str(copy)) == (
        error.limit,
        error.value,
        error.maximum,
        str(error),
    )


@pytest.mark.parametrize("source", ["x" * 1_001, b"x" * 1_001, "é" * 501])
def test_parse_refuses_a_document_past_the_size_limit(source: str | bytes) -> None:
    with pytest.raises(LimitError, match="max_document_bytes"):
        newscorpus.parse(source, limits=Limits(max_document_bytes=1_000))
    newscorpus.parse(source, limits=Limits(max_document_bytes=1_002))


def test_parse_reads_a_huge_file_only_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "huge.html"
    with path.open("wb") as stream:  # a sparse 20 GB file: reading it all would take minutes
        stream.truncate(20 * 1024**3)
    with pytest.raises(LimitError) as caught:
        newscorpus.parse(path, limits=Limits(max_document_bytes=1_000_000))
    assert caught.value.source == str(path)
    assert caught.value.value == 1_000_001  # read up to the limit and one byte, no more


@pytest.mark.parametrize("parser", [DumpParser(), HtmlParser()])
def test_parsers_apply_the_document_limits(parser: newscorpus.Parser) -> None:
    small = Limits(max_document_bytes=100)
    with pytest.raises(LimitError):
        parser.parse(RawDocument("<p>" + STORY * 3, source="p", limits=small))
    assert parser.parse(RawDocument("<p>" + STORY, source="p")).blocks


def test_long_dump_lines_are_cut_without_losing_a_character() -> None:
    line = " ".join(f"word{n}" for n in range(3_000))
    draft = DumpParser().parse(RawDocument(line, limits=Limits(max_line_chars=1_000)))
    assert " ".join(block.text for block in draft.blocks).split() == line.split()
    unbroken = "x" * 5_000
    draft = DumpParser().parse(RawDocument(unbroken, limits=Limits(max_line_chars=1_000)))
    assert "".join(block.text.replace(" ", "") for block in draft.blocks) == unbroken


def test_readers_yield_a_limit_error_and_go_on(tmp_path: Path) -> None:
    big = STORY * 100
    (tmp_path / "a.txt").write_text(big)
    (tmp_path / "b.txt").write_text(STORY)
    rows = [json.dumps({"text": big}), json.dumps({"text": STORY})]
    (tmp_path / "c.jsonl").write_text("\n".join(rows) + "\n")
    (tmp_path / "d.csv").write_text(f"text\n{big}\n{STORY}\n")
    (tmp_path / "e.zip").write_bytes(zip_bytes({"big.txt": big.encode(), "ok.txt": b"fine"}))
    (tmp_path / "f.tar.gz").write_bytes(
        gzip.compress(tar_bytes([("big.txt", big.encode()), ("ok.txt", b"fine")]))
    )
    limits = Limits(max_document_bytes=1_000)
    items = list(read_documents(tmp_path, limits=limits))
    kinds = [(item.source.removeprefix(str(tmp_path)), type(item).__name__) for item in items]
    assert kinds == [
        ("/a.txt", "ReadFailure"),
        ("/b.txt", "ReadDocument"),
        ("/c.jsonl:1", "ReadFailure"),
        ("/c.jsonl:2", "ReadDocument"),
        ("/d.csv:2", "ReadFailure"),
        ("/d.csv:3", "ReadDocument"),
        ("/e.zip!big.txt", "ReadFailure"),
        ("/e.zip!ok.txt", "ReadDocument"),
        ("/f.tar.gz!big.txt", "ReadFailure"),
        ("/f.tar.gz!ok.txt", "ReadDocument"),
    ]
    errors = [item for item in items if isinstance(item, ReadFailure)]
    assert {error.error for error in errors} == {"LimitError"}
    assert all("max_document_bytes" in error.message for error in errors)
    documents = [item for item in items if isinstance(item, ReadDocument)]
    assert all(item.document.limits == limits for item in documents)


def test_archive_member_count_is_limited(tmp_path: Path) -> None:
    members = {f"{n}.txt": b"a story" for n in range(20)}
    (tmp_path / "many.zip").write_bytes(zip_bytes(members))
    (tmp_path / "many.tar").write_bytes(tar_bytes(list(members.items())))
    limits = Limits(max_archive_members=10)
    items = list(read_documents(tmp_path, limits=limits))
    zipped = [item for item in items if "many.zip" in item.source]
    assert [type(item).__name__ for item in zipped] == ["ReadFailure"]  # refused before reading
    tarred = [item for item in items if "many.tar" in item.source]
    assert [type(item).__name__ for item in tarred] == ["ReadDocument"] * 10 + ["ReadFailure"]
    assert all(
        "max_archive_members" in item.message for item in items if isinstance(item, ReadFailure)
    )
    assert len(list(read_documents(tmp_path))) == 40  # the defaults allow them
