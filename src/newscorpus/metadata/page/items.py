"""A candidate value for a field, where it came from, and the trust of its source (the order
of the sources in :mod:`newscorpus.metadata.page`)."""

from __future__ import annotations

from typing import Any, NamedTuple


class _Item(NamedTuple):
    """A candidate value: where it came from, the raw value, and its source's trust (lower is
    more trusted: 0 JSON-LD, 1 OpenGraph, 2 Twitter, 3 meta, 4 microdata, 5 author links,
    6 ``<time>``, 7 the document and its URL)."""

    source: str
    value: Any
    rank: int


_JSON_LD, _OPENGRAPH, _TWITTER, _META, _MICRODATA, _AUTHOR_LINK, _TIME, _DOCUMENT = range(8)


def _meta_item(key: str, value: Any) -> _Item:
    if key.startswith(("og:", "article:")):
        rank = _OPENGRAPH
    elif key.startswith("twitter:"):
        rank = _TWITTER
    else:
        rank = _META
    return _Item(f"meta:{key}", value, rank)
