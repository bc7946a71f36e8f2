"""The layout of a cluster corpus, and the task that writes one partition of it.

A cluster corpus is a folder (local, or a URL fsspec understands)::

    OUT/part-00000.parquet         records of partition 0, the declared Arrow schema
    OUT/part-00001.parquet         ... one file per partition, possibly with no rows
    OUT/_errors/part-00001.jsonl   error entries of partition 1 (only partitions with errors)
    OUT/_partitions.json           the run's plan: every partition and its pieces
    OUT/_summary.json              counts, written last: the run is complete

Names starting with ``_`` or ``.`` are skipped by Parquet dataset readers (pyarrow, Dask,
Spark, DuckDB), so ``OUT/`` reads as one Parquet dataset. An error entry is the local runner's
(``source``, ``origin``, ``error``, ``message``). Each file is written under a temporary name
and published whole; a partition's error file is published before its Parquet file, so a
partition whose Parquet file exists is complete (what ``resume`` relies on).

>>> part_name(7), error_name(7)
('part-00007.parquet', '_errors/part-00007.jsonl')
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from newscorpus._deadline import call_with_time_limit
from newscorpus.cluster.inputs import Partition
from newscorpus.cluster.reading import read_pieces
from newscorpus.cluster.storage import Sink, join
from newscorpus.corpus.languages import LanguageFilter
from newscorpus.corpus.origin import ReadItem
from newscorpus.corpus.outcomes import Outcome, error_outcome, outcome_of
from newscorpus.corpus.records import FieldMapping
from newscorpus.corpus.statistics import CorpusStatistics
from newscorpus.corpus.writers import ParquetRows, encode_line
from newscorpus.errors import TimeLimitExceeded
from newscorpus.limits import Limits, limits_or_default

if TYPE_CHECKING:
    from newscorpus.cleaning import Pipeline

__all__ = [
    "ERRORS_FOLDER",
    "FILTERED_KEY",
    "PARTITIONS_FILE",
    "SUMMARY_FILE",
    "PartSummary",
    "error_name",
    "manifest",
    "part_name",
    "write_json",
    "write_partition",
]

#: The folder of error entries inside a cluster corpus.
ERRORS_FOLDER = "_errors"
#: The run's plan inside a cluster corpus.
PARTITIONS_FILE = "_partitions.json"
#: The run's counts, written when every partition is done.
SUMMARY_FILE = "_summary.json"
#: The key, in a part file's Parquet footer, of the count of documents a language filter left
#: out of it (so that a resumed run still counts them).
FILTERED_KEY = "newscorpus.filtered"


def part_name(number: int) -> str:
    """The Parquet file of partition ``number``."""
    return f"part-{number:05d}.parquet"


def error_name(number: int) -> str:
    """The error file of partition ``number``, relative to the corpus folder."""
    return f"{ERRORS_FOLDER}/part-{number:05d}.jsonl"


@frozen
class PartSummary:
    """What one partition task did: documents read, records written, errors, seconds taken,
    the statistics of its records and the documents a language filter left out
    (``read == written + failed + filtered``).

    >>> PartSummary(number=0, read=10, written=9, failed=1, seconds=0.5).failed
    1
    """

    number: int
    read: int
    written: int
    failed: int
    seconds: float
    statistics: CorpusStatistics = field(factory=CorpusStatistics, eq=False)
    filtered: int = 0


def _timed_outcome(
    item: ReadItem, parse_format: str | None, pipeline: Pipeline, seconds: float | None
) -> Outcome:
    """:func:`~newscorpus.corpus.outcome_of` within the per-document time limit ``seconds``."""
    try:
        return call_with_time_limit(
            lambda: outcome_of(item, parse_format, pipeline), seconds, item.source
        )
    except TimeLimitExceeded as error:
        return error_outcome(item.origin, "TimeLimitExceeded", error.message, internal=False)


def write_partition(
    partition: Partition,
    root: str,
    *,
    parse_format: str | None = None,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
    pipeline: Pipeline | None = None,
    languages: LanguageFilter | None = None,
) -> PartSummary:
    """Read, parse and write one partition into the corpus folder ``root`` (a worker's task).

    ``parse_format``, ``mapping``, ``limits``, ``pipeline`` and ``languages`` are those of the
    local runner (``pipeline`` travels to the worker pickled: its steps must be importable); an
    article in a language ``languages`` does not keep is counted as filtered, its count kept in
    the part file's footer (:data:`FILTERED_KEY`). Memory holds
    one Parquet row group of records at most; every document becomes one record
    or one error entry, exactly as in the local runner (:func:`~newscorpus.corpus.outcome_of`);
    a document that takes longer than ``limits.seconds_per_document`` becomes a
    ``TimeLimitExceeded`` entry, as there (on a worker thread the parse is abandoned, still
    running, to finish in the background: see :mod:`newscorpus._deadline`).

    >>> import pathlib, tempfile
    >>> from newscorpus.cluster import FilePiece
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "in.txt").write_text("The council met on Monday to vote on the budget.")
    >>> (root / "out" / "_errors").mkdir(parents=True)
    >>> part = Partition(0, (FilePiece(str(root / "in.txt")),))
    >>> summary = write_partition(part, str(root / "out"))
    >>> summary.read, summary.written, (root / "out" / part_name(0)).is_file()
    (1, 1, True)
    """
    from newscorpus.parsing import pipeline_or_default

    started = time.perf_counter()
    chosen = pipeline_or_default(pipeline)
    seconds = limits_or_default(limits).seconds_per_document
    items = read_pieces(partition.pieces, mapping, limits)
    records = _RecordFile(join(root, part_name(partition.number)))
    errors: _ErrorFile | None = None
    read = failed = filtered = 0
    statistics = CorpusStatistics()
    try:
        for item in items:
            outcome = _timed_outcome(item, parse_format, chosen, seconds)
            read += 1
            if "record" in outcome and not _kept(outcome["record"], languages):
                filtered += 1
            elif "record" in outcome:
                records.write(outcome["record"])
                statistics.add_record(outcome["record"])
            else:
                if errors is None:
                    errors = _ErrorFile(join(root, error_name(partition.number)))
                errors.write(outcome["error"])
                failed += 1
        records.finish({FILTERED_KEY: str(filtered)} if languages is not None else None)
        if errors is not None:
            errors.sink.commit()
    except BaseException:
        records.sink.abort()
        if errors is not None:
            errors.sink.abort()
        raise
    records.sink.commit()
    seconds = time.perf_counter() - started
    return PartSummary(
        partition.number, read, read - failed - filtered, failed, seconds, statistics, filtered
    )


def _kept(record: Mapping[str, Any], languages: LanguageFilter | None) -> bool:
    language = record.get("language")
    return languages is None or languages.keeps(language if isinstance(language, str) else None)


class _RecordFile:
    """Records to one Parquet file with the declared schema, a row group at a time."""

    def __init__(self, path: str) -> None:
        self.sink = Sink(path)
        try:
            self._rows = ParquetRows(self.sink.file)
        except BaseException:
            self.sink.abort()
            raise

    def write(self, record: Mapping[str, Any]) -> None:
        self._rows.write(record)

    def finish(self, metadata: Mapping[str, str] | None = None) -> None:
        self._rows.close(metadata)


class _ErrorFile:
    """Error entries to one JSON Lines file, as the local runner writes them."""

    def __init__(self, path: str) -> None:
        self.sink = Sink(path)

    def write(self, entry: Mapping[str, Any]) -> None:
        self.sink.file.write(encode_line(entry))


def write_json(path: str, value: Any) -> None:
    """``value`` as indented JSON at ``path``, published whole."""
    sink = Sink(path)
    try:
        sink.file.write(json.dumps(value, indent=1, ensure_ascii=False).encode("utf-8") + b"\n")
    except BaseException:
        sink.abort()
        raise
    sink.commit()


def manifest(
    partitions: Iterable[Partition],
    partition_size: int,
    languages: LanguageFilter | None = None,
) -> dict[str, Any]:
    """The run's plan as written to :data:`PARTITIONS_FILE` (with the language filter, if
    any: a run resumed with another filter is refused)."""
    plan: dict[str, Any] = {
        "partition_size": partition_size,
        "partitions": [partition.to_json() for partition in partitions],
    }
    if languages is not None:
        plan["languages"] = sorted(languages.languages)
    return plan
