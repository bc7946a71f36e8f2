"""Pages of kinds the tuning set lacks (issue 12): one small page written for each failure class.

Each page is made up here, in the shape the class takes on real sites; none is a copy of a
benchmark page.
"""

from __future__ import annotations

import json

import pytest
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

import newscorpus
from newscorpus.formats.html import blocks_of

#: Paragraphs of an article: prose, ending like sentences.
FIRST = (
    "The town council met on Monday and decided to build a new bridge over the river, "
    "officials said, after a debate that lasted for most of the afternoon."
)
SECOND = (
    "Work on the bridge is due to start in the spring and should take about two years, "
    "according to the plans that the council published on its website in the evening."
)
THIRD = (
    "Residents who spoke at the meeting said they had waited a long time for the crossing, "
    "and several of them asked the council to keep the old ferry running until it opens."
)
LEAD = "The river crossing that the town has wanted for decades is finally on its way."


def paragraphs(page: str) -> list[str]:
    """The paragraphs of the body newscorpus reads from ``page``."""
    return newscorpus.parse(page, format="html").text.split("\n\n")


def test_a_standfirst_above_the_byline_date_and_picture_is_kept_in_the_body() -> None:
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><article>"
        "<h1>Council votes for a new bridge</h1>"
        f"<p class='standfirst'>{LEAD}</p>"
        "<div class='byline'>By Jane Doe</div><time>12 March 2024</time>"
        "<figure><img src='a.jpg'><figcaption>The old ferry at dusk.</figcaption></figure>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    article = newscorpus.parse(page, format="html")
    assert article.text.split("\n\n") == [LEAD, FIRST, SECOND, THIRD]
    assert article.authors == ("Jane Doe",)


