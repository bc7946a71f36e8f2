"""Safety limits: how large, long, deep and compressed an input may be before it is refused.

A corpus library meets the worst of the web: pages of hundreds of megabytes, a whole site on
one line, markup nested 100,000 deep, gzip and zip bombs. :class:`Limits` bounds each of these
with a safe default a user can change; past a limit a document is refused with a
:class:`~newscorpus.LimitError` naming the limit (the single-document API raises it, a reader
yields it as a :class:`~newscorpus.corpus.ReadFailure` and goes on), or, where the docs say so, cut
without losing text (long dump lines are split, markup deeper than the limit is flattened).

See ``docs/limits.md`` for every limit, its default and what happens past it.

>>> limits = Limits(max_document_bytes=1_000)
>>> limits.check_size(b"x" * 999, source="small.txt")
>>> limits.check_size(b"x" * 1_001, source="big.txt")
Traceback (most recent call last):
...
newscorpus.errors.LimitError: big.txt: the document is larger than max_document_bytes (1001 > 1000)
"""

from __future__ import annotations

import io
from typing import IO, Any

from attrs import evolve, field, frozen

from newscorpus import tuning
from newscorpus.errors import LimitError, SettingError

__all__ = [
    "DEFAULT_LIMITS",
    "BoundedStream",
    "CountingStream",
    "Limits",
    "limits_or_default",
    "read_bounded",
]

_MIB = 1024 * 1024
_GIB = 1024 * _MIB
#: A bounded stream decompresses at most this much between two checks of the limits.
_READ_SIZE = _MIB


