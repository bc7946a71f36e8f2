"""The corpus runner: read every input, parse in worker processes, write records, lose nothing.

:func:`run_corpus` reads ``inputs`` with :func:`~newscorpus.corpus.read_documents`, parses each
document in ``jobs`` worker processes (:mod:`newscorpus.corpus.workers`: a crash or an overrun
of the time limit fails one document, never the run) and writes one record per parsed document,
in input order, to ``output`` (JSON Lines, Parquet or CSV, by suffix). Every input document ends
as exactly one record or one *error entry*: a :class:`~newscorpus.corpus.ReadFailure`, a parse
exception, a crashed worker or a document over the time limit goes to the error file beside the
output (``corpus.parquet`` -> ``corpus.parquet.errors.jsonl``), one JSON object a line with
``source``, ``origin`` (path, member, line, offset), ``error`` (the exception's type name) and
``message``, and the run goes on. The :class:`RunSummary` counts say so:
``read == written + failed``.

Resuming. Outcomes are committed in numbered parts of ``part_size`` documents
(:mod:`newscorpus.corpus.parts`) in a hidden folder beside the output (``.corpus.parts/``,
hidden so that an output folder that is also an input folder is not read back); a part exists
whole or not at all, even after SIGKILL. With ``resume=True`` the runner keeps the committed
parts, checks that the inputs still hold the same documents up to the last committed one
(keyed by its source, ``str(origin)``), skips them and goes on. The output is written as parts
are committed, under a temporary name in the parts folder (a resumed run writes it again from
the committed parts first), and renamed into place at the end, when the error file is written
from the parts and the parts folder is removed. The output is therefore the same, record for
record and in the same order, as one uninterrupted run's, and never appears half written.
Without ``resume`` a leftover parts folder is cleared first. Documents read from the output
file or the error file themselves are skipped. The parts folder is locked while a run writes
it (``flock``), so a second run to the same output stops at once instead of clearing the
first run's parts.
"""

from __future__ import annotations

import glob
import json
import os
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from attrs import field, frozen

from newscorpus.corpus import parts
from newscorpus.corpus.languages import LanguageFilter
from newscorpus.corpus.origin import ReadItem
from newscorpus.corpus.readers import Input, read_documents
from newscorpus.corpus.statistics import CorpusStatistics, summary_path_for, write_summary
from newscorpus.corpus.workers import Processed, processed
from newscorpus.corpus.writers import (
    CorpusWriter,
    WriterFormat,
    format_for,
    open_writer,
    require_writer,
)
from newscorpus.errors import OutputError, OutputExistsError, ResumeError, SettingError
from newscorpus.limits import Limits, limits_or_default
from newscorpus.parsing import pipeline_description, pipeline_or_default

if TYPE_CHECKING:
    from newscorpus.cleaning import Pipeline

__all__ = [
    "DEFAULT_PART_SIZE",
    "RunSummary",
    "check_output",
    "error_path_for",
    "parts_path_for",
    "run_corpus",
]

#: Documents per committed part: what a crash can cost, and what assembly holds in memory.
DEFAULT_PART_SIZE = 1000


@frozen
class RunSummary:
    """What a run did: documents read, records written, failures, documents skipped by resume.

    ``read == written + failed + filtered`` always: every document is one of them
    (``filtered`` counts the documents a ``languages`` filter left out). ``errors`` is the
    error file's path (it exists only when something failed). ``statistics`` count what the
    written records hold (:mod:`newscorpus.corpus.statistics`); :meth:`to_json` is what the
    run writes to the summary file beside the output (``corpus.summary.json``).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("A short dump.\\n")
    >>> summary = run_corpus([folder / "a.txt", folder / "gone.txt"], folder / "c.jsonl", jobs=0)
    >>> summary.read == summary.written + summary.failed, summary.errors.name
    (True, 'c.jsonl.errors.jsonl')
    """

    read: int
    written: int
    failed: int
    resumed: int
    output: Path
    errors: Path
    statistics: CorpusStatistics = field(factory=CorpusStatistics, eq=False)
    #: Documents parsed but left out by the run's language filter (not errors).
    filtered: int = 0
    #: The cleaning pipeline's description (:func:`pipeline_description`).
    pipeline: dict[str, Any] | None = field(default=None, eq=False)

    @property
    def summary(self) -> Path:
        """The summary file beside the output."""
        return summary_path_for(self.output)

    def to_json(self) -> dict[str, Any]:
        """The counts, the pipeline and the statistics, as written to :attr:`summary`."""
        return {
            "read": self.read,
            "written": self.written,
            "failed": self.failed,
            "filtered": self.filtered,
            "resumed": self.resumed,
            "output": str(self.output),
            "errors": str(self.errors),
            "pipeline": self.pipeline,
            "statistics": self.statistics.to_json(),
        }


def error_path_for(output: str | os.PathLike[str]) -> Path:
    """The error file beside ``output``: ``corpus.parquet`` -> ``corpus.parquet.errors.jsonl``
    (its own for each output: runs to ``c.jsonl`` and ``c.parquet`` never share one).

    >>> str(error_path_for("out/corpus.parquet"))
    'out/corpus.parquet.errors.jsonl'
    """
    path = Path(output)
    return path.with_name(f"{path.name}.errors.jsonl")


