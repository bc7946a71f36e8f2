"""The exceptions newscorpus raises.

Every error the library raises on purpose derives from :class:`NewsCorpusError`, so
``except newscorpus.NewsCorpusError`` catches all of them and nothing else::

    NewsCorpusError
    ├── InputError              the input cannot be read
    │   ├── SourceNotFoundError     a path that does not exist
    │   └── LimitError              the input is past a safety limit (see newscorpus.Limits)
    ├── FormatError             the format is unknown or does not fit the input
    │   └── UnknownFormatError      no parser is registered under that name
    ├── PipelineError           a cleaning pipeline is misconfigured or a step failed
    ├── RegistryError           a parser or cleaning step cannot be registered or found
    └── SchemaError             a JSON record is not a valid article record

Each error says what was wrong and, where it knows, which input it was (``source``).
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "FormatError",
    "InputError",
    "LimitError",
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
    """The input cannot be read (missing file, unreadable file, unsupported source type).

    >>> import pathlib, newscorpus
    >>> try:
    ...     newscorpus.parse(pathlib.Path("no/such/page.txt"))
    ... except InputError as error:
    ...     print(type(error).__name__, error.message)
    SourceNotFoundError no such file
    """


class SourceNotFoundError(InputError, FileNotFoundError):
    """A path given as input does not exist (also a :class:`FileNotFoundError`).

    >>> import pathlib, newscorpus
    >>> try:
    ...     newscorpus.parse(pathlib.Path("no/such/page.txt"))
    ... except FileNotFoundError as error:
    ...     print(error)
    no/such/page.txt: no such file
    """


class LimitError(InputError):
    """The input is past one of the safety limits of :class:`~newscorpus.Limits`.

    ``limit`` names the limit (a field of ``Limits``), ``value`` is what the input reached (at
    least; reading stops at the limit) and ``maximum`` the limit's value.

    >>> error = LimitError("max_document_bytes", 70_000_000, 67_108_864, source="big.html")
    >>> print(error)
    big.html: the document is larger than max_document_bytes (70000000 > 67108864)
    >>> error.limit
    'max_document_bytes'
    """

    #: What each limit measures, for the message.
    _WHAT: ClassVar[dict[str, str]] = {
        "max_document_bytes": "the document is larger than",
        "max_decompressed_bytes": "the decompressed data is larger than",
        "max_compression_ratio": "the compression ratio is higher than",
        "max_archive_members": "the archive has more members than",
    }

    def __init__(
        self, limit: str, value: float, maximum: float, *, source: str | None = None
    ) -> None:
        self.limit = limit
        self.value = value
        self.maximum = maximum
        what = self._WHAT.get(limit, "the input is past")
        shown = f"{_number(value)} > {_number(maximum)}"
        super().__init__(f"{what} {limit} ({shown})", source=source)

    def __reduce__(self) -> tuple[object, ...]:
        # Picklable (worker processes send errors back): rebuild from the fields.
        return (_limit_error, (self.limit, self.value, self.maximum, self.source))


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def _limit_error(limit: str, value: float, maximum: float, source: str | None) -> LimitError:
    return LimitError(limit, value, maximum, source=source)


class FormatError(NewsCorpusError):
    """The input's format is unknown, or the input does not fit the format asked for.

    >>> import newscorpus
    >>> try:
    ...     newscorpus.parse("A dump.", format="no-such-format")
    ... except FormatError as error:
    ...     print(error.message)
    unknown format 'no-such-format' (known: dump, html)
    """


class UnknownFormatError(FormatError):
    """No parser is registered under the format or parser name asked for.

    >>> import newscorpus
    >>> try:
    ...     newscorpus.parse("A dump.", format="pdf")
    ... except UnknownFormatError as error:
    ...     print(type(error).__name__)
    UnknownFormatError
    """


class PipelineError(NewsCorpusError):
    """A cleaning pipeline is misconfigured, or one of its steps failed.

    >>> import newscorpus
    >>> try:
    ...     newscorpus.default_pipeline().without("no-such-step")
    ... except PipelineError as error:
    ...     print(error.message[:36])
    no step named ['no-such-step'] in th
    """


class RegistryError(NewsCorpusError):
    """A parser or cleaning step cannot be registered, or none is registered by that name.

    >>> import newscorpus
    >>> try:
    ...     newscorpus.parsers.get("no-such-parser")
    ... except RegistryError as error:
    ...     print(error.message)
    no parser named 'no-such-parser' (registered: dump, html)
    """


class SchemaError(NewsCorpusError):
    """A JSON record is not a valid article record (missing field, wrong type, unknown version).

    >>> import newscorpus
    >>> try:
    ...     newscorpus.from_dict({"schema": 99})
    ... except SchemaError as error:
    ...     print(error.message)
    unknown record schema 99; this version reads [1, 2, 3, 4]
    """
