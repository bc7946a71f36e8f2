"""Which record of a group is canonical, and which outlet a record comes from.

The canonical record of a group of duplicates (and the record whose id names a syndication
group or a story) is chosen by one documented rule, the *completeness order*:

1. the most complete body: a body that is not ``truncated`` first, then the one with the most
   distinct shingles;
2. then the earliest ``published`` (a record without a date after every dated one);
3. then the smallest ``id``, so the choice never depends on the order of the input.

>>> import datetime as dt
>>> full = completeness_key(truncated=False, shingles=400, published=None, id="b")
>>> cut = completeness_key(truncated=True, shingles=150, published=dt.date(2023, 1, 1), id="a")
>>> min([cut, full]) == full
True
>>> outlet_of(site_name=None, url="https://www.Example.org/a", publisher=None)
'example.org'
"""

from __future__ import annotations

import datetime as dt
import math
from urllib.parse import urlsplit

__all__ = ["CompletenessKey", "completeness_key", "outlet_of", "timestamp"]

CompletenessKey = tuple[int, int, float, str]


def timestamp(published: dt.date | None) -> float:
    """Seconds since the epoch of ``published`` (a date counts as its midnight, a naive time as
    UTC), or NaN when there is none.

    >>> timestamp(dt.date(1970, 1, 2)), math.isnan(timestamp(None))
    (86400.0, True)
    """
    if published is None:
        return math.nan
    if not isinstance(published, dt.datetime):
        published = dt.datetime(published.year, published.month, published.day)
    if published.tzinfo is None:
        published = published.replace(tzinfo=dt.UTC)
    return published.timestamp()


def completeness_key(
    *, truncated: bool, shingles: int, published: dt.date | float | None, id: str
) -> CompletenessKey:
    """The sort key of the completeness order: the smallest key is the canonical record."""
    moment = published if isinstance(published, float) else timestamp(published)
    return (int(truncated), -shingles, math.inf if math.isnan(moment) else moment, id)


def outlet_of(*, site_name: str | None, url: str | None, publisher: str | None) -> str | None:
    """The outlet a record was captured from: its site name, else its URL's host (without
    ``www.``), else its publisher, case-folded; ``None`` when none is known.

    >>> outlet_of(site_name="Le Monde", url=None, publisher=None)
    'le monde'
    """
    if site_name and site_name.strip():
        return site_name.strip().casefold()
    if url:
        try:
            host = urlsplit(url).hostname
        except ValueError:
            host = None
        if host:
            return host.casefold().removeprefix("www.")
    if publisher and publisher.strip():
        return publisher.strip().casefold()
    return None
