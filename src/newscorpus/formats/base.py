"""What every parser takes and gives: a :class:`RawDocument` in, a :class:`~newscorpus.Draft`."""

from __future__ import annotations

from functools import cached_property
from typing import Protocol, runtime_checkable

from attrs import field, frozen, validators

from newscorpus.draft import Draft
from newscorpus.formats.decode import decode

__all__ = ["Parser", "RawDocument"]


@frozen
class RawDocument:
    """One input, untouched: the payload as it came, and what is known of where it came from.

    ``text`` decodes a bytes payload once (BOM, declared charset, detection, then UTF-8 with
    replacement characters as the last resort) and remembers the encoding it used.

    >>> RawDocument(b"caf\\xe9 au lait, s'il vous pla\\xeet", source="cafe.txt").text
    "café au lait, s'il vous plaît"
    """

    payload: bytes | str = field(validator=validators.instance_of((bytes, str)))
    source: str | None = None
    url: str | None = None
    format: str | None = None

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
    (0 = not at all, 1 = certainly); the registry picks the best score.
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
