"""Which parser reads a document: the one named, else the best ``can_parse`` score."""

from __future__ import annotations

from newscorpus.errors import RegistryError, UnknownFormatError
from newscorpus.formats.base import Parser, RawDocument
from newscorpus.formats.dump import DumpParser
from newscorpus.registry import parsers

__all__ = ["choose_parser"]

parsers.register("dump", DumpParser(), origin="builtin")


def choose_parser(document: RawDocument) -> Parser:
    """The parser for ``document``: its declared format by name, else the best-scoring parser.

    Ties go to the parser registered first, so built-in parsers win over plugins that merely
    match as well.

    >>> choose_parser(RawDocument("plain text")).name
    'dump'
    """
    if document.format is not None:
        try:
            return parsers.get(document.format)
        except RegistryError:
            known = ", ".join(parsers.names())
            raise UnknownFormatError(
                f"unknown format {document.format!r} (known: {known})", source=document.source
            ) from None
    best: Parser | None = None
    best_score = float("-inf")
    for registration in parsers:
        score = registration.value.can_parse(document)
        if score > best_score:
            best, best_score = registration.value, score
    if best is None:  # only if every parser was unregistered
        raise UnknownFormatError("no parser is registered", source=document.source)
    return best
