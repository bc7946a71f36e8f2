"""Fuzz the HTML parser and the pipeline: ``python fuzz/fuzz_html.py -max_total_time=60``."""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    import newscorpus
    from newscorpus import Limits, NewsCorpusError

from _common import FUZZ_LIMITS_KWARGS, run

LIMITS = Limits(**FUZZ_LIMITS_KWARGS)  # type: ignore[arg-type]


def test_one_input(data: bytes) -> None:
    """Parse the bytes as a page, with and without a URL."""
    try:
        newscorpus.parse(data, format="html", limits=LIMITS).to_dict()
        newscorpus.parse(data, format="html", url="https://a.example/x", limits=LIMITS)
    except NewsCorpusError:
        pass


if __name__ == "__main__":
    run(test_one_input)
