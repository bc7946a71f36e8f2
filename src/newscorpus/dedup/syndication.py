"""The agency a syndication group names: the one its copies credit most often.

>>> group_agency(["AFP", None, "AFP", "Reuters"])
'AFP'
>>> group_agency([None, None]) is None
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

__all__ = ["group_agency"]


def group_agency(agencies: Iterable[str | None]) -> str | None:
    """The agency credited by the most copies (ties: the alphabetically first), or ``None``
    when no copy credits one."""
    counts = Counter(agency for agency in agencies if agency)
    if not counts:
        return None
    return min(counts, key=lambda agency: (-counts[agency], agency))
