"""The exceptions newscorpus raises.

Every error the library raises on purpose derives from :class:`NewsCorpusError`, so
``except newscorpus.NewsCorpusError`` catches all of them and nothing else. Where callers of
the standard library would expect a builtin (``FileNotFoundError``, ``ValueError``,
``RuntimeError``, ``ImportError``), the class is that builtin too (in brackets)::

    NewsCorpusError
    ├── InputError                  the input cannot be read
    │   ├── SourceNotFoundError         a path that does not exist       (FileNotFoundError)
    │   ├── LimitError                  the input is past a safety limit (see newscorpus.Limits)
    │   │   └── TimeLimitExceeded           parsing took longer than seconds_per_document
    │   └── NotTextError                the bytes are not text: an image, a PDF... (ValueError)
    ├── FormatError                 the format is unknown or does not fit the input
    │   ├── UnknownFormatError          no parser is registered under that name
    │   └── ParserFailedError           the parser gave up (libxml2 out of memory)
    ├── PipelineError               a cleaning pipeline is misconfigured or a step failed
    ├── RegistryError               a parser or cleaning step cannot be registered or found
    ├── SchemaError                 a JSON record is not a valid article record
    ├── SettingError                an argument or setting is out of its range  (ValueError)
    ├── MissingDependencyError      an optional dependency is not installed     (ImportError)
    └── CorpusError                 a corpus cannot be read, written or run
        ├── CorpusNotFoundError         no corpus file or folder at the path (FileNotFoundError)
        ├── CorpusFormatError           the corpus format is unknown or unsupported (ValueError)
        ├── RecordError                 a stored or written record does not fit    (ValueError)
        ├── WriterClosedError           a record written to a closed writer        (ValueError)
        ├── OutputError                 the output cannot go where it was asked    (ValueError)
        │   └── OutputExistsError           it exists, and replacing it was not asked
        │                                                             (FileExistsError)
        ├── ResumeError                 the inputs are not those of the interrupted run
        │                                                                          (ValueError)
        └── RunFailedError              a corpus run could not finish            (RuntimeError)

Each error says what was wrong and, where it knows, which input it was (``source``).
docs/errors.md lists every class (a test checks it).
"""

from __future__ import annotations

from typing import ClassVar

