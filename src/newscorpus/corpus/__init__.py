"""Corpora: stream documents out of files, folders, archives, exports and WARCs.

>>> from newscorpus.corpus import Origin, read_documents
>>> list(read_documents("no/such/file.txt"))[0].error
'FileNotFoundError'
"""

from newscorpus.corpus.origin import Origin, ReadDocument, ReadError, ReadItem
from newscorpus.corpus.readers import Input, detect, read_documents
from newscorpus.corpus.records import FieldMapping

__all__ = [
    "FieldMapping",
    "Input",
    "Origin",
    "ReadDocument",
    "ReadError",
    "ReadItem",
    "detect",
    "read_documents",
]
