"""parse_byline: markers in many languages, bylines without markers, people only."""

from __future__ import annotations

import pytest

from newscorpus.metadata import Byline, parse_byline


@pytest.mark.parametrize(
    ("text", "authors", "agency", "rest"),
    [
        ("By Sarah E. Needleman", ("Sarah E. Needleman",), None, ""),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None, ""),
        ("By Jane Doe, John Roe and Bill Poe", ("Jane Doe", "John Roe", "Bill Poe"), None, ""),
        ("By Jane Doe, John Roe, and Bill Poe", ("Jane Doe", "John Roe", "Bill Poe"), None, ""),
        ("By JANE DOE AND JOHN ROE", ("JANE DOE", "JOHN ROE"), None, ""),
        ("BY Jane Doe & John Roe", ("Jane Doe", "John Roe"), None, ""),
        ("Jane Doe | Reuters", ("Jane Doe",), "Reuters", ""),
        ("Jane Doe and John Roe | AFP", ("Jane Doe", "John Roe"), "AFP", ""),
        (
            "Reuters November 18, 2019 11:03 PM",
            (),
            "Reuters",
            "November 18, 2019 11:03 PM",
        ),
        (
            "Chris Davies - Nov 19, 2019, 10:31 pm CST",
            ("Chris Davies",),
            None,
            "Nov 19, 2019, 10:31 pm CST",
        ),
        ("Written by Mary O'Brien", ("Mary O'Brien",), None, ""),
        ("Par Jean Dupont", ("Jean Dupont",), None, ""),
        ("Par Jean Dupont, envoyé spécial à Kiev", ("Jean Dupont",), None, "envoyé spécial à Kiev"),
        ("Par Jean Dupont et Marie Curie, avec AFP", ("Jean Dupont", "Marie Curie"), "AFP", ""),
        ("Von Hans Müller", ("Hans Müller",), None, ""),
        ("Por María García", ("María García",), None, ""),
        ("Por María García y José López", ("María García", "José López"), None, ""),
        ("Di Mario Rossi", ("Mario Rossi",), None, ""),
        ("Door Jan Jansen", ("Jan Jansen",), None, ""),
        ("Autor: Jan Kowalski", ("Jan Kowalski",), None, ""),
        ("Autorin: Anna Schmidt", ("Anna Schmidt",), None, ""),
        ("Текст: Иван Петров", ("Иван Петров",), None, ""),
        ("Автор: Иван Петров", ("Иван Петров",), None, ""),
        ("By Ludwig van Beethoven", ("Ludwig van Beethoven",), None, ""),
        ("By Jean-Pierre Dupont in Paris", ("Jean-Pierre Dupont",), None, "in Paris"),
        ("By Jane Doe with AFP", ("Jane Doe",), "AFP", ""),
        ("By Jane Doe (AFP)", ("Jane Doe",), "AFP", ""),
        ("By Jane Doe, Associated Press", ("Jane Doe",), "AP", ""),
        (
            "By Jane Doe, Staff Writer | Reuters | Nov 18, 2019",
            ("Jane Doe",),
            "Reuters",
            "Staff Writer | Nov 18, 2019",
        ),
        ("Posted on Nov 19, 2019 by Jane Doe", ("Jane Doe",), None, "Posted on Nov 19, 2019"),
        ("بقلم: محمد علي", ("محمد علي",), None, ""),
        ("记者 张三", ("张三",), None, ""),
        ("新华社记者 张三 李四", ("张三", "李四"), "Xinhua", ""),
        ("（记者 张三 报道）", ("张三",), None, "报道"),
        ("文/张三", ("张三",), None, ""),
        ("홍길동 기자", ("홍길동",), None, ""),
        ("By AFP", (), "AFP", ""),
        ("By The Associated Press", (), "AP", ""),
        ("(AFP)", (), "AFP", ""),
        ("AFP", (), "AFP", ""),
        ("with AFP", (), "AFP", ""),
        ("(AP) —", (), "AP", ""),
        ("By Staff", (), None, "Staff"),
        ("By Staff Writer", (), None, "Staff Writer"),
        ("By Editorial Board", (), None, "Editorial Board"),
        ("By News Desk", (), None, "News Desk"),
        ("By Web Team", (), None, "Web Team"),
        (
            "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
            (),
            None,
            "New Delhi, News Nation Bureau | Updated : 19 November 2019, 09:01 AM",
        ),
    ],
)
def test_bylines(text: str, authors: tuple[str, ...], agency: str | None, rest: str) -> None:
    assert parse_byline(text) == Byline(authors, agency, rest)


