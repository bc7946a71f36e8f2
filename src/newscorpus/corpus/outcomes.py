"""One document's outcome in a corpus run: its record, or an error entry saying why not.

The local runner (:mod:`newscorpus.corpus.runner`) and the cluster runner both turn every read
item into exactly one outcome with these functions, so both write the same records and the same
error entries for the same inputs.

An outcome is ``{"source": ..., "record": {...}}`` or ``{"source": ..., "error": {...}}``; an
error entry is one JSON object with ``source``, ``origin`` (path, member, line, offset),
``error`` (the exception's type name), ``message`` and ``internal`` (true for an unexpected
exception inside newscorpus: a bug).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from attrs import evolve

from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem

if TYPE_CHECKING:
    from newscorpus.cleaning import Pipeline

__all__ = ["Outcome", "error_outcome", "outcome_of", "parse_one", "warm_up"]

Outcome = dict[str, Any]
"""One document's outcome: ``{"source", "record"}`` or ``{"source", "error"}``."""


def error_outcome(origin: Origin, error: str, message: str, *, internal: bool = False) -> Outcome:
    """The outcome of a document that became no record: ``error`` names the failure.

    ``internal`` is true only for an unexpected exception inside newscorpus (a bug worth
    reporting, with the input that caused it).

    >>> entry = error_outcome(Origin("a.txt"), "InputError", "empty file")["error"]
    >>> entry["source"], entry["error"], entry["origin"]["path"], entry["internal"]
    ('a.txt', 'InputError', 'a.txt', False)
    """
    source = str(origin)
    entry = {
        "source": source,
        "origin": {
            "path": origin.path,
            "member": origin.member,
            "line": origin.line,
            "offset": origin.offset,
        },
        "error": error,
        "message": message,
        "internal": internal,
    }
    return {"source": source, "error": entry}


def parse_one(
    item: ReadDocument, parse_format: str | None = None, pipeline: Pipeline | None = None
) -> Outcome:
    """Parse one read document into its outcome; never raises for a bad document.

    ``parse_format`` forces a parser by name instead of choosing one for the document;
    ``pipeline`` cleans it (``None``: the default pipeline). The record is the one
    :func:`newscorpus.parse` gives for the same document and pipeline
    (:func:`~newscorpus.parsing.parse_document` does both).

    >>> from newscorpus.formats import RawDocument
    >>> text = "The council met on Monday to vote on the budget."
    >>> document = ReadDocument(RawDocument(text, source="a.txt"), Origin("a.txt"))
    >>> parse_one(document)["record"]["text"]
    'The council met on Monday to vote on the budget.'
    >>> parse_one(document, parse_format="no-such-format")["error"]["error"]
    'UnknownFormatError'
    """
    from newscorpus.errors import NewsCorpusError
    from newscorpus.parsing import parse_document

    document = item.document
    if parse_format is not None:
        document = evolve(document, format=parse_format)
    try:
        record = parse_document(document, pipeline).to_dict()
    except Exception as error:  # a bad document, or a bug: recorded, and the run goes on
        if isinstance(error, NewsCorpusError):
            message, internal = error.message, False
        elif isinstance(error, MemoryError):  # the input is too big for the memory there is
            message = "out of memory parsing the document (a memory limit, or a huge input)"
            internal = False
        else:
            message, internal = str(error), True
        name = type(error).__name__
        return error_outcome(item.origin, name, message or name, internal=internal)
    return {"source": item.source, "record": record}


def outcome_of(
    item: ReadItem, parse_format: str | None = None, pipeline: Pipeline | None = None
) -> Outcome:
    """The outcome of any read item: a read error's entry, or the parse of a document
    (:func:`parse_one`).

    >>> missing = ReadFailure(Origin("gone.txt"), "FileNotFoundError", "no such file")
    >>> outcome_of(missing)["error"]["error"]
    'FileNotFoundError'
    """
    if isinstance(item, ReadFailure):
        return error_outcome(item.origin, item.error, item.message)
    return parse_one(item, parse_format, pipeline)


_WARM_UP_TEXT = (
    "Warm-up\n\nThe language model, the stopword lists and the phrase tables are loaded once "
    "by parsing this short text, before the worker processes are forked from this one.\n"
)


def warm_up() -> None:
    """Load what parsing needs (language model, stopwords, phrase tables, the HTML parser), so
    that worker processes forked afterwards share it instead of each loading its own.

    >>> warm_up()
    """
    from newscorpus.formats.base import RawDocument

    for text, format in ((_WARM_UP_TEXT, "dump"), (f"<p>{_WARM_UP_TEXT}</p>", "html")):
        parse_one(ReadDocument(RawDocument(text, format=format), Origin("warm-up")))
