"""Compressed files, zip and tar archives: members read in place, failures reported."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newscorpus.corpus import Origin, ReadDocument, ReadFailure, read_documents
from newscorpus.limits import Limits
from tests.corpus.helpers import documents, errors, texts, write

zstandard = pytest.importorskip("zstandard")

ROWS = b'{"text": "one", "url": "https://a.example/1"}\n{"text": "two"}\n'


def _tar(members: dict[str, bytes], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda data: zstandard.ZstdCompressor().compress(data),
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_files_are_opened_transparently(tmp_path: Path, suffix: str) -> None:
    compress = COMPRESSORS[suffix]
    page = write(tmp_path / f"page.txt{suffix}", compress(b"Hello"))
    rows = write(tmp_path / f"rows.jsonl{suffix}", compress(ROWS))
    items = list(read_documents([page, rows]))
    assert texts(items) == ["Hello", "one", "two"]
    assert [item.source for item in items] == [str(page), f"{rows}:1", f"{rows}:2"]


def test_compression_is_detected_by_content_without_a_suffix(tmp_path: Path) -> None:
    path = write(tmp_path / "rows", gzip.compress(ROWS))
    assert texts(list(read_documents(path))) == ["one", "two"]


def test_truncated_gzip_yields_what_was_read_then_one_error(tmp_path: Path) -> None:
    data = b"".join(b'{"text": "row %d"}\n' % n for n in range(2000))
    compressed = gzip.compress(data)
    path = write(tmp_path / "rows.jsonl.gz", compressed[: len(compressed) // 2])
    items = list(read_documents(path))
    assert isinstance(items[-1], ReadFailure)
    assert items[-1].origin == Origin(str(path))
    assert len(errors(items)) == 1
    assert 0 < len(documents(items)) < 2000
    assert texts(items) == [f"row {n}" for n in range(len(documents(items)))]


def test_a_truncated_gzip_document_is_an_error_not_a_partial_document(tmp_path: Path) -> None:
    path = write(tmp_path / "page.txt.gz", gzip.compress(b"x" * 10_000)[:20])
    [item] = list(read_documents(path))
    assert isinstance(item, ReadFailure)


@pytest.mark.parametrize("cut", [4, 30])
def test_a_truncated_zstd_document_is_an_error_not_a_partial_document(
    tmp_path: Path, cut: int
) -> None:
    # zstandard's own reader ends a cut frame silently: inside the header (4 bytes) and
    # inside the data (30 bytes) must both fail, as a cut gzip does.
    zstandard = pytest.importorskip("zstandard")
    text = " ".join(str(number) for number in range(2_000)).encode()
    data = zstandard.ZstdCompressor().compress(b"<p>" + text + b"</p>")
    assert len(data) > cut
    path = write(tmp_path / "page.html.zst", data[:cut])
    [item] = list(read_documents(path))
    assert isinstance(item, ReadFailure)
    assert "zstd" in item.message


def test_whole_zstd_frames_are_read_one_after_another(tmp_path: Path) -> None:
    zstandard = pytest.importorskip("zstandard")
    frames = b"".join(zstandard.ZstdCompressor().compress(part) for part in (b"one ", b"two"))
    assert texts(list(read_documents(write(tmp_path / "page.txt.zst", frames)))) == ["one two"]


@pytest.mark.parametrize("mode", ["w", "w:gz", "w:bz2", "w:xz"])
def test_tar_members_are_read_in_place(tmp_path: Path, mode: str) -> None:
    suffix = {"w": ".tar", "w:gz": ".tar.gz", "w:bz2": ".tar.bz2", "w:xz": ".tar.xz"}[mode]
    data = _tar({"a/b.html": b"<p>B</p>", "rows.jsonl": ROWS}, mode)
    path = write(tmp_path / f"corpus{suffix}", data)
    items = list(read_documents(path))
    assert texts(items) == ["<p>B</p>", "one", "two"]
    assert [item.source for item in items] == [
        f"{path}!a/b.html",
        f"{path}!rows.jsonl:1",
        f"{path}!rows.jsonl:2",
    ]
    assert documents(items)[0].document.format == "html"
    assert documents(items)[1].document.url == "https://a.example/1"


def test_tgz_suffix_and_content_detection(tmp_path: Path) -> None:
    data = _tar({"a.txt": b"A"}, "w:gz")
    assert texts(list(read_documents(write(tmp_path / "c.tgz", data)))) == ["A"]
    assert texts(list(read_documents(write(tmp_path / "noname", data)))) == ["A"]


def test_tar_skips_directories_links_and_devices(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for name, kind in [
            ("dir", tarfile.DIRTYPE),
            ("link", tarfile.SYMTYPE),
            ("hard", tarfile.LNKTYPE),
            ("dev", tarfile.CHRTYPE),
            ("fifo", tarfile.FIFOTYPE),
        ]:
            info = tarfile.TarInfo(name)
            info.type = kind
            info.linkname = "/etc/passwd" if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE) else ""
            archive.addfile(info)
        info = tarfile.TarInfo("real.txt")
        info.size = 4
        archive.addfile(info, io.BytesIO(b"real"))
    items = list(read_documents(write(tmp_path / "c.tar", buffer.getvalue())))
    assert [item.source for item in items] == [f"{tmp_path / 'c.tar'}!real.txt"]


def test_nested_archives(tmp_path: Path) -> None:
    inner_tar = _tar({"rows.jsonl": ROWS}, "w:gz")
    inner_zip = _zip({"z.txt": b"Z"})
    outer = _tar(
        {"inner.tar.gz": inner_tar, "inner.zip": inner_zip, "x.txt.gz": gzip.compress(b"X")}
    )
    path = write(tmp_path / "outer.tar", outer)
    items = list(read_documents(path))
    assert texts(items) == ["one", "two", "Z", "X"]
    assert [item.source for item in items] == [
        f"{path}!inner.tar.gz!rows.jsonl:1",
        f"{path}!inner.tar.gz!rows.jsonl:2",
        f"{path}!inner.zip!z.txt",
        f"{path}!x.txt.gz",
    ]


def test_truncated_tar_yields_what_was_read_then_an_error(tmp_path: Path) -> None:
    data = _tar({f"{n}.txt": bytes([65 + n]) * 1000 for n in range(5)})
    path = write(tmp_path / "c.tar", data[:3100])
    items = list(read_documents(path))
    assert texts(items) == ["A" * 1000, "B" * 1000]
    assert errors(items)
    assert isinstance(items[-1], ReadFailure)


def test_zip_members_are_read_in_place(tmp_path: Path) -> None:
    data = _zip({"dir/": b"", "a/b.html": b"<p>B</p>", "rows.jsonl": ROWS})
    path = write(tmp_path / "corpus.zip", data)
    items = list(read_documents(path))
    assert texts(items) == ["<p>B</p>", "one", "two"]
    assert [item.origin for item in items] == [
        Origin(str(path), member="a/b.html"),
        Origin(str(path), member="rows.jsonl", line=1),
        Origin(str(path), member="rows.jsonl", line=2),
    ]


def test_zip_skips_symlinks(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        link = zipfile.ZipInfo("link")
        link.external_attr = (0o120777 << 16) | 0
        archive.writestr(link, "/etc/passwd")
        archive.writestr("real.txt", "real")
    items = list(read_documents(write(tmp_path / "c.zip", buffer.getvalue())))
    assert texts(items) == ["real"]


def test_corrupt_zip_is_one_error_and_reading_goes_on(tmp_path: Path) -> None:
    bad = write(tmp_path / "a.zip", b"PK\x03\x04" + b"\x00" * 100)
    good = write(tmp_path / "b.txt", b"fine")
    items = list(read_documents([bad, good]))
    assert [type(item) for item in items] == [ReadFailure, ReadDocument]
    assert items[0].origin == Origin(str(bad))
    assert isinstance(items[0], ReadFailure)
    assert items[0].error == "BadZipFile"


def test_a_damaged_zip_member_is_an_error_and_the_next_member_is_read(tmp_path: Path) -> None:
    data = bytearray(_zip({"a.txt": b"A" * 500, "b.txt": b"B" * 500}))
    start = data.index(b"a.txt") + len("a.txt")
    data[start + 2 : start + 6] = b"\xff\xff\xff\xff"  # corrupt a's deflate stream
    items = list(read_documents(write(tmp_path / "c.zip", bytes(data))))
    assert isinstance(items[0], ReadFailure)
    assert items[0].origin.member == "a.txt"
    assert texts(items) == ["B" * 500]


@pytest.mark.parametrize("name", ["../../escape.txt", "/abs/escape.txt", "a/../../up.txt"])
def test_dangerous_member_names_are_only_labels(tmp_path: Path, name: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    for label, data in [("t.tar", _tar({name: b"data"})), ("z.zip", _zip({name: b"data"}))]:
        path = write(work / label, data)
        [item] = list(read_documents(path))
        assert isinstance(item, ReadDocument)
        assert item.document.payload == b"data"
        assert item.origin.member is not None
        assert item.origin.member.endswith("escape.txt") or item.origin.member.endswith("up.txt")
    created = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*"))
    assert created == [Path("work"), Path("work/t.tar"), Path("work/z.zip")]
    assert not Path("/abs/escape.txt").exists()


def test_zstd_without_zstandard_is_a_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "zstandard", None)
    path = write(tmp_path / "a.txt.zst", zstandard.ZstdCompressor().compress(b"A"))
    [item] = list(read_documents(path))
    assert isinstance(item, ReadFailure)
    assert item.error == "MissingDependencyError"
    assert "newscorpus[zstd]" in item.message


def test_reading_streams_in_bounded_memory(tmp_path: Path) -> None:
    import tracemalloc

    row = json.dumps({"text": "x" * 1000}).encode() + b"\n"
    rows = row * 8000  # about 8 MB of rows, in a JSON Lines member of a .tar.gz
    path = write(tmp_path / "big.tar.gz", _tar({"rows.jsonl": rows}, "w:gz"))
    del rows
    tracemalloc.start()
    try:
        # 8,000 identical rows compress about 1,000 times: a bomb's ratio, allowed here.
        unbounded_ratio = Limits(max_compression_ratio=None)
        count = sum(1 for _ in read_documents(path, limits=unbounded_ratio))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8000
    assert peak < 2_000_000
