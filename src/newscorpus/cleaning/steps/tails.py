"""Step ``tails``: what follows the article: related teasers, author bios, comments.

A tail starts at a marker line after some of the article: a related-content heading ("You
may also like:", "More from UK") or an author-bio heading ("Written By", "About the author")
opens a box that runs until the article resumes (a long paragraph, or two in a row: teasers
come one short paragraph at a time), or to the end. A comment section ("Leave a Reply", "34
Comments") runs to the end of the page, when it stands after most of the page's prose (so a
"Comments" link in the top menu cuts nothing) or comments follow it ("jane says:", "2 days
ago").
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import prose_words
from newscorpus.draft import BODY_HINT, Draft, DraftBlock

__all__ = ["Tails", "tail_kind"]

#: The code of each kind of tail.
_CODES = {
    "related content": "tails.related",
    "author bio": "tails.bio",
    "comments": "tails.comments",
}


@memoized
def tail_kind(text: str, language: str | None, settings: Tails | None = None) -> str | None:
    """What tail a marker line opens ("related content", "author bio", "comments"), or None,
    by the thresholds of ``settings`` (the default step's when None).

    >>> tail_kind("You may also like:", "en")
    'related content'
    >>> tail_kind("Leave a Reply", "en")
    'comments'
    """
    if settings is None:
        settings = _DEFAULT
    found = features(text, language)
    if patterns.COMMENT_COUNT.match(text) and found.size <= settings.comment_count_max_words:
        return "comments"
    if found.size > settings.marker_max_words or found.ends_sentence:
        return None
    whole = patterns.roles_of_whole(text)
    if "comments_header" in whole or "comment_form" in whole:
        return "comments"
    if "related" in whole or _heading_with("related", text, settings):
        return "related content"
    if "bio" in whole or _heading_with("bio", text, settings, names=True):
        return "author bio"
    return None


def _heading_with(role: patterns.Role, text: str, settings: Tails, *, names: bool = False) -> bool:
    """A marker phrase followed by a few words: "More from UK", "About Jane Doe"."""
    leading = patterns.leading_phrase(role, text)
    if leading is None:
        return False
    rest = leading[1].strip(" :-–—")
    words = rest.split()
    if names:
        return 0 < len(words) <= settings.name_max_words and all(w[:1].isupper() for w in words)
    return len(words) <= settings.marker_extra_words


@cleaning_step(origin="builtin")
class Tails:
    """Drop related-content teasers, author bios and comment sections after the article."""

    name: str = "tails"
    #: A tail marker is a short line: "You may also like:", "More from UK", "34 Comments".
    marker_max_words: int = tuning.TAIL_MARKER_MAX_WORDS
    #: "34 responses to “<title>” jane says:" opens comments even though it runs long.
    comment_count_max_words: int = tuning.COMMENT_COUNT_MAX_WORDS
    #: Words a related-content heading may add to its phrase ("More from UK").
    marker_extra_words: int = tuning.TAIL_MARKER_EXTRA_WORDS
    #: Names an author-bio heading may add ("About Jane Doe").
    name_max_words: int = tuning.TAIL_NAME_MAX_WORDS
    #: A marker opens a tail only after this many words of prose (a "Comments" link in the
    #: menu above the article opens nothing).
    min_words_before: float = tuning.TAIL_MIN_WORDS_BEFORE
    #: The article resumes after a related box with a paragraph this long.
    resume_words: float = tuning.TAIL_RESUME_WORDS
    #: A comment marker cuts the page when this share of the page's prose stands before it ...
    min_prose_before: float = tuning.TAIL_MIN_PROSE_BEFORE
    #: ... or this many comment headers ("jane says:", "2 days ago") follow it ...
    comment_min_meta_lines: int = tuning.COMMENT_MIN_META_LINES
    #: ... within this many blocks.
    comment_window: int = tuning.COMMENT_WINDOW

    def __call__(self, draft: Draft) -> None:
        settings = None if self == _DEFAULT else self  # None hashes faster (see Chrome)
        kept = draft.kept()
        weights = [prose_words(block, draft.language, draft.stopword_floor) for block in kept]
        total = sum(weights)
        before = 0.0
        position = 0
        while position < len(kept):
            # A tail starts after some of the article: the lines before that are not read.
            kind = (
                tail_kind(kept[position].text, draft.language, settings)
                if before >= self.min_words_before
                else None
            )
            if kind is None:
                before += weights[position]
                position += 1
                continue
            if kind == "comments":
                after_most = before / total >= self.min_prose_before
                if (after_most and not _in_named_body(kept[position])) or _comments_follow(
                    kept[position + 1 :], self
                ):
                    _drop_all(draft, kept[position:], kind)
                    return
                position += 1
                continue
            end = _resumes(
                kept, weights, position + 1, self.resume_words, skip_first=kind == "author bio"
            )
            for inner in range(position, end):
                inner_kind = tail_kind(kept[inner].text, draft.language, settings) or kind
                if inner_kind == "comments" and _comments_follow(kept[inner + 1 :], self):
                    _drop_all(draft, kept[inner:], inner_kind)
                    return
                kind = inner_kind
                draft.drop(kept[inner], f"{kind} after the article", _CODES[kind])
            position = end


def _in_named_body(block: DraftBlock) -> bool:
    """Whether ``block`` stands in the element the page names as its article's text
    ("entry-content", ``itemprop="articleBody"``): a "Comments" line there is a word of the
    article (a label in a diagram, a heading about comments), not the start of a thread,
    unless comments follow it."""
    return BODY_HINT in block.hints and "comment" not in block.hints


def _drop_all(draft: Draft, blocks: list[DraftBlock], kind: str) -> None:
    for block in blocks:
        draft.drop(block, f"{kind} after the article", _CODES[kind])


def _resumes(
    kept: list[DraftBlock],
    weights: list[float],
    start: int,
    resume_words: float,
    *,
    skip_first: bool,
) -> int:
    """Where the article resumes after a related-content box or a bio: the first prose block
    that is long or followed by more prose (teasers come one short paragraph at a time). A
    bio's own first paragraph is part of the box."""
    for position in range(start, len(kept)):
        if weights[position] == 0:
            continue
        if skip_first:
            skip_first = False
            continue
        long_enough = weights[position] >= resume_words
        followed = position + 1 < len(kept) and weights[position + 1] > 0
        if long_enough or followed:
            return position
    return len(kept)


def _comments_follow(blocks: list[DraftBlock], settings: Tails) -> bool:
    window = blocks[: settings.comment_window]
    hits = sum(1 for block in window if _is_comment_meta(block.text))
    return hits >= settings.comment_min_meta_lines


@memoized
def _is_comment_meta(text: str) -> bool:
    """Whether ``text`` looks like the first line of a comment (the windows of the lines after
    each comment marker overlap, so each line is searched once)."""
    return patterns.COMMENT_META.search(text) is not None


_DEFAULT = Tails()
