"""A page's text to one lxml tree, however deep or broken its markup.

lxml (libxml2) builds the tree, once per page: on the 181 pages of the scrapinghub benchmark it
parses a page in about 1.1 ms, where selectolax (lexbor) takes 0.5 ms and BeautifulSoup with
the lxml builder 12 ms. Metadata extraction reads an lxml tree, so a selectolax walk would mean
parsing every page twice (1.6 ms); lxml is the one parse (see ``benchmarks/html_pages.py``).

The tree is built with :class:`lxml.etree.HTMLParser`, not :mod:`lxml.html`'s parser: the
elements are plain ``lxml.etree._Element`` (the whole ElementTree and XPath API, without
``lxml.html``'s helpers such as ``text_content()``), because ``lxml.html`` looks up a Python
element class for every element it hands out, which made the walk and the metadata about
1.5 ms a page slower for the same result.

libxml2 stops building at a nesting depth of 2,048 (256 without ``huge_tree``) and drops the
rest of the page. A page that deep is parsed again through a tree builder target, which has no
such limit (about 2.5 times slower, and only for those pages).
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

__all__ = ["parse_tree"]

#: What libxml2 says when it stops at its nesting limit.
_TOO_DEEP = "excessive depth"


def _parser(target: Any = None) -> Any:
    # A parser per call: lxml parsers are not safe to share between threads.
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        target=target,
    )


def parse_tree(text: str) -> Any:
    """The page's root element (``<html>``, an ``lxml.etree._Element``), or None when the
    page holds no element at all.

    >>> parse_tree("<p>Hello").tag, parse_tree("") is None
    ('html', True)
    """
    data = text.encode("utf-8", errors="replace")
    if not data.strip():
        return None
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        root = None
    if any(_TOO_DEEP in error.message.lower() for error in parser.error_log):
        return etree.fromstring(data, _parser(etree.TreeBuilder()))
    return root
