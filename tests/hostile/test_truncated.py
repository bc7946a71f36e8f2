"""Containers cut short (gzip, bz2, zip, tar, WARC) and JSON Lines with broken lines: the good
documents before the cut come out where the format allows, then one error; nothing crashes."""

from __future__ import annotations

import bz2
import gzip
import json
import random
import zipfile
from pathlib import Path

import pytest

from newscorpus.corpus import ReadDocument, ReadFailure, ReadItem, read_documents
from tests.corpus.helpers import warc_bytes

from .helpers import tar_bytes, zip_bytes

_WORDS = [
    "council",
    "town",
    "plan",
    "river",
    "bridge",
    "school",
    "vote",
    "budget",
    "mayor",
    "road",
    "park",
    "week",
    "night",
]


def _story(number: int) -> str:
    """A story that compresses like text, not like a repeated line."""
    chooser = random.Random(number)
    return f"Story number {number}: " + " ".join(chooser.choice(_WORDS) for _ in range(400))


STORIES = [_story(n) for n in range(5)]


def _kinds(items: list[ReadItem]) -> list[str]:
    return [type(item).__name__ for item in items]


def _cuts(data: bytes) -> list[int]:
    """Where to cut: in the header, in the middle, and a few bytes before the end."""
    return [min(10, len(data) - 1), len(data) // 2, len(data) - 5, len(data) - 1]


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_a_cut_compressed_file_is_one_error(tmp_path: Path, compress: object) -> None:
    data = compress(STORIES[0].encode())  # type: ignore[operator]
    for cut in _cuts(data):
        path = tmp_path / f"story-{cut}.txt.{'gz' if compress is gzip.compress else 'bz2'}"
        path.write_bytes(data[:cut])
        assert _kinds(list(read_documents(path))) == ["ReadFailure"]


def test_a_cut_gzip_jsonl_keeps_the_lines_before_the_cut(tmp_path: Path) -> None:
    rows = "".join(json.dumps({"text": story}) + "\n" for story in STORIES).encode()
    data = gzip.compress(rows)
    path = tmp_path / "rows.jsonl.gz"
    path.write_bytes(data[: len(data) * 3 // 4])
    items = list(read_documents(path))
    assert items
    assert isinstance(items[-1], ReadFailure)
    documents = [item for item in items if isinstance(item, ReadDocument)]
    assert 1 <= len(documents) < len(STORIES)
    assert [item.document.text for item in documents] == STORIES[: len(documents)]


def test_a_cut_tar_keeps_the_members_before_the_cut(tmp_path: Path) -> None:
    data = tar_bytes([(f"{n}.txt", story.encode()) for n, story in enumerate(STORIES)])
    for cut in _cuts(data):
        path = tmp_path / f"cut-{cut}.tar"
        path.write_bytes(data[:cut])
        items = list(read_documents(path))
        assert items
        assert isinstance(items[-1], ReadFailure)
        good = [item for item in items if isinstance(item, ReadDocument)]
        assert [item.document.text for item in good] == STORIES[: len(good)]
    path = tmp_path / "half.tar.gz"
    path.write_bytes(gzip.compress(data)[: len(gzip.compress(data)) // 2])
    items = list(read_documents(path))
    assert isinstance(items[-1], ReadFailure)


def test_a_cut_zip_is_an_error_and_a_whole_one_reads(tmp_path: Path) -> None:
    data = zip_bytes({f"{n}.txt": story.encode() for n, story in enumerate(STORIES)})
    for cut in _cuts(data):
        path = tmp_path / f"cut-{cut}.zip"
        path.write_bytes(data[:cut])
        # The directory of a zip is at its end: a cut zip has none, and is one error.
        assert _kinds(list(read_documents(path))) == ["ReadFailure"]
    (tmp_path / "whole.zip").write_bytes(data)
    assert _kinds(list(read_documents(tmp_path / "whole.zip"))) == ["ReadDocument"] * 5


def test_a_zip_with_a_corrupt_member_reads_the_others(tmp_path: Path) -> None:
    members = {f"{n}.txt": story.encode() for n, story in enumerate(STORIES)}
    data = bytearray(zip_bytes(members, compression=zipfile.ZIP_STORED))
    second = data.index(b"Story number 1")
    data[second + 100 : second + 120] = b"\xff" * 20  # the second member's data, damaged
    path = tmp_path / "damaged.zip"
    path.write_bytes(bytes(data))
    items = list(read_documents(path))
    assert len(items) == 5
    assert isinstance(items[1], ReadFailure)  # deflate error or bad CRC
    assert all(isinstance(items[n], ReadDocument) for n in (0, 2, 3, 4))


@pytest.mark.parametrize("compressed", [False, True])
def test_a_cut_warc_keeps_the_records_before_the_cut(tmp_path: Path, compressed: bool) -> None:
    pytest.importorskip("warcio")
    pages = [
        (f"https://a.example/{n}", "text/html", f"<p>{story}</p>".encode())
        for n, story in enumerate(STORIES)
    ]
    data = warc_bytes(pages, gzip=compressed)
    for cut in (len(data) // 2, len(data) - 7):
        path = tmp_path / f"cut-{cut}.warc{'.gz' if compressed else ''}"
        path.write_bytes(data[:cut])
        items = list(read_documents(path))
        assert items
        assert isinstance(items[-1], ReadFailure)
        good = [item for item in items if isinstance(item, ReadDocument)]
        assert 1 <= len(good) < len(pages)
        assert [item.document.url for item in good] == [url for url, _, _ in pages[: len(good)]]


def test_jsonl_with_broken_lines_keeps_every_good_line(tmp_path: Path) -> None:
    good = [
        json.dumps({"text": story, "url": f"https://a.example/{n}"})
        for n, story in enumerate(STORIES)
    ]
    broken = [
        '{"text": "unterminated',
        "not json at all",
        '{"text": "\\ud800 lone surrogate"}',
        "[1, 2, 3]",
        '"just a string"',
        '{"text": null}',
        "\x00\x01\x02",
        '{"text": "x"' + "}" * 1000,
        "{" * 5000,  # deep nesting aimed at the JSON parser
        "[" * 100_000,
    ]
    lines: list[str] = []
    for number, line in enumerate(good):
        lines += [line, broken[2 * number], broken[2 * number + 1]]
    path = tmp_path / "export.jsonl"
    path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogatepass") + b"\xff\xfe\n")
    items = list(read_documents(path))
    documents = [item for item in items if isinstance(item, ReadDocument)]
    urls = [item.document.url for item in documents if item.document.url]
    assert urls == [f"https://a.example/{n}" for n in range(5)]
    assert [item.origin.line for item in items] == list(range(1, len(lines) + 2))
    assert sum(isinstance(item, ReadFailure) for item in items) >= len(broken) - 1
