"""Declared dates: reading them (ISO 8601, RFC 2822, Unix time, else :func:`find_dates`),
comparing dates given with and without a time or a zone, and refining one by another."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from typing import NamedTuple

from newscorpus import tuning
from newscorpus.metadata.dates import find_dates

_EPOCH_DIGITS = re.compile(r"^\d{10}(?:\d{3})?$")
#: (?<!\s): a run of spaces is tried from its start only (from each space it was quadratic).
_ZONE_SPACE = re.compile(r"(?<!\s)\s+(?=(?:Z|[+-]\d\d(?::?\d\d)?)$)")


UNIX_EPOCH = dt.date(1970, 1, 1)


def parse_date(text: str, language: str | None) -> dt.date | None:
    """A date or datetime from a declared value: ISO 8601, RFC 2822, Unix seconds or
    milliseconds, else the first date :func:`find_dates` reads."""
    text = text.strip()
    if not text or len(text) > tuning.DATELINE_LINE_MAX_CHARS:
        return None
    value = _iso_date(text)
    if value is None and _EPOCH_DIGITS.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        try:
            value = dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (OverflowError, OSError, ValueError):
            value = None
    if value is None and ("," in text or text[:3].isalpha()):
        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = None
    if value is None:
        found = find_dates(text, language=language)
        value = found[0].value if found else None
    return value


def _iso_date(text: str) -> dt.date | None:
    if not text[:4].isdigit():
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    text = _ZONE_SPACE.sub("", text)
    if text.endswith("z"):
        text = text[:-1] + "Z"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def calendar_day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _aware(value: dt.date) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def earlier(first: dt.date, second: dt.date) -> bool:
    """Whether ``first`` is strictly earlier than ``second``: to the second when both have a
    time and agree on having a zone, else by calendar day."""
    if (
        isinstance(first, dt.datetime)
        and isinstance(second, dt.datetime)
        and _aware(first) == _aware(second)
    ):
        return first < second
    return calendar_day(first) < calendar_day(second)


def after_capture(value: dt.date, captured: dt.date) -> bool:
    if (
        isinstance(value, dt.datetime)
        and isinstance(captured, dt.datetime)
        and _aware(value)
        and _aware(captured)
    ):
        return value > captured
    slack = dt.timedelta(days=tuning.PAGE_CAPTURE_SLACK_DAYS)
    return calendar_day(value) > calendar_day(captured) + slack


def _refines(finer: dt.date, coarse: dt.date) -> bool:
    """Whether ``finer`` says what ``coarse`` says, with a time or a zone more."""
    if not isinstance(finer, dt.datetime):
        return False
    if not isinstance(coarse, dt.datetime):
        return finer.date() == coarse
    if _aware(coarse) or not _aware(finer):
        return False
    return finer.replace(tzinfo=None, second=0, microsecond=0) == coarse.replace(
        second=0, microsecond=0
    )


class Date(NamedTuple):
    value: dt.date
    source: str
    rank: int


def refined(chosen: Date, candidates: list[Date]) -> Date:
    """``chosen``, or a less trusted candidate that gives the same date more precisely."""
    for candidate in candidates:
        if candidate.source != chosen.source and _refines(candidate.value, chosen.value):
            return Date(candidate.value, f"{chosen.source} + {candidate.source}", chosen.rank)
    return chosen
