"""Grouping a dump's lines into blocks: unwrapping wrapped paragraphs, rejoining broken sentences.

Each line either starts a block or continues the one before, and three rules say when it
continues, one for each way a scraper breaks a paragraph:

* **wrapped** (a renderer's fixed width): the line was broken only because its next word did
  not fit, which greedy wrapping makes an exact test (:func:`wrapped_glue`);
* **broken sentence** (any dump): the block cannot end there (no sentence punctuation) and the
  line cannot start a sentence (it starts in lower case or with closing punctuation);
* **text node** (text-node dumps, where every link and bold word is a line of its own): also
  when the block ends on a comma, an opening bracket or one of the page's function words, or
  when the line is a short link text the next line goes on from (:func:`text_node_glue`).

A rule line (``* * *``, ``---|---``) has no words: it ends the block and is not kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define

from newscorpus import tuning
from newscorpus.draft import DraftBlock
from newscorpus.formats.dump.layout import Layout, ends_on
from newscorpus.formats.dump.lines import Line
from newscorpus.formats.dump.markup import Marked, is_rule, mark_of, strip_markdown
from newscorpus.models.article import BlockKind

__all__ = [
    "Group",
    "broken_sentence_glue",
    "ends_sentence",
    "group_lines",
    "lines_to_blocks",
    "text_node_glue",
    "wrapped_glue",
]

#: A block that ends with one of these may end a sentence (closing quotes, brackets and
#: Markdown emphasis marks may follow it).
_SENTENCE_ENDS = frozenset(".!?…:;。！？")
_AFTER_SENTENCE = "'\"’”»)]*_"
#: Punctuation that never starts a sentence and is glued to the word before it.
_CLOSING = frozenset(",.;:!?)]’”»%…،、，。；：！？")
#: Quotation marks, which open in one language and close in another.
_QUOTES = frozenset("\"'“”‘’„«»")
#: A block ending on one of these goes on in the next line (a text node ends before a link).
_CONNECTORS = frozenset(",([“„«‘/&+–—-、，")
#: A block ending on one of these may end a sentence; the lookahead rule leaves it.
_ENDS = frozenset(".!?…:;。！？\"'”’»")
#: Glued to the word after it.
_OPENING = frozenset("([¿¡")
#: Scripts written without spaces between words, where a joint gets no space.
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
#: What greedy wrapping moves to the next line as one piece: up to a space or a hyphen.
_HYPHEN_CHUNK = re.compile(r"[^\s-]*-?")


@define
class Group:
    """The lines of one block so far."""

    text: str
    kind: BlockKind
    blank_before: bool
    blank_after: bool
    last: Line
    #: The column where the last line's text starts (after a bullet: a hanging indent).
    column: int


def group_lines(lines: Sequence[Line], layout: Layout) -> list[Group]:
    """Group ``lines`` into blocks, in order (rule lines end a block and are left out)."""
    groups: list[Group] = []
    current: Group | None = None
    after_rule = False
    for position, line in enumerate(lines):
        if is_rule(line.text):
            if current is not None:
                current.blank_after = True
            current, after_rule = None, True
            continue
        marked = mark_of(line.text, line.indent)
        if current is not None:
            # The next line matters only in a text-node dump.
            following = (
                lines[position + 1] if layout.text_nodes and position + 1 < len(lines) else None
            )
            glue = _glue(current, line, marked, following, layout)
            if glue is not None:
                _extend(current, line, marked, glue)
                continue
        # text, kind, blank_before, blank_after, last, column (positional: once a block)
        current = Group(
            marked.text,
            marked.kind,
            line.blank_before or after_rule,
            line.blank_after,
            line,
            marked.column,
        )
        groups.append(current)
        after_rule = False
    return groups


def lines_to_blocks(lines: Sequence[Line], layout: Layout) -> list[DraftBlock]:
    """The blocks the dump's lines make, numbered in reading order."""
    blocks: list[DraftBlock] = []
    for group in group_lines(lines, layout):
        text = strip_markdown(group.text) if layout.markdown else group.text
        if text:
            blocks.append(
                DraftBlock(
                    index=len(blocks),
                    text=text,
                    kind=group.kind,
                    blank_before=group.blank_before or not layout.blank_lines,
                    blank_after=group.blank_after or not layout.blank_lines,
                )
            )
    return blocks


def _extend(group: Group, line: Line, marked: Marked, glue: str) -> None:
    text = marked.text if marked.kind == "quote" and group.kind == "quote" else line.text
    group.text = f"{group.text}{glue}{text}"
    group.blank_after = line.blank_after
    group.last = line
    group.column = marked.column if marked.marked else line.indent


def _glue(
    group: Group, line: Line, marked: Marked, following: Line | None, layout: Layout
) -> str | None:
    """What joins ``line`` to the block before it, or ``None`` when it starts a block."""
    if layout.width is not None:
        glue = wrapped_glue(group, line, marked, layout.width)
        if glue is not None:
            return glue
    if marked.marked or group.kind == "heading":  # a marked heading ends at its line
        return None
    if layout.text_nodes:
        return text_node_glue(group.text, marked.text, following, layout.function_words)
    return broken_sentence_glue(group.text, marked.text)


