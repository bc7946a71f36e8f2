"""find_agency, find_agencies and agency_named."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newscorpus.metadata import agency_named, find_agencies, find_agency
from tests.timing import MAX_TIME_FACTOR, time_ratio


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Copyright AFP Menahem KAHANA", "AFP"),
        ("AFP Menahem KAHANA", "AFP"),
        ("AFP covers the world as a leading global news agency.", "AFP"),
        ("GETTY IMAGES NORTH AMERICA/AFP JUSTIN SULLIVAN", "AFP"),
        ("MOSCOW (Reuters) — Talks stalled on Monday", "Reuters"),
        ("WASHINGTON (AP) — The Senate voted", "AP"),
        ("(AP) —", "AP"),
        ("AP Photo/Evan Vucci", "AP"),
        ("Photo: AP", "AP"),
        ("— AFP", "AFP"),
        ("- AP", "AP"),
        ("© dpa", "dpa"),
        ("Quelle: dpa", "dpa"),
        ("Source: Reuters", "Reuters"),
        ("with AFP", "AFP"),
        ("avec AFP", "AFP"),
        ("Fuente: EFE", "EFE"),
        ("ROMA (ANSA) - Il governo", "ANSA"),
        ("(Lusa)", "Lusa"),
        ("TOKYO (Kyodo) -- Japan", "Kyodo"),
        ("（共同）", "Kyodo"),
        ("新华社北京11月18日电", "Xinhua"),
        ("BEIJING, Nov. 18 (Xinhua) -- China", "Xinhua"),
        ("New Delhi: (PTI)", "PTI"),
        ("New Delhi, Nov 18 (IANS)", "IANS"),
        ("Rabat (MAP) -", "MAP"),
        ("Photo: PA", "PA Media"),
        ("Bloomberg News reported", "Bloomberg"),
        ("(Bloomberg) -- Stocks fell", "Bloomberg"),
        ("TASS reported", "TASS"),
        ("Agence France-Presse", "AFP"),
        ("Agence France Presse", "AFP"),
        ("the Associated Press said", "AP"),
        ("Keystone-SDA", "Keystone-SDA"),
        ("Anadolu Ajansı", "Anadolu"),
        ("(AA)", "Anadolu"),
        ("[서울=연합뉴스]", "Yonhap"),
        ("ČTK", "ČTK"),
        ("(CTK)", "ČTK"),
        ("Reuters/AP", "Reuters"),
        ("Getty Images/AFP", "AFP"),
    ],
)
def test_agencies(text: str, agency: str) -> None:
    assert find_agency(text) == agency


@pytest.mark.parametrize(
    "text",
    [
        "",
        "He took the AP exam",
        "AP's stylebook",
        "a map of the city",
        "The MAP of the region",
        "PTI chief Imran Khan",
        "Michael Bloomberg said",
        "According to Bloomberg, the deal",
        "AA batteries",
        "a spa weekend",
        "comunidade lusa",
        "Afp",
        "Capitol",
        "共同声明",
        "They met at the cafe",
    ],
)
def test_no_agency(text: str) -> None:
    assert find_agency(text) is None


def test_find_agencies_lists_each_agency_once_in_order() -> None:
    assert find_agencies("AFP/Reuters/AFP") == ["AFP", "Reuters"]
    assert find_agencies("(Reuters) — with AFP and dpa") == ["Reuters", "AFP", "dpa"]
    assert find_agencies("no wire here") == []


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("AP", "AP"),
        ("(AP)", "AP"),
        ("the Associated Press", "AP"),
        ("The Canadian Press", "Canadian Press"),
        ("MAP", "MAP"),
        ("新华社", "Xinhua"),
        ("AP exam", None),
        ("Jane Doe", None),
        ("", None),
        ("the", None),
    ],
)
def test_agency_named(text: str, agency: str | None) -> None:
    assert agency_named(text) == agency


@pytest.mark.parametrize(("unit", "tail"), [("共同 ", ""), ("AP is ", ""), ("(", "AP"), ("x", "")])
def test_linear_time_on_long_lines(unit: str, tail: str) -> None:
    def make(size: int) -> Callable[[], object]:
        text = unit * (size // len(unit)) + tail
        return lambda: find_agency(text)

    assert time_ratio(make, 50_000) < MAX_TIME_FACTOR
