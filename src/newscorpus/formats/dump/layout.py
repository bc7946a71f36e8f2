"""Reading a dump's layout as a whole, before any line is joined: which scraper's style it is.

* **Wrap width.** Layout renderers (html2text, lynx, w3m, ``textwrap.fill``) break paragraphs
  greedily at a fixed width: a line was broken only where the next word would not have fitted.
  Every two lines of one paragraph therefore say the width lies between the first line's end
  and that end plus the next word; the width is the one most such intervals agree on. Lines
  the renderer does not wrap (list items, table rows, long words) may run past it, as long as
  they are a minority.
* **Markdown.** Inline emphasis, escapes and links are read only in a dump that has enough of
  them (see :func:`~newscorpus.formats.dump.markup.has_markdown`).
* **Text nodes.** A scraper that writes every text node on its own line breaks sentences at
  every link and bold word, and puts empty lines everywhere (or nowhere), so the empty lines
  say nothing about paragraphs and sentences must be rejoined more boldly (see ``rejoin``).
* **Paragraph breaks.** In a dump without any empty line, every block is taken to stand
  apart (``blank_before`` and ``blank_after`` set), since nothing says otherwise.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from attrs import frozen

from newscorpus import tuning
from newscorpus.formats.dump.lines import Line
from newscorpus.formats.dump.markup import has_mark, has_markdown, mark_of

__all__ = [
    "Layout",
    "all_apart",
    "ends_on",
    "function_words",
    "read_layout",
    "wrap_width",
]

#: Marks a word may start with (``(the``, ``“a``).
_OPENING_MARKS = "([{\"'“‘«„¿¡"


@frozen
class Layout:
    """What the whole dump says about how to read its lines."""

    #: The width a renderer wrapped paragraphs at, or None when lines are not hard-wrapped.
    width: int | None = None
    #: Whether inline Markdown is to be taken off the text.
    markdown: bool = False
    #: Whether lines may be text nodes: empty lines are everywhere or nowhere, so they say
    #: nothing of paragraphs, and sentences broken at links are rejoined more boldly.
    text_nodes: bool = False
    #: The page's function words, for rejoining a text-node dump's sentences.
    function_words: frozenset[str] = frozenset()
    #: Whether empty lines mark paragraph breaks (a dump without any does not mark them).
    blank_lines: bool = True


def read_layout(lines: Sequence[Line]) -> Layout:
    """Read the layout of a dump from all its lines.

    A dump that is not wrapped, with empty lines around (almost) all its lines or around none,
    is read as a text-node dump: its empty lines say nothing about paragraphs. The text-node
    rules are written to find little to join in a browser capture saved that way, whose lines
    are paragraphs that end sentences and menus that end on no function word.
    """
    width = wrap_width(lines)
    blank_lines = _has_blank_lines(lines)
    text_nodes = width is None and len(lines) >= tuning.TEXT_NODES_MIN_LINES
    text_nodes = text_nodes and (not blank_lines or all_apart(lines))
    return Layout(
        width=width,
        markdown=has_markdown([line.text for line in lines]),
        text_nodes=text_nodes,
        function_words=function_words(lines) if text_nodes else frozenset(),
        blank_lines=blank_lines,
    )


def _first_word_length(text: str) -> int:
    """The length of the line's first word: what wrapping would have had to fit."""
    space = text.find(" ")
    return len(text) if space < 0 else space


