"""The lazy import of numpy, which deduplication needs (``pip install 'newscorpus[dedup]'``)."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["require_numpy"]


def require_numpy() -> Any:
    """Import :mod:`numpy`, or fail with a message naming the extra that installs it.

    >>> require_numpy().__name__
    'numpy'
    """
    try:
        return importlib.import_module("numpy")
    except ImportError as error:
        raise ImportError(
            "corpus deduplication needs numpy: pip install 'newscorpus[dedup]'"
        ) from error