def test_prose_above_the_article_in_another_container_is_not_taken_for_its_lead() -> None:
    page = (
        "<html><body><header><p>A quote from another story that someone liked a lot.</p></header>"
        "<article><h1>Council votes for a new bridge</h1>"
        "<div class='byline'>By Jane Doe</div>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def test_an_author_bio_above_the_body_is_not_a_lead() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        "<p>By Jane Doe, a reporter who has covered the town hall for the paper since 2015.</p>"
        "<time>12 March 2024</time>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def test_a_page_left_in_its_head_by_the_parser_still_gives_its_article() -> None:
    # What libxml2 builds when an element it does not know opens the head: no <body>, the
    # whole page inside <head>.
    root = etree.fromstring(
        f"<html><head><title>T</title><meta name='a' content='b'/><my-widget/>"
        f"<article><h1>Council votes</h1><p>{FIRST}</p><p>{SECOND}</p></article></head></html>"
    )
    assert [block.text for block in blocks_of(root)] == ["Council votes", FIRST, SECOND]


def test_an_article_streamed_into_hidden_containers_is_read() -> None:
    # A server-rendered page that a script reveals: every part waits in a hidden <div>.
    page = (
        "<html><body><div hidden id='S:1'><nav><a href='/'>Home</a></nav></div>"
        "<div hidden id='S:2'><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></div></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def test_hidden_text_beside_a_visible_article_stays_out() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p>"
        f"<div style='visibility: hidden'><p>{THIRD}</p></div></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND]


def test_a_comments_label_inside_the_named_article_body_does_not_cut_the_article() -> None:
    # A word of the article ("Comments" labelling a part of a diagram), not a thread's heading.
    page = (
        "<html><body><article><h1>How our queue works</h1><div class='entry-content'>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{FIRST} Again.</p><p>{SECOND} Again.</p>"
        f"<p>Comments</p><p>{THIRD}</p></div></article></body></html>"
    )
    article = newscorpus.parse(page, format="html")
    assert article.text.split("\n\n")[-1] == THIRD


def test_a_comment_thread_after_the_article_still_goes() -> None:
    page = (
        "<html><body><article><h1>Council votes</h1><div class='entry-content'>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></article>"
        "<div class='comments'><h3>2 Comments</h3>"
        "<p>Jane says: March 12, 2024 at 3:53 am</p><p>Great news for the town, finally.</p>"
        "<p>John says: March 13, 2024 at 10:16 pm</p><p>About time they did this.</p>"
        "</div></body></html>"
    )
    assert newscorpus.parse(page, format="html").text.split("\n\n") == [FIRST, SECOND, THIRD]


def test_a_teaser_list_with_relative_time_stamps_ends_the_article() -> None:
    teaser = "A teaser of another story that the site would like you to read next, {}."
    teasers = "".join(
        f"<h2><a href='/s{n}'>Story {n}</a></h2><div>{n} hours ago</div><p>{teaser.format(n)}</p>"
        for n in range(1, 5)
    )
    page = (
        "<html><body><main class='article-content'><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>{teasers}"
        "</main></body></html>"
    )
    text = newscorpus.parse(page, format="html").text
    assert text.endswith(THIRD)
    assert "teaser" not in text


@pytest.mark.parametrize(
    "stamp",
    [
        "před {} minutami",
        "{} minut temu",
        "{} ore fa",
        "há {} horas",
        "{} uur geleden",
        "{} часа назад",
    ],
)
def test_relative_time_stamps_in_more_languages_end_the_article(stamp: str) -> None:
    teaser = "A teaser of another story that the site would like you to read next, {}."
    teasers = "".join(
        f"<h2><a href='/s{n}'>Story {n}</a></h2><div>{stamp.format(n)}</div>"
        f"<p>{teaser.format(n)}</p>"
        for n in range(2, 5)
    )
    page = (
        "<html><body><main class='article-content'><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>{teasers}"
        "</main></body></html>"
    )
    text = newscorpus.parse(page, format="html").text
    assert text.endswith(THIRD)
    assert "teaser" not in text


def test_a_dated_box_of_related_stories_between_two_parts_of_the_article_does_not_end_it() -> None:
    page = (
        "<html><head><title>Council votes for a new bridge</title></head><body><article>"
        f"<h1>Council votes for a new bridge</h1><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        "<aside><p>11.04.2022</p><h3>Another story about the old ferry</h3></aside>"
        "<p class='related-teaser'>The ferry has run for a hundred years, and the town loves it."
        f"</p><p>{FIRST} Then again.</p><p>{SECOND} Then again.</p></article></body></html>"
    )
    text = newscorpus.parse(page, format="html").text
    assert text.split("\n\n") == [
        FIRST,
        SECOND,
        THIRD,
        FIRST + " Then again.",
        SECOND + " Then again.",
    ]


def test_a_short_article_beats_a_longer_cookie_policy_in_its_consent_dialog() -> None:
    policy = (
        "When you visit our website, we store cookies on your browser to collect information "
        "that is used to make the site work as you expect it to and to give you a more "
        "personalised experience of the web, part {}."
    )
    dialog = "".join(f"<p>{policy.format(n)}</p>" for n in range(6))
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p></article>"
        f"<div id='consent-sdk'><h2>Privacy preferences</h2>{dialog}</div></body></html>"
    )
    text = newscorpus.parse(page, format="html").text
    assert text.split("\n\n")[-2:] == [FIRST, SECOND]
    assert "cookies" not in text


def test_an_article_rendered_only_in_the_browser_is_read_from_its_flight_payload() -> None:
    # A Next.js page whose markup is an empty shell: the article's HTML is a text row of the
    # server-component payload that a script would render.
    paragraphs = [FIRST, SECOND, THIRD, LEAD]
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    row = json.dumps(f"1:HL[]\n24:T{len(body.encode()):x},{body}")
    page = (
        "<html><head><title>Council votes for a new bridge</title></head><body>"
        f"<div id='root'></div><script>self.__next_f.push([1,{row}])</script></body></html>"
    )
    assert newscorpus.parse(page, format="html").text.split("\n\n") == paragraphs


def test_a_paragraph_above_a_credit_line_is_not_a_caption_unless_the_markup_says_so() -> None:
    page = (
        "<html><head><title>Council votes for a new bridge</title></head><body><article>"
        f"<h1>Council votes for a new bridge</h1><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        "<p>The mayor said on Tuesday that she was very pleased with the result of the vote.</p>"
        "<p>Photo: AP</p>"
        "<figure><img src='a.jpg'><p>The old ferry at dusk on the river.</p>"
        "<p>Photo: Jane Doe/AP</p></figure></article></body></html>"
    )
    article = newscorpus.parse(page, format="html")
    assert article.text.split("\n\n") == [
        FIRST,
        SECOND,
        THIRD,
        "The mayor said on Tuesday that she was very pleased with the result of the vote.",
    ]
    assert [(m.caption, m.credit) for m in article.media] == [
        ("The old ferry at dusk on the river.", "Jane Doe/AP")
    ]


def test_a_byline_whose_name_links_to_the_author_page_still_gives_the_author() -> None:
    page = (
        "<html><head><title>Council votes for a new bridge</title></head><body><article>"
        "<h1>Council votes for a new bridge</h1><p>By <a href='/people/jane'>Jane Doe</a></p>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert newscorpus.parse(page, format="html").authors == ("Jane Doe",)


#: Paragraphs of another story, appended below the first by an endless-scrolling page.
NEXT = (
    "The football club named a new coach on Tuesday, a former player who returns to the team "
    "after ten years abroad, and said he would take charge of training on Wednesday.",
    "Supporters gathered outside the ground in the evening to welcome him back, singing the "
    "songs they used to sing when he played there, and several of them had waited for hours.",
    "The club said the coach had signed a contract until the end of the season and that it "
    "would decide in the summer whether he stays on, depending on how the team does.",
    "His first match in charge is on Saturday against a team from the same league, and the "
    "club expects the ground to be full for the first time since the start of the season.",
)
#: More paragraphs of the first story, so that each story is worth more than a date costs.
MORE = (
    "The mayor said the bridge would cost less than the council had feared, because the "
    "regional government has agreed to pay for a large part of it out of its own budget.",
    "Engineers will now survey the river bed, and the council expects to choose a builder "
    "before the end of the year, once the survey has shown where the pillars can stand.",
    "Some residents of the old town had asked for a footbridge instead, but the council said "
    "that buses and delivery vans also needed a way across, and that a footbridge would not do.",
)


def test_a_second_article_appended_below_the_first_is_left_out() -> None:
    def story(headline: str, date: str, paragraphs: tuple[str, ...]) -> str:
        body = "".join(f"<p>{text}</p>" for text in paragraphs)
        return (
            f"<article><h1>{headline}</h1><div class='byline'>By Jane Doe</div>"
            f"<div>Published {date}</div>{body}</article>"
        )

    page = (
        "<html><body>"
        + story("Council votes", "12.03.2024 - 17:29", (FIRST, SECOND, THIRD, *MORE))
        + "<footer><a href='/'>Share</a></footer>"
        + story("A new coach for the club", "12.03.2024 - 16:25", NEXT)
        + "</body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD, *MORE]


def test_the_consent_box_in_place_of_an_embedded_video_is_left_out() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<div class='article-body'><p>{FIRST}</p>"
        "<div class='video-embed'><div class='info-box'><h3>Recommended content</h3>"
        "<p>Here you will find external content from a video platform that goes with the "
        "article. Personal data may be sent to the platform.</p>"
        "<label>Allow video content</label></div></div>"
        f"<p>{SECOND}</p><p>{THIRD}</p></div></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


ARTICLE = f"<article><h1>Council votes for a new bridge</h1><p>{FIRST}</p><p>{SECOND}</p></article>"


def test_a_name_with_an_initial_is_a_name() -> None:
    page = _page("<meta name='author' content='Miguel A. Herguedas'>", ARTICLE)
    assert newscorpus.parse(page, format="html").authors == ("Miguel A. Herguedas",)


def test_a_declared_person_in_lower_case_or_by_a_pen_name_is_an_author() -> None:
    person = '{"@type": "BlogPosting", "author": {"@type": "Person", "name": "grumpy"}}'
    pages = {
        "jane doe": _page("<meta name='author' content='jane doe'>", ARTICLE),
        "grumpy": _page(f"<script type='application/ld+json'>{person}</script>", ARTICLE),
        "skywalker": _page("", f"<a rel='author' href='/author/skywalker'>skywalker</a>{ARTICLE}"),
    }
    for name, page in pages.items():
        assert newscorpus.parse(page, format="html").authors == (name,)


def test_a_declared_desk_account_or_site_word_is_not_an_author() -> None:
    site = "<meta property='og:site_name' content='Daily Bugle'>"
    for value in ("admin", "jdadmin", "KWCHCIK", "mm-redaktion", "bugle"):
        page = _page(f"{site}<meta name='author' content='{value}'>", ARTICLE)
        assert newscorpus.parse(page, format="html").authors == ()


def test_a_bare_name_the_markup_calls_the_byline_is_the_author() -> None:
    body = (
        "<article><h1>Council votes for a new bridge</h1>"
        "<div class='byline'><a href='/writer/jane-doe'>Jane Doe</a></div>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
    )
    article = newscorpus.parse(_page("", body), format="html")
    assert article.authors == ("Jane Doe",)
    assert "Jane Doe" not in article.text


def test_a_name_in_a_teaser_menu_is_not_the_byline() -> None:
    body = (
        "<nav><a href='/other'>Another story about the ferry</a>"
        "<span class='author'>John Roe</span></nav>"
        f"<article><h1>Council votes for a new bridge</h1><p>{FIRST}</p><p>{SECOND}</p>"
        f"<p>{THIRD}</p></article>"
    )
    assert newscorpus.parse(_page("", body), format="html").authors == ()


BODY = f"<h1>Council votes for a new bridge</h1><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"


def test_an_aside_or_nav_around_the_only_prose_of_the_page_does_not_delete_it() -> None:
    for wrapper in ("aside", "nav", "footer"):
        page = _page("", f"<div><a href='/'>Home</a></div><{wrapper}>{BODY}</{wrapper}>")
        assert newscorpus.parse(page, format="html").text.split("\n\n") == [FIRST, SECOND, THIRD]


def test_an_aside_beside_the_article_still_goes() -> None:
    aside = "<aside><p>Our newsletter brings you the best stories of the week, every Friday.</p>"
    page = _page("", f"<article>{BODY}</article>{aside}</aside>")
    assert newscorpus.parse(page, format="html").text.split("\n\n") == [FIRST, SECOND, THIRD]


def test_a_share_or_sidebar_class_on_the_wrapper_of_the_article_is_not_obeyed() -> None:
    for names in ("share-wrapper", "sidebar-layout", "nav-container"):
        page = _page("", f"<nav><a href='/'>Home</a></nav><div class='{names}'>{BODY}</div>")
        assert newscorpus.parse(page, format="html").text.split("\n\n") == [FIRST, SECOND, THIRD]


def test_an_unclosed_link_does_not_make_the_article_mostly_links() -> None:
    page = _page("", f"<main><h1>Council votes</h1><p><a href='/x'>Read</p>{BODY}</main>")
    assert newscorpus.parse(page, format="html").text.split("\n\n")[-3:] == [FIRST, SECOND, THIRD]


def test_a_promotion_box_inside_a_wrapper_named_like_it_goes() -> None:
    # The page's wrapper carries the same class word as the box inside the article: the
    # wrapper's mark is ignored (it holds the whole article), the box's is not.
    page = (
        "<html><body><div class='page promo-layout'><article><h1>Council votes</h1>"
        f"<div class='article-body'><p>{FIRST}</p><p>{SECOND}</p>"
        "<div class='promo-box'><p>Read the news in our app, wherever you are.</p>"
        "<p>No, thanks.</p></div>"
        f"<p>{THIRD}</p></div></article></div></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def test_the_author_box_after_the_article_is_left_out() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<div class='article-body'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        "<div class='author-card'><div class='author-name'>JANE DOE</div>"
        "<p>Jane Doe covers the town hall for the paper. She is based in the old town.</p>"
        "</div></div></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, SECOND, THIRD]


def test_buttons_between_the_standfirst_and_the_body_do_not_part_them() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<div class='standfirst'>{LEAD}</div>"
        "<button>Listen</button><button>In short</button>"
        "<figure><img src='a.jpg'><figcaption>The old ferry at dusk.</figcaption></figure>"
        "<div>Photo: Jane Doe</div><div class='byline'>By Jane Doe</div>"
        "<time>12 March 2024</time>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    assert paragraphs(page) == [LEAD, FIRST, SECOND, THIRD]


def test_a_kicker_goes_where_the_page_also_declares_the_plain_headline() -> None:
    head = (
        "<meta property='og:title' content='Olympische Spiele: Council votes for a new bridge'>"
        "<meta name='twitter:title' content='Council votes for a new bridge'>"
    )
    assert newscorpus.parse(_page(head, ARTICLE), format="html").title == (
        "Council votes for a new bridge"
    )
    alone = "<meta property='og:title' content='Olympische Spiele: Council votes for a new bridge'>"
    assert newscorpus.parse(_page(alone, ARTICLE), format="html").title == (
        "Olympische Spiele: Council votes for a new bridge"
    )


def test_the_site_name_and_a_date_after_the_headline_go() -> None:
    head = (
        "<meta property='og:site_name' content='DW'>"
        "<title>Council votes for a new bridge | DW | 19.01.2020</title>"
    )
    assert newscorpus.parse(_page(head, ARTICLE), format="html").title == (
        "Council votes for a new bridge"
    )


def _published(head: str, body: str, url: str | None = None) -> str | None:
    article = newscorpus.parse(_page(head, body), format="html", url=url)
    return article.published.isoformat() if article.published is not None else None


def test_a_blog_date_in_visible_text_markup_or_url_is_read() -> None:
    post = f"<p>{FIRST}</p><p>{SECOND}</p>"
    posted = (
        f"<article><h1>My trip</h1><p class='meta'>Posted on 6. August 2009</p>{post}</article>"
    )
    assert _published("", posted) == "2009-08-06"
    dotted = f"<article><h1>My trip to the coast</h1><p>19.01.2020</p>{post}</article>"
    assert _published("", dotted) == "2020-01-19"
    canonical = "<link rel='canonical' href='https://blog.example.org/2009/08/06/my-trip/'>"
    assert _published(canonical, f"<article><h1>My trip</h1>{post}</article>") == "2009-08-06"


def test_the_published_date_wins_over_the_modified_one_shown_beside_it() -> None:
    times = (
        "<time class='entry-date published' datetime='2009-08-06T10:00:00+00:00'>6 Aug</time>"
        "<time class='updated' datetime='2010-01-01T10:00:00+00:00'>1 Jan</time>"
    )
    body = f"<article><h1>My trip</h1>{times}<p>{FIRST}</p><p>{SECOND}</p></article>"
    assert _published("", body) == "2009-08-06T10:00:00+00:00"
    both = "<p>Published 5 May 2021, updated 7 May 2021</p>"
    assert _published("", f"<article><h1>My trip</h1>{both}<p>{FIRST}</p></article>") == (
        "2021-05-05"
    )


def test_a_paragraph_the_page_prints_twice_is_kept_twice_and_a_highlights_copy_goes() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<div class='highlights'><b>Highlights</b><div>{THIRD}</div></div>"
        f"<div class='article-body'><p>{FIRST}</p><h2>The vote</h2><p>{FIRST}</p>"
        f"<p>{SECOND}</p><p>{THIRD}</p></div></article></body></html>"
    )
    assert paragraphs(page) == [FIRST, "The vote", FIRST, SECOND, THIRD]


def test_a_one_sentence_subtitle_under_the_headline_is_kept() -> None:
    subtitle = "Work starts in the spring."
    page = (
        "<html><body><main><article><h1>Council votes for a new bridge</h1>"
        f"<p>{subtitle}</p><p>{FIRST}</p><p>{SECOND}</p></article></main></body></html>"
    )
    assert paragraphs(page) == [subtitle, FIRST, SECOND]
    # a short line elsewhere above the body (here under a byline, not the headline) is not
    byline = page.replace("</h1>", "</h1><div>Jane Doe</div>")
    assert newscorpus.parse(byline, format="html").text.split("\n\n") == [FIRST, SECOND]


def test_a_standfirst_the_page_marks_as_its_teaser_is_kept() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        "<figure><img src='a.jpg'><figcaption>The old ferry at dusk.</figcaption></figure>"
        f"<p class='article__teaser-text'>{LEAD}</p>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>"
        "<div class='teaser-list'><p class='teaser'><a href='/a'>Another story about the "
        "council and its plans for the town</a></p></div></article></body></html>"
    )
    assert paragraphs(page) == [LEAD, FIRST, SECOND, THIRD]


def test_the_summary_under_an_embedded_video_is_its_caption() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p>"
        "<figure><div class='player'></div><p>Residents marched to the town hall on Sunday to "
        "ask for the bridge, and the mayor came out to speak to them.</p></figure>"
        f"<p>{THIRD}</p></article></body></html>"
    )
    article = newscorpus.parse(page, format="html")
    assert article.text.split("\n\n") == [FIRST, SECOND, THIRD]
    assert article.media[0].caption.startswith("Residents marched")


def test_a_video_box_with_its_date_between_two_parts_of_the_article_does_not_split_it() -> None:
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p>"
        "<figure><div class='player'></div><p>Residents marched to the town hall on Sunday to "
        "ask for the bridge.</p><figcaption>26.10.2025 | 2:43 min</figcaption></figure>"
        f"<h2>What happens next</h2><p>{THIRD}</p><p>{MORE[0]}</p><p>{MORE[1]}</p>"
        "</article></body></html>"
    )
    assert paragraphs(page) == [
        FIRST,
        SECOND,
        "What happens next",
        THIRD,
        MORE[0],
        MORE[1],
    ]


def test_a_last_paragraph_signed_off_by_its_editor_is_kept() -> None:
    last = "Tickets for the opening cost ten pounds and go on sale at the town hall next week. (jd)"
    page = (
        "<html><body><article><h1>Council votes for a new bridge</h1>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{last}</p></article>"
        "<footer><p>« Previous | Next »</p></footer></body></html>"
    )
    assert newscorpus.parse(page, format="html").text.split("\n\n") == [FIRST, SECOND, last]
