"""Properties of the HTML parser over generated pages: every visible word is kept, in order;
no invisible word is; any markup parses; the same page always gives the same blocks."""

from __future__ import annotations

import contextlib
import html
import re
from dataclasses import dataclass, field

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import RawDocument, to_dict
from newscorpus.formats.html import HtmlParser

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
_WORD = re.compile(r"\w+")

#: Elements whose text is shown, block and inline.
_SHOWN_TAGS = (
    "div",
    "p",
    "section",
    "article",
    "nav",
    "footer",
    "aside",
    "blockquote",
    "h2",
    "ul",
    "li",
    "figure",
    "figcaption",
    "span",
    "a",
    "em",
    "b",
    "custom-widget",
)
#: Opening tags whose content is never shown (closed by the tag's name).
_HIDDEN_OPENINGS = (
    "<div hidden>",
    "<span aria-hidden='true'>",
    "<div style='display: none'>",
    "<span class='sr-only'>",
    "<template>",
    "<noscript>",
)
#: Of those, the elements that are never rendered at all (hidden-by-attribute ones may be read
#: when they hold the page's article).
_NEVER_RENDERED = ("<template>", "<noscript>")


@dataclass
class Node:
    """A generated element: its opening tag, its children (text or nodes), and whether its
    content is shown."""

    opening: str
    children: list[str | Node] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.opening[1:].split(">")[0].split()[0]

    @property
    def shown(self) -> bool:
        return self.opening not in _HIDDEN_OPENINGS

    def render(self) -> str:
        inner = "".join(
            html.escape(child) if isinstance(child, str) else child.render()
            for child in self.children
        )
        return f"{self.opening}{inner}</{self.name}>"

    def words(self, *, hidden: bool = False) -> list[str]:
        """The words a reader sees, in order (with ``hidden``, every word of the markup)."""
        if not (self.shown or (hidden and self.opening not in _NEVER_RENDERED)):
            return []
        found: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                found += _WORD.findall(child)
            else:
                found += child.words(hidden=hidden)
        return found


_words = st.lists(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyzéøж0123456789", min_size=1, max_size=8),
    min_size=1,
    max_size=6,
)
#: Text between tags, padded with spaces so that no two words of different nodes join.
_texts = _words.map(lambda words: f" {' '.join(words)} ")
_openings = st.sampled_from([f"<{tag}>" for tag in _SHOWN_TAGS]) | st.sampled_from(_HIDDEN_OPENINGS)


def _nodes(children: st.SearchStrategy[str | Node]) -> st.SearchStrategy[Node]:
    return st.builds(Node, _openings, st.lists(children, max_size=5))


#: (ancestor, descendant) element names that libxml2's HTML parser does not nest as written:
#: the descendant's start tag closes the ancestor ("<p><div>" closes the p; "<li><li>", "<a><a>"),
#: and the ancestor's end tag then closes whatever it finds, so the text after it moves
#: (out of a hidden element, too). Found by parsing every pair of the generated tags.
_CLOSED_BY = frozenset(
    {("p", name) for name in ("div", "p", "blockquote", "h2", "ul", "li")}
    | {("h2", "p"), ("h2", "li"), ("li", "li"), ("a", "a"), ("b", "p")}
)


def _nests_as_written(node: Node, ancestors: frozenset[str] = frozenset()) -> bool:
    """Whether the parser keeps ``node``'s tree as written (see :data:`_CLOSED_BY`): the model
    of what a reader sees is the tree as written, so pages a parser rebuilds are not asked."""
    if any((ancestor, node.name) in _CLOSED_BY for ancestor in ancestors):
        return False
    inside = ancestors | {node.name}
    return all(
        _nests_as_written(child, inside) for child in node.children if isinstance(child, Node)
    )


_trees: st.SearchStrategy[Node] = st.builds(
    Node,
    st.just("<body>"),
    st.lists(st.recursive(_texts | _openings.map(Node), _nodes, max_leaves=30), max_size=6),
).filter(_nests_as_written)


def _extras(tree: Node) -> str:
    """The tree with a script, a style and a comment around it (none of them shown)."""
    return (
        "<!DOCTYPE html><html><head><title>never shown</title><style>p { color: red }</style>"
        "</head>" + tree.render().replace("<body>", "<body><script>var hidden = 1;</script>", 1)
    ).replace("</body>", "<!-- a comment --></body>")


def _block_words(page: str) -> list[str]:
    words: list[str] = []
    for block in HtmlParser().parse(RawDocument(page)).blocks:
        words += _WORD.findall(block.text)
    return words


@_SETTINGS
@given(_trees)
def test_every_visible_word_is_in_a_block_in_reading_order(tree: Node) -> None:
    # Either what a reader sees, or, where a hidden element holds far more text than the
    # visible page (an article streamed into hidden containers), every word of the markup.
    assert _block_words(_extras(tree)) in (tree.words(), tree.words(hidden=True))


@_SETTINGS
@given(_trees)
def test_the_parse_is_deterministic(tree: Node) -> None:
    page = _extras(tree)
    first = [
        (b.text, b.kind, b.tag, b.link_density, b.container, b.hints)
        for b in HtmlParser().parse(RawDocument(page)).blocks
    ]
    second = [
        (b.text, b.kind, b.tag, b.link_density, b.container, b.hints)
        for b in HtmlParser().parse(RawDocument(page)).blocks
    ]
    assert first == second
    assert to_dict(newscorpus.parse(page, format="html")) == to_dict(
        newscorpus.parse(page, format="html")
    )


_markup = st.lists(
    st.sampled_from(
        [
            "<",
            ">",
            "</",
            "/>",
            "p",
            "div",
            "script",
            "style",
            "table",
            "td",
            "tr",
            "li",
            "a href='x'",
            "!--",
            "-->",
            "&amp;",
            "&#x1F600;",
            "&#0;",
            "&bogus;",
            "\x00",
            '"',
            "'",
            "=",
            " ",
            "\n",
            "word",
            "é",
            "<![CDATA[",
            "<?xml",
            "<!DOCTYPE html>",
        ]
    ),
    max_size=60,
).map("".join)


@_SETTINGS
@given(_markup | st.text(max_size=200))
def test_any_markup_parses_without_error(page: str) -> None:
    for payload in (page, page.encode("utf-8", errors="surrogatepass")):
        try:
            article = newscorpus.parse(payload, format="html")
        except newscorpus.NotTextError:  # control bytes in the page's bytes
            assert isinstance(payload, bytes)
            continue
        for block in article.blocks:
            assert block.text.strip()


@_SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_parse_without_error(payload: bytes) -> None:
    with contextlib.suppress(newscorpus.NotTextError):
        newscorpus.parse(b"<html><body>" + payload, format="html")
