"""find_dates: formats, languages, times and zones, ambiguity, invalid dates, linear time."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable

import pytest

from newscorpus.metadata import FoundDate, find_dates
from tests.timing import MAX_TIME_FACTOR, SIZE_FACTOR, time_ratio


def _utc(hours: float) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


def _values(text: str, **options: object) -> list[dt.date | dt.datetime]:
    return [found.value for found in find_dates(text, **options)]  # type: ignore[arg-type]


NOV18 = dt.date(2019, 11, 18)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 Dec 2023", dt.date(2023, 12, 10)),
        ("Jun 20, 2025", dt.date(2025, 6, 20)),
        ("2019-11-18", NOV18),
        ("18/11/2019", NOV18),
        ("18.11.2019", NOV18),
        ("18. 11. 2019", NOV18),
        ("18-11-2019", NOV18),
        ("11/18/2019", NOV18),
        ("18/11/19", NOV18),
        ("2019/11/18", NOV18),
        ("2019. 11. 18.", NOV18),
        ("18 November 2019", NOV18),
        ("18. November 2019", NOV18),
        ("18th of November, 2019", NOV18),
        ("November 18th, 2019", NOV18),
        ("Nov. 18 2019", NOV18),
        ("18-Nov-2019", NOV18),
        ("18 novembre 2019", NOV18),
        ("1er décembre 2019", dt.date(2019, 12, 1)),
        ("18 de noviembre de 2019", NOV18),
        ("18 de noviembre del 2019", NOV18),
        ("18 de novembro de 2019", NOV18),
        ("18 Novembre 2019", NOV18),
        ("18 november 2019", NOV18),
        ("18 listopada 2019 r.", NOV18),
        ("18. listopadu 2019", NOV18),
        ("18 ноября 2019 г.", NOV18),
        ("18 листопада 2019 року", NOV18),
        ("18 Kasım 2019", NOV18),
        ("18 KASIM 2019", NOV18),
        ("18 noiembrie 2019", NOV18),
        ("2019. november 18.", NOV18),
        ("18. marraskuuta 2019", NOV18),
        ("18 Νοεμβρίου 2019", NOV18),
        ("18 نوفمبر 2019", NOV18),
        ("١٨ نوفمبر ٢٠١٩", NOV18),
        ("18 تشرين الثاني 2019", NOV18),
        ("18 בנובמבר 2019", NOV18),
        ("18 नवंबर 2019", NOV18),
        ("2019年11月18日", NOV18),
        ("２０１９年１１月１８日", NOV18),
        ("2019년 11월 18일", NOV18),
        ("ngày 18 tháng 11 năm 2019", NOV18),
    ],
)
def test_formats_and_languages(text: str, expected: dt.date) -> None:
    assert _values(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-11-18T10:31:00+01:00", dt.datetime(2019, 11, 18, 10, 31, tzinfo=_utc(1))),
        ("2019-11-18T10:31:00Z", dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)),
        ("2019-11-18T10:31:00.250-0500", dt.datetime(2019, 11, 18, 10, 31, 0, 250000, _utc(-5))),
        ("2019-11-18 10:31", dt.datetime(2019, 11, 18, 10, 31)),
        ("Nov. 19, 2019 8:03 am ET", dt.datetime(2019, 11, 19, 8, 3, tzinfo=_utc(-5))),
        ("July 4, 2019 8:03 am ET", dt.datetime(2019, 7, 4, 8, 3, tzinfo=_utc(-4))),
        ("November 18, 2019 11:03 PM", dt.datetime(2019, 11, 18, 23, 3)),
        ("19 November 2019, 09:01 AM", dt.datetime(2019, 11, 19, 9, 1)),
        ("Nov 19, 2019, 10:31 pm CST", dt.datetime(2019, 11, 19, 22, 31, tzinfo=_utc(-6))),
        ("Nov 19, 2019 12:15 a.m.", dt.datetime(2019, 11, 19, 0, 15)),
        ("Nov 19, 2019 12:15 p.m. GMT", dt.datetime(2019, 11, 19, 12, 15, tzinfo=dt.UTC)),
        ("Nov 19, 2019 8 pm", dt.datetime(2019, 11, 19, 20, 0)),
        ("18.11.2019 23:03", dt.datetime(2019, 11, 18, 23, 3)),
        ("Montag, 18. November 2019, 23:03 Uhr", dt.datetime(2019, 11, 18, 23, 3)),
        ("18.11.2019 um 10.31 Uhr", dt.datetime(2019, 11, 18, 10, 31)),
        ("lundi 18 novembre 2019 à 10h31", dt.datetime(2019, 11, 18, 10, 31)),
        ("18 de noviembre de 2019 a las 10:31 hs", dt.datetime(2019, 11, 18, 10, 31)),
        ("18 ноября 2019 г., 10:31 МСК", dt.datetime(2019, 11, 18, 10, 31, tzinfo=_utc(3))),
        ("18 Kasım 2019 Pazartesi 10:31", dt.datetime(2019, 11, 18, 10, 31)),
        ("2019年11月18日(月) 10時31分", dt.datetime(2019, 11, 18, 10, 31)),
        ("2019年11月18日 星期一 下午3点20分", dt.datetime(2019, 11, 18, 15, 20)),
        ("2019. 11. 18. 오후 3:20", dt.datetime(2019, 11, 18, 15, 20)),
        ("2019/11/18 10:31 (GMT+8)", dt.datetime(2019, 11, 18, 10, 31, tzinfo=_utc(8))),
        ("18 Nov 2019 10:31 IST", dt.datetime(2019, 11, 18, 10, 31, tzinfo=_utc(5.5))),
        ("18 Nov 2019 10:31 CEST", dt.datetime(2019, 11, 18, 10, 31, tzinfo=_utc(2))),
        ("18 Nov 2019 10:31 XYZ", dt.datetime(2019, 11, 18, 10, 31)),
        ("Fri 18 Nov 2019 10.31 GMT", dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)),
        ("10:31 AM ET, Nov 19, 2019", dt.datetime(2019, 11, 19, 10, 31, tzinfo=_utc(-5))),
        ("14:05 | 18.11.2019", dt.datetime(2019, 11, 18, 14, 5)),
    ],
)
def test_times_and_zones(text: str, expected: dt.datetime) -> None:
    found = find_dates(text)
    assert len(found) == 1
    assert found[0].has_time
    value = found[0].value
    assert isinstance(value, dt.datetime)
    assert value == expected
    assert (value.utcoffset() is None) == (expected.utcoffset() is None)


@pytest.mark.parametrize(
    "text",
    [
        "Nov 19, 2019, 10 people died",
        "18.11.2019 10.31 million",
        "Nov 19, 2019 - 12 people",
        "18 Nov 2019 24:00",
    ],
)
def test_numbers_after_a_date_are_not_times(text: str) -> None:
    found = find_dates(text)
    assert len(found) == 1
    assert not found[0].has_time
    assert isinstance(found[0].value, dt.date)
    assert not isinstance(found[0].value, dt.datetime)


def test_weekday_and_time_are_part_of_the_span() -> None:
    text = "Updated: Monday, November 18, 2019 11:03 PM EST | Politics"
    (found,) = find_dates(text)
    assert text[found.start : found.end] == "Monday, November 18, 2019 11:03 PM EST"
    assert found == FoundDate(
        dt.datetime(2019, 11, 18, 23, 3, tzinfo=_utc(-5)), found.start, found.end, True
    )


def test_several_dates_in_order() -> None:
    text = "Published 18 Nov 2019, updated 19/11/2019 at 10:31 and 2019-11-20"
    found = find_dates(text)
    assert [d.value for d in found] == [
        NOV18,
        dt.datetime(2019, 11, 19, 10, 31),
        dt.date(2019, 11, 20),
    ]
    assert [text[d.start : d.end] for d in found] == [
        "18 Nov 2019",
        "19/11/2019 at 10:31",
        "2019-11-20",
    ]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("05/11/2019", {}, dt.date(2019, 11, 5)),
        ("05/11/2019", {"language": "fr"}, dt.date(2019, 11, 5)),
        ("05/11/2019", {"language": "en-US"}, dt.date(2019, 5, 11)),
        ("05/11/2019", {"language": "en_us"}, dt.date(2019, 5, 11)),
        ("05/11/2019", {"language": "en"}, dt.date(2019, 11, 5)),
        ("05/11/2019", {"month_first": True}, dt.date(2019, 5, 11)),
        ("05/11/2019", {"language": "en-US", "month_first": False}, dt.date(2019, 11, 5)),
        ("18/11/2019", {"language": "en-US"}, NOV18),
        ("11/18/2019", {"language": "fr"}, NOV18),
    ],
)
def test_day_or_month_first(text: str, options: dict[str, object], expected: dt.date) -> None:
    assert _values(text, **options) == [expected]


def test_the_line_settles_ambiguous_numeric_dates() -> None:
    assert _values("Posted 11/05/2019, updated 11/18/2019") == [
        dt.date(2019, 11, 5),
        NOV18,
    ]
    assert _values("Posted 05/11/2019, updated 18/11/2019") == [dt.date(2019, 11, 5), NOV18]


def test_language_settles_month_names_two_languages_read_differently() -> None:
    assert _values("18 listopada 2019") == [NOV18]
    assert _values("18 listopada 2019", language="pl") == [NOV18]
    assert _values("18 listopada 2019", language="hr") == [dt.date(2019, 10, 18)]


@pytest.mark.parametrize(
    "text",
    [
        "Feb 30, 2019",
        "30.02.2019",
        "2019-02-30",
        "31 April 2019",
        "29 February 2019",
        "2019年2月30日",
        "13/13/2019",
        "00/11/2019",
        "18/11/0019",
    ],
)
def test_invalid_dates_are_skipped(text: str) -> None:
    assert find_dates(text) == []


def test_leap_day_is_valid() -> None:
    assert _values("29 February 2020") == [dt.date(2020, 2, 29)]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Connect with us",
        "Version 1.2.3",
        "IP 192.168.10.12",
        "10.10.10.10",
        "Call 555-12-34",
        "Score 2-1-0",
        "November 2023",
        "Thursday, December 7",
        "18 November",
        "in May 2019, 18 people",
        "1.234.567 euros",
        "In 1453 the city fell",
    ],
)
def test_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_dates_inside_longer_numbers_are_not_read() -> None:
    assert find_dates("ref 1.18.11.2019") == []
    assert find_dates("18.11.2019.5") == []


def _assert_linear(make_text: Callable[[int], str], size: int) -> None:
    def make(length: int) -> Callable[[], object]:
        text = make_text(length)
        return lambda: find_dates(text)

    ratio = time_ratio(make, size)
    assert ratio < MAX_TIME_FACTOR, f"{ratio:.1f} times slower on {SIZE_FACTOR} times the text"


@pytest.mark.parametrize(
    "alphabet", ["0123456789/.-: ", "0123456789", "1./", "12/11/2019 ", "Nov 18, 2019 10:31 "]
)
def test_linear_time_on_long_lines(alphabet: str) -> None:
    def text(length: int) -> str:
        if " " in alphabet and len(alphabet) > 15:
            return (alphabet * (length // len(alphabet) + 1))[:length]
        rng = random.Random(7)
        return "".join(rng.choice(alphabet) for _ in range(length))

    _assert_linear(text, 25_000)


@pytest.mark.parametrize("unit", ["9", "1.", "年月日", "Nov ", "18 "])
def test_linear_time_on_long_runs(unit: str) -> None:
    _assert_linear(lambda length: unit * (length // len(unit)), 25_000)
