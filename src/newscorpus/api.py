"""The single-document API: :func:`parse`."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from attrs import evolve

from newscorpus._deadline import call_with_time_limit
from newscorpus.cleaning import Pipeline
from newscorpus.corpus.readers import open_document
from newscorpus.errors import InputError, SourceNotFoundError
from newscorpus.formats import RawDocument
from newscorpus.limits import Limits, limits_or_default
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
    :class:`~newscorpus.LimitError` (a file is never read past ``max_document_bytes``), and a
    parse longer than ``seconds_per_document`` (60 s) raises
    :class:`~newscorpus.TimeLimitExceeded` (``Limits(seconds_per_document=None)``: no limit; in
    a thread other than the main one, the parse runs in a daemon thread that is abandoned,
    still busy, past the limit: see :mod:`newscorpus._deadline`).
    ``comments=True`` keeps the page's reader comments in ``Article.comments``, apart from the
    body (see :func:`~newscorpus.parsing.with_comments`); by default they are only removed.

    A path or bytes are opened as the corpus readers open a file: gzip, bzip2, xz and
    zstandard compression is taken off (``page.html.gz``), and a ``.html`` name counts only
    where the content holds markup. Text is decoded from its byte-order mark, as UTF-8, or by
    detection, with a lossy UTF-8 fallback. Bytes that are not text (an image, a PDF, a
    program) raise :class:`~newscorpus.NotTextError`; a zip, tar or WARC file
    :class:`~newscorpus.InputError` (it holds many documents: see
    :func:`~newscorpus.read_documents`). Lone surrogates in a ``str`` are replaced with U+FFFD,
    with an edit that says so. Errors derive from :class:`~newscorpus.NewsCorpusError`: a
    missing path raises :class:`~newscorpus.SourceNotFoundError`, an unknown format
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
    document = _read(source, format=format, url=url, limits=limits)
    seconds = limits_or_default(limits).seconds_per_document
    return call_with_time_limit(
        lambda: parse_document(document, pipeline), seconds, document.source or "<document>"
    )


def _read(
    source: Source, *, format: str | None, url: str | None, limits: Limits | None
) -> RawDocument:
    if isinstance(source, str):
        return RawDocument(source, source="<string>", url=url, format=format, limits=limits)
    if isinstance(source, bytes):
        opened = open_document(source, "", source="<bytes>", limits=limits)
        return evolve(opened, url=url, format=format or opened.format)
    if isinstance(source, os.PathLike):
        path = Path(source)
        try:
            _check_regular(path)
            with path.open("rb") as stream:
                opened = open_document(stream, path.name, source=str(path), limits=limits)
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
        return evolve(opened, url=url, format=format or opened.format)
    raise InputError(
        f"parse() takes a str of content, bytes or a path, not {type(source).__name__}"
    )


def _check_regular(path: Path) -> None:
    """Refuse a FIFO, socket or device: opening one can block forever (a FIFO with no writer)."""
    mode = path.stat().st_mode
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise InputError(
            "not a regular file (a FIFO, socket or device): not read, as reading it could "
            "block forever; pipe it to `newscorpus parse -` instead",
            source=str(path),
        )
