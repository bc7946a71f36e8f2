"""A dump's lines: the non-empty ones, with their indentation and the empty lines around them."""

from __future__ import annotations

from typing import NamedTuple

from newscorpus import tuning

__all__ = ["Line", "cut_line", "split_lines"]


class Line(NamedTuple):
    """A non-empty input line with its layout: indentation and the empty lines around it."""

    number: int
    text: str
    indent: int
    blank_before: bool
    blank_after: bool

    @property
    def end(self) -> int:
        """The column the line ends at, where a renderer's right margin is measured."""
        return self.indent + len(self.text)


def split_lines(text: str, max_chars: int | None = None) -> list[Line]:
    """Split a dump into its non-empty lines, keeping where the empty lines were.

    A line longer than ``max_chars`` (``Limits.max_line_chars``) is cut into lines no longer
    than that, at spaces where it has them: no character is lost.

    >>> [(line.text, line.blank_before) for line in split_lines("a\\n\\n  b\\nc")]
    [('a', True), ('b', True), ('c', False)]
    >>> [line.text for line in split_lines("one two three", max_chars=8)]
    ['one two', 'three']
    """
    # Lines end at "\r\n", "\r", "\n", "\v", "\f", "\x1c"-"\x1e", "\x85", "\u2028" and "\u2029".
    raw = text.expandtabs(tuning.TAB_WIDTH).splitlines()
    if max_chars is not None and any(len(line) > max_chars for line in raw):
        raw = [piece for line in raw for piece in cut_line(line, max_chars)]
    found = [
        (number, content) for number, content in enumerate(raw) if content and not content.isspace()
    ]
    lines: list[Line] = []
    previous = -2
    for position, (number, content) in enumerate(found):
        following = found[position + 1][0] if position + 1 < len(found) else -1
        indent = len(content) - len(content.lstrip())
        before, after = previous != number - 1, following != number + 1
        lines.append(Line(number, content.strip(), indent, before, after))
        previous = number
    return lines


def cut_line(line: str, max_chars: int) -> list[str]:
    """``line`` in pieces of at most ``max_chars`` characters, cut after the last space of each
    piece (or at the limit when a piece has none); joined, the pieces are ``line`` again.

    >>> cut_line("aaaa bb cccccccc", 6)
    ['aaaa ', 'bb ', 'cccccc', 'cc']
    """
    pieces: list[str] = []
    start = 0
    while len(line) - start > max_chars:
        end = start + max_chars
        space = line.rfind(" ", start, end)
        cut = space + 1 if space > start else end
        pieces.append(line[start:cut])
        start = cut
    pieces.append(line[start:])
    return pieces
