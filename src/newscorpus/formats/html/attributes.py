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
#: The bytes no attribute name holds (ASCII whitespace, quotes, ``/``, ``=``): a tag holds at
#: most one attribute more than it holds of them (see :func:`_most_attributes`).
_NOT_IN_NAMES = b" \t\n\r\x0b\x0c\"'/="


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


def _most_attributes(markup: bytes, start: int) -> int:
    """At most how many attributes the tag at ``start`` holds, counted in C over its bytes.

    An :data:`_ATTRIBUTE` match starts with a name, so each but the first starts right after a
    byte of :data:`_NOT_IN_NAMES` (skipped, or the quote closing a value) or right after a
    bare value, whose ``=`` is one of them: there is one such byte for each match but the first.

    >>> _most_attributes(b"<p a=1 b='2'>Hi</p>", 0)  # two, at most seven
    7
    """
    end = len(markup)
    for delimiter in b"<>":
        found = markup.find(delimiter, start + 1, end)
        if found >= 0:
            end = found
    tag = markup[start + 1 : end]
    return 1 + len(tag) - len(tag.translate(None, _NOT_IN_NAMES))


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
        if _most_attributes(markup, start) <= maximum:
            continue  # most long tags: a long value (an SVG path, a srcset, JSON)
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
