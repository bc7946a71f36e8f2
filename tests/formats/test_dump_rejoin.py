"""Grouping lines into blocks: unwrapping, rejoining broken sentences, reading each style."""

from __future__ import annotations

import textwrap

import pytest

from newscorpus.formats.dump import read_layout, split_lines
from newscorpus.formats.dump.rejoin import broken_sentence_glue, text_node_glue
from tests.formats.dumps import PARAGRAPHS, kinds_and_texts, parse_blocks, texts

# --- wrapped text ------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [60, 72, 78, 80])
@pytest.mark.parametrize("break_on_hyphens", [True, False])
def test_filled_text_unwraps_to_its_paragraphs(width: int, break_on_hyphens: bool) -> None:
    dump = "\n\n".join(
        textwrap.fill(p, width, break_on_hyphens=break_on_hyphens) for p in PARAGRAPHS
    )
    assert texts(dump) == list(PARAGRAPHS)


def first_width(paragraph: str, wanted: str) -> int:
    """A width at which wrapping ``paragraph`` puts ``wanted`` in the text (a break there)."""
    return next(w for w in range(30, 70) if wanted in textwrap.fill(paragraph, w))


def test_a_break_after_a_hyphen_inside_a_word_is_joined_without_a_space() -> None:
    paragraph = "The joint declaration, issued on Thursday, was a well-received step forward."
    width = first_width(paragraph, "well-\nreceived")
    dump = "\n\n".join(textwrap.fill(p, width) for p in (paragraph, *PARAGRAPHS))
    assert texts(dump)[0] == paragraph


@pytest.mark.parametrize("width", [72, 78])
def test_wrapped_list_items_with_a_hanging_indent_are_unwrapped(width: int) -> None:
    items = [
        textwrap.fill(p, width, initial_indent="  * ", subsequent_indent="    ") for p in PARAGRAPHS
    ]
    assert kinds_and_texts("\n".join(items)) == [("list_item", p) for p in PARAGRAPHS]


def test_a_wrapped_quote_is_unwrapped() -> None:
    """Each line keeps its ``>``; a paragraph ends where its last line left room."""
    quote = "\n".join(
        textwrap.fill(p, 72, initial_indent="> ", subsequent_indent="> ") for p in PARAGRAPHS
    )
    assert kinds_and_texts(quote) == [("quote", p) for p in PARAGRAPHS]


def test_a_dash_that_wrapping_put_first_is_joined() -> None:
    paragraph = (
        "The car can highlight particular features in the road ahead of the driver "
        "– such as markings – with extra precision, and the company says the feature "
        "will be an option in summer when the software update arrives for every owner."
    )
    width = first_width(paragraph, "\n– such")
    dump = "\n\n".join(textwrap.fill(p, width) for p in (paragraph, *PARAGRAPHS))
    assert texts(dump)[0] == paragraph


def test_lines_a_renderer_did_not_wrap_are_left_apart() -> None:
    """A short line whose next word would have fitted, a list after a paragraph, a list item
    longer than the width: none of them was broken by wrapping."""
    wrapped = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS)
    dump = (
        wrapped
        + "\nHome\nWorld\n\nThe steps:\n1. Open the box.\n2. Take the phone out.\n\n"
        + "  * "
        + PARAGRAPHS[0]
        + "\n  * Short item"
    )
    blocks = texts(dump)
    assert blocks[len(PARAGRAPHS) :] == [
        "Home",
        "World",
        "The steps:",
        "1. Open the box.",
        "2. Take the phone out.",
        PARAGRAPHS[0],
        "Short item",
    ]


def test_an_html2text_page_reads_like_the_page() -> None:
    body = "\n\n".join(
        textwrap.fill(p, 78)
        for p in (
            "Chris Davies \\- Nov 19, 2019, 10:31 pm CST",
            PARAGRAPHS[0].replace("joint statement", "**joint statement**"),
            PARAGRAPHS[1].replace("European Union", "_European Union_"),
        )
    )
    dump = (
        "  * Tech\n  * Cars\n  * __ Twitter\n\n"
        "# The talks resume\n\n"
        f"{body}\n\n"
        "* * *\n\n"
        "## Standings\n\n"
        "Pos | Driver | Points\n---|---|---\n1 | Kyle Busch | 5040\n2 | Martin Truex Jr. | 5035\n\n"
        "  1. First step\n  2. Second step\n"
    )
    assert kinds_and_texts(dump) == [
        ("list_item", "Tech"),
        ("list_item", "Cars"),
        ("list_item", "Twitter"),
        ("heading", "The talks resume"),
        ("paragraph", "Chris Davies - Nov 19, 2019, 10:31 pm CST"),
        ("paragraph", PARAGRAPHS[0]),
        ("paragraph", PARAGRAPHS[1]),
        ("heading", "Standings"),
        ("table", "Pos\tDriver\tPoints\n1\tKyle Busch\t5040\n2\tMartin Truex Jr.\t5035"),
        ("list_item", "1. First step"),
        ("list_item", "2. Second step"),
    ]


