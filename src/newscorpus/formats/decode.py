"""Bytes to text: byte-order mark, then strict UTF-8, then detection, then a lossy fallback.

Decoding never fails: the last resort is UTF-8 with U+FFFD replacement characters, and the
encoding returned says so (``"utf-8 (replaced)"``), so a corpus can find such documents.
"""

from __future__ import annotations

import re

from newscorpus.formats.sniff import bom_encoding

__all__ = ["decode"]

#: Detection reads at most this many bytes: enough for a confident guess on a page.
_DETECTION_SAMPLE = 64 * 1024
#: UTF-8 with at most this share of broken bytes is UTF-8 with a few bad bytes, not another
#: encoding (one stray 0xFF in a German page must not turn it all into mojibake).
_MAX_BROKEN_UTF8_SHARE = 0.001
#: Detection results this close in chaos and in coherence are a tie, broken by stopwords
#: (charset-normalizer rates ISO-8859-2 Polish 0.02 less coherent than ISO-8859-3 mojibake).
_TIE_CHAOS = 0.01
_TIE_COHERENCE = 0.05
#: Legacy encodings in the order the web uses them, the last tie-break.
_COMMON_ENCODINGS = (
    "cp1252",
    "iso8859_1",
    "iso8859_15",
    "cp1250",
    "iso8859_2",
    "cp1251",
    "koi8_r",
    "shift_jis",
    "cp932",
    "euc_jp",
    "gb18030",
    "gbk",
    "gb2312",
    "big5",
    "euc_kr",
    "cp949",
    "cp1256",
    "iso8859_6",
    "cp1253",
    "iso8859_7",
    "cp1255",
    "iso8859_8",
    "cp1254",
    "iso8859_9",
    "cp1257",
    "iso8859_13",
    "cp874",
    "tis_620",
    "cp1258",
)
_WORD = re.compile(r"\w+")
#: Below this share of printable characters a detected decoding is not trusted.
_MIN_PRINTABLE_SHARE = 0.95


def decode(payload: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for ``payload``.

    >>> decode("naïve".encode("utf-8"))
    ('naïve', 'utf-8')
    >>> decode("naïve".encode("cp1252"))[0]
    'naïve'
    """
    marked = bom_encoding(payload)
    if marked is not None:
        encoding, length = marked
        return payload[length:].decode(encoding, errors="replace"), encoding
    try:
        return payload.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(payload):
        return payload.decode("utf-8", errors="replace"), "utf-8 (replaced)"
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


def _mostly_utf8(payload: bytes) -> bool:
    """UTF-8 with a few broken bytes: many multi-byte characters decode, very few fail."""
    text = payload.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    multibyte = sum(1 for char in text if ord(char) > 0x7F) - broken
    return multibyte > broken and broken <= max(1, len(payload) * _MAX_BROKEN_UTF8_SHARE)


def _detect(payload: bytes) -> str | None:
    """charset-normalizer's best guess; among near-ties, the decoding whose words are most
    often stopwords of the language they read as (cp1252 French beats cp1250 "trčs")."""
    from charset_normalizer import from_bytes

    sample = payload[:_DETECTION_SAMPLE]
    matches = list(from_bytes(sample))
    if not matches:
        return None
    best = min(matches, key=lambda m: (m.chaos, -m.coherence))
    tied = [
        m
        for m in matches
        if m.chaos <= best.chaos + _TIE_CHAOS and m.coherence >= best.coherence - _TIE_COHERENCE
    ]
    if len(tied) == 1:
        return str(best.encoding)
    return str(
        max(
            tied,
            key=lambda m: (
                _stopword_share(sample.decode(m.encoding, errors="replace")),
                -_rank(m.encoding),
            ),
        ).encoding
    )


def _stopword_share(text: str) -> float:
    from newscorpus.metadata.language import detect_language, stopwords

    words = _WORD.findall(text.lower())
    stops = stopwords(detect_language(text))
    return sum(map(stops.__contains__, words)) / len(words) if words and stops else 0.0


def _rank(encoding: str) -> int:
    try:
        return _COMMON_ENCODINGS.index(encoding)
    except ValueError:
        return len(_COMMON_ENCODINGS)


def _mostly_printable(text: str) -> bool:
    if not text:
        return True
    printable = sum(1 for char in text if char.isprintable() or char in "\n\r\t")
    return printable / len(text) >= _MIN_PRINTABLE_SHARE
