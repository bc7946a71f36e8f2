"""A page's bytes to text: byte-order mark, then the charset the page declares, then detection.

Browsers read a page's ``<meta charset>`` (or its ``http-equiv`` Content-Type) and map some
labels to the superset they really use (WHATWG Encoding Standard): "iso-8859-1" and "ascii"
are read as windows-1252, "shift_jis" as windows-31J, "gb2312" and "gbk" as GB18030... This
module does the same, with one repair browsers do not make: a page that declares a legacy
charset but is valid UTF-8 with non-ASCII characters in it is UTF-8 (a CMS that moved to UTF-8
and kept its old template), because legacy text is almost never valid UTF-8 by chance.

A page that declares nothing (or declares what its bytes are not) is decoded as any bytes are
(:func:`newscorpus.formats.decode.decode`: UTF-8, then detection), with two differences:
detection reads the page's text without its markup (tags and scripts are ASCII that dilutes
the evidence), and windows-1252, what browsers read an undeclared legacy page as, is kept
when its text holds more stopwords than the detected encoding's (charset-normalizer reads
plain French cp1252 as cp1257: "élčves", "déją").
"""

from __future__ import annotations

import codecs
import re

from newscorpus import tuning
from newscorpus.formats.decode import decode
from newscorpus.formats.sniff import bom_encoding
from newscorpus.metadata.language import detect_language, stopwords

__all__ = ["declared_charset", "decode_page"]

#: What browsers read an undeclared legacy page as (in Western locales): windows-1252.
_BROWSER_DEFAULT = "cp1252"
_WORD = re.compile(r"\w+")
#: Markup that says nothing of the text's encoding: scripts and styles, then tags (each match
#: stops at the next "<" or ">", so that stripping stays linear on any input).
_RAW_TEXT = re.compile(rb"<(script|style)\b")
_TAG = re.compile(rb"<[^<>]*>")
#: ``<meta charset=x>``, ``<meta http-equiv="Content-Type" content="text/html; charset=x">``,
#: and an XML declaration's ``encoding="x"`` (XHTML).
_DECLARATION = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([\w.:-]+)""",
    re.IGNORECASE,
)
#: Python codec names (as :func:`codecs.lookup` gives them) that browsers read as another,
#: wider encoding; a declared UTF-16 is read as UTF-8 (the declaration itself was ASCII).
_BROWSER_CODECS = {
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "utf-16": "utf-8",
    "utf-16-le": "utf-8",
    "utf-16-be": "utf-8",
    "utf-32": "utf-8",
    "utf-32-le": "utf-8",
    "utf-32-be": "utf-8",
}
#: The Python codecs of the encodings a browser knows (WHATWG Encoding Standard), as
#: :func:`codecs.lookup` names them. Any other label is ignored: Python also looks up codecs
#: that are not text encodings ("hex", "base64", "zlib", "rot13", "idna", "punycode"), which a
#: page must never make us decode with.
_BROWSER_ENCODINGS = frozenset(
    {
        "utf-8",
        "ascii",
        "cp866",
        "koi8-r",
        "koi8-u",
        "mac-roman",
        "mac-cyrillic",
        "cp874",
        "tis-620",
        "gbk",
        "gb2312",
        "gb18030",
        "big5",
        "big5hkscs",
        "euc_jp",
        "iso2022_jp",
        "shift_jis",
        "cp932",
        "euc_kr",
        "cp949",
        *(f"iso8859-{number}" for number in range(1, 17) if number != 12),
        *(f"cp{number}" for number in range(1250, 1259)),
        *(f"utf-16{suffix}" for suffix in ("", "-le", "-be")),
        *(f"utf-32{suffix}" for suffix in ("", "-le", "-be")),
    }
)


def declared_charset(payload: bytes) -> str | None:
    """The Python codec for the charset ``payload`` declares near its start, or None.

    >>> declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=latin1">')
    'cp1252'
    >>> declared_charset(b"<meta charset='x-unknown'>"), declared_charset(b"<meta charset=hex>")
    (None, None)
    """
    match = _DECLARATION.search(payload, 0, tuning.HTML_CHARSET_SCAN_BYTES)
    if match is None:
        return None
    label = match.group(1) or match.group(2)
    try:
        name = codecs.lookup(label.decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None
    if name not in _BROWSER_ENCODINGS:
        return None
    return _BROWSER_CODECS.get(name, name)


def decode_page(payload: bytes) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a page's bytes.

    >>> decode_page(b'<meta charset="windows-1250"><p>\\xbf\\xf3\\xb3w')
    ('<meta charset="windows-1250"><p>żółw', 'cp1250')
    >>> decode_page('<meta charset="iso-8859-1"><p>déjà'.encode())[1]
    'utf-8'
    """
    marked = bom_encoding(payload)
    if marked is not None:
        encoding, length = marked
        return payload[length:].decode(encoding, errors="replace"), encoding
    declared = declared_charset(payload)
    if declared is None or declared == "utf-8":
        return _detect(payload)
    if not payload.isascii():
        try:
            return payload.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    try:
        return payload.decode(declared), declared
    except UnicodeDecodeError:
        text = payload.decode(declared, errors="replace")
    if text.count("\ufffd") > len(payload) * tuning.HTML_MAX_MISDECLARED_SHARE:
        return _detect(payload)  # the declaration is wrong: detect instead
    return text, declared


def _detect(payload: bytes) -> tuple[str, str]:
    """Decode as any bytes are (:func:`~newscorpus.formats.decode.decode`), but detect a
    legacy encoding from the page's text without its markup: tags, scripts and styles are
    ASCII that dilutes what detection weighs (a French cp1252 page read as ISO-8859-13)."""
    if payload.isascii():
        return payload.decode("ascii"), "ascii"
    try:
        return payload.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = _text_sample(payload[: tuning.HTML_DETECTION_SAMPLE_BYTES])
    _, encoding = decode(sample)
    if encoding.startswith("utf-8"):
        return decode(payload)
    if encoding != _BROWSER_DEFAULT and _reads_better(sample, _BROWSER_DEFAULT, encoding):
        encoding = _BROWSER_DEFAULT
    return payload.decode(encoding, errors="replace"), encoding


def _text_sample(payload: bytes) -> bytes:
    """``payload`` without its scripts, styles and tags, in one pass."""
    lowered = payload.lower()
    kept: list[bytes] = []
    position = 0
    while (opening := _RAW_TEXT.search(lowered, position)) is not None:
        kept.append(payload[position : opening.start()])
        closing = lowered.find(b"</" + opening.group(1), opening.end())
        if closing < 0:
            position = len(payload)  # the rest is script
            break
        position = closing
    kept.append(payload[position:])
    return _TAG.sub(b" ", b" ".join(kept))


def _reads_better(sample: bytes, first: str, second: str) -> bool:
    """Whether ``sample`` decoded as ``first`` holds more stopwords of its language than
    decoded as ``second`` (mojibake breaks words: "élčves", "déją"), and decodes cleanly."""
    try:
        text = sample.decode(first)
    except UnicodeDecodeError:
        return False
    return _stopword_share(text) > _stopword_share(sample.decode(second, errors="replace"))


def _stopword_share(text: str) -> float:
    words = _WORD.findall(text.lower())
    stops = stopwords(detect_language(text))
    return sum(map(stops.__contains__, words)) / len(words) if words and stops else 0.0
