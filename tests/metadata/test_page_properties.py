"""Property tests: page_metadata never raises, keeps its promises, and is deterministic, on
arbitrary markup, on generated pages full of metadata, and on very deep trees."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

import lxml.html  # type: ignore[import-untyped, unused-ignore]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from newscorpus.metadata._text import fold
from newscorpus.metadata.page import PageMetadata, page_metadata
from tests.timing import MAX_TIME_FACTOR, time_ratio

FIELDS = {
    "title",
    "authors",
    "agency",
    "published",
    "modified",
    "site_name",
    "publisher",
    "language",
    "canonical_url",
    "description",
    "section",
    "tags",
    "top_image",
}

#: Values that look like what sites put in metadata, and what they get wrong.
_VALUES = st.sampled_from(
    [
        "",
        " ",
        "Jane Doe",
        "Jane Doe and John Roe",
        "By JANE DOE, Staff Writer",
        "Doe, Jane",
        "Staff",
        "AFP",
        "Reuters Staff",
        "https://www.facebook.com/jane",
        "jane@example.com",
        "@handle",
        "Le Monde",
        "2019-11-18",
        "2019-11-18T10:31:00+01:00",
        "2019-11-18T10:31:00.000Z",
        "0001-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "1574069460",
        "99999999999999",
        "Tue, 19 Nov 2019 06:13:48 -0600",
        "18 novembre 2019 à 10h31",
        "2019年11月18日",
        "30.02.2019",
        "fr-FR",
        "ja_JP",
        "English",
        "xx-YY",
        "/relative/path.jpg",
        "//cdn.example.com/a.jpg",
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "http://[::1",
        "http://exa mple.com/",
        "a, b; c,, ;",
        "&amp;&lt;b&gt;x&lt;/b&gt;",
        "<b>bold</b> text",
        "Headline | Site Name",
        "…",
        "\u0000\ufffd\u200b",
    ]
) | st.text(max_size=40)

_META_KEYS = st.sampled_from(
    [
        "og:title",
        "og:site_name",
        "og:url",
        "og:image",
        "og:locale",
        "og:description",
        "article:published_time",
        "article:modified_time",
        "article:author",
        "article:section",
        "article:tag",
        "twitter:title",
        "twitter:label1",
        "twitter:data1",
        "author",
        "description",
        "keywords",
        "date",
        "pubdate",
        "dc.creator",
        "parsely-author",
        "parsely-pub-date",
        "sailthru.tags",
        "citation_author",
        "publisher",
        "content-language",
    ]
)
_JSON_KEYS = st.sampled_from(
    [
        "@type",
        "@id",
        "@graph",
        "@context",
        "type",
        "name",
        "headline",
        "author",
        "creator",
        "datePublished",
        "dateModified",
        "dateCreated",
        "publisher",
        "articleSection",
        "keywords",
        "image",
        "url",
        "contentUrl",
        "inLanguage",
        "mainEntityOfPage",
        "mainEntity",
        "description",
        "sourceOrganization",
        "givenName",
        "familyName",
        "alternateName",
        "@value",
    ]
)
_TYPES = st.sampled_from(
    ["NewsArticle", "Article", "WebPage", "WebSite", "Person", "Organization", "ImageObject"]
)
_JSON: st.SearchStrategy[Any] = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _VALUES | _TYPES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_JSON_KEYS, inner, max_size=6),
    max_leaves=30,
)


def _attribute(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page with metadata from every source, right, wrong and broken."""
    head: list[str] = []
    for _ in range(draw(st.integers(0, 8))):
        attribute = draw(st.sampled_from(["name", "property", "itemprop", "http-equiv"]))
        head.append(
            f'<meta {attribute}="{draw(_META_KEYS)}" content="{_attribute(draw(_VALUES))}">'
        )
    for _ in range(draw(st.integers(0, 2))):
        script = json.dumps(draw(_JSON))
        if draw(st.booleans()):  # break it
            cut = draw(st.integers(0, len(script)))
            script = script[:cut] + draw(st.sampled_from(["", ",", "'", "//", "}", "&quot;"]))
        head.append(f'<script type="application/ld+json">{script}</script>')
    if draw(st.booleans()):
        head.append(f"<title>{_attribute(draw(_VALUES))}</title>")
    if draw(st.booleans()):
        head.append(f'<link rel="canonical" href="{_attribute(draw(_VALUES))}">')
    body: list[str] = []
    for _ in range(draw(st.integers(0, 4))):
        prop = draw(st.sampled_from(["headline", "author", "datePublished", "keywords", "name"]))
        scope = draw(st.sampled_from(["", ' itemscope itemtype="http://schema.org/NewsArticle"']))
        body.append(f'<div{scope}><span itemprop="{prop}">{_attribute(draw(_VALUES))}</span>')
    for _ in range(draw(st.integers(0, 2))):
        classes = draw(st.sampled_from(["", "published", "updated", "entry-date"]))
        value = _attribute(draw(_VALUES))
        body.append(f'<article><time class="{classes}" datetime="{value}">{value}</time>')
    if draw(st.booleans()):
        body.append(f'<a rel="author">{_attribute(draw(_VALUES))}</a>')
    lang = _attribute(draw(_VALUES))
    return f'<html lang="{lang}"><head>{"".join(head)}</head><body>{"".join(body)}</body></html>'


