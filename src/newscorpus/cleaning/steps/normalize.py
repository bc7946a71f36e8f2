"""Step ``normalize``: Unicode and whitespace normalisation of every block.

Invisible characters change, visible ones never do: non-breaking and other Unicode spaces
become plain spaces, zero-width characters and soft hyphens go, runs of spaces collapse, and
the text is put in NFC form. Because no visible character changes, these are not recorded as
edits (an edit records a repair a reader could see). A block left empty is dropped.
"""

from __future__ import annotations

import re
import unicodedata

import attrs

from newscorpus.cleaning.declare import cleaning_step
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.article import table_text

__all__ = ["Normalize", "normalize_text"]

_INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e]")
_SPACES = re.compile(r"[^\S\n]+")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def normalize_text(text: str) -> str:
    """Normalise invisible characters and whitespace; visible characters are kept.

    >>> normalize_text("the\\u00a0Nagorno\\u00adKarabakh\\u200b  region ")
    'the NagornoKarabakh region'
    """
    if text.isascii():  # the common case: only spaces and control characters to fix
        if text.isprintable():  # no control characters, and no spaces but " "
            if "  " not in text and text[:1] != " " and text[-1:] != " ":
                return text  # already one space between words
            return " ".join(text.split())
        return " ".join(_CONTROL.sub(" ", text).split())
    text = unicodedata.normalize("NFC", text)
    if not text.isprintable():  # invisible and control characters are all unprintable
        text = _INVISIBLE.sub("", text)
        text = _CONTROL.sub(" ", text)
    if "\n" not in text:  # split() cuts at the runs of spaces that _SPACES replaces
        return " ".join(text.split())
    return _SPACES.sub(" ", text).strip()


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
            text = normalize_text(block.text) if not block.rows else _table_text(block)
            if text:
                block.retext(text)
            else:
                draft.drop(
                    block, "nothing left after removing invisible characters", "normalize.empty"
                )
