"""The optional dependencies of the cluster runner, imported lazily, each failing with the extra."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["require_dask", "require_distributed", "require_fsspec"]

_EXTRA = "pip install 'newscorpus[dask]'"


def _require(module: str, what: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise ImportError(f"{what} needs {module.split('.', maxsplit=1)[0]}: {_EXTRA}") from error


def require_dask() -> Any:
    """Import :mod:`dask`, or fail with an ImportError naming the ``newscorpus[dask]`` extra.

    >>> require_dask().__name__
    'dask'
    """
    return _require("dask", "Running on a Dask cluster")


def require_distributed() -> Any:
    """Import :mod:`distributed` (Dask's cluster scheduler) or fail naming the extra.

    >>> require_distributed().__name__
    'distributed'
    """
    return _require("distributed", "Running on a Dask cluster")


def require_fsspec() -> Any:
    """Import :mod:`fsspec` (paths such as ``s3://`` and ``gs://``) or fail naming the extra.

    >>> require_fsspec().__name__
    'fsspec'
    """
    return _require("fsspec", "Reading object storage paths")
