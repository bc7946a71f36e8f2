"""Plan a cluster run: expand the inputs into numbered partitions of pieces, in reading order.

A *piece* is the unit a worker reads: a whole file (:class:`FilePiece`), a range of lines of a
big uncompressed JSON Lines file (:class:`LinesPiece`), or an input that expanded to nothing
(:class:`MissingPiece`, a glob that matched no file). A :class:`Partition` is a run of pieces
of about ``partition_size`` bytes: small files are grouped, a big JSON Lines export is cut at
line starts into ranges of about ``partition_size`` bytes, and any other big file (a WARC, an
archive, a compressed file) is one piece of its own, since it can only be read from its start.

Expansion is the local runner's: folders recursively in sorted order, hidden files skipped,
glob patterns sorted, so the partitions in number order hold the documents in the order
:func:`~newscorpus.corpus.read_documents` yields them. Paths with a protocol (``s3://``,
``gs://``...) are listed through fsspec with the same rules.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> for name in ("a.txt", "b.txt", "c.txt"):
...     _ = (folder / name).write_text("A story of forty bytes, give or take a few.")
>>> [len(partition.pieces) for partition in plan_partitions(folder, partition_size=100)]
[2, 1]
"""

from __future__ import annotations

import glob
import os
import posixpath
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from attrs import asdict, field, frozen, validators

from newscorpus.cluster.storage import basename, is_url, open_input, size_of, url_filesystem
from newscorpus.corpus.readers import Input, detect, expand_inputs
from newscorpus.errors import SettingError
from newscorpus.tuning import CLUSTER_PARTITION_BYTES, CLUSTER_SCAN_CHUNK_BYTES

__all__ = [
    "Block",
    "BlockScan",
    "FilePiece",
    "LinesPiece",
    "MissingPiece",
    "Partition",
    "Piece",
    "Scanner",
    "expand",
    "plan_partitions",
    "scan_block",
]

_HEAD = 512
_positive = validators.ge(0)


@frozen
class FilePiece:
    """A whole file, read as :func:`~newscorpus.corpus.read_documents` reads it.

    >>> FilePiece("crawl/a.warc.gz", 1_000_000).size
    1000000
    """

    path: str
    size: int = field(default=0, validator=_positive)


@frozen
class LinesPiece:
    """The lines of a JSON Lines file that start in bytes ``start`` to ``end`` (exclusive);
    ``start`` is a line start and ``first_line`` its 1-based line number.

    >>> LinesPiece("export.jsonl", start=4096, end=8192, first_line=31).size
    4096
    """

    path: str
    start: int = field(validator=_positive)
    end: int = field(validator=_positive)
    first_line: int = field(validator=validators.ge(1))

    @property
    def size(self) -> int:
        """The bytes of the range."""
        return self.end - self.start


@frozen
class MissingPiece:
    """An input that expanded to no file: it reads as one error entry.

    >>> MissingPiece("crawl/*.warc.gz", "NoMatch", "no file matches the pattern").size
    0
    """

    path: str
    error: str
    message: str
    size: int = 0


Piece = FilePiece | LinesPiece | MissingPiece
"""What a worker reads."""


@frozen
class Partition:
    """A numbered run of pieces, read, parsed and written by one task.

    >>> partition = Partition(3, (FilePiece("a.txt", 10), FilePiece("b.txt", 20)))
    >>> partition.size, partition.to_json()["pieces"][0]
    (30, {'kind': 'FilePiece', 'path': 'a.txt', 'size': 10})
    """

    number: int = field(validator=_positive)
    pieces: tuple[Piece, ...]

    @property
    def size(self) -> int:
        """The bytes of the partition's pieces (as stored: compressed files count compressed)."""
        return sum(piece.size for piece in self.pieces)

    def to_json(self) -> dict[str, Any]:
        """The partition as plain JSON data (the run's manifest holds these)."""
        return {
            "number": self.number,
            "pieces": [{"kind": type(piece).__name__, **asdict(piece)} for piece in self.pieces],
        }


Block = tuple[str, int, int]
"""A byte range ``(path, low, high)`` of a big JSON Lines file, scanned to cut it at lines."""


@frozen
class BlockScan:
    """What :func:`scan_block` found in ``low`` to ``high``: the first line start at or after
    ``low`` (``start``), the newlines in ``low`` to ``high`` and those in ``low`` to ``start``."""

    start: int
    newlines: int
    newlines_before_start: int


Scanner = Callable[[Sequence[Block]], list[BlockScan]]
"""Scans blocks (on a cluster, each on a worker), returning their scans in order."""


def scan_block(block: Block) -> BlockScan:
    """Scan one block: where its first line starts and how many newlines it holds.

    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = path.write_bytes(b"{}\\n{}\\n{}\\n")
    >>> scan_block((str(path), 4, 9))
    BlockScan(start=6, newlines=2, newlines_before_start=1)
    """
    path, low, high = block
    with open_input(path) as stream:
        start, before = low, 0
        if low > 0:
            stream.seek(low - 1)
            if stream.read(1) != b"\n":
                start, before = _next_line_start(stream, low)
        stream.seek(low)
        newlines = 0
        position = low
        while position < high:
            chunk = stream.read(min(CLUSTER_SCAN_CHUNK_BYTES, high - position))
            if not chunk:
                break
            newlines += chunk.count(b"\n")
            position += len(chunk)
    return BlockScan(start, newlines, before)


