"""Text helpers shared by the metadata extractors: word folding and script tests."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

__all__ = ["CJK_CHARS", "fold", "has_cjk", "is_caseless_word"]

#: Han ideographs and Japanese kana: scripts written without spaces between words.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
_HANGUL_RANGE = (0xAC00, 0xD7AF)


@lru_cache(maxsize=8192)
def fold(word: str) -> str:
    """The form of ``word`` that word lists are compared in: case-folded, without diacritics
    (nonspacing marks), Turkish dotless i read as i, and without a trailing dot.

    >>> fold("Févr."), fold("KASIM"), fold("Kasım"), fold("Mis à jour")
    ('fevr', 'kasim', 'kasim', 'mis a jour')
    """
    if word.isascii():  # no diacritics, and case folding is lower-casing
        return word.lower().rstrip(".")
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    bare = "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
    return unicodedata.normalize("NFC", bare.replace("ı", "i")).rstrip(".")


def has_cjk(text: str) -> bool:
    """Whether ``text`` has a Han, kana or Hangul character.

    >>> has_cjk("新华社"), has_cjk("연합뉴스"), has_cjk("Xinhua")
    (True, True, False)
    """
    for char in text:
        code = ord(char)
        if any(low <= code <= high for low, high in _CJK_RANGES):
            return True
        if _HANGUL_RANGE[0] <= code <= _HANGUL_RANGE[1]:
            return True
    return False


def is_caseless_word(word: str) -> bool:
    """Whether ``word`` starts with a letter of a script without case (Arabic, Hebrew, Han,
    Hangul, Devanagari...), where capitals cannot tell a name from a common word.

    >>> is_caseless_word("محمد"), is_caseless_word("张三"), is_caseless_word("Jean")
    (True, True, False)
    """
    if not word or not word[0].isalpha():
        return False
    first = word[0]
    return first.lower() == first.upper()
