"""Step ``markup``: what the page's markup says is not the article, each with its code."""

from __future__ import annotations

from newscorpus import DraftBlock, Media
from newscorpus.cleaning.steps import Markup
from tests.cleaning.drafts import PROSE, draft, kept, removed, run


def block(text: str, **evidence: object) -> DraftBlock:
    """A block with markup evidence (no links unless given)."""
    evidence.setdefault("link_density", 0.0)
    return DraftBlock(0, text, **evidence)  # type: ignore[arg-type]


def test_containers_hints_links_and_captions() -> None:
    done = run(
        Markup(),
        draft(
            block("Home News Sport", container="nav"),
            *(block(text, container="article") for text in PROSE),
            block("Weather tomorrow: sunny spells all day", hints=frozenset({"sidebar"})),
            block("World Business Sport Culture", link_density=0.95),
            block("The furnace hall, restored", tag="figcaption"),
        ),
    )
    assert removed(done) == [
        ("Home News Sport", "markup.container"),
        ("Weather tomorrow: sunny spells all day", "markup.class-hint"),
        ("World Business Sport Culture", "markup.mostly-links"),
        ("The furnace hall, restored", "markup.caption"),
    ]
    assert done.media == [Media("The furnace hall, restored")]
    assert kept(done) == list(PROSE)


def test_the_reason_keeps_the_evidence_and_the_code_does_not() -> None:
    done = run(Markup(), draft(*(block(t) for t in PROSE), block("A B C", link_density=0.92)))
    [removal] = done.removed()
    assert (removal.reason, removal.code) == ("mostly links (0.92)", "markup.mostly-links")


def test_a_wrapper_mark_is_no_evidence() -> None:
    done = run(Markup(), draft(*(block(text, container="form") for text in PROSE)))
    assert removed(done) == []


def test_the_page_own_body_is_marked_main() -> None:
    done = run(Markup(), draft(*(block(text, hints=frozenset({"body"})) for text in PROSE)))
    assert all(b.marked_main for b in done.blocks)


def test_dumps_have_no_markup_and_nothing_happens() -> None:
    done = run(Markup(), draft(*PROSE, "Home News Sport"))
    assert removed(done) == []


def test_hints_and_link_density_are_settings() -> None:
    sidebar = block("Weather tomorrow: sunny spells all day", hints=frozenset({"sidebar"}))
    links = block("World Business Sport Culture", link_density=0.95)
    done = run(
        Markup(hints=(), link_density=1.0), draft(*(block(t) for t in PROSE), sidebar, links)
    )
    assert removed(done) == []


EMBED = frozenset({"embed"})


def test_a_box_marked_embed_that_asks_for_consent_goes_whole() -> None:
    box = (
        block("Recommended content", hints=EMBED),
        block("Here you will find external content from a video platform.", hints=EMBED),
        block("Show the video", hints=EMBED),
    )
    done = run(Markup(), draft(block(PROSE[0]), *box, block(PROSE[1])))
    assert removed(done) == [(b.text, "markup.consent") for b in box]
    assert kept(done) == [PROSE[0], PROSE[1]]


def test_consent_needs_both_the_mark_and_the_words_in_a_short_box() -> None:
    asking = "We need your consent before loading this."
    unmarked = draft(block(PROSE[0]), block(asking), block(PROSE[1]))
    silent = draft(block(PROSE[0]), block("A post from the mayor: the bridge opens.", hints=EMBED))
    short_limit = draft(block(PROSE[0]), block(asking, hints=EMBED))
    long_box = draft(*(block(text, hints=EMBED) for text in (*PROSE, asking)))
    assert removed(run(Markup(), unmarked)) == []
    assert removed(run(Markup(), silent)) == []
    assert removed(run(Markup(consent_box_max_words=5), short_limit)) == []
    assert removed(run(Markup(), long_box)) == []  # the mark wraps the page: not evidence


def test_a_box_marked_again_inside_a_wrapper_with_the_same_mark_goes() -> None:
    wrapper, inner = frozenset({"promo"}), frozenset({"promo", "promo/nested"})
    box = block("Get our app: the news on the go, every day.", hints=inner)
    done = run(Markup(), draft(*(block(text, hints=wrapper) for text in PROSE), box))
    assert removed(done) == [(box.text, "markup.class-hint")]
    assert kept(done) == list(PROSE)


def test_a_nested_mark_around_most_of_the_prose_is_a_wrapper_too() -> None:
    nested = frozenset({"promo", "promo/nested"})
    done = run(Markup(), draft(*(block(text, hints=nested) for text in PROSE)))
    assert removed(done) == []


def test_the_standfirst_a_page_calls_its_teaser_stays_and_teasers_of_other_stories_go() -> None:
    teaser = frozenset({"related"})
    standfirst = block("The town will have its bridge at last, the council decided today.")
    standfirst.hints = teaser
    headline = block("Council votes for a new bridge", tag="h1")
    done = run(Markup(), draft(headline, standfirst, *(block(text) for text in PROSE)))
    assert removed(done) == []
    other = [block(f"Another story, number {n}, that you may like to read.") for n in (1, 2)]
    for item in other:
        item.hints = teaser
    done = run(Markup(), draft(headline, *other, *(block(text) for text in PROSE)))
    assert [code for _, code in removed(done)] == ["markup.class-hint"] * 2


def test_text_in_a_figure_is_its_caption_but_a_pull_quote_stays() -> None:
    summary = block(
        "Young people protest in the capital: a video of the march.", container="figure"
    )
    quote = block("We will not stop until they listen.", container="figure", kind="quote")
    done = run(Markup(), draft(*(block(text) for text in PROSE), summary, quote))
    assert removed(done) == [(summary.text, "markup.caption")]
    assert done.media == [Media(summary.text)]
    assert kept(done) == [*PROSE, quote.text]


def test_figures_that_hold_the_page_s_prose_are_its_wrapper() -> None:
    done = run(Markup(), draft(*(block(text, container="figure") for text in PROSE)))
    assert removed(done) == []
