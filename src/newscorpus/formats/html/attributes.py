"""Elements with too many attributes, cut down before libxml2 sees them.

libxml2 checks each new attribute of an element against the ones before it, so a tag with
200,000 attributes takes the whole time limit (lxml alone: 3.7 s for 40,000). A page's text is
scanned once for tags long enough to hold more than ``Limits.max_attributes`` attributes (two
characters each at least: a space and a name), and only those tags are rewritten with their
first attributes; how many went is returned, for the article's ``attributes-dropped`` warning.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = ["bound_attributes"]

#: One attribute in a start tag: a name, and a quoted or bare value.
_ATTRIBUTE = re.compile(r"""[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?""")


@cache
def _long_tag(length: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The start of a tag with ``length`` characters at least after its first letter (an
    atomic run without ``<`` or ``>``, so that the scan of a normal page is one quick pass),
    and the whole of such a tag: its name, then the rest."""
    start = re.compile(f"<[A-Za-z](?>[^<>]{{{length}}})")
    whole = re.compile(f"<([A-Za-z][^\\s<>/]*)([^<>]{{{length},}})")
    return start, whole


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
    start, whole = _long_tag(2 * maximum)
    pieces: list[str] = []
    position = dropped = 0
    for found in start.finditer(text):
        tag = whole.match(text, found.start())
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