def parts_path_for(output: str | os.PathLike[str]) -> Path:
    """The folder of committed parts of a run writing ``output``: ``.corpus.parts``.

    >>> str(parts_path_for("out/corpus.jsonl"))
    'out/.corpus.parts'
    """
    path = Path(output)
    return path.with_name(f".{path.stem}.parts")


def run_corpus(
    inputs: Input | Iterable[Input],
    output: str | os.PathLike[str],
    *,
    jobs: int = 1,
    resume: bool = False,
    format: str | None = None,
    parse_format: str | None = None,
    pipeline: Pipeline | None = None,
    part_size: int = DEFAULT_PART_SIZE,
    limits: Limits | None = None,
    overwrite: bool = True,
    on_document: Callable[[Processed], None] | None = None,
    on_commit: Callable[[int], None] | None = None,
    on_open: Callable[[str, IO[bytes]], None] | None = None,
    languages: LanguageFilter | Iterable[str] | None = None,
) -> RunSummary:
    """Parse every document in ``inputs`` into ``output``; see the module docstring.

    ``overwrite=False`` refuses an existing output or error file
    (:class:`~newscorpus.OutputExistsError`; the CLI's default, ``--overwrite`` lifts it). An
    input named directly that is the output, its error file or in its parts folder is always
    refused (:class:`~newscorpus.OutputError`), and so is a second run to the same output while
    one is going on. A run that writes no record leaves no output file, only its error file;
    a run that fails before it commits a part leaves nothing behind.

    ``languages`` (codes such as ``["de", "fr"]``, or a
    :class:`~newscorpus.corpus.LanguageFilter`) keeps only the articles in those languages;
    the others are counted as ``filtered`` in the summary, not written and not errors.

    ``jobs`` worker processes parse (0: this process, no isolation: for debugging).
    ``format`` is the output format (default: by suffix); ``parse_format`` forces a parser.
    ``pipeline`` cleans every document (``None``: :func:`~newscorpus.default_pipeline`): each
    record is the one :func:`newscorpus.parse` gives for its document with that pipeline.
    ``limits`` (default :data:`~newscorpus.DEFAULT_LIMITS`) bound what is read and parsed;
    ``limits.seconds_per_document`` is the most one document may take (with ``jobs`` >= 1).
    ``on_document`` is called with each document's outcome as it is taken back, in input
    order (progress); ``on_commit`` with the number of each part once it is committed;
    ``on_open`` as each input file is opened (see :func:`~newscorpus.corpus.read_documents`).

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("A short dump.\\n")
    >>> summary = run_corpus(folder, folder / "out" / "corpus.jsonl", jobs=0)
    >>> summary.read, summary.written, summary.failed
    (1, 1, 0)
    """
    if jobs < 0:
        raise SettingError("jobs must be at least 0")
    if part_size < 1:
        raise SettingError("part_size must be at least 1")
    keep = LanguageFilter.of(languages)
    target = Path(output)
    chosen = format_for(target, format)
    require_writer(chosen)  # before the parts folder exists: a failed start leaves nothing
    folder = parts_path_for(target)
    check_output(inputs, target, overwrite=overwrite or resume)
    with parts.locked(folder, fresh=not resume):
        return _run(
            inputs,
            target,
            chosen,
            folder,
            jobs=jobs,
            parse_format=parse_format,
            pipeline=pipeline,
            part_size=part_size,
            limits=limits_or_default(limits),
            languages=keep,
            on_document=on_document,
            on_commit=on_commit,
            on_open=on_open,
        )


def _run(
    inputs: Input | Iterable[Input],
    target: Path,
    chosen: WriterFormat,
    folder: Path,
    *,
    jobs: int,
    parse_format: str | None,
    pipeline: Pipeline | None,
    part_size: int,
    limits: Limits,
    languages: LanguageFilter | None,
    on_document: Callable[[Processed], None] | None,
    on_commit: Callable[[int], None] | None,
    on_open: Callable[[str, IO[bytes]], None] | None,
) -> RunSummary:
    errors = error_path_for(target)
    parts.remove_temporaries(folder)
    markers = parts.committed(folder)
    skip = sum(marker.documents for marker in markers)
    statistics = CorpusStatistics()
    try:
        read = read_documents(inputs, limits=limits, on_open=on_open)
        items = _without(read, {target, errors, summary_path_for(target)})
        _skip_committed(items, skip, markers[-1].last_source if markers else None, folder)
        outcomes = processed(
            items,
            jobs=jobs,
            parse_format=parse_format,
            pipeline=pipeline,
            time_limit=limits.seconds_per_document,
        )
        if on_document is not None:
            outcomes = _watched(outcomes, on_document)
        # The output is written as the run goes (the parent has time while workers parse),
        # under a temporary name in the parts folder, and renamed into place once all is in.
        with open_writer(target, chosen, temporary_folder=folder) as writer:
            for marker in markers:
                for line in parts.records(folder, marker):
                    writer.write_encoded(line)
                    statistics.add_record(json.loads(line))
            while True:
                part = parts.PartWriter(folder, len(markers))
                try:
                    for outcome in islice(outcomes, part_size):
                        _take(outcome, part, writer, statistics, languages)
                except BaseException:
                    part.abort()
                    raise
                if not part.documents:
                    part.abort()
                    break
                markers.append(part.commit())
                if on_commit is not None:
                    on_commit(markers[-1].number)
            if not any(marker.records for marker in markers):
                writer.abort()  # no record: no empty output file (the error file says why)
    except BaseException:
        if not markers:  # nothing a --resume could go on from: leave nothing behind
            parts.clear(folder)
        raise
    parts.write_errors(folder, markers, errors)
    summary = RunSummary(
        read=sum(marker.documents for marker in markers),
        written=sum(marker.records for marker in markers),
        failed=sum(marker.errors for marker in markers),
        filtered=sum(marker.filtered for marker in markers),
        resumed=skip,
        output=target,
        errors=errors,
        statistics=statistics,
        pipeline=pipeline_description(pipeline_or_default(pipeline)),
    )
    write_summary(summary.summary, summary.to_json())
    parts.clear(folder)
    return summary


