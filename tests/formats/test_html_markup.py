"""The ``markup`` cleaning step: what a page's markup says is not the article, with reasons."""

from __future__ import annotations

from pathlib import Path

import attrs

import newscorpus
from newscorpus import RawDocument, default_pipeline, tuning
from newscorpus.cleaning.steps.markup import Markup
from newscorpus.draft import Draft, DraftBlock
from newscorpus.formats import DumpParser, HtmlParser
from newscorpus.models.article import ParserInfo

#: A paragraph of the article: long, prose, ending like a sentence.
PROSE = (
    "The town council met on Monday and decided to build a new bridge over the river, "
    "officials said, after a debate that lasted for most of the afternoon."
)


def marked(page: str) -> Draft:
    """The draft of ``page`` after the ``markup`` step alone (with the language step before
    it, which the prose guard reads)."""
    draft = HtmlParser().parse(RawDocument(page))
    pipeline = default_pipeline()
    for name in ("language", "markup"):
        draft.step = name
        pipeline[name](draft)
    return draft


def reasons(draft: Draft) -> dict[str, str]:
    """Each removed block's text and the reason it was removed for."""
    return {block.text: block.removal.reason for block in draft.blocks if block.removal}


def article(*paragraphs: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)


def test_blocks_in_navigation_footer_aside_and_form_containers_go_with_the_container_named() -> (
    None
):
    page = (
        "<body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<article>{article(PROSE, PROSE + ' Again.')}<aside><p>A box beside it.</p></aside>"
        "</article><form><label>Your e-mail</label></form>"
        "<div role='contentinfo'><p>All rights reserved.</p></div></body>"
    )
    assert reasons(marked(page)) == {
        "Home World": "in a <nav>",
        "A box beside it.": "in a <aside>",
        "Your e-mail": "in a <form>",
        "All rights reserved.": "in a <footer>",
    }


def test_blocks_marked_by_class_or_id_names_go_with_the_hint_named() -> None:
    page = (
        f"<body><div class='entry-content'>{article(PROSE, PROSE + ' Again.')}</div>"
        "<div id='comments'><p>Great article, thanks!</p></div>"
        "<ul class='related-posts'><li>Another story worth a read today</li></ul>"
        "<div class='newsletter-signup'><p>Get the news every morning.</p></div></body>"
    )
    assert reasons(marked(page)) == {
        "Great article, thanks!": "marked 'comment' by its class or id",
        "Another story worth a read today": "marked 'related' by its class or id",
        "Get the news every morning.": "marked 'newsletter' by its class or id",
    }


def test_a_lightbox_s_copy_of_a_caption_goes_as_a_pop_up() -> None:
    page = (
        f"<body><article>{article(PROSE, PROSE + ' Again.')}</article>"
        "<div class='lightbox'><div class='lightbox__description'>"
        "<p>The old ferry at dusk, seen from the bridge.</p></div></div></body>"
    )
    assert reasons(marked(page)) == {
        "The old ferry at dusk, seen from the bridge.": "marked 'popup' by its class or id"
    }


def test_blocks_that_are_mostly_links_go_with_their_density() -> None:
    page = (
        f"<body>{article(PROSE)}<p><a href='/a'>Read more stories</a> here</p>"
        "<p>A sentence with <a href='/x'>one link</a> in it, which is a normal thing to do.</p>"
        "</body>"
    )
    assert reasons(marked(page)) == {"Read more stories here": "mostly links (0.79)"}


def test_a_long_block_needs_a_higher_link_density() -> None:
    linked = " ".join(f"linked{i}" for i in range(12))
    plain = " ".join(f"plain{i}" for i in range(10))
    page = f"<body>{article(PROSE)}<p><a href='/x'>{linked}</a> {plain}</p></body>"
    draft = marked(page)
    long_block = draft.blocks[-1]
    assert long_block.link_density is not None
    assert long_block.link_density >= tuning.MARKUP_LINK_DENSITY
    assert long_block.link_density < tuning.MARKUP_LONG_LINK_DENSITY
    assert long_block.kept


def test_a_form_that_wraps_the_whole_page_is_not_evidence() -> None:
    page = (
        "<body><form id='aspnetForm'><div class='menu'><a href='/'>Home</a></div>"
        f"{article(PROSE, PROSE + ' Again.', PROSE + ' Once more.')}</form></body>"
    )
    draft = marked(page)
    assert [block.text for block in draft.kept()] == [
        PROSE,
        PROSE + " Again.",
        PROSE + " Once more.",
    ]
    assert reasons(draft) == {"Home": "marked 'nav' by its class or id"}


