"""Corpora: stream documents out of files, folders, archives, exports and WARCs.

>>> from newscorpus.corpus import Origin, read_documents
>>> list(read_documents("no/such/file.txt"))[0].error
'FileNotFoundError'
"""

from newscorpus.corpus.corpus import Corpus, read_corpus
from newscorpus.corpus.origin import Origin, ReadDocument, ReadError, ReadItem
from newscorpus.corpus.outcomes import Outcome, error_outcome, outcome_of, parse_one
from newscorpus.corpus.readers import Input, detect, read_documents
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
    "Origin",
    "Outcome",
    "ParquetWriter",
    "ReadDocument",
    "ReadError",
    "ReadItem",
    "RunSummary",
    "arrow_schema",
    "detect",
    "error_outcome",
    "open_writer",
    "outcome_of",
    "parse_one",
    "read_corpus",
    "read_documents",
    "run_corpus",
]
