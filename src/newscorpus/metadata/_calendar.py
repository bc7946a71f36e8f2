"""The date grammar: a day, a month and a year at a given token, in the orders and forms news
pages write them.

Forms, each tried at a token (first match wins):

- numeric: ``2019-11-18``, ``2019/11/18``, ``2019. 11. 18.``, ``18/11/2019``, ``18.11.2019``,
  ``18. 11. 2019``, ``18-11-2019``, ``11/18/2019``, ``18/11/19``, ``18.11.19``;
- CJK: ``2019年11月18日``, ``2019년 11월 18일``;
- day month year: ``18 November 2019``, ``18. November 2019``, ``18th of November, 2019``,
  ``18 de noviembre de 2019``, ``1er décembre 2019``, ``18-Nov-2019``, ``18 listopada 2019 r.``,
  ``ngày 18 tháng 11 năm 2019``;
- month day year: ``Nov. 19, 2019``, ``November 18th 2019``;
- year month day: ``2019. november 18.``.

A year has four digits (1000-2999) except in the numeric forms with ``/`` or ``.``, where two
digits read as 2000-2069 or 1970-1999. Impossible dates (30 February) are no match. Every
form looks a bounded number of tokens ahead.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from newscorpus import tuning
from newscorpus.metadata._lexicon import Lexicon
from newscorpus.metadata._tokens import NUM, SYM, WORD, Token, adjacent, lookup, number

__all__ = ["DateParts", "date_at", "is_valid_date"]

_NUMERIC_SEPARATORS = frozenset("/.-")


class DateParts(NamedTuple):
    """A date found at a token: its fields, the token index after it, and for numeric dates
    how the day and month were told apart."""

    year: int
    month: int
    day: int
    end: int
    #: Numeric date whose first two numbers are both 12 or less: read day first for now.
    ambiguous: bool = False
    #: For numeric dates that are not ambiguous: "dm" (18/11) or "md" (11/18).
    order: str | None = None


def is_valid_date(year: int, month: int, day: int) -> bool:
    """Whether the fields make a real date in the years dates are read in.

    >>> is_valid_date(2019, 2, 28), is_valid_date(2019, 2, 30), is_valid_date(20, 1, 1)
    (True, False, False)
    """
    if not tuning.DATE_MIN_YEAR <= year <= tuning.DATE_MAX_YEAR:
        return False
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def date_at(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> DateParts | None:
    """The date that starts at ``tokens[index]``, or None.

    >>> from newscorpus.metadata._lexicon import lexicon
    >>> from newscorpus.metadata._tokens import tokenize
    >>> date_at(tokenize("18 de noviembre de 2019"), 0, lexicon(), None)[:4]
    (2019, 11, 18, 5)
    """
    kind = tokens[index].kind
    if kind == NUM:
        return (
            _numeric(tokens, index)
            or _cjk(tokens, index, words)
            or _day_month_year(tokens, index, words, language)
            or _year_month_day(tokens, index, words, language)
        )
    if kind == WORD:
        return _month_day_year(tokens, index, words, language)
    return None


def _checked(
    year: int, month: int, day: int, end: int, *, ambiguous: bool = False, order: str | None = None
) -> DateParts | None:
    if not is_valid_date(year, month, day):
        return None
    return DateParts(year, month, day, end, ambiguous, order)


def _is_sym(tokens: list[Token], index: int, chars: str | frozenset[str]) -> bool:
    return index < len(tokens) and tokens[index].kind == SYM and tokens[index].text in chars


def _is_word(tokens: list[Token], index: int, keys: frozenset[str]) -> bool:
    return index < len(tokens) and tokens[index].kind == WORD and tokens[index].key in keys


def _glued_number_before(tokens: list[Token], index: int, separators: str) -> bool:
    """Whether a number and a separator touch ``tokens[index]`` from the left (18.11 in
    1.18.11.2019, 10:18 before "November 2019")."""
    return (
        index >= 2
        and adjacent(tokens, index)
        and _is_sym(tokens, index - 1, separators)
        and adjacent(tokens, index - 1)
        and tokens[index - 2].kind == NUM
    )


def _glued_number_after(tokens: list[Token], index: int, separators: str) -> bool:
    """Whether a separator and a number touch the token before ``index`` from the right."""
    return (
        adjacent(tokens, index)
        and _is_sym(tokens, index, separators)
        and index + 1 < len(tokens)
        and adjacent(tokens, index + 1)
        and tokens[index + 1].kind == NUM
    )


def _skip(tokens: list[Token], index: int, syms: str, words: frozenset[str], limit: int) -> int:
    steps = 0
    while steps < limit and (_is_sym(tokens, index, syms) or _is_word(tokens, index, words)):
        index += 1
        steps += 1
    return index


def _numeric(tokens: list[Token], index: int) -> DateParts | None:
    first = tokens[index].text
    if len(first) not in (1, 2, 4) or index + 4 >= len(tokens):
        return None
    separator = tokens[index + 1].text
    if separator not in _NUMERIC_SEPARATORS or not _is_sym(tokens, index + 1, separator):
        return None
    loose = separator == "."  # 18. 11. 2019 and 2019. 11. 18. put spaces after the dots
    if not adjacent(tokens, index + 1) or _glued_number_before(tokens, index, separator):
        return None
    middle = number(tokens, index + 2, 1, 2)
    last = tokens[index + 4]
    if (
        middle is None
        or not (loose or adjacent(tokens, index + 2))
        or not _is_sym(tokens, index + 3, separator)
        or not adjacent(tokens, index + 3)
        or not (loose or adjacent(tokens, index + 4))
        or last.kind != NUM
        or _glued_number_after(tokens, index + 5, separator)
    ):
        return None
    end = index + 5
    head = int(first)
    if len(first) == 4 and len(last.text) <= 2:
        if loose and _is_sym(tokens, end, ".") and adjacent(tokens, end):
            end += 1
        return _checked(head, middle, int(last.text), end)
    if len(first) == 4:
        return None
    if len(last.text) == 4:
        year = int(last.text)
    elif len(last.text) == 2 and separator != "-":
        short = int(last.text)
        year = short + (2000 if short < tuning.TWO_DIGIT_YEAR_PIVOT else 1900)
    else:
        return None
    if head > 12 >= middle:
        return _checked(year, middle, head, end, order="dm")
    if middle > 12 >= head:
        return _checked(year, head, middle, end, order="md")
    return _checked(year, middle, head, end, ambiguous=True)


def _cjk(tokens: list[Token], index: int, words: Lexicon) -> DateParts | None:
    year = number(tokens, index, 4, 4)
    if year is None or index + 5 >= len(tokens):
        return None
    texts = [token.text for token in tokens[index + 1 : index + 6 : 2]]
    month = number(tokens, index + 2, 1, 2)
    day = number(tokens, index + 4, 1, 2)
    if (
        month is None
        or day is None
        or texts[0] not in words.year_marks
        or texts[1] not in words.month_marks
        or texts[2] not in words.day_marks
    ):
        return None
    return _checked(year, month, day, index + 6)


def _month_at(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> tuple[int, int] | None:
    """The month named at ``tokens[index]`` (one or two tokens, or "tháng 11")."""
    if index >= len(tokens) or tokens[index].kind != WORD:
        return None
    if tokens[index].key in words.month_number_words:
        month = number(tokens, index + 1, 1, 2)
        return (month, index + 2) if month is not None and 1 <= month <= 12 else None
    if language is not None and language in words.months_by_language:
        found = lookup(tokens, index, words.months_by_language[language], 2)
        if found is not None:
            return found
    return lookup(tokens, index, words.months, 2)


def _year_after(tokens: list[Token], index: int, words: Lexicon) -> tuple[int, int] | None:
    year = number(tokens, index, 4, 4)
    if year is None:
        return None
    index += 1
    if _is_word(tokens, index, words.year_suffixes):
        index += 1
    return year, index


def _ordinal(tokens: list[Token], index: int, words: Lexicon) -> int:
    """The index after an ordinal mark touching the day before ``index`` (18th, 1er, 18.)."""
    if adjacent(tokens, index) and (
        _is_word(tokens, index, words.ordinals) or _is_sym(tokens, index, ".°º")
    ):
        return index + 1
    return index


def _day_month_year(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> DateParts | None:
    day = number(tokens, index, 1, 2)
    if day is None or _glued_number_before(tokens, index, ":.,"):
        return None
    position = _ordinal(tokens, index + 1, words)
    position = _skip(tokens, position, "-/,'’", words.day_month_connectors, 3)
    month = _month_at(tokens, position, words, language)
    if month is None:
        return None
    position = _skip(tokens, month[1], ".,-/", words.month_year_connectors, 3)
    year = _year_after(tokens, position, words)
    if year is None:
        return None
    return _checked(year[0], month[0], day, year[1])


def _month_day_year(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> DateParts | None:
    month = _month_at(tokens, index, words, language)
    if month is None:
        return None
    position = _skip(tokens, month[1], ".-/", frozenset(), 2)
    day = number(tokens, position, 1, 2)
    if day is None or _glued_number_after(tokens, position + 1, ":"):
        return None
    position = _ordinal(tokens, position + 1, words)
    position = _skip(tokens, position, ",.-/", words.month_year_connectors, 3)
    year = _year_after(tokens, position, words)
    if year is None:
        return None
    return _checked(year[0], month[0], day, year[1])


def _year_month_day(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> DateParts | None:
    year = number(tokens, index, 4, 4)
    if year is None:
        return None
    position = _skip(tokens, index + 1, ".,-/", frozenset(), 2)
    month = _month_at(tokens, position, words, language)
    if month is None:
        return None
    position = _skip(tokens, month[1], "-/.", frozenset(), 1)
    day = number(tokens, position, 1, 2)
    if day is None or _glued_number_after(tokens, position + 1, ":.,"):
        return None
    end = position + 1
    if _is_sym(tokens, end, ".") and adjacent(tokens, end):
        end += 1
    return _checked(year, month[0], day, end)
