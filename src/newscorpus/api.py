"""The single-document API: :func:`parse`."""

from __future__ import annotations

import os
from pathlib import Path

from newscorpus.cleaning import Pipeline
from newscorpus.errors import InputError, SourceNotFoundError
from newscorpus.formats import RawDocument
from newscorpus.limits import Limits, limits_or_default, read_bounded
from newscorpus.models.article import Article
from newscorpus.parsing import parse_document, with_comments

__all__ = ["parse"]

Source = str | bytes | os.PathLike[str]


def parse(
    source: Source,
    *,
    format: str | None = None,
    url: str | None = None,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    comments: bool = False,
) -> Article:
    """Parse one document into an :class:`~newscorpus.Article`.

    ``source`` is the content as ``str`` or ``bytes``, or a path (:class:`pathlib.Path` or any
    ``os.PathLike``) to read it from. ``format`` names a parser (``"dump"``); without it the
    format is detected. ``url`` is where the page was captured, when known. ``pipeline`` replaces
    the default cleaning pipeline (see :func:`~newscorpus.default_pipeline`); the corpus
    runners take the same argument and give the same records. ``limits`` are
    the safety limits (``None``: :data:`~newscorpus.DEFAULT_LIMITS`): a document past one raises
    :class:`~newscorpus.LimitError` (a file is never read past ``max_document_bytes``).
    ``comments=True`` keeps the page's reader comments in ``Article.comments``, apart from the
    body (see :func:`~newscorpus.parsing.with_comments`); by default they are only removed.

    Bytes are decoded from their byte-order mark, as UTF-8, or by detection, with a lossy UTF-8
    fallback, so any bytes give an article. Errors derive from
    :class:`~newscorpus.NewsCorpusError`: a missing path raises
    :class:`~newscorpus.SourceNotFoundError`, an unknown format
    :class:`~newscorpus.UnknownFormatError`.

    >>> article = parse("Connect with us\\n\\nA first paragraph that says what happened and "
    ...                 "why it matters to the people of the town.\\n")
    >>> article.text
    'A first paragraph that says what happened and why it matters to the people of the town.'
    >>> [(removal.text, removal.step) for removal in article.removed]
    [('Connect with us', 'chrome')]
    """
    if comments:
        pipeline = with_comments(pipeline)
    return parse_document(_read(source, format=format, url=url, limits=limits), pipeline)


def _read(
    source: Source, *, format: str | None, url: str | None, limits: Limits | None
) -> RawDocument:
    if isinstance(source, str | bytes):
        name = "<string>" if isinstance(source, str) else "<bytes>"
        return RawDocument(source, source=name, url=url, format=format, limits=limits)
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            with path.open("rb") as stream:
                payload = read_bounded(stream, limits_or_default(limits), source=str(path))
        except FileNotFoundError:
            raise SourceNotFoundError("no such file", source=str(path)) from None
        except IsADirectoryError:
            raise InputError(
                "is a directory; parse() reads one document (use the CLI or a corpus reader "
                "for folders)",
                source=str(path),
            ) from None
        except OSError as error:
            raise InputError(
                f"cannot read the file: {error.strerror or error}", source=str(path)
            ) from None
        return RawDocument(payload, source=str(path), url=url, format=format, limits=limits)
    raise InputError(
        f"parse() takes a str of content, bytes or a path, not {type(source).__name__}"
    )
