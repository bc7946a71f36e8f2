"""Worker processes for corpus runs: documents out in small batches, outcomes back in order.

:func:`processed` parses a stream of read items in ``jobs`` worker processes and yields one
:class:`Processed` per item, in input order. Each worker takes a batch of documents at a time
and answers each document as soon as it is done, already encoded as the JSON Lines line it will
be written as, so the parent only routes bytes. Because the parent knows which document each
worker is on, a failure is pinned on exactly one document:

* a worker that dies (a segfault in a C extension, the OOM killer) fails the document it was
  on with ``WorkerCrashed``; the rest of its batch goes to the next idle worker;
* a document that takes longer than ``time_limit`` seconds has its worker killed and fails with
  ``TimeLimitExceeded`` (the limit is enforced from outside, so a hang in C code is caught too);

and a new worker takes the dead one's place. Workers are forked from the parent where that is
safe (Linux, and the parent runs a single thread), after the parent has loaded the language
model and the other tables once (:func:`~newscorpus.corpus.outcomes.warm_up`): they start at
once, share those pages instead of each loading its own, and see every parser the parent has
registered. Elsewhere (threads running, as in a notebook; macOS; Windows) they are spawned:
each imports newscorpus afresh and finds parsers through the registry's entry points, so a
parser defined in a notebook cell reaches them only with ``jobs=0``.
Ctrl-C is left to the parent, which stops every worker on the way out; a parent killed outright
(SIGKILL, the OOM killer) takes its workers with it (``PR_SET_PDEATHSIG`` on Linux, and the EOF
of its pipe everywhere), so no worker outlives its run.

``jobs=0`` parses in the calling process instead: no isolation and no time limit, for
debugging (a breakpoint in a parser works).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import TYPE_CHECKING, Any

from attrs import define, frozen

from newscorpus.corpus.origin import ReadDocument, ReadFailure, ReadItem
from newscorpus.corpus.outcomes import Outcome, error_outcome, outcome_of, warm_up
from newscorpus.corpus.statistics import DocumentFacts, document_facts
from newscorpus.corpus.writers import encode_line
from newscorpus.errors import RunFailedError, SettingError

if TYPE_CHECKING:
    from newscorpus.cleaning import Pipeline

__all__ = ["BATCH_SIZE", "Processed", "Work", "processed"]

#: Documents a worker is given at a time: enough to make one message's cost small, few enough
#: that the workers finish together at the end of a run.
BATCH_SIZE = 16
#: Batches' worth of documents read ahead per worker, so that no worker waits for the parent.
_READ_AHEAD = 4
#: Seconds a worker is given to leave on its own at the end of a run, before it is killed.
_EXIT_GRACE = 5.0
#: Workers in a row that may die before they are ready, before the run gives up.
_START_FAILURES = 3
#: What a worker sends once it is ready to parse.
_READY = "ready"

Work = Callable[[ReadItem, str | None, "Pipeline | None"], Outcome]
"""What a worker does with one read item, given the forced format and the pipeline
(:func:`~newscorpus.corpus.outcomes.outcome_of`)."""


@frozen
class Processed:
    """One document's outcome, encoded: its number in the run, source, and JSON Lines line.

    ``failed`` says whether ``line`` is an error entry rather than an article record;
    ``facts`` are what the run's statistics count of a record (``None`` for an error entry),
    taken in the worker so that the parent never decodes the line again.
    """

    number: int
    source: str
    failed: bool
    line: bytes
    facts: DocumentFacts | None = None


def _encode(number: int, outcome: Outcome) -> Processed:
    if "error" in outcome:
        return Processed(number, outcome["source"], True, encode_line(outcome["error"]))
    record = outcome["record"]
    return Processed(number, outcome["source"], False, encode_line(record), document_facts(record))


def processed(
    items: Iterator[ReadItem],
    *,
    jobs: int,
    parse_format: str | None = None,
    pipeline: Pipeline | None = None,
    time_limit: float | None = None,
    work: Work = outcome_of,
) -> Iterator[Processed]:
    """Every item's outcome, in input order, parsed in ``jobs`` workers (0: in this process)
    and cleaned by ``pipeline`` (``None``: the default pipeline). The pipeline is handed to
    each worker (pickled when workers are spawned: its steps must be importable)."""
    from newscorpus.parsing import pipeline_or_default

    if jobs < 0:
        raise SettingError("jobs must be at least 0")
    if time_limit is not None and time_limit <= 0:
        raise SettingError("time_limit must be positive (or None for no limit)")
    if jobs == 0:
        chosen = pipeline_or_default(pipeline)  # built once for the run, not per document
        for number, item in enumerate(items):
            yield _encode(number, work(item, parse_format, chosen))
        return
    pool = _Pool(
        jobs, parse_format=parse_format, pipeline=pipeline, time_limit=time_limit, work=work
    )
    yield from pool.run(items)


def _worker_main(
    connection: Connection,
    *,
    parent_end: Connection | None,
    parent: int,
    parse_format: str | None,
    pipeline: Pipeline | None,
    work: Work,
) -> None:
    from newscorpus.parsing import pipeline_or_default

    _die_with_parent(parent)
    if parent_end is not None:  # forked: our copy of the parent's end would hide its EOF
        parent_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops us
    warm_up()  # (at once when forked warm) so start-up never counts against a time limit
    chosen = pipeline_or_default(pipeline)  # built once per worker, not per document
    try:
        connection.send(_READY)
        while True:
            batch: list[tuple[int, ReadDocument]] | None = connection.recv()
            if batch is None:
                return
            for number, item in batch:
                connection.send(_encode(number, work(item, parse_format, chosen)))
    except (EOFError, OSError):  # the parent is gone (killed): so are we
        return


#: prctl(2) option: the signal a process gets when its parent dies (Linux).
_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """Make this worker die with the parent process, even when the parent is SIGKILLed (as
    the OOM killer does) and cannot stop it: on Linux the kernel sends SIGKILL on the
    parent's death (``PR_SET_PDEATHSIG``); everywhere a closed pipe (EOF) ends the worker
    once it next waits for work. A parent that died before this ran is caught by its pid."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - no libc prctl (musl builds)
            pass
    if os.getppid() != parent:
        os._exit(1)


