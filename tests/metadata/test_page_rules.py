"""page_metadata's reconciliation rules, one at a time, on pages built for each."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import lxml.html  # type: ignore[import-untyped, unused-ignore]
import pytest

from newscorpus.metadata.page import PageMetadata, page_metadata

URL = "https://news.example.com/world/2019/11/18/talks-stall"


def page(*head: str, body: str = "<p>Text</p>", lang: str | None = None) -> str:
    attribute = f' lang="{lang}"' if lang is not None else ""
    return f"<html{attribute}><head>{''.join(head)}</head><body>{body}</body></html>"


def meta(key: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{key}" content="{content}">'


def og(key: str, content: str) -> str:
    return meta(key, content, "property")


def ld(*objects: Any) -> str:
    value = objects[0] if len(objects) == 1 else list(objects)
    return f'<script type="application/ld+json">{json.dumps(value)}</script>'


def read(*head: str, url: str | None = URL, **options: Any) -> PageMetadata:
    body = options.pop("body", "<p>Text</p>")
    lang = options.pop("lang", None)
    root = lxml.html.document_fromstring(page(*head, body=body, lang=lang))
    return page_metadata(root, url=url, **options)


def article(**fields: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", **fields}


# --- authors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "authors"),
    [
        ("Jane Doe and John Roe", ("Jane Doe", "John Roe")),
        ("Jane Doe, John Roe", ("Jane Doe", "John Roe")),
        ("By Jane Doe", ("Jane Doe",)),
        ("BY JANE DOE", ("JANE DOE",)),
        ("Doe, Jane", ("Jane Doe",)),
        ("jane.doe@example.com (Jane Doe)", ("Jane Doe",)),
        ("Jane Doe, Senior Reporter", ("Jane Doe",)),
        ("Analysis by Chris Cillizza, CNN Editor-at-large", ("Chris Cillizza",)),
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("https://www.facebook.com/jane.doe", ()),
        ("www.example.com/authors/jane-doe", ()),
        ("Staff", ()),
        ("Reuters Staff", ()),
        ("Email the author", ()),
        ("Senior Reporter", ()),
        ("The Editorial Board", ()),
        ("News Example", ()),  # the site's name
    ],
)
def test_author_values_are_read_as_bylines(value: str, authors: tuple[str, ...]) -> None:
    found = read(og("og:site_name", "News Example"), meta("author", value))
    assert found.authors == authors


def test_person_and_organization_objects() -> None:
    found = read(
        ld(
            article(
                author=[
                    {"@type": "Person", "name": "Jane Doe"},
                    {"@type": "Person", "givenName": "John", "familyName": "Roe"},
                    {"@type": "Organization", "name": "Associated Press"},
                    {"@type": "Organization", "name": "Jane Doe Media Group"},
                    "Bill Poe",
                ]
            )
        )
    )
    assert found.authors == ("Jane Doe", "John Roe", "Bill Poe")
    assert found.agency == "AP"


def test_authors_come_from_one_source_deduplicated() -> None:
    found = read(
        ld(article(author=[{"name": "Jane Doe"}, {"name": "JANE DOE"}])),
        meta("author", "John Roe"),
    )
    assert found.authors == ("Jane Doe",)
    assert found.source("authors") == "json-ld:NewsArticle.author"


def test_a_source_that_names_nobody_gives_way() -> None:
    found = read(
        ld(article(author={"@type": "Person", "name": "Staff"})),
        og("article:author", "https://example.com/profile/jane"),
        meta("author", "Jane Doe | Reuters"),
    )
    assert found.authors == ("Jane Doe",)
    assert found.agency == "Reuters"
    assert found.source("authors") == "meta:author"


def test_several_meta_tags_of_one_key_are_one_source() -> None:
    found = read(meta("parsely-author", "Jane Doe"), meta("parsely-author", "John Roe"))
    assert found.authors == ("Jane Doe", "John Roe")


def test_the_publisher_is_not_an_author() -> None:
    found = read(ld(article(author="Gazette Media", publisher={"name": "Gazette Media"})))
    assert found.authors == ()
    assert found.publisher == "Gazette Media"


def test_author_links_when_nothing_else_names_anyone() -> None:
    body = '<p class="byline">By <a rel="author" href="/author/ann">Ann Lee</a></p>'
    found = read(body=body)
    assert found.authors == ("Ann Lee",)
    assert found.source("authors") == "link:rel-author"


# --- agency ---------------------------------------------------------------------------------


def test_agency_from_the_description_s_opening() -> None:
    found = read(meta("description", "WASHINGTON (AP) — Talks stalled on Monday."))
    assert found.agency == "AP"
    assert found.source("agency") == "meta:description"


def test_agency_from_source_organization() -> None:
    found = read(ld(article(sourceOrganization={"@type": "Organization", "name": "AFP"})))
    assert found.agency == "AFP"


def test_the_site_is_not_an_agency() -> None:
    found = read(og("og:site_name", "Reuters"), ld(article(publisher={"name": "Reuters"})))
    assert found.agency is None


# --- dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-18", dt.date(2019, 11, 18)),
        ("20191118", dt.date(2019, 11, 18)),
        ("2019-11-18T10:31:00Z", dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)),
        ("2019-11-18T10:31:00.000z", dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)),
        (
            "2019-11-18T10:31:00+0530",
            dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.timezone(dt.timedelta(hours=5.5))),
        ),
        (
            "2019-11-18 10:31:00 -05:00",
            dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ),
        ("2019-11-18T10:31:00", dt.datetime(2019, 11, 18, 10, 31)),
        (
            "Tue, 19 Nov 2019 06:13:48 -0600",
            dt.datetime(2019, 11, 19, 6, 13, 48, tzinfo=dt.timezone(dt.timedelta(hours=-6))),
        ),
        ("1574069460", dt.datetime(2019, 11, 18, 9, 31, tzinfo=dt.UTC)),
        ("1574069460000", dt.datetime(2019, 11, 18, 9, 31, tzinfo=dt.UTC)),
        ("November 18, 2019", dt.date(2019, 11, 18)),
        ("18 novembre 2019 à 10h31", dt.datetime(2019, 11, 18, 10, 31)),
        ("0001-01-01T00:00:00Z", None),
        ("1970-01-01T00:00:00Z", None),
        ("not a date", None),
        ("", None),
    ],
)
def test_date_values(value: str, expected: dt.date | None) -> None:
    found = read(og("article:published_time", value), url=None)
    assert found.published == expected
    if expected is not None:
        assert type(found.published) is type(expected)


def test_a_placeholder_gives_way_to_the_next_source() -> None:
    found = read(
        ld(article(datePublished="0001-01-01T00:00:00Z")),
        og("article:published_time", "2019-11-18T10:31:00Z"),
    )
    assert found.published == dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)
    assert found.source("published") == "meta:article:published_time"


def test_dates_after_the_capture_are_not_believed() -> None:
    head = (
        og("article:published_time", "2029-01-01T00:00:00Z"),
        meta("parsely-pub-date", "2019-11-18T10:31:00Z"),
    )
    assert read(*head).published == dt.datetime(2029, 1, 1, tzinfo=dt.UTC)  # no clock
    captured = dt.datetime(2019, 11, 20, 12, 0, tzinfo=dt.UTC)
    found = read(*head, captured=captured)
    assert found.published == dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)
    assert found.source("published") == "meta:parsely-pub-date"


def test_capture_date_without_time_allows_a_day_for_time_zones() -> None:
    head = og("article:published_time", "2019-11-21T08:00:00+09:00")
    assert read(head, url=None, captured=dt.date(2019, 11, 20)).published is not None
    assert read(head, url=None, captured=dt.date(2019, 11, 19)).published is None


def test_modified_is_never_before_published() -> None:
    found = read(
        ld(article(datePublished="2019-11-18T10:31:00Z")),
        og("article:modified_time", "2019-11-17T09:00:00Z"),
        meta("dc.date.modified", "2019-11-19"),
    )
    assert found.published == dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)
    assert found.modified == dt.date(2019, 11, 19)


def test_a_less_trusted_publication_date_yields_to_a_more_trusted_update() -> None:
    """The meta ``date`` is when the page was generated, after the JSON-LD update date."""
    found = read(
        ld(article(dateModified="2019-11-18T12:00:00Z")),
        meta("date", "2019-11-20T08:00:00Z"),
        body='<article><time datetime="2019-11-18T09:00:00Z">9am</time></article>',
    )
    assert found.published == dt.datetime(2019, 11, 18, 9, 0, tzinfo=dt.UTC)
    assert found.source("published") == "time:in-article"
    assert found.modified == dt.datetime(2019, 11, 18, 12, 0, tzinfo=dt.UTC)


def test_a_date_is_refined_by_a_less_trusted_value_of_the_same_day() -> None:
    found = read(
        ld(article(datePublished="2019-11-18")),
        og("article:published_time", "2019-11-18T10:31:00+01:00"),
    )
    assert found.published == dt.datetime(
        2019, 11, 18, 10, 31, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert found.source("published") == (
        "json-ld:NewsArticle.datePublished + meta:article:published_time"
    )


def test_a_naive_time_is_refined_by_the_same_time_with_a_zone() -> None:
    found = read(
        ld(article(datePublished="2019-11-18T10:31:00")),
        og("article:published_time", "2019-11-18T10:31:00-05:00"),
    )
    assert found.published is not None
    assert found.published.isoformat() == "2019-11-18T10:31:00-05:00"


def test_a_different_day_does_not_refine() -> None:
    found = read(
        ld(article(datePublished="2019-11-18")),
        og("article:published_time", "2019-11-19T10:31:00Z"),
    )
    assert found.published == dt.date(2019, 11, 18)


def test_a_page_s_only_time_is_its_article_s() -> None:
    only = '<div><time datetime="2019-11-18T10:31:00Z">1 day ago</time></div>'
    found = read(body=only, url=None)
    assert found.published == dt.datetime(2019, 11, 18, 10, 31, tzinfo=dt.UTC)
    assert found.source("published") == "time:only"
    two = only + '<footer><time datetime="2019-11-20">Today</time></footer>'
    assert read(body=two, url=None).published is None


def test_the_url_s_date_is_the_last_resort() -> None:
    assert read().published == dt.date(2019, 11, 18)
    assert read().source("published") == "url"
    assert read(url="https://example.com/2019/13/40/x").published is None


# --- titles and site names ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Talks stall - News Example", "Talks stall"),
        ("Talks stall | News Example", "Talks stall"),
        ("Talks stall | World | News Example", "Talks stall | World"),
        ("News Example: Talks stall", "Talks stall"),
        ("News Example | Talks stall", "Talks stall"),
        ("Talks stall – NEWS EXAMPLE", "Talks stall"),
        ("Opinion | Talks stall", "Opinion | Talks stall"),
        ("Fact check: talks did not stall", "Fact check: talks did not stall"),
    ],
)
def test_the_site_s_name_is_cut_from_titles(title: str, expected: str) -> None:
    assert read(f"<title>{title}</title>", og("og:site_name", "News Example")).title == expected


def test_a_title_affix_that_names_the_domain_is_cut() -> None:
    found = read(
        "<title>Trump’s Trade War Keeps World Guessing - The New York Times</title>",
        url="https://www.nytimes.com/2019/11/18/business/trade.html",
    )
    assert found.title == "Trump’s Trade War Keeps World Guessing"
    assert found.site_name == "The New York Times"


def test_a_title_that_is_the_site_s_name_gives_way() -> None:
    found = read(
        og("og:title", "News Example"), og("og:site_name", "News Example"), "<title>X</title>"
    )
    assert found.title == "X"


def test_a_truncated_headline_gives_way_to_its_full_form() -> None:
    found = read(
        ld(article(headline="Talks stall as the two sides trade…")),
        og("og:title", "Talks stall as the two sides trade blame over the border"),
    )
    assert found.title == "Talks stall as the two sides trade blame over the border"


def test_site_name_prefers_a_name_of_the_domain() -> None:
    found = read(
        "<title>Oil slides - Reuters</title>",
        og("og:site_name", "U.S."),
        url="https://www.reuters.com/article/us-oil-idUSKBN1XT00W",
    )
    assert found.site_name == "Reuters"
    assert found.title == "Oil slides"


def test_site_name_is_not_a_handle_or_an_address() -> None:
    assert read(og("og:site_name", "@politifact")).site_name is None
    assert read(og("og:site_name", "https://www.newsnation.in")).site_name is None


def test_site_name_falls_back_to_the_json_ld_site_and_publisher() -> None:
    site = {"@type": "WebSite", "name": "Example News"}
    assert read(ld(site)).site_name == "Example News"
    assert read(ld(article(publisher={"@type": "Organization", "name": "Ex"}))).site_name == "Ex"


# --- JSON-LD --------------------------------------------------------------------------------


def test_the_page_s_own_article_among_several() -> None:
    teaser = article(headline="Another story", url="https://news.example.com/other")
    own = article(headline="Talks stall", mainEntityOfPage=URL)
    assert read(ld(teaser, own)).title == "Talks stall"
    assert read(ld(teaser, own), url=None).title == "Another story"


def test_types_are_read_loosely() -> None:
    for kind in ("http://schema.org/NewsArticle", "schema:BlogPosting", ["Article", "Thing"]):
        assert read(ld({"@type": kind, "headline": "Talks stall"})).title == "Talks stall"
    assert read(ld({"type": "NewsArticle", "headline": "Talks stall"})).title == "Talks stall"


def test_main_entity_of_a_web_page() -> None:
    value = {"@type": "WebPage", "mainEntity": article(headline="Talks stall")}
    assert read(ld(value)).title == "Talks stall"


def test_the_web_page_fills_what_the_article_leaves_out() -> None:
    found = read(
        ld(
            {
                "@graph": [
                    article(headline="Talks stall", isPartOf={"@id": "#page"}),
                    {"@type": "WebPage", "@id": "#page", "datePublished": "2019-11-18"},
                ]
            }
        )
    )
    assert found.published == dt.date(2019, 11, 18)
    assert found.source("published") == "json-ld:WebPage.datePublished"


def test_values_of_many_shapes() -> None:
    found = read(
        ld(
            article(
                headline="Talks &amp; <em>stalls</em>",
                articleSection=["World", "Europe"],
                keywords="talks, border;  talks",
                image={"@type": "ImageObject", "contentUrl": "/img/a.jpg"},
                inLanguage={"@type": "Language", "name": "German", "alternateName": "de"},
            )
        )
    )
    assert found.title == "Talks & stalls"
    assert found.section == "World"
    assert found.tags == ("talks", "border")
    assert found.top_image == "https://news.example.com/img/a.jpg"
    assert found.language == "de"


# --- languages, addresses, tags -------------------------------------------------------------


@pytest.mark.parametrize(
    ("declared", "code"),
    [
        ("fr-FR", "fr"),
        ("fr_FR", "fr"),
        ("EN-us", "en"),
        ("zh-Hans-CN", "zh"),
        ("fra", "fr"),
        ("ger", "de"),
        ("iw", "he"),
        ("French", "fr"),
        ("Deutsch", "de"),
        ("en-US, fr", "en"),
        ("xx", None),
        ("und", None),
        ("", None),
    ],
)
def test_languages_are_iso_639_1(declared: str, code: str | None) -> None:
    assert read(lang=declared).language == code


def test_language_sources_in_order() -> None:
    assert read(og("og:locale", "ja_JP"), lang="en").language == "en"
    found = read(og("og:locale", "ja_JP"), meta("content-language", "ko", "http-equiv"))
    assert (found.language, found.source("language")) == ("ja", "meta:og:locale")


def test_canonical_url_resolution() -> None:
    found = read('<link rel="canonical" href="/world/talks">')
    assert found.canonical_url == "https://news.example.com/world/talks"
    found = read('<link rel="canonical" href="https://news.example.com/">', og("og:url", URL))
    assert found.canonical_url == URL  # a home page as every page's canonical URL is skipped
    found = read('<base href="https://cdn.example.org/a/">', og("og:image", "b.jpg"), url=None)
    assert found.top_image == "https://cdn.example.org/a/b.jpg"
    assert read(og("og:image", "//img.example.org/x.jpg"), url=None).top_image == (
        "https://img.example.org/x.jpg"
    )
    assert read(og("og:image", "data:image/png;base64,AAAA")).top_image is None


def test_tags_are_split_deduplicated_and_human() -> None:
    found = read(
        og("article:tag", "Talks"),
        og("article:tag", "Border, talks"),
        og("article:tag", "@post-id:1913719"),
        og("article:tag", "type_news"),
        og("article:tag", "x" * 200),
    )
    assert found.tags == ("Talks", "Border")


def test_sources_name_every_field_set() -> None:
    found = read(
        ld(article(headline="Talks stall", author="Jane Doe", datePublished="2019-11-18")),
        og("og:site_name", "News Example"),
    )
    names = {name for name, _ in found.sources}
    assert names == {
        name
        for name in ("title", "authors", "published", "site_name", "canonical_url")
        if getattr(found, name)
    } | ({"published"} if found.published else set())
