"""The HTML parser: a web page becomes blocks with the evidence its markup gives.

A page is decoded (:mod:`~newscorpus.formats.html.encoding`: byte-order mark, declared
charset, detection), parsed once into an lxml tree (:mod:`~newscorpus.formats.html.tree`),
and walked in reading order into blocks (:mod:`~newscorpus.formats.html.walk`), each with its
tag, kind, link density, nearest semantic container and class/id hints. Nothing is judged or
removed here: the cleaning steps decide, from those features, what is the article (the
``markup`` step reads them first; see :mod:`newscorpus.cleaning.steps.markup`).

>>> draft = HtmlParser().parse(RawDocument(
...     "<html><body><nav><a href='/'>Home</a></nav>"
...     "<article><h1>A headline</h1><p>The first paragraph.</p></article></body></html>"
... ))
>>> [(block.tag, block.container, block.text) for block in draft.blocks]
[('nav', 'nav', 'Home'), ('h1', 'article', 'A headline'), ('p', 'article', 'The first paragraph.')]
"""

from __future__ import annotations

import codecs
import re
from typing import Any

from attrs import frozen

from newscorpus import tuning
from newscorpus._version import __version__
from newscorpus.draft import Draft, DraftBlock
from newscorpus.errors import ParserFailedError
from newscorpus.formats.base import RawDocument
from newscorpus.formats.html.attributes import bound_attributes
from newscorpus.formats.html.encoding import declared_charset, decode_page
from newscorpus.formats.html.payloads import flight_html
from newscorpus.formats.html.tree import parse_tree
from newscorpus.formats.html.walk import blocks_of, is_hidden, largest_text
from newscorpus.metadata.page import page_metadata
from newscorpus.models.article import ArticleWarning, ParserInfo

__all__ = ["HtmlParser", "blocks_of", "declared_charset", "decode_page", "is_hidden", "parse_tree"]

#: Comments, an XML declaration and whitespace that may stand before a page's first tag. Atomic
#: ``(?>...)``: without it, a document starting with n spaces and no tag took 2^n steps (the
#: repeated ``\s+`` split the run every way), 0.5 s for 22 spaces, forever for a lynx dump.
_PROLOGUE = r"(?>(?:\s+|<!--.*?-->|<\?xml[^>]*>)*)"
#: A whole page: a doctype, ``<html>``, ``<head>`` or ``<body>`` first.
_PAGE_START = re.compile(
    r"\A" + _PROLOGUE + r"<(?:!doctype\s+html|html|head|body)[\s>/]", re.I | re.S
)
#: A fragment: a block or a common page element first.
_FRAGMENT_START = re.compile(
    r"\A"
    + _PROLOGUE
    + r"<(?:meta|title|link|script|style|div|p|article|section|main|header|nav|table|ul|ol"
    r"|h[1-6]|blockquote|figure|span|a)[\s>/]",
    re.I | re.S,
)


def page_text(document: RawDocument) -> tuple[str, str | None]:
    """A page's text and the encoding it was decoded with (None when it came as text)."""
    if isinstance(document.payload, str):
        return document.payload, None
    return decode_page(document.payload)


@frozen
class HtmlParser:
    """The parser for HTML pages (whole pages and fragments).

    >>> HtmlParser().can_parse(RawDocument(b"<!DOCTYPE html><html><body><p>Hi</p>"))
    0.95
    >>> HtmlParser().can_parse(RawDocument("Just a dump.\\n\\nWith <b> in it."))
    0.0
    """

    name: str = "html"
    version: str = __version__

    def can_parse(self, document: RawDocument) -> float:
        """High for a document that starts like a page, lower for a fragment, else 0."""
        head = _head(document)
        if _PAGE_START.match(head):
            return tuning.HTML_PAGE_SCORE
        if _FRAGMENT_START.match(head):
            return tuning.HTML_FRAGMENT_SCORE
        return 0.0

    def parse(self, document: RawDocument) -> Draft:
        """Decode, parse and walk the page; return its blocks as a draft.

        Limits (``document.limits``): a page past ``max_document_bytes`` raises
        :class:`~newscorpus.LimitError`; markup deeper than ``max_nesting_depth`` is flattened
        (see :func:`~newscorpus.formats.html.tree.parse_tree`).
        """
        document.check_size()
        text, encoding = page_text(document)
        limits = document.effective_limits
        markup, dropped = bound_attributes(_markup(document, text, encoding), limits.max_attributes)
        if dropped:
            text = markup.decode("utf-8")  # the page as the parser reads it
        try:
            root = parse_tree(markup, limits.max_nesting_depth)
        except ParserFailedError as error:
            raise ParserFailedError(error.message, source=document.source) from None
        draft = Draft(
            blocks=_blocks(root, text, limits.max_nesting_depth) if root is not None else [],
            parser=ParserInfo(self.name, self.version),
            source=document.source,
            format="html",
            url=document.url,
        )
        if root is not None:
            _page_metadata(draft, root)
        if dropped:
            message = (
                f"{dropped} attributes dropped from elements with more than "
                f"max_attributes ({limits.max_attributes})"
            )
            draft.warnings.append(ArticleWarning("attributes-dropped", message))
        return draft


