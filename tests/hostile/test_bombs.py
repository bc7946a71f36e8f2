"""Gzip, bz2 and zip bombs: refused at the limit, without decompressing them, in little memory."""

from __future__ import annotations

import bz2
import gzip
import io
import tracemalloc
from pathlib import Path
from typing import IO, cast

import pytest

from newscorpus import LimitError, Limits
from newscorpus.corpus import ReadDocument, ReadFailure, read_documents
from newscorpus.limits import BoundedStream, CountingStream

from .helpers import gzip_zeros, tar_bytes, zip64_zeros, zip_bytes

BOMB_BYTES = 2 * 1024**3  # 2 GiB of zeros ...
CHUNK = 1024 * 1024
#: ... of which the reader may decompress at most this much before it stops.
MAX_DECOMPRESSED_BEFORE_STOP = 64 * 1024 * 1024
#: Reading a bomb must not hold more than this in memory.
MAX_PEAK_MEMORY = 48 * 1024 * 1024


@pytest.fixture(scope="module")
def gzip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2 GiB of zeros in about 2 MB of gzip."""
    path = tmp_path_factory.mktemp("bombs") / "bomb.txt.gz"
    path.write_bytes(gzip_zeros(BOMB_BYTES))
    return path


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A zip whose first member is 2 GiB of zeros (zip64 sizes), then a good member."""
    path = tmp_path_factory.mktemp("bombs") / "bomb.zip"
    after = {"after.txt": b"The member after the bomb is still read."}
    path.write_bytes(zip64_zeros("zeros.txt", BOMB_BYTES, after=after))
    return path


def _read_measured(path: Path, limits: Limits | None = None) -> tuple[list[object], int]:
    tracemalloc.start()
    try:
        items: list[object] = list(read_documents(path, limits=limits))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return items, peak


def test_a_gzip_bomb_is_refused_by_its_ratio(gzip_bomb: Path) -> None:
    assert gzip_bomb.stat().st_size < 5 * 1024 * 1024
    items, peak = _read_measured(gzip_bomb)
    [error] = items
    assert isinstance(error, ReadFailure)
    assert error.error == "LimitError"
    assert "max_compression_ratio" in error.message
    assert peak < MAX_PEAK_MEMORY


def _drain(stream: BoundedStream) -> None:
    while stream.read(CHUNK):
        pass


def test_a_gzip_bomb_stops_early_on_the_stream() -> None:
    packed = gzip_zeros(256 * 1024 * 1024)
    counted = CountingStream(io.BytesIO(packed))
    unpacked = cast(IO[bytes], gzip.GzipFile(fileobj=cast(IO[bytes], counted)))
    bounded = BoundedStream(unpacked, counted.count, Limits())
    with pytest.raises(LimitError, match="max_compression_ratio"):
        _drain(bounded)
    assert bounded.size < MAX_DECOMPRESSED_BEFORE_STOP
    assert counted.count() < len(packed)  # the end of the compressed stream was never read


def test_the_decompressed_size_limit_holds_without_the_ratio(gzip_bomb: Path) -> None:
    limits = Limits(max_compression_ratio=None, max_decompressed_bytes=32 * 1024 * 1024)
    items, peak = _read_measured(gzip_bomb, limits)
    [error] = items
    assert isinstance(error, ReadFailure)
    assert "max_decompressed_bytes" in error.message
    assert peak < MAX_PEAK_MEMORY


def test_without_decompression_limits_the_document_limit_still_holds(gzip_bomb: Path) -> None:
    limits = Limits(max_compression_ratio=None, max_decompressed_bytes=None)
    limits = limits.replace(max_document_bytes=8 * 1024 * 1024)
    items, peak = _read_measured(gzip_bomb, limits)
    [error] = items
    assert isinstance(error, ReadFailure)
    assert "max_document_bytes" in error.message
    assert peak < MAX_PEAK_MEMORY


def test_a_bz2_bomb_is_refused(tmp_path: Path) -> None:
    packer = bz2.BZ2Compressor(9)
    zeros = bytes(CHUNK)
    packed = b"".join(packer.compress(zeros) for _ in range(16)) + packer.flush()
    path = tmp_path / "bomb.txt.bz2"
    path.write_bytes(packed)
    [error] = list(read_documents(path))
    assert isinstance(error, ReadFailure)
    assert "max_compression_ratio" in error.message


def test_a_zip_bomb_member_is_refused_from_its_header(zip_bomb: Path) -> None:
    items, peak = _read_measured(zip_bomb)
    assert [type(item).__name__ for item in items] == ["ReadFailure", "ReadDocument"]
    error = items[0]
    assert isinstance(error, ReadFailure)
    assert error.source.endswith("!zeros.txt")
    assert "max_compression_ratio" in error.message
    assert peak < MAX_PEAK_MEMORY


def test_a_zip_member_that_lies_about_its_size_still_stops(tmp_path: Path) -> None:
    """A header that declares a small size is caught by the stream, not the header check."""
    zeros = bytes(64 * 1024 * 1024)
    archive = bytearray(zip_bytes({"zeros.txt": zeros}))
    small = (2 * 1024 * 1024).to_bytes(4, "little")
    # Make the central directory and the local header declare 2 MiB (ratio about 30).
    central = archive.rindex(b"PK\x01\x02")
    archive[central + 24 : central + 28] = small
    archive[26 - 4 : 26] = small
    path = tmp_path / "liar.zip"
    path.write_bytes(bytes(archive))
    [error] = list(read_documents(path))
    assert isinstance(error, ReadFailure)
    assert error.error in ("LimitError", "BadZipFile")  # stopped at the limit, or a CRC error


def test_a_bomb_inside_an_archive_is_one_error_among_good_members(tmp_path: Path) -> None:
    packed = gzip_zeros(256 * 1024 * 1024)
    tar = tar_bytes([("first.txt", b"A good story."), ("bomb.txt.gz", packed), ("last.txt", b"B")])
    path = tmp_path / "mixed.tar"
    path.write_bytes(tar)
    items = list(read_documents(path))
    kinds = [type(item).__name__ for item in items]
    assert kinds == ["ReadDocument", "ReadFailure", "ReadDocument"]
    assert isinstance(items[1], ReadFailure)
    assert items[1].error == "LimitError"
    assert all(isinstance(item, ReadDocument) for item in (items[0], items[2]))


def test_nested_zip_bombs_stop_at_the_first_level(tmp_path: Path) -> None:
    inner = zip_bytes({"zeros.txt": bytes(64 * 1024 * 1024)})
    outer = zip_bytes({f"{n}.zip": inner for n in range(10)})
    path = tmp_path / "nested.zip"
    path.write_bytes(outer)
    items, peak = _read_measured(path)
    assert len(items) == 10
    assert all(isinstance(item, ReadFailure) and item.error == "LimitError" for item in items)
    assert peak < MAX_PEAK_MEMORY
