"""The HTML parser: block kinds, tables, figures, hidden text, nesting, detection, features."""

from __future__ import annotations

import pytest

import newscorpus
from newscorpus import RawDocument, tuning
from newscorpus.draft import DraftBlock
from newscorpus.formats import DumpParser, HtmlParser, choose_parser
from newscorpus.formats.html import is_hidden, parse_tree


def blocks(page: str | bytes) -> list[DraftBlock]:
    """The blocks the HTML parser makes of ``page``."""
    return HtmlParser().parse(RawDocument(page)).blocks


def kinds(page: str) -> list[tuple[str, str]]:
    """``(kind, text)`` of each block of ``page``."""
    return [(block.kind, block.text) for block in blocks(page)]


def texts(page: str | bytes) -> list[str]:
    """The text of each block of ``page``."""
    return [block.text for block in blocks(page)]


# --- kinds --------------------------------------------------------------------------------------


def test_paragraphs_headings_quotes_and_list_items_get_their_kinds() -> None:
    page = (
        "<body><h1>Headline</h1><p>First <em>para</em>graph.</p><h3>Sub</h3>"
        "<blockquote><p>Quoted words.</p>— Someone</blockquote>"
        "<ul><li>One</li><li><p>Two</p></li></ul><ol><li>Three</li></ol></body>"
    )
    assert kinds(page) == [
        ("heading", "Headline"),
        ("paragraph", "First paragraph."),
        ("heading", "Sub"),
        ("quote", "Quoted words."),
        ("quote", "— Someone"),
        ("list_item", "One"),
        ("list_item", "Two"),
        ("list_item", "Three"),
    ]


def test_every_block_is_a_paragraph_apart_and_records_its_tag() -> None:
    found = blocks("<div>Loose text<p>In a p</p>tail text</div><h2>H</h2>")
    assert [(b.tag, b.text) for b in found] == [
        ("div", "Loose text"),
        ("p", "In a p"),
        ("div", "tail text"),
        ("h2", "H"),
    ]
    assert all(b.blank_before and b.blank_after for b in found)
    assert [b.index for b in found] == [0, 1, 2, 3]


def test_inline_markup_joins_words_and_whitespace_collapses() -> None:
    page = (
        "<p>  A <b>bold</b>\n\tand <a href='#'>li<i>nk</i>ed</a>   word &amp; an&nbsp;entity. </p>"
    )
    assert texts(page) == ["A bold and linked word & an entity."]


def test_two_line_breaks_end_a_paragraph_and_one_is_a_space() -> None:
    page = "<div>First line<br>same paragraph<br><br>Second paragraph<br/> <br/>Third</div>"
    assert texts(page) == ["First line same paragraph", "Second paragraph", "Third"]


# --- tables -------------------------------------------------------------------------------------


def test_a_data_table_gives_one_table_block_with_its_rows_and_cells() -> None:
    page = (
        "<table><caption>Results</caption><thead><tr><th>Team</th><th>Points</th></tr></thead>"
        "<tbody><tr><td>Lions</td><td>12</td></tr><tr><td></td><td>9</td></tr></tbody></table>"
    )
    caption, table = blocks(page)
    assert (caption.tag, caption.text) == ("caption", "Results")
    assert (table.tag, table.kind) == ("table", "table")
    assert [(row.cells, row.header) for row in table.rows] == [
        (("Team", "Points"), True),
        (("Lions", "12"), False),
        (("", "9"), False),
    ]
    assert table.text == "Team\tPoints\nLions\t12\n\t9"


def test_a_row_of_th_cells_is_a_header_and_a_footer_comes_last() -> None:
    page = (
        "<table><tfoot><tr><td>Total</td><td>21</td></tr></tfoot>"
        "<tr><th>Team</th><th>Points</th></tr><tr><td>Lions</td><td>12</td></tr></table>"
    )
    (table,) = blocks(page)
    assert [(row.cells[0], row.header) for row in table.rows] == [
        ("Team", True),
        ("Lions", False),
        ("Total", False),
    ]


