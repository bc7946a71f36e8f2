"""Fuzz decoding (BOM, UTF-8, detection, fallback): ``python fuzz/fuzz_decode.py``.

Decoding never fails: any exception is a finding.
"""

from __future__ import annotations

import atheris

with atheris.instrument_imports():
    from newscorpus.formats.decode import decode
    from newscorpus.formats.html.encoding import decode_page

from _common import run


def test_one_input(data: bytes) -> None:
    """Decode the bytes as a document and as a page; both must give text."""
    text, encoding = decode(data)
    assert isinstance(text, str)
    assert encoding
    page, _ = decode_page(data)
    assert isinstance(page, str)


if __name__ == "__main__":
    run(test_one_input)