def broken_sentence_glue(block: str, text: str) -> str | None:
    """The glue if a sentence was broken between ``block`` and the line ``text``, in any dump.

    The block must not end like a sentence, and the line must not start like one: it starts
    with closing punctuation or in lower case. In a script without case nothing tells a
    sentence's start, so the line is joined unless the block ended a sentence, with a space
    (a wrongly joined line costs the cleaning less than a split sentence, and a space keeps
    its words apart).
    """
    first = text[0]
    if first in _CLOSING or first.islower():
        return None if ends_sentence(block) else _joint(block, text)
    if not first.isascii() and _is_uncased_letter(first):  # ASCII letters all have case
        return None if ends_sentence(block) else " "
    return None


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence may: with sentence punctuation, maybe followed
    by closing quotes, brackets and Markdown emphasis marks.

    >>> ends_sentence("He said “no.”"), ends_sentence("Talks were held in")
    (True, False)
    """
    return text.rstrip(_AFTER_SENTENCE)[-1:] in _SENTENCE_ENDS


def _is_uncased_letter(char: str) -> bool:
    """A letter of a script without case (Arabic, CJK, Devanagari, Hebrew, Thai...)."""
    return char.isalpha() and char.lower() == char.upper()


def wrapped_glue(group: Group, line: Line, marked: Marked, width: int) -> str | None:
    """The glue if greedy wrapping at ``width`` broke the block's last line before ``line``.

    The break was a wrap only if the last line fitted in the width (or is one long word), the
    line's first word would not have fitted after it (after its last character, when the
    break came after a hyphen inside a word), and the line is indented like the block's text.
    A marked line goes on from a wrapped line only where the mark can be words that wrapping
    put first: a quote's ``>`` inside a quote, or a dash or a number ("– such as", "19. Mai")
    after a line of a paragraph that does not end a sentence.
    """
    previous = group.last
    if line.blank_before or (previous.end > width and " " in previous.text):
        return None
    if marked.marked:
        if marked.kind == "quote" and group.kind == "quote":
            text = marked.text
        elif _may_be_wrapped_words(group, line):
            text = line.text
        else:
            return None
    else:
        text = line.text
    if line.indent > previous.indent + 1 and line.indent != group.column:
        return None
    space = text.find(" ")
    word = text if space < 0 else text[:space]
    if previous.end + 1 + len(word) <= width:
        return None
    if _broken_at_hyphen(previous.text, text, previous.end, width):
        return ""
    return " "


def _may_be_wrapped_words(group: Group, line: Line) -> bool:
    """Whether a marked line's mark may be words of the paragraph before: a dash or a number
    after a paragraph's line that does not end a sentence."""
    first = line.text[0]
    if group.kind != "paragraph" or not (first in "-–—" or first.isdigit()):
        return False
    return not ends_sentence(group.last.text)


def _broken_at_hyphen(previous: str, text: str, end: int, width: int) -> bool:
    """Whether the wrap came after a hyphen inside a word: ``well-`` | ``stretched``."""
    if len(previous) < 2 or previous[-1] != "-" or not previous[-2].isalpha():
        return False
    if not text[0].isalpha():
        return False
    hyphen = _HYPHEN_CHUNK.match(text)
    chunk = hyphen.group() if hyphen else text
    return end + len(chunk) > width


def text_node_glue(
    block: str, text: str, following: Line | None, function_words: frozenset[str]
) -> str | None:
    """The glue if a text-node dump broke a sentence between ``block`` and the line ``text``.

    Empty lines say nothing there, and a sentence breaks at every link, so more goes on:
    a line that starts with closing punctuation, whatever the block ends with; the value after
    a short label (``Author:``); and, after a block that does not end a sentence (a semicolon
    does not end one here), a line that starts an aside in brackets, a line after a comma, an
    opening bracket or one of the page's function words, and a short link text that the next
    line goes on from. Otherwise, as in any dump (:func:`broken_sentence_glue`).
    """
    first = text[0]
    if first in _CLOSING or (first in _QUOTES and text[1:2] in _CLOSING):
        return ""
    if _is_label(block, text):
        return _joint(block, text)
    if block[-1] == ";":
        block = block[:-1].rstrip()
        if not block:
            return None
    elif ends_sentence(block):
        return None
    if first == "(" or block[-1] in _CONNECTORS or ends_on(block, function_words):
        return _joint(block, text)
    if (
        following is not None
        and block[-1] not in _ENDS
        and _goes_on(following.text)
        and text.count(" ") < tuning.TEXT_NODE_LINK_MAX_WORDS
    ):
        return _joint(block, text)
    return broken_sentence_glue(block, text)


def _is_label(block: str, text: str) -> bool:
    """A short label before its value: ``Palm Bay (1-0):`` | ``Tolivert 25 points.``

    The value reads on from the label: it ends a sentence, or starts in lower case or with a
    digit. A label before a title ("Related:" | "Talks Resume") stays apart from it.
    """
    if block[-1] != ":" or block.count(" ") >= tuning.TEXT_NODE_LABEL_MAX_WORDS:
        return False
    return ends_sentence(text) or text[0].islower() or text[0].isdigit()


def _goes_on(text: str) -> bool:
    """Whether a line goes on from the one before: closing punctuation or lower case."""
    return text[0] in _CLOSING or text[0].islower()


def _is_drop_cap(block: str, text: str) -> bool:
    """A first letter set apart (a drop cap) before the rest of its word: ``H`` | ``ong Kong``."""
    return len(block) == 1 and block.isupper() and text[0].islower()


def _joint(block: str, text: str) -> str:
    """A space between the block and the line, unless punctuation or the script says none."""
    if text[0] in _CLOSING or block[-1] in _OPENING or _is_drop_cap(block, text):
        return ""
    if _UNSPACED.match(block[-1]) and _UNSPACED.match(text[0]):
        return ""
    return " "
