"""Elements with too many attributes, cut down before libxml2 sees them.

libxml2 checks each new attribute of an element against the ones before it, so a tag with
200,000 attributes takes the whole time limit (lxml alone: 3.7 s for 40,000). A page's markup
(the UTF-8 bytes libxml2 is given) is scanned once for tags long enough to hold more than
``Limits.max_attributes`` attributes (two bytes each at least: a space and a name), and only
those tags are rewritten with their first attributes; how many went is returned, for the
article's ``attributes-dropped`` warning. Attributes are told apart by ASCII whitespace, as
libxml2 tells them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache

__all__ = ["bound_attributes"]

#: The letters a tag's name starts with.
_LETTERS = frozenset(string.ascii_letters.encode())
#: One attribute in a start tag: a name, and a quoted or bare value.
_ATTRIBUTE = re.compile(rb"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?""")
_OPEN = ord("<")


@cache
def _whole_tag(length: int) -> re.Pattern[bytes]:
    """A tag with ``length`` bytes at least after its first letter: its name, then the rest."""
    return re.compile(b"<([A-Za-z][^\\s<>/]*)([^<>]{%d,})" % length)


def _long_tag_starts(markup: bytes, length: int) -> Iterator[int]:
    """Where the tags start that have ``length`` bytes at least after their first letter (an
    ASCII letter, then no ``<`` or ``>``). Only the runs between two ``<`` longer than
    ``length`` are looked at, found with numpy in one pass over the bytes (splitting the page
    at each ``<`` took four times as long, 3 % of a page's parse).

    >>> list(_long_tag_starts(b"<p>Hi</p><div a=1 b=2>x</div>", 8))
    [9]
    """
    import numpy as np  # here: importing newscorpus imports no numpy (a second for a CLI call)

    opens = np.flatnonzero(np.frombuffer(markup, dtype=np.uint8) == _OPEN)
    # the run after each "<" ends at the next one, or at the end of the page
    runs = np.diff(opens, append=len(markup)) - 1
    for start in opens[runs > length].tolist():
        if markup[start + 1] in _LETTERS and markup.find(b">", start + 2, start + 2 + length) < 0:
            yield start


def bound_attributes(markup: bytes, maximum: int | None) -> tuple[bytes, int]:
    """``markup`` with every element cut to its first ``maximum`` attributes, and how many
    attributes were dropped (``None``: no bound).

    >>> bound_attributes(b'<p a=1 b="2" c>Hi</p>', 2)
    (b'<p a=1 b="2">Hi</p>', 1)
    >>> bound_attributes(b"<p a=1>Hi</p>", 2)
    (b'<p a=1>Hi</p>', 0)
    """
    if maximum is None or len(markup) < 2 * maximum:
        return markup, 0
    # Long tags are common (an SVG path, JSON in a data attribute); tags past the bound are
    # not: find the long ones with the quick scan, count their attributes, and rewrite the
    # page only when one has too many.
    whole = _whole_tag(2 * maximum)
    pieces: list[bytes] = []
    position = dropped = 0
    for start in _long_tag_starts(markup, 2 * maximum):
        tag = whole.match(markup, start)
        if tag is None:  # pragma: no cover - start matched, so whole does
            continue
        attributes = _ATTRIBUTE.findall(tag.group(2))
        if len(attributes) <= maximum:
            continue
        dropped += len(attributes) - maximum
        pieces += [
            markup[position : tag.start()],
            b"<%s %s" % (tag.group(1), b" ".join(attributes[:maximum])),
        ]
        position = tag.end()
    if not dropped:
        return markup, 0
    pieces.append(markup[position:])
    return b"".join(pieces), dropped
