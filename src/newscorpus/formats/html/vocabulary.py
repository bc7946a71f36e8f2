"""The HTML vocabulary the block extractor reads, kept apart from the walk that uses it.

Which elements start a block, which are never shown, which elements are semantic containers,
and which class and id names hint at what an element holds. A reader finds every name the HTML
parser matches here; the walk itself is in :mod:`newscorpus.formats.html.walk`.
"""

from __future__ import annotations

import re

from newscorpus._caches import memoized
from newscorpus.draft import BODY_HINT

__all__ = [
    "BLOCK_TAGS",
    "BODY_HINT",
    "BODY_ITEMPROPS",
    "BODY_NAME",
    "CELL_TAGS",
    "CONTAINER_ROLES",
    "CONTAINER_TAGS",
    "HEADING_TAGS",
    "HIDDEN_CLASSES",
    "HIDDEN_STYLE",
    "HINT_TOKENS",
    "INVISIBLE_TAGS",
    "LIST_ITEM_TAGS",
    "NO_HINTS",
    "hints_of",
    "is_hidden_class",
]

#: Elements whose content is never rendered as text: scripts, styles, embedded documents and
#: media whose fallback content a browser does not show, form widgets whose options are not
#: lines of the page, and the document head.
INVISIBLE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "head",
        "title",
        "meta",
        "link",
        "base",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "canvas",
        "video",
        "audio",
        "picture",
        "source",
        "track",
        "map",
        "select",
        "datalist",
        "option",
        "optgroup",
        "textarea",
        "input",
        "img",
        "param",
    }
)