@pytest.mark.parametrize(
    ("text", "authors", "agency"),
    [
        # Header lines of the scrapinghub benchmark's dumps.
        ("By Umair Irfan Updated Nov 13, 2019, 10:28am EST", ("Umair Irfan",), None),
        ("By Al Root Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19", ("Al Root",), None),
        ("By BILL HOPPE | Special to the Pioneer Press", ("BILL HOPPE",), None),
        ("By\u00a0Eric Song, IGN Staff", ("Eric Song",), None),
        ("By Joseph Tsidulko\u00a0November 19, 2019, 07:47 PM EST", ("Joseph Tsidulko",), None),
        ("(Reporting by Will Dunham; Editing by Tom Brown)", ("Will Dunham",), None),
        ("Текст: Венера Ерофеева·24 сентября 2018", ("Венера Ерофеева",), None),
        ("Von Moritz Bachmann publiziert am 25. September 2018", ("Moritz Bachmann",), None),
        ("Adam Clark Estes11/13/19 11:00AM", ("Adam Clark Estes",), None),
        ("By Sherif Saed, Wednesday, 20 November 2019 08:05 GMT", ("Sherif Saed",), None),
        (
            "By Stefan Becket, Kathryn Watson, Grace Segers",
            ("Stefan Becket", "Kathryn Watson", "Grace Segers"),
            None,
        ),
        (
            "By Tariq Malik, Mike Wall 2019-11-18T22:05:36Z Spaceflight",
            ("Tariq Malik", "Mike Wall"),
            None,
        ),
        ("BY KASHMIRA GANDER ON 11/13/19 AT 4:00 PM EST", ("KASHMIRA GANDER",), None),
        ("5:45 AM PST 11/19/2019 by Patrick Shanley", ("Patrick Shanley",), None),
        (
            "By LISA MASCARO, MARY CLARE JALONICK and ERIC TUCKER",
            ("LISA MASCARO", "MARY CLARE JALONICK", "ERIC TUCKER"),
            None,
        ),
        ("October 9, 2018 | by Olivia Larsen", ("Olivia Larsen",), None),
        ("By Jill Disis, CNN Business", ("Jill Disis",), None),
        ("By Chris Pokorny@DawgsByNature Nov 18, 2019, 11:47am EST", ("Chris Pokorny",), None),
        ("By JERUSALEM POST STAFF", (), None),
        ("by European Space Agency", (), None),
        ("By admin - 2018-09-16", (), None),
        ("By HNN Staff | November 18, 2019 at 2:26 PM HST", (), None),
        ("By REUTERS", (), "Reuters"),
        ("© Reuters", (), "Reuters"),
    ],
)
def test_bylines_seen_in_dumps(text: str, authors: tuple[str, ...], agency: str | None) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert (byline.authors, byline.agency) == (authors, agency)


@pytest.mark.parametrize(
    "text",
    [
        "By Any Means Necessary",
        "Opening Bell 11.18.19",
        "The Guardian. 15 November 2019.",
        "Natalie Naccache | Bloomberg | Getty Images",
        "An MSC cargo ship leaves PortMiami, on Aug. 31, 2019. (AP)",
        "（记者 张三）亚美尼亚总统表示，两国将在年底前签署和平协议，这是一个重要的进展",
        "(서울=연합뉴스) 홍길동 기자 = 정부는 18일 새로운 정책을 발표했다고 밝혔다 오늘",
    ],
)
def test_titles_captions_and_running_text_are_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize("name", ["Ben Smith", "Van Jones", "Al Gore", "May Ling", "Jan Novak"])
def test_given_names_that_are_also_particles_or_months(name: str) -> None:
    byline = parse_byline(f"By {name}")
    assert byline is not None
    assert byline.authors == (name,)


def test_a_desk_credited_by_an_agency_gives_the_agency() -> None:
    byline = parse_byline("By Reuters Staff")
    assert byline is not None
    assert byline.authors == ()
    assert byline.agency == "Reuters"


def test_the_site_is_not_an_author() -> None:
    assert parse_byline("By Le Monde") is None
    byline = parse_byline("By Daily Planet Reporters", site_name="Daily Planet")
    assert byline is not None
    assert byline.authors == ()
    byline = parse_byline("By Lois Lane | Daily Planet", site_name="Lois Lane")
    assert byline is None or "Lois Lane" not in byline.authors


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Written By",
        "By the end of the year, prices had doubled.",
        "By Monday, talks had stalled.",
        "By Jane Doe's estimate, sales fell.",
        "By jane@example.com",
        "By https://example.com/jane",
        "By 2020, the plan will be done.",
        "By Christmas",
        "By Staff 2019 Report 12345",
        "Stalled talks",
        "Connect with us",
        "Jane Doe",
        "Home | World | Business",
        "Le Monde | 10 Dec 2023",
        "Azerbaijan holds a military parade - Copyright AFP Menahem KAHANA",
        "With 2,400 staff representing 100 different nationalities, AFP covers the world.",
        "Reuters reported on November 18, 2019 that the talks had stalled.",
        "By John Jacob Jingleheimer Schmidt Smith Jones",
        "Par ailleurs, le gouvernement a annoncé une réforme.",
        "Von der Leyen said on Monday that",
        "Por lo tanto, el acuerdo no se firmó.",
        "Di conseguenza, il governo ha deciso.",
        "Door de regering werd besloten.",
        "x" * 300,
    ],
)
def test_not_bylines(text: str) -> None:
    assert parse_byline(text) is None


@pytest.mark.parametrize(
    "text",
    ["By Staff", "By Staff Writer", "By Editorial Board", "By News Desk", "By Reuters"],
)
def test_desks_and_agencies_are_never_authors(text: str) -> None:
    byline = parse_byline(text)
    assert byline is not None
    assert byline.authors == ()
