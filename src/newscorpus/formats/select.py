"""Which parser reads a document.

In order: the parser named by the document's declared format; else a site parser whose
domains or URL patterns match the document's URL; else the parser whose ``can_parse`` scores
the document best; the dump parser is the fallback that scores any text a little.
"""

from __future__ import annotations

from newscorpus.errors import RegistryError, UnknownFormatError
from newscorpus.formats.base import Parser, RawDocument
from newscorpus.formats.dump import DumpParser
from newscorpus.formats.html import HtmlParser
from newscorpus.registry import parsers

__all__ = ["choose_parser"]

parsers.register("dump", DumpParser(), origin="builtin")
parsers.register("html", HtmlParser(), origin="builtin")


def choose_parser(document: RawDocument) -> Parser:
    """The parser for ``document``: its declared format by name, else a site parser matching
    its URL, else the best-scoring parser.

    Ties go to the parser registered first, so built-in parsers win over plugins that merely
    match as well; among site parsers, the first registered that matches wins.

    >>> choose_parser(RawDocument("plain text")).name
    'dump'
    >>> choose_parser(RawDocument(b"<!doctype html><title>A page</title>")).name
    'html'
    """
    if document.format is not None:
        try:
            return parsers.get(document.format)
        except RegistryError:
            known = ", ".join(parsers.names())
            raise UnknownFormatError(
                f"unknown format {document.format!r} (known: {known})", source=document.source
            ) from None
    registrations = list(parsers)
    if document.url:
        for registration in registrations:
            matches = getattr(registration.value, "matches", None)
            if callable(matches) and matches(document.url):
                return registration.value
    best: Parser | None = None
    best_score = float("-inf")
    for registration in registrations:
        score = registration.value.can_parse(document)
        if score > best_score:
            best, best_score = registration.value, score
    if best is None:  # only if every parser was unregistered
        raise UnknownFormatError("no parser is registered", source=document.source)
    return best
