"""Cutting a line into the tokens the date grammar reads, in one linear pass.

A token is a run of digits (any script's), a word, one Han or kana character (those scripts
put no spaces between words, so each character stands alone and phrases such as 星期一 are
matched as runs of adjacent tokens), a Hangul date mark right after a number (2019년), or any
other single visible character. Whitespace is never a token: two tokens are *adjacent* when
nothing separates them. The grammar only ever looks a bounded number of tokens ahead, so
reading a line is linear in its length whatever it holds.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Generic, NamedTuple, TypeVar

from newscorpus.metadata._text import CJK_CHARS, fold

__all__ = ["NUM", "SYM", "WORD", "Phrases", "Token", "adjacent", "lookup", "number", "tokenize"]

NUM, WORD, SYM = 0, 1, 2

# Combining marks that belong inside words (Python's \w leaves them out): Latin in NFD form,
# Cyrillic, Hebrew points, Arabic harakat, Devanagari vowel signs.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u0900-\u0903\u093a-\u094f\u0951-\u0957"
    "\u0962\u0963"
)
_TOKEN = re.compile(
    rf"""
    (?P<num>\d+)
    |(?P<mark>(?:(?<=\d)|(?<=\d\s))[년월일시분초])
    |(?P<cjk>[{CJK_CHARS}])
    |(?P<word>(?:[^\W\d_{CJK_CHARS}]|[{_MARKS}])+\.?)
    |(?P<sym>\S)
    """,
    re.VERBOSE,
)
_KINDS = {"num": NUM, "mark": WORD, "cjk": WORD, "word": WORD, "sym": SYM}

V = TypeVar("V")


#: Builds a :class:`Token` from its four fields without the named tuple's constructor, a
#: Python-level function that costs a sixth of tokenizing a line.
_new_token = tuple.__new__


class Token(NamedTuple):
    """One token: its kind (:data:`NUM`, :data:`WORD` or :data:`SYM`), text and offsets."""

    kind: int
    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The folded text, for word-list lookups."""
        return fold(self.text)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` in order.

    >>> [t.text for t in tokenize("Nov. 19, 2019 8:03am")]
    ['Nov.', '19', ',', '2019', '8', ':', '03', 'am']
    >>> [t.text for t in tokenize("2019年11月18日星期一")]
    ['2019', '年', '11', '月', '18', '日', '星', '期', '一']
    """
    return [
        _new_token(
            Token, (_KINDS[match.lastgroup or "sym"], match.group(), match.start(), match.end())
        )
        for match in _TOKEN.finditer(text)
    ]


def adjacent(tokens: list[Token], index: int) -> bool:
    """Whether ``tokens[index]`` touches the token before it (no space between).

    >>> tokens = tokenize("18.11. 2019")
    >>> adjacent(tokens, 1), adjacent(tokens, 4)
    (True, False)
    """
    return 0 < index < len(tokens) and tokens[index].start == tokens[index - 1].end


def number(tokens: list[Token], index: int, min_digits: int, max_digits: int) -> int | None:
    """The value of ``tokens[index]`` when it is a number of ``min_digits`` to ``max_digits``
    digits, else None. (Long digit runs are never converted, so a line of a million digits
    costs nothing.)

    >>> tokens = tokenize("18 2019")
    >>> number(tokens, 0, 1, 2), number(tokens, 1, 1, 2), number(tokens, 1, 4, 4)
    (18, None, 2019)
    """
    if index >= len(tokens):
        return None
    token = tokens[index]
    if token.kind != NUM or not min_digits <= len(token.text) <= max_digits:
        return None
    return int(token.text)


class Phrases(dict[str, V], Generic[V]):
    """A table of folded phrases that also knows every prefix of its keys, so that a lookup
    stops at the first token that cannot start (or continue) a phrase."""

    def __init__(self, items: Mapping[str, V]) -> None:
        super().__init__(items)
        self.prefixes = frozenset(key[:size] for key in self for size in range(1, len(key) + 1))


def lookup(
    tokens: list[Token], index: int, table: Phrases[V], max_tokens: int
) -> tuple[V, int] | None:
    """The value of the longest phrase of up to ``max_tokens`` word-like tokens starting at
    ``index`` that is a key of ``table``, with the index after it; None when none is.

    A phrase is its tokens' text, joined without a space where they touch and with one space
    where they do not, then folded: 星期一 is three adjacent tokens, "segunda-feira" three.

    >>> lookup(tokenize("星期一 上午"), 0, Phrases({"星期一": "monday"}), 3)
    ('monday', 3)
    """
    end = min(len(tokens), index + max_tokens)
    if index >= end or tokens[index].kind != WORD:
        return None
    parts = [tokens[index].text]
    key = fold(parts[0])
    if key not in table.prefixes:
        return None
    found = (table[key], index + 1) if key in table else None
    for position in range(index + 1, end):
        token = tokens[position]
        if token.kind == NUM:
            break
        parts.append(token.text if adjacent(tokens, position) else " " + token.text)
        key = fold("".join(parts))
        if key not in table.prefixes:
            break
        if key in table:
            found = (table[key], position + 1)
    return found
