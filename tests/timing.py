"""Time tests by ratio, never by absolute time: how much slower the work gets on a larger input.

A machine shared with other work is slow at times, so a test that says "under 2 s" fails for
reasons that have nothing to do with the code. The ratio of two sizes' times, each the best of a
few runs, tells linear from quadratic whatever the machine's speed.
"""

from __future__ import annotations

import time
from collections.abc import Callable

#: Growing the input this many times ...
SIZE_FACTOR = 4
#: ... may make the work at most this many times slower (linear is 4; quadratic would be 16).
#: Generous, so that a noisy shared 2-core machine does not make the tests flaky.
MAX_TIME_FACTOR = 10.0


def best_time(work: Callable[[], object], runs: int = 3) -> float:
    """The fastest of ``runs`` timings of ``work()``, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def time_ratio(make: Callable[[int], Callable[[], object]], size: int) -> float:
    """How many times slower the work is on an input ``SIZE_FACTOR`` times larger.

    ``make(n)`` builds the input of size ``n`` and returns the work to time on it.
    """
    small, big = make(size), make(size * SIZE_FACTOR)
    best_time(small, runs=1)  # warm caches and imports before timing
    return best_time(big) / max(best_time(small), 1e-6)
