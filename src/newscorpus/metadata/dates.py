"""Dates in short lines of text, in many languages: where they are, what they say, and what
they are (published, modified).

:func:`find_dates` reads every date a line mentions, with its time and zone when given;
:func:`is_dateline` tells a header line that is mostly a date from a sentence that mentions one;
:func:`date_label` and :func:`label_dates` say whether a date is when the article was published
or when it was changed. The word lists live in ``newscorpus/metadata/data/``; the grammar is in
``_calendar.py`` (dates) and ``_clock.py`` (times). Reading is linear in the length of the line.

Numeric dates whose first two numbers are both 12 or less (``05/11/2019``) are read day first,
unless the caller says otherwise (``month_first``), another numeric date on the same line can
only be month first (``11/18/2019``), or ``language`` is a month-first locale (``en-US``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from attrs import field, frozen, validators

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._calendar import DateParts, date_at
from newscorpus.metadata._clock import TimeParts, time_at, us_offset
from newscorpus.metadata._labels import DateLabel, label_at_start, label_words, labels_in
from newscorpus.metadata._lexicon import Lexicon, lexicon, locale_key
from newscorpus.metadata._text import fold, is_caseless_word
from newscorpus.metadata._tokens import NUM, SYM, WORD, Token, adjacent, lookup, tokenize

__all__ = ["DateLabel", "FoundDate", "date_label", "find_dates", "is_dateline", "label_dates"]

_GLUE_SYMS = frozenset(",.|-–—·•@/，、")
_WORDS = re.compile(r"[^\W\d_]+")
#: Two runs of digits: every date form has a day and a year in digits, each a number token.
_TWO_NUMBERS = re.compile(r"\d\D+\d")


@frozen
class FoundDate:
    """A date mentioned in a line: its value and where it is (``text[start:end]``).

    ``value`` is a :class:`datetime.datetime` when the line gives a time (aware when it gives a
    known zone), else a :class:`datetime.date`. The span covers a weekday before the date and
    the time and zone after it.

    >>> found = find_dates("Updated: Nov 19, 2019, 10:31 pm CST")[0]
    >>> found.value.isoformat(), found.start, found.end, found.has_time
    ('2019-11-19T22:31:00-06:00', 9, 35, True)
    """

    value: dt.date | dt.datetime = field(validator=validators.instance_of(dt.date))
    start: int = field(validator=validators.instance_of(int))
    end: int = field(validator=validators.instance_of(int))
    has_time: bool = field(validator=validators.instance_of(bool))


class _Match(NamedTuple):
    date: DateParts
    time: TimeParts | None
    first: int
    last: int


def find_dates(
    text: str, *, language: str | None = None, month_first: bool | None = None
) -> list[FoundDate]:
    """Every date mentioned in ``text``, in order.

    ``language`` (``"fr"``, ``"en-US"``...) settles month names that two languages read
    differently and, for a month-first locale, numeric dates such as ``05/11/2019``;
    ``month_first`` settles those outright (pass it when the URL or other dates of the page
    say). A date needs a day, a month and a year; invalid dates (30 February) are skipped.

    >>> [d.value.isoformat() for d in find_dates("Jun 20, 2025 | 10 Dec 2023")]
    ['2025-06-20', '2023-12-10']
    >>> find_dates("Nov. 19, 2019 8:03 am ET")[0].value.isoformat()
    '2019-11-19T08:03:00-05:00'
    >>> [d.value.isoformat() for d in find_dates("18 de noviembre de 2019, 2019年11月18日")]
    ['2019-11-18', '2019-11-18']
    >>> find_dates("05/11/2019")[0].value, find_dates("05/11/2019", language="en-US")[0].value
    (datetime.date(2019, 11, 5), datetime.date(2019, 5, 11))
    >>> find_dates("30.02.2019 or 2019-02-30")
    []
    """
    if not _TWO_NUMBERS.search(text):  # no day and year in digits: most lines end here, fast
        return []
    # Header lines are read by several steps (zones, dateline, byline, masthead): read once.
    return list(_read_dates(text, language, month_first))


@memoized
def _read_dates(text: str, language: str | None, month_first: bool | None) -> tuple[FoundDate, ...]:
    words = lexicon()
    primary = locale_key(language).split("-")[0] if language else None
    tokens = tokenize(text)
    matches: list[_Match] = []
    index = 0
    while index < len(tokens):
        match = (
            _match_at(tokens, index, words, primary) if _may_start(tokens[index], words) else None
        )
        if match is None:
            index += 1
        else:
            matches.append(match)
            index = match.last
    swap = _month_first(matches, words, language, month_first)
    return tuple(
        FoundDate(
            value=_value(match, swap),
            start=tokens[match.first].start,
            end=tokens[match.last - 1].end,
            has_time=match.time is not None,
        )
        for match in matches
    )


def _may_start(token: Token, words: Lexicon) -> bool:
    """Whether a date or a time may start at ``token`` (see :func:`_match_at`): at a number,
    or at a word that starts a weekday, a month or a meridiem. False at most of a line's
    tokens, where the grammar need not be tried."""
    return token.kind == NUM or (token.kind == WORD and token.key in words.date_starts)


def _match_at(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> _Match | None:
    token = tokens[index]
    if token.kind == SYM:
        return None
    if token.kind == WORD:
        weekday = lookup(tokens, index, words.weekdays, 3)
        if weekday is not None:
            after = weekday[1] + (1 if _is_sym(tokens, weekday[1], ",.،") else 0)
            match = _date_and_time(tokens, after, words, language)
            if match is not None:
                return match._replace(first=index)
    match = _date_and_time(tokens, index, words, language)
    if match is not None:
        return match
    connector = index > 0 and tokens[index - 1].key in words.time_connectors
    time = time_at(tokens, index, words, after_connector=connector)
    if time is None:
        return None
    position, _ = _skip_glue(tokens, time.end, words)
    weekday = lookup(tokens, position, words.weekdays, 3)
    if weekday is not None:
        position = weekday[1] + (1 if _is_sym(tokens, weekday[1], ",.،") else 0)
    if position >= len(tokens):
        return None
    date = date_at(tokens, position, words, language)
    if date is None:
        return None
    return _Match(date, time, index, date.end)


def _date_and_time(
    tokens: list[Token], index: int, words: Lexicon, language: str | None
) -> _Match | None:
    if index >= len(tokens):
        return None
    date = date_at(tokens, index, words, language)
    if date is None:
        return None
    end = position = date.end
    bracketed = _bracketed_weekday(tokens, position, words)
    if bracketed is not None:
        end = position = bracketed
    else:
        position += 1 if _is_sym(tokens, position, ",") else 0
        weekday = lookup(tokens, position, words.weekdays, 3)
        position = weekday[1] if weekday is not None else date.end
    if (
        position < len(tokens)
        and tokens[position].text == "T"
        and adjacent(tokens, position)
        and adjacent(tokens, position + 1)
    ):
        position, connector = position + 1, False
    else:
        position, connector = _skip_glue(tokens, position, words)
    time = time_at(tokens, position, words, after_connector=connector)
    if time is not None:
        end = time.end
    return _Match(date, time, index, end)


def _bracketed_weekday(tokens: list[Token], index: int, words: Lexicon) -> int | None:
    """The index after "(Mon)" / "(月)" at ``index``, or None."""
    if not _is_sym(tokens, index, "(（"):
        return None
    weekday = lookup(tokens, index + 1, words.weekdays, 3)
    if weekday is None or not _is_sym(tokens, weekday[1], ")）"):
        return None
    return weekday[1] + 1


def _skip_glue(tokens: list[Token], index: int, words: Lexicon) -> tuple[int, bool]:
    """The index after the separators and connector words between a date and a time, and
    whether a connector word was among them."""
    connector = False
    for _ in range(tuning.DATE_TIME_GLUE_TOKENS):
        if index >= len(tokens):
            break
        token = tokens[index]
        if token.kind == SYM and token.text in _GLUE_SYMS:
            index += 1
        elif token.kind == WORD and token.key in words.time_connectors:
            index, connector = index + 1, True
        else:
            break
    return index, connector


def _is_sym(tokens: list[Token], index: int, chars: str) -> bool:
    return index < len(tokens) and tokens[index].kind == SYM and tokens[index].text in chars


def _month_first(
    matches: list[_Match], words: Lexicon, language: str | None, month_first: bool | None
) -> bool:
    """Whether ambiguous numeric dates read month first: the caller's word, else the line's
    unambiguous numeric dates, else the locale."""
    if month_first is not None:
        return month_first
    orders = {match.date.order for match in matches if match.date.order is not None}
    if len(orders) == 1:
        return orders == {"md"}
    return language is not None and locale_key(language) in words.month_first_locales


def _value(match: _Match, swap: bool) -> dt.date | dt.datetime:
    date, time = match.date, match.time
    month, day = (date.day, date.month) if swap and date.ambiguous else (date.month, date.day)
    day_value = dt.date(date.year, month, day)
    if time is None:
        return day_value
    offset = time.offset
    if time.us_standard is not None:
        offset = us_offset(day_value, time.us_standard)
    zone = dt.timezone(dt.timedelta(minutes=offset)) if offset is not None else None
    return dt.datetime(
        date.year, month, day, time.hour, time.minute, time.second, time.microsecond, zone
    )


@memoized
def is_dateline(text: str, *, language: str | None = None) -> bool:
    """Whether ``text`` is a header line that is mostly a date, rather than a sentence that
    mentions one.

    Besides its dates the line may hold labels ("Updated:", "Publié le"), weekdays, times,
    separators, numbers and a few capitalised words (a place, a name), but not sentence words.

    >>> is_dateline("Jun 20, 2025  |  "), is_dateline("Mis à jour le 18 novembre 2019 à 10h31")
    (True, True)
    >>> is_dateline("Posted on Monday, November 18, 2019 by Jane Doe")
    True
    >>> is_dateline("The ceasefire signed on 18 November 2019 did not hold for long.")
    False
    """
    if len(text) > tuning.DATELINE_LINE_MAX_CHARS:
        return False
    found = find_dates(text, language=language)
    if not found:
        return False
    pieces, position = [], 0
    for date in found:
        pieces.append(text[position : date.start])
        position = date.end
    pieces.append(text[position:])
    other = lower = caseless = 0
    for word in _WORDS.findall(" ".join(pieces)):
        if _is_dateline_word(word):
            continue
        if is_caseless_word(word):
            rest = fold(word)
            for phrase in label_words().neutral_cjk:
                rest = rest.replace(phrase, "")
            caseless += len(rest)
            other += 1 if rest else 0
            continue
        other += 1
        lower += 1 if word[0].islower() else 0
    return (
        other <= tuning.DATELINE_MAX_OTHER_WORDS
        and lower <= tuning.DATELINE_MAX_LOWER_WORDS
        and caseless <= tuning.DATELINE_MAX_CASELESS_CHARS
    )


def _is_dateline_word(word: str) -> bool:
    words, key = lexicon(), fold(word)
    return (
        key in label_words().neutral
        or key in words.weekdays
        or key in words.months
        or key in words.time_connectors
        or key in words.time_suffixes
        or key in words.meridiem_before
        or (key,) in words.meridiem_after
        or word in words.zones
        or word in words.us_generic_zones
    )


@memoized
def date_label(text: str) -> DateLabel:
    """What the first label word of ``text`` says its date is: ``"published"`` (Published,
    Posted, Publié le, Veröffentlicht, Publicado, Опубликовано, 发布...), ``"modified"``
    (Updated, Last updated, Mis à jour, Aktualisiert, Actualizado, Обновлено, 更新...) or
    ``"unknown"``. Call it on a dateline; for a line with several dates, see
    :func:`label_dates`.

    >>> date_label("Publié le 18/11/2019"), date_label("Zuletzt aktualisiert: 18.11.2019")
    ('published', 'modified')
    >>> date_label("发布时间：2019-11-18"), date_label("18 November 2019")
    ('published', 'unknown')
    """
    labels = labels_in(text)
    return labels[0] if labels else "unknown"


def label_dates(
    text: str, *, language: str | None = None, month_first: bool | None = None
) -> list[tuple[FoundDate, DateLabel]]:
    """Every date of ``text`` (as :func:`find_dates` finds them) with its label: the nearest
    label before it, or, on lines that put labels right after their dates (Japanese
    ``2019年11月18日 公開``), the one right after it.

    >>> [(d.value.isoformat(), label) for d, label in
    ...  label_dates("Published 18 Nov 2019 | Updated 19 Nov 2019")]
    [('2019-11-18', 'published'), ('2019-11-19', 'modified')]
    """
    found = find_dates(text, language=language, month_first=month_first)
    if not found:
        return []
    starts = [0, *(date.end for date in found)]
    befores = [labels_in(text[starts[k] : date.start]) for k, date in enumerate(found)]
    afters = [label_at_start(text[date.end :]) for date in found]
    if not befores[0] and afters[0] is not None:
        return [(date, after or "unknown") for date, after in zip(found, afters, strict=True)]
    return [
        (date, before[-1] if before else "unknown")
        for date, before in zip(found, befores, strict=True)
    ]
