"""The progress display of a corpus run: documents, documents per second, errors and ETA.

It draws on standard error with rich, and only when standard error is a terminal: a run in a
pipeline, a cron job or CI prints nothing but its summary. The ETA is reckoned in bytes of
input: the total is the size of the input files (summed in a background thread, so a huge tree
does not delay the run) and the position is how far reading has got through them
(:func:`~newscorpus.corpus.read_documents` reports each file it opens). Documents cannot be
counted ahead without reading everything twice; bytes can.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable
from typing import IO, Any

from newscorpus.corpus.readers import Input, expand_inputs
from newscorpus.corpus.workers import Processed

__all__ = ["Progress"]


class Progress:
    """Pass it to :func:`~newscorpus.corpus.run_corpus` as ``on_document`` and its
    :meth:`opened` as ``on_open``; call :meth:`stop` at the end. Silent when standard error is
    not a terminal."""

    def __init__(self, inputs: Input | Iterable[Input] = ()) -> None:
        self.count = 0
        self.errors = 0
        self._inputs = inputs
        self._total: int | None = None
        self._done_bytes = 0  # input files read to the end
        self._file: IO[bytes] | None = None
        self._file_size = 0
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def opened(self, path: str, stream: IO[bytes]) -> None:
        """Note that reading has moved on to the input file ``path``."""
        self._done_bytes += self._file_size
        self._file = stream
        try:
            self._file_size = os.fstat(stream.fileno()).st_size
        except (OSError, ValueError):
            self._file_size = 0

    @property
    def bytes_read(self) -> int:
        """How far reading has got, in bytes of the input files."""
        position = 0
        if self._file is not None and not self._file.closed:
            try:
                position = min(self._file.tell(), self._file_size)
            except (OSError, ValueError):
                position = 0
        return self._done_bytes + position

    def __call__(self, outcome: Processed) -> None:
        self.count += 1
        self.errors += outcome.failed
        if self._bar is None and sys.stderr.isatty():
            self._begin()
        if self._bar is not None:
            elapsed = max(time.monotonic() - self._start, 1e-6)
            self._bar.update(
                self._task,
                completed=self.bytes_read,
                total=self._total,
                documents=self.count,
                rate=self.count / elapsed,
                errors=self.errors,
            )

    def stop(self) -> None:
        """Remove the display."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def _measure(self) -> None:
        total = 0
        for path in expand_inputs(self._inputs):
            if not isinstance(path, str):
                continue
            try:
                total += os.path.getsize(path)
            except OSError:
                continue
        self._total = total

    def _begin(self) -> None:
        # Started on the first document, not before: the run's worker processes are forked
        # while this process still has a single thread.
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import Progress as RichProgress

        threading.Thread(target=self._measure, name="newscorpus-input-size", daemon=True).start()
        self._bar = RichProgress(
            SpinnerColumn(),
            TextColumn("{task.fields[documents]} documents"),
            BarColumn(),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=sys.stderr),
            transient=True,
        )
        self._task = self._bar.add_task("parse", total=None, documents=0, rate=0.0, errors=0)
        self._bar.start()
