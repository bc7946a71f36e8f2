"""The corpus runner: read every input, parse in worker processes, write records, lose nothing.

:func:`run_corpus` reads ``inputs`` with :func:`~newscorpus.corpus.read_documents`, parses each
document (in ``jobs`` worker processes, ``spawn`` context, a bounded number of small batches in
flight, results taken back in input order) and writes one record per parsed document with
:func:`~newscorpus.corpus.open_writer`. Every input document ends as exactly one record or one
*error entry*: a :class:`~newscorpus.corpus.ReadError`, a parse exception or a crashed worker
goes to the error file beside the output (``corpus.parquet`` -> ``corpus.errors.jsonl``), one
JSON object a line with ``source``, ``origin`` (path, member, line, offset), ``error`` (the
exception's type name) and ``message``, and the run goes on.

Resuming. Work is committed in numbered *parts*: the documents are numbered in reading order
and part *k* holds the outcomes of documents ``k * part_size`` to ``(k + 1) * part_size - 1``,
as JSON Lines (``{"source": ..., "record": {...}}`` or ``{"source": ..., "error": {...}}``),
written to ``.<output stem>.parts/part-NNNNNNNN.jsonl`` (hidden, so an output folder that is
also an input folder is not read back) through a temporary file and an atomic
rename. A part file exists whole or not at all, even after SIGKILL. With ``resume=True`` the
runner keeps the committed parts (checking that the last committed document is still the
same one in the inputs, keyed by ``str(origin)``), skips the documents they cover and goes on
from the first missing part. Once every part is committed, the output and the error file are
assembled from the parts in order (each written atomically) and the parts folder is removed.
The final output is therefore the same, record for record and in the same order, as one
uninterrupted run. Without ``resume`` a leftover parts folder is cleared first. Documents read
from the output file or the error file themselves are skipped.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path
from typing import Any

from attrs import frozen

from newscorpus.corpus.atomic import atomic_write
from newscorpus.corpus.origin import ReadDocument, ReadError, ReadItem
from newscorpus.corpus.outcomes import Outcome, error_outcome, outcome_of, parse_one
from newscorpus.corpus.readers import Input, read_documents
from newscorpus.corpus.writers import JsonLinesWriter, format_for, open_writer

__all__ = ["RunSummary", "error_path_for", "parts_path_for", "run_corpus"]

DEFAULT_PART_SIZE = 1000
_BATCH = 16


@frozen
class RunSummary:
    """What a run did: documents read, records written, failures, documents skipped by resume."""

    read: int
    written: int
    failed: int
    resumed: int
    output: Path
    errors: Path


def error_path_for(output: str | os.PathLike[str]) -> Path:
    """The error file beside ``output``: ``corpus.parquet`` -> ``corpus.errors.jsonl``.

    >>> str(error_path_for("out/corpus.parquet"))
    'out/corpus.errors.jsonl'
    """
    path = Path(output)
    return path.with_name(f"{path.stem}.errors.jsonl")


def parts_path_for(output: str | os.PathLike[str]) -> Path:
    """The folder of committed parts of a run writing ``output``: ``.corpus.parts``.

    >>> str(parts_path_for("out/corpus.jsonl"))
    'out/.corpus.parts'
    """
    path = Path(output)
    return path.with_name(f".{path.stem}.parts")


def run_corpus(
    inputs: Input | Iterable[Input],
    output: str | os.PathLike[str],
    *,
    jobs: int = 1,
    resume: bool = False,
    format: str | None = None,
    parse_format: str | None = None,
    part_size: int = DEFAULT_PART_SIZE,
    on_item: Callable[[Outcome], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
) -> RunSummary:
    """Parse every document in ``inputs`` into ``output``; see the module docstring.

    ``format`` is the output format (default: by suffix); ``parse_format`` forces a parser.
    ``on_item`` is called with each document's outcome as it is taken back (progress);
    ``on_commit`` with the number of each part once it is committed.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if part_size < 1:
        raise ValueError("part_size must be at least 1")
    target = Path(output)
    chosen = format_for(target, format)
    errors = error_path_for(target)
    parts = parts_path_for(target)
    if not resume and parts.exists():
        shutil.rmtree(parts)
    parts.mkdir(parents=True, exist_ok=True)
    done = _committed(parts)
    skip = done * part_size
    items = _without(read_documents(inputs), {target.resolve(), errors.resolve()})
    skipped = list(islice(items, skip))
    if len(skipped) < skip or (skip and skipped[-1].source != _last_source(parts, done - 1)):
        raise ValueError(
            f"cannot resume from {parts}: the inputs are not those of the interrupted run"
        )
    outcomes = _outcomes(items, jobs=jobs, parse_format=parse_format)
    if on_item is not None:
        outcomes = _watched(outcomes, on_item)
    number = done
    while True:
        part = list(islice(outcomes, part_size))
        if not part:
            break
        _commit(parts / _part_name(number), part)
        if on_commit is not None:
            on_commit(number)
        number += 1
    read = written = failed = 0
    with open_writer(target, chosen) as writer, JsonLinesWriter(errors) as error_writer:
        for index in range(number):
            for outcome in _load(parts / _part_name(index)):
                read += 1
                if "record" in outcome:
                    written += 1
                    writer.write(outcome["record"])
                else:
                    failed += 1
                    error_writer.write(outcome["error"])
    shutil.rmtree(parts, ignore_errors=True)
    return RunSummary(read, written, failed, skip, target, errors)


