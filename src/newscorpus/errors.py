"""The exceptions newscorpus raises.

Every error the library raises on purpose derives from :class:`NewsCorpusError`, so
``except newscorpus.NewsCorpusError`` catches all of them and nothing else::

    NewsCorpusError
    ├── InputError              the input cannot be read
    │   └── SourceNotFoundError     a path that does not exist
    ├── FormatError             the format is unknown or does not fit the input
    │   └── UnknownFormatError      no parser is registered under that name
    ├── PipelineError           a cleaning pipeline is misconfigured or a step failed
    ├── RegistryError           a parser or cleaning step cannot be registered or found
    └── SchemaError             a JSON record is not a valid article record

Each error says what was wrong and, where it knows, which input it was (``source``).
"""

from __future__ import annotations

__all__ = [
    "FormatError",
    "InputError",
    "NewsCorpusError",
    "PipelineError",
    "RegistryError",
    "SchemaError",
    "SourceNotFoundError",
    "UnknownFormatError",
]


class NewsCorpusError(Exception):
    """Base class of every error newscorpus raises.

    >>> try:
    ...     raise NewsCorpusError("bad input", source="page.txt")
    ... except NewsCorpusError as error:
    ...     print(error)
    page.txt: bad input
    """

    def __init__(self, message: str, *, source: str | None = None) -> None:
        self.message = message
        self.source = source
        super().__init__(f"{source}: {message}" if source else message)


class InputError(NewsCorpusError):
    """The input cannot be read (missing file, unreadable file, unsupported source type)."""


class SourceNotFoundError(InputError, FileNotFoundError):
    """A path given as input does not exist."""


class FormatError(NewsCorpusError):
    """The input's format is unknown, or the input does not fit the format asked for."""


class UnknownFormatError(FormatError):
    """No parser is registered under the format or parser name asked for."""


class PipelineError(NewsCorpusError):
    """A cleaning pipeline is misconfigured, or one of its steps failed."""


class RegistryError(NewsCorpusError):
    """A parser or cleaning step cannot be registered, or none is registered by that name."""


class SchemaError(NewsCorpusError):
    """A JSON record is not a valid article record (missing field, wrong type, unknown version)."""
