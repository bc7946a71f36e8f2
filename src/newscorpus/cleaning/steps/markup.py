"""Step ``markup``: what a page's markup says is not the article.

Formats with markup give each block evidence that a dump cannot: the nearest semantic
container (``<nav>``, ``<footer>``, ``<aside>``, ``<form>``...), hints from class and id names
(``comments``, ``related-posts``, ``share-bar``...) and the share of the text inside links. This
step reads only those features, never the markup itself, and drops:

* blocks in a navigation, footer, aside or form container ("in a <nav>");
* blocks whose class or id names mark them as comments, related links, share buttons,
  sidebars, promotions, newsletter prompts, cookie notices... ("marked 'comment' by its class
  or id"), but not the standfirst a page calls its "teaser" (the lone paragraph of prose,
  without links, right below the headline);
* blocks that are mostly links: menus, lists of headlines ("mostly links (0.92)");
* the placeholder a page shows for embedded content (a video, a post, a chart) until the
  reader consents to load it: a short box whose class names say "embed" or "placeholder" and
  whose text asks for consent ("external content", "Einwilligung");

and moves picture captions (``<figcaption>``, a caption by its class names, or a paragraph
inside a ``<figure>``: a video's summary; not a pull quote) to the media list, with their
credit when the caption ends with one.

A mark that wraps most of the page's prose is not evidence of anything: a site that wraps its
whole page in a ``<form>`` (ASP.NET), or gives its article's wrapper a class
"content-sidebar-wrap", would otherwise lose its article. Such a wrapper's mark is ignored (it
is a run of consecutive blocks holding at least ``page_wide`` of the prose), and,
since hints are names, not elements, so is the same mark on smaller elements inside it,
unless the parser saw that element marked again inside the wrapper (the hint's
:func:`~newscorpus.draft.nested_hint`): a "sidebar-promo" box in a "has-sidebar" page goes.

The step also says where the page itself puts its article: when a container named as the
article's body ("entry-content", "article-body", ``itemprop="articleBody"``...) wraps most of
the prose, its blocks are marked ``marked_main`` for the ``zones`` step to weigh. Dumps have
none of these features, and the step does nothing on them.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import prose_words
from newscorpus.cleaning.steps.captions import split_caption
from newscorpus.draft import BODY_HINT, Draft, DraftBlock, nested_hint
from newscorpus.models.article import Media

__all__ = ["BODY_HINT", "BOILERPLATE_CONTAINERS", "BOILERPLATE_HINTS", "EMBED_HINT", "Markup"]

#: Semantic containers whose blocks are not the article.
BOILERPLATE_CONTAINERS = frozenset({"nav", "footer", "aside", "form"})
#: Class and id hints whose blocks are not the article (see
#: :data:`newscorpus.formats.html.vocabulary.HINT_TOKENS`).
BOILERPLATE_HINTS = (
    "comment",
    "related",
    "share",
    "sidebar",
    "footer",
    "nav",
    "promo",
    "newsletter",
    "cookie",
    "popup",
    "tags",
)

#: The hint of a placeholder of embedded content (see
#: :data:`newscorpus.formats.html.vocabulary.HINT_TOKENS`).
EMBED_HINT = "embed"
_CONSENT_REASON = "placeholder of embedded content asking for consent"
#: The kinds of block that, inside a ``<figure>``, are its caption or the description of what
#: it shows (a video's summary under the player); a quote there is a pull quote, kept.
_FIGURE_KINDS = frozenset({"paragraph", "heading"})
#: The hint that "teaser" gives (among others): other stories, or the article's standfirst.
_TEASER_HINT = "related"


@cleaning_step(origin="builtin")
class Markup:
    """Drop blocks that their container, class names or links mark as furniture."""

    name: str = "markup"
    #: Semantic containers whose blocks are not the article.
    containers: frozenset[str] = BOILERPLATE_CONTAINERS
    #: Class and id hints whose blocks are not the article, the first found giving the reason.
    hints: tuple[str, ...] = BOILERPLATE_HINTS
    #: A block with at least this share of its characters inside links is a menu or a list of
    #: headlines ...
    link_density: float = tuning.MARKUP_LINK_DENSITY
    #: ... and a block of this many words or more with at least this share.
    long_block_words: int = tuning.MARKUP_LONG_BLOCK_WORDS
    long_link_density: float = tuning.MARKUP_LONG_LINK_DENSITY
    #: A mark that holds this share of a page's prose marks its wrapper, not a part to drop ...
    page_wide: float = tuning.MARKUP_PAGE_WIDE
    #: ... except a cookie notice's, when this many of its blocks say "cookie".
    cookie_min_mentions: int = tuning.MARKUP_COOKIE_MIN_MENTIONS
    #: A run of blocks marked "embed" that asks for consent is a placeholder up to this size.
    consent_box_max_words: int = tuning.MARKUP_CONSENT_BOX_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        kept = [block for block in draft.iter_kept() if block.link_density is not None]
        if not kept:
            return  # no markup evidence (a dump)
        # Each block's prose, weighed once: the standfirst, wrapper and figure tests below
        # would each weigh every block again.
        prose = {block: prose_words(block, draft.language, draft.stopword_floor) for block in kept}
        standfirst = _teaser_standfirst(kept, prose)
        wrappers = _wrappers(kept, prose, self.page_wide, containers=True)
        if not _prose_outside(kept, prose, self.containers):
            # A <nav>, <footer> or <aside> around all the page's prose wraps the article
            # (its only text): the mark would delete the body on its own.
            wrappers |= _wrappers(kept, prose, self.page_wide, containers=True, semantic=True)
        for block in kept:
            container = block.container
            if container in self.containers and container not in wrappers:
                draft.drop(block, f"in a <{container}>", "markup.container")
        kept = [block for block in kept if block.removal is None]
        wrappers = _wrappers(kept, prose, self.page_wide, containers=False)
        if "cookie" in wrappers and _speaks_of_cookies(kept, self.cookie_min_mentions):
            wrappers -= {"cookie"}
        if BODY_HINT in wrappers:
            for block in draft.blocks:
                if BODY_HINT in block.hints:
                    block.marked_main = True
        if EMBED_HINT not in wrappers:
            self._drop_consent_boxes(draft, kept)
            kept = [block for block in kept if block.removal is None]
        figure_text = not _figure_wraps(kept, prose, self.page_wide)
        for block in kept:
            if ("caption" in block.hints or block.tag == "figcaption") and (
                "caption" not in wrappers
            ):
                _to_media(draft, block)
                continue
            if figure_text and block.container == "figure" and block.kind in _FIGURE_KINDS:
                _to_media(draft, block)
                continue
            hint = next(
                (
                    h
                    for h in self.hints
                    if h in block.hints
                    and _marks(h, block, wrappers)
                    and not (h == _TEASER_HINT and block is standfirst)
                ),
                None,
            )
            if hint is not None:
                draft.drop(block, f"marked {hint!r} by its class or id", "markup.class-hint")
                continue
            density = block.link_density
            if density is not None and density >= self._link_limit(block, draft):
                draft.drop(block, f"mostly links ({density:.2f})", "markup.mostly-links")

    def _drop_consent_boxes(self, draft: Draft, blocks: list[DraftBlock]) -> None:
        """Drop each short run of blocks marked "embed" whose text asks for consent: the box a
        page shows in place of a video, a post or a chart until the reader agrees to load it
        from its provider ("external content", "Einwilligung"). The phrase alone is no
        evidence (an article may be about consent), nor is the mark alone (an embedded post,
        a live ticker): both together, in a box short enough to be one."""
        for box in _runs(blocks, EMBED_HINT):
            words = sum(features(block.text, draft.language).size for block in box)
            if words <= self.consent_box_max_words and any(
                patterns.contains("consent", block.text) for block in box
            ):
                for block in box:
                    draft.drop(block, _CONSENT_REASON, "markup.consent")

    def _link_limit(self, block: DraftBlock, draft: Draft) -> float:
        """The link density from which a block is a menu or a list of links: higher for a long
        block, which is more likely a sentence with a few links in it."""
        if features(block.text, draft.language).size >= self.long_block_words:
            return self.long_link_density
        return self.link_density


def _figure_wraps(
    blocks: list[DraftBlock], prose: dict[DraftBlock, float], page_wide: float
) -> bool:
    """Whether ``<figure>`` elements hold at least ``page_wide`` of the page's prose (``prose``:
    each block's :func:`prose_words`): then a figure is how the page wraps its text, not a
    picture with its caption."""
    inside = total = 0.0
    for block in blocks:
        size = prose[block]
        total += size
        if block.container == "figure":
            inside += size
    return total > 0 and inside / total >= page_wide


def _teaser_standfirst(
    blocks: list[DraftBlock], prose: dict[DraftBlock, float]
) -> DraftBlock | None:
    """The article's own standfirst where the page's markup calls it a "teaser" (German
    sites' CMSs do: "article__teaser-text"): the first paragraph of prose (``prose``: each
    block's :func:`prose_words`) below the headline, at most ``LEAD_MAX_GAP`` blocks down,
    alone in its mark and without a link. Teasers of other stories come in lists, each a link
    to its story."""
    headline = next((i for i, block in enumerate(blocks) if block.tag == "h1"), None)
    if headline is None:
        return None
    below = blocks[headline + 1 : headline + 2 + tuning.LEAD_MAX_GAP]
    for position, block in enumerate(below):
        if block.tag == "figcaption" or "caption" in block.hints:
            continue
        if not prose[block]:
            continue
        after = below[position + 1] if position + 1 < len(below) else None
        before = blocks[headline + position]
        alone = _TEASER_HINT not in before.hints and (
            after is None or _TEASER_HINT not in after.hints
        )
        if _TEASER_HINT in block.hints and alone and not block.link_density:
            return block
        return None
    return None


def _marks(hint: str, block: DraftBlock, wrappers: frozenset[str]) -> bool:
    """Whether ``hint`` on ``block`` is evidence: it is not the mark of the page's wrapper, or
    the block's element is marked so again inside that wrapper (a "sidebar-promo" box in a
    "has-sidebar" page), and that inner mark does not wrap the page's prose either."""
    if hint not in wrappers:
        return True
    nested = nested_hint(hint)
    return nested in block.hints and nested not in wrappers


