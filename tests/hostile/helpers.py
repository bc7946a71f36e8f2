"""Shared helpers of the hostile-input tests: archive builders and snapshots (timing ratios
are in :mod:`tests.timing`)."""

from __future__ import annotations

import io
import os
import struct
import tarfile
import zipfile
import zlib
from collections.abc import Sequence
from pathlib import Path


def zip_bytes(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """A zip archive of ``members`` (name -> content), built in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(zipfile.ZipInfo(name), content, compress_type=compression)
    return buffer.getvalue()


def tar_bytes(members: Sequence[tarfile.TarInfo | tuple[str, bytes]], mode: str = "w") -> bytes:
    """A tar archive of regular files ``(name, content)`` and of ready-made members (links)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:  # type: ignore[call-overload]
        for member in members:
            if isinstance(member, tarfile.TarInfo):
                archive.addfile(member)
                continue
            name, content = member
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def snapshot(*roots: Path) -> dict[str, tuple[int, float]]:
    """Every file and folder under ``roots`` with its size and modification time."""
    seen: dict[str, tuple[int, float]] = {}
    for root in roots:
        for folder, folders, files in os.walk(root):
            for name in folders + files:
                path = os.path.join(folder, name)
                try:
                    status = os.lstat(path)
                except OSError:  # pragma: no cover - removed meanwhile by another process
                    continue
                seen[path] = (status.st_size, status.st_mtime)
    return seen


def deflated_zeros(total: int, chunk: int = 1024 * 1024) -> tuple[bytes, int]:
    """Raw deflate data of ``total`` zero bytes, and its CRC-32, built in a moment.

    One chunk is compressed once with a full flush (which resets the compressor, so every
    chunk compresses to the same bytes) and repeated.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    block = packer.compress(bytes(chunk)) + packer.flush(zlib.Z_FULL_FLUSH)
    ending = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()
    crc = 0
    zeros = bytes(chunk)
    for _ in range(total // chunk):
        crc = zlib.crc32(zeros, crc)
    return block * (total // chunk) + ending, crc


def gzip_zeros(total: int) -> bytes:
    """A gzip file of ``total`` zero bytes (a bomb when ``total`` is large)."""
    data, crc = deflated_zeros(total)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + data + struct.pack("<II", crc, total & 0xFFFFFFFF)


def zip64_zeros(name: str, total: int, *, after: dict[str, bytes] | None = None) -> bytes:
    """A zip archive whose member ``name`` is ``total`` zero bytes (a zip64 header), followed
    by the stored members ``after``."""
    data, crc = deflated_zeros(total)
    encoded = name.encode()
    extra = struct.pack("<HHQQ", 1, 16, total, len(data))
    local = struct.pack(
        "<IHHHHHIIIHH",
        0x04034B50,
        45,
        0,
        8,
        0,
        0,
        crc,
        0xFFFFFFFF,
        0xFFFFFFFF,
        len(encoded),
        len(extra),
    )
    central = struct.pack(
        "<IHHHHHHIIIHHHHHII",
        0x02014B50,
        45,
        45,
        0,
        8,
        0,
        0,
        crc,
        0xFFFFFFFF,
        0xFFFFFFFF,
        len(encoded),
        len(extra),
        0,
        0,
        0,
        0,
        0,
    )
    body = local + encoded + extra + data
    directory = central + encoded + extra
    entries = 1
    for other, content in (after or {}).items():
        raw = other.encode()
        other_crc = zlib.crc32(content)
        header = struct.pack(
            "<IHHHHHIIIHH",
            0x04034B50,
            20,
            0,
            0,
            0,
            0,
            other_crc,
            len(content),
            len(content),
            len(raw),
            0,
        )
        directory += (
            struct.pack(
                "<IHHHHHHIIIHHHHHII",
                0x02014B50,
                20,
                20,
                0,
                0,
                0,
                0,
                other_crc,
                len(content),
                len(content),
                len(raw),
                0,
                0,
                0,
                0,
                0,
                len(body),
            )
            + raw
        )
        body += header + raw + content
        entries += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries, entries, len(directory), len(body), 0)
    return body + directory + end