# --- indentation (inscriptis) ------------------------------------------------------------------


def test_an_inscriptis_page_reads_like_the_page() -> None:
    """Everything indented, deeply and unevenly; ``*`` bullets and ``+`` nested ones; a table
    as padded columns. Indentation says nothing absolute, and no line is wrapped."""
    dump = (
        "Skip to main content\n\n"
        "      I Accept\n"
        "          The Verge homepage\n\n"
        "          * Tech\n"
        "          * Reviews\n"
        "                + Phones\n"
        "                + Laptops\n\n" + "\n\n".join(" " * 8 + p for p in PARAGRAPHS) + "\n\n"
        "          Pos   Driver           Points\n"
        "          1     Kyle Busch       5040\n\n"
        "           1. Here’s when Black Friday deals start\n"
        "           2. Here are the best smart speaker deals\n"
        "          More in Good Deals\n"
    )
    assert read_layout(split_lines(dump)).width is None
    assert kinds_and_texts(dump) == [
        ("paragraph", "Skip to main content"),
        ("paragraph", "I Accept"),
        ("paragraph", "The Verge homepage"),
        ("list_item", "Tech"),
        ("list_item", "Reviews"),
        ("list_item", "Phones"),
        ("list_item", "Laptops"),
        *(("paragraph", p) for p in PARAGRAPHS),
        ("paragraph", "Pos   Driver           Points"),
        ("paragraph", "1     Kyle Busch       5040"),
        ("list_item", "1. Here’s when Black Friday deals start"),
        ("list_item", "2. Here are the best smart speaker deals"),
        ("paragraph", "More in Good Deals"),
    ]


# --- text-node dumps ---------------------------------------------------------------------------

#: Running text around the samples, so that the page has function words.
_CONTEXT = list(PARAGRAPHS)


def text_node_blocks(*nodes: str) -> list[str]:
    """The blocks of a text-node dump of ``nodes`` amid running text, without the context."""
    blocks = texts("\n\n".join([*_CONTEXT, *nodes, *_CONTEXT]))
    return blocks[len(_CONTEXT) : len(blocks) - len(_CONTEXT)]


@pytest.mark.parametrize(
    ("nodes", "joined"),
    [
        (  # a link after a function word, then lower case
            ["The talks were mediated by", "the European Union", "and by the United States."],
            "The talks were mediated by the European Union and by the United States.",
        ),
        (  # a capitalised link after a function word
            ["The leaders met in", "Sochi", "on Monday."],
            "The leaders met in Sochi on Monday.",
        ),
        (  # a short link text that the next line goes on from
            ["By choosing", "I Accept", ", you consent to our use of cookies."],
            "By choosing I Accept, you consent to our use of cookies.",
        ),
        (  # a comma, then a name
            ["Since Olivier Vernon’s injury a couple of weeks ago,", "Chad Thomas has filled in."],
            "Since Olivier Vernon’s injury a couple of weeks ago, Chad Thomas has filled in.",
        ),
        (  # an aside in brackets
            ["There were 11 hits on Mason Rudolph", "(well, 12 if you count the helmet hit)."],
            "There were 11 hits on Mason Rudolph (well, 12 if you count the helmet hit).",
        ),
        (  # a semicolon does not end the sentence
            ["Finals East, Oct. 5–7, in Gladstone, NJ;", "www.usef.org", "."],
            "Finals East, Oct. 5–7, in Gladstone, NJ; www.usef.org.",
        ),
        (  # a label and its value
            ["Palm Bay (1-0):", "Tolivert 25 points. Davis 17 points."],
            "Palm Bay (1-0): Tolivert 25 points. Davis 17 points.",
        ),
        (  # a closing quote mark before a comma
            ["the series I Cavalieri dello Zodiaco", "“, produced by Toei Animation."],
            "the series I Cavalieri dello Zodiaco“, produced by Toei Animation.",
        ),
        (  # a drop cap
            ["H", "ong Kong is burning, and the authorities pour fuel on the fire."],
            "Hong Kong is burning, and the authorities pour fuel on the fire.",
        ),
    ],
)
def test_sentences_broken_at_links_are_rejoined(nodes: list[str], joined: str) -> None:
    assert text_node_blocks(*nodes) == [joined]


