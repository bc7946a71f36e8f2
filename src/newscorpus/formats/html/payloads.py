"""Article HTML that a page carries in a script instead of its markup.

A page built with Next.js's App Router streams its server components to the browser as a
"flight" payload: ``self.__next_f.push([1, "..."])`` scripts whose strings, joined, form rows
``<id>:<type><data>``. A text row (``<id>:T<hex length>,<text>``) holds a long string the
components render, and a CMS's article body arrives there as HTML. When the page renders the
article only in the browser, its markup shows nothing and this row is the article.

Nothing here runs a script: the strings are JSON string literals, read with :func:`json.loads`.
"""

from __future__ import annotations

import json
import re

__all__ = ["flight_html"]

#: One push of the flight payload: its string, a JSON string literal.
_PUSH = re.compile(r'self\.__next_f\.push\(\[1,\s*("(?:[^"\\]|\\.)*")\]\)')
#: A text row's header: its id, ``T``, the text's length in UTF-8 bytes (hex), a comma.
_TEXT_ROW = re.compile(rb"([0-9a-f]+):T([0-9a-f]{1,8}),")
#: A text row that is HTML with paragraphs, not a string of another kind.
_PARAGRAPH = re.compile(rb"<p[\s>]")


def flight_html(page: str) -> str | None:
    """The longest text row of a Next.js flight payload that is HTML with paragraphs, or None.

    >>> row = "<p>The article.</p>"
    >>> page = '<script>self.__next_f.push([1,"a:T%x,%s"])</script>' % (len(row), row)
    >>> flight_html(page)
    '<p>The article.</p>'
    >>> flight_html("<p>No payload.</p>") is None
    True
    """
    if "self.__next_f" not in page:
        return None
    pieces: list[str] = []
    for literal in _PUSH.findall(page):
        try:
            pieces.append(json.loads(literal))
        except ValueError:
            continue
    stream = "".join(pieces).encode("utf-8", errors="replace")
    best: bytes | None = None
    for row in _TEXT_ROW.finditer(stream):
        text = stream[row.end() : row.end() + int(row.group(2), 16)]
        if _PARAGRAPH.search(text) and (best is None or len(text) > len(best)):
            best = text
    return best.decode("utf-8", errors="replace") if best is not None else None
