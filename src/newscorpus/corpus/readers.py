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
import io
import lzma
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from newscorpus._optional import require
from newscorpus.corpus.archives import read_tar, read_zip
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.corpus.records import FieldMapping, read_csv, read_jsonl
from newscorpus.corpus.warc import read_warc
from newscorpus.errors import InputError, NewsCorpusError
from newscorpus.formats.base import RawDocument
from newscorpus.limits import (
    BoundedStream,
    CountingStream,
    Limits,
    limits_or_default,
    read_bounded,
)

__all__ = [
    "Input",
    "detect",
    "expand_inputs",
    "format_hint",
    "open_document",
    "read_documents",
    "read_stream",
]

Input = str | os.PathLike[str]
"""A file, a directory or a glob pattern (``"-"``: standard input)."""

#: The input name that reads standard input.
STDIN = "-"

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
#: A tag, a comment or a doctype: what a file named ``.html`` must hold to be read as HTML.
_MARKUP = re.compile(rb"<[A-Za-z!/?]")
#: How far into a ``.html`` file markup is looked for.
_MARKUP_SNIFF_BYTES = 64 * 1024
#: Containers :func:`open_document` refuses: they hold many documents, not one.
_CONTAINERS = ("zip", "tar", "warc")


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
        if path == STDIN:
            yield from read_stream(sys.stdin.buffer, origin, "", mapping, limits)
            continue
        try:
            stream = _open_regular(path)
        except OSError as error:
            yield ReadFailure.from_exception(origin, error)
            continue
        except InputError as error:
            yield ReadFailure.from_exception(origin, error)
            continue
        with stream:
            if on_open is not None:
                on_open(path, stream)
            yield from read_stream(stream, origin, os.path.basename(path), mapping, limits)