def _next_line_start(stream: Any, low: int) -> tuple[int, int]:
    """The position after the first newline at or after ``low``, and 1; or the end and 0."""
    stream.seek(low)
    position = low
    while chunk := stream.read(CLUSTER_SCAN_CHUNK_BYTES):
        found = chunk.find(b"\n")
        if found >= 0:
            return position + found + 1, 1
        position += len(chunk)
    return position, 0


def _scan_here(blocks: Sequence[Block]) -> list[BlockScan]:
    return [scan_block(block) for block in blocks]


def expand(inputs: Input | Iterable[Input], *, exclude: str | None = None) -> Iterator[Piece]:
    """Every file of ``inputs`` as a :class:`FilePiece` (with its size), in reading order, and a
    :class:`MissingPiece` for a pattern that matched nothing; files under ``exclude`` (the
    run's output folder) are left out."""
    items: Iterable[Input] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    skip = _excluded(exclude)
    for item in items:
        text = os.fspath(item)
        found = _expand_url(text) if is_url(text) else expand_inputs([text])
        for entry in found:
            if isinstance(entry, MissingPiece):
                yield entry
            elif isinstance(entry, str):
                if not skip(entry):
                    yield FilePiece(entry, size_of(entry))
            else:
                yield MissingPiece(entry.origin.path, entry.error, entry.message)


def _excluded(root: str | None) -> Callable[[str], bool]:
    if root is None:
        return lambda path: False
    if is_url(root):
        prefix = root.rstrip("/") + "/"
        return lambda path: path.startswith(prefix)
    resolved = Path(root).resolve()

    def inside(path: str) -> bool:
        return not is_url(path) and resolved in Path(path).resolve().parents

    return inside


def _expand_url(url: str) -> Iterator[str | MissingPiece]:
    filesystem, path = url_filesystem(url)

    def walk(root: str) -> Iterator[str]:
        for found in sorted(filesystem.find(root)):
            relative = posixpath.relpath(found, root)
            if not any(part.startswith(".") for part in relative.split("/")):
                yield filesystem.unstrip_protocol(found)

    if filesystem.isdir(path):
        yield from walk(path)
    elif filesystem.exists(path) or not glob.has_magic(path):
        yield url
    else:
        matches = sorted(filesystem.glob(path))
        if not matches:
            yield MissingPiece(url, "NoMatch", "no file matches the pattern")
        for match in matches:
            if filesystem.isdir(match):
                yield from walk(match)
            elif not posixpath.basename(match).startswith("."):
                yield filesystem.unstrip_protocol(match)


def _is_jsonl(path: str) -> bool:
    try:
        with open_input(path) as stream:
            head = stream.read(_HEAD)
    except OSError:
        return False
    return detect(head, basename(path)) == "jsonl"


def plan_partitions(
    inputs: Input | Iterable[Input],
    partition_size: int = CLUSTER_PARTITION_BYTES,
    *,
    exclude: str | None = None,
    scan: Scanner | None = None,
) -> list[Partition]:
    """The partitions of a run over ``inputs``, numbered from 0 in reading order.

    ``scan`` scans the blocks of big JSON Lines files (the cluster runner scans them on the
    workers; by default they are scanned here). See the module docstring.

    >>> import pathlib, tempfile
    >>> export = pathlib.Path(tempfile.mkdtemp()) / "rows.jsonl"
    >>> _ = export.write_text("".join(f'{{"text": "Story {n}."}}\\n' for n in range(9)))
    >>> pieces = [p.pieces[0] for p in plan_partitions(export, partition_size=60)]
    >>> [(piece.start, piece.first_line) for piece in pieces]
    [(0, 1), (63, 4), (126, 7)]
    """
    if partition_size < 1:
        raise SettingError(f"partition_size must be at least 1 byte, not {partition_size}")
    entries: list[Piece | list[Block]] = []
    blocks: list[Block] = []
    for piece in expand(inputs, exclude=exclude):
        if isinstance(piece, FilePiece) and piece.size > partition_size and _is_jsonl(piece.path):
            cuts = range(0, piece.size, partition_size)
            own = [(piece.path, low, min(low + partition_size, piece.size)) for low in cuts]
            entries.append(own)
            blocks.extend(own)
        else:
            entries.append(piece)
    scans = iter((scan or _scan_here)(blocks)) if blocks else iter(())
    partitions: list[list[Piece]] = []
    current: list[Piece] = []
    current_size = 0
    for entry in entries:
        if isinstance(entry, list):
            if current:
                partitions.append(current)
                current, current_size = [], 0
            partitions.extend([[piece] for piece in _line_pieces(entry, scans)])
            continue
        if current and current_size + entry.size > partition_size:
            partitions.append(current)
            current, current_size = [], 0
        current.append(entry)
        current_size += entry.size
    if current:
        partitions.append(current)
    return [Partition(number, tuple(pieces)) for number, pieces in enumerate(partitions)]


def _line_pieces(blocks: list[Block], scans: Iterator[BlockScan]) -> list[LinesPiece]:
    """Cut one file's blocks at their first line starts; each range gets its first line number."""
    found = [next(scans) for _ in blocks]
    path, size = blocks[0][0], blocks[-1][2]
    starts = [scan.start for scan in found] + [size]
    pieces = []
    newlines = 0
    for index, scan in enumerate(found):
        first_line = 1 + newlines + scan.newlines_before_start
        newlines += scan.newlines
        if starts[index] < starts[index + 1]:
            pieces.append(LinesPiece(path, starts[index], starts[index + 1], first_line))
    return pieces