def _without(items: Iterator[ReadItem], outputs: set[Path]) -> Iterator[ReadItem]:
    """``items`` less those read from the run's own output or error file (an output written
    inside an input folder must not be read back by the next run)."""
    seen: dict[str, bool] = {}
    for item in items:
        path = item.origin.path
        if path not in seen:
            seen = {path: Path(path).resolve() in outputs}  # one file's items are contiguous
        if not seen[path]:
            yield item


def _watched(outcomes: Iterator[Outcome], on_item: Callable[[Outcome], None]) -> Iterator[Outcome]:
    for outcome in outcomes:
        on_item(outcome)
        yield outcome


def _part_name(number: int) -> str:
    return f"part-{number:08d}.jsonl"


def _committed(parts: Path) -> int:
    """How many parts, numbered from 0 without a gap, are committed in ``parts``."""
    count = 0
    while (parts / _part_name(count)).is_file():
        count += 1
    return count


def _last_source(parts: Path, number: int) -> str | None:
    last = None
    for outcome in _load(parts / _part_name(number)):
        last = outcome["source"]
    return last


def _load(path: Path) -> Iterator[Outcome]:
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            value: Outcome = json.loads(line)
            yield value


def _commit(path: Path, part: Sequence[Outcome]) -> None:
    with atomic_write(path) as stream:
        for outcome in part:
            line = json.dumps(outcome, ensure_ascii=False)
            stream.write(line.encode("utf-8", "backslashreplace") + b"\n")


def _parse_batch(batch: Sequence[ReadDocument], parse_format: str | None) -> list[Outcome]:
    return [parse_one(item, parse_format) for item in batch]


def _outcomes(
    items: Iterator[ReadItem], *, jobs: int, parse_format: str | None
) -> Iterator[Outcome]:
    """Every item's outcome, in input order."""
    if jobs == 1:
        for item in items:
            yield outcome_of(item, parse_format)
        return
    yield from _parallel(items, jobs=jobs, parse_format=parse_format)


def _batches(items: Iterator[ReadItem]) -> Iterator[list[ReadItem]]:
    while batch := list(islice(items, _BATCH)):
        yield batch


Work = Callable[[Sequence[ReadDocument], str | None], list[Outcome]]


def _parallel(
    items: Iterator[ReadItem], *, jobs: int, parse_format: str | None, work: Work = _parse_batch
) -> Iterator[Outcome]:
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
    pending: deque[tuple[list[ReadItem], Future[list[Outcome]]]] = deque()
    try:
        batches = _batches(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2 * jobs:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                documents = [item for item in batch if isinstance(item, ReadDocument)]
                pending.append((batch, pool.submit(work, documents, parse_format)))
            if not pending:
                break
            batch, future = pending.popleft()
            try:
                parsed: list[Outcome] | None = future.result()
            except BrokenProcessPool:
                parsed = None
            if parsed is None:
                # A worker died: redo the batches in flight one document at a time, each in a
                # fresh pool when needed, so only the document that kills a worker fails.
                pool.shutdown(wait=False, cancel_futures=True)
                redo = [batch] + [waiting for waiting, _ in pending]
                pending.clear()
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
                for again in redo:
                    outcomes, pool = _isolated(
                        again,
                        pool,
                        jobs=jobs,
                        context=context,
                        parse_format=parse_format,
                        work=work,
                    )
                    yield from outcomes
                continue
            documents_out = iter(parsed)
            for item in batch:
                if isinstance(item, ReadError):
                    yield outcome_of(item)
                else:
                    yield next(documents_out)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _isolated(
    batch: Sequence[ReadItem],
    pool: ProcessPoolExecutor,
    *,
    jobs: int,
    context: Any,
    parse_format: str | None,
    work: Work,
) -> tuple[list[Outcome], ProcessPoolExecutor]:
    outcomes: list[Outcome] = []
    for item in batch:
        if isinstance(item, ReadError):
            outcomes.append(outcome_of(item))
            continue
        try:
            outcomes.extend(pool.submit(work, [item], parse_format).result())
        except BrokenProcessPool:
            pool.shutdown(wait=False, cancel_futures=True)
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context)
            message = "the worker process parsing this document died"
            outcomes.append(error_outcome(item.origin, "WorkerCrashed", message))
    return outcomes, pool


class Progress:
    """A rich progress display on stderr (documents, docs/s, errors, ETA when known); silent
    when stderr is not a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None
        self.count = 0
        self.errors = 0
        self._start = time.monotonic()
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                Progress as RichProgress,
            )
            from rich.progress import (
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.completed} documents"),
                TextColumn("{task.fields[rate]:.1f} docs/s"),
                TextColumn("{task.fields[errors]} errors"),
                TimeElapsedColumn(),
                console=Console(file=sys.stderr),
                transient=True,
            )
            self._task = self._bar.add_task("parse", total=None, rate=0.0, errors=0)
            self._bar.start()

    def __call__(self, outcome: Outcome) -> None:
        self.count += 1
        if "error" in outcome:
            self.errors += 1
        if self._bar is not None:
            elapsed = max(time.monotonic() - self._start, 1e-6)
            self._bar.update(
                self._task, completed=self.count, rate=self.count / elapsed, errors=self.errors
            )

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()