def _positive_int_or_none(instance: Any, attribute: Any, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingError(f"{attribute.name} must be a positive int or None, not {value!r}")


def _positive_number_or_none(instance: Any, attribute: Any, value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise SettingError(f"{attribute.name} must be a positive number or None, not {value!r}")


def _ratio(instance: Any, attribute: Any, value: object) -> None:
    _positive_number_or_none(instance, attribute, value)
    if value is not None and value < 1:  # type: ignore[operator]
        raise SettingError(f"{attribute.name} must be at least 1 (no compression), not {value!r}")


@frozen
class Limits:
    """The safety limits of parsing and reading; ``None`` switches a limit off.

    * ``max_document_bytes`` (64 MiB): the largest document (bytes as read; UTF-8 size for text
      given as ``str``). Larger is a :class:`~newscorpus.LimitError`; readers stop reading at the
      limit, so a huge file never sits in memory. JSON Lines lines and nested zip archives
      (held in memory to be read) are bounded by it too.
    * ``max_line_chars`` (100,000): the longest line of a dump. A longer line is **cut**: split
      at spaces (or at the limit when it has none) into lines no longer than the limit. No
      character is lost; only line breaks are added.
    * ``max_nesting_depth`` (512): the deepest markup nesting. Deeper elements are
      **flattened**: their text goes to their ancestor at the limit, no text is lost, and no
      parser (lxml, BeautifulSoup, a site parser's code) ever sees a deeper tree.
    * ``max_decompressed_bytes`` (4 GiB): the most bytes one compressed file (gzip, bz2, xz,
      zstd) or one zip member may decompress to.
    * ``max_compression_ratio`` (100): the highest ratio of decompressed to compressed size, once
      more than :data:`newscorpus.tuning.LIMITS_RATIO_FLOOR_BYTES` came out (text and HTML
      compress 3 to 20 times; a gzip bomb about 1,000 times).
    * ``max_archive_members`` (1,000,000): the most members read from one zip or tar archive.
    * ``seconds_per_document`` (60.0): the time one document may take to parse. A slower
      document raises :class:`~newscorpus.TimeLimitExceeded` from :func:`newscorpus.parse`, and
      becomes an error entry in a corpus run (local or cluster), which goes on.
    * ``max_name_bytes`` (65,536): the longest archive member name, and the largest tar
      extended header (pax, GNU long name), checked before :mod:`tarfile` reads or parses it
      (its pax parser is quadratic: CVE-2024-6232).
    * ``max_attributes`` (1,000): the most attributes of one HTML element; the rest are
      dropped before the page is parsed (libxml2 is quadratic in them), and the article says
      how many (a warning).

    >>> Limits().max_nesting_depth
    512
    >>> Limits(max_document_bytes=None).max_document_bytes is None
    True
    >>> try:
    ...     Limits(max_compression_ratio=0.5)
    ... except ValueError as error:  # a SettingError
    ...     print(error)
    max_compression_ratio must be at least 1 (no compression), not 0.5
    """

    max_document_bytes: int | None = field(default=64 * _MIB, validator=_positive_int_or_none)
    max_line_chars: int | None = field(default=100_000, validator=_positive_int_or_none)
    max_nesting_depth: int | None = field(default=512, validator=_positive_int_or_none)
    max_decompressed_bytes: int | None = field(default=4 * _GIB, validator=_positive_int_or_none)
    max_compression_ratio: float | None = field(default=100.0, validator=_ratio)
    max_archive_members: int | None = field(default=1_000_000, validator=_positive_int_or_none)
    seconds_per_document: float | None = field(default=60.0, validator=_positive_number_or_none)
    max_name_bytes: int | None = field(default=64 * 1024, validator=_positive_int_or_none)
    max_attributes: int | None = field(default=1_000, validator=_positive_int_or_none)

    def replace(self, **changes: Any) -> Limits:
        """A copy with ``changes`` applied (validated like the constructor).

        >>> Limits().replace(max_line_chars=50).max_line_chars
        50
        """
        return evolve(self, **changes)

    def check_size(self, payload: bytes | str, *, source: str | None = None) -> None:
        """Raise :class:`~newscorpus.LimitError` if ``payload`` is larger than
        ``max_document_bytes`` (a ``str`` counts its UTF-8 size).

        >>> Limits(max_document_bytes=4).check_size("été", source="a")
        Traceback (most recent call last):
        ...
        newscorpus.errors.LimitError: a: the document is larger than max_document_bytes (5 > 4)
        """
        maximum = self.max_document_bytes
        if maximum is None:
            return
        size = _utf8_size(payload, maximum) if isinstance(payload, str) else len(payload)
        if size > maximum:
            raise LimitError("max_document_bytes", size, maximum, source=source)


def _utf8_size(text: str, maximum: int) -> int:
    """The UTF-8 size of ``text``, or its length when that alone decides against ``maximum``
    (a character is 1 to 4 bytes)."""
    if len(text) > maximum or len(text) * 4 <= maximum:
        return len(text)
    return len(text.encode("utf-8", errors="surrogatepass"))


#: The defaults: what every parser and reader uses when it is given no limits.
DEFAULT_LIMITS = Limits()


def limits_or_default(limits: Limits | None) -> Limits:
    """``limits``, or :data:`DEFAULT_LIMITS` when it is ``None``.

    >>> limits_or_default(None) is DEFAULT_LIMITS
    True
    """
    return DEFAULT_LIMITS if limits is None else limits


def read_bounded(stream: IO[bytes] | bytes, limits: Limits, *, source: str | None = None) -> bytes:
    """Read ``stream`` to its end, but never more than ``max_document_bytes`` and one byte;
    bytes already in memory are checked against the limit and given back, not copied.

    >>> read_bounded(io.BytesIO(b"abc"), Limits(max_document_bytes=3))
    b'abc'
    >>> read_bounded(io.BytesIO(b"abcd"), Limits(max_document_bytes=3), source="d")
    Traceback (most recent call last):
    ...
    newscorpus.errors.LimitError: d: the document is larger than max_document_bytes (4 > 3)
    >>> read_bounded(b"abcde", Limits(max_document_bytes=3), source="d")
    Traceback (most recent call last):
    ...
    newscorpus.errors.LimitError: d: the document is larger than max_document_bytes (4 > 3)
    """
    maximum = limits.max_document_bytes
    if isinstance(stream, bytes):
        if maximum is not None and len(stream) > maximum:  # the size a read would stop at
            raise LimitError("max_document_bytes", maximum + 1, maximum, source=source)
        return stream
    if maximum is None:
        return stream.read()
    # In pieces: one read of the limit's size would allocate that much for every document.
    pieces: list[bytes] = []
    size = 0
    while size <= maximum:
        piece = stream.read(min(_READ_SIZE, maximum + 1 - size))
        if not piece:
            break
        pieces.append(piece)
        size += len(piece)
    if size > maximum:
        raise LimitError("max_document_bytes", size, maximum, source=source)
    return b"".join(pieces)


class BoundedStream(io.RawIOBase):
    """A decompressed stream that stops at ``max_decompressed_bytes`` and at
    ``max_compression_ratio``, raising :class:`~newscorpus.LimitError` before reading further.

    ``compressed`` says how many compressed bytes were consumed so far: a callable (for a
    stream decompressed on the fly, see :class:`CountingStream`) or a fixed size (a zip member's
    compressed size).

    >>> import gzip
    >>> packed = gzip.compress(bytes(50 * 1024 * 1024))
    >>> counted = CountingStream(io.BytesIO(packed))
    >>> bounded = BoundedStream(gzip.GzipFile(fileobj=counted), counted.count, Limits())
    >>> while bounded.read(1 << 16):
    ...     pass
    Traceback (most recent call last):
    ...
    newscorpus.errors.LimitError: the compression ratio is higher than max_compression_ratio ...
    """

    def __init__(
        self,
        stream: IO[bytes],
        compressed: Any,
        limits: Limits,
        *,
        source: str | None = None,
    ) -> None:
        super().__init__()
        self._stream = stream
        self._compressed = compressed
        self._limits = limits
        self._source = source
        self.size = 0

    def readable(self) -> bool:
        """Always: this is a read-only stream."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Read into ``buffer``, then check the limits on everything read so far."""
        view = memoryview(buffer).cast("B")
        data = self._stream.read(min(len(view), _READ_SIZE))
        view[: len(data)] = data
        self.size += len(data)
        self._check()
        return len(data)

    def _check(self) -> None:
        maximum = self._limits.max_decompressed_bytes
        if maximum is not None and self.size > maximum:
            raise LimitError("max_decompressed_bytes", self.size, maximum, source=self._source)
        ratio = self._limits.max_compression_ratio
        if ratio is None or self.size <= tuning.LIMITS_RATIO_FLOOR_BYTES:
            return
        compressed = self._compressed() if callable(self._compressed) else self._compressed
        value = self.size / max(int(compressed), 1)
        if value > ratio:
            raise LimitError("max_compression_ratio", round(value, 1), ratio, source=self._source)


class CountingStream:
    """A read-only stream that counts the bytes read through it (the compressed side).

    >>> counted = CountingStream(io.BytesIO(b"abcdef"))
    >>> counted.read(4), counted.count()
    (b'abcd', 4)
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.size = 0

    def read(self, size: int = -1) -> bytes:
        """Read up to ``size`` bytes (all with -1) and count them."""
        data = self.stream.read(size)
        self.size += len(data)
        return data

    def count(self) -> int:
        """How many bytes were read so far."""
        return self.size
