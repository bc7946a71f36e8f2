"""What every parser takes and gives: a :class:`RawDocument` in, a :class:`~newscorpus.Draft`."""

from __future__ import annotations

from functools import cached_property
from typing import Protocol, runtime_checkable

from attrs import field, frozen, validators

from newscorpus.draft import Draft
from newscorpus.formats.decode import decode
from newscorpus.limits import Limits, limits_or_default

__all__ = ["Parser", "RawDocument"]


@frozen
class RawDocument:
    """One input, untouched: the payload as it came, and what is known of where it came from.

    ``text`` decodes a bytes payload once (BOM, declared charset, detection, then UTF-8 with
    replacement characters as the last resort) and remembers the encoding it used.

    ``limits`` are the safety limits its parser applies (``None``: the defaults; see
    :class:`~newscorpus.Limits` and :attr:`effective_limits`). Readers set them on every
    document they yield, so the limits given to a reader reach the parser, in any process.

    >>> RawDocument(b"caf\\xe9 au lait, s'il vous pla\\xeet", source="cafe.txt").text
    "café au lait, s'il vous plaît"
    """

    payload: bytes | str = field(validator=validators.instance_of((bytes, str)))
    source: str | None = None
    url: str | None = None
    format: str | None = None
    limits: Limits | None = field(
        default=None, validator=validators.optional(validators.instance_of(Limits))
    )

    @property
    def effective_limits(self) -> Limits:
        """The limits that apply: :attr:`limits`, or the defaults."""
        return limits_or_default(self.limits)

    def check_size(self) -> None:
        """Raise :class:`~newscorpus.LimitError` when the payload is past ``max_document_bytes``.

        >>> from newscorpus.limits import Limits
        >>> RawDocument(b"12345", source="a", limits=Limits(max_document_bytes=4)).check_size()
        Traceback (most recent call last):
        ...
        newscorpus.errors.LimitError: a: the document is larger than max_document_bytes (5 > 4)
        """
        self.effective_limits.check_size(self.payload, source=self.source)

    @property
    def text(self) -> str:
        """The payload as text."""
        return self.decoded[0]

    @property
    def encoding(self) -> str | None:
        """The encoding the payload was decoded with (``None`` when it was given as text)."""
        return self.decoded[1]

    @cached_property
    def decoded(self) -> tuple[str, str | None]:
        """``(text, encoding)``, decoded on first use and kept."""
        if isinstance(self.payload, str):
            return self.payload, None
        return decode(self.payload)

    def head(self, size: int = 2048) -> str:
        """The first ``size`` characters of the text, for format sniffing."""
        return self.text[:size]


@runtime_checkable
class Parser(Protocol):
    """A parser turns one :class:`RawDocument` of its format into a :class:`Draft`.

    ``can_parse`` scores how well the parser fits a document it was not explicitly chosen for
    (0 = not at all, 1 = certainly); the registry picks the best score. Any object with these
    four members is a parser; register it with :data:`newscorpus.parsers` by name.

    >>> import newscorpus
    >>> isinstance(newscorpus.parsers.get("dump"), Parser)
    True
    >>> newscorpus.parsers.get("html").can_parse(RawDocument("<html><p>Hi</p></html>")) > 0.5
    True
    """

    @property
    def name(self) -> str:
        """The registry name, also written to every record's ``parser`` field."""
        ...

    @property
    def version(self) -> str:
        """The parser's version, written to every record's ``parser`` field."""
        ...

    def can_parse(self, document: RawDocument) -> float:
        """How well this parser fits ``document``, from 0 to 1."""
        ...

    def parse(self, document: RawDocument) -> Draft:
        """Turn ``document`` into a draft of ordered blocks and metadata candidates."""
        ...
