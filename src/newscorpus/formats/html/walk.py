"""An lxml tree to blocks: the page's visible text in reading order, one block per text unit.

The walk visits every element once, in document order, with lxml's ``iterwalk`` (iterative:
a page nested 10,000 deep costs no Python recursion). Block elements (``p``, ``div``, ``li``,
``h2``, ``td``... see :data:`~newscorpus.formats.html.vocabulary.BLOCK_TAGS`) start and end a
block; the text of inline elements (``a``, ``span``, ``em``...) joins the block around it.
Two ``<br>`` in a row also end a block (the paragraphs of a page written without ``<p>``);
one ``<br>`` is a space. A table row of plain cells is one block, its cells joined by
:data:`~newscorpus.formats.html.vocabulary.CELL_SEPARATOR`; a row whose cells hold blocks (a
layout table) is read like ``div`` elements.

Text that is never shown is not a line of the page and makes no block: scripts, styles,
``noscript``, ``template``, ``svg`` and other :data:`invisible elements
<newscorpus.formats.html.vocabulary.INVISIBLE_TAGS>`, and elements hidden by the ``hidden``
attribute, ``aria-hidden="true"``, an inline ``display: none`` or ``visibility: hidden``, or
a framework's hiding class (``sr-only``, ``d-none``...). Every other text of the page ends up
in a block: nothing visible is dropped here.

Each block carries the evidence the markup gives, for the cleaning steps to weigh (they never
see the HTML): its element's tag, its kind (``heading`` for ``h1``-``h6``, ``list_item``
inside ``li``, ``quote`` inside ``blockquote``), its link density, its nearest semantic
container and the hints of its and its ancestors' class and id names.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from newscorpus.draft import DraftBlock, nested_hint
from newscorpus.formats.html.spans import collapse
from newscorpus.formats.html.tables import DataTable, data_table
from newscorpus.formats.html.vocabulary import (
    BLOCK_TAGS,
    BODY_HINT,
    BODY_ITEMPROPS,
    CELL_SEPARATOR,
    CELL_TAGS,
    CONTAINER_ROLES,
    CONTAINER_TAGS,
    HEADING_TAGS,
    HIDDEN_STYLE,
    INVISIBLE_TAGS,
    LIST_ITEM_TAGS,
    NO_HINTS,
    hints_of,
    is_hidden_class,
)
from newscorpus.models.article import BlockKind, Link, TableRow

__all__ = ["blocks_of", "is_hidden", "largest_text"]

#: What makes a table row a layout row: any block element in its cells but cells and rows.
_ROW_BREAKERS = tuple(sorted(BLOCK_TAGS - CELL_TAGS - {"tr"}))
#: Elements whose class names describe the page ("single-post has-sidebar"), not a part of it.
_PAGE_TAGS = frozenset({"html", "body"})


_BODY_ONLY = frozenset({BODY_HINT})


@lru_cache(maxsize=1024)
def _nested(hints: frozenset[str]) -> frozenset[str]:
    """The nested form of ``hints`` (:func:`~newscorpus.draft.nested_hint`), the body's
    excepted: an element marked as an ancestor already is, a box inside a wrapper."""
    return frozenset(nested_hint(hint) for hint in hints if hint != BODY_HINT)


class _Open:
    """One open element of the walk, with what its text inherits.

    ``owner`` is the innermost open block element: the block being filled belongs to it.
    The hints its class and id names give are read when a block asks for them (:attr:`hints`):
    most elements with a class are inline (a link, an icon, a span) and own no block, and
    reading only the names that blocks ask for took 7 % off the walk.
    """

    __slots__ = (
        "_hints",
        "anchor",
        "block",
        "body_prop",
        "container",
        "ident",
        "kind",
        "link",
        "names",
        "owner",
        "parent",
        "row",
        "tag",
    )

    def __init__(  # noqa: PLR0917 (positional: made for most elements, keywords cost)
        self,
        tag: str,
        block: bool,
        kind: BlockKind,
        container: str | None,
        link: bool,
        row: bool,
        owner: _Open | None,
        anchor: tuple[int, str] | None,
        parent: _Open | None,
        names: str | None = None,
        ident: str | None = None,
        body_prop: bool = False,
        /,
    ) -> None:
        self.tag = tag
        self.block = block
        self.kind = kind
        self.container = container
        self.link = link
        self.row = row
        #: The innermost ``<a href>`` around: an id telling one from the next, and its href.
        self.anchor = anchor
        self.owner: _Open = owner if owner is not None else self
        #: The state this one inherits from (None for the walk's root), and what the element
        #: adds to the hints: its class and id names, an ``itemprop`` naming the body.
        self.parent = parent
        self.names = names
        self.ident = ident
        self.body_prop = body_prop
        self._hints: frozenset[str] | None = NO_HINTS if parent is None else None

    @property
    def hints(self) -> frozenset[str]:
        """The hints of the element's and its ancestors' names (read once, when first asked)."""
        hints = self._hints
        return hints if hints is not None else _read_hints(self)


def _read_hints(state: _Open) -> frozenset[str]:
    """Read the hints of ``state`` and of its ancestors not read yet (a loop, not recursion:
    a page may nest thousands deep)."""
    unread: list[_Open] = []
    known: _Open | None = state
    while known is not None and known._hints is None:
        unread.append(known)
        known = known.parent
    hints = known._hints if known is not None and known._hints is not None else NO_HINTS
    for opened in reversed(unread):
        hints = _added_hints(hints, opened)
        opened._hints = hints
    return hints


def _added_hints(hints: frozenset[str], opened: _Open) -> frozenset[str]:
    """``hints`` (the parent's) with what ``opened``'s element adds."""
    names = opened.names
    ident = opened.ident
    if (names or ident) and opened.tag not in _PAGE_TAGS:
        # apart, not joined: a page's ids are unique, its class strings repeat
        own = hints_of(names) if names else NO_HINTS
        if ident:
            own |= hints_of(ident)
        if own:
            repeated = own & hints
            if not own <= hints:
                hints = hints | own
            if repeated and repeated != _BODY_ONLY:
                hints = hints | _nested(repeated)
    if opened.body_prop and BODY_HINT not in hints:
        hints = hints | {BODY_HINT}
    return hints


_ROOT = _Open("html", True, "paragraph", None, False, False, None, None, None)
#: Pushed for an element whose content is skipped, so that its end event pops something.
_SKIPPED = _Open("", False, "paragraph", None, False, False, _ROOT, None, None)


class _Builder:
    """The block being filled, and the blocks made so far."""

    __slots__ = ("anchors", "blocks", "breaks", "link_pieces", "pieces", "visible")

    def __init__(self) -> None:
        self.blocks: list[DraftBlock] = []
        self.pieces: list[str] = []
        self.link_pieces: list[str] = []
        #: The pieces inside an ``<a href>``, by index: the anchor's id and href.
        self.anchors: dict[int, tuple[int, str]] = {}
        #: Whether the pieces hold a visible character (until then, they are empty).
        self.visible = False
        #: ``<br>`` elements since the last visible character.
        self.breaks = 0

    def add(self, text: str, link: bool, anchor: tuple[int, str] | None = None) -> None:
        if not self.visible:
            if text.isspace():
                return  # whitespace before a block's first character: collapsed away
            self.visible = True
            self.breaks = 0
        elif not text.isspace():
            self.breaks = 0
        if anchor is not None:
            self.anchors[len(self.pieces)] = anchor
        self.pieces.append(text)
        if link:
            self.link_pieces.append(text)

    def flush(self, owner: _Open) -> None:
        """End the block being filled (owned by ``owner``): a block if it shows a character.
        Until one is shown, nothing is collected (see :meth:`add`)."""
        self.breaks = 0
        if not self.visible:
            return
        self.visible = False
        pieces = self.pieces
        anchors = self.anchors
        while pieces[-1].isspace():  # whitespace after the last character: collapsed away
            pieces.pop()
        if len(pieces) == 1:  # most blocks: one text node (a menu's link, a paragraph's text)
            text = " ".join(pieces[0].split())
            anchor = anchors.get(0)
            links: tuple[Link, ...] = (Link(0, len(text), anchor[1]),) if anchor else ()
        elif anchors:
            text, spans = collapse(pieces, anchors)
            links = tuple(Link(start, end, href) for start, end, href in spans)
        else:
            text, links = " ".join("".join(pieces).split()), ()
        anchors.clear()
        pieces.clear()
        link_pieces = self.link_pieces
        # the characters of the links but their whitespace
        linked = len("".join("".join(link_pieces).split())) if link_pieces else 0
        link_pieces.clear()
        # by position, in DraftBlock's field order: half the cost of keywords, once a block
        density = min(1.0, linked / (len(text) - text.count(" ")))
        self.blocks.append(
            DraftBlock(
                len(self.blocks),  # index
                text,
                owner.kind,
                True,  # blank_before
                True,  # blank_after
                owner.tag,
                "unknown",  # zone
                None,  # removal
                density,  # link_density
                owner.container,
                owner.hints,
                False,  # marked_main
                (),  # rows
                links,
            )
        )

    def add_table(self, table: DataTable, owner: _Open) -> None:
        """A data table's caption block, then its ``table`` block."""
        if table.caption:
            self.blocks.append(_block(self, table.caption, owner, tag="caption", kind="paragraph"))
        lines = []
        links = []
        offset = 0
        for cells, _ in table.rows:
            for number, (text, spans) in enumerate(cells):
                offset += number > 0  # the tab before the cell
                links += [Link(offset + start, offset + end, href) for start, end, href in spans]
                offset += len(text)
            offset += 1  # the line end after the row
            lines.append("\t".join(text for text, _ in cells))
        block = _block(self, "\n".join(lines), owner, tag="table", kind="table")
        block.rows = tuple(
            TableRow(tuple(text for text, _ in cells), header=header)
            for cells, header in table.rows
        )
        block.links = tuple(links)
        block.link_density = table.link_density
        self.blocks.append(block)


def _block(builder: _Builder, text: str, owner: _Open, *, tag: str, kind: BlockKind) -> DraftBlock:
    return DraftBlock(
        index=len(builder.blocks),
        text=text,
        kind=kind,
        tag=tag,
        link_density=0.0,
        container=owner.container,
        hints=owner.hints,
    )


def is_hidden(element: Any) -> bool:
    """Whether an element hides itself from sight (its attributes say so, not a style sheet).

    >>> from lxml import html
    >>> is_hidden(html.fragment_fromstring('<div aria-hidden="true">x</div>'))
    True
    """
    return _hides(element, element.tag, element.get("class"), True)


#: The attributes but ``class`` that the walk reads. Few elements carry any of them: one look
#: at an element's attribute names tells, instead of asking for each in turn.
_READ_ATTRIBUTES = frozenset({"id", "itemprop", "role", "style", "hidden", "aria-hidden"})


def _hides(element: Any, tag: str, names: str | None, marked: bool) -> bool:
    """:func:`is_hidden`, given the element's class names (which the walk reads once) and
    whether it carries any of :data:`_READ_ATTRIBUTES`."""
    if marked:
        if element.get("hidden") is not None or element.get("aria-hidden") == "true":
            return True
        style = element.get("style")
        if style and HIDDEN_STYLE.search(style):
            return True
    if tag == "dialog" and element.get("open") is None:
        return True  # a dialog is shown only when open
    return names is not None and is_hidden_class(names)


def _opened(  # noqa: PLR0917 (positional: called for most elements, keywords cost)
    element: Any, tag: str, names: str | None, parent: _Open, links: Iterator[int], marked: bool
) -> _Open:
    """The state an element's content inherits from ``parent``, its own tag and its class
    ``names`` (read once for this and the hiding test); ``marked``: whether it carries any of
    :data:`_READ_ATTRIBUTES`. ``links`` numbers the walk's links, which tells one ``<a>``
    from the next (not ``id(element)``: lxml frees an element's proxy once walked past, and
    the next proxy may get its id, which joined two neighbouring links into one, differently
    from parse to parse)."""
    ident = None
    body_prop = False
    container = parent.container
    if marked:
        ident = element.get("id")
        itemprop = element.get("itemprop")
        body_prop = bool(itemprop) and itemprop.lower() in BODY_ITEMPROPS
        role = element.get("role")
        if role and tag not in CONTAINER_TAGS:
            container = CONTAINER_ROLES.get(role.strip().lower(), container)
    if tag in CONTAINER_TAGS:
        container = tag
    link = parent.link
    anchor = parent.anchor
    if tag == "a":
        link = True
        href = element.get("href")
        if href:
            anchor = (next(links), href)
    block = tag in BLOCK_TAGS
    row = parent.row
    kind: BlockKind = parent.owner.kind
    if block:
        if tag in HEADING_TAGS:
            kind = "heading"
        elif tag in LIST_ITEM_TAGS:
            kind = "list_item"
        elif tag == "blockquote":
            kind = "quote"
        if tag == "tr":
            row = next(element.iter(*_ROW_BREAKERS), None) is None
        elif tag in CELL_TAGS and row:
            block = False  # a cell of a plain row: its text joins the row's block
        else:
            row = False
    return _Open(
        tag,
        block,
        kind,
        container,
        link,
        row,
        None if block else parent.owner,
        anchor,
        parent,
        names,
        ident,
        body_prop,
    )


def blocks_of(
    root: Any, *, show_hidden: bool = False, hidden: list[Any] | None = None
) -> list[DraftBlock]:
    """The blocks of a page's tree (the ``<html>`` element), in reading order; with
    ``show_hidden``, the text of hidden elements too (not that of scripts and styles). The
    hidden elements skipped (the outermost of each hidden subtree) are appended to
    ``hidden`` when given.

    >>> from lxml import html
    >>> page = html.document_fromstring(
    ...     "<h1>Title</h1><p>A <a href='/x'>linked</a> word.</p><ul><li>One</li></ul>"
    ... )
    >>> [(b.kind, b.text, round(b.link_density, 2)) for b in blocks_of(page)]
    [('heading', 'Title', 0.0), ('paragraph', 'A linked word.', 0.5), ('list_item', 'One', 0.0)]
    """
    builder = _Builder()
    stack: list[_Open] = [_ROOT]
    # A page with no <body> may have its content in <head>: libxml2 leaves it there when an
    # element it does not know opens the head. Then the head is walked, its metadata skipped.
    skip_head = root.find("body") is not None
    walker = etree.iterwalk(root, events=("start", "end"))
    links = itertools.count()
    for event, element in walker:
        if event == "start":
            parent = stack[-1]
            tag = element.tag
            names = element.get("class")
            marked = not _READ_ATTRIBUTES.isdisjoint(element.keys())
            if _unseen(element, tag, names, marked, skip_head, show_hidden, hidden):
                walker.skip_subtree()
                stack.append(_SKIPPED)
                continue
            if tag == "br":
                if builder.breaks and not parent.row:
                    builder.flush(parent.owner)
                else:
                    builder.add(" ", False)
                    builder.breaks += 1
                stack.append(_SKIPPED)
                continue
            opened = _opened(element, tag, names, parent, links, marked)
            if tag == "table":
                table = data_table(element, is_hidden)
                if table is not None:
                    builder.flush(parent.owner)
                    builder.add_table(table, opened)
                    walker.skip_subtree()
                    stack.append(_SKIPPED)
                    continue
            if opened.block:
                builder.flush(parent.owner)
            elif tag in CELL_TAGS and builder.visible:
                builder.add(CELL_SEPARATOR, False)
            stack.append(opened)
            text = element.text
            if text:
                builder.add(text, opened.link, opened.anchor)
        else:
            opened = stack.pop()
            if opened.block:
                builder.flush(opened)
            tail = element.tail
            if tail and element is not root:
                builder.add(tail, stack[-1].link, stack[-1].anchor)
    builder.flush(_ROOT)
    return builder.blocks


def _unseen(  # noqa: PLR0917 (positional: called for every element, keywords cost)
    element: Any,
    tag: Any,
    names: str | None,
    marked: bool,
    skip_head: bool,
    show_hidden: bool,
    hidden: list[Any] | None,
) -> bool:
    """Whether the walk skips ``element`` and its content (appending it to ``hidden`` when it
    is skipped for hiding itself); ``marked``: whether it carries any of
    :data:`_READ_ATTRIBUTES`."""
    if not isinstance(tag, str) or (tag in INVISIBLE_TAGS and (skip_head or tag != "head")):
        return True
    if show_hidden or not _hides(element, tag, names, marked):
        return False
    if hidden is not None:
        hidden.append(element)
    return True


_TEXT_CHARS = etree.XPath("string-length(normalize-space(.))")


def largest_text(elements: list[Any]) -> int:
    """The characters of text (whitespace collapsed) in the largest of ``elements``: with the
    hidden elements a walk skipped, how a parser tells a page whose article is all hidden
    (streamed into hidden containers that a script reveals, or kept in a hidden paywall box)
    from one that hides a menu.

    >>> from lxml import html
    >>> hidden = []
    >>> _ = blocks_of(html.document_fromstring(
    ...     "<p>Lead.</p><div hidden><p>The whole article.</p></div>"), hidden=hidden)
    >>> largest_text(hidden)
    18
    """
    return max((int(_TEXT_CHARS(element)) for element in elements), default=0)
