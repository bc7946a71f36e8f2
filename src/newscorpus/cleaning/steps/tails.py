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

from attrs import field, frozen

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.cleaning import patterns
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import is_prose
from newscorpus.draft import BODY_HINT, Draft, DraftBlock
from newscorpus.registry import cleaners

__all__ = ["Tails", "tail_kind"]


@memoized
def tail_kind(text: str, language: str | None) -> str | None:
    """What tail a marker line opens ("related content", "author bio", "comments"), or None.

    >>> tail_kind("You may also like:", "en")
    'related content'
    >>> tail_kind("Leave a Reply", "en")
    'comments'
    """
    found = features(text, language)
    if patterns.COMMENT_COUNT.match(text) and found.size <= tuning.COMMENT_COUNT_MAX_WORDS:
        return "comments"
    if found.size > tuning.TAIL_MARKER_MAX_WORDS or found.ends_sentence:
        return None
    whole = patterns.roles_of_whole(text)
    if "comments_header" in whole or "comment_form" in whole:
        return "comments"
    if "related" in whole or _heading_with("related", text):
        return "related content"
    if "bio" in whole or _heading_with("bio", text, names=True):
        return "author bio"
    return None


def _heading_with(role: patterns.Role, text: str, *, names: bool = False) -> bool:
    """A marker phrase followed by a few words: "More from UK", "About Jane Doe"."""
    leading = patterns.leading_phrase(role, text)
    if leading is None:
        return False
    rest = leading[1].strip(" :-–—")
    words = rest.split()
    if names:
        return 0 < len(words) <= tuning.TAIL_NAME_MAX_WORDS and all(w[:1].isupper() for w in words)
    return len(words) <= tuning.TAIL_MARKER_EXTRA_WORDS


@cleaners.register("tails", origin="builtin")
@frozen
class Tails:
    """Drop related-content teasers, author bios and comment sections after the article."""

    name: str = field(default="tails", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        weights = [_prose_weight(block, draft.language, draft.stopword_floor) for block in kept]
        total = sum(weights)
        before = 0.0
        position = 0
        while position < len(kept):
            # A tail starts after some of the article: the lines before that are not read.
            kind = (
                tail_kind(kept[position].text, draft.language)
                if before >= tuning.TAIL_MIN_WORDS_BEFORE
                else None
            )
            if kind is None:
                before += weights[position]
                position += 1
                continue
            if kind == "comments":
                after_most = before / total >= tuning.TAIL_MIN_PROSE_BEFORE
                if (after_most and not _in_named_body(kept[position])) or _comments_follow(
                    kept[position + 1 :]
                ):
                    _drop_all(draft, kept[position:], kind)
                    return
                position += 1
                continue
            end = _resumes(kept, weights, position + 1, skip_first=kind == "author bio")
            for inner in range(position, end):
                inner_kind = tail_kind(kept[inner].text, draft.language) or kind
                if inner_kind == "comments" and _comments_follow(kept[inner + 1 :]):
                    _drop_all(draft, kept[inner:], inner_kind)
                    return
                kind = inner_kind
                draft.drop(kept[inner], f"{kind} after the article")
            position = end


def _in_named_body(block: DraftBlock) -> bool:
    """Whether ``block`` stands in the element the page names as its article's text
    ("entry-content", ``itemprop="articleBody"``): a "Comments" line there is a word of the
    article (a label in a diagram, a heading about comments), not the start of a thread,
    unless comments follow it."""
    return BODY_HINT in block.hints and "comment" not in block.hints


def _drop_all(draft: Draft, blocks: list[DraftBlock], kind: str) -> None:
    for block in blocks:
        draft.drop(block, f"{kind} after the article")


def _resumes(kept: list[DraftBlock], weights: list[float], start: int, *, skip_first: bool) -> int:
    """Where the article resumes after a related-content box or a bio: the first prose block
    that is long or followed by more prose (teasers come one short paragraph at a time). A
    bio's own first paragraph is part of the box."""
    for position in range(start, len(kept)):
        if weights[position] == 0:
            continue
        if skip_first:
            skip_first = False
            continue
        long_enough = weights[position] >= tuning.TAIL_RESUME_WORDS
        followed = position + 1 < len(kept) and weights[position + 1] > 0
        if long_enough or followed:
            return position
    return len(kept)


def _prose_weight(block: DraftBlock, language: str | None, floor: float) -> float:
    found = features(block.text, language)
    return found.size if is_prose(found, floor) else 0.0


def _comments_follow(blocks: list[DraftBlock]) -> bool:
    window = blocks[: tuning.COMMENT_WINDOW]
    hits = sum(1 for block in window if _is_comment_meta(block.text))
    return hits >= tuning.COMMENT_MIN_META_LINES


@memoized
def _is_comment_meta(text: str) -> bool:
    """Whether ``text`` looks like the first line of a comment (the windows of the lines after
    each comment marker overlap, so each line is searched once)."""
    return patterns.COMMENT_META.search(text) is not None
