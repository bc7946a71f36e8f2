"""Where a read document came from (:class:`Origin`), and what a reader yields.

A reader yields a :class:`ReadDocument` for every document it found and a :class:`ReadFailure` for
everything it could not read, so nothing is lost silently.

>>> str(Origin("corpus.tar.gz", member="a/b.html"))
'corpus.tar.gz!a/b.html'
>>> str(Origin("scrape.jsonl", line=17))
'scrape.jsonl:17'
>>> str(Origin("crawl.warc.gz", offset=12345))
'crawl.warc.gz@12345'
"""

from __future__ import annotations

from attrs import evolve, field, frozen

from newscorpus.formats.base import RawDocument

__all__ = ["Origin", "ReadDocument", "ReadFailure", "ReadItem", "storable"]


def storable(name: str) -> str:
    """A file or member name as text any writer stores: a name whose bytes are not UTF-8
    (``os`` gives them as lone surrogates) keeps those bytes as ``\\xNN`` escapes, so the
    source is valid UTF-8 and still says which bytes the name had.

    >>> import os
    >>> storable(os.fsdecode(b"caf\\xe9.txt")), storable("café.txt")
    ('caf\\\\xe9.txt', 'café.txt')
    """
    if name.isascii():
        return name
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        except UnicodeEncodeError:  # a lone surrogate that is no escaped byte
            return name.encode("utf-8", "backslashreplace").decode("utf-8")
    return name


def _storable_path(path: object) -> str:
    return storable(str(path))


def _optional_storable(name: str | None) -> str | None:
    return None if name is None else storable(name)


@frozen
class Origin:
    """Where one document (or one failure) is in the input.

    ``path`` is the file as found (relative when the input was). ``member`` is the archive member,
    ``!``-joined for nested archives (``"outer.tar!inner.zip!page.html"``). ``line`` is the
    1-based line of a JSON Lines record or the first line of a CSV row; ``offset`` is the byte
    offset of a WARC record in its (possibly compressed) file.

    >>> origin = Origin("corpus.tar").within("inner.zip").within("page.html")
    >>> origin.member, str(origin)
    ('inner.zip!page.html', 'corpus.tar!inner.zip!page.html')
    """

    path: str = field(converter=_storable_path)
    member: str | None = field(default=None, converter=_optional_storable)
    line: int | None = None
    offset: int | None = None

    def within(self, member: str) -> Origin:
        """This origin, one archive level further in, at ``member``."""
        joined = member if self.member is None else f"{self.member}!{member}"
        return evolve(self, member=joined)

    def __str__(self) -> str:
        text = self.path if self.member is None else f"{self.path}!{self.member}"
        if self.line is not None:
            text += f":{self.line}"
        if self.offset is not None:
            text += f"@{self.offset}"
        return text


@frozen
class ReadDocument:
    """One document a reader found: the :class:`RawDocument`, its origin and its date.

    ``document.source`` is ``str(origin)``. ``date`` is what the input said, untouched (a WARC
    record's ``WARC-Date``, a JSON Lines or CSV date field), or ``None``.

    >>> item = ReadDocument(RawDocument("text", source="a.txt"), Origin("a.txt"))
    >>> item.source, item.date
    ('a.txt', None)
    """

    document: RawDocument
    origin: Origin
    date: str | None = None

    @property
    def source(self) -> str:
        """The stable string form of the origin."""
        return str(self.origin)


@frozen
class ReadFailure:
    """Something a reader could not read: where, the error's type name and its message.

    >>> error = ReadFailure(Origin("scrape.jsonl", line=3), "JSONDecodeError", "Expecting value")
    >>> error.source
    'scrape.jsonl:3'
    """

    origin: Origin
    error: str
    message: str

    @property
    def source(self) -> str:
        """The stable string form of the origin."""
        return str(self.origin)

    @classmethod
    def from_exception(cls, origin: Origin, exception: BaseException) -> ReadFailure:
        """A read error for ``exception`` raised while reading at ``origin``."""
        message = getattr(exception, "message", None)  # a NewsCorpusError, without its source
        if not isinstance(message, str) or not message:
            message = str(exception) or type(exception).__name__
        return cls(origin, type(exception).__name__, message)


ReadItem = ReadDocument | ReadFailure
"""What a reader yields."""
