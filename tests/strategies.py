"""Hypothesis strategies for newscorpus models and for dump-like text.

Model strategies draw from the whole space the validators allow (any surrogate-free text,
dates and datetimes with and without a time zone, every block kind), so a round-trip test sees
the edge cases a corpus will eventually contain. ``dumps`` draws text that looks like what a
scraper saves: long sentence lines, short navigation lines, text-node fragments, bullets and
heading marks, blank lines, Unicode spaces, zero-width characters and punctuation runs, with
mixed line endings.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

from hypothesis import strategies as st

from newscorpus import (
    BLOCK_KINDS,
    Article,
    Block,
    Comment,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
)

__all__ = [
    "articles",
    "blocks",
    "comments",
    "dates",
    "dump_lines",
    "dumps",
    "edits",
    "hostile_bytes",
    "hostile_pages",
    "media",
    "parser_infos",
    "paywalls",
    "removals",
    "sentences",
    "table_rows",
    "tables",
    "texts",
    "wrappable_paragraphs",
]

T = TypeVar("T")

# --- model values ------------------------------------------------------------------------------

#: Any text a model field accepts: arbitrary Unicode without surrogates (``st.text`` excludes
#: category Cs), with the awkward characters a scraper meets mixed in more often than chance.
_AWKWARD = '\u00a0\u2009\u202f\u3000\u200b\u200d\ufeff\u00ad\u2028\u2029\x85\r\n\t\x00\x7f"\\'
texts = st.text() | st.text(alphabet=st.sampled_from(_AWKWARD) | st.characters(), max_size=30)
optional_texts = st.none() | texts

#: Fixed UTC offsets, sub-minute ones included: the record stores the offset, not a zone name.
#: Whole seconds only: CPython 3.11's ``fromisoformat`` reads "+00:00:00.000001" as UTC.
_offsets = st.integers(min_value=-(24 * 3600 - 1), max_value=24 * 3600 - 1).map(
    lambda seconds: dt.timedelta(seconds=seconds)
)
timezones = st.none() | st.just(dt.UTC) | _offsets.map(dt.timezone)

#: ``Article.published``: nothing, a date, a naive datetime or an aware one.
dates: st.SearchStrategy[dt.date | None] = st.one_of(
    st.none(), st.dates(), st.datetimes(timezones=timezones)
)

_PLAIN_KINDS = [kind for kind in BLOCK_KINDS if kind != "table"]


@st.composite
def _linked_blocks(draw: st.DrawFn) -> Block:
    """A block of any kind but ``table``, with links over its text when it has any."""
    text = draw(texts)
    links = []
    if text:
        for _ in range(draw(st.integers(min_value=0, max_value=3))):
            start = draw(st.integers(min_value=0, max_value=len(text) - 1))
            end = draw(st.integers(min_value=start + 1, max_value=len(text)))
            links.append(Link(start, end, draw(texts)))
    return Block(draw(st.sampled_from(_PLAIN_KINDS)), text, links=tuple(links))


#: A table's rows: at least one, of cells any text (the block keeps each on one line).
table_rows = st.lists(st.lists(texts, min_size=1, max_size=4), min_size=1, max_size=5)
tables = st.builds(Block.table, table_rows, header_rows=st.integers(min_value=0, max_value=2))
blocks = _linked_blocks() | tables
comments = st.builds(
    Comment, blocks=st.lists(blocks, max_size=3).map(tuple), author=optional_texts, published=dates
)
media = st.builds(Media, caption=texts, credit=optional_texts)
paywalls = st.builds(
    Paywall,
    notice=texts,
    remaining_fraction=st.none() | st.floats(min_value=0.0, max_value=1.0),
)
removals = st.builds(Removal, text=texts, reason=texts, step=texts, code=texts)
edits = st.builds(Edit, before=texts, after=texts, reason=texts, step=texts, code=texts)
parser_infos = st.builds(ParserInfo, name=texts, version=texts)


def _tuples(elements: st.SearchStrategy[T], max_size: int = 5) -> st.SearchStrategy[tuple[T, ...]]:
    return st.lists(elements, max_size=max_size).map(tuple)


articles = st.builds(
    Article,
    id=texts,
    blocks=_tuples(blocks, max_size=8),
    parser=parser_infos,
    source=optional_texts,
    format=optional_texts,
    url=optional_texts,
    title=optional_texts,
    site_name=optional_texts,
    publisher=optional_texts,
    agency=optional_texts,
    authors=_tuples(texts),
    published=dates,
    modified=dates,
    language=optional_texts,
    canonical_url=optional_texts,
    description=optional_texts,
    section=optional_texts,
    tags=_tuples(texts),
    top_image=optional_texts,
    media=_tuples(media),
    truncated=st.booleans(),
    paywall=st.none() | paywalls,
    removed=_tuples(removals),
    edits=_tuples(edits),
    comments=_tuples(comments, max_size=2),
)

# --- dump-like text ----------------------------------------------------------------------------

_VOCABULARY = (
    "talks",
    "between",
    "Armenia",
    "and",
    "Azerbaijan",
    "the",
    "of",
    "peace",
    "agreement",
    "prisoners",
    "war",
    "minister",
    "said",
    "on",
    "Monday",
    "région",
    "Straße",
    "Łódź",
    "Karabakh",
    "30,000",
    "2023",
    "mediated",
    "Union",
    "naïve",
    "coöperation",
    "東京",
    "日本語",
    "Москва",
    "переговоры",
    "السلام",
    "שלום",
    "ß",
    "œuvre",
    "don’t",
    "e-mail",
    "U.S.",
)
#: Words: a realistic vocabulary, plus arbitrary letters and digits of any script.
words = st.sampled_from(_VOCABULARY) | st.text(
    alphabet=st.characters(categories=["L", "Nd", "Mn"]), min_size=1, max_size=12
)
_unicode_spaces = st.sampled_from([" ", " ", " ", "\u00a0", "\u2009", "\u202f", "\u3000", "  "])
_invisible = st.sampled_from(["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
_punctuation_runs = st.sampled_from(
    [". .", "...", "…", "!!", "?!", ", ,", " — ", " – ", "***", "* * *", "|", " · ", "»", "«"]
)


@st.composite
def _phrase(draw: st.DrawFn, min_words: int, max_words: int) -> str:
    """Words separated by (sometimes Unicode) spaces, with the odd invisible character."""
    parts: list[str] = []
    for word in draw(st.lists(words, min_size=min_words, max_size=max_words)):
        if parts:
            parts.append(draw(_unicode_spaces))
        cut = draw(st.integers(0, len(word)))
        invisible = draw(_invisible) if draw(st.integers(0, 9)) == 0 else ""
        parts.append(word[:cut] + invisible + word[cut:])
    return "".join(parts)


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A sentence: capitalised, 4 to 25 words, ending with a full stop, ? or ! (sometimes
    followed by a closing quote), sometimes with a punctuation run inside."""
    text = draw(_phrase(4, 25))
    text = text[:1].upper() + text[1:]
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(text)))
        text = text[:cut] + draw(_punctuation_runs) + text[cut:]
    return text + draw(st.sampled_from([".", ".", ".", "?", "!", ".”", "…"]))


