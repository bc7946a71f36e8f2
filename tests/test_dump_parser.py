"""The dump parser: lines, wrap width and unwrapping, broken sentences, and block kinds."""

from __future__ import annotations

import textwrap

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newscorpus import RawDocument, __version__, tuning
from newscorpus.formats.dump import DumpParser, Line, split_lines, wrap_width
from tests.strategies import wrappable_paragraphs

PARAGRAPHS = (
    "After months of deadlock and extreme tension, talks between Armenia and Azerbaijan, who "
    "have been in conflict for over thirty years over control of the region, finally resumed "
    "on Thursday with a joint statement welcomed by every mediator.",
    "To move the talks forward, Russia, the European Union and the United States have been "
    "conducting parallel negotiations for months. All have welcomed the joint declaration "
    "issued by the two capitals on Thursday evening.",
    "Turkey, an ally of Azerbaijan, also expressed its satisfaction, saying that it hoped to "
    "sign a peace agreement as soon as possible, something which would open the border.",
)


def blocks(text: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of each block the dump parser makes of ``text``."""
    return [(block.kind, block.text) for block in DumpParser().parse(RawDocument(text)).blocks]


def texts(text: str) -> list[str]:
    return [block_text for _, block_text in blocks(text)]


# --- split_lines -------------------------------------------------------------------------------


def test_split_lines_keeps_non_empty_lines_and_where_the_blanks_were() -> None:
    lines = split_lines("Title\n\n  First line\nsecond line\n \t \nLast")
    assert lines == [
        Line(0, "Title", 0, blank_before=True, blank_after=True),
        Line(2, "First line", 2, blank_before=True, blank_after=False),
        Line(3, "second line", 0, blank_before=False, blank_after=True),
        Line(5, "Last", 0, blank_before=True, blank_after=True),
    ]


@pytest.mark.parametrize(
    "separator",
    ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"],
)
def test_split_lines_knows_every_line_break(separator: str) -> None:
    assert [line.text for line in split_lines(f"one{separator}two")] == ["one", "two"]
    assert [line.number for line in split_lines(f"one{separator}two")] == [0, 1]


def test_split_lines_crlf_is_one_break() -> None:
    lines = split_lines("one\r\ntwo\r\n\r\nthree")
    assert [(line.number, line.blank_before) for line in lines] == [
        (0, True),
        (1, False),
        (3, True),
    ]


def test_split_lines_expands_tabs_for_indentation() -> None:
    [line] = split_lines("\tIndented")
    assert line.indent == tuning.TAB_WIDTH
    assert line.text == "Indented"


def test_split_lines_strips_unicode_spaces_and_treats_them_as_blank() -> None:
    lines = split_lines("\u00a0\u3000Text\u2009\n\u00a0\nMore")
    assert [(line.text, line.blank_after) for line in lines] == [("Text", True), ("More", True)]


@pytest.mark.parametrize("text", ["", "\n", " \n\t\n\u00a0", "\r\n\r\n"])
def test_split_lines_of_blank_text_is_empty(text: str) -> None:
    assert split_lines(text) == []


# --- wrap width and unwrapping -----------------------------------------------------------------


@pytest.mark.parametrize("width", [72, 78, 80])
def test_textwrap_fill_is_detected_and_unwrapped(width: int) -> None:
    dump = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"
    detected = wrap_width(split_lines(dump))
    assert detected is not None
    assert width - tuning.WRAP_MARGIN_SLACK <= detected <= width
    assert blocks(dump) == [("paragraph", p) for p in PARAGRAPHS]


@pytest.mark.parametrize("width", [72, 78, 80])
def test_indented_wrapped_text_is_unwrapped(width: int) -> None:
    dump = "\n\n".join(
        textwrap.fill(p, width, initial_indent="   ", subsequent_indent="   ") for p in PARAGRAPHS
    )
    assert blocks(dump) == [("paragraph", p) for p in PARAGRAPHS]


@settings(max_examples=60, deadline=None)
@given(
    paragraphs=st.lists(wrappable_paragraphs, min_size=2, max_size=5),
    width=st.sampled_from([72, 78, 80]),
)
def test_any_filled_text_unwraps_to_its_paragraphs(paragraphs: list[str], width: int) -> None:
    filled = [textwrap.fill(p, width, break_on_hyphens=False).splitlines() for p in paragraphs]
    # Enough evidence to trust a width: lines, and pairs of lines a wrap explains.
    assume(sum(len(lines) for lines in filled) >= tuning.WRAP_MIN_LINES)
    assume(sum(len(lines) - 1 for lines in filled) >= tuning.WRAP_MIN_VOTES)
    dump = "\n\n".join("\n".join(lines) for lines in filled)
    assert texts(dump) == paragraphs


def test_browser_capture_is_not_wrapped() -> None:
    lines = split_lines("\n\n".join(PARAGRAPHS * 3))
    assert wrap_width(lines) is None


def test_short_dump_is_not_wrapped() -> None:
    dump = textwrap.fill(PARAGRAPHS[0], 40)
    assert len(dump.splitlines()) < tuning.WRAP_MIN_LINES
    assert wrap_width(split_lines(dump)) is None


def test_lines_wider_than_any_renderer_are_not_wrapped() -> None:
    width = tuning.WRAP_MAX_WIDTH + 20
    dump = textwrap.fill(" ".join(PARAGRAPHS * 4), width)
    assert wrap_width(split_lines(dump)) is None


def test_short_lines_of_a_wrapped_dump_are_not_joined() -> None:
    """A menu line under a wrapped paragraph: the next word would have fitted, so it is a break."""
    wrapped = textwrap.fill(" ".join(PARAGRAPHS[:2]), 72)
    assert len(wrapped.splitlines()[-1]) + len(" Home") <= 72, "the menu line would have fitted"
    dump = wrapped + "\nHome\nWorld\nSport"
    assert wrap_width(split_lines(dump)) is not None
    assert texts(dump) == [" ".join(PARAGRAPHS[:2]), "Home", "World", "Sport"]


# --- broken sentences --------------------------------------------------------------------------


def test_sentence_broken_at_link_boundaries_is_rejoined() -> None:
    dump = "The talks were mediated by\n\nthe European Union\n\nand by the United States.\n"
    assert texts(dump) == [
        "The talks were mediated by the European Union and by the United States."
    ]


def test_punctuation_after_a_link_is_glued_without_a_space() -> None:
    dump = "Talks were held in\nthe capital\n, and the two leaders met\nprivately\n.\n"
    assert texts(dump) == ["Talks were held in the capital, and the two leaders met privately."]


@pytest.mark.parametrize(
    "dump",
    [
        "The talks resumed.\nthe next round is planned.",  # the first line ends a sentence
        "The talks resumed\nThe next round is planned.",  # the second starts one
        "The talks resumed\n2024 is the year.",  # a digit is not a continuation
        "The talks resumed\n- a list item",  # nor a bullet
    ],
)
def test_lines_that_may_be_sentences_are_not_joined(dump: str) -> None:
    assert len(blocks(dump)) == 2


# --- block kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["* ", "• ", "- ", "– ", "— ", "+ ", "▪ ", "◦ ", "*\t"])
def test_bullets_become_list_items(marker: str) -> None:
    assert blocks(f"{marker}Thirty-two prisoners of war") == [
        ("list_item", "Thirty-two prisoners of war")
    ]


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("# Stalled talks", "heading", "Stalled talks"),
        ("### Stalled talks", "heading", "Stalled talks"),
        ("###### Stalled talks", "heading", "Stalled talks"),
        ("#Stalled", "paragraph", "#Stalled"),  # a hashtag, not a heading
        ("####### Seven marks", "paragraph", "####### Seven marks"),
        ("> A historical chance.", "quote", "A historical chance."),
        (">A historical chance.", "quote", "A historical chance."),
        ("-5 degrees tonight.", "paragraph", "-5 degrees tonight."),
        ("*Emphasis* matters.", "paragraph", "*Emphasis* matters."),
    ],
)
def test_marks_decide_the_kind(line: str, kind: str, text: str) -> None:
    assert blocks(line) == [(kind, text)]


def test_a_heading_ends_its_block_in_a_text_node_dump() -> None:
    """Every line apart (a text-node dump), and "talks" frequent enough to pass for a function
    word: the heading must still not run into the paragraph after it."""
    lines = [
        "The two sides said the talks would resume in the spring, after the elections.",
        "Mediators from the European Union hosted the talks in Brussels last month.",
        "Both leaders described the talks as useful, according to their offices.",
        "Baku will free 32 Armenian prisoners of war, according to the statement.",
        "– Stalled talks –",
        "Aliyev and Pashinyan have met on several occasions for normalisation talks.",
        "But the process has stalled over the last two months.",
        "In October, Aliyev declined to attend a round of negotiations in Spain.",
    ]
    parsed = blocks("\n\n".join(lines))
    assert ("heading", "Stalled talks") in parsed
    assert ("paragraph", lines[5]) in parsed


def test_a_line_starting_with_a_day_number_keeps_it() -> None:
    """German and other dates put the day first: ``5. Mai`` is not a list item number."""
    line = "5. Mai 2024: Die Gespräche zwischen Armenien und Aserbaidschan wurden fortgesetzt."
    assert texts(line) == [line]


# --- the draft ---------------------------------------------------------------------------------


def test_parse_returns_a_draft_of_the_dump() -> None:
    document = RawDocument("Title\n\nA paragraph.\n", source="page.txt", url="https://x.org/a")
    draft = DumpParser().parse(document)
    assert (draft.parser.name, draft.parser.version) == ("dump", __version__)
    assert (draft.source, draft.url, draft.format) == ("page.txt", "https://x.org/a", "dump")
    assert [block.index for block in draft.blocks] == [0, 1]
    assert all(block.kept for block in draft.blocks)
    assert draft.edits == []


def test_blank_lines_around_blocks_are_kept_as_features() -> None:
    draft = DumpParser().parse(RawDocument("Menu\nHome\n\nA paragraph.\n"))
    assert [(b.text, b.blank_before, b.blank_after) for b in draft.blocks] == [
        ("Menu", True, False),
        ("Home", False, True),
        ("A paragraph.", True, True),
    ]


def test_the_dump_parser_is_the_fallback_for_any_text() -> None:
    score = DumpParser().can_parse(RawDocument("anything"))
    assert score == tuning.DUMP_FALLBACK_SCORE
    assert 0 < score < 1
