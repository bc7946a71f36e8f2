"""Local paths and fsspec URLs alike: open, size, list, and write a file that is whole or absent.

A path with a protocol (``s3://bucket/crawl/``, ``gs://...``, ``memory://...``) goes through
:mod:`fsspec` (the filesystem's own package, ``s3fs`` or ``gcsfs``, must be installed); any
other path is a local one, handled with :mod:`os` exactly as the local runner handles it.

>>> is_url("s3://bucket/key"), is_url("corpus/part-00000.parquet")
(True, False)
"""

from __future__ import annotations

import contextlib
import os
import posixpath
import uuid
from collections.abc import Iterator
from typing import IO, Any, cast

from newscorpus.cluster.requirements import require_fsspec
from newscorpus.corpus.atomic import AtomicFile

__all__ = [
    "Sink",
    "Window",
    "basename",
    "is_url",
    "join",
    "open_input",
    "size_of",
    "url_filesystem",
]


def is_url(path: str) -> bool:
    """Whether ``path`` names a file through fsspec (it has a ``protocol://``).

    >>> is_url("gs://b/x.warc.gz"), is_url("/data/x.warc.gz"), is_url("C:\\\\data")
    (True, False, False)
    """
    head, sep, _ = path.partition("://")
    return bool(sep) and head.replace("+", "").replace("-", "").isalnum() and len(head) > 1


def url_filesystem(url: str) -> tuple[Any, str]:
    """The fsspec filesystem of ``url`` and the path within it."""
    fsspec = require_fsspec()
    filesystem, path = fsspec.core.url_to_fs(url)
    return filesystem, str(path)


def join(root: str, name: str) -> str:
    """``name`` inside the folder ``root`` (a URL keeps its ``/`` separators).

    >>> join("s3://b/out", "part-00000.parquet"), join("out", "x")
    ('s3://b/out/part-00000.parquet', 'out/x')
    """
    if is_url(root):
        return posixpath.join(root, name)
    return os.path.join(root, name)


def basename(path: str) -> str:
    """The last component of ``path``.

    >>> basename("s3://b/crawl/a.warc.gz"), basename("in/b.txt")
    ('a.warc.gz', 'b.txt')
    """
    return posixpath.basename(path) if is_url(path) else os.path.basename(path)


def open_input(path: str) -> IO[bytes]:
    """``path`` opened for binary reading (seekable), locally or through fsspec."""
    if not is_url(path):
        return open(path, "rb")
    filesystem, inner = url_filesystem(path)
    return cast(IO[bytes], filesystem.open(inner, "rb"))


def size_of(path: str) -> int:
    """The size of the file ``path`` in bytes (0 when it cannot be read: the reader says why)."""
    try:
        if not is_url(path):
            return os.path.getsize(path)
        filesystem, inner = url_filesystem(path)
        return int(filesystem.size(inner) or 0)
    except (OSError, ValueError):
        return 0


class Sink:
    """One output file under its final name, or nothing: a local file is written beside it and
    renamed (:class:`~newscorpus.corpus.atomic.AtomicFile`); a URL is written under a hidden
    temporary name and moved (object stores publish an object whole when it is closed).

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "x.bin"
    >>> sink = Sink(str(target))
    >>> _ = sink.file.write(b"ok")
    >>> target.exists()
    False
    >>> sink.commit()
    >>> target.read_bytes()
    b'ok'
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._local: AtomicFile | None = None
        self._filesystem: Any = None
        if is_url(path):
            self._filesystem, self._final = url_filesystem(path)
            folder, name = posixpath.split(self._final)
            self._temporary = posixpath.join(folder, f".{name}.{uuid.uuid4().hex}.tmp")
            self.file: IO[bytes] = cast(IO[bytes], self._filesystem.open(self._temporary, "wb"))
        else:
            self._local = AtomicFile(path)
            self.file = self._local.file

    def commit(self) -> None:
        """Publish the file under its final name."""
        if self._local is not None:
            self._local.commit()
            return
        self.file.close()
        self._filesystem.mv(self._temporary, self._final)

    def abort(self) -> None:
        """Drop what was written; nothing appears under the final name."""
        if self._local is not None:
            self._local.abort()
            return
        with contextlib.suppress(Exception):
            self.file.close()
        with contextlib.suppress(Exception):
            self._filesystem.rm(self._temporary)


class Window:
    """The bytes ``start`` to ``end`` of a binary stream, read as a stream of their own (for a
    range of a file that starts and ends at line starts, its lines exactly).

    >>> import io
    >>> list(Window(io.BytesIO(b"a\\nbb\\nc\\n"), 2, 5))
    [b'bb\\n']
    """

    def __init__(self, stream: IO[bytes], start: int, end: int) -> None:
        stream.seek(start)
        self._stream = stream
        self._left = max(0, end - start)

    def _size(self, size: int | None) -> int:
        return self._left if size is None or size < 0 else min(size, self._left)

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` bytes (all that is left when negative)."""
        data = self._stream.read(self._size(size))
        self._left -= len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        """One line, or its first ``size`` bytes."""
        data = self._stream.readline(self._size(size)) if self._left else b""
        self._left -= len(data)
        return data

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line