def _markup(document: RawDocument, text: str, encoding: str | None) -> bytes:
    """The page's UTF-8 bytes, for libxml2: the payload itself where it is its text's UTF-8
    already (decoded as UTF-8 or ASCII without a replacement, no byte-order mark:
    :func:`decode_page` names no other decoding so), else the text encoded."""
    payload = document.payload
    if (
        isinstance(payload, bytes)
        and encoding in ("utf-8", "ascii")
        and not payload.startswith(codecs.BOM_UTF8)
    ):
        return payload
    return text.encode("utf-8", errors="replace")


def _blocks(root: Any, page: str, max_depth: int | None) -> list[DraftBlock]:
    """The page's visible blocks; its hidden ones too when one hidden element holds several
    times the text of the whole visible page: a page streamed into hidden containers that a
    script reveals, or whose article sits in a hidden paywall box under a visible teaser. The
    cleaning steps then weigh those blocks like any others (a hidden menu is still a menu).

    A page that renders its article only in the browser carries it in a script (a Next.js
    flight payload, :mod:`~newscorpus.formats.html.payloads`): when that HTML outweighs the
    page the same way, its blocks follow the page's.
    """
    hidden: list[Any] = []
    blocks = blocks_of(root, hidden=hidden)
    visible = sum(len(block.text) for block in blocks)
    if _outweighs(largest_text(hidden) if hidden else 0, visible):
        return blocks_of(root, show_hidden=True)
    carried = flight_html(page)
    if carried is not None:
        carried_root = parse_tree(carried, max_depth)
        extra = blocks_of(carried_root) if carried_root is not None else []
        if _outweighs(sum(len(block.text) for block in extra), visible):
            for offset, block in enumerate(extra):
                block.index = len(blocks) + offset
            return blocks + extra
    return blocks


def _outweighs(chars: int, visible: int) -> bool:
    """Whether text of ``chars`` characters is an article's worth beside a visible page's."""
    return chars >= tuning.HIDDEN_ARTICLE_MIN_CHARS and chars > visible * (
        tuning.HIDDEN_ARTICLE_MIN_RATIO
    )


def _head(document: RawDocument) -> str:
    """The start of a document for sniffing, without decoding a whole bytes payload."""
    payload = document.payload
    size = tuning.HTML_SNIFF_CHARS
    if isinstance(payload, str):
        return payload[:size].lstrip("\ufeff")
    if payload.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16: decode to look
        return document.head(size)
    # ASCII-compatible encodings spell markup in ASCII; latin-1 decodes any byte.
    return payload[:size].removeprefix(b"\xef\xbb\xbf").decode("latin-1")


def _page_metadata(draft: Draft, root: Any) -> None:
    """Fill the draft's metadata candidates from what the page declares about itself
    (JSON-LD, OpenGraph, ``<meta>``, microdata, ``<html lang>``: see
    :func:`newscorpus.metadata.page.page_metadata`), read from the same tree.

    The cleaning steps that read the header's lines (title, dateline, byline, masthead) keep
    these values and drop the lines that repeat them; for the language, what the body's text
    reads as wins, and the declared language is the fallback.
    """
    meta = page_metadata(root, url=draft.url)
    draft.title = meta.title
    draft.authors = list(meta.authors)
    draft.agency = meta.agency
    draft.published = meta.published
    draft.site_name = meta.site_name
    draft.publisher = meta.publisher
    draft.language = meta.language
    draft.modified = meta.modified
    draft.canonical_url = meta.canonical_url
    draft.description = meta.description
    draft.section = meta.section
    draft.tags = list(meta.tags)
    draft.top_image = meta.top_image
