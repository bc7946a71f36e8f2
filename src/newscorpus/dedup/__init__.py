"""Duplicates, syndicated copies and stories across a corpus (needs ``newscorpus[dedup]``).

* :func:`deduplicate` sets ``duplicate_of``, ``syndication_group`` and ``story`` on a
  collection of articles; :func:`find_duplicates` indexes a stream in one pass and returns a
  :class:`DedupResult` whose ``annotate`` applies it in a second pass.
* :class:`DedupSettings` holds the thresholds and the shingle size.

See ``docs/dedup.md`` for the method, the canonical rule and the memory needed.

>>> from newscorpus.dedup import DedupSettings, deduplicate
>>> deduplicate([], DedupSettings())
[]
"""

from newscorpus.dedup.api import deduplicate, find_duplicates, new_index
from newscorpus.dedup.result import Assignment, DedupResult
from newscorpus.dedup.settings import DEFAULT_DEDUP_SETTINGS, DedupSettings

__all__ = [
    "DEFAULT_DEDUP_SETTINGS",
    "Assignment",
    "DedupResult",
    "DedupSettings",
    "deduplicate",
    "find_duplicates",
    "new_index",
]
