"""Read documents from files, directories, globs, compressed files, archives, exports and WARCs.

:func:`read_documents` is the one entry point: give it paths (files, directories, glob patterns)
and it yields a :class:`~newscorpus.corpus.ReadDocument` for every document found and a
:class:`~newscorpus.corpus.ReadFailure` for everything that could not be read, streaming.

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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, cast

from newscorpus._optional import require
from newscorpus.corpus.archives import read_tar, read_zip
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.corpus.records import FieldMapping, read_csv, read_jsonl
from newscorpus.corpus.warc import read_warc
from newscorpus.formats.base import RawDocument
from newscorpus.limits import (
    BoundedStream,
    CountingStream,
    Limits,
    limits_or_default,
    read_bounded,
)

__all__ = ["Input", "detect", "expand_inputs", "read_documents", "read_stream"]

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
    inputs: Input | Iterable[Input],
    *,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
    on_open: Callable[[str, IO[bytes]], None] | None = None,
) -> Iterator[ReadItem]:
    """Every document in ``inputs``, in order, streamed; and every failure, as a ReadFailure.

    ``inputs`` is one path or several: a file, a directory (read recursively in sorted order,
    hidden files and folders skipped) or a glob pattern (``**`` recurses). Each file is read by
    what it is, told by content first and by name second (see :func:`detect`): ``.gz``,
    ``.bz2``, ``.xz`` and ``.zst`` compression is taken off (zstandard needs
    ``newscorpus[zstd]``); zip and tar members are read in place, nested archives included; JSON
    Lines and CSV/TSV exports give one document a row, fields named by ``mapping`` (see
    :class:`FieldMapping`); WARC files give their HTML responses; anything else is one document.

    Nothing is lost: a missing or unreadable file, a broken archive, a bad row each give a
    :class:`ReadFailure`, and reading goes on with the next row, member or file.

    ``limits`` (``None``: :data:`~newscorpus.DEFAULT_LIMITS`) bound what is read: a document
    past ``max_document_bytes``, a compressed file or zip member past
    ``max_decompressed_bytes`` or ``max_compression_ratio`` (a bomb), an archive past
    ``max_archive_members`` give a ``ReadFailure`` named ``LimitError``, found without reading
    past the limit, and reading goes on. Every document yielded carries ``limits``, so its
    parser applies the same limits (in any worker process).

    ``on_open(path, stream)`` is called as each input file is opened, with the open binary
    file: its ``tell()`` says how far reading has got (a progress display's ETA).

    >>> import gzip, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "page.html").write_text("<p>A story.</p>")
    >>> _ = (folder / "rows.jsonl.gz").write_bytes(gzip.compress(b'{"text": "One."}\\n[\\n'))
    >>> for item in read_documents(folder):
    ...     print(item.source.removeprefix(str(folder)), type(item).__name__)
    /page.html ReadDocument
    /rows.jsonl.gz:1 ReadDocument
    /rows.jsonl.gz:2 ReadFailure
    """
    limits = limits_or_default(limits)
    for path in expand_inputs(inputs):
        if isinstance(path, ReadFailure):
            yield path
            continue
        origin = Origin(path)
        try:
            stream = open(path, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as error:
            yield ReadFailure.from_exception(origin, error)
            continue
        with stream:
            if on_open is not None:
                on_open(path, stream)
            yield from read_stream(stream, origin, os.path.basename(path), mapping, limits)


def expand_inputs(inputs: Input | Iterable[Input]) -> Iterator[str | ReadFailure]:
    """The files :func:`read_documents` reads for ``inputs``, in the same order: folders
    walked (sorted by path, hidden names skipped) and globs expanded; a missing path, an empty
    folder or a pattern matching nothing is a :class:`~newscorpus.corpus.ReadFailure` in its place.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "b.txt").write_text("B"), (folder / "a.txt").write_text("A")
    >>> [pathlib.Path(path).name for path in expand_inputs(folder)]
    ['a.txt', 'b.txt']
    >>> [item.error for item in expand_inputs(folder / "gone.txt")]
    ['SourceNotFoundError']
    """
    items: Iterable[Input] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    for item in items:
        path = os.fspath(item)
        if os.path.isdir(path):
            found = False
            for found_path in _walk(path):
                found = found or isinstance(found_path, str)
                yield found_path
            if not found:
                yield ReadFailure(Origin(path), "InputError", "the folder holds no file")
        elif os.path.exists(path):
            yield path
        elif not glob.has_magic(path):
            yield ReadFailure(Origin(path), "SourceNotFoundError", "no such file")
        else:
            matches = sorted(glob.glob(path, recursive=True))
            if not matches:
                yield ReadFailure(Origin(path), "NoMatch", "no file matches the pattern")
            for match in matches:
                if os.path.isdir(match):
                    yield from _walk(match)
                elif not any(part.startswith(".") for part in Path(match).parts[-1:]):
                    yield match


def _walk(root: str) -> Iterator[str | ReadFailure]:
    """Every non-hidden file under ``root``, sorted by path (a folder's files and subfolders
    interleaved by name, as ``find | sort`` lists them); an unlistable folder is a ReadFailure."""
    try:
        with os.scandir(root) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield ReadFailure.from_exception(Origin(root), error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(entry.path)
        elif entry.is_file():
            yield entry.path


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


def _decompress(stream: IO[bytes], kind: str, limits: Limits, source: str) -> IO[bytes]:
    """The decompressed stream, bounded by the decompression limits."""
    counted = CountingStream(stream)
    inner = _decompressor(cast(IO[bytes], counted), kind)
    bounded = BoundedStream(inner, counted.count, limits, source=source)
    return cast(IO[bytes], io.BufferedReader(bounded))


def _decompressor(stream: IO[bytes], kind: str) -> IO[bytes]:
    if kind == "gzip":
        return cast(IO[bytes], gzip.GzipFile(fileobj=stream, mode="rb"))
    if kind == "bz2":
        return cast(IO[bytes], bz2.BZ2File(stream))
    if kind == "xz":
        return cast(IO[bytes], lzma.LZMAFile(stream))
    zstandard = require("zstandard", "Reading .zst files")
    reader = zstandard.ZstdDecompressor().stream_reader(stream, read_across_frames=True)
    return cast(IO[bytes], io.BufferedReader(cast(io.RawIOBase, reader)))


def _inner_name(name: str) -> str:
    stem, suffix = os.path.splitext(name)
    if suffix.lower() in _TAR_SUFFIXES:
        return stem + ".tar"
    if suffix.lower() in _COMPRESSED_SUFFIXES:
        return stem
    return name


def read_stream(
    stream: IO[bytes],
    origin: Origin,
    name: str,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
) -> Iterator[ReadItem]:
    """Read one open file or archive member, whatever it is (told by :func:`detect` from its
    first bytes and ``name``), as :func:`read_documents` reads each file; any failure ends it
    with one :class:`~newscorpus.corpus.ReadFailure`.

    >>> import io
    >>> items = read_stream(io.BytesIO(b'{"text": "A story."}\\n'), Origin("x.jsonl"), "x.jsonl")
    >>> [item.source for item in items]
    ['x.jsonl:1']
    """
    limits = limits_or_default(limits)
    try:
        stream, head = _head(stream)
        kind = detect(head, name)
        if kind == "warc" or (kind == "gzip" and name.lower().endswith((".warc.gz", ".arc.gz"))):
            yield from read_warc(stream, origin, limits)
        elif kind in ("gzip", "bz2", "xz", "zstd"):
            inner = _decompress(stream, kind, limits, str(origin))
            yield from read_stream(inner, origin, _inner_name(name), mapping, limits)
        elif kind in ("zip", "tar"):
            reader = read_zip if kind == "zip" else read_tar

            def member(member: IO[bytes], here: Origin, member_name: str) -> Iterator[ReadItem]:
                name = os.path.basename(member_name)
                return read_stream(member, here, name, mapping, limits)

            yield from reader(stream, origin, member, limits)
        elif kind == "jsonl":
            yield from read_jsonl(stream, origin, mapping, limits)
        elif kind in ("csv", "tsv"):
            delimiter = "," if kind == "csv" else "\t"
            yield from read_csv(stream, origin, mapping, delimiter=delimiter, limits=limits)
        else:
            payload = read_bounded(stream, limits, source=str(origin))
            suffix = os.path.splitext(name.lower())[1]
            raw = RawDocument(
                payload,
                source=str(origin),
                format=_FORMATS_BY_SUFFIX.get(suffix),
                limits=limits,
            )
            yield ReadDocument(raw, origin)
    except Exception as error:  # nothing is lost: every failure is reported
        yield ReadFailure.from_exception(origin, error)
