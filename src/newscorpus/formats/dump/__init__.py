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
its number. No text is judged or removed here, and no word is lost: only marks and
whitespace are taken off, and a Markdown link's target, which the draft records as an edit.

A block's ``blank_before`` and ``blank_after`` say whether a paragraph break stands on that
side: an empty line (or a rule) in browser captures, layout renderers and text-node dumps with
empty lines everywhere (where every block that rejoining leaves apart stands apart); in a dump
without any empty line, every block is taken to stand apart.
"""

from __future__ import annotations

from attrs import frozen

from newscorpus import tuning
from newscorpus._version import __version__
from newscorpus.draft import Draft
from newscorpus.formats.base import RawDocument
from newscorpus.formats.dump.layout import Layout, read_layout, wrap_width
from newscorpus.formats.dump.lines import Line, split_lines
from newscorpus.formats.dump.markup import has_links, strip_links
from newscorpus.formats.dump.rejoin import lines_to_blocks
from newscorpus.models.article import ParserInfo

__all__ = [
    "DumpParser",
    "Layout",
    "Line",
    "lines_to_blocks",
    "read_layout",
    "split_lines",
    "wrap_width",
]

#: Why a Markdown link's or image's target left the text.
_LINK_EDIT = "Markdown link or image: the target taken off, the text kept"


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

        In a Markdown dump, taking a link's or an image's target off is recorded as an edit
        (the target's letters leave the text); other marks are layout, like bullets.

        Limits (``document.limits``): a document past ``max_document_bytes`` raises
        :class:`~newscorpus.LimitError`; lines longer than ``max_line_chars`` are cut at spaces.
        """
        document.check_size()
        lines = split_lines(document.text, document.effective_limits.max_line_chars)
        layout = read_layout(lines)
        draft = Draft(
            blocks=lines_to_blocks(lines, layout),
            parser=ParserInfo(self.name, self.version),
            source=document.source,
            format="dump",
            url=document.url,
        )
        if layout.markdown:
            for block in draft.blocks:
                if has_links(block.text):
                    draft.edit(block, strip_links(block.text), _LINK_EDIT, "dump.links")
        return draft
