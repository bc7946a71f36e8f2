"""Line marks (bullets, numbers, headings, quotes, rules) and inline Markdown."""

from __future__ import annotations

import textwrap

import pytest

import newscorpus
from newscorpus.formats import DumpParser, RawDocument
from newscorpus.formats.dump.markup import (
    has_markdown,
    is_rule,
    mark_of,
    strip_links,
    strip_markdown,
)
from tests.formats.dumps import PARAGRAPHS, kinds_and_texts, texts

# --- line marks --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "1. Kyle Busch 5040",
        "1) Kyle Busch 5040",
        "12. Mix the flour and the butter.",
        "2. Stir.",
    ],
)
def test_numbered_items_keep_their_number(line: str) -> None:
    assert kinds_and_texts(line) == [("list_item", line)]


def test_a_standings_table_keeps_every_number() -> None:
    dump = "1. Kyle Busch 5040\n2. Martin Truex Jr. 5035\n3. Kevin Harvick 5033\n"
    assert texts(dump) == [
        "1. Kyle Busch 5040",
        "2. Martin Truex Jr. 5035",
        "3. Kevin Harvick 5033",
    ]


@pytest.mark.parametrize("bullet", ["*", "•", "-", "+", "–", "▪"])
def test_symbol_bullets_are_taken_off(bullet: str) -> None:
    assert kinds_and_texts(f"{bullet} Thirty-two prisoners") == [
        ("list_item", "Thirty-two prisoners")
    ]


@pytest.mark.parametrize(
    ("line", "kind", "text"),
    [
        ("## Story Timeline", "heading", "Story Timeline"),
        ("## Story Timeline ##", "heading", "Story Timeline"),
        ("— Stalled talks —", "heading", "Stalled talks"),
        ("== Stalled talks ==", "heading", "Stalled talks"),
        ("> > A nested quote.", "quote", "A nested quote."),
        ("  * ## A teaser headline", "list_item", "A teaser headline"),
        ("1. ### A numbered teaser", "list_item", "1. A numbered teaser"),
        ("* player.setav magicka *", "list_item", "player.setav magicka *"),
    ],
)
def test_marks_make_the_kind(line: str, kind: str, text: str) -> None:
    assert kinds_and_texts(line) == [(kind, text)]


def test_the_mark_says_where_the_text_starts() -> None:
    """The column a wrapped item's next lines are indented to (a hanging indent)."""
    assert mark_of("* Kyle Busch", indent=2).column == 4
    assert mark_of("Kyle Busch", indent=2).column == 2


@pytest.mark.parametrize(
    "line", ["* * *", "---", "- - -", "___", "=====", "---|---|---", "|:---|---:|", "| | |", "###"]
)
def test_rules_and_table_borders_are_rules(line: str) -> None:
    assert is_rule(line)


@pytest.mark.parametrize("line", ["- 5 -", "--", "|", "***Breaking***", "-- Coral Sky"])
def test_lines_with_words_or_too_short_are_not_rules(line: str) -> None:
    assert not is_rule(line)


def test_a_rule_is_left_out_and_separates() -> None:
    dump = "First part of the text,\n* * *\nsecond part of the text.\n"
    blocks = kinds_and_texts(dump)
    assert blocks == [
        ("paragraph", "First part of the text,"),
        ("paragraph", "second part of the text."),
    ]


# --- inline Markdown ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("A **strong** word", "A strong word"),
        ("an _emphasised_ word", "an emphasised word"),
        ("an *emphasised* word", "an emphasised word"),
        ("**_both_** at once", "both at once"),
        ("_Star Trek Beyond._ Unlike", "Star Trek Beyond. Unlike"),
        ("Chris Davies \\- Nov 19", "Chris Davies - Nov 19"),
        ("5\\. Mai 2024", "5. Mai 2024"),
        ("a \\*literal\\* star", "a *literal* star"),
        ("__ Twitter", "Twitter"),
        ("****You are commenting", "You are commenting"),
        ("Nissan __November 20", "Nissan November 20"),
        ("that.**”**", "that.”"),
        ("run `make test` now", "run make test now"),
        ("~~old~~ new", "old new"),
        ("snake_case stays", "snake_case stays"),
        ("5 * 3 = 15", "5 * 3 = 15"),
    ],
)
def test_markdown_marks_are_taken_off(markdown: str, text: str) -> None:
    assert strip_markdown(markdown) == text


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("see [the report](https://x.org/a) here", "see the report here"),
        ('see [the report](https://x.org/a "Title") here', "see the report here"),
        ("see [the report](https://x.org/a_(b)) here", "see the report here"),
        ("see [the report][3] here", "see the report here"),
        ("![Aliyev and Pashinyan in Sochi](photo.jpg)", "Aliyev and Pashinyan in Sochi"),
        ("before ![](pixel.gif) after", "before  after"),
        ("[sic] stays", "[sic] stays"),
    ],
)
def test_links_keep_their_text_and_images_their_alt_text(markdown: str, text: str) -> None:
    assert strip_links(markdown) == text


def test_markdown_needs_evidence() -> None:
    assert has_markdown(["Chris Davies \\- Nov 19"])
    assert has_markdown(["  * __ Twitter"])
    assert has_markdown(["**Bold** lead-in"])
    assert not has_markdown(["*Emphasis* matters.", "snake_case_name", "5 * 3 = 15"])
    assert not has_markdown(["Rating: *****"])