def _runs(blocks: list[DraftBlock], hint: str) -> list[list[DraftBlock]]:
    """The runs of consecutive ``blocks`` that carry ``hint``: one element's blocks each."""
    runs: list[list[DraftBlock]] = []
    previous: DraftBlock | None = None
    for block in blocks:
        if hint in block.hints:
            if previous is not None and hint in previous.hints:
                runs[-1].append(block)
            else:
                runs.append([block])
        previous = block
    return runs


def _speaks_of_cookies(blocks: list[DraftBlock], min_mentions: int) -> bool:
    """Whether the blocks marked as a cookie notice say "cookie" in their text: then the mark
    is a consent dialog however much prose it holds (a long privacy notice outweighs a short
    article), not the name of a wrapper around the page."""
    said = sum(1 for block in blocks if "cookie" in block.hints and "cookie" in block.text.lower())
    return said >= min_mentions


def _to_media(draft: Draft, block: DraftBlock) -> None:
    parts = split_caption(block.text)
    caption, credit = parts if parts is not None else (block.text, None)
    draft.media.append(Media(caption, credit))
    draft.drop(block, "picture caption (marked by the page)", "markup.caption")


def _prose_outside(
    blocks: list[DraftBlock], prose: dict[DraftBlock, float], containers: frozenset[str]
) -> bool:
    """Whether a block of prose stands outside the boilerplate ``containers``."""
    return any(block.container not in containers and prose[block] for block in blocks)