def wrap_width(lines: Sequence[Line]) -> int | None:
    """The width a layout renderer wrapped the dump at, or ``None`` if it is not wrapped.

    Each pair of lines with no empty line between them, the second unmarked (or both quoted),
    votes for the widths that would have broken the first line there: from its end to its end
    plus the next word. The width with most votes wins (the narrowest, on a tie, so no
    wrapped line is left unjoined); it must have enough votes, and more than the lines that
    run past it could have been broken at it.
    """
    if len(lines) < tuning.WRAP_MIN_LINES:
        return None
    limit = tuning.WRAP_MAX_WIDTH
    starts = [0] * (limit + 2)
    for previous, line in pairwise(lines):
        if line.blank_before:
            continue
        end = previous.end
        if end > limit or end < tuning.WRAP_MIN_WIDTH:
            continue
        text = line.text
        if _is_quote_pair(previous, line):
            text = mark_of(text).text
        elif has_mark(text):
            continue
        if _is_table_row(previous.text) or _is_table_row(text):
            continue
        word = _first_word_length(text)
        if word > tuning.WRAP_MAX_WORD_CHARS:  # a URL, or a script without spaces
            continue
        starts[end] += 1
        starts[min(limit + 1, end + 1 + word)] -= 1
    best, votes, running = 0, 0, 0
    for width in range(limit + 1):
        running += starts[width]
        if running > votes:
            best, votes = width, running
    if votes < tuning.WRAP_MIN_VOTES:
        return None
    past = 0
    for line in lines:
        if line.end > best and _breakable_before(line, best):
            past += 1
            if votes < past * tuning.WRAP_MIN_VOTES_PER_LONG_LINE:  # one more can only add
                return None
    return best


def _is_quote_pair(previous: Line, line: Line) -> bool:
    return previous.text[0] == ">" and line.text[0] == ">"


def _is_table_row(text: str) -> bool:
    """A table row: cells apart by a bar or by runs of spaces (wrapped text has neither)."""
    return "  " in text or " | " in text


def _breakable_before(line: Line, width: int) -> bool:
    """Whether a renderer wrapping at ``width`` could have broken this long line: it has a
    space before the margin, and is not a list item or table row (renderers leave those)."""
    if has_mark(line.text) or _is_table_row(line.text):
        return False
    return " " in line.text[: max(0, width - line.indent)]


def all_apart(lines: Sequence[Line]) -> bool:
    """Whether (almost) every line has an empty line on both sides.

    A browser capture puts empty lines between paragraphs only, and runs menus, lists and
    captions together; a text-node dump has an empty line around almost every line (or none
    at all: see :func:`read_layout`).
    """
    apart = sum(1 for line in lines if line.blank_before and line.blank_after)
    return apart >= len(lines) * tuning.TEXT_NODES_MIN_SHARE_APART


def ends_on(text: str, words: frozenset[str]) -> bool:
    """Whether ``text`` ends on one of ``words``, with no punctuation after it.

    >>> ends_on("Talks were held in", frozenset({"in", "the"})), ends_on("in.", frozenset({"in"}))
    (True, False)
    """
    if not words or not text[-1].isalpha():
        return False
    space = text.rfind(" ")
    return text[space + 1 :].lstrip(_OPENING_MARKS) in words


def _has_blank_lines(lines: Sequence[Line]) -> bool:
    """Whether the dump has empty lines between some of its lines."""
    gaps = sum(1 for line in lines[1:] if line.blank_before)
    return gaps >= tuning.PARAGRAPH_BREAKS_MIN


def function_words(lines: Sequence[Line]) -> frozenset[str]:
    """The page's function words: lower-case words found in a large share of its long lines
    (scripts without case count as lower case).

    Articles, prepositions and conjunctions are spread over all of a page's running text in
    any language that writes words apart, where a topic's words come and go; and a sentence
    does not end on one. Finding them on the page needs no language identification and no
    word list.
    """
    shortest = tuning.FUNCTION_WORDS_MIN_LINE_CHARS
    long_lines = [line.text for line in lines if len(line.text) >= shortest]
    long_lines = long_lines[: tuning.FUNCTION_WORDS_MAX_LINES]
    if len(long_lines) < tuning.FUNCTION_WORDS_MIN_LINES:
        return frozenset()
    spread: Counter[str] = Counter()
    for text in long_lines:
        spread.update(set(text.split()))
    least = max(tuning.FUNCTION_WORDS_MIN_LINES, tuning.FUNCTION_WORDS_MIN_SHARE * len(long_lines))
    return frozenset(
        word
        for word, count in spread.items()
        if count >= least and word.isalpha() and not word[0].isupper()
    )
