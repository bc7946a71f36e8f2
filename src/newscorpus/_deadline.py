"""The per-document time limit outside the local runner: :func:`call_with_time_limit`.

The local runner enforces :attr:`~newscorpus.Limits.seconds_per_document` from outside, by
killing its worker process. :func:`newscorpus.parse` and the cluster runner have no worker of
their own to kill, so they use this helper:

* in the main thread on POSIX, a ``SIGALRM`` timer (``signal.setitimer``) interrupts the parse
  with :class:`~newscorpus.errors.TimeLimitExceeded`; the previous handler and timer are put
  back afterwards. Python code is interrupted between bytecodes, so a long call into C code
  (libxml2) is interrupted only when it returns;
* elsewhere (another thread, as in a Dask worker, or Windows) the parse runs in a daemon thread
  and :class:`~newscorpus.errors.TimeLimitExceeded` is raised when it has not finished in time.
  That thread cannot be stopped: it is abandoned, and may keep a core busy until its parse ends.

>>> call_with_time_limit(lambda: 42, 1.0, "page.html")
42
>>> call_with_time_limit(lambda: 42, None, "page.html")  # no limit
42
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

from newscorpus.errors import TimeLimitExceeded

__all__ = ["call_with_time_limit"]

T = TypeVar("T")


def call_with_time_limit(function: Callable[[], T], seconds: float | None, source: str) -> T:
    """``function()``, or :class:`~newscorpus.errors.TimeLimitExceeded` (naming ``source``) if
    it takes longer than ``seconds``; ``None`` calls it without a limit."""
    if seconds is None:
        return function()
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        return _with_alarm(function, seconds, source)
    return _with_thread(function, seconds, source)


def _with_alarm(function: Callable[[], T], seconds: float, source: str) -> T:
    fired = False

    def on_alarm(signum: int, frame: Any) -> None:
        nonlocal fired
        fired = True
        raise TimeLimitExceeded(seconds, source=source)

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    earlier, _ = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        result = function()
    except TimeLimitExceeded:
        raise
    except BaseException as error:
        if fired:  # the code interrupted turned it into another error
            raise TimeLimitExceeded(seconds, source=source) from error
        raise
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if earlier:  # someone else's timer: give it back what is left of its time
            left = earlier - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 0.001))
    if fired:  # the code interrupted swallowed the error
        raise TimeLimitExceeded(seconds, source=source)
    return result


def _with_thread(function: Callable[[], T], seconds: float, source: str) -> T:
    outcome: list[Any] = []

    def run() -> None:
        try:
            outcome.append((True, function()))
        except BaseException as error:  # handed to the caller's thread
            outcome.append((False, error))

    thread = threading.Thread(target=run, name=f"newscorpus parse of {source}", daemon=True)
    thread.start()
    thread.join(seconds)
    if not outcome:  # still running: abandoned (it cannot be stopped)
        raise TimeLimitExceeded(seconds, source=source)
    succeeded, value = outcome[0]
    if succeeded:
        return value  # type: ignore[no-any-return]
    raise value
