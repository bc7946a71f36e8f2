"""Metadata in single lines of text, in many languages: dates, datelines, bylines, agencies;
and the metadata an HTML page declares about itself (:func:`page_metadata`).

The line functions are pure functions of a line (no network, no state) that the cleaning steps
call; their word lists live in ``newscorpus/metadata/data/`` so that a language is added by
editing data. :func:`page_metadata` (from :mod:`newscorpus.metadata.page`, whose ``_``-prefixed
modules are private) reads the tree the HTML parser built. This module is the front door: the
modules starting with ``_`` are not part of the public API.

>>> from newscorpus.metadata import find_dates, parse_byline, find_agency
>>> find_dates("Publié le 18 novembre 2019 à 10h31")[0].value.isoformat()
'2019-11-18T10:31:00'
>>> parse_byline("Von Hans Müller").authors, find_agency("(Reuters) — Talks stalled")
(('Hans Müller',), 'Reuters')
"""

from newscorpus.metadata.agencies import agency_named, find_agencies, find_agency
from newscorpus.metadata.bylines import Byline, parse_byline
from newscorpus.metadata.dates import (
    DateLabel,
    FoundDate,
    date_label,
    find_dates,
    is_dateline,
    label_dates,
)
from newscorpus.metadata.page import PageMetadata, page_metadata

__all__ = [
    "Byline",
    "DateLabel",
    "FoundDate",
    "PageMetadata",
    "agency_named",
    "date_label",
    "find_agencies",
    "find_agency",
    "find_dates",
    "is_dateline",
    "label_dates",
    "page_metadata",
    "parse_byline",
]
