"""Markdown and text out: layout, the round trip through the dump parser, safe file names."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import Article, Block, Link, Media, ParserInfo
from newscorpus.render import file_name, to_markdown, to_text
from tests.strategies import articles, table_rows, texts

PARSER = ParserInfo("dump", "0.1.0")
REPORT = "The council met on Monday evening to vote on the budget, as the report said it would."
BODY = (
    Block("paragraph", REPORT, links=(Link(60, 70, "https://example.org/report"),)),
    Block(
        "paragraph",
        "Members argued for three hours about the cost of the new bridge over the river, "
        "and about who would pay for it.",
    ),
    Block("heading", "What the budget holds"),
    Block(
        "paragraph",
        "The budget holds more money for schools and roads than last year, and less for the "
        "old harbour.",
    ),
    Block("list_item", "Schools get twelve million more than in the year before"),
    Block("list_item", "Roads get four million more than in the year before"),
    Block("quote", "This is a budget for the children of the town, and for their parents."),
    Block.table(
        [["Item", "2023", "2024"], ["Schools", "40", "52"], ["Roads", "20", "24"]], header_rows=1
    ),
    Block(
        "paragraph",
        "The vote was put off until the spring, when the council will meet again to decide it.",
    ),
)
ARTICLE = Article(
    id="3c4a10db78f993bb",
    title="Council puts off the budget vote",
    authors=("Jane Doe",),
    site_name="Example News",
    published=dt.date(2024, 3, 1),
    blocks=BODY,
    media=(Media("The town hall on Monday", credit="AFP"),),
    parser=PARSER,
)


def test_markdown_parsed_back_as_a_dump_gives_the_same_blocks() -> None:
    plain = Article(id="a", title=ARTICLE.title, blocks=BODY, parser=PARSER)
    back = newscorpus.parse(plain.to_markdown(), format="dump")
    assert back.blocks == BODY
    assert back.title == ARTICLE.title
    assert REPORT[60:70] == "the report"


def test_markdown_has_title_byline_body_and_captions_in_order() -> None:
    markdown = ARTICLE.to_markdown()
    assert markdown.startswith("# Council puts off the budget vote\n\nBy Jane Doe · Example News")
    assert "[the report](https://example.org/report)" in markdown
    assert "\n## What the budget holds\n" in markdown
    assert "\n- Schools get" in markdown
    assert "\n> This is a budget" in markdown
    assert "| Item | 2023 | 2024 |\n| --- | --- | --- |\n| Schools | 40 | 52 |" in markdown
    assert markdown.endswith("---\n\n*The town hall on Monday (AFP)*\n")


def test_text_has_no_marks_and_a_table_as_tab_separated_rows() -> None:
    text = ARTICLE.to_text()
    assert text.startswith("Council puts off the budget vote\n\nBy Jane Doe")
    assert "Item\t2023\t2024\nSchools\t40\t52" in text
    assert "[" not in text.replace("[Picture:", "")
    assert "#" not in text
    assert text.endswith("[Picture: The town hall on Monday (AFP)]\n")


def test_the_methods_call_the_render_functions() -> None:
    assert ARTICLE.to_markdown() == to_markdown(ARTICLE)
    assert ARTICLE.to_text() == to_text(ARTICLE)


@settings(max_examples=100, deadline=None)
@given(table_rows, st.integers(min_value=0, max_value=3))
def test_a_table_renders_one_line_a_row_and_its_text_one_cell_a_tab(
    rows: list[list[str]], header_rows: int
) -> None:
    table = Block.table(rows, header_rows=header_rows)
    lines = table.text.split("\n")
    assert len(lines) == len(rows)
    assert [line.split("\t") for line in lines] == [list(row.cells) for row in table.rows]
    markdown = to_markdown(Article(id="a", blocks=(table,), parser=PARSER))
    assert markdown.count("\n| ") == len(rows)  # the rule and every row but the first
    assert sum(row.header for row in table.rows) == min(header_rows, len(rows))


_SAFE_NAME = re.compile(r"[A-Za-z0-9._-]+")


@settings(max_examples=200, deadline=None)
@given(articles, st.sampled_from([".md", ".txt"]))
def test_file_names_are_safe_and_stable(article: Article, suffix: str) -> None:
    name = file_name(article, suffix)
    assert _SAFE_NAME.fullmatch(name)
    assert name.endswith(suffix)
    assert not name.startswith(".")
    assert len(name.encode()) <= 255 or len(article.id) > 150
    assert name == file_name(article, suffix)


@given(texts)
def test_articles_with_different_ids_get_different_names(title: str) -> None:
    one = Article(id="0123456789abcdef", title=title, blocks=(), parser=PARSER)
    two = Article(id="fedcba9876543210", title=title, blocks=(), parser=PARSER)
    assert file_name(one, ".md") != file_name(two, ".md")


@settings(max_examples=100, deadline=None)
@given(articles)
def test_any_article_renders(article: Article) -> None:
    assert to_markdown(article).endswith("\n")
    assert to_text(article).endswith("\n")
