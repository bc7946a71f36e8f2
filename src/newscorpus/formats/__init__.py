"""Parsers, one per input format, and the rule that picks one for a document.

A parser turns a :class:`RawDocument` into a :class:`~newscorpus.draft.Draft`; it never judges
or removes text (that is the cleaning pipeline's job).
"""

from newscorpus.formats.base import Parser, RawDocument
from newscorpus.formats.dump import DumpParser
from newscorpus.formats.html import HtmlParser
from newscorpus.formats.select import choose_parser
from newscorpus.formats.site import SiteParser, SiteResult, site_parser

__all__ = [
    "DumpParser",
    "HtmlParser",
    "Parser",
    "RawDocument",
    "SiteParser",
    "SiteResult",
    "choose_parser",
    "site_parser",
]
