"""Corpora: stream documents out of files, folders, archives, exports and WARCs.

``ReadError`` is the old name of :class:`ReadFailure` (it is not an exception); it still
imports, with a :class:`DeprecationWarning`, and goes in a later release.

>>> from newscorpus.corpus import Origin, read_documents
>>> list(read_documents("no/such/file.txt"))[0].error
'SourceNotFoundError'
"""

import warnings
from typing import Any

from newscorpus.corpus.corpus import Corpus, read_corpus
from newscorpus.corpus.languages import LanguageFilter
from newscorpus.corpus.origin import Origin, ReadDocument, ReadFailure, ReadItem
from newscorpus.corpus.outcomes import Outcome, error_outcome, outcome_of, parse_one
from newscorpus.corpus.readers import Input, detect, expand_inputs, read_documents, read_stream
from newscorpus.corpus.records import FieldMapping
from newscorpus.corpus.runner import RunSummary, run_corpus
from newscorpus.corpus.schema import arrow_schema
from newscorpus.corpus.writers import (
    CorpusWriter,
    CsvWriter,
    JsonLinesWriter,
    ParquetWriter,
    open_writer,
)

__all__ = [
    "Corpus",
    "CorpusWriter",
    "CsvWriter",
    "FieldMapping",
    "Input",
    "JsonLinesWriter",
    "LanguageFilter",
    "Origin",
    "Outcome",
    "ParquetWriter",
    "ReadDocument",
    "ReadFailure",
    "ReadItem",
    "RunSummary",
    "arrow_schema",
    "detect",
    "error_outcome",
    "expand_inputs",
    "open_writer",
    "outcome_of",
    "parse_one",
    "read_corpus",
    "read_documents",
    "read_stream",
    "run_corpus",
]


def __getattr__(name: str) -> Any:
    if name == "ReadError":
        warnings.warn(
            "newscorpus.corpus.ReadError is now ReadFailure (it is not an exception)",
            DeprecationWarning,
            stacklevel=2,
        )
        return ReadFailure
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