def _open_regular(path: str) -> IO[bytes]:
    """``path`` opened for reading, refusing what is not a regular file: opening a FIFO with
    no writer blocks forever, and a device never ends (checked on the open file, so a FIFO
    swapped in after a check cannot slip through)."""
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise InputError(
                f"not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'special file')}): "
                "skipped, as reading it could block forever; pipe it to `-` instead",
                source=path,
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


_KINDS = {stat.S_IFIFO: "a FIFO", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device"}


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
        if path == STDIN:
            yield path
        elif os.path.isdir(path):
            found = False
            for found_path in _walk(path):
                found = found or isinstance(found_path, str)
                yield found_path
            if not found:
                yield ReadFailure(Origin(path), "InputError", "the folder holds no file")
        elif os.path.lexists(path):  # a broken link or a loop too: its open fails, one error
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
        elif _is_file(entry):
            yield entry.path
        else:  # never silently: a FIFO, socket or device, a broken link or a link loop
            yield ReadFailure(Origin(entry.path), "InputError", _not_read(entry))


def _is_file(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_file()
    except OSError:  # a link loop
        return False


def _not_read(entry: os.DirEntry[str]) -> str:
    """Why a folder's entry that is no regular file is not read."""
    try:
        mode = os.stat(entry.path).st_mode
    except OSError as error:
        return f"a broken link or a link loop: skipped ({error.strerror or error})"
    if stat.S_ISDIR(mode):
        return "a link to a folder: not followed (name it as an input to read it)"
    kind = _KINDS.get(stat.S_IFMT(mode), "a special file")
    return f"not a regular file ({kind}): skipped, as reading it could block forever"


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
        return cast(IO[bytes], io.BufferedReader(_GzipMembers(stream)))
    if kind == "bz2":
        return cast(IO[bytes], bz2.BZ2File(stream))
    if kind == "xz":
        return cast(IO[bytes], lzma.LZMAFile(stream))
    zstandard = require("zstandard", "Reading .zst files")
    tap = _HeadTap(stream)
    reader = zstandard.ZstdDecompressor().stream_reader(tap, read_across_frames=True)
    return cast(IO[bytes], io.BufferedReader(_WholeZstdFrame(reader, tap, zstandard)))


#: The longest zstd frame header (magic number included).
_ZSTD_HEADER_MAX = 18


class _HeadTap:
    """A read-only stream that keeps the first bytes read through it (a frame header)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.head = b""

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        if len(self.head) < _ZSTD_HEADER_MAX:
            self.head += data[: _ZSTD_HEADER_MAX - len(self.head)]
        return data


class _WholeZstdFrame(io.RawIOBase):
    """zstandard's stream reader ends a frame cut short as if it were whole (a truncated
    download would become an empty or shortened document); this raises :class:`EOFError`, as
    gzip, bz2 and xz do, when the data ends inside the frame header or before the size the
    header declares."""

    def __init__(self, reader: Any, tap: _HeadTap, zstandard: Any) -> None:
        super().__init__()
        self._reader = reader
        self._tap = tap
        self._zstandard = zstandard
        self._size = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        count = int(self._reader.readinto(buffer))
        self._size += count
        if count == 0:
            self._check_whole()
        return count

    def _check_whole(self) -> None:
        try:
            declared = self._zstandard.get_frame_parameters(self._tap.head).content_size
        except self._zstandard.ZstdError:
            raise EOFError("the zstd data ended inside its frame header") from None
        if declared != self._zstandard.CONTENTSIZE_UNKNOWN and self._size < declared:
            raise EOFError("the zstd data ended before the end of its frame")


class _GzipMembers(io.RawIOBase):
    """The gzip members of a stream, one after another, as :class:`gzip.GzipFile` reads them,
    except that bytes after a whole member that start no new member (garbage a downloader or a
    proxy appended) end the data instead of failing it, as ``gzip -d`` does ("trailing garbage
    ignored"): the document before them is kept. A stream cut inside a member still raises
    :class:`EOFError`."""

    def __init__(self, stream: IO[bytes]) -> None:
        super().__init__()
        self._stream = stream
        self._inflater = zlib.decompressobj(_GZIP_WBITS)
        self._input = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        while True:
            if self._inflater.eof and not self._next_member():
                return 0
            data = self._input or self._inflater.unconsumed_tail or self._stream.read(_CHUNK)
            self._input = b""
            if not data:
                raise EOFError("Compressed file ended before the end-of-stream marker was reached")
            out = self._inflater.decompress(data, size)
            if out:
                buffer[: len(out)] = out
                return len(out)

    def _next_member(self) -> bool:
        """Start the next member, if the bytes after the last one begin one."""
        rest = self._inflater.unused_data
        while len(rest) < len(_GZIP_MAGIC):
            more = self._stream.read(_CHUNK)
            if not more:
                break
            rest += more
        if not rest.startswith(_GZIP_MAGIC):
            return False  # the end, or trailing garbage: ignored
        self._inflater = zlib.decompressobj(_GZIP_WBITS)
        self._input = rest
        return True


_GZIP_MAGIC = b"\x1f\x8b"
#: zlib's window bits for the gzip format (header and trailer checked).
_GZIP_WBITS = 16 + zlib.MAX_WBITS
_CHUNK = 64 * 1024


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
            raw = RawDocument(
                payload, source=str(origin), format=format_hint(name, payload), limits=limits
            )
            yield ReadDocument(raw, origin)
    except Exception as error:  # nothing is lost: every failure is reported
        yield ReadFailure.from_exception(origin, error)


def format_hint(name: str, payload: bytes) -> str | None:
    """The format a file's name says, where its content agrees: a ``.html`` file that holds
    markup is HTML; anything else is left to the parsers' content sniffing (a ``.html`` file
    holding plain text is a dump, a ``.txt`` file holding a page is HTML).

    >>> format_hint("page.html", b"<!doctype html><p>Hi"), format_hint("page.html", b"Hi.")
    ('html', None)
    """
    if _FORMATS_BY_SUFFIX.get(os.path.splitext(name.lower())[1]) != "html":
        return None
    head = payload[:_MARKUP_SNIFF_BYTES]
    if _MARKUP.search(head) or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "html"
    return None


def open_document(
    stream: IO[bytes] | bytes, name: str, *, source: str, limits: Limits | None = None
) -> RawDocument:
    """The one document in an open file (or bytes), read as :func:`read_documents` reads a
    file: compression taken off (``page.html.gz``), the format hinted by name only where the
    content agrees (:func:`format_hint`). A zip or tar archive or a WARC file holds many
    documents and raises :class:`~newscorpus.InputError` (read it with
    :func:`read_documents`); JSON Lines and CSV are text, read as one document. Bytes that
    need no decompressing are the payload as they are (a page is not copied).

    >>> import gzip, io
    >>> raw = open_document(io.BytesIO(gzip.compress(b"<p>Hi</p>")), "p.html.gz", source="p")
    >>> raw.payload, raw.format
    (b'<p>Hi</p>', 'html')
    """
    limits = limits_or_default(limits)
    if isinstance(stream, bytes):
        data: IO[bytes] | bytes = stream
        head = stream[:_HEAD]
    else:
        data, head = _head(stream)
    kind = detect(head, name)
    if kind in ("gzip", "bz2", "xz", "zstd") and not name.lower().endswith((".warc.gz", ".arc.gz")):
        packed = io.BytesIO(data) if isinstance(data, bytes) else data
        inner = _decompress(packed, kind, limits, source)
        try:
            return open_document(inner, _inner_name(name), source=source, limits=limits)
        except NewsCorpusError:
            raise
        except Exception as error:  # broken compressed data: BadGzipFile, LZMAError, EOFError...
            raise InputError(
                f"cannot read the {kind} data: {error or type(error).__name__}", source=source
            ) from error
    if kind in _CONTAINERS or kind in ("gzip", "bz2", "xz", "zstd"):
        raise InputError(
            f"a {kind} file holds many documents, not one: read it with "
            "newscorpus.read_documents() or `newscorpus parse`",
            source=source,
        )
    payload = read_bounded(data, limits, source=source)
    return RawDocument(payload, source=source, format=format_hint(name, payload), limits=limits)