def test_markdown_is_read_only_in_a_markdown_dump() -> None:
    assert texts("*Emphasis* matters.") == ["*Emphasis* matters."]
    assert texts("A **strong** word.\n\n*Emphasis* matters.") == [
        "A strong word.",
        "Emphasis matters.",
    ]


@pytest.mark.parametrize("width", [60, 70, 78])
def test_emphasis_spanning_wrapped_lines_is_taken_off(width: int) -> None:
    """html2text wraps after adding the marks, so a line may break inside an emphasis."""
    emphasised = [
        paragraph.replace("Armenia and Azerbaijan", "_Armenia and Azerbaijan_")
        .replace("European Union", "**European Union**")
        .replace("peace agreement", "_peace agreement_")
        for paragraph in PARAGRAPHS
    ]
    dump = "\n\n".join(textwrap.fill(paragraph, width) for paragraph in emphasised)
    assert texts(dump) == list(PARAGRAPHS)


def test_a_link_becomes_the_blocks_link_and_an_image_target_an_edit() -> None:
    from newscorpus import RawDocument
    from newscorpus.formats.dump import DumpParser

    draft = DumpParser().parse(
        RawDocument("A **strong** [report](https://x.org/a) here.\n\n![A car](car.jpg) too.\n")
    )
    first, second = draft.blocks
    assert first.text == "A strong report here."
    assert [(first.text[link.start : link.end], link.href) for link in first.links] == [
        ("report", "https://x.org/a")
    ]
    [edit] = draft.edits
    assert (edit.step, "car.jpg" in edit.before, second.text) == ("parser", True, "A car too.")


def test_footnote_links_take_their_targets_from_the_definitions() -> None:
    from newscorpus import RawDocument
    from newscorpus.formats.dump import DumpParser

    dump = (
        "The **council** published [the budget][1] and [the plan][2].\n\n"
        "[1]: https://x.org/budget\n[2]: https://x.org/plan 'The plan'\n[3]: https://x.org/unused\n"
    )
    draft = DumpParser().parse(RawDocument(dump))
    assert [block.text for block in draft.blocks] == [
        "The council published the budget and the plan.",
        "[3]: https://x.org/unused",
    ]
    assert [link.href for link in draft.blocks[0].links] == [
        "https://x.org/budget",
        "https://x.org/plan",
    ]
    assert draft.edits == []


def test_a_markdown_table_is_one_table_block() -> None:
    from newscorpus import RawDocument
    from newscorpus.formats.dump import DumpParser

    dump = "Standings:\n\n**Team** | **Pts**\n---|---\n[Lions](/lions) | 12\nBears | 9\n\nEnd.\n"
    blocks = DumpParser().parse(RawDocument(dump)).blocks
    assert [block.kind for block in blocks] == ["paragraph", "table", "paragraph"]
    table = blocks[1]
    assert [(row.cells, row.header) for row in table.rows] == [
        (("Team", "Pts"), True),
        (("Lions", "12"), False),
        (("Bears", "9"), False),
    ]
    assert [table.text[link.start : link.end] for link in table.links] == ["Lions"]


def test_a_line_of_bars_without_a_separator_row_is_no_table() -> None:
    from newscorpus import RawDocument
    from newscorpus.formats.dump import DumpParser

    blocks = DumpParser().parse(RawDocument("Home | News | Sport\nWeather | Travel\n")).blocks
    assert all(block.kind != "table" for block in blocks)


@pytest.mark.parametrize(
    ("dump", "table"),
    [
        ("Pos  Team     Pts\n1    Lions     12\n2    Bears      9\n", True),
        # double spaces after full stops line up nowhere
        (
            "He said so.  Then he left.\nShe stayed on.  It was late, and cold.\n"
            "They met again in May.  Nothing changed.\n",
            False,
        ),
        ("Pos  Team\n1    Lions\n", False),  # two lines may line up by chance
    ],
)
def test_aligned_columns_are_a_table_only_when_every_column_lines_up(
    dump: str, table: bool
) -> None:
    from newscorpus import RawDocument
    from newscorpus.formats.dump import DumpParser

    blocks = DumpParser().parse(RawDocument(dump)).blocks
    assert any(block.kind == "table" for block in blocks) is table


LYNX_DUMP = """                          City council approves budget

   The [1]city council approved the budget on Monday after a long debate
   about the [2]new bridge, which will cost more than planned this year.

   The mayor said the vote was a [3]turning point for the town, and [7]this
   stays: the list below does not hold a seventh link.

References

   1. https://example.org/council
   2. https://example.org/bridge
   3. https://example.org/mayor
"""


def test_lynx_footnotes_become_links_over_the_word_after_their_mark() -> None:
    article = newscorpus.parse(LYNX_DUMP, format="dump")
    first, second = article.blocks
    assert first.text.startswith("The city council approved")
    assert [(first.text[link.start : link.end], link.href) for link in first.links] == [
        ("city", "https://example.org/council"),
        ("new", "https://example.org/bridge"),
    ]
    assert [(second.text[link.start : link.end], link.href) for link in second.links] == [
        ("turning", "https://example.org/mayor")
    ]
    assert "[7]this" in second.text  # a number the list does not hold is text
    assert {edit.code for edit in article.edits} == {"dump.footnotes"}
    assert all("[" in edit.before and "[" not in edit.after for edit in article.edits)


def test_square_brackets_without_a_references_list_stay_text() -> None:
    text = LYNX_DUMP.replace("References", "Further reading")
    blocks = DumpParser().parse(RawDocument(text)).blocks
    assert any("[1]city" in block.text for block in blocks)
    assert not any(block.links for block in blocks)
