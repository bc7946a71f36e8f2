"""The dump parser: the visible text of a page, as any scraper saved it, becomes blocks.

Dumps come in three broad styles, and the parser reads each before any block is judged:

* **browser captures** (``innerText``, copy and paste): one paragraph a line, paragraphs
  usually separated by an empty line, chrome lines packed together;
* **text-node dumps** (``get_text("\\n")`` and kin): every text node on its own line, so a
  sentence is broken at each link or bold word, and empty lines are everywhere;
* **layout renderers** (lynx, w3m, html2text, inscriptis): paragraphs hard-wrapped at a fixed
  width, indentation, list bullets and Markdown-style heading marks.

Wrapped lines are unwrapped where the next word would not have fitted on the line (greedy
wrapping, so this rule is exact); broken sentences are rejoined where a line cannot end a
sentence and the next cannot start one. Bullets, heading marks and quote marks become the
block's kind. No text is judged or removed here: that is the cleaning pipeline's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from attrs import frozen

from newscorpus import tuning
from newscorpus._version import __version__
from newscorpus.draft import Draft, DraftBlock
from newscorpus.formats.base import RawDocument
from newscorpus.models.article import BlockKind, ParserInfo

__all__ = ["DumpParser", "Line", "split_lines"]

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
_BULLET = re.compile(r"^(?:[*•·▪◦‣●○■□–—+-]|\d{1,3}[.)])\s+(?=\S)")
_HEADING_MARK = re.compile(r"^#{1,6}\s+(?=\S)")
_QUOTE_MARK = re.compile(r"^>\s?(?=\S)")
_DECORATION = re.compile(r"^[–—\-=*~•]+\s+(?P<text>.+?)\s+[–—\-=*~•]+$")
_SENTENCE_END = re.compile(r"[.!?…:;。！？]['\"’”»)\]]*$")
_CONTINUATION_START = re.compile(r"^[,.;:!?)\]’”»%]|^[^\W\d_]", re.UNICODE)


@frozen
class Line:
    """A non-empty input line with its layout: indentation and the empty lines around it."""

    number: int
    text: str
    indent: int
    blank_before: bool
    blank_after: bool


def split_lines(text: str) -> list[Line]:
    """Split a dump into its non-empty lines, keeping where the empty lines were.

    >>> [(line.text, line.blank_before) for line in split_lines("a\\n\\n  b\\nc")]
    [('a', True), ('b', True), ('c', False)]
    """
    raw = _LINE_BREAKS.split(text.expandtabs(tuning.TAB_WIDTH))
    lines: list[Line] = []
    blank = True
    for number, content in enumerate(raw):
        stripped = content.strip()
        if not stripped:
            blank = True
            if lines:
                lines[-1] = _with_blank_after(lines[-1])
            continue
        indent = len(content) - len(content.lstrip())
        lines.append(Line(number, stripped, indent, blank_before=blank, blank_after=False))
        blank = False
    if lines:
        lines[-1] = _with_blank_after(lines[-1])
    return lines


def _with_blank_after(line: Line) -> Line:
    return Line(line.number, line.text, line.indent, line.blank_before, blank_after=True)


def wrap_width(lines: list[Line]) -> int | None:
    """The width a layout renderer wrapped the dump at, or ``None`` if it is not wrapped.

    A wrapped dump has many lines that end close to one right margin, and none past it.
    """
    lengths = [line.indent + len(line.text) for line in lines]
    if len(lengths) < tuning.WRAP_MIN_LINES:
        return None
    width = max(lengths)
    if width > tuning.WRAP_MAX_WIDTH:
        return None
    near_margin = sum(1 for n in lengths if n >= width - tuning.WRAP_MARGIN_SLACK)
    long_lines = sum(1 for n in lengths if n >= width // 2)
    if long_lines == 0 or near_margin / long_lines < tuning.WRAP_MIN_SHARE_AT_MARGIN:
        return None
    return width


def _first_word(text: str) -> str:
    return text.split(maxsplit=1)[0]


def _marker(text: str) -> tuple[BlockKind, str]:
    decorated = _DECORATION.match(text)
    if decorated:
        return "heading", decorated.group("text")
    for pattern, kind in ((_HEADING_MARK, "heading"), (_QUOTE_MARK, "quote"), (_BULLET, "list_item")):
        match = pattern.match(text)
        if match:
            return kind, text[match.end() :]
    return "paragraph", text


def _is_wrapped_continuation(previous: Line, line: Line, width: int) -> bool:
    """Greedy wrapping broke ``previous`` here only if the next word did not fit after it."""
    if line.blank_before or _marker(line.text)[0] != "paragraph":
        return False
    used = previous.indent + len(previous.text)
    return used + 1 + len(_first_word(line.text)) > width and line.indent <= previous.indent + 1


def _is_broken_sentence(previous: str, line: Line) -> bool:
    """A text node split off mid-sentence: the previous part cannot end, this cannot start."""
    if _SENTENCE_END.search(previous) or _marker(line.text)[0] != "paragraph":
        return False
    return bool(_CONTINUATION_START.match(line.text)) and not line.text[:1].isupper()


class _Builder:
    """Accumulates lines into blocks."""

    def __init__(self) -> None:
        self.blocks: list[DraftBlock] = []

    def start(self, line: Line) -> None:
        kind, text = _marker(line.text)
        self.blocks.append(
            DraftBlock(
                index=len(self.blocks),
                text=text,
                kind=kind,
                blank_before=line.blank_before,
                blank_after=line.blank_after,
            )
        )

    def extend(self, line: Line, separator: str) -> None:
        block = self.blocks[-1]
        glue = "" if separator == "" or line.text[:1] in ",.;:!?)]’”»%" else separator
        block.text = f"{block.text}{glue}{line.text}"
        block.blank_after = line.blank_after


def lines_to_blocks(lines: Iterable[Line], width: int | None) -> list[DraftBlock]:
    """Group lines into blocks: unwrap wrapped paragraphs and rejoin broken sentences."""
    builder = _Builder()
    previous: Line | None = None
    for line in lines:
        if previous is not None and width is not None and _is_wrapped_continuation(previous, line, width):
            builder.extend(line, " ")
        elif previous is not None and _is_broken_sentence(builder.blocks[-1].text, line):
            builder.extend(line, " ")
        else:
            builder.start(line)
        previous = line
    return builder.blocks


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
        """Split the dump into lines, read its layout, and return the blocks as a draft."""
        lines = split_lines(document.text)
        blocks = lines_to_blocks(lines, wrap_width(lines))
        return Draft(
            blocks=blocks,
            parser=ParserInfo(self.name, self.version),
            source=document.source,
            format="dump",
            url=document.url,
        )