@pytest.mark.parametrize(
    "nodes",
    [
        ["Home", "World", "Sport", "Business", "Sign In"],  # a menu
        ["The talks resumed on Monday.", "The next round is planned for May."],  # sentences
        ["Related:", "Talks Resume In Sochi"],  # a label before a title
        ["You may also like:", "Talks resume in Sochi as leaders meet."],  # a long label
        ["Written By", "With 2,400 staff, AFP covers the world."],  # a capital ends no sentence
        ["Talks Resume", "The leaders met in Sochi on Monday."],  # a headline
    ],
)
def test_lines_that_stand_alone_are_left_apart(nodes: list[str]) -> None:
    assert text_node_blocks(*nodes) == nodes


def test_a_heading_mark_ends_its_block() -> None:
    assert text_node_blocks("– Stalled talks –", "and the rest of the text.") == [
        "Stalled talks",
        "and the rest of the text.",
    ]


def test_text_nodes_without_empty_lines_are_rejoined_too() -> None:
    nodes = ["The talks were mediated by", "the European Union", "and by the United States."]
    dump = "\n".join([*_CONTEXT, *nodes, *_CONTEXT])
    assert "The talks were mediated by the European Union and by the United States." in texts(dump)


def test_text_node_glue_reads_one_pair() -> None:
    words = frozenset({"the", "of", "by"})
    assert text_node_glue("Talks were mediated by", "Russia", None, words) == " "
    assert text_node_glue("Talks were mediated", ", they said.", None, words) == ""
    assert text_node_glue("Talks ended.", "Russia said so.", None, words) is None
    assert text_node_glue("Talks ended;", "the rest went on.", None, words) == " "
    assert text_node_glue(";", "Russia said so.", None, words) is None


# --- browser captures --------------------------------------------------------------------------


def test_a_menu_in_a_browser_capture_is_not_glued() -> None:
    dump = "Home\nWorld\nSport\nBusiness\n\n" + "\n\n".join(PARAGRAPHS)
    assert texts(dump)[:4] == ["Home", "World", "Sport", "Business"]


def test_a_sentence_broken_in_a_browser_capture_is_rejoined() -> None:
    dump = "\n\n".join(PARAGRAPHS) + "\n\nThe talks were mediated by\nthe European Union.\n"
    assert texts(dump)[-1] == "The talks were mediated by the European Union."


def test_broken_sentence_glue_reads_one_pair() -> None:
    assert broken_sentence_glue("The talks were mediated by", "the Union.") == " "
    assert broken_sentence_glue("The talks were mediated by", ", said Russia.") == ""
    assert broken_sentence_glue("The talks were mediated by", "Russia.") is None
    assert broken_sentence_glue("The talks ended.", "the next began.") is None
    assert broken_sentence_glue("الرئيس", "قال") == " "  # no case: joined, with a space


# --- paragraph breaks --------------------------------------------------------------------------


def flags(text: str) -> list[tuple[str, bool, bool]]:
    return [(b.text, b.blank_before, b.blank_after) for b in parse_blocks(text)]


def test_empty_lines_mark_paragraph_breaks_in_a_browser_capture() -> None:
    assert flags("Menu\nHome\n\nA paragraph.\n") == [
        ("Menu", True, False),
        ("Home", False, True),
        ("A paragraph.", True, True),
    ]


def test_a_rule_is_a_paragraph_break() -> None:
    assert flags("Intro.\n\nFirst part.\n* * *\nSecond part.\nThird.") == [
        ("Intro.", True, True),
        ("First part.", True, True),
        ("Second part.", True, False),
        ("Third.", False, True),
    ]


def test_every_block_of_a_text_node_dump_stands_apart() -> None:
    nodes = ["The talks were mediated by", "the European Union", "and by the United States."]
    for separator in ("\n", "\n\n"):
        blocks = parse_blocks(separator.join([*_CONTEXT, *nodes, "Home", "World"]))
        assert all(b.blank_before and b.blank_after for b in blocks)
        assert [b.text for b in blocks][-3:] == [
            "The talks were mediated by the European Union and by the United States.",
            "Home",
            "World",
        ]


def test_the_blocks_of_a_wrapped_dump_keep_their_breaks() -> None:
    dump = "\n\n".join(textwrap.fill(p, 72) for p in PARAGRAPHS) + "\n\n* One\n* Two\n"
    assert [(b.blank_before, b.blank_after) for b in parse_blocks(dump)] == [
        *((True, True) for _ in PARAGRAPHS),
        (True, False),
        (False, True),
    ]
