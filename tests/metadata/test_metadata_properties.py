"""Property tests: the extractors never raise, and dates written in many languages read back."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.metadata import (
    date_label,
    find_agency,
    find_dates,
    is_dateline,
    label_dates,
    parse_byline,
)
from newscorpus.metadata._data import load

_MONTHS: dict[str, list[list[str]]] = load("months.json")["languages"]
_WEEKDAYS: dict[str, list[list[str]]] = load("weekdays.json")["languages"]
_AGENCY_NAMES = {entry["name"] for entry in load("agencies.json")["agencies"]}

#: Text that looks like dates: digits, separators, month and weekday names, times, zones.


def _pieces(*groups: str) -> list[str]:
    return [" ", *(piece for group in groups for piece in group.split())]


_PIECES = _pieces(
    "18 2019 11 1 05 12 31 29 2 0 00 99 1999 / . - : , T Z + ( ) 年 月 日 년",
    "Nov Nov. novembre de of am p.m. ET CST GMT h Uhr Monday lundi",
    "星期一 下午 오후 تشرين الثاني г. th",
)
_DATEISH = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)

_ANY_TEXT = st.text() | _DATEISH


@settings(max_examples=300)
@given(_ANY_TEXT, st.sampled_from([None, "en", "en-US", "fr", "hr", "xx-YY", ""]))
def test_find_dates_never_raises_and_spans_are_ordered(text: str, language: str | None) -> None:
    found = find_dates(text, language=language)
    position = 0
    for date in found:
        assert position <= date.start < date.end <= len(text)
        assert date.has_time == isinstance(date.value, dt.datetime)
        position = date.end


@settings(max_examples=200)
@given(_ANY_TEXT)
def test_line_functions_never_raise(text: str) -> None:
    assert isinstance(is_dateline(text), bool)
    assert date_label(text) in ("published", "modified", "unknown")
    assert len(label_dates(text)) == len(find_dates(text))
    byline = parse_byline(text)
    assert byline is None or all(author.strip() for author in byline.authors)
    agency = find_agency(text)
    assert agency is None or agency in _AGENCY_NAMES


_NAMED_FORMATS = {
    "default": ["{d} {m} {y}", "{d} {m}, {y}", "{w}, {d} {m} {y}"],
    "en": ["{m} {d}, {y}", "{d} {m} {y}", "{w}, {m} {d}, {y}", "{d}th of {m} {y}"],
    "de": ["{d}. {m} {y}", "{w}, {d}. {m} {y}"],
    "es": ["{d} de {m} de {y}", "{w}, {d} de {m} de {y}"],
    "pt": ["{d} de {m} de {y}"],
    "ca": ["{d} de {m} de {y}"],
    "cs": ["{d}. {m} {y}"],
    "sk": ["{d}. {m} {y}"],
    "fi": ["{d}. {m} {y}"],
    "hr": ["{d}. {m} {y}."],
    "hu": ["{y}. {m} {d}."],
    "pl": ["{d} {m} {y} r."],
    "ru": ["{d} {m} {y} г."],
}
_NUMBER_FORMATS = {
    "zh": "{y}年{mm}月{d}日",
    "ja": "{y}年{mm}月{d}日 ({w})",
    "ko": "{y}년 {mm}월 {d}일",
    "vi": "ngày {d} tháng {mm} năm {y}",
    "numeric": "{d:02}.{mm:02}.{y}",
    "iso": "{y}-{mm:02}-{d:02}",
}

_years = st.integers(min_value=1900, max_value=2100)


@st.composite
def _written_dates(draw: st.DrawFn) -> tuple[str, str | None, dt.date]:
    day = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    language = draw(st.sampled_from(sorted([*_MONTHS, *_NUMBER_FORMATS])))
    weekdays = _WEEKDAYS.get(language, _WEEKDAYS["en"])
    weekday = draw(st.sampled_from(weekdays[day.weekday()]))
    if language in _NUMBER_FORMATS:
        template = _NUMBER_FORMATS[language]
        text = template.format(y=day.year, mm=day.month, d=day.day, w=weekday)
        return text, None, day
    month = draw(st.sampled_from(_MONTHS[language][day.month - 1]))
    if draw(st.booleans()):
        month = month.capitalize() if draw(st.booleans()) else month.upper()
    template = draw(st.sampled_from(_NAMED_FORMATS.get(language, _NAMED_FORMATS["default"])))
    text = template.format(y=day.year, m=month, d=day.day, w=weekday.capitalize())
    return text, language, day


@settings(max_examples=400)
@given(_written_dates())
def test_dates_written_in_many_languages_read_back(case: tuple[str, str | None, dt.date]) -> None:
    text, language, day = case
    found = find_dates(text, language=language)
    assert [date.value for date in found] == [day], text
    assert text[found[0].start : found[0].end].strip(". (") != ""


@settings(max_examples=200)
@given(
    _written_dates(),
    st.integers(0, 23),
    st.integers(0, 59),
    st.sampled_from(["{h}:{mi:02}", "{h:02}:{mi:02}", "{h}h{mi:02}", "{h12}:{mi:02} {ampm}"]),
    st.sampled_from([(" UTC", 0), (" CET", 60), (" +05:30", 330), (" EST", -300), ("", None)]),
)
def test_dates_with_times_read_back(
    case: tuple[str, str | None, dt.date],
    hour: int,
    minute: int,
    clock: str,
    zone: tuple[str, int | None],
) -> None:
    text, language, day = case
    half = "pm" if hour >= 12 else "am"
    written = clock.format(h=hour, mi=minute, h12=(hour % 12) or 12, ampm=half)
    found = find_dates(f"{text}, {written}{zone[0]}", language=language)
    tz = None if zone[1] is None else dt.timezone(dt.timedelta(minutes=zone[1]))
    expected = dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)
    assert [date.value for date in found] == [expected], f"{text}, {written}{zone[0]}"
