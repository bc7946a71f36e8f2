"""Data tables: a ``<table>`` that holds data becomes one ``table`` block with rows and cells.

The rule that tells a data table from a layout table (a page laid out in a grid, a form), read
from the table's own markup only:

* it is not marked as layout (``role="presentation"`` or ``role="none"``);
* no table is nested in it, and no cell holds a block element (a paragraph, a list, a ``div``,
  a heading...): cells of data hold phrases, cells of a layout hold the page;
* it has at least ``tuning.TABLE_MIN_ROWS`` rows with text, and one of them at least
  ``tuning.TABLE_MIN_COLUMNS`` cells.

A layout table is walked like ``div`` elements, as before (its rows of plain cells are blocks
whose cells are joined by :data:`~newscorpus.formats.html.vocabulary.CELL_SEPARATOR`). A row
is a header row when it stands in ``<thead>`` or all its cells are ``<th>``. The table's
``<caption>`` is a block of its own before the table.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from attrs import frozen
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from newscorpus import tuning
from newscorpus.formats.html.spans import Span, collapse
from newscorpus.formats.html.vocabulary import BLOCK_TAGS, CELL_TAGS, INVISIBLE_TAGS

__all__ = ["DataTable", "data_table"]

#: Elements a data table's cells may not hold: blocks, but for the table's own parts.
_LAYOUT_TAGS = tuple(
    sorted(BLOCK_TAGS - CELL_TAGS - {"tr", "thead", "tbody", "tfoot", "caption", "table"})
)
_LAYOUT_ROLES = frozenset({"presentation", "none"})


@frozen
class DataTable:
    """A data table read from its markup: its caption, and its rows as ``(cells, header)``,
    each cell its text and its links' spans over that text (``href`` as the page wrote it)."""

    caption: str
    rows: tuple[tuple[tuple[tuple[str, tuple[Span, ...]], ...], bool], ...]
    #: The share of the cells' characters inside links.
    link_density: float


def data_table(table: Any, hidden: Callable[[Any], bool]) -> DataTable | None:
    """The table read as data, or None when :mod:`the rule <newscorpus.formats.html.tables>`
    makes it a layout table; ``hidden`` says whether an element hides itself.

    >>> from lxml import html
    >>> from newscorpus.formats.html.walk import is_hidden
    >>> table = html.fragment_fromstring(
    ...     "<table><caption>Standings</caption><tr><th>Team</th><th>Pts</th></tr>"
    ...     "<tr><td><a href='/ajax'>Ajax</a></td><td>12</td></tr></table>")
    >>> read = data_table(table, is_hidden)
    >>> read.caption, [([text for text, _ in cells], header) for cells, header in read.rows]
    ('Standings', [(['Team', 'Pts'], True), (['Ajax', '12'], False)])
    >>> read.rows[1][0][0]
    ('Ajax', ((0, 4, '/ajax'),))
    >>> data_table(html.fragment_fromstring("<table><tr><td><p>Layout</p></td></tr></table>"),
    ...            is_hidden) is None
    True
    """
    role = table.get("role")
    if role and role.strip().lower() in _LAYOUT_ROLES:
        return None
    if next(table.iterdescendants("table", *_LAYOUT_TAGS), None) is not None:
        return None
    caption = ""
    rows: list[tuple[tuple[tuple[str, tuple[Span, ...]], ...], bool]] = []
    footer: list[tuple[tuple[tuple[str, tuple[Span, ...]], ...], bool]] = []
    linked = total = 0
    for row in table.iter("tr", "caption"):
        if hidden(row):
            continue
        if row.tag == "caption":
            caption = _text(row, hidden)[0]
            continue
        section = row.getparent()
        section_tag = section.tag if section is not None else None
        cells = []
        headers = 0
        for cell in row:
            if cell.tag not in CELL_TAGS or hidden(cell):
                continue
            text, spans = _text(cell, hidden)
            cells.append((text, tuple(spans)))
            headers += cell.tag == "th"
            total += len(text)
            linked += sum(end - start for start, end, _ in spans)
        if any(text for text, _ in cells):
            read = (tuple(cells), section_tag == "thead" or headers == len(cells))
            # a browser shows <tfoot> last, wherever the markup puts it
            (footer if section_tag == "tfoot" else rows).append(read)
    rows += footer
    if len(rows) < tuning.TABLE_MIN_ROWS or max(len(c) for c, _ in rows) < tuning.TABLE_MIN_COLUMNS:
        return None
    return DataTable(caption, tuple(rows), linked / total if total else 0.0)


def _text(element: Any, hidden: Callable[[Any], bool]) -> tuple[str, list[Span]]:
    """The visible text of a cell (or caption), collapsed to one line, and its links."""
    pieces: list[str] = []
    anchors: dict[int, tuple[int, str]] = {}
    open_links: list[tuple[int, str] | None] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            tag = node.tag
            if not isinstance(tag, str) or tag in INVISIBLE_TAGS or hidden(node):
                walker.skip_subtree()
                open_links.append(open_links[-1] if open_links else None)
                continue
            href = node.get("href") if tag == "a" else None
            link = (id(node), href) if href else (open_links[-1] if open_links else None)
            open_links.append(link)
            if tag == "br":
                pieces.append(" ")
            elif node.text:
                _add(pieces, anchors, node.text, link)
        else:
            open_links.pop()
            if node is not element and node.tail:
                _add(pieces, anchors, node.tail, open_links[-1] if open_links else None)
    return collapse(pieces, anchors)


def _add(
    pieces: list[str], anchors: dict[int, tuple[int, str]], text: str, link: tuple[int, str] | None
) -> None:
    if link is not None:
        anchors[len(pieces)] = link
    pieces.append(text)
