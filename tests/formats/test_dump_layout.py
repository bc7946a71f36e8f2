"""Reading a dump's layout: wrap width, Markdown, text nodes, function words, paragraph marks."""

from __future__ import annotations

import textwrap

import pytest

from newscorpus.formats.dump import read_layout, split_lines, wrap_width
from newscorpus.formats.dump.layout import function_words
from tests.formats.dumps import PARAGRAPHS


def filled(width: int, *, indent: str = "") -> str:
    """The sample paragraphs wrapped at ``width``, an empty line between them."""
    return "\n\n".join(
        textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in PARAGRAPHS
    )


@pytest.mark.parametrize("width", [60, 72, 78, 80, 100])
def test_the_width_is_where_greedy_wrapping_broke_the_lines(width: int) -> None:
    dump = filled(width)
    detected = wrap_width(split_lines(dump))
    assert detected is not None
    longest = max(len(line) for line in dump.splitlines())
    assert longest <= detected <= width


@pytest.mark.parametrize("width", [72, 78])
def test_lines_past_the_margin_do_not_hide_the_width(width: int) -> None:
    """html2text leaves list items, table rows and long words unwrapped."""
    unwrapped = [
        "  * " + PARAGRAPHS[2],
        "  * " + PARAGRAPHS[3],
        "Pos | Player | Plays | % | Stats  and a note that runs on past the right margin here",
        "https://www.example.org/a/very/long/address/that/no/renderer/can/break/anywhere/at/all",
    ]
    dump = filled(width) + "\n\n" + "\n".join(unwrapped) + "\n\n" + filled(width)
    assert wrap_width(split_lines(dump)) in range(width - 12, width + 1)


def test_a_browser_capture_is_not_wrapped() -> None:
    dump = "\n\n".join(PARAGRAPHS * 3)
    assert wrap_width(split_lines(dump)) is None


def test_a_list_of_headlines_is_not_wrapped() -> None:
    """Teaser headlines of similar lengths, one a line: no width explains them better than
    the long paragraphs around them refute it."""
    headlines = [
        "Stock Show & Rodeo Champion wines set to be auctioned this week",
        "Sabor CocinaBar Mexican restaurant sets reopening date at former",
        "Texas seeks to stamp out distracted driving with new campaign now",
        "Shares retreat on jitters over US bill on Hong Kong protests today",
        "Serape vests and jackets are a thing and you can get them in San",
        "Restaurant, store that was part of San Marcos outlet shopping mall",
        "Basketball: Monday's high school results from across the region",
        "Plenty of tamal parties happening in San Antonio this holiday season",
    ]
    dump = "\n".join(headlines) + "\n\n" + "\n\n".join(PARAGRAPHS * 2)
    assert wrap_width(split_lines(dump)) is None


def test_table_columns_are_not_wrapped_text() -> None:
    rows = [f"{n}       Kyle Busch      50{n:02d}    5       1       17      27" for n in range(20)]
    assert wrap_width(split_lines("\n".join(rows))) is None


def test_lines_in_a_script_without_spaces_do_not_vote() -> None:
    lines = [
        "パスワード管理ソフトの起動ショートカットキーと同じなのです。これが非常に困ったもの。"
    ] * 12
    assert wrap_width(split_lines("\n".join(lines))) is None


def test_text_nodes_are_read_where_empty_lines_are_everywhere() -> None:
    nodes = ["The talks were mediated by", "the European Union", "and by the United States."]
    layout = read_layout(split_lines("\n\n".join(nodes * 4)))
    assert layout.text_nodes
    assert layout.width is None


def test_text_nodes_are_read_where_there_is_no_empty_line() -> None:
    nodes = ["The talks were mediated by", "the European Union", "and by the United States."]
    layout = read_layout(split_lines("\n".join(nodes * 4)))
    assert (layout.text_nodes, layout.blank_lines) == (True, False)


def test_a_browser_capture_is_not_text_nodes() -> None:
    dump = "Home\nWorld\nSport\n\n" + "\n\n".join(PARAGRAPHS) + "\n\nAbout us\nContact"
    layout = read_layout(split_lines(dump))
    assert (layout.text_nodes, layout.blank_lines) == (False, True)


def test_a_wrapped_dump_is_not_text_nodes() -> None:
    layout = read_layout(split_lines(filled(72)))
    assert (layout.text_nodes, layout.width is not None) == (False, True)


def test_function_words_are_spread_over_the_running_text() -> None:
    words = function_words(split_lines("\n\n".join(PARAGRAPHS)))
    assert {"the", "and", "of"} <= words
    assert not words & {"talks", "Armenia", "Azerbaijan", "border", "region"}


def test_function_words_need_running_text() -> None:
    assert function_words(split_lines("Home\nWorld\nSport\nthe\nthe\nthe")) == frozenset()


def test_function_words_work_in_scripts_without_case() -> None:
    lines = [
        "قال الرئيس في بيان من العاصمة إن المحادثات ستستأنف في الربيع",
        "وأضاف في مؤتمر صحفي من القصر أن الجانبين اتفقا على الحدود",
        "ورحب الوسطاء في بروكسل من جهتهم بالإعلان المشترك للجانبين",
    ]
    assert {"في", "من"} <= function_words(split_lines("\n".join(lines)))
