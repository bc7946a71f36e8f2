"""What a payload is before any parser sees it: a byte-order mark, text or not, lone surrogates.

One rule for every way in (:func:`newscorpus.parse`, ``newscorpus show``, the corpus runners):

* a byte-order mark names the Unicode encoding, UTF-32 before UTF-16 (the UTF-32-LE mark
  ``FF FE 00 00`` starts with UTF-16-LE's ``FF FE``);
* bytes that are not text (an image, a PDF, a program, random data) raise
  :class:`~newscorpus.NotTextError` instead of becoming an "article" of mojibake: a known
  binary signature, or control bytes that no text encoding uses in the first few kilobytes;
* a ``str`` payload may hold lone surrogates (half of a UTF-16 pair, from a JSON ``"\\ud800"``
  escape), which are not characters and cannot be written as UTF-8: they are replaced with
  U+FFFD, and the parse records an :class:`~newscorpus.Edit` saying so.
"""

from __future__ import annotations

import codecs
import re

from newscorpus import tuning
from newscorpus.errors import NotTextError
from newscorpus.models.article import Edit

__all__ = ["bom_encoding", "check_text", "replace_surrogates"]

#: Byte-order marks, longest first: UTF-32-LE's mark begins with UTF-16-LE's.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Signatures of common binary files (compressed files and archives are opened by the readers
#: before a payload gets here, so they are not listed).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"MZ\x90\x00", "a Windows executable"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE (old Office) document"),
    (b"OggS", "an Ogg stream"),
    (b"ID3", "an MP3 file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
#: Bytes no text encoding puts in text: C0 controls but tab, line ends, form feed and escape
#: (ISO-2022-JP's shifts), and DEL.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_NOT_CONTROL = bytes(byte for byte in range(256) if byte not in _CONTROL_BYTES)
_SURROGATE = re.compile("[\ud800-\udfff]")


def bom_encoding(payload: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark names and the mark's length, or None; UTF-16 without a
    mark is told by its NUL bytes, all at odd or all at even offsets (mark length 0).

    >>> bom_encoding(b"\\xff\\xfe\\x00\\x00A\\x00\\x00\\x00"), bom_encoding(b"\\xff\\xfeA\\x00")
    (('utf-32-le', 4), ('utf-16-le', 2))
    >>> bom_encoding("Unmarked UTF-16".encode("utf-16-be"))
    ('utf-16-be', 0)
    """
    for bom, encoding in _BOMS:
        if payload.startswith(bom):
            return encoding, len(bom)
    return _unmarked_utf16(payload[: tuning.TEXT_SNIFF_BYTES])


def _unmarked_utf16(head: bytes) -> tuple[str, int] | None:
    """UTF-16 of mostly Latin, Greek or Cyrillic text without a byte-order mark: one byte of
    nearly every pair is NUL, always the same one (binary data has NULs at both offsets)."""
    if len(head) < 8 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    pairs = len(head) // 2
    if odd >= pairs * tuning.UTF16_MIN_NUL_SHARE and even == 0:
        return "utf-16-le", 0
    if even >= pairs * tuning.UTF16_MIN_NUL_SHARE and odd == 0:
        return "utf-16-be", 0
    return None


def check_text(payload: bytes, *, source: str | None = None) -> None:
    """Raise :class:`~newscorpus.NotTextError` unless ``payload`` may be text.

    >>> check_text("Un café, s'il vous plaît.".encode("cp1252"))
    >>> check_text(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3")
    Traceback (most recent call last):
    ...
    newscorpus.errors.NotTextError: the bytes are not text (a PDF document)
    """
    if bom_encoding(payload) is not None:
        return
    for signature, what in _SIGNATURES:
        if payload.startswith(signature):
            raise NotTextError(f"the bytes are not text ({what})", source=source)
    head = payload[: tuning.TEXT_SNIFF_BYTES]
    controls = len(head.translate(None, _NOT_CONTROL))
    if controls and controls > len(head) * tuning.TEXT_MAX_CONTROL_SHARE:
        share = f"{controls / len(head):.0%}"
        raise NotTextError(
            f"the bytes are not text ({share} of the first {len(head)} bytes are control "
            "bytes no text encoding uses)",
            source=source,
        )


def replace_surrogates(text: str) -> tuple[str, Edit | None]:
    """``text`` with every lone surrogate replaced by U+FFFD, and the edit that says so (None
    when there was none). A surrogate is not a character and cannot be stored, so the edit's
    ``before`` spells the first one as its escape.

    >>> text, edit = replace_surrogates("A story \\ud800.")
    >>> text, edit.before, edit.reason
    ('A story \\ufffd.', '\\\\ud800', 'lone surrogate replaced with U+FFFD (1 in the document)')
    """
    if text.isascii():
        return text, None
    first = _SURROGATE.search(text)
    if first is None:
        return text, None
    replaced, count = _SURROGATE.subn("\ufffd", text)
    reason = f"lone surrogate replaced with U+FFFD ({count} in the document)"
    before = f"\\u{ord(first.group()):04x}"
    edit = Edit(before, "\ufffd", reason, "parser", "parser.lone-surrogate")
    return replaced, edit
