"""Rich display in notebooks: an article as HTML, a corpus as a table.

Jupyter (and VS Code, Colab...) calls ``_repr_html_`` on the last value of a cell:
:class:`~newscorpus.Article` and :class:`~newscorpus.corpus.Corpus` delegate to
:func:`article_html` and :func:`corpus_html` here. Every piece of article text is escaped
(article text is untrusted input: a scraped page may hold ``<script>``), and the styles are
inline, so the output looks the same where a notebook viewer strips ``<style>`` elements.

>>> from newscorpus import Article, Block, ParserInfo, Removal
>>> article = Article(
...     id="a1",
...     title="Talks <stall>",
...     blocks=(Block("paragraph", "They met."),),
...     parser=ParserInfo("dump", "0.1.0"),
...     removed=(Removal("Share this", reason="share prompt", step="chrome"),),
... )
>>> html = article_html(article)
>>> "Talks &lt;stall&gt;" in html, "<stall>" in html
(True, False)
>>> "share prompt" in html and "Share this" in html
True
"""

from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from attrs import field, frozen, validators

from newscorpus.models.article import Article, Block
from newscorpus.models.fields import Leaf, ListOf, Shape, article_shape

__all__ = ["DisplaySettings", "article_html", "corpus_html"]

# Inline styles: notebook viewers (GitHub, nbviewer) drop <style> elements but keep these.
_GREY = "color:#888"
_SMALL = "font-size:0.85em"
_CELL = "text-align:left;vertical-align:top;padding:2px 8px"
_REMOVED = f"{_GREY};margin:2px 0;white-space:pre-wrap"
_NOTE = f"{_GREY};{_SMALL};font-style:italic"


def _is_value(shape: Shape) -> bool:
    inner = shape.item if isinstance(shape, ListOf) else shape
    return isinstance(inner, Leaf) and inner.type is not bool


#: Article fields shown in the metadata table, in record order, when they are set: every
#: single value or list of values but the title (the table's heading) and the flags (shown
#: as notes); the body and the nested fields have sections of their own.
_METADATA_FIELDS: tuple[str, ...] = tuple(
    field.name
    for field in article_shape().fields
    if field.name != "title" and _is_value(field.shape)
)

_positive = validators.and_(validators.instance_of(int), validators.ge(1))


def _column_names(_: object, attribute: Any, value: object) -> None:
    if not isinstance(value, tuple) or not value or not all(isinstance(c, str) for c in value):
        raise TypeError(f"{attribute.name} must be a non-empty tuple of field names")


@frozen
class DisplaySettings:
    """What the notebook display shows: how many corpus rows, which columns, how much text.

    ``rows`` is how many records a corpus table shows (the first ones, read lazily);
    ``columns`` the record fields it shows (``blocks``, ``media``, ``removed`` and ``edits``
    show as a count, lists of strings joined); ``text_chars`` how much of a long text field a cell
    shows.

    >>> DisplaySettings().rows
    10
    >>> DisplaySettings(rows=3, columns=("title", "removed")).columns
    ('title', 'removed')
    """

    rows: int = field(default=10, validator=_positive)
    columns: tuple[str, ...] = field(
        default=("title", "site_name", "published", "authors", "language", "text", "removed"),
        validator=_column_names,
    )
    text_chars: int = field(default=120, validator=_positive)