@pytest.mark.parametrize(
    "page",
    [
        "<table role='presentation'><tr><td>a</td><td>b</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>",
        "<table><tr><td>Only</td></tr><tr><td>one column</td></tr></table>",
        "<table><tr><td>One</td><td>row</td></tr></table>",
        "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>x</td></tr>"
        "<tr><td>c</td><td>d</td></tr></table>",
    ],
)
def test_layout_tables_are_not_table_blocks(page: str) -> None:
    assert all(block.kind != "table" for block in blocks(page))


def test_a_table_keeps_its_cells_links_and_leaves_hidden_cells_out() -> None:
    page = (
        "<table><tr><th>Team</th><th>Note</th><th hidden>x</th></tr>"
        "<tr><td><a href='/lions'>Lions</a></td><td>see <a href='/r'>the report</a></td>"
        "<td style='display:none'>secret</td></tr></table>"
    )
    (table,) = blocks(page)
    assert table.text == "Team\tNote\nLions\tsee the report"
    assert [(table.text[link.start : link.end], link.href) for link in table.links] == [
        ("Lions", "/lions"),
        ("the report", "/r"),
    ]


def test_a_layout_table_is_read_like_divs() -> None:
    page = (
        "<table><tr><td><p>First paragraph of the article.</p><p>Second one.</p></td>"
        "<td><ul><li>Menu</li></ul></td></tr></table>"
    )
    assert kinds(page) == [
        ("paragraph", "First paragraph of the article."),
        ("paragraph", "Second one."),
        ("list_item", "Menu"),
    ]


# --- links --------------------------------------------------------------------------------------


def test_a_block_keeps_its_links_as_spans_over_its_text() -> None:
    page = "<p>Read  <a href='/a'>the <b>full</b> report</a> and <a href='b.html'>this</a>.</p>"
    (block,) = blocks(page)
    assert block.text == "Read the full report and this."
    assert [(block.text[link.start : link.end], link.href) for link in block.links] == [
        ("the full report", "/a"),
        ("this", "b.html"),
    ]


def test_an_anchor_without_href_is_no_link() -> None:
    (block,) = blocks("<p>A <a name='x'>named</a> anchor.</p>")
    assert block.links == ()


def test_links_are_resolved_against_the_page_url() -> None:
    page = (
        "<article><p>The council published <a href='../docs/budget.pdf'>the budget</a> on "
        "Monday, and the opposition answered it within the hour in a long statement.</p>"
        "</article>"
    )
    article = newscorpus.parse(page, format="html", url="https://example.org/news/a.html")
    (link,) = article.blocks[0].links
    assert link.href == "https://example.org/docs/budget.pdf"
    assert newscorpus.parse(page, format="html").blocks[0].links[0].href == "../docs/budget.pdf"


# --- figures ------------------------------------------------------------------------------------


def test_a_figcaption_is_a_block_in_a_figure_for_the_markup_step() -> None:
    page = (
        "<article><p>Text.</p><figure><img src='a.jpg' alt='not shown'>"
        "<figcaption>A parade in the capital. Photo: AP</figcaption></figure></article>"
    )
    caption = blocks(page)[-1]
    assert (caption.tag, caption.container, caption.text) == (
        "figcaption",
        "figure",
        "A parade in the capital. Photo: AP",
    )


def test_figure_captions_end_up_in_media_with_their_credit() -> None:
    article = newscorpus.parse(
        "<!doctype html><body><article><h1>A headline for the story</h1>"
        "<p>The town council met on Monday and decided to build a new bridge over the river, "
        "officials said on Tuesday.</p>"
        "<figure><img src='a.jpg'><figcaption>The old bridge in winter - Copyright AFP Jane "
        "Doe</figcaption></figure>"
        "<p>The bridge will cost about two million euros and should open in the spring of next "
        "year, the mayor told reporters.</p></article></body>"
    )
    assert [(m.caption, m.credit) for m in article.media] == [
        ("The old bridge in winter", "AFP Jane Doe")
    ]
    assert "old bridge in winter" not in article.text
    assert any("caption" in r.reason for r in article.removed)


