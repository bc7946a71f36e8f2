"""Terminal rendering with rich: an article for ``show``, and the tables of ``parsers`` and
``steps``.

Everything is built from :class:`rich.text.Text` objects, never from markup strings, so text
from a page that happens to contain ``[bold]`` is printed as it is. On a terminal the styles
show (headings bold, removed lines dim); elsewhere (a pipe, a file) rich drops the styles and
the layout alone keeps the output readable.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from typing import TextIO

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from newscorpus.models.article import Article, Block

__all__ = ["article_view", "emit", "make_console", "table"]

_MISSING = Text("–", style="dim")


def make_console(file: TextIO | None = None, *, force_terminal: bool | None = None) -> Console:
    """A console for command output: no markup, emoji or automatic highlighting, so text is
    printed exactly as it is; styles only on a terminal (unless ``force_terminal``)."""
    return Console(
        file=file,
        force_terminal=force_terminal,
        markup=False,
        emoji=False,
        highlight=False,
    )


def emit(
    renderable: RenderableType, file: TextIO | None = None, *, force_terminal: bool | None = None
) -> None:
    """Print ``renderable`` to ``file`` (default: stdout): styled on a terminal; elsewhere as
    plain text without the trailing spaces rich pads lines with."""
    console = make_console(file if file is not None else sys.stdout, force_terminal=force_terminal)
    if console.is_terminal:
        console.print(renderable)
        return
    with console.capture() as capture:
        console.print(renderable)
    lines = capture.get().splitlines()
    console.file.write("".join(f"{line.rstrip()}\n" for line in lines))
    console.file.flush()


def article_view(article: Article, *, removed: bool = True) -> Group:
    """Everything :class:`~newscorpus.Article` holds, laid out for reading: the title and
    metadata, the body, the media, the edits and (unless ``removed`` is false) the removed
    blocks."""
    parts: list[RenderableType] = [
        Text(article.title, style="bold") if article.title else Text("(no title)", style="dim"),
        _metadata(article),
        *_section("Body", len(article.blocks), "block"),
        *_body(article.blocks),
        *_section("Media", len(article.media), "caption"),
        *_media(article),
        *_section("Edits", len(article.edits), "edit"),
        *_edits(article),
    ]
    if removed:
        parts += [*_section("Removed", len(article.removed), "block"), *_removed(article)]
    return Group(*parts)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> Table:
    """A borderless table with a bold header row, for listings."""
    listing = Table(box=None, show_edge=False, pad_edge=False, header_style="bold")
    for header in headers:
        listing.add_column(header, overflow="fold")
    for row in rows:
        listing.add_row(*(Text(cell) for cell in row))
    return listing


def _metadata(article: Article) -> RenderableType:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    paywall: Text | None = None
    if article.paywall is not None:
        paywall = Text(article.paywall.notice)
        if article.paywall.remaining_fraction is not None:
            paywall.append(f"  ({article.paywall.remaining_fraction:.0%} hidden)", style="dim")
    fields: list[tuple[str, str | Text | None]] = [
        ("source", article.source),
        ("url", article.url),
        ("site name", article.site_name),
        ("publisher", article.publisher),
        ("agency", article.agency),
        ("authors", ", ".join(article.authors) or None),
        ("published", article.published.isoformat() if article.published else None),
        ("language", article.language),
        ("truncated", "yes" if article.truncated else "no"),
        ("paywall", paywall),
        ("parser", f"{article.parser.name} {article.parser.version}"),
        ("id", article.id),
    ]
    for label, value in fields:
        grid.add_row(
            label, _MISSING if value is None else Text(value) if isinstance(value, str) else value
        )
    return Padding(grid, (1, 0, 0, 0), expand=False)


def _section(title: str, count: int, noun: str) -> tuple[Text, Rule]:
    label = f"{title} ({count} {noun}{'' if count == 1 else 's'})"
    return Text(""), Rule(Text(label, style="bold"), align="left")


def _none() -> Text:
    return Text("none", style="dim")


def _body(blocks: Sequence[Block]) -> list[RenderableType]:
    if not blocks:
        return [_none()]
    parts: list[RenderableType] = []
    previous: Block | None = None
    for block in blocks:
        in_list = (
            block.kind == "list_item" and previous is not None and previous.kind == "list_item"
        )
        if previous is not None and not in_list:
            parts.append(Text(""))
        parts.append(_block(block))
        previous = block
    return parts


def _block(block: Block) -> RenderableType:
    if block.kind == "heading":
        return Text(block.text, style="bold")
    if block.kind == "quote":
        return Padding(Text(block.text, style="italic"), (0, 0, 0, 4), expand=False)
    if block.kind == "list_item":
        return _bulleted("•", Text(block.text))
    return Text(block.text)


def _bulleted(bullet: str, text: Text, *, style: str = "") -> Table:
    """``bullet`` then ``text``, with wrapped lines indented under the text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, style=style)
    grid.add_column(overflow="fold")
    grid.add_row(f"  {bullet}", text)
    return grid


def _media(article: Article) -> list[RenderableType]:
    if not article.media:
        return [_none()]
    parts: list[RenderableType] = []
    for media in article.media:
        line = Text(media.caption)
        if media.credit:
            line.append(f"  (credit: {media.credit})", style="dim")
        parts.append(_bulleted("•", line))
    return parts


def _edits(article: Article) -> list[RenderableType]:
    if not article.edits:
        return [_none()]
    parts: list[RenderableType] = []
    for edit in article.edits:
        change = Text.assemble((edit.before, "red"), " → ", (edit.after, "green"))
        change.append(f"  [{edit.step}: {edit.reason}]", style="dim")
        parts.append(_bulleted("•", change))
    return parts


def _removed(article: Article) -> list[RenderableType]:
    if not article.removed:
        return [_none()]
    parts: list[RenderableType] = []
    for removal in article.removed:
        line = Text(_visible(removal.text), style="dim")
        line.append(f"  [{removal.step}: {removal.reason}]", style="dim italic")
        parts.append(_bulleted("-", line, style="dim"))
    return parts


def _visible(text: str) -> str:
    """``text``, or its escaped form when it has no visible character (a block of zero-width
    spaces, say), so that every removal shows as something."""
    if any(char.isprintable() and not char.isspace() for char in text):
        return text
    return ascii(text)
