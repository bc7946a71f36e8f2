"""The lazy import of numpy, which deduplication needs (``pip install 'newscorpus[dedup]'``)."""

from __future__ import annotations

from typing import Any

from newscorpus._optional import require

__all__ = ["require_numpy"]


def require_numpy() -> Any:
    """Import :mod:`numpy`, or fail with a message naming the extra that installs it.

    >>> require_numpy().__name__
    'numpy'
    """
    return require("numpy", "Corpus deduplication")
