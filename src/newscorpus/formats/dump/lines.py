"""A dump's lines: the non-empty ones, with their indentation and the empty lines around them."""

from __future__ import annotations

import re
from typing import NamedTuple

from newscorpus import tuning

__all__ = ["Line", "split_lines"]

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


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
    raw = _LINE_BREAKS.split(text.expandtabs(tuning.TAB_WIDTH))
    found = [(number, content) for number, content in enumerate(raw) if content.strip()]
    lines: list[Line] = []
    last = len(found) - 1
    for position, (number, content) in enumerate(found):
        stripped = content.strip()
        before = position == 0 or found[position - 1][0] != number - 1
        after = position == last or found[position + 1][0] != number + 1
        indent = len(content) - len(content.lstrip())
        lines.append(Line(number, stripped, indent, blank_before=before, blank_after=after))
    return lines
