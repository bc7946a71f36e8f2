"""Read the pieces of a partition on a worker: the same documents and read errors, with the same
origins, that :func:`~newscorpus.corpus.read_documents` yields for the same files.

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "x.jsonl"
>>> _ = path.write_text('{"text": "One."}\\n{oops\\n{"text": "Three."}\\n')
>>> [item.source.rsplit("/", 1)[1] for item in read_piece(LinesPiece(str(path), 17, 42, 2))]
['x.jsonl:2', 'x.jsonl:3']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, cast

from attrs import evolve

from newscorpus.cluster.inputs import FilePiece, LinesPiece, MissingPiece, Piece
from newscorpus.cluster.storage import Window, basename, is_url, open_input
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.corpus.readers import read_documents, read_stream
from newscorpus.corpus.records import FieldMapping, read_jsonl
from newscorpus.limits import Limits, limits_or_default

__all__ = ["read_piece", "read_pieces"]


def read_pieces(
    pieces: Iterable[Piece], mapping: FieldMapping | None = None, limits: Limits | None = None
) -> Iterator[ReadItem]:
    """The read items of ``pieces``, in order, streamed.

    >>> [item.error for item in read_pieces([MissingPiece("x/*.txt", "NoMatch", "none")])]
    ['NoMatch']
    """
    for piece in pieces:
        yield from read_piece(piece, mapping, limits)


def read_piece(
    piece: Piece, mapping: FieldMapping | None = None, limits: Limits | None = None
) -> Iterator[ReadItem]:
    """The read items of one piece, streamed; a failure is a :class:`ReadFailure`, never raised.

    ``mapping`` and ``limits`` are those of :func:`~newscorpus.corpus.read_documents`.

    >>> [type(item).__name__ for item in read_piece(FilePiece("no/such/file.txt"))]
    ['ReadFailure']
    """
    limits = limits_or_default(limits)
    if isinstance(piece, MissingPiece):
        yield ReadFailure(Origin(piece.path), piece.error, piece.message)
    elif isinstance(piece, LinesPiece):
        yield from _read_lines(piece, mapping, limits)
    elif not is_url(piece.path):
        yield from read_documents([piece.path], mapping=mapping, limits=limits)
    else:
        yield from _read_url(piece, mapping, limits)


def _read_url(piece: FilePiece, mapping: FieldMapping | None, limits: Limits) -> Iterator[ReadItem]:
    origin = Origin(piece.path)
    try:
        stream = open_input(piece.path)
    except Exception as error:  # a missing object, a denied bucket: one error entry
        yield ReadFailure.from_exception(origin, error)
        return
    with stream:
        yield from read_stream(stream, origin, basename(piece.path), mapping, limits)


def _read_lines(
    piece: LinesPiece, mapping: FieldMapping | None, limits: Limits
) -> Iterator[ReadItem]:
    origin = Origin(piece.path)
    shift = piece.first_line - 1
    try:
        stream = open_input(piece.path)
    except Exception as error:
        yield ReadFailure.from_exception(origin, error)
        return
    with stream:
        lines = cast(IO[bytes], Window(stream, piece.start, piece.end))
        try:
            for item in read_jsonl(lines, origin, mapping, limits):
                yield _shifted(item, shift)
        except Exception as error:  # the file broke part-way: the rest is one error
            yield ReadFailure.from_exception(origin, error)


def _shifted(item: ReadItem, shift: int) -> ReadItem:
    """``item`` with its line number ``shift`` lines further down its file."""
    line = item.origin.line
    here = evolve(item.origin, line=None if line is None else line + shift)
    if isinstance(item, ReadFailure):
        return evolve(item, origin=here)
    return ReadDocument(evolve(item.document, source=str(here)), here, item.date)
