"""Step ``tails``: what follows the article: related teasers, author bios, comments.

A tail starts at a marker line: a related-content heading ("You may also like:", "More from
UK"), an author-bio heading ("Written By", "About the author"), a comment section ("Leave a
Reply", "34 Comments"). From a marker to the end of the page, every block is dropped, when
the marker stands after most of the page's prose (so a "Comments" link in the top menu cuts
nothing) or, for comments, when comments follow it (lines like "jane says:" or "2 days ago").
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import is_prose
from newscorpus.draft import Draft, DraftBlock
from newscorpus.registry import cleaners

__all__ = ["Tails", "tail_kind"]


def tail_kind(text: str, language: str | None) -> str | None:
    """What tail a marker line opens ("related content", "author bio", "comments"), or None.

    >>> tail_kind("You may also like:", "en")
    'related content'
    >>> tail_kind("Leave a Reply", "en")
    'comments'
    """
    found = features(text, language)
    if found.size > tuning.TAIL_MARKER_MAX_WORDS or found.ends_sentence:
        return None
    if patterns.COMMENT_COUNT.match(text) or patterns.matches_whole("comments_header", text):
        return "comments"
    if patterns.matches_whole("comment_form", text):
        return "comments"
    if patterns.matches_whole("related", text) or _heading_with("related", text):
        return "related content"
    if patterns.matches_whole("bio", text) or _heading_with("bio", text, names=True):
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
        weights = [_prose_weight(block, draft.language) for block in kept]
        total = sum(weights)
        if total == 0:
            return
        before = 0.0
        for position, block in enumerate(kept):
            kind = tail_kind(block.text, draft.language)
            if kind is not None and before > 0 and (
                before / total >= tuning.TAIL_MIN_PROSE_BEFORE
                or (kind == "comments" and _comments_follow(kept[position + 1 :]))
            ):
                reason = f"{kind} after the article (from {block.text!r})"
                for rest in kept[position:]:
                    draft.drop(rest, reason)
                return
            before += weights[position]


def _prose_weight(block: DraftBlock, language: str | None) -> float:
    found = features(block.text, language)
    return found.size if is_prose(found) else 0.0


def _comments_follow(blocks: list[DraftBlock]) -> bool:
    window = blocks[: tuning.COMMENT_WINDOW]
    hits = sum(1 for block in window if patterns.COMMENT_META.search(block.text))
    return hits >= tuning.COMMENT_MIN_META_LINES