__all__ = [
    "CorpusError",
    "CorpusFormatError",
    "CorpusNotFoundError",
    "FormatError",
    "InputError",
    "LimitError",
    "MissingDependencyError",
    "NewsCorpusError",
    "NotTextError",
    "OutputError",
    "OutputExistsError",
    "ParserFailedError",
    "PipelineError",
    "RecordError",
    "RegistryError",
    "ResumeError",
    "RunFailedError",
    "SchemaError",
    "SettingError",
    "SourceNotFoundError",
    "TimeLimitExceeded",
    "UnknownFormatError",
    "WriterClosedError",
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
        "max_name_bytes": "a member name or tar extended header is larger than",
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


class TimeLimitExceeded(LimitError):  # noqa: N818 (the name of the runner's error entries)
    """Parsing one document took longer than :attr:`~newscorpus.Limits.seconds_per_document`.

    :func:`newscorpus.parse` raises it; a corpus run (local or cluster) writes an error entry
    of this name and goes on. ``maximum`` is the limit in seconds.

    >>> print(TimeLimitExceeded(60.0, source="slow.html"))
    slow.html: parsing took longer than the limit of 60 s
    """

    def __init__(self, seconds: float, *, source: str | None = None) -> None:
        super().__init__("seconds_per_document", seconds, seconds, source=source)
        self.message = f"parsing took longer than the limit of {seconds:g} s"
        self.args = (f"{source}: {self.message}" if source else self.message,)

    def __reduce__(self) -> tuple[object, ...]:
        return (_time_limit_exceeded, (self.maximum, self.source))


def _time_limit_exceeded(seconds: float, source: str | None) -> TimeLimitExceeded:
    return TimeLimitExceeded(seconds, source=source)


class NotTextError(InputError, ValueError):
    """The input's bytes are not text: an image, a PDF, a program, an archive no reader opens
    (also a :class:`ValueError`). Compressed files are opened before this is decided.

    >>> import newscorpus
    >>> try:
    ...     newscorpus.parse(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR")
    ... except NotTextError as error:
    ...     print(error.message)
    the bytes are not text (a PNG image)
    """


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


class ParserFailedError(FormatError):
    """The parser could not read the input at all: libxml2 gave up on a page (its "unknown
    error", as under a memory cap), where an empty article would hide the failure.

    >>> print(ParserFailedError("the HTML parser failed: unknown error", source="big.html"))
    big.html: the HTML parser failed: unknown error
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


class SettingError(NewsCorpusError, ValueError):
    """An argument or setting is out of its range (also a :class:`ValueError`).

    >>> import newscorpus
    >>> try:
    ...     newscorpus.Limits(max_document_bytes=0)
    ... except ValueError as error:
    ...     print(type(error).__name__, error)
    SettingError max_document_bytes must be a positive int or None, not 0
    """


class MissingDependencyError(NewsCorpusError, ImportError):
    """An optional dependency is not installed (also an :class:`ImportError`).

    ``module`` is the module that could not be imported (also ``name``, as for any
    ``ImportError``), ``extra`` the newscorpus extra that installs it.

    >>> error = MissingDependencyError("zstandard", "zstd", "reading .zst files")
    >>> print(error)
    reading .zst files needs zstandard: pip install 'newscorpus[zstd]'
    >>> error.extra
    'zstd'
    """

    def __init__(self, module: str, extra: str, needed_for: str) -> None:
        self.module = module
        self.extra = extra
        self.needed_for = needed_for
        package = module.split(".", maxsplit=1)[0]
        super().__init__(f"{needed_for} needs {package}: pip install 'newscorpus[{extra}]'")
        self.name = module

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.module, self.extra, self.needed_for))


class CorpusError(NewsCorpusError):
    """A corpus cannot be read, written or run (the base of the corpus layer's errors).

    >>> import newscorpus
    >>> try:
    ...     newscorpus.read_corpus("corpus.csv")
    ... except CorpusError as error:
    ...     print(type(error).__name__)
    CorpusFormatError
    """


class CorpusNotFoundError(CorpusError, FileNotFoundError):
    """No corpus file or folder at the path given (also a :class:`FileNotFoundError`).

    >>> import newscorpus
    >>> try:
    ...     newscorpus.read_corpus("no/such/corpus.jsonl")
    ... except FileNotFoundError as error:
    ...     print(type(error).__name__, error)
    CorpusNotFoundError no/such/corpus.jsonl: no corpus file
    """


class CorpusFormatError(CorpusError, ValueError):
    """The corpus format is unknown, or not one the operation supports (also a
    :class:`ValueError`).

    >>> from newscorpus.corpus import open_writer
    >>> try:
    ...     open_writer("corpus.xml")
    ... except CorpusFormatError as error:
    ...     print(error.message[:40])
    cannot tell the corpus format of 'corpus
    """


class RecordError(CorpusError, ValueError):
    """A record read from a corpus, or given to a writer, does not fit: a line that is not a
    JSON object, a field the output has no column for (also a :class:`ValueError`).

    >>> import io
    >>> from newscorpus.corpus.writers import ParquetRows
    >>> try:
    ...     ParquetRows(io.BytesIO()).write({"bogus": 1})
    ... except RecordError as error:
    ...     print(error)
    record fields not in the Parquet schema: ['bogus']
    """


class WriterClosedError(CorpusError, ValueError):
    """A record was written to a corpus writer after it was closed or aborted (also a
    :class:`ValueError`, as for a closed file).

    >>> import pathlib, tempfile
    >>> from newscorpus.corpus import open_writer
    >>> writer = open_writer(pathlib.Path(tempfile.mkdtemp()) / "corpus.jsonl")
    >>> writer.close()
    >>> try:
    ...     writer.write({"id": "a"})
    ... except WriterClosedError as error:
    ...     print(error.message[:31])
    write to a closed corpus writer
    """


class OutputError(CorpusError, ValueError):
    """The output cannot be written where it was asked: a file where a corpus folder goes, a
    folder holding files that are not the corpus's (also a :class:`ValueError`).

    >>> print(OutputError("holds files that are not part of a cluster corpus", source="out"))
    out: holds files that are not part of a cluster corpus
    """


class OutputExistsError(OutputError, FileExistsError):
    """The output file exists and replacing it was not asked for (``--overwrite`` on the
    command line); also a :class:`FileExistsError`.

    >>> issubclass(OutputExistsError, FileExistsError)
    True
    """


class ResumeError(CorpusError, ValueError):
    """A run cannot resume: its inputs (or partition size) are not those of the interrupted run
    (also a :class:`ValueError`).

    >>> isinstance(ResumeError("not the same inputs"), ValueError)
    True
    """


class RunFailedError(CorpusError, RuntimeError):
    """A corpus run could not finish: worker processes kept dying while starting, or cluster
    partitions failed (also a :class:`RuntimeError`); what was committed stays, for a resume.

    >>> isinstance(RunFailedError("1 partition(s) failed (2)"), RuntimeError)
    True
    """
