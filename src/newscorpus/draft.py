"""What a parser hands to the cleaning pipeline: ordered blocks plus metadata candidates.

A :class:`Draft` is the one mutable object in newscorpus. A pipeline run owns it; each step
keeps, drops, relabels or edits its blocks through the methods below, which record every drop
as a :class:`~newscorpus.models.Removal` and every repair as an
:class:`~newscorpus.models.Edit` under the name of the step that made it. A step cannot drop a
block silently: there is no other way to take one out of the body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from difflib import SequenceMatcher
from typing import Any, Literal

import attrs
from attrs import define, field

from newscorpus import tuning
from newscorpus.models.article import (
    Article,
    ArticleWarning,
    BlockKind,
    Comment,
    Edit,
    Link,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    TableRow,
)

__all__ = ["BODY_HINT", "Draft", "DraftBlock", "Zone", "nested_hint"]

#: Where a block sits relative to the main text, once the ``zones`` step has run.
Zone = Literal["unknown", "header", "body", "aside", "footer"]

#: The hint (:attr:`DraftBlock.hints`) of a block inside the element the page names as the
#: article's text ("entry-content", ``itemprop="articleBody"``...): the HTML parser gives it
#: and the ``markup`` step reads it, so both take it from here.
BODY_HINT = "body"


def nested_hint(hint: str) -> str:
    """The hint of a block whose element is marked ``hint`` inside an ancestor marked the
    same (a "sidebar-promo" box inside a "has-sidebar" wrapper): the HTML parser gives it
    beside ``hint``, and the ``markup`` step weighs the inner mark apart from the wrapper's.

    >>> nested_hint("promo")
    'promo/nested'
    """
    return f"{hint}/nested"


@define(eq=False)
class DraftBlock:
    """One block of the input in reading order, with the evidence its format gives.

    ``index`` is the block's place in the input and never changes. ``blank_before`` and
    ``blank_after`` say whether the input separated the block from its neighbours by an empty
    line (a paragraph break in most dumps); ``tag`` is the HTML element a block came from, where
    the format has markup.

    Formats with markup give more evidence, which cleaning steps read instead of the markup
    itself (a cleaner never looks at HTML); each is ``None`` or empty where the format has no
    markup, as for dumps:

    * ``link_density``: the share of the block's characters that are inside links;
    * ``container``: the nearest semantic element around the block (``"article"``, ``"main"``,
      ``"nav"``, ``"header"``, ``"footer"``, ``"aside"``, ``"form"``, ``"figure"``);
    * ``hints``: what the class and id names of the block's element and its ancestors say it
      is (``"comment"``, ``"related"``, ``"share"``, ``"caption"``, ``"body"``...; see
      :mod:`newscorpus.formats.html.vocabulary`).

    A ``table`` block keeps its ``rows`` (its ``text`` is them as tab-separated lines), and
    any block may keep its ``links`` as spans over its ``text``; an edit of the text keeps both
    in step with it.

    ``marked_main`` is a judgement, not evidence: the ``markup`` step sets it on the blocks
    inside the container the page itself names as the article's body (when that container
    holds most of the page's prose), for the ``zones`` step to weigh.

    >>> block = DraftBlock(0, "Connect with us", blank_before=False)
    >>> block.kind, block.kept
    ('paragraph', True)
    """

    index: int
    text: str
    kind: BlockKind = "paragraph"
    blank_before: bool = True
    blank_after: bool = True
    tag: str | None = None
    zone: Zone = "unknown"
    removal: Removal | None = None
    link_density: float | None = None
    container: str | None = None
    hints: frozenset[str] = frozenset()
    marked_main: bool = False
    rows: tuple[TableRow, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def kept(self) -> bool:
        """Whether the block is still in the body."""
        return self.removal is None

    def retext(self, text: str) -> None:
        """Replace the block's text, keeping its links and a table's rows in step with it
        (no record: :meth:`Draft.edit` records a repair and calls this).

        >>> from newscorpus.models import Link
        >>> block = DraftBlock(0, "A\u00ad report, here.", links=(Link(3, 9, "/r"),))
        >>> block.retext("A report, here.")
        >>> block.text[block.links[0].start : block.links[0].end]
        'report'
        """
        if text == self.text:
            return
        if self.links:
            self.links = _moved_links(self.links, self.text, text)
        if self.rows:
            self.rows = _resplit_rows(self.rows, text)
        self.text = text


@define(eq=False)
class Draft:
    """The working state of one document through the cleaning pipeline.

    A step reads the kept blocks and changes them only through :meth:`drop` and :meth:`edit`,
    which record the step's name (:attr:`step`, set by the pipeline) with each change, and its
    reason: a sentence for people and a stable code for machines:

    >>> from newscorpus.models import ParserInfo
    >>> draft = Draft([DraftBlock(0, "Share this"), DraftBlock(1, "War. . Peace.")],
    ...               ParserInfo("dump", "0.1.0"))
    >>> draft.step = "chrome"
    >>> draft.drop(draft.blocks[0], "share button", "chrome.share")
    >>> draft.step = "debris"
    >>> draft.edit(draft.blocks[1], "War. Peace.", "doubled full stop", "debris.doubled-stop")
    >>> [block.text for block in draft.iter_kept()], draft.removed()[0].code
    (['War. Peace.'], 'chrome.share')
    >>> draft.edits[0].before, draft.edits[0].after, draft.edits[0].code
    ('War. . Peace.', 'War. Peace.', 'debris.doubled-stop')
    """

    blocks: list[DraftBlock]
    parser: ParserInfo
    source: str | None = None
    format: str | None = None
    url: str | None = None
    title: str | None = None
    site_name: str | None = None
    publisher: str | None = None
    agency: str | None = None
    authors: list[str] = field(factory=list)
    published: dt.date | None = None
    modified: dt.date | None = None
    canonical_url: str | None = None
    description: str | None = None
    section: str | None = None
    tags: list[str] = field(factory=list)
    top_image: str | None = None
    language: str | None = None
    media: list[Media] = field(factory=list)
    truncated: bool = False
    paywall: Paywall | None = None
    #: The share of stopwords this page's prose reaches at least (set by the ``language`` step;
    #: see :func:`newscorpus.cleaning.region.stopword_floor`).
    stopword_floor: float = tuning.PROSE_MIN_STOPWORD_RATIO
    edits: list[Edit] = field(factory=list)
    #: Reader comments, gathered by the ``comments`` step when it runs (never the body).
    comments: list[Comment] = field(factory=list)
    #: What is suspicious about the result, kept all the same (see :class:`ArticleWarning`).
    warnings: list[ArticleWarning] = field(factory=list)
    #: The name of the step now running; set by the pipeline, read by :meth:`drop` and
    #: :meth:`edit` so that every removal and edit names its step.
    step: str = "parser"

    def kept(self) -> list[DraftBlock]:
        """The blocks still in the body, in reading order."""
        return [block for block in self.blocks if block.removal is None]

    def iter_kept(self) -> Iterator[DraftBlock]:
        """Iterate over the blocks still in the body, in reading order."""
        return (block for block in self.blocks if block.removal is None)

    def drop(self, block: DraftBlock, reason: str, code: str | None = None) -> None:
        """Take ``block`` out of the body, recording why and by which step.

        ``reason`` is a sentence for people (it may hold values: "mostly links (0.92)");
        ``code`` a stable name for machines, ``"<step>.<kind>"`` (the built-in steps' codes
        are listed in docs/cleaning.md); without one the step's name is the code. Dropping a
        block that is already out does nothing: the first reason stands.
        """
        if block.removal is None:
            # text, reason, step, code: by position, a quarter cheaper than by keyword
            block.removal = Removal(block.text, reason, self.step, code or self.step)

    def edit(
        self,
        block: DraftBlock,
        new_text: str,
        reason: str,
        code: str | None = None,
        *,
        context: int = 24,
    ) -> None:
        """Replace a kept block's text, recording the changed span with some context, the
        reason and its code (as for :meth:`drop`).

        The recorded ``before`` and ``after`` are the smallest span that differs, widened by
        about ``context`` characters on each side to whole words, so a reader can find it.
        """
        if new_text == block.text:
            return
        before, after = _changed_span(block.text, new_text, context)
        self.edits.append(Edit(before, after, reason, self.step, code or self.step))
        block.retext(new_text)

    def removed(self) -> list[Removal]:
        """Every removal so far, in the input's reading order."""
        return [block.removal for block in self.blocks if block.removal is not None]

    def article_fields(self) -> dict[str, Any]:
        """The fields the draft hands to its :class:`~newscorpus.Article` as they are: every
        field both classes have (lists as tuples), except ``blocks``, which the article gets
        from the kept blocks. A field added to both is handed on without more code."""
        return {
            name: tuple(value) if isinstance(value, list) else value
            for name, value in ((name, getattr(self, name)) for name in _HANDED_ON)
        }


