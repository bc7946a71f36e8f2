"""What every fuzz target shares: the allowed failures, and the atheris entry point.

A target fails (and atheris keeps the input as a crash) on any exception that is not a
:class:`~newscorpus.NewsCorpusError`: a parser may refuse an input, never crash on it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

#: Small limits, so that each input is fast and a bomb is caught at once.
FUZZ_LIMITS_KWARGS = {
    "max_document_bytes": 1024 * 1024,
    "max_decompressed_bytes": 8 * 1024 * 1024,
    "max_nesting_depth": 256,
}


def run(test_one_input: Callable[[bytes], None]) -> None:
    """Run ``test_one_input`` under atheris with the command line's libFuzzer options."""
    import atheris

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
