"""The dump parser: the visible text of a page, as any scraper saved it, becomes blocks.

Dumps come in three broad styles, and the parser reads each before any block is judged:

* **browser captures** (``innerText``, copy and paste): one paragraph a line, paragraphs
  usually separated by an empty line, chrome lines packed together;
* **text-node dumps** (``get_text("\\n")`` and kin): every text node on its own line, so a
  sentence is broken at each link or bold word, and empty lines are everywhere or nowhere;
* **layout renderers** (lynx, w3m, html2text, inscriptis): paragraphs hard-wrapped at a fixed
  width, indentation, list bullets, tables, Markdown heading marks, emphasis and escapes.

The parser reads the layout of the whole dump first (``layout``: wrap width, Markdown, text
nodes, paragraph marks), then groups lines into blocks (``rejoin``: unwrapping, rejoining
broken sentences), reading each line's marks (``markup``: bullets, numbers, headings, quotes,
rules). Bullets, heading marks and quote marks become the block's kind; a numbered item keeps
its number. Tables (Markdown pipe tables, a renderer's aligned columns: ``tables``) become
``table`` blocks. No text is judged or removed here, and no word is lost: only marks and
whitespace are taken off; a Markdown link's target becomes the block's link over its text
(a reference's definition line, ``[1]: url``, is read into the links it defines), and an
image's target, which is lost, is recorded as an edit.

A block's ``blank_before`` and ``blank_after`` say whether a paragraph break stands on that
side: an empty line (or a rule) in browser captures, layout renderers and text-node dumps with
empty lines everywhere (where every block that rejoining leaves apart stands apart); in a dump
without any empty line, every block is taken to stand apart.
"""

from __future__ import annotations

from attrs import frozen

from newscorpus import tuning
from newscorpus._version import __version__
from newscorpus.draft import Draft, DraftBlock
from newscorpus.formats.base import RawDocument
from newscorpus.formats.dump.layout import Layout, read_layout, wrap_width
from newscorpus.formats.dump.lines import Line, split_lines
from newscorpus.formats.dump.markup import (
    footnote_targets,
    has_links,
    link_definitions,
    strip_markdown,
    take_footnotes,
    take_links,
)
from newscorpus.formats.dump.rejoin import lines_to_blocks
from newscorpus.formats.dump.tables import DumpTable, find_tables
from newscorpus.models.article import Link, ParserInfo, TableRow, table_text

__all__ = [
    "DumpParser",
    "Layout",
    "Line",
    "lines_to_blocks",
    "read_layout",
    "split_lines",
    "wrap_width",
]

#: Why a Markdown image's target (or a reference with no definition) left the text.
_LINK_EDIT = "Markdown image or undefined link: the target taken off, the text kept"
_FOOTNOTE_EDIT = "link numbers taken off: each link is kept with its target from the list"


@frozen
class DumpParser:
    """The parser for dumps: plain-text captures of a page's visible text.

    >>> draft = DumpParser().parse(RawDocument("Title\\n\\nA first paragraph, with a\\nlink.\\n"))
    >>> [block.text for block in draft.blocks]
    ['Title', 'A first paragraph, with a link.']
    """

    name: str = "dump"
    version: str = __version__

    def can_parse(self, document: RawDocument) -> float:
        """Any text is a dump, so this is the low-scoring fallback for everything."""
        return tuning.DUMP_FALLBACK_SCORE

    def parse(self, document: RawDocument) -> Draft:
        """Split the dump into lines, read its layout, and return the blocks as a draft.

        In a Markdown dump, a link's target becomes the block's link; taking an image's target
        off is recorded as an edit (its letters leave the text); other marks are layout.

        Limits (``document.limits``): a document past ``max_document_bytes`` raises
        :class:`~newscorpus.LimitError`; lines longer than ``max_line_chars`` are cut at spaces.
        """
        document.check_size()
        lines = split_lines(document.text, document.effective_limits.max_line_chars)
        layout = read_layout(lines)
        definitions = link_definitions([line.text for line in lines]) if layout.markdown else {}
        if definitions:  # definition lines are read into the links, not kept as text
            used = document.text.lower()
            lines = [line for line in lines if not _is_used_definition(line.text, used)]
        draft = Draft(
            blocks=_blocks(lines, layout, definitions),
            parser=ParserInfo(self.name, self.version),
            source=document.source,
            format="dump",
            url=document.url,
        )
        if layout.markdown:
            for block in draft.blocks:
                if block.kind != "table" and has_links(block.text):
                    text, spans, lost = take_links(block.text, definitions)
                    if lost:
                        draft.edit(block, text, _LINK_EDIT, "dump.links")
                    else:
                        block.text = text  # only link targets left it: they are its links
                    block.links = tuple(Link(*span) for span in spans)
        text = document.text
        footnotes = (
            footnote_targets([line.text for line in lines])
            if "References" in text or "Visible links" in text
            else {}
        )
        if footnotes:  # a renderer's numbered links with their list (lynx -dump)
            _take_footnotes(draft, footnotes)
        return draft


def _take_footnotes(draft: Draft, targets: dict[str, str]) -> None:
    """Turn the link numbers marked in the blocks into links; taking a number off (its
    digits leave the text) is recorded as an edit. The list itself stays a block of its own,
    for the cleaning steps to judge."""
    for block in draft.blocks:
        if block.kind == "table" or "[" not in block.text:
            continue
        text, spans = take_footnotes(block.text, targets)
        if spans or text != block.text:
            draft.edit(block, text, _FOOTNOTE_EDIT, "dump.footnotes")
            links = block.links + tuple(Link(*span) for span in spans)
            block.links = tuple(sorted(links, key=lambda link: link.start))


def _is_used_definition(text: str, document: str) -> bool:
    found = link_definitions([text])
    return bool(found) and f"][{next(iter(found))}]" in document


def _blocks(lines: list[Line], layout: Layout, definitions: dict[str, str]) -> list[DraftBlock]:
    """The blocks of ``lines``: tables, and the blocks the lines between them make."""
    blocks: list[DraftBlock] = []
    position = 0
    for table in find_tables(lines):
        blocks += lines_to_blocks(lines[position : table.first], layout)
        blocks.append(_table_block(table, layout, definitions))
        position = table.end
    blocks += lines_to_blocks(lines[position:], layout)
    for index, block in enumerate(blocks):
        block.index = index
    return blocks


def _table_block(table: DumpTable, layout: Layout, definitions: dict[str, str]) -> DraftBlock:
    """A table's block: its cells without Markdown, their links kept as the block's."""
    rows = []
    links = []
    offset = 0
    for number, cells in enumerate(table.rows):
        texts = []
        for column, cell in enumerate(cells):
            offset += column > 0  # the tab before the cell
            text = " ".join(cell.split())
            if layout.markdown:
                text, spans, _ = take_links(strip_markdown(text), definitions)
                links += [Link(offset + a, offset + b, href) for a, b, href in spans]
            texts.append(text)
            offset += len(text)
        offset += 1  # the line end after the row
        rows.append(TableRow(tuple(texts), header=number < table.header_rows))
    return DraftBlock(
        0, table_text(tuple(rows)), kind="table", rows=tuple(rows), links=tuple(links)
    )
