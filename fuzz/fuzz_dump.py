"""Fuzz the dump parser and the pipeline: ``python fuzz/fuzz_dump.py -max_total_time=60``."""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import newscorpus
    from newscorpus import Limits, NewsCorpusError

from _common import FUZZ_LIMITS_KWARGS, run

LIMITS = Limits(**FUZZ_LIMITS_KWARGS)  # type: ignore[arg-type]


def test_one_input(data: bytes) -> None:
    """Parse the bytes as a dump, and as the text they decode to."""
    try:
        newscorpus.parse(data, format="dump", limits=LIMITS).to_dict()
        text = atheris.FuzzedDataProvider(data).ConsumeUnicodeNoSurrogates(len(data))
        newscorpus.parse(text, format="dump", limits=LIMITS).to_dict()
    except NewsCorpusError:
        pass


if __name__ == "__main__":
    run(test_one_input)