# --- what is not shown --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "hidden",
    [
        "<script>var shown = false;</script>",
        "<style>p { color: red }</style>",
        "<noscript>Enable JavaScript</noscript>",
        "<template><p>Later</p></template>",
        "<svg><text>Logo</text></svg>",
        "<div hidden>Secret</div>",
        "<div aria-hidden='true'>Icon</div>",
        "<div style='color: red; display : none'>Gone</div>",
        "<span style='visibility:hidden'>Invisible</span>",
        "<span class='btn sr-only'>Opens in a new window</span>",
        "<dialog><p>Closed dialog</p></dialog>",
        "<select><option>Choice</option></select>",
        "<!-- a comment -->",
    ],
)
def test_text_that_is_never_shown_makes_no_block(hidden: str) -> None:
    assert texts(f"<body><div>Before {hidden}after.</div></body>") == ["Before after."]


def test_the_tail_of_a_hidden_element_is_still_shown() -> None:
    assert texts("<p>One <span hidden>two</span> three <img alt='x'> four</p>") == [
        "One three four"
    ]


def test_an_open_dialog_is_shown() -> None:
    assert texts("<dialog open><p>Shown</p></dialog>") == ["Shown"]


def test_is_hidden_reads_attributes_only() -> None:
    root = parse_tree("<div id='a' style='display:block'>x</div><div class='d-none'>y</div>")
    first, second = root.iter("div")
    assert not is_hidden(first)
    assert is_hidden(second)


def test_the_head_makes_no_block() -> None:
    page = "<html><head><title>Page title</title><meta name='x' content='y'></head><body>B</body>"
    assert texts(page) == ["B"]


# --- features -----------------------------------------------------------------------------------


def test_link_density_is_the_share_of_characters_inside_links() -> None:
    found = blocks("<p><a href='/'>Home</a></p><p>No links</p><p>abcd <a href='/'>efgh</a></p>")
    assert [b.link_density for b in found] == [1.0, 0.0, 0.5]


def test_the_nearest_semantic_container_is_recorded() -> None:
    page = (
        "<body><header><p>Site</p></header><nav><ul><li>Home</li></ul></nav>"
        "<main><article><p>Body</p><aside><p>Box</p></aside><footer><p>Tags</p></footer>"
        "</article></main><div role='contentinfo'>Legal</div><p>Loose</p>"
        "<form><input type='text' value='not shown'><button>Search</button></form></body>"
    )
    assert [(b.text, b.container) for b in blocks(page)] == [
        ("Site", "header"),
        ("Home", "nav"),
        ("Body", "article"),
        ("Box", "aside"),
        ("Tags", "footer"),
        ("Legal", "footer"),
        ("Loose", None),
        ("Search", "form"),
    ]


def test_class_and_id_names_give_hints_inherited_by_descendants() -> None:
    page = (
        "<body class='has-sidebar single-post'><div id='comments'><div class='commentBody'>"
        "<p>Nice.</p></div></div><div class='entry-content'><p>Text</p>"
        "<div class='share-bar'>Share</div></div><p class='commentary'>Opinion</p></body>"
    )
    assert [(b.text, sorted(b.hints)) for b in blocks(page)] == [
        ("Nice.", ["comment", "comment/nested"]),  # marked "comment" inside "comments"
        ("Text", ["body"]),
        ("Share", ["body", "share"]),
        ("Opinion", []),  # "commentary" is not "comment"; the body's classes name the page
    ]


def test_a_box_marked_as_its_wrapper_is_gets_the_nested_hint_too() -> None:
    page = (
        "<div class='layout-with-sidebar'><div class='article-body'><p>Text</p>"
        "<div class='sidebar-box'><p>Box</p></div></div></div>"
    )
    assert [(b.text, sorted(b.hints)) for b in blocks(page)] == [
        ("Text", ["body", "sidebar"]),
        ("Box", ["body", "sidebar", "sidebar/nested"]),
    ]


def test_itemprop_article_body_gives_the_body_hint() -> None:
    (block,) = blocks("<div itemprop='articleBody'><p>Text</p></div>")
    assert block.hints == frozenset({"body"})


def test_dump_blocks_have_no_markup_features() -> None:
    (block,) = DumpParser().parse(RawDocument("A line of a dump.\n")).blocks
    assert (block.link_density, block.container, block.hints, block.marked_main) == (
        None,
        None,
        frozenset(),
        False,
    )


# --- robustness ---------------------------------------------------------------------------------