def _esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def _metadata_value(article: Article, name: str) -> str | None:
    value = getattr(article, name)
    if value is None or value == ():
        return None
    if isinstance(value, tuple):
        return ", ".join(str(item) for item in value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _metadata_rows(article: Article) -> list[tuple[str, str]]:
    rows = [
        (name, value)
        for name in _METADATA_FIELDS
        if (value := _metadata_value(article, name)) is not None
    ]
    if article.truncated:
        rows.append(("truncated", "yes"))
    if article.paywall is not None:
        share = article.paywall.remaining_fraction
        hidden = f" ({share:.0%} hidden)" if share is not None else ""
        rows.append(("paywall", article.paywall.notice + hidden))
    group = article.syndication_group
    if group is not None:
        rows.append(
            ("syndication_group", group.id + (f" ({group.agency})" if group.agency else ""))
        )
    rows.append(("parser", f"{article.parser.name} {article.parser.version}"))
    return rows


def _body(blocks: Iterable[Block]) -> str:
    parts: list[str] = []
    in_list = False
    for block in blocks:
        if block.kind == "list_item" and not in_list:
            parts.append('<ul style="margin:4px 0">')
            in_list = True
        elif block.kind != "list_item" and in_list:
            parts.append("</ul>")
            in_list = False
        text = _esc(block.text)
        if block.kind == "heading":
            parts.append(f'<h4 style="margin:8px 0 4px 0">{text}</h4>')
        elif block.kind == "quote":
            parts.append(
                f'<blockquote style="margin:4px 0 4px 16px;font-style:italic">{text}</blockquote>'
            )
        elif block.kind == "list_item":
            parts.append(f"<li>{text}</li>")
        else:
            parts.append(f'<p style="margin:4px 0">{text}</p>')
    if in_list:
        parts.append("</ul>")
    return "".join(parts)


def _section(title: str, content: str, *, open_: bool = True) -> str:
    state = " open" if open_ else ""
    return (
        f'<details{state} style="margin-top:8px"><summary><b>{_esc(title)}</b></summary>'
        f"{content}</details>"
    )


def article_html(article: Article) -> str:
    """An article as an HTML fragment: title, metadata table, body, media, edits and removals.

    The body shows each block by its kind (headings, paragraphs, quotes, lists); every edit
    shows its text before and after with its step and reason, and every removed block is
    shown greyed out, in reading order, with the step that removed it and why. All text is
    escaped.

    >>> from newscorpus import Article, Block, Edit, ParserInfo
    >>> article = Article(
    ...     id="a1",
    ...     blocks=(Block("heading", "Why"), Block("paragraph", "A <b>bold</b> claim.")),
    ...     parser=ParserInfo("dump", "0.1.0"),
    ...     edits=(Edit("war. . The", "war. The", reason="doubled full stop", step="debris"),),
    ... )
    >>> html = article_html(article)
    >>> "<h4" in html and "A &lt;b&gt;bold&lt;/b&gt; claim." in html
    True
    >>> "doubled full stop" in html
    True
    """
    title = (
        f'<h3 style="margin:4px 0">{_esc(article.title)}</h3>'
        if article.title
        else f'<h3 style="margin:4px 0;{_GREY}"><i>(no title)</i></h3>'
    )
    metadata = "".join(
        f'<tr><th style="{_CELL}">{_esc(name)}</th><td style="{_CELL}">{_esc(value)}</td></tr>'
        for name, value in _metadata_rows(article)
    )
    parts = [
        '<div class="newscorpus-article">',
        title,
        f'<table style="{_SMALL};border-collapse:collapse">{metadata}</table>',
        _section(
            f"Body: {len(article.blocks)} blocks",
            _body(article.blocks) or f'<p style="{_NOTE}">(empty body)</p>',
        ),
    ]
    if article.media:
        items = "".join(
            f"<li>{_esc(media.caption)}"
            + (f' <span style="{_GREY}">({_esc(media.credit)})</span>' if media.credit else "")
            + "</li>"
            for media in article.media
        )
        parts.append(_section(f"Media: {len(article.media)}", f"<ul>{items}</ul>"))
    if article.edits:
        rows = "".join(
            f'<tr><td style="{_CELL}"><s>{_esc(edit.before)}</s></td>'
            f'<td style="{_CELL}">{_esc(edit.after)}</td>'
            f'<td style="{_CELL};{_GREY}">{_esc(edit.step)}: {_esc(edit.reason)}</td></tr>'
            for edit in article.edits
        )
        parts.append(
            _section(
                f"Edits: {len(article.edits)}",
                f'<table style="{_SMALL};border-collapse:collapse">'
                f'<tr><th style="{_CELL}">before</th><th style="{_CELL}">after</th>'
                f'<th style="{_CELL}">step: reason</th></tr>{rows}</table>',
            )
        )
    if article.removed:
        counts = Counter(removal.step for removal in article.removed)
        by_step = ", ".join(f"{step} {count}" for step, count in counts.most_common())
        lines = "".join(
            f'<div style="{_REMOVED}"><span>{_esc(removal.text)}</span> '
            f'<span style="{_NOTE}">[{_esc(removal.step)}: {_esc(removal.reason)}]</span></div>'
            for removal in article.removed
        )
        parts.append(_section(f"Removed: {len(article.removed)} blocks ({by_step})", lines))
    parts.append("</div>")
    return "".join(parts)


#: Record fields that hold lists of objects: a corpus table shows how many.
_COUNTED_FIELDS = frozenset({"blocks", "media", "removed", "edits"})


def _cell(name: str, value: Any, text_chars: int) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        if name in _COUNTED_FIELDS or not all(isinstance(item, str) for item in value):
            return str(len(value))
        value = ", ".join(value)
    elif isinstance(value, Mapping):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    if len(text) > text_chars:
        text = text[: text_chars - 1].rstrip() + "…"
    return _esc(text)


def corpus_html(
    records: Iterable[Mapping[str, Any]],
    settings: DisplaySettings | None = None,
    *,
    total: int | None = None,
    caption: str | None = None,
) -> str:
    """The first records of a corpus as an HTML table, one row a record.

    Only ``settings.rows`` records (and one more, to know whether more follow) are read from
    ``records``, so a lazily read corpus is not read whole. ``total``, when known, is shown
    under the table; ``caption`` above it (the corpus's path, say).

    >>> records = [{"title": "A <i>", "removed": [{}, {}]}, {"title": "B", "removed": []}]
    >>> table = corpus_html(records, DisplaySettings(rows=1, columns=("title", "removed")))
    >>> "A &lt;i&gt;" in table, "<td>2</td>" in table, "B" in table
    (True, True, False)
    >>> "first 1 records; more follow" in table
    True
    """
    chosen = settings if settings is not None else DisplaySettings()
    head = list(islice(records, chosen.rows + 1))
    more = len(head) > chosen.rows
    shown = head[: chosen.rows]
    header = "".join(f'<th style="{_CELL}">{_esc(name)}</th>' for name in chosen.columns)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{_cell(name, record.get(name), chosen.text_chars)}</td>"
            for name in chosen.columns
        )
        + "</tr>"
        for record in shown
    )
    if total is not None:
        note = f"{len(shown)} of {total} records"
    elif more:
        note = f"first {len(shown)} records; more follow"
    else:
        note = f"{len(shown)} records"
    title = f"<caption>{_esc(caption)}</caption>" if caption else ""
    return (
        '<div class="newscorpus-corpus">'
        f'<table style="{_SMALL}">{title}<thead><tr>{header}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
        f'<p style="{_NOTE}">{_esc(note)}</p></div>'
    )
