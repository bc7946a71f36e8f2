"""Fuzz the single-document way in (#13): ``newscorpus.parse`` of any bytes, under any name,
through the one sniffing rule (compression opened, text or ``NotTextError``, HTML told by
content, lone surrogates repaired): ``python fuzz/fuzz_open.py -max_total_time=60``.

The first byte picks the file name; the rest is the file. ``parse`` must give an Article or
raise a ``NewsCorpusError`` (``NotTextError``, ``InputError`` for a container or broken
compressed data, ``LimitError``...); anything else is a finding. A second input, the bytes
decoded with surrogates kept, checks the ``str`` path and that every record encodes as UTF-8.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    import newscorpus
    from newscorpus import Limits, NewsCorpusError

from _common import FUZZ_LIMITS_KWARGS, run

LIMITS = Limits(**FUZZ_LIMITS_KWARGS, max_attributes=50)  # type: ignore[arg-type]
NAMES = ("a.txt", "a.html", "a.html.gz", "a.txt.bz2", "a.xz", "a.zip", "a.jsonl", "noext")
FOLDER = Path(tempfile.mkdtemp(prefix="newscorpus-fuzz-open-"))


def _check(source: str | bytes | Path) -> None:
    try:
        article = newscorpus.parse(source, limits=LIMITS)
    except NewsCorpusError:
        return
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")


def test_one_input(data: bytes) -> None:
    """Parse the bytes as a named file, as bytes, and as text with lone surrogates."""
    if not data:
        return
    path = FOLDER / NAMES[data[0] % len(NAMES)]
    path.write_bytes(data[1:])
    try:
        _check(path)
    finally:
        os.unlink(path)
    _check(data[1:])
    _check(data[1:].decode("utf-8", "surrogateescape"))  # undecodable bytes: lone surrogates


if __name__ == "__main__":
    run(test_one_input)
