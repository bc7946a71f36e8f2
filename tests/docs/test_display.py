"""The notebook display: articles as HTML, corpora as tables, all article text escaped."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings

import newscorpus
from newscorpus import Article, Block, Edit, Media, ParserInfo, Paywall, Removal
from newscorpus.corpus import open_writer, read_corpus
from newscorpus.display import DisplaySettings, article_html, corpus_html
from tests.strategies import articles

EXAMPLE_DUMPS = Path(__file__).resolve().parents[2] / "examples" / "dumps"

#: Every element the display may emit; anything else in the output came from article text.
ALLOWED_TAGS = {
    "blockquote",
    "caption",
    "details",
    "div",
    "h3",
    "h4",
    "i",
    "b",
    "li",
    "p",
    "s",
    "span",
    "summary",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "tr",
    "ul",
}


class _Collector(HTMLParser):
    """Collects the tags, and each run of text between two tags with the styles around it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, tuple[str, ...]]] = []
        self._pending: list[str] = []

    def _flush(self) -> None:
        if self._pending:
            styles = tuple(style for _, style in self.stack)
            self.texts.append(("".join(self._pending), styles))
            self._pending = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._flush()
        self.tags.append(tag)
        self.stack.append((tag, dict(attrs).get("style") or ""))

    def handle_endtag(self, tag: str) -> None:
        self._flush()
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1][0] == tag, f"</{tag}> closes <{self.stack[-1][0]}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self._pending.append(data)