_long_lines = st.lists(sentences(), min_size=1, max_size=4).map(" ".join)
_nav_lines = st.sampled_from(
    [
        "Home",
        "Menu",
        "Share",
        "Tweet",
        "Connect with us",
        "Sign in",
        "Subscribe",
        "Hi, what are you looking for?",
        "Read more",
        "Advertisement",
        "Written By",
        "You may also like:",
        "Leave a Reply",
        "Jun 20, 2025",
        "© 2024 News Corp",
        "0",
        "Politics | World | Sport",
        "Tech & Science",
    ]
) | _phrase(1, 3)
_fragments = _phrase(1, 6).map(str.lower)  # a text node split off mid-sentence
_marked_lines = st.tuples(
    st.sampled_from(["# ", "## ", "> ", ">", "* ", "- ", "• ", "– "]), _phrase(1, 8)
).map("".join)
_blank_lines = st.sampled_from(["", "", "", " ", "\t", "\u00a0", "\u3000 "])
_noise_lines = _punctuation_runs | _invisible | st.text(max_size=20)

#: One line of a dump, without its line ending. Numbered list marks ("1. ") are left out:
#: the parser drops the number, a known loss pinned by
#: ``test_dump_parser.test_a_line_starting_with_a_day_number_keeps_it``; add them back here
#: once that passes, so that the properties can find other losses meanwhile.
dump_lines = st.one_of(
    _long_lines, _long_lines, _nav_lines, _fragments, _marked_lines, _blank_lines, _noise_lines
)
_line_endings = st.sampled_from(["\n", "\n", "\n", "\n", "\r\n", "\r", "\u2028", "\n\n"])


