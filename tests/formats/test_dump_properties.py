"""Properties of the dump parser over generated dumps in every style: no word is ever lost.

The words and numbers of the blocks (runs of letters and digits) are those of the input, in
order, whatever the style: browser captures, text-node dumps (with and without empty lines),
wrapped text, html2text-like Markdown. Only marks go (bullets, heading and quote marks,
emphasis, escapes, rules), and whitespace. Two joints merge words, and are left out of the
generated dumps: a drop cap (``H`` | ``ong Kong``) and a joint between two characters of a
script written without spaces; over any text, the letters and digits are still all kept, in
order (:func:`test_no_letter_of_any_text_is_lost`).
"""

from __future__ import annotations

import re
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.formats.dump import lines_to_blocks, read_layout, split_lines
from tests.formats.dumps import parse_blocks, tokens

_SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- generated dumps ---------------------------------------------------------------------------

_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzéßøçабвгдежз", min_size=2, max_size=10)
_number = st.integers(0, 99999).map(str)


@st.composite
def _words(draw: st.DrawFn) -> str:
    """A word as text has it: maybe capitalised, maybe with punctuation or a hyphen."""
    word = draw(_word | _number)
    if draw(st.integers(0, 4)) == 0:
        word = word.capitalize()
    if draw(st.integers(0, 6)) == 0:
        word = f"{word}-{draw(_word)}"
    prefix = draw(st.sampled_from(["", "", "", "", "(", "“", "'"]))
    suffix = draw(st.sampled_from(["", "", "", "", "", ",", ";", ":", ")", "”", "."]))
    return prefix + word + suffix


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """Words, capitalised, ending like a sentence or not."""
    words = draw(st.lists(_words(), min_size=1, max_size=25))
    text = " ".join(words)
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", ".", "?", "!", "", "…"]))


paragraphs = st.lists(sentences(), min_size=1, max_size=5).map(" ".join)
_marks = st.sampled_from(
    ["", "", "", "", "* ", "- ", "• ", "+ ", "1. ", "12) ", "# ", "### ", "> ", "– "]
)
_rules = st.sampled_from(["* * *", "---", "___", "---|---|---", "| | |", "=====", "###"])


@st.composite
def browser_dumps(draw: st.DrawFn) -> str:
    """A paragraph a line, marks, rules, empty lines here and there."""
    lines: list[str] = []
    for paragraph in draw(st.lists(paragraphs, min_size=1, max_size=12)):
        lines.append(draw(_marks) + paragraph)
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(_rules))
        lines.append(draw(st.sampled_from(["", "", "\n"])))
    return "\n".join(lines)


@st.composite
def wrapped_dumps(draw: st.DrawFn) -> str:
    """Paragraphs and list items wrapped at a fixed width, with html2text's Markdown."""
    width = draw(st.integers(40, 100))
    markdown = draw(st.booleans())
    parts: list[str] = []
    for paragraph in draw(st.lists(paragraphs, min_size=1, max_size=8)):
        words = paragraph.split(" ")
        if markdown:
            words = [_emphasised(draw, word) for word in words]
        text = " ".join(words)
        mark = draw(_marks)
        hanging = " " * len(mark)
        parts.append(
            textwrap.fill(
                text,
                width,
                initial_indent=mark,
                subsequent_indent=hanging,
                break_long_words=False,
                break_on_hyphens=draw(st.booleans()),
            )
        )
        if draw(st.integers(0, 5)) == 0:
            parts.append(draw(_rules))
    return "\n\n".join(parts)


def _emphasised(draw: st.DrawFn, word: str) -> str:
    mark = draw(st.sampled_from(["", "", "", "", "**", "_", "\\"]))
    if mark == "\\":
        return "\\-" if draw(st.booleans()) else word
    return f"{mark}{word}{mark}"


@st.composite
def text_node_dumps(draw: st.DrawFn) -> str:
    """Paragraphs cut into text nodes at word boundaries, one a line, with or without empty
    lines between them, and menus."""
    nodes: list[str] = []
    for paragraph in draw(st.lists(paragraphs | _menus, min_size=1, max_size=10)):
        words = paragraph.split(" ")
        cuts = sorted(draw(st.sets(st.integers(1, max(1, len(words) - 1)), max_size=4)))
        start = 0
        for cut in [*cuts, len(words)]:
            if cut > start:
                nodes.append(" ".join(words[start:cut]))
                start = cut
            if draw(st.integers(0, 9)) == 0:  # a node of punctuation alone
                nodes.append(draw(st.sampled_from([";", ",", ".", ")", "“", ":", "(", "–"])))
    return draw(st.sampled_from(["\n\n", "\n"])).join(nodes)


_menus = st.lists(_word.map(str.capitalize), min_size=1, max_size=3).map(" ".join)

any_style = browser_dumps() | wrapped_dumps() | text_node_dumps()

# --- properties --------------------------------------------------------------------------------


@_SETTINGS
@given(any_style)
def test_no_word_of_a_dump_is_lost(dump: str) -> None:
    blocks = parse_blocks(dump)
    assert tokens(" ".join(block.text for block in blocks)) == tokens(dump)


@_SETTINGS
@given(wrapped_dumps())
def test_no_word_of_a_wrapped_dump_is_lost(dump: str) -> None:
    blocks = parse_blocks(dump)
    assert tokens(" ".join(block.text for block in blocks)) == tokens(dump)


@_SETTINGS
@given(text_node_dumps())
def test_no_word_of_a_text_node_dump_is_lost(dump: str) -> None:
    blocks = parse_blocks(dump)
    assert tokens(" ".join(block.text for block in blocks)) == tokens(dump)


_LETTER = re.compile(r"[^\W_]")


@_SETTINGS
@given(st.text() | any_style)
def test_no_letter_of_any_text_is_lost(text: str) -> None:
    """Over any text, before links are taken off (which the parser records as edits)."""
    lines = split_lines(text)
    blocks = lines_to_blocks(lines, read_layout(lines))
    assert _LETTER.findall("".join(block.text for block in blocks)) == _LETTER.findall(text)


@_SETTINGS
@given(any_style)
def test_blocks_are_numbered_in_order_and_never_empty(dump: str) -> None:
    blocks = parse_blocks(dump)
    assert [block.index for block in blocks] == list(range(len(blocks)))
    assert all(block.text and block.text == block.text.strip() for block in blocks)
