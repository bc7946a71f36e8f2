"""The article model: plain, frozen, typed data with no behaviour that needs a parser."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal, get_args

import attrs
from attrs import field, frozen, validators

from newscorpus.models._checks import is_date as _is_date
from newscorpus.models._checks import optional_text as _optional_text
from newscorpus.models._checks import text as _text
from newscorpus.models._checks import tuple_of as _tuple_of

__all__ = [
    "BLOCK_KINDS",
    "Article",
    "ArticleWarning",
    "Block",
    "BlockKind",
    "Comment",
    "Edit",
    "Link",
    "Media",
    "ParserInfo",
    "Paywall",
    "Removal",
    "SyndicationGroup",
    "TableRow",
]

#: What a kept body block is: a ``Literal`` type of the five kinds (see :data:`BLOCK_KINDS`).
BlockKind = Literal["paragraph", "heading", "quote", "list_item", "table"]
#: The kinds a kept body block can have, in the order the docs list them.
BLOCK_KINDS: tuple[BlockKind, ...] = get_args(BlockKind)

_OFFSET = validators.and_(validators.instance_of(int), validators.ge(0))


def _offset(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or value < 0:
        _OFFSET(instance, attribute, value)


def _link_fields(link: Link, attribute: attrs.Attribute[Any], href: Any) -> None:
    """A link's three checks in one call, on its last field when all are set (the walk builds
    a link for each ``<a>`` of a page, and a validator's call costs more than its check): the
    usual link passes at once; the first wrong field, in order, gets its own error."""
    start, end = link.start, link.end
    if type(start) is int and type(end) is int and 0 <= start < end and type(href) is str:
        return
    fields = attrs.fields(Link)
    _offset(link, fields.start, start)
    if type(end) is not int:
        validators.instance_of(int)(link, fields.end, end)
    if end <= start:
        raise ValueError(f"a link must end after it starts ({start}..{end})")
    _text(link, attribute, href)


@frozen
class Link:
    """A link in a block's text: the characters ``text[start:end]`` point to ``href``.

    ``href`` is absolute when the page's URL was known (a relative link is resolved against
    it), else as the page wrote it.

    >>> Link(2, 8, "https://example.org/report")
    Link(start=2, end=8, href='https://example.org/report')
    """

    start: int = field()
    end: int = field()
    href: str = field(validator=_link_fields)  # checks start and end too (see _link_fields)


@frozen
class TableRow:
    """One row of a table block: its cells' text, and whether it is a header row.

    >>> TableRow(("Team", "Points"), header=True).header
    True
    """

    cells: tuple[str, ...] = field(validator=_tuple_of(str))
    header: bool = field(default=False, validator=validators.instance_of(bool))


def table_text(rows: tuple[TableRow, ...]) -> str:
    """A table's text: one line per row, its cells separated by tabs (what ``Article.text``
    shows of a table, so text consumers keep working).

    >>> table_text((TableRow(("Team", "Pts"), header=True), TableRow(("Ajax", "12"))))
    'Team\\tPts\\nAjax\\t12'
    """
    return "\n".join("\t".join(_one_line(cell) for cell in row.cells) for row in rows)


def _one_line(cell: str) -> str:
    """A cell's text on one line and without tabs, so rows and cells stay apart."""
    return " ".join(cell.split())


_KIND = validators.in_(BLOCK_KINDS)
_KINDS = frozenset(BLOCK_KINDS)
_TABLE_ROWS = _tuple_of(TableRow)
_LINKS = _tuple_of(Link)


