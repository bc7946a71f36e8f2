"""Zip and tar archives, read member by member in place: nothing is ever extracted to disk.

Only regular files are read; directories, links and device members are passed over. A member's
name is only ever a label in its :class:`~newscorpus.corpus.Origin` (a name with ``../`` or an
absolute path is read as data like any other, never used as a filesystem path). A member that
cannot be read is one :class:`~newscorpus.corpus.ReadFailure` and the next member is read; an
archive that breaks part-way yields what came before, then one error.

Limits (:class:`~newscorpus.Limits`): a zip member is refused before it is read when its header
declares more than ``max_decompressed_bytes`` or a ratio above ``max_compression_ratio``, and is
read through a :class:`~newscorpus.limits.BoundedStream`, so a header that lies stops at the
limit too. An archive stops with one error after ``max_archive_members`` members (a zip's is
checked from its end record, before its directory is loaded).
"""

from __future__ import annotations

import io
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterator
from typing import IO, cast

from newscorpus import tuning
from newscorpus.corpus.origin import Origin, ReadFailure, ReadItem
from newscorpus.errors import InputError, LimitError
from newscorpus.limits import BoundedStream, CountingStream, Limits, limits_or_default, read_bounded

__all__ = ["MemberReader", "read_tar", "read_zip"]

MemberReader = Callable[[IO[bytes], Origin, str], Iterator[ReadItem]]
"""Reads one member's stream, given its origin and name (the readers' dispatcher)."""


def read_zip(
    stream: IO[bytes],
    origin: Origin,
    read_member: MemberReader,
    limits: Limits | None = None,
) -> Iterator[ReadItem]:
    """The documents of every regular file in a zip archive, in archive order.

    A zip archive's directory is at its end, so the stream must be seekable; a zip inside a
    stream (a member of a tar archive, say) is held in memory while it is read (at most
    ``max_document_bytes`` of it).
    """
    limits = limits_or_default(limits)
    if origin.member is not None or not stream.seekable():
        stream = io.BytesIO(read_bounded(stream, limits, source=str(origin)))
    _check_zip_members(stream, limits, str(origin))
    with zipfile.ZipFile(stream) as archive:
        infos = archive.infolist()
        overlapping = _overlapping(infos)
        seen: dict[str, int] = {}
        for info in infos:
            mode = info.external_attr >> 16
            if info.is_dir() or (stat.S_IFMT(mode) and not stat.S_ISREG(mode)):
                continue
            here = origin.within(_unique(info.filename, seen))
            try:
                _check_zip_member(info, limits, str(here))
                if info in overlapping:
                    raise InputError(
                        "its data overlaps another member's (a zip made to multiply one "
                        "member's output): not read",
                        source=str(here),
                    )
                with archive.open(info) as opened:
                    bounded = BoundedStream(opened, info.compress_size, limits, source=str(here))
                    member = cast(IO[bytes], io.BufferedReader(bounded))
                    yield from read_member(member, here, info.filename)
            except Exception as error:  # every failure becomes a ReadFailure
                yield ReadFailure.from_exception(here, error)


def _check_zip_members(stream: IO[bytes], limits: Limits, source: str) -> None:
    """Refuse a zip whose end record counts more than ``max_archive_members`` members, before
    :mod:`zipfile` loads its whole directory."""
    maximum = limits.max_archive_members
    if maximum is None:
        return
    end = _END_RECORD(stream)
    stream.seek(0)
    if end is not None and end[_ENTRIES_TOTAL] > maximum:
        raise LimitError("max_archive_members", end[_ENTRIES_TOTAL], maximum, source=source)


# zipfile's reader of a zip's end record (private, but unchanged since Python 2), and where in
# it the total number of members is.
_END_RECORD: Callable[[IO[bytes]], list[int] | None] = getattr(zipfile, "_EndRecData")  # noqa: B009
_ENTRIES_TOTAL: int = getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)


