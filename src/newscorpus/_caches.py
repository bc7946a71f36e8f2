"""Memoised pure functions, and the one switch that empties them all.

The heuristics ask the same questions of the same lines many times (a menu line is seen by
every step, and again on every page of its site), so pure functions of a line's text are
memoised. :func:`clear_caches` empties every such cache: benchmarks call it before each timed
pass so that speed figures are those of text seen for the first time. It is a benchmark switch,
not part of the public API (so it is not exported at the top level)::

    from newscorpus._caches import clear_caches
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, Protocol, TypeVar, cast

__all__ = ["clear_caches", "memoized"]

F = TypeVar("F", bound=Callable[..., Any])

#: Entries kept per memoised function: bounded, so memory does not grow with a corpus. Keys are
#: lines (a few hundred bytes), so 8,192 entries keep every cache together at a few tens of MB
#: (65,536 took a 100,000-document run from 155 to 290 MB; benchmarks/corpus_run.py) while a
#: site's repeated chrome lines, which come close together in a crawl, still hit.
CACHE_SIZE = 8192


class _Clearable(Protocol):
    def cache_clear(self) -> None: ...


_CACHES: list[_Clearable] = []


def memoized(function: F) -> F:
    """Memoise a pure function of hashable arguments (bounded LRU), registered for clearing."""
    wrapped = lru_cache(maxsize=CACHE_SIZE)(function)
    _CACHES.append(wrapped)
    return cast(F, wrapped)


def clear_caches() -> None:
    """Empty every memoised function's cache.

    >>> clear_caches()
    """
    for cache in _CACHES:
        cache.cache_clear()
