"""The word tables of dates and times, built once from ``data/months.json``,
``data/weekdays.json`` and ``data/date_words.json``.

Every key is :func:`~newscorpus.metadata._text.fold`-ed (case, diacritics and a trailing dot
ignored) except the time-zone abbreviations, which are matched exactly: "ET" is a zone, "et"
is French for "and".
"""

from __future__ import annotations

from functools import cache

from attrs import frozen

from newscorpus.metadata._data import entries, load, string_list, string_table
from newscorpus.metadata._text import fold
from newscorpus.metadata._tokens import Phrases

__all__ = ["Lexicon", "lexicon", "locale_key"]


@frozen
class Lexicon:
    """The lookup tables the date grammar reads."""

    #: Month forms of every language: the first language (in file order) to list a form wins.
    months: Phrases[int]
    #: Month forms by language, for a caller who knows the language.
    months_by_language: dict[str, Phrases[int]]
    #: Weekday forms to the day (0 for Monday).
    weekdays: Phrases[int]
    ordinals: frozenset[str]
    day_month_connectors: frozenset[str]
    month_year_connectors: frozenset[str]
    month_number_words: frozenset[str]
    year_suffixes: frozenset[str]
    year_marks: frozenset[str]
    month_marks: frozenset[str]
    day_marks: frozenset[str]
    hour_marks: frozenset[str]
    minute_marks: frozenset[str]
    second_marks: frozenset[str]
    time_connectors: frozenset[str]
    time_suffixes: frozenset[str]
    #: Meridiem forms after a time, as folded token tuples, to True for pm.
    meridiem_after: dict[tuple[str, ...], bool]
    #: Meridiem forms before a time (CJK), folded, to True for pm.
    meridiem_before: Phrases[bool]
    #: Zone abbreviations (exact case) to UTC offsets in minutes.
    zones: dict[str, int]
    #: US zones without standard/daylight (ET, PT...) to their standard offset in minutes.
    us_generic_zones: dict[str, int]
    month_first_locales: frozenset[str]
    #: Folded words a date or a time can start with: the first word of a weekday, a month or
    #: a meridiem before a time (下午), and a word before a month's number (tháng). A line's
    #: other words start none, and the grammar is not tried at them.
    date_starts: frozenset[str]

    def month(self, key: str, language: str | None) -> int | None:
        """The month (1-12) a folded word names, preferring ``language``'s reading.

        >>> lexicon().month("listopada", "hr"), lexicon().month("listopada", None)
        (10, 11)
        """
        if language is not None:
            own = self.months_by_language.get(language)
            if own is not None and key in own:
                return own[key]
        return self.months.get(key)


def locale_key(language: str) -> str:
    """A locale tag in the form the tables use: lower case, ``-`` between parts.

    >>> locale_key("en_US")
    'en-us'
    """
    return language.strip().lower().replace("_", "-")


def _folded(values: list[str]) -> frozenset[str]:
    return frozenset(fold(value) for value in values)


def _words(data: dict[str, object], key: str, field: str = "words") -> frozenset[str]:
    section = entries(data[key], key)
    return _folded(string_list(section[field], f"{key}.{field}"))


def _month_tables() -> tuple[Phrases[int], dict[str, Phrases[int]]]:
    languages = entries(load("months.json")["languages"], "months.languages")
    merged: dict[str, int] = {}
    by_language: dict[str, Phrases[int]] = {}
    for language, table in languages.items():
        rows = string_table(table, f"months.{language}")
        if len(rows) != 12:
            raise ValueError(f"months.{language}: expected 12 months, got {len(rows)}")
        own = {fold(form): number for number, forms in enumerate(rows, 1) for form in forms}
        by_language[language] = Phrases(own)
        for form, number in own.items():
            merged.setdefault(form, number)
    return Phrases(merged), by_language


def _weekdays() -> Phrases[int]:
    languages = entries(load("weekdays.json")["languages"], "weekdays.languages")
    forms: dict[str, int] = {}
    for language, table in languages.items():
        rows = string_table(table, f"weekdays.{language}")
        if len(rows) != 7:
            raise ValueError(f"weekdays.{language}: expected 7 days, got {len(rows)}")
        for day, row in enumerate(rows):
            for form in row:
                forms.setdefault(fold(form), day)
    return Phrases(forms)


def _offsets(value: object, where: str) -> dict[str, int]:
    table = entries(value, where)
    if not all(isinstance(offset, int) for offset in table.values()):
        raise TypeError(f"{where}: expected offsets in minutes")
    return {str(name): int(offset) for name, offset in table.items()}


@cache
def lexicon() -> Lexicon:
    """The tables, built on first use.

    >>> lexicon().month("nov", None), lexicon().zones["CEST"]
    (11, 120)
    """
    data = load("date_words.json")
    months, months_by_language = _month_tables()
    cjk = entries(data["cjk_date_marks"], "cjk_date_marks")
    clock = entries(data["cjk_time_marks"], "cjk_time_marks")
    after = entries(data["meridiem_after"], "meridiem_after")
    before = entries(data["meridiem_before"], "meridiem_before")
    meridiem_after = {
        tuple(fold(token) for token in form): half == "pm"
        for half in ("am", "pm")
        for form in string_table(after[half], f"meridiem_after.{half}")
    }
    meridiem_before = Phrases(
        {
            fold(form): half == "pm"
            for half in ("am", "pm")
            for form in string_list(before[half], f"meridiem_before.{half}")
        }
    )
    locales = entries(data["month_first_locales"], "month_first_locales")
    weekdays = _weekdays()
    month_number_words = _words(data, "month_number_words")
    date_starts = month_number_words.union(
        months.prefixes,
        weekdays.prefixes,
        meridiem_before.prefixes,
        *(table.prefixes for table in months_by_language.values()),
    )
    return Lexicon(
        months=months,
        months_by_language=months_by_language,
        weekdays=weekdays,
        ordinals=_words(data, "ordinal_suffixes"),
        day_month_connectors=_words(data, "day_month_connectors"),
        month_year_connectors=_words(data, "month_year_connectors"),
        month_number_words=month_number_words,
        year_suffixes=_words(data, "year_suffixes"),
        year_marks=frozenset(string_list(cjk["year"], "cjk_date_marks.year")),
        month_marks=frozenset(string_list(cjk["month"], "cjk_date_marks.month")),
        day_marks=frozenset(string_list(cjk["day"], "cjk_date_marks.day")),
        hour_marks=frozenset(string_list(clock["hour"], "cjk_time_marks.hour")),
        minute_marks=frozenset(string_list(clock["minute"], "cjk_time_marks.minute")),
        second_marks=frozenset(string_list(clock["second"], "cjk_time_marks.second")),
        time_connectors=_words(data, "time_connectors"),
        time_suffixes=_words(data, "time_suffixes"),
        meridiem_after=meridiem_after,
        meridiem_before=meridiem_before,
        zones=_offsets(entries(data["timezones"], "timezones")["offsets"], "timezones"),
        us_generic_zones=_offsets(
            entries(data["us_generic_zones"], "us_generic_zones")["offsets"], "us_generic_zones"
        ),
        month_first_locales=frozenset(
            locale_key(tag) for tag in string_list(locales["locales"], "month_first_locales")
        ),
        date_starts=date_starts,
    )