def _take(
    outcome: Processed,
    part: parts.PartWriter,
    writer: CorpusWriter,
    statistics: CorpusStatistics,
    languages: LanguageFilter | None,
) -> None:
    """Put one outcome in the part (and a record in the output), or count it as filtered."""
    facts = outcome.facts
    if languages is not None and facts is not None and not languages.keeps(facts.language):
        part.skip(source=outcome.source)
        return
    part.add(outcome.line, source=outcome.source, failed=outcome.failed)
    if not outcome.failed:
        writer.write_encoded(outcome.line)
        if facts is not None:
            statistics.add(facts)


def check_output(
    inputs: Input | Iterable[Input], output: str | os.PathLike[str], *, overwrite: bool
) -> None:
    """Refuse an output that would destroy an input or, unless ``overwrite``, a file.

    Raises :class:`~newscorpus.OutputError` when an input named directly (a file, or a glob's
    match) is the output, its error file or inside its parts folder, after resolving links;
    :class:`~newscorpus.OutputExistsError` when the output or its error file exists and
    ``overwrite`` is false. (A folder given as input may hold the output: files of the run's
    own are never read back.)

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "d.jsonl").write_text('{"text": "A story."}\\n')
    >>> check_output([folder / "d.jsonl"], folder / "d.jsonl", overwrite=True)
    Traceback (most recent call last):
    ...
    newscorpus.errors.OutputError: ...d.jsonl: is also an input: writing it would destroy it
    """
    target = Path(output)
    owned = {_real(target), _real(error_path_for(target)), _real(summary_path_for(target))}
    folder = Path(_real(parts_path_for(target)))
    for path in _named_files(inputs):
        resolved = _real(path)
        if resolved in owned or folder in Path(resolved).parents:
            raise OutputError("is also an input: writing it would destroy it", source=path)
    if overwrite:
        return
    for existing in (target, error_path_for(target)):
        if os.path.lexists(existing):
            raise OutputExistsError(
                "exists; pass --overwrite (overwrite=True) to replace it", source=str(existing)
            )


def _real(path: str | os.PathLike[str]) -> str:
    """The path with links resolved; a link loop resolves as far as it goes, never raises
    (``Path.resolve`` raises on a loop)."""
    return os.path.realpath(path)


def _named_files(inputs: Input | Iterable[Input]) -> Iterator[str]:
    """The files ``inputs`` name directly: paths that are not folders, and glob matches."""
    items: Iterable[Input] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    for item in items:
        path = os.fspath(item)
        if os.path.isdir(path):
            continue
        if os.path.lexists(path) or not glob.has_magic(path):
            yield path
        else:
            yield from (
                match for match in glob.glob(path, recursive=True) if not os.path.isdir(match)
            )


def _skip_committed(
    items: Iterator[ReadItem], count: int, last_source: str | None, folder: Path
) -> None:
    """Skip the ``count`` documents committed parts hold, checking they are the same ones."""
    last = None
    skipped = 0
    for item in islice(items, count):
        skipped += 1
        last = item.source
    if skipped < count or last != last_source:
        raise ResumeError(
            f"cannot resume from {folder}: the inputs are not those of the interrupted run"
        )


def _watched(
    outcomes: Iterator[Processed], on_document: Callable[[Processed], None]
) -> Iterator[Processed]:
    for outcome in outcomes:
        on_document(outcome)
        yield outcome


def _without(items: Iterator[ReadItem], outputs: set[Path]) -> Iterator[ReadItem]:
    """``items`` less those read from the run's own output, error or summary file (an output
    written inside an input folder must not be read back by the next run)."""
    seen: dict[str, bool] = {}
    owned = {_real(path) for path in outputs}
    for item in items:
        path = item.origin.path
        if path not in seen:
            seen = {path: _real(path) in owned}  # one file's items are contiguous
        if not seen[path]:
            yield item
