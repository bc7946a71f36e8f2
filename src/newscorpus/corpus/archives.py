"""Zip and tar archives, read member by member in place: nothing is ever extracted to disk.

Only regular files are read; directories, links and device members are passed over. A member's
name is only ever a label in its :class:`~newscorpus.corpus.Origin` (a name with ``../`` or an
absolute path is read as data like any other, never used as a filesystem path). A member that
cannot be read is one :class:`~newscorpus.corpus.ReadError` and the next member is read; an
archive that breaks part-way yields what came before, then one error.
"""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, cast

from newscorpus.corpus.origin import Origin, ReadError, ReadItem

__all__ = ["MemberReader", "read_tar", "read_zip"]

MemberReader = Callable[[IO[bytes], Origin, str], Iterator[ReadItem]]
"""Reads one member's stream, given its origin and name (the readers' dispatcher)."""


def read_zip(stream: IO[bytes], origin: Origin, read_member: MemberReader) -> Iterator[ReadItem]:
    """The documents of every regular file in a zip archive, in archive order.

    A zip archive's directory is at its end, so the stream must be seekable; a zip inside a
    stream (a member of a tar archive, say) is held in memory while it is read.
    """
    if origin.member is not None or not stream.seekable():
        stream = io.BytesIO(stream.read())
    with zipfile.ZipFile(stream) as archive:
        for info in archive.infolist():
            mode = info.external_attr >> 16
            if info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
                continue
            here = origin.within(info.filename)
            try:
                with archive.open(info) as member:
                    yield from read_member(member, here, info.filename)
            except Exception as error:  # every failure becomes a ReadError
                yield ReadError.from_exception(here, error)


def read_tar(stream: IO[bytes], origin: Origin, read_member: MemberReader) -> Iterator[ReadItem]:
    """The documents of every regular file in a tar archive, streamed in archive order.

    The stream is read once, front to back (``r|``), so it need not be seekable; compression
    has already been taken off by the caller. An archive cut short ends with a ``ReadError``.
    """
    counted = _Counting(stream)
    with tarfile.open(fileobj=cast(IO[bytes], counted), mode="r|") as archive:
        for info in archive:
            if not info.isreg():
                continue
            here = origin.within(info.name)
            member = archive.extractfile(info)
            if member is None:  # pragma: no cover - regular files always have a stream
                continue
            yield from read_member(member, here, info.name)
    while counted.read(_BLOCK * 128):
        pass
    # tarfile ends quietly at a cut-off header: a whole archive is whole 512-byte blocks and
    # ends with at least one zero block after its last member.
    if counted.size % _BLOCK or counted.size - archive.offset < _BLOCK:
        raise tarfile.ReadError(f"truncated tar archive ({counted.size} bytes)")


_BLOCK = tarfile.BLOCKSIZE


class _Counting:
    """A read-only stream that counts the bytes read through it."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        self.size += len(data)
        return data
