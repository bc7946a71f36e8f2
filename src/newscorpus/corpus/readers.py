"""Read documents from files, directories, globs, compressed files, archives, exports and WARCs.

:func:`read_documents` is the one entry point: give it paths (files, directories, glob patterns)
and it yields a :class:`~newscorpus.corpus.ReadDocument` for every document found and a
:class:`~newscorpus.corpus.ReadError` for everything that could not be read, streaming.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("A first story.")
>>> _ = (folder / "b.jsonl").write_text('{"text": "A second story."}\\n{oops\\n')
>>> [item.source.removeprefix(str(folder)) for item in read_documents(folder)]
['/a.txt', '/b.jsonl:1', '/b.jsonl:2']
"""

from __future__ import annotations

import bz2
import glob
import gzip
import io
import lzma
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from newscorpus.corpus.archives import read_tar, read_zip
from newscorpus.corpus.origin import Origin, ReadDocument, ReadError, ReadItem
from newscorpus.corpus.records import FieldMapping, read_csv, read_jsonl
from newscorpus.corpus.warc import read_warc
from newscorpus.formats.base import RawDocument

__all__ = ["Input", "detect", "read_documents"]

Input = str | os.PathLike[str]
"""A file, a directory or a glob pattern."""

_MAGIC = {
    b"\x1f\x8b": "gzip",
    b"BZh": "bz2",
    b"\xfd7zXZ\x00": "xz",
    b"\x28\xb5\x2f\xfd": "zstd",
    b"PK\x03\x04": "zip",
    b"PK\x05\x06": "zip",
}
_COMPRESSED_SUFFIXES = {".gz": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd"}
_TAR_SUFFIXES = {".tgz": ".tar", ".tbz2": ".tar", ".tbz": ".tar", ".txz": ".tar"}
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonlines")
_FORMATS_BY_SUFFIX = {".html": "html", ".htm": "html", ".xhtml": "html"}
_HEAD = 512


def read_documents(
    inputs: Input | Iterable[Input], *, mapping: FieldMapping | None = None
) -> Iterator[ReadItem]:
    """Every document in ``inputs``, in order, streamed; and every failure, as a ReadError.

    ``inputs`` is one path or several: a file, a directory (read recursively in sorted order,
    hidden files and folders skipped) or a glob pattern (``**`` recurses). Each file is read by
    what it is, told by content first and by name second (see :func:`detect`): ``.gz``,
    ``.bz2``, ``.xz`` and ``.zst`` compression is taken off (zstandard needs
    ``newscorpus[zstd]``); zip and tar members are read in place, nested archives included; JSON
    Lines and CSV/TSV exports give one document a row, fields named by ``mapping`` (see
    :class:`FieldMapping`); WARC files give their HTML responses; anything else is one document.

    Nothing is lost: a missing or unreadable file, a broken archive, a bad row each give a
    :class:`ReadError`, and reading goes on with the next row, member or file.
    """
    for path in _expand(inputs):
        if isinstance(path, ReadError):
            yield path
            continue
        origin = Origin(path)
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            yield ReadError.from_exception(origin, error)
            continue
        with stream:
            yield from _read_stream(stream, origin, os.path.basename(path), mapping)


def _expand(inputs: Input | Iterable[Input]) -> Iterator[str | ReadError]:
    items: Iterable[Input] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    for item in items:
        path = os.fspath(item)
        if os.path.isdir(path):
            yield from _walk(path)
        elif os.path.exists(path) or not glob.has_magic(path):
            yield path
        else:
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield ReadError(Origin(path), "NoMatch", "no file matches the pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match)
                elif not any(part.startswith(".") for part in Path(match).parts[-1:]):
                    yield match


def _walk(root: str) -> Iterator[str]:
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(folder, name)


def detect(head: bytes, name: str) -> str:
    """What a stream is, from its first bytes and then its name.

    One of ``gzip``, ``bz2``, ``xz``, ``zstd``, ``zip``, ``tar``, ``warc``, ``jsonl``, ``csv``,
    ``tsv`` or ``document``. Magic bytes decide first (compression, zip, ``ustar`` at byte 257
    for tar, ``WARC/1.`` for WARC), then the name's suffix, then, for names that say nothing,
    lines of JSON objects make JSON Lines. A ``.json`` file is one document, never JSON Lines.

    >>> detect(b"\\x1f\\x8b\\x08", "anything"), detect(b"WARC/1.1\\r\\n", "x")
    ('gzip', 'warc')
    >>> detect(b'{"url": "https://a.example/"}\\n', "export"), detect(b"url,html\\n", "a.csv")
    ('jsonl', 'csv')
    >>> detect(b"<html>", "page.html")
    'document'
    """
    for magic, kind in _MAGIC.items():
        if head.startswith(magic):
            return kind
    lower = name.lower()
    suffix = os.path.splitext(lower)[1]
    if head[257:262] == b"ustar":
        return "tar"
    if head.startswith((b"WARC/1.", b"WARC/0.")):
        return "warc"
    if suffix == ".tar" or suffix in _TAR_SUFFIXES:
        return "tar"
    if suffix in (".warc", ".arc"):
        return "warc"
    if suffix == ".zip":
        return "zip"
    if suffix in _JSONL_SUFFIXES:
        return "jsonl"
    if suffix in (".csv", ".tsv"):
        return suffix[1:]
    if suffix != ".json" and _looks_like_jsonl(head):
        return "jsonl"
    return "document"


def _looks_like_jsonl(head: bytes) -> bool:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped.startswith(b"{"):
        return False
    first = stripped.split(b"\n", 1)[0].rstrip()
    return first.endswith(b"}") and b"\n" in stripped


def _head(stream: IO[bytes]) -> tuple[IO[bytes], bytes]:
    peek = getattr(stream, "peek", None)
    if peek is None:
        stream = cast(IO[bytes], io.BufferedReader(cast(io.RawIOBase, stream)))
        peek = getattr(stream, "peek")  # noqa: B009 - BufferedReader always has it
    return stream, bytes(peek(_HEAD))[:_HEAD]


def _decompress(stream: IO[bytes], kind: str) -> IO[bytes]:
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bz2":
        return cast(IO[bytes], bz2.BZ2File(stream))
    if kind == "xz":
        return cast(IO[bytes], lzma.LZMAFile(stream))
    try:
        import zstandard
    except ImportError:
        raise ModuleNotFoundError(
            "reading .zst files needs zstandard: pip install 'newscorpus[zstd]'"
        ) from None
    reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    return cast(IO[bytes], io.BufferedReader(cast(io.RawIOBase, reader)))


def _inner_name(name: str) -> str:
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in _TAR_SUFFIXES:
        return stem + ".tar"
    if suffix.lower() in _COMPRESSED_SUFFIXES:
        return stem
    return name


def _read_stream(
    stream: IO[bytes], origin: Origin, name: str, mapping: FieldMapping | None
) -> Iterator[ReadItem]:
    """Read one file or member, whatever it is; any failure ends it with one ReadError."""
    try:
        stream, head = _head(stream)
        kind = detect(head, name)
        if kind == "warc" or (kind == "gzip" and name.lower().endswith((".warc.gz", ".arc.gz"))):
            yield from read_warc(stream, origin)
        elif kind in ("gzip", "bz2", "xz", "zstd"):
            inner = _decompress(stream, kind)
            yield from _read_stream(inner, origin, _inner_name(name), mapping)
        elif kind in ("zip", "tar"):
            reader = read_zip if kind == "zip" else read_tar

            def member(member: IO[bytes], here: Origin, member_name: str) -> Iterator[ReadItem]:
                return _read_stream(member, here, os.path.basename(member_name), mapping)

            yield from reader(stream, origin, member)
        elif kind == "jsonl":
            yield from read_jsonl(stream, origin, mapping)
        elif kind in ("csv", "tsv"):
            yield from read_csv(stream, origin, mapping, delimiter="," if kind == "csv" else "\t")
        else:
            payload = stream.read()
            suffix = os.path.splitext(name.lower())[1]
            raw = RawDocument(payload, source=str(origin), format=_FORMATS_BY_SUFFIX.get(suffix))
            yield ReadDocument(raw, origin)
    except Exception as error:  # nothing is lost: every failure is reported
        yield ReadError.from_exception(origin, error)