@st.composite
def dumps(draw: st.DrawFn, max_lines: int = 40) -> str:
    """A whole dump: dump-like lines joined by mixed line endings, sometimes indented."""
    lines = draw(st.lists(dump_lines, max_size=max_lines))
    out: list[str] = []
    for line in lines:
        indent = draw(st.sampled_from(["", "", "", "  ", "\t"]))
        out.append(indent + line + draw(_line_endings))
    return "".join(out)


#: Paragraphs for wrapping tests: ASCII words that ``textwrap`` will neither split nor break at
#: a hyphen, in capitalised sentences that end with a full stop.
_plain_words = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=14)
_plain_sentences = st.lists(_plain_words, min_size=3, max_size=30).map(
    lambda ws: " ".join(ws).capitalize() + "."
)
wrappable_paragraphs = st.lists(_plain_sentences, min_size=3, max_size=8).map(" ".join)


# --- hostile input (tests/hostile) ---------------------------------------------------------------

#: Tags of every kind: blocks, inline, void, tables, raw text, foreign content, made-up ones.
_TAGS = (
    "div",
    "p",
    "span",
    "a",
    "b",
    "i",
    "table",
    "tr",
    "td",
    "ul",
    "li",
    "h1",
    "h2",
    "br",
    "img",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "iframe",
    "select",
    "option",
    "textarea",
    "title",
    "article",
    "nav",
    "footer",
    "form",
    "x-widget",
    "font",
)
_attribute_values = st.text(max_size=12) | st.sampled_from(
    ['"', "'", "javascript:alert(1)", "file:///etc/passwd", "http://198.51.100.7/", "&amp;&#0;"]
)
_attributes = st.lists(
    st.tuples(
        st.sampled_from(["class", "id", "href", "src", "style", "hidden", "lang", "x"]),
        _attribute_values,
    ),
    max_size=3,
).map(lambda pairs: "".join(f' {name}="{value}"' for name, value in pairs))
_markup_bits = st.one_of(
    st.builds(lambda tag, attrs: f"<{tag}{attrs}>", st.sampled_from(_TAGS), _attributes),
    st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>"),
    texts,
    st.sampled_from(
        [
            "<!--",
            "-->",
            "<!DOCTYPE html>",
            "<?xml version='1.0'?>",
            "<![CDATA[",
            "]]>",
            "&nbsp;",
            "&#x0;",
            "&#xD800;",
            "&unknown;",
            "<",
            ">",
            "&",
            "\x00",
            "<!ENTITY x SYSTEM 'file:///'>",
            '<meta charset="shift_jis">',
            '<meta http-equiv="content-type" content="text/html; charset=utf-16">',
            '<script type="application/ld+json">{"@type": "NewsArticle",',
            '<meta property="og:title" content="',
            "<html lang=",
            "</html>",
            "<body>",
        ]
    ),
)


@st.composite
def hostile_pages(draw: st.DrawFn, max_bits: int = 60) -> str:
    """Broken HTML: tags of every kind opened and closed at random, attributes with hostile
    values, comments, doctypes, entities, declarations, and sometimes a deep run of one tag."""
    bits = draw(st.lists(_markup_bits, max_size=max_bits))
    if draw(st.booleans()):
        depth = draw(st.integers(min_value=1, max_value=3_000))
        bits.insert(draw(st.integers(0, len(bits))), f"<{draw(st.sampled_from(_TAGS))}>" * depth)
    return "".join(bits)


#: Bytes a parser or reader may meet: anything, text in a legacy or UTF-16 encoding, a BOM
#: before anything, or the start of a container's magic bytes before anything.
hostile_bytes = st.one_of(
    st.binary(max_size=2_000),
    st.builds(
        lambda text, encoding: text.encode(encoding, errors="replace"),
        texts,
        st.sampled_from(["utf-8", "cp1252", "iso-8859-2", "shift_jis", "utf-16", "utf-16-be"]),
    ),
    st.builds(
        lambda magic, rest: magic + rest,
        st.sampled_from(
            [
                b"\xef\xbb\xbf",
                b"\xff\xfe",
                b"\xfe\xff",
                b"\x1f\x8b\x08",
                b"BZh9",
                b"PK\x03\x04",
                b"\xfd7zXZ\x00",
                b"WARC/1.1\r\n",
                b'{"text": ',
                b"\x28\xb5\x2f\xfd",
            ]
        ),
        st.binary(max_size=1_000),
    ),
)