#: Elements that start and end a block of text: a browser puts a line break around them.
#: Everything else (``a``, ``span``, ``em``, custom elements...) is inline: its text joins the
#: block around it.
BLOCK_TAGS = frozenset(
    {
        "html",
        "body",
        "address",
        "article",
        "aside",
        "blockquote",
        "button",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "legend",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)

#: Headings: their blocks are of kind ``heading``.
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: List items: their blocks (and those of the paragraphs inside them) are ``list_item``.
LIST_ITEM_TAGS = frozenset({"li", "dt", "dd"})
#: Table cells: inside a row of plain cells, a separator, not a block of their own.
CELL_TAGS = frozenset({"td", "th"})
#: What separates the cells of a table row in the row's block.
CELL_SEPARATOR = " | "

#: Semantic containers: each block records the nearest one around it.
CONTAINER_TAGS = frozenset(
    {"article", "main", "nav", "header", "footer", "aside", "form", "figure"}
)
#: ARIA landmark roles, read as the container they stand for.
CONTAINER_ROLES = {
    "article": "article",
    "main": "main",
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
    "form": "form",
    "figure": "figure",
}

#: An inline style that hides its element.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Class names that the common CSS frameworks define as hidden from sight (Bootstrap,
#: WordPress, Tailwind, Foundation): the text is for screen readers or shown by script only.
HIDDEN_CLASSES = frozenset(
    {
        "hidden",
        "d-none",
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "element-invisible",
        "show-for-sr",
        "u-hidden",
        "is-hidden",
    }
)

#: Class and id tokens (lower case, split at punctuation and at camelCase humps) and the hint
#: each gives. A hint says what an element holds; the ``markup`` cleaning step decides what a
#: hint is worth (:mod:`newscorpus.cleaning.steps.markup`).
HINT_TOKENS: dict[str, str] = {
    # comment sections and forms
    "comment": "comment",
    "comments": "comment",
    "commentlist": "comment",
    "commentform": "comment",
    "disqus": "comment",
    "respond": "comment",
    "replies": "comment",
    # related and recommended content
    "related": "related",
    "relatedposts": "related",
    "recommended": "related",
    "recommendations": "related",
    "recirculation": "related",
    "recirc": "related",
    "outbrain": "related",
    "taboola": "related",
    "trending": "related",
    "popular": "related",
    "mostread": "related",
    "teaser": "related",
    "teasers": "related",
    # share and follow buttons
    "share": "share",
    "shares": "share",
    "sharing": "share",
    "sharebar": "share",
    "sharethis": "share",
    "sharedaddy": "share",
    "addthis": "share",
    # sidebars and widgets
    "sidebar": "sidebar",
    "rail": "sidebar",
    "widget": "sidebar",
    "widgets": "sidebar",
    # site footer and navigation
    "footer": "footer",
    "copyright": "footer",
    "nav": "nav",
    "navbar": "nav",
    "navigation": "nav",
    "menu": "nav",
    "breadcrumb": "nav",
    "breadcrumbs": "nav",
    "pagination": "nav",
    "pager": "nav",
    # promotion and advertising
    "promo": "promo",
    "promotion": "promo",
    "sponsored": "promo",
    "sponsor": "promo",
    "ad": "promo",
    "ads": "promo",
    "advert": "promo",
    "advertisement": "promo",
    "advertising": "promo",
    "adsbygoogle": "promo",
    "dfp": "promo",
    # newsletter and subscription prompts
    "newsletter": "newsletter",
    "subscribe": "newsletter",
    "subscription": "newsletter",
    "signup": "newsletter",
    # cookie and consent notices, pop-ups
    "cookie": "cookie",
    "cookies": "cookie",
    "consent": "cookie",
    "gdpr": "cookie",
    "modal": "popup",
    "popup": "popup",
    "lightbox": "popup",
    # placeholders of embedded content (a video, a post, a chart) shown until the reader
    # consents to its provider
    "embed": "embed",
    "embeds": "embed",
    "oembed": "embed",
    "placeholder": "embed",
    "optin": "embed",
    # tag lists
    "tags": "tags",
    "tagcloud": "tags",
    "keywords": "tags",
    # the article's own furniture: kept, but read by the metadata steps
    "author": "author",
    "authors": "author",
    "bio": "author",
    "byline": "byline",
    "dateline": "byline",
    "caption": "caption",
    "figcaption": "caption",
    "credit": "caption",
    "credits": "caption",
}

#: Names of an element that holds the article's text (its blocks get the hint
#: :data:`~newscorpus.draft.BODY_HINT`), the way content management systems name it:
#: "entry-content", "article-body", "articleBody", "story-body__inner", "post-text",
#: "RichTextArticleBody", Drupal's "field-name-body"... (read in one name, lower case, its
#: punctuation taken out). schema.org's ``itemprop="articleBody"`` gives it too.
BODY_NAME = re.compile(
    r"(?:article|entry|post|story|blog|news|single|richtext)(?:body|content|text|copy|entry)"
    r"|bodycopy|bodytext|fieldnamebody|fieldbody"
)
#: The words of which every name :data:`BODY_NAME` matches holds one: a name without any is not
#: searched (that search tries each of its alternatives at each character).
_BODY_WORD = re.compile("body|content|text|copy|entry")
#: The ``itemprop`` values that mark the article's text.
BODY_ITEMPROPS = frozenset({"articlebody"})

_HUMP = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


@memoized
def hints_of(names: str) -> frozenset[str]:
    """The hints that class or id names give (several names, separated by spaces).

    >>> sorted(hints_of("post-comments relatedArticles"))
    ['comment', 'related']
    >>> hints_of("commentary")
    frozenset()
    >>> hints_of("entry-content clearfix")
    frozenset({'body'})
    """
    found = NO_HINTS
    for name in names.split():
        hints = _name_hints(name)
        if hints:
            found = found | hints
    return found


#: The hints of an element whose names give none.
NO_HINTS: frozenset[str] = frozenset()


@memoized
def _name_hints(name: str) -> frozenset[str]:
    """:func:`hints_of` one name: memoised apart, as names recur in many class strings
    ("clearfix", "row"), on a page and from page to page, more than whole strings do."""
    lowered = name.lower()
    # Most names have no capital, so no camelCase hump to split at.
    tokens = _SEPARATORS.split(lowered if lowered == name else _HUMP.sub("-", name).lower())
    found = {HINT_TOKENS[token] for token in tokens if token in HINT_TOKENS}
    # The name's letters; a body word in none of them is no body name, which is not searched
    # (that search tries each of its alternatives at each character).
    letters = "".join(tokens)
    if _BODY_WORD.search(letters) and BODY_NAME.search(letters):
        found.add(BODY_HINT)
    return frozenset(found)


def is_hidden_class(names: str) -> bool:
    """Whether class names hide their element from sight (``"sr-only"``, ``"d-none"``).

    >>> is_hidden_class("btn sr-only"), is_hidden_class("hidden-xs")
    (True, False)
    """
    # Not memoised: a crawl meets more class strings than a cache holds (28,000 on the
    # scrapinghub pages), and this answer, in C, costs less than a miss.
    return not HIDDEN_CLASSES.isdisjoint(names.lower().split())
