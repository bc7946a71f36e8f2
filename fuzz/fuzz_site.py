"""Fuzz a site parser's BeautifulSoup path: ``python fuzz/fuzz_site.py -max_total_time=60``."""

from __future__ import annotations

from typing import Any

import atheris

with atheris.instrument_imports():
    from newscorpus import Limits, NewsCorpusError, RawDocument, SiteResult
    from newscorpus.formats import SiteParser

import contextlib

from _common import FUZZ_LIMITS_KWARGS, run

LIMITS = Limits(**FUZZ_LIMITS_KWARGS)  # type: ignore[arg-type]


def _site(soup: Any, url: str | None) -> SiteResult:
    paragraphs = [("paragraph", p.get_text(" ", strip=True)) for p in soup.find_all("p")]
    title = soup.title.get_text() if soup.title else None
    return SiteResult(blocks=[block for block in paragraphs if block[1]], title=title)


PARSER = SiteParser("fuzz-site", _site, domains=["a.example"])


def test_one_input(data: bytes) -> None:
    """Build the soup of the bytes and run a typical site function on it."""
    with contextlib.suppress(NewsCorpusError):
        PARSER.parse(RawDocument(data, url="https://a.example/x", limits=LIMITS))


if __name__ == "__main__":
    run(test_one_input)
