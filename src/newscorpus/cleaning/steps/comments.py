"""Step ``comments``: reader comments kept as content, apart from the body (asked for only).

The default pipeline leaves comments out of the body, as other steps remove them: the
``markup`` step drops blocks the page marks as comments by their class or id (HTML), the
``tails`` step the comment section after the article (dumps and pages alike). This step, which
``parse(..., comments=True)`` and ``--comments`` add at the end of the pipeline, gathers those
removed blocks into :attr:`Article.comments <newscorpus.Article.comments>`; they stay in
``removed`` too, since they are not the article's body. It adds nothing to the body.

Blocks are split into comments at their heading lines: a short line that is a date ("March 3,
2019 at 5:04 pm"), a comment's meta line ("Jane says:", "2 days ago", "Reply"), or a name
before one of them. A comment's author is such a name (or the name before "says:"), its date
the first date of its heading lines; lines such as "Reply", and the section's own ("3
comments", "Leave a reply"), are left out, and so is text under no heading (a comment says
who wrote it or when: what does not is the section's furniture). On a page, only blocks the
page marks as comments by their class or id count (not those in a form, nor lists of links);
in a dump, the comment section the ``tails`` step removed.
"""

from __future__ import annotations

import datetime as dt

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.steps.tails import tail_kind
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.dates import find_dates
from newscorpus.models.article import Block, Comment

__all__ = ["Comments", "is_comment"]


def is_comment(block: DraftBlock, max_link_density: float = tuning.MARKUP_LINK_DENSITY) -> bool:
    """Whether a removed block was part of a reader comment: on a page, a block the page marks
    as a comment by its class or id (not in a form, not a list of links: less than
    ``max_link_density`` of it in links); in a dump, a block of the comment section the
    ``tails`` step removed."""
    removal = block.removal
    if removal is None:
        return False
    if block.link_density is not None:  # a page: its markup says
        return (
            "comment" in block.hints
            and block.container != "form"
            and block.link_density < max_link_density
        )
    return removal.code == "tails.comments"


@cleaning_step(origin="builtin")
class Comments:
    """Gather the removed comment blocks into the article's comments."""

    name: str = "comments"
    #: A comment's heading (its author, its date) has at most this many words.
    heading_max_words: int = tuning.COMMENT_HEADING_MAX_WORDS
    #: On a page, a block with this share of its text in links is a list of links, not a
    #: comment.
    max_link_density: float = tuning.MARKUP_LINK_DENSITY

    def __call__(self, draft: Draft) -> None:
        language = draft.language
        gathered: list[_Building] = []
        for block in draft.blocks:
            if not is_comment(block, self.max_link_density):
                continue
            if _is_section_label(block.text, language):
                continue
            heading = _is_heading(block.text, language, self.heading_max_words)
            if not gathered or (heading and gathered[-1].blocks):
                gathered.append(_Building())
            if heading:
                gathered[-1].read_heading(block.text, language)
            else:
                gathered[-1].blocks.append(Block("paragraph", block.text))
        # a comment has a heading (who, when); text without one is the section's furniture
        draft.comments = [
            building.freeze()
            for building in gathered
            if building.blocks and (building.author or building.published)
        ]


class _Building:
    """A comment being gathered."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.author: str | None = None
        self.published: dt.date | None = None

    def read_heading(self, text: str, language: str | None) -> None:
        if patterns.COMMENT_BUTTON.match(text):
            return
        dates = find_dates(text, language=language)
        if dates and self.published is None:
            self.published = dates[0].value
        says = patterns.COMMENT_AUTHOR.search(text)
        if says and self.author is None and text[: says.start()].strip():
            self.author = text[: says.start()].strip()
        elif not dates and self.author is None and not patterns.COMMENT_META.search(text):
            self.author = text

    def freeze(self) -> Comment:
        return Comment(tuple(self.blocks), author=self.author, published=self.published)


def _is_section_label(text: str, language: str | None) -> bool:
    """The comment section's own lines: "3 comments", "Leave a reply"."""
    return bool(patterns.COMMENT_COUNT.search(text)) or tail_kind(text, language) == "comments"


def _is_heading(text: str, language: str | None, max_words: int) -> bool:
    """A comment's heading line: its author, its date, a meta line; short, no sentence."""
    if patterns.COMMENT_META.search(text) or patterns.COMMENT_AUTHOR.search(text):
        return True
    words = text.split()
    if len(words) > max_words or text[-1:] in ".!?…":
        return False
    return bool(find_dates(text, language=language)) or all(word[:1].isupper() for word in words)
