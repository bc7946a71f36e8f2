"""A block's text pieces to one line of text, with the spans its links cover.

The walk collects a block's text as the pieces the markup gives (an element's text, a tail...)
and collapses whitespace once, at the end: ``" ".join("".join(pieces).split())``. A link is a
run of pieces inside one ``<a href>``; :func:`collapse` follows the same collapsing piece by
piece to say where each link's text lands in the block's text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["Span", "collapse"]

#: A link's place in a block's text and its target: ``(start, end, href)``.
Span = tuple[int, int, str]


def collapse(
    pieces: Sequence[str], anchors: Mapping[int, tuple[int, str]]
) -> tuple[str, list[Span]]:
    """The text of ``pieces`` with whitespace collapsed, and the spans of the links in it.

    ``anchors`` maps the index of each piece inside a link to ``(anchor, href)``, ``anchor``
    telling one ``<a>`` element from the next; the pieces of one anchor make one span.

    >>> collapse(["A ", " linked", " word."], {1: (7, "/x")})
    ('A linked word.', [(2, 8, '/x')])
    >>> link = (1, "/r")
    >>> collapse(["  Read ", "the", " ", "full", " report "], {1: link, 2: link, 3: link})
    ('Read the full report', [(5, 13, '/r')])
    """
    length = 0  # of the collapsed text so far
    space = False  # whether whitespace is pending after the text so far
    spans: list[Span] = []
    last_anchor = -1
    for index, piece in enumerate(pieces):
        words = piece.split()
        if not words:
            space = space or (length > 0 and bool(piece))
            continue
        if length and (space or piece[0].isspace()):
            length += 1
        start = length
        length += len(" ".join(words))
        space = piece[-1].isspace()
        anchor = anchors.get(index)
        if anchor is None:
            last_anchor = -1
            continue
        key, href = anchor
        if spans and key == last_anchor:
            spans[-1] = (spans[-1][0], length, href)
        else:
            spans.append((start, length, href))
        last_anchor = key
    return " ".join("".join(pieces).split()), spans
