"""A candidate value for a field, where it came from, and the trust of its source (the order
of the sources in :mod:`newscorpus.metadata.page`)."""

from __future__ import annotations

from typing import Any, NamedTuple


class Item(NamedTuple):
    """A candidate value: where it came from, the raw value, and its source's trust (lower is
    more trusted: 0 JSON-LD, 1 OpenGraph, 2 Twitter, 3 meta, 4 microdata, 5 author links,
    6 ``<time>``, 7 the document and its URL)."""

    source: str
    value: Any
    rank: int


JSON_LD, _OPENGRAPH, _TWITTER, _META, MICRODATA, AUTHOR_LINK, TIME, DOCUMENT = range(8)


def meta_item(key: str, value: Any) -> Item:
    if key.startswith(("og:", "article:")):
        rank = _OPENGRAPH
    elif key.startswith("twitter:"):
        rank = _TWITTER
    else:
        rank = _META
    return Item(f"meta:{key}", value, rank)
