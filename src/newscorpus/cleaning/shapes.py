"""Is this line a byline, a dateline? The metadata readers, behind cheap gates.

The readers in :mod:`newscorpus.metadata` parse a line thoroughly; most lines of a page are
neither bylines nor datelines, and a word count or the absence of digits says so at once.
Every step asks through these functions, so the gates are written once.
"""

from __future__ import annotations

import re

from newscorpus import tuning
from newscorpus.cleaning.features import features
from newscorpus.metadata.bylines import Byline, parse_byline
from newscorpus.metadata.dates import is_dateline

__all__ = ["byline_of", "is_dateline_line"]

#: Every date the readers accept has a year: four digits, two after a numeric day and month,
#: or a CJK year mark. Lines without one are not dates, and are not parsed.
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)|\d[./-]\d{1,2}[./-]\d{2}(?!\d)|年|년")


def byline_of(text: str, language: str | None) -> Byline | None:
    """The byline ``text`` is, or None (a byline is short).

    >>> byline_of("By Sarah E. Needleman", "en").authors
    ('Sarah E. Needleman',)
    """
    if features(text, language).size > tuning.BYLINE_MAX_WORDS:
        return None
    return parse_byline(text)


def is_dateline_line(text: str, language: str | None) -> bool:
    """Whether ``text`` is a line that is only a date (a dateline has digits and few words).

    >>> is_dateline_line("10 Dec 2023", "en"), is_dateline_line("Le Monde", "en")
    (True, False)
    """
    found = features(text, language)
    if (
        found.digit_ratio < tuning.DATELINE_MIN_DIGIT_RATIO
        or found.size > tuning.DATELINE_MAX_WORDS
    ):
        return False
    return bool(_YEAR.search(text)) and is_dateline(text, language=language)