def _check(meta: PageMetadata, captured: dt.date | None = None) -> None:
    """What every result promises, whatever the page."""
    assert {name for name, _ in meta.sources} <= FIELDS
    for name in FIELDS:
        value = getattr(meta, name)
        assert bool(value) == (meta.source(name) is not None), name
    assert all(author.strip() for author in meta.authors)
    assert len({fold(author) for author in meta.authors}) == len(meta.authors)
    assert len({fold(tag) for tag in meta.tags}) == len(meta.tags)
    if meta.site_name is not None:
        assert fold(meta.site_name) not in {fold(author) for author in meta.authors}
    if meta.language is not None:
        assert len(meta.language) == 2
        assert meta.language.isalpha()
        assert meta.language.islower()
    for address in (meta.canonical_url, meta.top_image):
        assert address is None or address.startswith(("http://", "https://"))
    for date in (meta.published, meta.modified):
        assert date is None or date.year >= 1900
        if date is not None and captured is not None:
            assert date.date() if isinstance(date, dt.datetime) else date  # a date it is
    if meta.published is not None and meta.modified is not None:
        published, modified = meta.published, meta.modified
        if isinstance(published, dt.datetime) and isinstance(modified, dt.datetime):
            if (published.utcoffset() is None) == (modified.utcoffset() is None):
                assert published <= modified
        else:
            day = published.date() if isinstance(published, dt.datetime) else published
            later = modified.date() if isinstance(modified, dt.datetime) else modified
            assert day <= later


def _tree(text: str) -> Any:
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):  # an empty document: the parser's business
        return None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300), st.sampled_from([None, "https://example.com/2019/11/18/a", "x"]))
def test_arbitrary_text_never_raises(text: str, url: str | None) -> None:
    root = _tree(text)
    if root is not None:
        _check(page_metadata(root, url=url))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.sampled_from([None, "https://news.example.com/2019/11/18/talks", "ftp://x"]))
def test_generated_pages_keep_the_promises(text: str, url: str | None) -> None:
    root = _tree(text)
    if root is not None:
        meta = page_metadata(root, url=url)
        _check(meta)
        assert page_metadata(root, url=url) == meta  # deterministic


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 1, 1)))
def test_nothing_is_dated_after_the_capture(text: str, captured: dt.date) -> None:
    root = _tree(text)
    if root is None:
        return
    meta = page_metadata(root, url="https://news.example.com/2019/11/18/talks", captured=captured)
    _check(meta, captured)
    for date in (meta.published, meta.modified):
        if date is not None:
            day = date.date() if isinstance(date, dt.datetime) else date
            assert day <= captured + dt.timedelta(days=1)


def _deep_tree(text: str) -> Any:
    """A tree as the HTML parser builds very deep pages: through a tree builder, which has no
    nesting limit."""
    builder = etree.TreeBuilder(parser=lxml.html.HTMLParser())
    parser = lxml.html.HTMLParser(huge_tree=True, target=builder)
    return etree.fromstring(text.encode("utf-8"), parser)


@pytest.mark.parametrize("depth", [300, 5_000, 50_000])
def test_deeply_nested_pages(depth: int) -> None:
    inner = (
        '<span itemprop="author">Jane Doe</span>'
        '<time class="published" datetime="2019-11-18">18 Nov</time>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Deep"}</script>'
        '<a rel="author">Ann Lee</a>'
    )
    text = (
        '<html><head><title>Deep page</title></head><body itemscope itemtype="WebPage">'
        + '<div itemscope itemtype="http://schema.org/NewsArticle">' * depth
        + inner
        + "</div>" * depth
        + "</body></html>"
    )
    meta = page_metadata(_deep_tree(text))
    _check(meta)
    assert meta.title == "Deep"
    assert meta.authors == ("Jane Doe",)
    assert meta.published == dt.date(2019, 11, 18)


@pytest.mark.parametrize(
    "unit", ["a", "@", "<", "'", '"', "\\", ",", "//", "a//", "&amp;", "2019-", "By ", "| ", " "]
)
def test_long_values_take_little_time(unit: str) -> None:
    """Every field's value 100,000 characters long, made of one repeated piece: nothing may
    take quadratic time (a regular expression that tries every start, say)."""

    def make(size: int) -> Callable[[], object]:
        value = _attribute(unit * (size // len(unit)))
        keys = ["og:title", "author", "article:published_time", "keywords", "og:site_name"]
        head = "".join(f'<meta name="{key}" content="{value}">' for key in [*keys, "og:url"])
        script = f'<script type="application/ld+json">{{"author": "{value}", {value}</script>'
        text = (
            f"<html lang='{value}'><head><title>{value}</title>{head}{script}</head>"
            f'<body><time datetime="{value}">{value}</time><span itemprop="author">{value}</span>'
            "</body></html>"
        )
        root = lxml.html.document_fromstring(text)
        return lambda: _check(page_metadata(root, url="https://news.example.com/a"))

    assert time_ratio(make, 25_000) < MAX_TIME_FACTOR


def test_deeply_nested_json_ld_is_skipped() -> None:
    deep = "[" * 100_000 + "]" * 100_000
    nested = '{"author": ' * 5_000 + '"Jane Doe"' + "}" * 5_000
    text = (
        "<html><head>"
        f'<script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{nested}</script>'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Fine"}</script>'
        "</head><body></body></html>"
    )
    meta = page_metadata(lxml.html.document_fromstring(text))
    _check(meta)
    assert meta.title == "Fine"
