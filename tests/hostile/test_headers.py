"""Bounds that hold before the standard library parses untrusted bytes (#13 items 12, 15, 17):
tar extended headers (CVE-2024-6232), zip directories that alias one member's data, member
names, CSV fields; duplicate member names keep a source each. Small generated inputs only."""

from __future__ import annotations

import gzip
import io
import struct
import tarfile
import time
import zipfile
from pathlib import Path

import pytest

from newscorpus import Limits
from newscorpus.corpus import ReadDocument, ReadFailure, read_documents

STORY = b"The council met on Monday to vote on the budget for the coming year. " * 20


def _pax_bomb(digits: int) -> bytes:
    """A tar whose pax header holds a record of ``digits`` digits (CVE-2024-6232)."""
    record = b"%d x=" % (digits + 5) + b"1" * digits + b"\n"
    info = tarfile.TarInfo("PaxHeaders/x")
    info.type = tarfile.XHDTYPE
    info.size = len(record)
    padding = b"\0" * (-len(record) % tarfile.BLOCKSIZE)
    return info.tobuf(format=tarfile.USTAR_FORMAT) + record + padding + b"\0" * 1024


def _gnu_long_name(length: int) -> bytes:
    name = b"n" * length + b"\0"
    info = tarfile.TarInfo("././@LongLink")
    info.type = tarfile.GNUTYPE_LONGNAME
    info.size = len(name)
    padding = b"\0" * (-len(name) % tarfile.BLOCKSIZE)
    return info.tobuf(format=tarfile.GNU_FORMAT) + name + padding + b"\0" * 1024


@pytest.mark.parametrize("archive", [_pax_bomb(1_000_000), _gnu_long_name(2_000_000)])
def test_huge_tar_extended_headers_are_refused_before_parsing(
    tmp_path: Path, archive: bytes
) -> None:
    path = tmp_path / "bomb.tar.gz"
    path.write_bytes(gzip.compress(archive))
    assert path.stat().st_size < 16_000
    started = time.monotonic()
    [item] = read_documents(path)
    assert time.monotonic() - started < 5  # CPython's own parser takes minutes on the first
    assert isinstance(item, ReadFailure)
    assert (item.error, "max_name_bytes" in item.message) == ("LimitError", True)


def test_a_long_name_under_the_bound_is_read(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.GNU_FORMAT) as archive:
        info = tarfile.TarInfo("d/" + "n" * 300 + ".txt")
        info.size = len(STORY)
        archive.addfile(info, io.BytesIO(STORY))
    path = tmp_path / "long.tar"
    path.write_bytes(buffer.getvalue())
    [item] = read_documents(path)
    assert isinstance(item, ReadDocument)
    bounded = list(read_documents(path, limits=Limits(max_name_bytes=100)))
    assert [item.error for item in bounded if not isinstance(item, ReadDocument)] == ["LimitError"]


def _aliased_zip(copies: int) -> bytes:
    """A zip of one member whose directory lists it ``copies`` times (the same local header)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("a.txt", STORY * 50)
    data = buffer.getvalue()
    end = data.rindex(b"PK\x05\x06")
    (size, offset) = struct.unpack("<II", data[end + 12 : end + 20])
    entry = data[offset : offset + size]
    directory = entry * copies
    record = bytearray(data[end : end + 22])
    struct.pack_into("<HHII", record, 8, copies, copies, len(directory), offset)
    return data[:offset] + directory + bytes(record)


def test_zip_entries_aliasing_one_member_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "alias.zip"
    path.write_bytes(_aliased_zip(6))
    items = list(read_documents(path))
    documents = [item for item in items if isinstance(item, ReadDocument)]
    refused = [item for item in items if isinstance(item, ReadFailure)]
    assert len(documents) == 1
    assert len(refused) == 5
    assert all("overlaps" in item.message for item in refused)
    assert len({item.source for item in items}) == 6  # each entry its own source


def test_duplicate_member_names_get_a_source_each(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.txt", STORY)
        with pytest.warns(UserWarning, match="Duplicate"):
            archive.writestr("a.txt", STORY + b"Another one.")
    path = tmp_path / "twice.zip"
    path.write_bytes(buffer.getvalue())
    sources = [item.source for item in read_documents(path)]
    assert sources == [f"{path}!a.txt", f"{path}!a.txt#2"]


def test_an_unclosed_csv_quote_stops_at_the_document_limit(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_bytes(b'url,text\nhttps://a.example/,"A story.\n' + b"x" * 1_300_000)
    items = list(read_documents(path, limits=Limits(max_document_bytes=100_000)))
    assert [
        (type(item).__name__, item.error) for item in items if not isinstance(item, ReadDocument)
    ] == [("ReadFailure", "LimitError")]


def test_trailing_garbage_after_a_gzip_member_keeps_the_document(tmp_path: Path) -> None:
    path = tmp_path / "page.txt.gz"
    path.write_bytes(gzip.compress(STORY) + b"<html>proxy error page</html>\n")
    [item] = read_documents(path)
    assert isinstance(item, ReadDocument)
    assert item.document.payload == STORY
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(gzip.compress(STORY)[:-12])
    [item] = read_documents(cut)
    assert isinstance(item, ReadFailure)
