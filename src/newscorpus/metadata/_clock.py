"""The time grammar: a time of day and its zone at a given token.

Forms: ``23:03``, ``10:31:00.123``, ``8:03 am``, ``11:03 PM``, ``8 p.m.``, ``10h31``,
``10 h 31``, ``23.03 Uhr`` (a dotted time needs a word around it that says it is one:
am/pm, Uhr, h, or a connector such as "um", "klo", "kl." before it), ``10時31分``,
``下午3点``, ``오후 3시 20분``. A zone may follow: a known abbreviation (``ET``, ``CEST``,
``GMT+1``, in brackets or not), ``Z``, or a numeric offset (``+01:00``, ``-0500``).
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from newscorpus.metadata._lexicon import Lexicon
from newscorpus.metadata._tokens import SYM, WORD, Token, adjacent, lookup, number

__all__ = ["TimeParts", "time_at", "us_offset"]

_MAX_OFFSET = 14 * 60
_SIGNS = {"+": 1, "-": -1, "\u2212": -1}


class TimeParts(NamedTuple):
    """A time found at a token, the token index after it, and its zone when one was given."""

    hour: int
    minute: int
    second: int
    microsecond: int
    end: int
    #: Minutes east of UTC, or None when no (known) zone was given.
    offset: int | None = None
    #: For a US zone named without standard/daylight (ET), its standard offset: the date
    #: decides whether daylight time applies (see :func:`us_offset`).
    us_standard: int | None = None


def us_offset(day: dt.date, standard: int) -> int:
    """The UTC offset in minutes of a US zone whose standard offset is ``standard`` on
    ``day``: one hour more in daylight time (second Sunday of March to first Sunday of
    November since 2007; first Sunday of April to last Sunday of October before).

    >>> us_offset(dt.date(2019, 11, 19), -300), us_offset(dt.date(2019, 7, 4), -300)
    (-300, -240)
    """
    year = day.year
    if year >= 2007:
        begins, ends = _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    else:
        begins, ends = _nth_sunday(year, 4, 1), _last_sunday(year, 10)
    return standard + 60 if begins <= day < ends else standard


def _nth_sunday(year: int, month: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (nth - 1))


def _last_sunday(year: int, month: int) -> dt.date:
    last = dt.date(year, month + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() + 1) % 7)


def _is_sym(tokens: list[Token], index: int, chars: str) -> bool:
    return index < len(tokens) and tokens[index].kind == SYM and tokens[index].text in chars


def _glued_number(tokens: list[Token], index: int, digits: tuple[int, int]) -> int | None:
    """The number at ``index`` when it touches the token before it."""
    return number(tokens, index, *digits) if adjacent(tokens, index) else None


def time_at(
    tokens: list[Token], index: int, words: Lexicon, *, after_connector: bool = False
) -> TimeParts | None:
    """The time of day that starts at ``tokens[index]``, or None.

    ``after_connector`` says a word such as "um" or "klo" came before, which makes a dotted
    time (10.31) acceptable on its own.

    >>> from newscorpus.metadata._lexicon import lexicon
    >>> from newscorpus.metadata._tokens import tokenize
    >>> time_at(tokenize("8:03 am ET"), 0, lexicon())[:5]
    (8, 3, 0, 0, 5)
    """
    half: bool | None = None
    position = index
    before = lookup(tokens, position, words.meridiem_before, 2)
    if before is not None:
        half, position = before
    hour = number(tokens, position, 1, 2)
    if hour is None:
        return None
    position += 1
    minute = second = microsecond = 0
    explicit = dotted = False
    glued_minute = _glued_number(tokens, position + 1, (2, 2))
    if _is_sym(tokens, position, ":") and adjacent(tokens, position) and glued_minute is not None:
        minute, position, explicit = glued_minute, position + 2, True
        seconds = _glued_number(tokens, position + 1, (2, 2))
        if _is_sym(tokens, position, ":") and adjacent(tokens, position) and seconds is not None:
            second, position = seconds, position + 2
            fraction = _glued_number(tokens, position + 1, (1, 9))
            if _is_sym(tokens, position, ".,") and adjacent(tokens, position) and fraction:
                microsecond = int(tokens[position + 1].text.ljust(6, "0")[:6])
                position += 2
    elif (
        _is_sym(tokens, position, ".")
        and adjacent(tokens, position)
        and glued_minute is not None
        and not (_is_sym(tokens, position + 2, ".") and adjacent(tokens, position + 2))
    ):
        minute, position, dotted = glued_minute, position + 2, True
    elif position < len(tokens) and tokens[position].kind == WORD:
        marked = _marked_minutes(tokens, position, words)
        if marked is not None:
            minute, second, position = marked
            explicit = True
    after = _meridiem_after(tokens, position, words)
    if after is not None and 1 <= hour <= 12 and half is None:
        half, position = after
    suffix = position < len(tokens) and tokens[position].key in words.time_suffixes
    if suffix:
        position += 1
    offset, us_standard, zone_end = _zone(tokens, position, words)
    zoned = zone_end > position
    if not explicit and half is None and not (dotted and (suffix or zoned or after_connector)):
        return None
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return TimeParts(hour, minute, second, microsecond, zone_end, offset, us_standard)


def _marked_minutes(
    tokens: list[Token], position: int, words: Lexicon
) -> tuple[int, int, int] | None:
    """Minutes and seconds after an hour mark: 10h31, 10 h, 10時31分, 3시 20분 10초."""
    token = tokens[position]
    if token.key == "h":
        minute = number(tokens, position + 1, 2, 2)
        if minute is not None:
            return minute, 0, position + 2
        return 0, 0, position + 1
    if token.text not in words.hour_marks:
        return None
    position += 1
    minute = second = 0
    value = number(tokens, position, 1, 2)
    if value is not None and _text_at(tokens, position + 1) in words.minute_marks:
        minute, position = value, position + 2
        value = number(tokens, position, 1, 2)
        if value is not None and _text_at(tokens, position + 1) in words.second_marks:
            second, position = value, position + 2
    return minute, second, position


def _text_at(tokens: list[Token], index: int) -> str:
    return tokens[index].text if index < len(tokens) else ""


def _meridiem_after(tokens: list[Token], position: int, words: Lexicon) -> tuple[bool, int] | None:
    keys: list[str] = []
    found: tuple[bool, int] | None = None
    for index in range(position, min(position + 2, len(tokens))):
        if tokens[index].kind != WORD:
            break
        keys.append(tokens[index].key)
        half = words.meridiem_after.get(tuple(keys))
        if half is not None:
            found = (half, index + 1)
    return found


def _zone(tokens: list[Token], position: int, words: Lexicon) -> tuple[int | None, int | None, int]:
    """The zone after a time: (offset, US standard offset, index after), or no zone."""
    start = position
    opened = _is_sym(tokens, position, "([")
    if opened:
        position += 1
    if position >= len(tokens):
        return None, None, start
    token = tokens[position]
    offset: int | None = None
    us_standard: int | None = None
    if token.kind == WORD and token.text.rstrip(".") in words.zones:
        offset = words.zones[token.text.rstrip(".")]
        position += 1
        extra = _numeric_offset(tokens, position, strict=False)
        if extra is not None:
            offset, position = offset + extra[0], extra[1]
    elif token.kind == WORD and token.text.rstrip(".") in words.us_generic_zones:
        us_standard = words.us_generic_zones[token.text.rstrip(".")]
        position += 1
    elif token.kind == SYM:
        numeric = _numeric_offset(tokens, position, strict=not adjacent(tokens, position))
        if numeric is None:
            return None, None, start
        offset, position = numeric
    else:
        return None, None, start
    if opened:
        if not _is_sym(tokens, position, ")]"):
            return None, None, start
        position += 1
    if offset is not None and abs(offset) > _MAX_OFFSET:
        return None, None, start
    return offset, us_standard, position


def _numeric_offset(tokens: list[Token], position: int, *, strict: bool) -> tuple[int, int] | None:
    """A signed offset (+01:00, -0500, +1 after GMT) in minutes, and the index after it.

    ``strict`` (the sign does not touch the time) asks for a full form (+0100 or +01:00), so
    that "10:31 - 12 people" is not read as a zone.
    """
    if position >= len(tokens) or tokens[position].text not in _SIGNS:
        return None
    sign = _SIGNS[tokens[position].text]
    digits = _glued_number(tokens, position + 1, (1, 4))
    if digits is None:
        return None
    text = tokens[position + 1].text
    position += 2
    if len(text) == 4:
        hours, minutes = int(text[:2]), int(text[2:])
    elif len(text) <= 2:
        hours, minutes = digits, 0
        tail = _glued_number(tokens, position + 1, (2, 2))
        if _is_sym(tokens, position, ":") and adjacent(tokens, position) and tail is not None:
            minutes, position = tail, position + 2
        elif strict:
            return None
    else:
        return None
    if minutes >= 60:
        return None
    return sign * (hours * 60 + minutes), position
