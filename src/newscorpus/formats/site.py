"""Site parsers: user code that reads one site's pages, chosen by the page's URL.

A site parser is a function that receives the page as a BeautifulSoup tree (and its URL) and
returns a :class:`SiteResult`: the article's blocks in reading order and whatever metadata it
knows. Its blocks then go through the same cleaning pipeline as every other format, so
removals and repairs are recorded the same way, and its name and version go into every
record's ``parser`` field.

>>> import newscorpus
>>> @newscorpus.site_parser("example-news", domains=["example.com"], version="1.0")
... def example_news(soup, url):
...     body = [("paragraph", p.get_text(" ", strip=True)) for p in soup.select("div.story p")]
...     return newscorpus.SiteResult(blocks=body, title=soup.h1.get_text(strip=True))
>>> page = "<html><h1>Talks resume</h1><div class=story><p>The two sides met on Monday " \\
...        "and agreed to meet again next week, officials said.</p></div></html>"
>>> article = newscorpus.parse(page, url="https://www.example.com/world/talks")
>>> article.parser.name, article.title
('example-news', 'Talks resume')
>>> newscorpus.parsers.unregister("example-news")
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from attrs import field, frozen

from newscorpus.draft import Draft, DraftBlock
from newscorpus.errors import FormatError
from newscorpus.formats.base import RawDocument
from newscorpus.models.article import BLOCK_KINDS, Block, BlockKind, Media, ParserInfo
from newscorpus.registry import parsers

__all__ = ["SiteParser", "SiteResult", "site_parser"]

#: What a site function returns blocks as: ``Block`` objects or ``(kind, text)`` pairs.
BlockLike = Block | tuple[str, str]


def _as_blocks(values: Iterable[BlockLike]) -> tuple[Block, ...]:
    blocks: list[Block] = []
    for value in values:
        if isinstance(value, Block):
            blocks.append(value)
            continue
        kind, text = value
        if kind not in BLOCK_KINDS:
            raise FormatError(f"a site parser gave a block of kind {kind!r}; kinds: {BLOCK_KINDS}")
        blocks.append(Block(_kind(kind), text))
    return tuple(blocks)


def _kind(value: str) -> BlockKind:
    for kind in BLOCK_KINDS:
        if value == kind:
            return kind
    raise FormatError(f"unknown block kind {value!r}")


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _media(values: Iterable[Media]) -> tuple[Media, ...]:
    return tuple(values)


@frozen
class SiteResult:
    """What a site parser found: the body's blocks in reading order, and metadata.

    ``blocks`` takes :class:`~newscorpus.Block` objects or ``(kind, text)`` pairs. Metadata left
    ``None`` is filled by the cleaning steps when the blocks say it (a dateline, a byline).

    >>> result = SiteResult([("heading", "Talks"), ("paragraph", "They met.")], title="Talks")
    >>> [block.kind for block in result.blocks], result.authors
    (['heading', 'paragraph'], ())
    """

    blocks: tuple[Block, ...] = field(converter=_as_blocks)
    title: str | None = None
    authors: tuple[str, ...] = field(default=(), converter=_strings)
    published: dt.date | None = None
    site_name: str | None = None
    publisher: str | None = None
    agency: str | None = None
    language: str | None = None
    media: tuple[Media, ...] = field(default=(), converter=_media)


SiteFunction = Callable[[Any, str | None], SiteResult]


def _domains(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(value.lower().lstrip(".") for value in values)


def _patterns(values: Iterable[str | re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(value) if isinstance(value, str) else value for value in values)


@frozen
class SiteParser:
    """A parser for one site's pages, chosen when a document's URL matches.

    ``domains`` match the URL's host and its subdomains ("example.com" matches
    "www.example.com"); ``urls`` are regular expressions searched in the whole URL.

    >>> parser = SiteParser("example", lambda soup, url: SiteResult([]), domains=["example.com"])
    >>> parser.matches("https://www.example.com/a"), parser.matches("https://example.org/a")
    (True, False)
    """

    name: str
    function: SiteFunction
    version: str = "0"
    domains: tuple[str, ...] = field(default=(), converter=_domains)
    urls: tuple[re.Pattern[str], ...] = field(default=(), converter=_patterns)

    def matches(self, url: str | None) -> bool:
        """Whether this parser is for the page at ``url``."""
        if not url:
            return False
        host = (urlsplit(url).hostname or "").lower()
        if any(host == domain or host.endswith("." + domain) for domain in self.domains):
            return True
        return any(pattern.search(url) for pattern in self.urls)

    def can_parse(self, document: RawDocument) -> float:
        """Site parsers are chosen by URL (see :meth:`matches`), never by content."""
        return 0.0

    def parse(self, document: RawDocument) -> Draft:
        """Build the BeautifulSoup tree, call the site function, and make its result a draft.

        The soup is never deeper than ``max_nesting_depth`` (``document.limits``): a deeper
        page is flattened first (see :func:`~newscorpus.formats.html.tree.parse_tree`), so
        neither BeautifulSoup nor the site function meets a tree nested 100,000 deep. A page
        past ``max_document_bytes`` raises :class:`~newscorpus.LimitError`.
        """
        from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

        from newscorpus.formats.html.tree import parse_tree_flattened, serialize

        document.check_size()
        markup = document.text
        root, flattened = parse_tree_flattened(markup, document.effective_limits.max_nesting_depth)
        if flattened:
            markup = serialize(root)
        with warnings.catch_warnings():  # an XHTML page (<?xml ...?>) is read as HTML, on purpose
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
            soup = BeautifulSoup(markup, "lxml")
        result = self.function(soup, document.url)
        if not isinstance(result, SiteResult):
            raise FormatError(
                f"site parser {self.name!r} returned {type(result).__name__}, not a SiteResult",
                source=document.source,
            )
        return Draft(
            blocks=[
                DraftBlock(index=position, text=block.text, kind=block.kind)
                for position, block in enumerate(result.blocks)
            ],
            parser=ParserInfo(self.name, self.version),
            source=document.source,
            format="html",
            url=document.url,
            title=result.title,
            authors=list(result.authors),
            published=result.published,
            site_name=result.site_name,
            publisher=result.publisher,
            agency=result.agency,
            language=result.language,
            media=list(result.media),
        )


def site_parser(
    name: str,
    *,
    domains: Sequence[str] = (),
    urls: Sequence[str | re.Pattern[str]] = (),
    version: str = "0",
    replace: bool = False,
) -> Callable[[SiteFunction], SiteFunction]:
    """Register the decorated function as the parser for pages of ``domains`` or ``urls``.

    The function receives ``(soup, url)`` and returns a :class:`SiteResult`; it is returned
    unchanged, so it can still be called and tested on its own.

    >>> import newscorpus
    >>> @site_parser("example-news", domains=["news.example"])
    ... def example_news(soup, url):
    ...     return SiteResult([("paragraph", soup.find("p").get_text())], title=soup.title.string)
    >>> story = ("The two leaders met on Monday in the capital and agreed to meet again in the "
    ...          "spring, after months of talks that had stalled over the border question.")
    >>> page = f"<html><title>Talks</title><p>{story}</p></html>"
    >>> article = newscorpus.parse(page, url="https://news.example/a")
    >>> article.parser.name, article.title, article.text == story
    ('example-news', 'Talks', True)
    >>> newscorpus.parsers.unregister("example-news")
    """

    def decorator(function: SiteFunction) -> SiteFunction:
        parser = SiteParser(name, function, version=version, domains=domains, urls=urls)
        parsers.register(name, parser, replace=replace)
        return function

    return decorator
