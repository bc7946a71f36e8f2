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
rest of the page. A page that deep, or deeper than the nesting limit (``Limits.max_nesting_depth``;
an XPath of that many steps finds out in C, in well under a millisecond), is parsed again
through a tree builder target, which has no such limit (about 2.5 times slower, and only for
those pages). That target flattens: elements deeper than the limit are not built, and their text
goes to their ancestor at the limit, so no text is lost and no tree is ever deeper than the
limit (a site parser's BeautifulSoup tree is built from this flattened tree).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from newscorpus.errors import ParserFailedError

__all__ = ["parse_tree", "parse_tree_flattened", "serialize"]

#: What libxml2 says when it stops at its nesting limit.
_TOO_DEEP = "excessive depth"


def _parser(target: Any = None) -> Any:
    # A parser per call: lxml parsers are not safe to share between threads. Never the network
    # (no DTD, no external entity: the HTML parser resolves none), never gzip inside a page.
    # No table of ids (nothing looks an element up by its id; building it cost 4% of a parse).
    return etree.HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
        no_network=True,
        decompress=False,
        collect_ids=False,
        target=target,
    )


class _Flattening:
    """A tree builder target that builds no element deeper than ``max_depth`` (the root is at
    depth 1); the text and tails of deeper elements go to the deepest element built."""

    def __init__(self, max_depth: int | None) -> None:
        self._builder = etree.TreeBuilder()
        self._max_depth = max_depth
        self._depth = 0
        self._names: list[str] = []

    def _kept(self) -> bool:
        return self._max_depth is None or self._depth <= self._max_depth

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        self._depth += 1
        if self._kept():
            # libxml2 reads names lxml's builder refuses ("a<div"): such an element is a
            # <span>, such an attribute is dropped (found by the fuzz tests).
            name = tag if _NAME.fullmatch(tag) else _UNNAMED_TAG
            self._names.append(name)
            kept = {key: _xml_safe(value) for key, value in attrib.items() if _NAME.fullmatch(key)}
            self._builder.start(name, kept)

    def end(self, tag: str) -> None:
        if self._kept():
            self._builder.end(self._names.pop())
        self._depth -= 1

    def data(self, data: str) -> None:
        self._builder.data(_xml_safe(data))

    def close(self) -> Any:
        return self._builder.close()


#: Characters lxml's Python tree builder refuses (libxml2 itself keeps them): control
#: characters but tab and line ends, and the two non-characters U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: A tag or attribute name lxml's builder takes; an element with another name becomes this.
_NAME = re.compile(r"[A-Za-z_][-A-Za-z0-9_.]*")
_UNNAMED_TAG = "span"


def _xml_safe(text: str) -> str:
    """``text`` without the characters an lxml tree cannot hold (found by the fuzz tests)."""
    return _NOT_XML.sub("", text)


def _deeper_than(root: Any, depth: int) -> bool:
    """Whether some element lies deeper than ``depth`` (``root`` at depth 1)."""
    if depth >= _LIBXML2_MAX_DEPTH:
        return False  # libxml2 reports that itself
    return bool(_deeper_than_path(depth)(root))


@cache
def _deeper_than_path(depth: int) -> Any:
    """The XPath that says whether an element lies deeper than ``depth``, compiled once (a
    path of 512 steps took as long to compile as to run)."""
    return etree.XPath("boolean(" + "/".join(["*"] * depth) + ")")


#: The nesting depth libxml2 builds with ``huge_tree``.
_LIBXML2_MAX_DEPTH = 2048


def parse_tree(text: str | bytes, max_depth: int | None = None) -> Any:
    """The page's root element (``<html>``, an ``lxml.etree._Element``), or None when the
    page holds no element at all; ``text`` is the page's text or its UTF-8 bytes. Elements
    deeper than ``max_depth`` are flattened into their ancestor at that depth (``None``: no
    limit).

    >>> parse_tree("<p>Hello").tag, parse_tree("") is None
    ('html', True)
    >>> root = parse_tree("<div><div><div><p>deep</p></div></div></div>", max_depth=3)
    >>> [element.tag for element in root.iter()], "".join(root.itertext())
    (['html', 'body', 'div'], 'deep')
    """
    return parse_tree_flattened(text, max_depth)[0]


def parse_tree_flattened(text: str | bytes, max_depth: int | None = None) -> tuple[Any, bool]:
    """:func:`parse_tree`'s root, and whether it was flattened at ``max_depth``.

    >>> parse_tree_flattened("<b><i>x</i></b>", max_depth=2)[1]
    True
    """
    data = text if isinstance(text, bytes) else text.encode("utf-8", errors="replace")
    if not data.strip():
        return None, False
    parser = _parser()
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        # The HTML parser recovers from any markup; it raises only when libxml2 itself fails
        # ("unknown error" when an allocation fails under a memory cap): never an empty page.
        raise ParserFailedError(
            f"the HTML parser (libxml2) failed on a page of {len(data)} bytes: {error}; "
            "a memory limit (ulimit -v, a container's cap) is the usual cause"
        ) from None
    too_deep = any(_TOO_DEEP in error.message.lower() for error in parser.error_log)
    if too_deep or (root is not None and max_depth is not None and _deeper_than(root, max_depth)):
        return etree.fromstring(data, _parser(_Flattening(max_depth))), True
    return root, False


def serialize(root: Any) -> str:
    """A tree back to HTML text.

    >>> serialize(parse_tree("<p>Hi"))
    '<html><body><p>Hi</p></body></html>'
    """
    return str(etree.tostring(root, encoding="unicode", method="html"))