def test_ten_thousand_levels_of_nesting_lose_no_text_and_raise_nothing() -> None:
    depth = 10_000
    page = "<html><body>" + "<div>" * depth + "deep text" + "</div>" * depth + "<p>after</p></body>"
    assert texts(page) == ["deep text", "after"]


def test_deep_unclosed_inline_tags_lose_no_text() -> None:
    page = "<p>" + "<font><b>x " * 3000 + "end</p><p>next</p>"
    found = texts(page)
    assert found[0].split() == ["x"] * 3000 + ["end"]
    assert found[-1] == "next"


@pytest.mark.parametrize("page", ["", "   ", "<!-- only a comment -->", b"", b"\xff\xfe"])
def test_an_empty_page_gives_an_empty_draft(page: str | bytes) -> None:
    assert blocks(page) == []


def test_a_page_with_an_xml_declaration_parses() -> None:
    page = '<?xml version="1.0" encoding="iso-8859-1"?><html><body><p>Text</p></body></html>'
    assert texts(page) == ["Text"]
    assert texts(page.encode("latin-1")) == ["Text"]


def test_control_characters_and_nul_bytes_do_not_break_the_parse() -> None:
    assert texts("<p>a\x00b\x01c</p>") == ["a\ufffdb\x01c"]


# --- detection ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "page",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "<!doctype HTML>\n<title>x</title>",
        "\ufeff  <html lang='en'><p>x",
        "<!-- saved from url --> <html>",
        '<?xml version="1.0"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">',
        "<head><meta charset='utf-8'></head>",
        "\n\n<body>x</body>",
        b"\xef\xbb\xbf<!DOCTYPE html><html>",
        "<!DOCTYPE html>".encode("utf-16"),
    ],
)
def test_a_whole_page_is_detected_as_html(page: str | bytes) -> None:
    document = RawDocument(page)
    assert HtmlParser().can_parse(document) == tuning.HTML_PAGE_SCORE
    assert choose_parser(document).name == "html"


def test_a_fragment_is_detected_as_html_with_a_lower_score() -> None:
    document = RawDocument("<div class='story'><p>Some text.</p></div>")
    assert HtmlParser().can_parse(document) == tuning.HTML_FRAGMENT_SCORE
    assert choose_parser(document).name == "html"


@pytest.mark.parametrize(
    "dump",
    [
        "A headline\n\nA paragraph about <html> tags and how <body> works.\n",
        "Markdown dump\n\n* a list with <b>bold</b>\n",
        "",
        "x < y and y > z\n",
    ],
)
def test_a_dump_is_not_taken_for_html(dump: str) -> None:
    document = RawDocument(dump)
    assert HtmlParser().can_parse(document) == 0.0
    assert choose_parser(document).name == "dump"


def test_parse_detects_html_and_records_the_parser() -> None:
    article = newscorpus.parse(
        b"<!doctype html><html><body><article><p>The town council met on Monday and decided "
        b"to build a new bridge over the river, officials said.</p></article></body></html>"
    )
    assert article.format == "html"
    assert article.parser.name == "html"
    assert article.text.startswith("The town council met on Monday")


def test_the_format_can_be_named() -> None:
    article = newscorpus.parse("<p>Plain words in a paragraph.</p>", format="html")
    assert article.format == "html"


def test_the_parser_is_registered_after_the_dump_parser() -> None:
    names = newscorpus.parsers.names()
    assert names.index("dump") < names.index("html")


def test_an_article_that_is_a_table_keeps_its_table() -> None:
    rows = "".join(
        f"<tr><td>{n}</td><td>Team {name}</td><td>12</td><td>{30 - n}</td></tr>"
        for n, name in enumerate(["Lions", "Tigers", "Bears", "Wolves", "Eagles", "Sharks"], 1)
    )
    page = (
        "<html><body><nav><a href='/'>Home</a> <a href='/t'>Tables</a></nav><main>"
        "<h1>League standings</h1><table><tr><th>Pos</th><th>Team</th><th>P</th><th>Pts</th>"
        f"</tr>{rows}</table></main><footer><p>© 2024 The Site.</p></footer></body></html>"
    )
    article = newscorpus.parse(page, format="html")
    (table,) = article.blocks
    assert table.kind == "table"
    assert len(table.rows) == 7
    assert table.rows[0].header
    assert "1\tTeam Lions\t12\t29" in article.text
