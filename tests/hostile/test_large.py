"""A 50 MB page and a 5 MB single line: parsed, in time linear in their size."""

from __future__ import annotations

from collections.abc import Callable

import newscorpus
from newscorpus import Limits, RawDocument
from newscorpus.formats import DumpParser, HtmlParser
from tests.timing import MAX_TIME_FACTOR, time_ratio

SENTENCE = "The council met on Monday and agreed to rebuild the bridge by the spring. "
MB = 1024 * 1024


def _page(size: int) -> str:
    paragraph = f"<p>{SENTENCE * 5}</p>\n"
    return "<html><body><article>" + paragraph * (size // len(paragraph)) + "</article></body>"


def test_a_50_mb_page_parses() -> None:
    page = _page(50 * MB)
    draft = HtmlParser().parse(RawDocument(page))
    assert len(draft.blocks) > 100_000
    assert draft.blocks[-1].text == (SENTENCE * 5).strip()


def test_page_parsing_is_linear_in_size() -> None:
    def make(size: int) -> Callable[[], object]:
        page = _page(size)
        return lambda: HtmlParser().parse(RawDocument(page))

    assert time_ratio(make, 2 * MB) < MAX_TIME_FACTOR


def test_a_5_mb_single_line_parses_as_a_dump_and_as_a_page() -> None:
    line = SENTENCE * (5 * MB // len(SENTENCE))
    article = newscorpus.parse(line, format="dump")
    assert article.text.split() == line.split()  # one long paragraph: cut, rejoined, all kept
    draft = HtmlParser().parse(RawDocument("<p>" + line + "</p>"))
    assert [block.text for block in draft.blocks] == [line.strip()]


def test_single_line_parsing_is_linear_in_size() -> None:
    def dump(size: int) -> Callable[[], object]:
        line = SENTENCE * (size // len(SENTENCE))
        return lambda: newscorpus.parse(line, format="dump")

    def page(size: int) -> Callable[[], object]:
        line = "<p>" + SENTENCE * (size // len(SENTENCE)) + "</p>"
        return lambda: newscorpus.parse(line, format="html")

    assert time_ratio(dump, MB // 4) < MAX_TIME_FACTOR
    assert time_ratio(page, MB // 4) < MAX_TIME_FACTOR


def test_an_unbroken_line_without_spaces_is_linear() -> None:
    def make(size: int) -> Callable[[], object]:
        line = "x" * size
        return lambda: DumpParser().parse(RawDocument(line, limits=Limits()))

    assert time_ratio(make, MB) < MAX_TIME_FACTOR