def _wrappers(
    blocks: list[DraftBlock],
    prose: dict[DraftBlock, float],
    page_wide: float,
    *,
    containers: bool,
    semantic: bool = False,
) -> frozenset[str]:
    """The ``<form>`` container (with ``containers``) or the class hints (without) of an
    element that wraps most of the prose of ``blocks`` (``prose``: each block's
    :func:`prose_words`): the page's wrapper (an ASP.NET form,
    a "content-sidebar-wrap", the article's "entry-content"), not a part of it.

    An element's blocks follow each other, so a wrapper is a run of consecutive blocks with
    the mark; twenty teasers marked "promo" between the article's paragraphs are twenty short
    runs, and stay evidence. ``<nav>``, ``<footer>`` and ``<aside>`` are trusted whatever they
    hold: a page whose prose is in its sidebar has a list or a table for its article (a
    calendar, a recipe), unless no prose is outside them at all: with ``semantic``, those
    containers are weighed as the form is. Hints are weighed after those containers are gone,
    among what is left.
    """
    best: dict[str, float] = {}
    runs: dict[str, float] = {}
    total = 0.0
    for block in blocks:
        if not containers:
            marks = block.hints
        elif block.container == "form" or (semantic and block.container in BOILERPLATE_CONTAINERS):
            marks = frozenset({block.container})
        else:
            marks = frozenset()
        for mark in list(runs):
            if mark not in marks:
                del runs[mark]
        size = prose[block]
        total += size
        for mark in marks:
            runs[mark] = runs.get(mark, 0.0) + size
            best[mark] = max(best.get(mark, 0.0), runs[mark])
    if total <= 0:
        return frozenset()
    return frozenset(key for key, size in best.items() if size / total >= page_wide)