def _overlapping(infos: list[zipfile.ZipInfo]) -> set[zipfile.ZipInfo]:
    """The members whose data starts inside an earlier member's (by header offset and
    compressed size): an archive's directory may list one member's data many times, so that a
    1 MiB zip gives a hundred copies of an 8 MB document. Each member's local header and data
    must lie after the previous one's end; the first claimant of a span keeps it."""
    found: set[zipfile.ZipInfo] = set()
    end = -1
    for info in sorted(infos, key=lambda item: item.header_offset):
        if info.is_dir():
            continue
        if info.header_offset < end:
            found.add(info)
            continue
        end = info.header_offset + _LOCAL_HEADER + len(info.filename) + info.compress_size
    return found


#: Bytes of a zip local file header before its name.
_LOCAL_HEADER = 30


def _unique(name: str, seen: dict[str, int]) -> str:
    """``name``, or ``name#2``, ``name#3``... for a name an archive holds more than once, so
    that every member has a source of its own."""
    count = seen.get(name, 0) + 1
    seen[name] = count
    return name if count == 1 else f"{name}#{count}"


def _check_zip_member(info: zipfile.ZipInfo, limits: Limits, source: str) -> None:
    """Refuse a member whose header declares a size or a ratio past the limits."""
    longest = limits.max_name_bytes
    if longest is not None and len(info.orig_filename.encode("utf-8", "replace")) > longest:
        raise LimitError("max_name_bytes", len(info.orig_filename), longest, source=source[:200])
    maximum = limits.max_decompressed_bytes
    if maximum is not None and info.file_size > maximum:
        raise LimitError("max_decompressed_bytes", info.file_size, maximum, source=source)
    ratio = limits.max_compression_ratio
    if ratio is not None and info.file_size > tuning.LIMITS_RATIO_FLOOR_BYTES:
        value = info.file_size / max(info.compress_size, 1)
        if value > ratio:
            raise LimitError("max_compression_ratio", round(value, 1), ratio, source=source)


def read_tar(
    stream: IO[bytes],
    origin: Origin,
    read_member: MemberReader,
    limits: Limits | None = None,
) -> Iterator[ReadItem]:
    """The documents of every regular file in a tar archive, streamed in archive order.

    The stream is read once, front to back (``r|``), so it need not be seekable; compression
    has already been taken off by the caller. An archive cut short ends with a ``ReadFailure``.
    """
    limits = limits_or_default(limits)
    maximum = limits.max_archive_members
    counted = CountingStream(stream)
    bounded = _bounded_tarinfo(limits.max_name_bytes, str(origin))
    with tarfile.open(fileobj=cast(IO[bytes], counted), mode="r|", tarinfo=bounded) as archive:
        for number, info in enumerate(archive, 1):
            if maximum is not None and number > maximum:
                raise LimitError("max_archive_members", number, maximum, source=str(origin))
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
#: The tar header types whose content tarfile reads and parses as a header: GNU long names and
#: links, pax extended and global headers (Solaris's too).
_EXTENDED_HEADERS = (
    tarfile.GNUTYPE_LONGNAME,
    tarfile.GNUTYPE_LONGLINK,
    tarfile.XHDTYPE,
    tarfile.XGLTYPE,
    tarfile.SOLARIS_XHDTYPE,
)


def _bounded_tarinfo(maximum: int | None, source: str) -> type[tarfile.TarInfo]:
    """A TarInfo class that refuses an extended header (GNU long name, pax header) larger than
    ``maximum`` before tarfile reads it: a 300 MB long name would be read whole into memory,
    and CPython's pax parser is quadratic in a header's length (CVE-2024-6232: a 1 KB
    ``.tar.gz`` holding a million digits hangs it)."""

    class BoundedTarInfo(tarfile.TarInfo):
        def _proc_member(self, archive: tarfile.TarFile) -> tarfile.TarInfo:
            if maximum is not None and self.type in _EXTENDED_HEADERS and self.size > maximum:
                raise LimitError("max_name_bytes", self.size, maximum, source=source)
            parse = getattr(super(), "_proc_member")  # noqa: B009 - private, unchanged since 2.x
            return cast(tarfile.TarInfo, parse(archive))

    return BoundedTarInfo