def _start_method() -> str:
    """``fork`` where it is safe and fast, else ``spawn``.

    Not ``forkserver``: its server process keeps the ``sys.path`` and registrations of the
    moment it started, so a parser registered or installed later would be missing in workers.
    A spawned worker starts from the parent's current ``sys.path`` and discovers plugins anew.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "spawn"


@define
class _Worker:
    process: BaseProcess
    connection: Connection
    #: Documents sent and not yet answered, the first being the one it works on.
    batch: deque[tuple[int, ReadDocument]]
    #: When the worker started on its current document (time.monotonic()).
    since: float = 0.0
    #: Whether it has said it is ready (start-up done: imports, models).
    ready: bool = False


class _Pool:
    def __init__(
        self,
        jobs: int,
        *,
        parse_format: str | None,
        pipeline: Pipeline | None,
        time_limit: float | None,
        work: Work,
    ) -> None:
        self.jobs = jobs
        self.parse_format = parse_format
        self.pipeline = pipeline
        self.time_limit = time_limit
        self.work = work
        self.workers: list[_Worker] = []
        self.queue: deque[tuple[int, ReadDocument]] = deque()
        self.done: dict[int, Processed] = {}
        self.start_failures = 0

    def run(self, items: Iterator[ReadItem]) -> Iterator[Processed]:
        numbered = enumerate(items)
        read = 0  # items taken from the input
        emitted = 0  # outcomes yielded, in order
        exhausted = False
        ahead = self.jobs * BATCH_SIZE * _READ_AHEAD
        try:
            if _start_method() == "fork":
                warm_up()
            self.workers = [self._start() for _ in range(self.jobs)]
            while True:
                while not exhausted and read - emitted < ahead:
                    taken = next(numbered, None)
                    if taken is None:
                        exhausted = True
                        break
                    read += 1
                    number, item = taken
                    if isinstance(item, ReadFailure):
                        self.done[number] = _encode(number, outcome_of(item))
                    else:
                        self.queue.append((number, item))
                self._dispatch()
                while emitted in self.done:
                    yield self.done.pop(emitted)
                    emitted += 1
                if exhausted and emitted == read:
                    return
                if any(worker.batch or not worker.ready for worker in self.workers):
                    self._collect()
        finally:
            self._stop()

    def _start(self) -> _Worker:
        context = multiprocessing.get_context(_start_method())
        parent_end, child_end = context.Pipe()
        for stream in (sys.stdout, sys.stderr):  # a forked child must not repeat buffered output
            stream.flush()
        forked = context.get_start_method() == "fork"
        process = context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child_end,),
            kwargs={
                "parent_end": parent_end if forked else None,
                "parent": os.getpid(),
                "parse_format": self.parse_format,
                "pipeline": self.pipeline,
                "work": self.work,
            },
            daemon=True,
            name="newscorpus-worker",
        )
        process.start()
        child_end.close()
        return _Worker(process, parent_end, deque())

    def _dispatch(self) -> None:
        for index, worker in enumerate(self.workers):
            if worker.batch or not worker.ready or not self.queue:
                continue
            batch = [self.queue.popleft() for _ in range(min(BATCH_SIZE, len(self.queue)))]
            worker.batch.extend(batch)
            worker.since = time.monotonic()
            try:
                worker.connection.send(batch)
            except OSError:  # it died while idle: nothing of its own to fail
                self.queue.extendleft(reversed(worker.batch))
                _kill(worker)
                self.workers[index] = self._start()

    def _collect(self) -> None:
        """Wait for answers (or a worker ready, a death, a time limit) and take them in."""
        watched = [worker for worker in self.workers if worker.batch or not worker.ready]
        busy = [worker for worker in watched if worker.batch]
        timeout = None
        if self.time_limit is not None and busy:
            now = time.monotonic()
            timeout = max(0.0, min(w.since + self.time_limit for w in busy) - now)
        waitables: list[Any] = [w.connection for w in watched]
        waitables += [w.process.sentinel for w in watched]
        wait(waitables, timeout)
        for worker in watched:
            if not self._take_answers(worker) or worker.process.exitcode is not None:
                self._replace(worker, "WorkerCrashed", "the worker process parsing it died")
            elif (
                self.time_limit is not None
                and worker.batch
                and time.monotonic() - worker.since > self.time_limit
            ):
                message = f"parsing took longer than the limit of {self.time_limit:g} s"
                self._replace(worker, "TimeLimitExceeded", message)

    def _take_answers(self, worker: _Worker) -> bool:
        """Take in every answer waiting from ``worker``; False if its pipe is closed (dead)."""
        try:
            while (worker.batch or not worker.ready) and worker.connection.poll():
                answer: Processed | str = worker.connection.recv()
                if isinstance(answer, str):  # _READY
                    worker.ready = True
                    self.start_failures = 0
                    continue
                worker.batch.popleft()
                worker.since = time.monotonic()
                self.done[answer.number] = answer
        except (EOFError, OSError):
            return False
        return True

    def _replace(self, worker: _Worker, error: str, message: str) -> None:
        """Stop ``worker``, fail the document it was on, hand the rest of its batch on, and
        start a new worker in its place."""
        _kill(worker)
        if not worker.ready:
            self.start_failures += 1
            if self.start_failures >= _START_FAILURES:
                raise RunFailedError(
                    f"{self.start_failures} worker processes in a row died while starting; "
                    "see their messages above (or run with jobs=0 to see the error here)"
                )
        if worker.batch:
            number, item = worker.batch.popleft()
            self.done[number] = _encode(number, error_outcome(item.origin, error, message))
            self.queue.extendleft(reversed(worker.batch))
        self.workers[self.workers.index(worker)] = self._start()

    def _stop(self) -> None:
        """Let idle workers leave; kill busy ones (an error or Ctrl-C cut the run short)."""
        for worker in self.workers:
            if not worker.batch:
                with contextlib.suppress(OSError):
                    worker.connection.send(None)
        deadline = time.monotonic() + _EXIT_GRACE
        for worker in self.workers:
            if not worker.batch:
                worker.process.join(max(0.0, deadline - time.monotonic()))
            _kill(worker)
        self.workers = []


def _kill(worker: _Worker) -> None:
    if worker.process.exitcode is None:
        worker.process.kill()
        worker.process.join()
    worker.connection.close()
