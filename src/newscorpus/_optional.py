"""Optional dependencies: imported when first needed, failing with the extra that installs them.

Every lazy import of a dependency that is not in the base install goes through :func:`require`,
so that a missing one is always the same error, :class:`~newscorpus.MissingDependencyError`
(an ``ImportError``), naming the extra, and the CLI turns it into one line.

>>> require("json", "Reading JSON").__name__
'json'
>>> try:
...     require("zstandard.nope", "Reading .zst files")
... except ImportError as error:
...     print(error)
Reading .zst files needs zstandard: pip install 'newscorpus[zstd]'
"""

from __future__ import annotations

import importlib
from typing import Any

from newscorpus.errors import MissingDependencyError

__all__ = ["EXTRAS", "installed", "require"]

#: The extra (``pip install 'newscorpus[EXTRA]'``) that installs each optional top-level module.
#: pyarrow is in the base install; its ``parquet`` extra is kept so old install lines still work
#: and a broken environment still gets a line that mends it.
EXTRAS: dict[str, str] = {
    "pyarrow": "parquet",
    "pandas": "pandas",
    "numpy": "dedup",
    "dask": "dask",
    "distributed": "dask",
    "fsspec": "dask",
    "warcio": "warc",
    "zstandard": "zstd",
    "matplotlib": "report",
}


def require(module: str, needed_for: str) -> Any:
    """Import ``module``, or raise :class:`~newscorpus.MissingDependencyError` saying that
    ``needed_for`` (a phrase: "Reading WARC files") needs it, and which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        extra = EXTRAS.get(module.split(".", maxsplit=1)[0], "all")
        raise MissingDependencyError(module, extra, needed_for) from error


def installed(module: str) -> Any | None:
    """``module`` imported, or ``None`` when it is not installed (for a feature that is used
    only when its dependency happens to be there)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        return None
