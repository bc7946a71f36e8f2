"""Atomic output: write beside the target, then rename over it, so no half file looks whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

__all__ = ["TEMPORARY_SUFFIX", "AtomicFile", "atomic_write", "permissions_for"]

#: The suffix of every temporary file (a SIGKILL can leave one behind; it is never a result).
TEMPORARY_SUFFIX = ".tmp"


class AtomicFile:
    """A binary file written under a temporary name in the target's folder.

    :meth:`commit` flushes, fsyncs and renames it to ``path`` with :func:`os.replace` (atomic
    on POSIX and Windows within one file system); :meth:`abort` removes it. Until one of them
    is called, nothing appears under ``path``.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> out = AtomicFile(folder / "a.txt")
    >>> _ = out.file.write(b"hi")
    >>> (folder / "a.txt").exists()
    False
    >>> out.commit()
    >>> (folder / "a.txt").read_bytes()
    b'hi'
    """

    def __init__(
        self, path: str | os.PathLike[str], *, folder: str | os.PathLike[str] | None = None
    ) -> None:
        self.path = Path(path)
        handle, name = tempfile.mkstemp(
            dir=self.path.parent if folder is None else folder,
            prefix=f".{self.path.name}.",
            suffix=TEMPORARY_SUFFIX,
        )
        #: The temporary file's path (hidden; in ``folder``, which must be on the target's file
        #: system, or else in the target's folder).
        self.temporary = Path(name)
        #: The open binary file to write to.
        self.file: IO[bytes] = os.fdopen(handle, "wb")
        self._done = False

    @property
    def done(self) -> bool:
        """Whether :meth:`commit` or :meth:`abort` has been called."""
        return self._done

    def commit(self) -> None:
        """Flush and fsync the file, then rename it to its final name."""
        if self._done:
            return
        self._done = True
        try:
            self.file.flush()
            os.fsync(self.file.fileno())
            self.file.close()
            os.chmod(self.temporary, permissions_for(self.path))
            os.replace(self.temporary, self.path)
        except BaseException:
            self._remove()
            raise
        _fsync_folder(self.path.parent)

    def abort(self) -> None:
        """Close and remove the temporary file; the final name is left untouched."""
        if self._done:
            return
        self._done = True
        self._remove()

    def _remove(self) -> None:
        with contextlib.suppress(OSError):
            self.file.close()
        with contextlib.suppress(FileNotFoundError):
            self.temporary.unlink()


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows opening a folder."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(handle)
    finally:
        os.close(handle)


def permissions_for(target: Path) -> int:
    """The permissions a file written in place of ``target`` gets: the old file's, or the usual
    ones for a new file (0666 less the umask), not the private ones of a temporary file."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def atomic_write(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary stream that lands on ``path`` when the block ends without an exception, and
    leaves nothing (and any earlier file untouched) when it raises.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "b.txt"
    >>> with atomic_write(target) as stream:
    ...     _ = stream.write(b"ok")
    >>> target.read_bytes()
    b'ok'
    """
    out = AtomicFile(path)
    try:
        yield out.file
    except BaseException:
        out.abort()
        raise
    out.commit()