def collect(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    collector._flush()
    assert not collector.stack, f"unclosed elements: {collector.stack}"
    return collector


def texts(markup: str) -> list[str]:
    return [text for text, _ in collect(markup).texts]


def _article(**fields: Any) -> Article:
    return Article(
        id="a1",
        blocks=fields.pop("blocks", (Block("paragraph", "They met."),)),
        parser=ParserInfo("dump", "0.1.0"),
        **fields,
    )


@settings(max_examples=150, deadline=None)
@given(articles)
def test_any_article_renders_well_formed_html_whose_text_is_the_articles(
    article: Article,
) -> None:
    page = collect(article_html(article))
    assert set(page.tags) <= ALLOWED_TAGS
    shown = {text for text, _ in page.texts}
    for block in article.blocks:
        assert not block.text or block.text in shown
    for removal in article.removed:
        assert not removal.text or removal.text in shown
        assert f"[{removal.step}: {removal.reason}]" in shown
    for edit in article.edits:
        assert not edit.before or edit.before in shown
        assert not edit.after or edit.after in shown
    if article.title:
        assert article.title in shown


def test_markup_in_article_text_is_escaped_not_rendered() -> None:
    hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    article = _article(
        title=hostile,
        blocks=(Block("paragraph", hostile), Block("heading", "a & b")),
        authors=(hostile,),
        removed=(Removal(hostile, reason=hostile, step="chrome"),),
        edits=(Edit(hostile, "x", reason="r", step="debris"),),
        media=(Media(hostile, credit=hostile),),
        paywall=Paywall(hostile),
    )
    markup = article_html(article)
    assert "<script" not in markup
    assert "<img" not in markup
    assert "&lt;script&gt;" in markup
    page = collect(markup)
    assert "script" not in page.tags
    assert "img" not in page.tags
    assert "a & b" in [text for text, _ in page.texts]


def test_a_removed_line_shows_greyed_with_its_step_and_reason() -> None:
    article = _article(
        removed=(
            Removal("Connect with us", reason="share or follow prompt", step="chrome"),
            Removal("Video", reason="stray label", step="boilerplate"),
        )
    )
    page = collect(article_html(article))
    by_text = dict(page.texts)
    assert any("color:#888" in style for style in by_text["Connect with us"])
    assert "[chrome: share or follow prompt]" in by_text
    assert "[boilerplate: stray label]" in by_text
    summary = next(text for text, _ in page.texts if text.startswith("Removed"))
    assert summary == "Removed: 2 blocks (chrome 1, boilerplate 1)"
    # Removed lines stay in reading order.
    order = [text for text, _ in page.texts if text in {"Connect with us", "Video"}]
    assert order == ["Connect with us", "Video"]


def test_the_body_shows_each_block_by_its_kind_and_groups_list_items() -> None:
    blocks = (
        Block("heading", "Why"),
        Block("paragraph", "Because."),
        Block("list_item", "one"),
        Block("list_item", "two"),
        Block("quote", "Said so."),
        Block("list_item", "three"),
    )
    page = collect(article_html(_article(blocks=blocks)))
    assert page.tags.count("ul") == 2
    assert page.tags.count("li") == 3
    assert "h4" in page.tags
    assert "blockquote" in page.tags
    shown = [text for text, _ in page.texts]
    assert [t for t in shown if t in {b.text for b in blocks}] == [b.text for b in blocks]


def test_metadata_rows_show_the_fields_that_are_set_and_only_those() -> None:
    import datetime as dt

    article = _article(
        authors=("Jane Doe", "John Roe"),
        published=dt.date(2023, 12, 10),
        truncated=True,
        paywall=Paywall("Subscribers only.", remaining_fraction=0.45),
    )
    shown = texts(article_html(article))
    assert "Jane Doe, John Roe" in shown
    assert "2023-12-10" in shown
    assert "Subscribers only. (45% hidden)" in shown
    assert "truncated" in shown
    assert "dump 0.1.0" in shown
    assert "publisher" not in shown
    assert "(no title)" in shown


def test_the_repr_html_hooks_delegate_to_the_display() -> None:
    article = newscorpus.parse(EXAMPLE_DUMPS / "004_48119200e213f71d.txt")
    assert article._repr_html_() == article_html(article)
    shown = texts(article._repr_html_())
    assert article.removed
    for removal in article.removed:
        assert f"[{removal.step}: {removal.reason}]" in shown


def _endless_records() -> Iterator[dict[str, Any]]:
    for number in itertools.count():
        yield {"title": f"Article {number}", "removed": [{}] * number}


def test_a_corpus_table_reads_only_the_rows_it_shows() -> None:
    records = _endless_records()
    table = corpus_html(records, DisplaySettings(rows=3, columns=("title", "removed")))
    shown = texts(table)
    assert [t for t in shown if t.startswith("Article") or t.isdigit()] == [
        "Article 0",
        "0",
        "Article 1",
        "1",
        "Article 2",
        "2",
    ]
    assert "first 3 records; more follow" in shown
    assert next(records)["title"] == "Article 4"  # one record past the rows, no more


def test_a_corpus_table_shortens_long_text_and_joins_string_lists() -> None:
    record = {"text": "x" * 500, "authors": ["A", "B"], "paywall": {"notice": "<b>"}}
    table = corpus_html(
        [record], DisplaySettings(columns=("text", "authors", "paywall"), text_chars=20)
    )
    shown = texts(table)
    assert "x" * 19 + "…" in shown
    assert "A, B" in shown
    assert '{"notice": "<b>"}' in shown
    assert "1 records" in shown


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_a_corpus_displays_as_a_table_of_its_first_records(tmp_path: Path, suffix: str) -> None:
    if suffix == ".parquet":
        pytest.importorskip("pyarrow")
    path = tmp_path / f"corpus{suffix}"
    with open_writer(path) as writer:
        for dump in sorted(EXAMPLE_DUMPS.glob("*.txt")):
            writer.write(newscorpus.parse(dump).to_dict())
    corpus = read_corpus(path)
    page = collect(corpus._repr_html_())
    shown = [text for text, _ in page.texts]
    titles = [article.title for article in corpus if article.title]
    assert titles
    assert all(title in shown for title in titles)
    assert page.tags.count("tr") == 1 + len(corpus)
    assert str(path) in shown
    note = "3 of 3 records" if suffix == ".parquet" else "3 records"
    assert note in shown


@pytest.mark.parametrize(
    "fields",
    [{"rows": 0}, {"columns": ()}, {"columns": ("title", 3)}, {"text_chars": 0}],
)
def test_display_settings_refuse_nonsense(fields: dict[str, Any]) -> None:
    with pytest.raises((TypeError, ValueError)):
        DisplaySettings(**fields)


def test_corpus_relations_show_in_the_metadata() -> None:
    from newscorpus import SyndicationGroup

    article = Article(
        id="b2",
        blocks=(Block("paragraph", "They met."),),
        parser=ParserInfo("dump", "0"),
        duplicate_of="a1",
        syndication_group=SyndicationGroup("a1", agency="AFP"),
        story="a0",
    )
    shown = article._repr_html_()
    for text in ("duplicate_of", "a1 (AFP)", "story"):
        assert text in shown
