"""Elements with too many attributes, cut down before libxml2 sees them.

libxml2 checks each new attribute of an element against the ones before it, so a tag with
200,000 attributes takes the whole time limit (lxml alone: 3.7 s for 40,000). A page's text is
scanned once for tags long enough to hold more than ``Limits.max_attributes`` attributes (two
characters each at least: a space and a name), and only those tags are rewritten with their
first attributes; how many went is returned, for the article's ``attributes-dropped`` warning.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache
from itertools import accumulate, compress

__all__ = ["bound_attributes"]

#: The letters a tag's name starts with.
_LETTERS = frozenset(string.ascii_letters)
#: One attribute in a start tag: a name, and a quoted or bare value.
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?""")


@cache
def _whole_tag(length: int) -> re.Pattern[str]:
    """A tag with ``length`` characters at least after its first letter: its name, then the
    rest."""
    return re.compile(f"<([A-Za-z][^\\s<>/]*)([^<>]{{{length},}})")


def _long_tag_starts(text: str, length: int) -> Iterator[int]:
    """Where the tags start that have ``length`` characters at least after their first letter
    (an ASCII letter, then no ``<`` or ``>``). The text is split at each ``<`` and only the
    pieces longer than ``length`` are looked at: on a normal page, one quick pass (a regular
    expression tried at every ``<`` took three times as long).

    >>> list(_long_tag_starts("<p>Hi</p><div a=1 b=2>x</div>", 8))
    [9]
    """
    pieces = text.split("<")
    lengths = list(map(len, pieces))
    if max(lengths) <= length:
        return
    # the "<" that opens piece i stands after the i - 1 pieces and "<" before it
    ends = list(accumulate(lengths))
    for number in compress(range(1, len(pieces)), map(length.__lt__, lengths[1:])):
        piece = pieces[number]
        if piece[0] in _LETTERS and ">" not in piece[1 : length + 1]:
            yield ends[number - 1] + number - 1


def bound_attributes(text: str, maximum: int | None) -> tuple[str, int]:
    """``text`` with every element cut to its first ``maximum`` attributes, and how many
    attributes were dropped (``None``: no bound).

    >>> bound_attributes('<p a=1 b="2" c>Hi</p>', 2)
    ('<p a=1 b="2">Hi</p>', 1)
    >>> bound_attributes("<p a=1>Hi</p>", 2)
    ('<p a=1>Hi</p>', 0)
    """
    if maximum is None or len(text) < 2 * maximum:
        return text, 0
    # Long tags are common (an SVG path, JSON in a data attribute); tags past the bound are
    # not: find the long ones with the quick scan, count their attributes, and rewrite the
    # page only when one has too many.
    whole = _whole_tag(2 * maximum)
    pieces: list[str] = []
    position = dropped = 0
    for start in _long_tag_starts(text, 2 * maximum):
        tag = whole.match(text, start)
        if tag is None:  # pragma: no cover - start matched, so whole does
            continue
        attributes = _ATTRIBUTE.findall(tag.group(2))
        if len(attributes) <= maximum:
            continue
        dropped += len(attributes) - maximum
        pieces += [
            text[position : tag.start()],
            f"<{tag.group(1)} {' '.join(attributes[:maximum])}",
        ]
        position = tag.end()
    if not dropped:
        return text, 0
    pieces.append(text[position:])
    return "".join(pieces), dropped
