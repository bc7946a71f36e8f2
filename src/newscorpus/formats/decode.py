"""Bytes to text: byte-order mark, then strict UTF-8, then detection, then a lossy fallback.

Decoding never fails: the last resort is UTF-8 with U+FFFD replacement characters, and the
encoding returned says so (``"utf-8 (replaced)"``), so a corpus can find such documents.
"""

from __future__ import annotations

import codecs

__all__ = ["decode"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Detection reads at most this many bytes: enough for a confident guess on a page.
_DETECTION_SAMPLE = 64 * 1024
#: Below this share of printable characters a detected decoding is not trusted.
_MIN_PRINTABLE_SHARE = 0.95


def decode(payload: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``payload``.

    >>> decode("naïve".encode("utf-8"))
    ('naïve', 'utf-8')
    >>> decode("naïve".encode("cp1252"))[0]
    'naïve'
    """
    for bom, encoding in _BOMS:
        if payload.startswith(bom):
            return payload[len(bom) :].decode(encoding, errors="replace"), encoding
    try:
        return payload.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    detected = _detect(payload)
    if detected is not None:
        try:
            text = payload.decode(detected, errors="replace")
        except LookupError:
            pass
        else:
            if _mostly_printable(text):
                return text, detected
    return payload.decode("utf-8", errors="replace"), "utf-8 (replaced)"


def _detect(payload: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(payload[:_DETECTION_SAMPLE]).best()
    return None if best is None else str(best.encoding)


def _mostly_printable(text: str) -> bool:
    if not text:
        return True
    printable = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return printable / len(text) >= _MIN_PRINTABLE_SHARE
