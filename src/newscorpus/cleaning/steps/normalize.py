"""Step ``normalize``: Unicode and whitespace normalisation of every block.

Layout changes, text does not: non-breaking and other Unicode spaces become plain spaces, runs
of spaces collapse, and the text is put in NFC form (canonically the same characters). Four
invisible characters that only hint at layout go (the soft hyphen, the zero-width space, the
word joiner and a byte-order mark inside the text), and control characters become spaces: each
block so changed gets an :class:`~newscorpus.Edit` (``"invisible characters removed"``), so
every change to kept text is on record. The format characters that carry meaning are kept:
the zero-width non-joiner and joiner (Persian "می‌خواهم", emoji sequences such as 🏳️‍🌈),
variation selectors, tag characters, the Mongolian vowel separator and bidirectional marks.
A block left empty is dropped.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from newscorpus.cleaning.declare import cleaning_step
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.article import table_text

__all__ = ["Normalize", "normalize_text"]

#: Invisible characters that only hint at layout: soft hyphen, zero-width space, word joiner,
#: byte-order mark (zero-width no-break space). Never ZWNJ/ZWJ (U+200C/D), U+180E, selectors.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
#: The reason recorded with a block whose invisible or control characters were taken out.
INVISIBLE_REASON = "invisible characters removed"


def normalize_text(text: str) -> str:
    """Normalise invisible characters and whitespace; visible characters are kept.

    >>> normalize_text("the\\u00a0Nagorno\\u00adKarabakh\\u200b  region ")
    'the NagornoKarabakh region'
    >>> normalize_text("می\\u200cخواهم") == "می\\u200cخواهم"  # the joiner is kept
    True
    """
    return _collapse(_repaired(_composed(text)))


def _composed(text: str) -> str:
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def _repaired(text: str) -> str:
    """``text`` without layout-only invisible characters, control characters as spaces."""
    if text.isprintable():  # no control or format character, and no space but " "
        return text
    return _CONTROL.sub(" ", _INVISIBLE.sub("", text))


def _collapse(text: str) -> str:
    """One space between words, none at the ends; line breaks kept."""
    if text.isascii() and text.isprintable():
        if _spaced(text):
            return text  # already one space between words
        return " ".join(text.split())
    if "\n" not in text:  # split() cuts at the runs of spaces that _SPACES replaces
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip()


def _spaced(text: str) -> bool:
    """Whether ``text``, printable ASCII, has one space between words and none at its ends."""
    return "  " not in text and text[:1] != " " and text[-1:] != " "


def _is_normal(text: str) -> bool:
    """Whether :func:`normalize_text` leaves ``text`` as it is and it is not empty: most
    blocks, told at once. Printable text has no invisible, control or line-breaking
    character, and no space but " " (so one space between words is all ``_collapse`` would
    make); ASCII has nothing to compose, and other text is told composed by a quick check."""
    return (
        text.isprintable()
        and bool(text)
        and _spaced(text)
        and (text.isascii() or unicodedata.is_normalized("NFC", text))
    )


def _table_text(block: DraftBlock) -> str:
    """A table's text with each cell normalised apart (its tabs and line ends stay)."""
    text = table_text(
        tuple(attrs.evolve(row, cells=tuple(map(normalize_text, row.cells))) for row in block.rows)
    )
    return text if text.strip() else ""


@cleaning_step(origin="builtin")
class Normalize:
    """Normalise Unicode and whitespace in every block."""

    name: str = "normalize"

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if not block.rows and _is_normal(block.text):
                continue
            if block.rows:  # a table: each cell normalised apart
                text = _table_text(block)
                if text:
                    block.retext(text)
                else:
                    draft.drop(
                        block, "nothing left after removing invisible characters", "normalize.empty"
                    )
                continue
            composed = _composed(block.text)
            repaired = _repaired(composed)
            text = _collapse(repaired)
            if not text:
                draft.drop(
                    block, "nothing left after removing invisible characters", "normalize.empty"
                )
            elif repaired != composed:  # a character went: on record (composing is not)
                block.retext(composed)
                draft.edit(block, text, INVISIBLE_REASON, "normalize.invisible")
            else:  # spaces and canonical composition only
                block.retext(text)
