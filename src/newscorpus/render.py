"""An article as Markdown or plain text, for reading lists and language-model corpora.

Both show the title, a byline line (authors, agency, site, date), the body (headings, list
items, quotes, tables) and the pictures' captions with their credits, in that order; neither
shows what was removed. :meth:`Article.to_markdown <newscorpus.Article.to_markdown>` and
:meth:`Article.to_text <newscorpus.Article.to_text>` call these functions, so that the model
stays plain data.

Markdown: ``#`` for the title and ``##`` for headings, ``-`` before a list item (a numbered
item keeps its number), ``>`` before a quote, a pipe table for a table (its first row under
the header rule), links as ``[text](href)``, captions in italics after a rule. Parsed back as a
dump, the body gives the same blocks (the round trip the tests check), but for a table with no
header row, whose first row comes back as one.

Plain text: the same layout without marks, a table as tab-separated rows, a list item after
``- ``, a quote in quotation marks... only where the text has none.

:func:`file_name` gives an article a safe, stable file name for ``newscorpus export``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

from newscorpus.models.article import Article, Block, TableRow

__all__ = ["RenderFormat", "file_name", "render", "to_markdown", "to_text"]

#: The formats :func:`render` writes.
RenderFormat = Literal["markdown", "text"]

#: A list item's own number, which the Markdown dump parser keeps as part of its text.
_NUMBERED = re.compile(r"\d{1,3}[.)]\s")
#: Characters of a slug: ASCII letters and digits; anything else becomes a dash.
_NOT_SLUG = re.compile(r"[^a-z0-9]+")
#: The most characters a file name's title part takes (the id and date keep it unique).
SLUG_MAX_CHARS = 60


def to_markdown(article: Article) -> str:
    """The article as Markdown.

    >>> from newscorpus.models import Article, Block, Link, ParserInfo
    >>> article = Article(id="a1", title="Talks resume", authors=("Jane Doe",),
    ...     blocks=(Block("paragraph", "Read the report.", links=(Link(9, 15, "https://x.org/r"),)),
    ...             Block.table([["Team", "Pts"], ["Ajax", "12"]], header_rows=1)),
    ...     parser=ParserInfo("dump", "0.1.0"))
    >>> print(to_markdown(article))
    # Talks resume
    <BLANKLINE>
    By Jane Doe
    <BLANKLINE>
    Read the [report](https://x.org/r).
    <BLANKLINE>
    | Team | Pts |
    | --- | --- |
    | Ajax | 12 |
    <BLANKLINE>
    """
    parts = []
    if article.title:
        parts.append(f"# {_one_line(article.title)}")
    byline = byline_line(article)
    if byline:
        parts.append(byline)
    parts += [_markdown_block(block) for block in article.blocks]
    if article.media:
        parts.append("---")
        parts += [f"*{_caption(media.caption, media.credit)}*" for media in article.media]
    return "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    """The article as plain text.

    >>> from newscorpus.models import Article, Block, Media, ParserInfo
    >>> article = Article(id="a1", title="Talks resume", site_name="Example News",
    ...     blocks=(Block("heading", "Stalled"), Block("list_item", "One point")),
    ...     media=(Media("The summit", credit="AFP"),), parser=ParserInfo("dump", "0.1.0"))
    >>> print(to_text(article))
    Talks resume
    <BLANKLINE>
    Example News
    <BLANKLINE>
    Stalled
    <BLANKLINE>
    - One point
    <BLANKLINE>
    [Picture: The summit (AFP)]
    <BLANKLINE>
    """
    parts = []
    if article.title:
        parts.append(_one_line(article.title))
    byline = byline_line(article)
    if byline:
        parts.append(byline)
    parts += [_text_block(block) for block in article.blocks]
    parts += [f"[Picture: {_caption(media.caption, media.credit)}]" for media in article.media]
    return "\n\n".join(parts) + "\n"


def render(article: Article, format: RenderFormat) -> str:
    """The article as ``"markdown"`` (:func:`to_markdown`) or ``"text"`` (:func:`to_text`)."""
    return to_markdown(article) if format == "markdown" else to_text(article)


def byline_line(article: Article) -> str:
    """One line of who and when: ``By A and B (AFP) · Site · 2023-12-10``; empty when the
    article says none of it.

    >>> from newscorpus.models import Article, ParserInfo
    >>> import datetime as dt
    >>> byline_line(Article(id="a", blocks=(), parser=ParserInfo("d", "0"),
    ...     authors=("Ann Lee", "Bo Ma", "Cy Ng"), agency="AFP", site_name="Le Monde",
    ...     published=dt.date(2023, 12, 10)))
    'By Ann Lee, Bo Ma and Cy Ng (AFP) · Le Monde · 2023-12-10'
    """
    parts = []
    names = [_one_line(author) for author in article.authors]
    if names:
        people = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        parts.append(f"By {people}" + (f" ({article.agency})" if article.agency else ""))
    elif article.agency:
        parts.append(article.agency)
    site = article.site_name or article.publisher
    if site:
        parts.append(_one_line(site))
    if article.published:
        parts.append(article.published.isoformat())
    return " · ".join(parts)


def file_name(article: Article, suffix: str) -> str:
    """A safe, stable file name for ``article``: its date, a slug of its title and its id.

    Only ASCII letters, digits, ``-``, ``_`` and ``.`` appear (safe on every file system and
    in a shell), the same article always gets the same name, and two articles never share one
    (the id differs).

    >>> from newscorpus.models import Article, ParserInfo
    >>> import datetime as dt
    >>> file_name(Article(id="c490be534d8cde07", blocks=(), parser=ParserInfo("d", "0"),
    ...     title="Élections : « Le vote » a eu lieu!", published=dt.date(2023, 12, 10)), ".md")
    '2023-12-10_elections-le-vote-a-eu-lieu_c490be534d8cde07.md'
    """
    parts = []
    if article.published:
        parts.append(article.published.strftime("%Y-%m-%d"))
    if article.title:
        ascii_title = unicodedata.normalize("NFKD", article.title).encode("ascii", "ignore")
        slug = _NOT_SLUG.sub("-", ascii_title.decode("ascii").lower()).strip("-")
        slug = slug[:SLUG_MAX_CHARS].rstrip("-")
        if slug:
            parts.append(slug)
    parts.append(_NOT_SLUG.sub("-", article.id.lower()).strip("-") or "article")
    return "_".join(parts) + suffix


def _markdown_block(block: Block) -> str:
    if block.kind == "table":
        return _markdown_table(block.rows)
    text = _with_links(block)
    if block.kind == "heading":
        return f"## {text}"
    if block.kind == "quote":
        return f"> {text}"
    if block.kind == "list_item":
        return text if _NUMBERED.match(text) else f"- {text}"
    return text


def _with_links(block: Block) -> str:
    """The block's text on one line, its links as Markdown links."""
    pieces = []
    position = 0
    for link in sorted(block.links, key=lambda link: link.start):
        if link.start < position:
            continue  # overlapping spans: the first one wins
        pieces.append(block.text[position : link.start])
        pieces.append(f"[{block.text[link.start : link.end]}]({_url(link.href)})")
        position = link.end
    pieces.append(block.text[position:])
    return _one_line("".join(pieces))


def _markdown_table(rows: tuple[TableRow, ...]) -> str:
    width = max(len(row.cells) for row in rows)

    def line(cells: tuple[str, ...]) -> str:
        padded = [cell.replace("|", "\\|") for cell in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    lines = [line(rows[0].cells), "| " + " | ".join(["---"] * width) + " |"]
    lines += [line(row.cells) for row in rows[1:]]
    return "\n".join(lines)


def _text_block(block: Block) -> str:
    if block.kind == "list_item":
        return block.text if _NUMBERED.match(block.text) else f"- {block.text}"
    if block.kind == "quote":
        return block.text if block.text[:1] in "\"“„«‘'" else f"“{block.text}”"
    return block.text


def _caption(caption: str, credit: str | None) -> str:
    return _one_line(caption) + (f" ({_one_line(credit)})" if credit else "")


def _url(href: str) -> str:
    """A link target Markdown reads whole: in angle brackets when it has spaces or brackets."""
    return f"<{href}>" if any(char in href for char in " ()<>") else href


def _one_line(text: str) -> str:
    return " ".join(text.split())
