"""Fuzz the container readers (gzip, bz2, xz, zip, tar, WARC, JSON Lines, CSV) through
``read_documents``: ``python fuzz/fuzz_readers.py -max_total_time=60``.

The first byte picks the file name the bytes are read under, so every reader is reached; a
reader must yield ReadDocument and ReadFailure items, never raise.
"""

from __future__ import annotations

import os
import tempfile

import atheris

with atheris.instrument_imports():
    from newscorpus import Limits
    from newscorpus.corpus import ReadDocument, ReadFailure, read_documents

from _common import FUZZ_LIMITS_KWARGS, run

LIMITS = Limits(**FUZZ_LIMITS_KWARGS)  # type: ignore[arg-type]
NAMES = (
    "a.txt",
    "a.html",
    "a.gz",
    "a.bz2",
    "a.xz",
    "a.zip",
    "a.tar",
    "a.tar.gz",
    "a.warc",
    "a.warc.gz",
    "a.jsonl",
    "a.csv",
    "a.tsv",
    "a.jsonl.gz",
    "a.zst",
    "noext",
)
FOLDER = tempfile.mkdtemp(prefix="newscorpus-fuzz-")


def test_one_input(data: bytes) -> None:
    """Write the bytes under a chosen name, read them, and check every item's type."""
    if not data:
        return
    path = os.path.join(FOLDER, NAMES[data[0] % len(NAMES)])
    with open(path, "wb") as stream:
        stream.write(data[1:])
    try:
        for item in read_documents(path, limits=LIMITS):
            assert isinstance(item, ReadDocument | ReadFailure), item
            if isinstance(item, ReadDocument):
                item.document.text  # noqa: B018 - decoding must not fail either
    finally:
        os.remove(path)


if __name__ == "__main__":
    run(test_one_input)