def test_a_hint_on_the_article_s_wrapper_is_not_evidence() -> None:
    page = (
        f"<body><div class='content-sidebar-wrap'><main>{article(PROSE, PROSE + ' Again.')}"
        "</main><div class='popular-posts'><p>Popular this week</p></div></div></body>"
    )
    draft = marked(page)
    assert [block.text for block in draft.kept()] == [PROSE, PROSE + " Again."]
    assert reasons(draft) == {"Popular this week": "marked 'related' by its class or id"}


def test_teasers_between_the_paragraphs_stay_evidence() -> None:
    teaser = "<div class='promo'><p>Another long story that is told in a sentence, too.</p></div>"
    page = f"<body>{(article(PROSE) + teaser) * 4}</body>"
    draft = marked(page)
    assert [block.text for block in draft.kept()] == [PROSE] * 4


def test_captions_go_to_media_with_their_credit() -> None:
    page = (
        f"<body>{article(PROSE)}<figure><img src='a.jpg'><figcaption>The bridge at dawn"
        "</figcaption></figure><div class='wp-caption'><p class='wp-caption-text'>The mayor "
        "speaks (Photo: Jane Doe)</p></div></body>"
    )
    draft = marked(page)
    assert [(media.caption, media.credit) for media in draft.media] == [
        ("The bridge at dawn", None),
        ("The mayor speaks", "Jane Doe"),
    ]
    assert set(reasons(draft).values()) == {"picture caption (marked by the page)"}


def test_the_article_body_a_page_names_is_marked_as_main_text() -> None:
    page = (
        f"<body><p>Site name</p><div class='entry-content'>{article(PROSE)}<ul><li>A list "
        "item</li></ul></div><p>Footer line</p></body>"
    )
    draft = marked(page)
    assert [(block.text, block.marked_main) for block in draft.blocks] == [
        ("Site name", False),
        (PROSE, True),
        ("A list item", True),
        ("Footer line", False),
    ]


def test_a_body_mark_on_teasers_only_is_not_main_text() -> None:
    teaser = "<div class='post-content'><p>A teaser of a story, in one sentence.</p></div>"
    page = f"<body>{article(PROSE, PROSE + ' Again.')}{teaser}</body>"
    assert not any(block.marked_main for block in marked(page).blocks)


def test_the_step_does_nothing_on_a_dump() -> None:
    draft = DumpParser().parse(RawDocument(f"Home\n\n{PROSE}\n\nShare this\n"))
    before = [(block.text, block.removal) for block in draft.blocks]
    draft.step = "markup"
    Markup()(draft)
    assert [(block.text, block.removal) for block in draft.blocks] == before
    assert draft.media == []
    assert not any(block.marked_main for block in draft.blocks)


def test_the_step_does_nothing_on_blocks_without_features() -> None:
    draft = Draft(
        blocks=[DraftBlock(index=0, text="Home", hints=frozenset({"nav"}))],
        parser=ParserInfo("custom", "1"),
    )
    Markup()(draft)
    assert draft.blocks[0].kept


def test_the_step_runs_before_zones() -> None:
    names = list(newscorpus.DEFAULT_STEPS)
    assert names.index("captions") < names.index("markup") < names.index("zones")


def test_dump_parsing_is_unchanged_by_the_step(seed_path: Path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    with_step = newscorpus.parse(text, format="dump")
    without = newscorpus.parse(text, format="dump", pipeline=default_pipeline().without("markup"))
    # Everything but the pipeline's fingerprint, which names the steps that ran.
    assert with_step.pipeline != without.pipeline
    assert attrs.evolve(with_step, pipeline=without.pipeline) == without


def test_a_page_s_removals_say_which_step_and_why() -> None:
    page = (
        "<!doctype html><html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>"
        f"World</a></li></ul></nav><article><h1>Bridge to be built</h1>{article(PROSE)}"
        f"{article(PROSE.replace('Monday', 'Tuesday'))}</article><footer>Contact us</footer>"
        "</body></html>"
    )
    result = newscorpus.parse(page)
    assert result.text == f"{PROSE}\n\n{PROSE.replace('Monday', 'Tuesday')}"
    removed = {(removal.text, removal.step) for removal in result.removed}
    assert ("World", "markup") in removed
    assert ("Contact us", "markup") in removed
