"""Markup nested 100,000 deep: no RecursionError anywhere, BeautifulSoup and site code included."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import newscorpus
from newscorpus import Limits, RawDocument, SiteResult
from newscorpus.formats import HtmlParser, SiteParser
from newscorpus.formats.html.tree import parse_tree

DEEP = 100_000
TEXT = "The deepest sentence of the page still reaches the article text intact."

PAGES = {
    "closed divs": "<html><body>" + "<div>" * DEEP + TEXT + "</div>" * DEEP + "</body></html>",
    "unclosed inline": "<html><body>" + "<b><i>" * (DEEP // 2) + TEXT,
    "unclosed blocks": "<html><body>" + "<div><span>" * (DEEP // 2) + f"<p>{TEXT}</p>",
    "tables": "<table><tr><td>" * (DEEP // 3) + TEXT,
    "lists": "<ul><li>" * (DEEP // 2) + TEXT,
    "text at every level": "<html><body>" + "<div>x " * DEEP + TEXT,
}


def _depth(root: Any) -> int:
    """The tree's depth, counted without recursion."""
    deepest = 0
    stack = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


@pytest.mark.parametrize("name", PAGES)
def test_deep_pages_parse_and_keep_their_text(name: str) -> None:
    draft = HtmlParser().parse(RawDocument(PAGES[name]))
    assert TEXT in " ".join(block.text for block in draft.blocks)
    article = newscorpus.parse(PAGES[name])
    assert TEXT in article.text + " ".join(removal.text for removal in article.removed)


@pytest.mark.parametrize("limit", [5, 64, 512, 3_000])
def test_no_tree_is_deeper_than_the_limit(limit: int) -> None:
    root = parse_tree(PAGES["closed divs"], max_depth=limit)
    assert _depth(root) == limit
    assert TEXT in "".join(root.itertext())


def test_shallow_pages_are_not_flattened() -> None:
    page = "<html><body>" + "<div>" * 100 + "<p>deep</p>" + "</div>" * 100 + "</body></html>"
    assert _depth(parse_tree(page, max_depth=512)) == 103
    assert _depth(parse_tree(page, max_depth=None)) == 103


def _recursive_texts(tag: Any) -> Iterator[str]:
    """A site function written the naive way: recursion over the soup."""
    for child in getattr(tag, "children", ()):
        if isinstance(child, str):
            if child.strip():
                yield child.strip()
        else:
            yield from _recursive_texts(child)


def _naive_site(soup: Any, url: str | None) -> SiteResult:
    return SiteResult(blocks=[("paragraph", " ".join(_recursive_texts(soup)))])


@pytest.mark.parametrize("name", PAGES)
def test_the_soup_of_a_site_parser_is_flattened(name: str) -> None:
    parser = SiteParser("deep-site", _naive_site, domains=["deep.example"])
    document = RawDocument(PAGES[name], url="https://deep.example/a")
    draft = parser.parse(document)  # recursion over a 100,000-deep soup would fail
    assert TEXT in draft.blocks[0].text
    shallow = Limits(max_nesting_depth=50)
    draft = parser.parse(RawDocument(PAGES[name], url="https://deep.example/a", limits=shallow))
    assert TEXT in draft.blocks[0].text


def test_beautifulsoup_never_sees_the_deep_tree() -> None:
    seen: list[int] = []

    def measure(soup: Any, url: str | None) -> SiteResult:
        seen.append(_depth_of_soup(soup))
        return SiteResult(blocks=[("paragraph", soup.get_text(" ", strip=True))])

    parser = SiteParser("measure", measure)
    parser.parse(RawDocument(PAGES["closed divs"], limits=Limits(max_nesting_depth=300)))
    assert seen
    assert seen[0] <= 302


def _depth_of_soup(soup: Any) -> int:
    deepest = 0
    stack = [(soup, 0)]
    while stack:
        tag, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in getattr(tag, "contents", ()))
    return deepest
