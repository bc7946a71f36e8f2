"""The optional dependencies of the cluster runner, imported lazily, each failing with the extra."""

from __future__ import annotations

from typing import Any

from newscorpus._optional import require

__all__ = ["require_dask", "require_distributed", "require_fsspec"]


def require_dask() -> Any:
    """Import :mod:`dask`, or fail with a MissingDependencyError naming the ``dask`` extra.

    >>> require_dask().__name__
    'dask'
    """
    return require("dask", "Running on a Dask cluster")


def require_distributed() -> Any:
    """Import :mod:`distributed` (Dask's cluster scheduler) or fail naming the extra.

    >>> require_distributed().__name__
    'distributed'
    """
    return require("distributed", "Running on a Dask cluster")


def require_fsspec() -> Any:
    """Import :mod:`fsspec` (paths such as ``s3://`` and ``gs://``) or fail naming the extra.

    >>> require_fsspec().__name__
    'fsspec'
    """
    return require("fsspec", "Reading object storage paths")