# A block's validators are plain functions too (see models/_checks.py): a kind is checked in
# a set, and each tuple's two checks are one call, not attrs' list of validators.
def _kind(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not str or value not in _KINDS:
        _KIND(instance, attribute, value)


def _rows(block: Block, attribute: attrs.Attribute[Any], rows: tuple[TableRow, ...]) -> None:
    _TABLE_ROWS(block, attribute, rows)
    if (block.kind == "table") != bool(rows):
        raise ValueError("a table block needs rows, and only a table block has them")


def _links(block: Block, attribute: attrs.Attribute[Any], links: tuple[Link, ...]) -> None:
    _LINKS(block, attribute, links)
    for link in links:
        if link.end > len(block.text):
            raise ValueError(f"{link!r} ends past the block's text ({len(block.text)} characters)")


@frozen(repr=False)
class Block:
    """One kept unit of the article body, in reading order.

    A ``table`` block keeps its ``rows`` (see :class:`TableRow`); its ``text`` is the rows
    as tab-separated lines (:func:`table_text`; :meth:`table` builds one). ``links`` are the
    block's links, as spans over its ``text``.

    >>> Block("heading", "Stalled talks")
    Block(kind='heading', text='Stalled talks')
    >>> Block.table([["Team", "Pts"], ["Ajax", "12"]], header_rows=1).text
    'Team\\tPts\\nAjax\\t12'
    """

    kind: BlockKind = field(validator=_kind)
    text: str = field(validator=_text)
    rows: tuple[TableRow, ...] = field(default=(), validator=_rows)
    links: tuple[Link, ...] = field(default=(), validator=_links)

    @classmethod
    def table(
        cls,
        rows: Iterable[Iterable[str]],
        *,
        header_rows: int = 0,
        links: tuple[Link, ...] = (),
    ) -> Block:
        """A table block from its rows of cells, the first ``header_rows`` of them headers."""
        table = tuple(
            TableRow(tuple(_one_line(cell) for cell in cells), header=number < header_rows)
            for number, cells in enumerate(rows)
        )
        return cls("table", table_text(table), rows=table, links=links)

    def __repr__(self) -> str:
        # The empty defaults are left out, so a plain block reads as it always has.
        extra = "".join(
            f", {name}={value!r}"
            for name, value in (("rows", self.rows), ("links", self.links))
            if value
        )
        return f"Block(kind={self.kind!r}, text={self.text!r}{extra})"


@frozen
class Comment:
    """A reader comment, kept apart from the body when asked for (``parse(...,
    comments=True)``): its blocks, and its author and date where the page gives them.

    >>> Comment((Block("paragraph", "Well said."),), author="Ann").author
    'Ann'
    """

    blocks: tuple[Block, ...] = field(validator=_tuple_of(Block))
    author: str | None = field(default=None, validator=_optional_text)
    published: dt.date | None = field(default=None, validator=_is_date)

    @property
    def text(self) -> str:
        """The comment's text: its blocks joined by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)


@frozen
class Media:
    """A picture's caption and, when the page gives one, its credit.

    >>> Media("A military parade in November 2023", credit="AFP Menahem KAHANA").credit
    'AFP Menahem KAHANA'
    """

    caption: str = field(validator=_text)
    credit: str | None = field(default=None, validator=_optional_text)


@frozen
class Paywall:
    """The notice that the rest of the article is for subscribers.

    ``remaining_fraction`` is the share of the article the notice says is hidden (0.45 for
    "You have 45% of this article left to read"), or ``None`` when it does not say.

    >>> Paywall("The rest is for subscribers only.", remaining_fraction=0.45).remaining_fraction
    0.45
    """

    notice: str = field(validator=_text)
    remaining_fraction: float | None = field(
        default=None,
        validator=validators.optional(
            [validators.instance_of(float), validators.ge(0.0), validators.le(1.0)]
        ),
    )


def _removal_fields(removal: Removal, attribute: attrs.Attribute[Any], code: Any) -> None:
    """A removal's four text checks in one call, on its last field when all are set (a page
    drops hundreds of blocks; see :func:`_link_fields`)."""
    text, reason, step = removal.text, removal.reason, removal.step
    if type(text) is str and type(reason) is str and type(step) is str and type(code) is str:
        return
    for each in attrs.fields(Removal):
        _text(removal, each, getattr(removal, each.name))


@frozen
class Removal:
    """A block left out of the body: its text, why (a sentence for people, which may hold
    values, and a stable ``code`` for machines), and the step that removed it.

    The codes are listed in docs/cleaning.md ("Reason codes"): ``step.kind``, as
    ``"chrome.follow"`` or ``"markup.mostly-links"``.

    >>> Removal("Connect with us", "follow prompt", step="chrome", code="chrome.follow").code
    'chrome.follow'
    """

    text: str = field()
    reason: str = field()
    step: str = field()
    code: str = field(default="", validator=_removal_fields)  # checks all four


@frozen
class Edit:
    """A repair of kept text, with the text before and after, why (a sentence and a stable
    ``code``, as for :class:`Removal`), and the step that made it.

    >>> Edit("war. . The", "war. The", "doubled full stop", "debris", "debris.doubled-stop").after
    'war. The'
    """

    before: str = field(validator=_text)
    after: str = field(validator=_text)
    reason: str = field(validator=_text)
    step: str = field(validator=_text)
    code: str = field(default="", validator=_text)


@frozen
class ParserInfo:
    """The name and version of the parser that made an article.

    >>> ParserInfo("dump", "0.1.0")
    ParserInfo(name='dump', version='0.1.0')
    """

    name: str = field(validator=_text)
    version: str = field(validator=_text)


@frozen
class SyndicationGroup:
    """The copies of one wire story across outlets: a stable group id and the agency credited.

    ``id`` is the id of the group's canonical member (see :mod:`newscorpus.dedup`); ``agency``
    is the wire service that any copy credits, or ``None`` when none does.

    >>> SyndicationGroup("c490be534d8cde07", agency="AFP").agency
    'AFP'
    """

    id: str = field(validator=_text)
    agency: str | None = field(default=None, validator=_optional_text)


@frozen
class ArticleWarning:
    """Something suspicious about a parsed article that is kept all the same (it is real
    output), flagged so that a corpus can find it: a ``code`` for machines, a ``message`` for
    people. Codes: ``empty-body`` (nothing was left in the body), ``attributes-dropped`` (an
    element had more attributes than ``Limits.max_attributes``; the message says how many went).

    >>> ArticleWarning("empty-body", "the body is empty after cleaning").code
    'empty-body'
    """

    code: str = field(validator=_text)
    message: str = field(validator=_text)


@frozen(kw_only=True)
class Article:
    """A parsed article: metadata, the body as ordered blocks, and the record of what was done.

    Everything is plain data, built by keyword. The fields are declared in the order of the
    JSON record (:mod:`newscorpus.models.fields` derives the record from them). ``removed``
    holds every input block that is not in the body (chrome, captions, the title line,
    notices...) with the reason and the step, and ``edits`` every repair of kept text, so
    nothing the library did is hidden.

    ``comments`` holds the page's reader comments when they were asked for
    (``parse(..., comments=True)``), never mixed into the body.

    ``duplicate_of``, ``syndication_group`` and ``story`` are set by corpus deduplication
    (:func:`newscorpus.dedup.dedup`): the id of the canonical record this one duplicates, the
    group of syndicated copies of one wire story, and the id of the story cluster.
    ``warnings`` flag a suspicious result that is kept all the same (``empty-body``...; see
    :class:`ArticleWarning`).

    ``pipeline`` is the fingerprint of the cleaning pipeline that made the article
    (:meth:`newscorpus.Pipeline.fingerprint`: its steps, their order and their settings), so a
    record says how it was cleaned; a corpus run's summary file lists that pipeline's steps.

    >>> article = Article(
    ...     id="0" * 16,
    ...     blocks=(Block("paragraph", "First."), Block("paragraph", "Second.")),
    ...     parser=ParserInfo("dump", "0.1.0"),
    ... )
    >>> article.text
    'First.\\n\\nSecond.'
    """

    id: str = field(validator=_text)
    source: str | None = field(default=None, validator=_optional_text)
    format: str | None = field(default=None, validator=_optional_text)
    url: str | None = field(default=None, validator=_optional_text)
    title: str | None = field(default=None, validator=_optional_text)
    site_name: str | None = field(default=None, validator=_optional_text)
    publisher: str | None = field(default=None, validator=_optional_text)
    agency: str | None = field(default=None, validator=_optional_text)
    authors: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    published: dt.date | None = field(default=None, validator=_is_date)
    modified: dt.date | None = field(default=None, validator=_is_date)
    language: str | None = field(default=None, validator=_optional_text)
    canonical_url: str | None = field(default=None, validator=_optional_text)
    description: str | None = field(default=None, validator=_optional_text)
    section: str | None = field(default=None, validator=_optional_text)
    tags: tuple[str, ...] = field(default=(), validator=_tuple_of(str))
    top_image: str | None = field(default=None, validator=_optional_text)
    blocks: tuple[Block, ...] = field(validator=_tuple_of(Block))
    media: tuple[Media, ...] = field(default=(), validator=_tuple_of(Media))
    truncated: bool = field(default=False, validator=validators.instance_of(bool))
    paywall: Paywall | None = field(
        default=None, validator=validators.optional(validators.instance_of(Paywall))
    )
    removed: tuple[Removal, ...] = field(default=(), validator=_tuple_of(Removal))
    edits: tuple[Edit, ...] = field(default=(), validator=_tuple_of(Edit))
    parser: ParserInfo = field(validator=validators.instance_of(ParserInfo))
    duplicate_of: str | None = field(default=None, validator=_optional_text)
    syndication_group: SyndicationGroup | None = field(
        default=None, validator=validators.optional(validators.instance_of(SyndicationGroup))
    )
    story: str | None = field(default=None, validator=_optional_text)
    comments: tuple[Comment, ...] = field(default=(), validator=_tuple_of(Comment))
    pipeline: str | None = field(default=None, validator=_optional_text)
    warnings: tuple[ArticleWarning, ...] = field(default=(), validator=_tuple_of(ArticleWarning))

    def to_dict(self) -> dict[str, Any]:
        """The versioned JSON record of this article (see :func:`newscorpus.to_dict`)."""
        from newscorpus.models.record import to_dict

        return to_dict(self)

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> Article:
        """Rebuild an article from its JSON record (see :func:`newscorpus.from_dict`)."""
        from newscorpus.models.record import from_dict

        return from_dict(record)

    def to_markdown(self) -> str:
        """The article as Markdown: title, byline, body, captions (see
        :func:`newscorpus.render.to_markdown`)."""
        from newscorpus.render import to_markdown

        return to_markdown(self)

    def to_text(self) -> str:
        """The article as plain text: title, byline, body, captions (see
        :func:`newscorpus.render.to_text`)."""
        from newscorpus.render import to_text

        return to_text(self)

    @property
    def text(self) -> str:
        """The body: every block's text, joined by one blank line (a table's rows as lines of
        tab-separated cells)."""
        return "\n\n".join(block.text for block in self.blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of the body's paragraph blocks, in order."""
        return tuple(block.text for block in self.blocks if block.kind == "paragraph")

    @property
    def headings(self) -> tuple[str, ...]:
        """The text of the body's heading blocks, in order."""
        return tuple(block.text for block in self.blocks if block.kind == "heading")

    def _repr_html_(self) -> str:
        """The article as HTML for notebooks (see :func:`newscorpus.display.article_html`)."""
        from newscorpus.display import article_html

        return article_html(self)
