"""Committed parts of a corpus run: what makes a run resumable after a crash, even a SIGKILL.

The runner numbers documents in reading order and commits their outcomes in *parts* of
``part_size`` documents, in a hidden folder beside the output (``.corpus.parts/`` for
``corpus.parquet``). Part *k* is three files, each written to a temporary name, fsynced and
renamed (:mod:`newscorpus.corpus.atomic`):

* ``part-0000000k.records.jsonl``: the part's article records, one JSON Lines line each, exactly
  the bytes a JSON Lines output holds;
* ``part-0000000k.errors.jsonl``: the part's error entries, likewise;
* ``part-0000000k.done.json``: written last, the *commit marker*: how many documents, records
  and errors the part holds, and the source of its last document.

A part without its marker is not committed: a resumed run writes it again. Markers therefore
tell how far a run got, and the last source lets a resumed run check that it reads the same
inputs. The output itself is written as parts are committed, under a temporary name inside the
parts folder, and renamed into place at the end; a resumed run starts it again from the
committed parts (:func:`records`), then goes on. The error file is written from the parts at
the end (:func:`write_errors`).

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> part = PartWriter(folder, 0)
>>> part.add(b'{"id": "a"}\\n', source="a.txt", failed=False)
>>> _ = part.commit()
>>> [marker.documents for marker in committed(folder)]
[1]
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from attrs import frozen

from newscorpus.corpus.atomic import TEMPORARY_SUFFIX, AtomicFile, atomic_write
from newscorpus.errors import OutputError

if sys.platform != "win32":
    import fcntl

__all__ = [
    "Marker",
    "PartWriter",
    "clear",
    "committed",
    "locked",
    "records",
    "remove_temporaries",
    "write_errors",
]

_NAME = "part-{number:08d}.{kind}"
#: The lock file a run holds in its parts folder.
_LOCK = "lock"


@frozen
class Marker:
    """The commit marker of one part: its counts and the source of its last document."""

    number: int
    documents: int
    records: int
    errors: int
    last_source: str | None

    @property
    def filtered(self) -> int:
        """Documents of the part that the run filtered out (neither a record nor an error)."""
        return self.documents - self.records - self.errors


def _path(folder: Path, number: int, kind: str) -> Path:
    return folder / _NAME.format(number=number, kind=kind)


class PartWriter:
    """Part ``number`` being written: lines go to its files as they come (nothing is held in
    memory), and :meth:`commit` makes it whole, marker last.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> part = PartWriter(folder, 0)
    >>> part.add(b'{"id": "a"}\\n', source="a.txt", failed=False)
    >>> part.commit()
    Marker(number=0, documents=1, records=1, errors=0, last_source='a.txt')
    """

    def __init__(self, folder: Path, number: int) -> None:
        self.number = number
        self.documents = 0
        self._folder = folder
        self._records = AtomicFile(_path(folder, number, "records.jsonl"))
        self._errors = AtomicFile(_path(folder, number, "errors.jsonl"))
        self._counts = [0, 0]  # records, errors
        self._last_source: str | None = None

    def add(self, line: bytes, *, source: str, failed: bool) -> None:
        """Append one document's outcome: a record line, or an error entry if ``failed``."""
        (self._errors if failed else self._records).file.write(line)
        self._counts[failed] += 1
        self.documents += 1
        self._last_source = source

    def skip(self, *, source: str) -> None:
        """Count one document that is neither written nor failed (filtered by the run)."""
        self.documents += 1
        self._last_source = source

    def commit(self) -> Marker:
        """Commit both files, then the marker; return the marker."""
        records, errors = self._counts
        marker = Marker(self.number, self.documents, records, errors, self._last_source)
        self._records.commit()
        self._errors.commit()
        value = {
            "documents": marker.documents,
            "records": marker.records,
            "errors": marker.errors,
            "last_source": marker.last_source,
        }
        with atomic_write(_path(self._folder, self.number, "done.json")) as stream:
            stream.write(json.dumps(value, ensure_ascii=False).encode("utf-8", "backslashreplace"))
        return marker

    def abort(self) -> None:
        """Drop the part's files (an uncommitted part leaves nothing)."""
        self._records.abort()
        self._errors.abort()


def committed(folder: Path) -> list[Marker]:
    """The markers of the parts committed in ``folder``, numbered from 0 without a gap."""
    markers: list[Marker] = []
    while (path := _path(folder, len(markers), "done.json")).is_file():
        value = json.loads(path.read_bytes())
        markers.append(
            Marker(
                len(markers),
                value["documents"],
                value["records"],
                value["errors"],
                value["last_source"],
            )
        )
    return markers


def records(folder: Path, marker: Marker) -> Iterator[bytes]:
    """The record lines of a committed part, as they were committed."""
    with open(_path(folder, marker.number, "records.jsonl"), "rb") as stream:
        yield from stream


def write_errors(folder: Path, markers: Sequence[Marker], errors: Path) -> None:
    """Write the error file (atomically) from the parts' error entries, in order; when nothing
    failed, write none and remove a stale one from an earlier run."""
    if not any(marker.errors for marker in markers):
        errors.unlink(missing_ok=True)
        return
    with atomic_write(errors) as stream:
        for marker in markers:
            with open(_path(folder, marker.number, "errors.jsonl"), "rb") as part:
                shutil.copyfileobj(part, stream)


def remove_temporaries(folder: Path) -> None:
    """Remove temporary files a killed run left in ``folder`` (never a committed file)."""
    for path in folder.glob(f"*{TEMPORARY_SUFFIX}"):
        path.unlink(missing_ok=True)


def clear(folder: Path) -> None:
    """Remove the parts folder (after a finished run, or to start a run afresh)."""
    shutil.rmtree(folder, ignore_errors=True)


@contextlib.contextmanager
def locked(folder: Path, *, fresh: bool) -> Iterator[None]:
    """Hold an exclusive lock on the parts folder (created if need be) while a run writes it;
    ``fresh`` empties it first (a run that does not resume). A second run to the same output
    raises :class:`~newscorpus.OutputError` instead of clearing the first run's parts.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp()) / ".c.parts"
    >>> folder.mkdir()
    >>> _ = (folder / "part-00000000.done.json").write_text("{}")
    >>> with locked(folder, fresh=True):
    ...     sorted(path.name for path in folder.iterdir())
    ['lock']
    """
    folder.mkdir(parents=True, exist_ok=True)
    # A POSIX record lock (lockf) belongs to this process: worker processes forked from it do
    # not hold it, so a run killed with its workers still exiting does not lock out --resume.
    descriptor = os.open(folder / _LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        if sys.platform != "win32":  # Windows: runs are not locked there
            try:
                fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                raise OutputError(
                    "another run is writing this output", source=str(folder)
                ) from None
        if fresh:
            for path in folder.iterdir():
                if path.name == _LOCK:
                    continue
                if path.is_dir() and not path.is_symlink():
                    shutil.rmtree(path, ignore_errors=True)
                else:
                    path.unlink(missing_ok=True)
        yield
    finally:
        os.close(descriptor)
