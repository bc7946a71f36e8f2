"""A dump's lines: the non-empty ones, with their indentation and the empty lines around them."""

from __future__ import annotations

from typing import NamedTuple

from newscorpus import tuning

__all__ = ["Line", "split_lines"]


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


def split_lines(text: str) -> list[Line]:
    """Split a dump into its non-empty lines, keeping where the empty lines were.

    >>> [(line.text, line.blank_before) for line in split_lines("a\\n\\n  b\\nc")]
    [('a', True), ('b', True), ('c', False)]
    """
    # Lines end at "\r\n", "\r", "\n", "\v", "\f", "\x1c"-"\x1e", "\x85", "\u2028" and "\u2029".
    raw = text.expandtabs(tuning.TAB_WIDTH).splitlines()
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