#: The fields a draft hands to its article unchanged (see :meth:`Draft.article_fields`).
_HANDED_ON: tuple[str, ...] = tuple(
    name
    for name in attrs.fields_dict(Article)
    if name in attrs.fields_dict(Draft) and name != "blocks"
)


def _common_ends(old: str, new: str) -> tuple[int, int]:
    """The lengths of the longest common prefix and (not overlapping it) suffix."""
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]:
        suffix += 1
    return prefix, suffix


def _moved_links(links: tuple[Link, ...], old: str, new: str) -> tuple[Link, ...]:
    """The links of ``old`` over ``new``: each span follows the characters that stay, and
    keeps only the part of it that is left (a link whose text went entirely goes). Text put
    in at a link's edge stays out of it; text put in place of some of its own is in it.

    Only the part between the common start and end of the two texts changed; the characters
    there are aligned (:class:`difflib.SequenceMatcher`) only when a link reaches it.
    """
    prefix, suffix = _common_ends(old, new)
    old_end, shift = len(old) - suffix, len(new) - len(old)
    touched = any(link.end >= prefix and link.start <= old_end for link in links)
    opcodes = (
        SequenceMatcher(None, old[prefix:old_end], new[prefix : old_end + shift]).get_opcodes()
        if touched
        else []
    )

    def moved(position: int, *, start: bool) -> int:
        if position < prefix:
            return position
        if position > old_end:
            return position + shift
        inner = position - prefix
        # where ops meet, a start belongs to the later one and an end to the earlier one
        for tag, old_start, old_stop, new_start, new_stop in (
            reversed(opcodes) if start else opcodes
        ):
            if not old_start <= inner <= old_stop:
                continue
            if tag == "equal":
                return prefix + new_start + inner - old_start
            edges = ((old_stop, new_stop), (old_start, new_start))
            for edge, mapped in edges if start else reversed(edges):
                if inner == edge:
                    return prefix + mapped
            return prefix + (new_stop if start else new_start)  # inside a change: cut it off
        return prefix

    kept = []
    for link in links:
        start, end = moved(link.start, start=True), moved(link.end, start=False)
        if start < end:
            kept.append(
                link if (start, end) == (link.start, link.end) else Link(start, end, link.href)
            )
    return tuple(kept)


def _resplit_rows(rows: tuple[TableRow, ...], text: str) -> tuple[TableRow, ...]:
    """A table's rows read back from its edited text (a row a line, cells apart by tabs)."""
    lines = text.split("\n")
    return tuple(
        TableRow(tuple(line.split("\t")), header=number < len(rows) and rows[number].header)
        for number, line in enumerate(lines)
    )


def _changed_span(old: str, new: str, context: int) -> tuple[str, str]:
    prefix, suffix = _common_ends(old, new)
    start = _word_start(old, max(0, prefix - context))
    old_end = _word_end(old, min(len(old), len(old) - suffix + context))
    new_end = old_end - len(old) + len(new)
    return old[start:old_end], new[start:new_end]


def _word_start(text: str, position: int) -> int:
    while position > 0 and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int) -> int:
    while position < len(text) and not text[position].isspace():
        position += 1
    return position
