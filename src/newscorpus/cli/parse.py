"""``newscorpus parse``: parse documents into article records, to stdout or into a corpus file.

Inputs are anything :func:`~newscorpus.corpus.read_documents` reads: files, folders (every
non-hidden file under them, sorted), glob patterns, compressed files, zip and tar archives, JSON
Lines and CSV exports, WARC files. Every document is parsed in ``--jobs`` worker processes
(:mod:`newscorpus.corpus.workers`; a crash or an overrun of ``--time-limit`` fails that one
document) and gives one outcome, in input order:

* to **standard output** (no ``-o``): one JSON line each, the article's record
  (:meth:`newscorpus.Article.to_dict`) or an *error record* in its place::

      {"schema": 4, "source": "missing.txt",
       "error": {"type": "FileNotFoundError", "message": "...", "internal": false}}

  ``type`` is the exception's class name, ``message`` says what went wrong, and ``internal`` is
  true only for an unexpected exception inside newscorpus: a bug worth reporting. A consumer
  tells the two kinds of line apart by the ``error`` key;
* into a **corpus** (``-o corpus.jsonl``, ``.parquet`` or ``.csv``): the corpus runner
  (:func:`~newscorpus.corpus.run_corpus`) writes the records to the file and every failure to
  the error file beside it (``corpus.parquet.errors.jsonl``), commits its work in parts so
  that ``--resume`` goes on after an interruption, and shows progress on a terminal. An
  existing output is replaced only with ``--overwrite``; an input is never the output.

A summary goes to standard error. Exit status: 0 when every document parsed, 1 when any failed,
2 for usage errors.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

from attrs import evolve

import newscorpus
from newscorpus.cleaning import Pipeline
from newscorpus.cli.limits import add_limit_options, limits_from
from newscorpus.cli.pipeline import add_pipeline_options, pipeline_from
from newscorpus.cli.progress import Progress
from newscorpus.corpus.languages import LanguageFilter
from newscorpus.corpus.origin import ReadDocument, ReadItem
from newscorpus.corpus.readers import read_documents
from newscorpus.corpus.runner import DEFAULT_PART_SIZE, check_output, run_corpus
from newscorpus.corpus.workers import Processed, processed
from newscorpus.corpus.writers import encode_line, format_for
from newscorpus.errors import NewsCorpusError, OutputError
from newscorpus.limits import Limits

__all__ = [
    "EmptyBodies",
    "add_language_option",
    "add_parser_option",
    "check_parser_option",
    "error_record",
    "jobs_count",
    "register",
    "run",
    "usable_cpus",
]


class _Sink(Protocol):
    """Where records go: a binary stream."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "parse",
        help="parse documents into article records (stdout, or a corpus file with -o)",
        description=(
            "Parse every document in the INPUTs (files, folders, globs, compressed files, zip "
            "and tar archives, JSON Lines and CSV exports, WARC files). Without -o, print one "
            "JSON line per document: its record, or an error record "
            '({"schema": ..., "source": ..., "error": {"type": ..., "message": ..., '
            '"internal": ...}}). With -o, write a corpus (JSON Lines, Parquet or CSV, by '
            "suffix) and every failure to the error file beside it. The run goes on past "
            "failures. Exit status: 0 if every document parsed, 1 if any failed, 2 for usage "
            "errors."
        ),
    )
    parser.add_argument(
        "paths", nargs="+", metavar="INPUT", help="what to read ('-': standard input)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help=(
            "write a corpus to FILE (.jsonl, .parquet or .csv; written only once the run is "
            "complete, and only if it holds a record) and failures to its error file "
            "(FILE.errors.jsonl)"
        ),
    )
    parser.add_argument(
        "--overwrite",
        action="store_true",
        help="replace FILE and its error file if they exist (default: refuse)",
    )
    add_parser_option(parser)
    parser.add_argument(
        "--url", metavar="URL", help="the URL the page was captured from (one file input only)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=jobs_count,
        metavar="N",
        default=1,
        help="parse in N worker processes (default 1; auto: one per CPU this process may use; "
        "0: in this process, for debugging)",
    )
    add_language_option(parser)
    parser.add_argument(
        "--resume",
        action="store_true",
        help="go on from the parts an interrupted run to the same -o FILE committed",
    )
    parser.add_argument(
        "--part-size",
        type=int,
        default=DEFAULT_PART_SIZE,
        metavar="N",
        help=f"documents per committed part of a run with -o (default {DEFAULT_PART_SIZE})",
    )
    add_pipeline_options(parser)
    add_limit_options(parser)
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def add_parser_option(parser: argparse.ArgumentParser) -> None:
    """The option that forces a parser, under one name in every command (``--format`` names
    an output format wherever it appears)."""
    parser.add_argument(
        "-p",
        "--parser",
        metavar="NAME",
        help="parse every input with this parser (dump, html...; default: detect)",
    )


def check_parser_option(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """A usage error when ``--parser`` names no registered parser."""
    if args.parser is not None and args.parser not in newscorpus.parsers:
        known = ", ".join(newscorpus.parsers.names())
        parser.error(f"unknown parser {args.parser!r} (known: {known})")


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Parse every document named in ``args`` and write the outcomes; return the exit status."""
    check_parser_option(args, parser)
    if args.paths.count("-") > 1:
        parser.error("standard input ('-') can be read once")
    if args.url is not None and (len(args.paths) != 1 or os.path.isdir(args.paths[0])):
        parser.error("--url names the capture of one page; give exactly one file with it")
    if args.jobs < 0:
        parser.error("--jobs must be at least 0")
    if args.part_size < 1:
        parser.error("--part-size must be at least 1")
    limits = limits_from(args, parser)
    pipeline = pipeline_from(args, parser)
    if args.output is None or args.output == "-":
        if args.resume:
            parser.error("--resume goes on with a run to -o FILE")
        return _to_stdout(args, limits, pipeline)
    return _to_corpus(args, limits, pipeline, parser=parser)


def jobs_count(value: str) -> int:
    """``--jobs``: a number of worker processes, or ``auto`` for one per usable CPU.

    >>> jobs_count("3"), jobs_count("auto") >= 1
    (3, True)
    """
    if value.strip().lower() == "auto":
        return usable_cpus()
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number or 'auto': {value!r}") from None


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity where the system says, as in a
    container limited to some cores), at least one."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--language CODES`` (a :class:`~newscorpus.corpus.LanguageFilter`) to ``parser``."""
    parser.add_argument(
        "--language",
        type=_language_filter,
        metavar="CODES",
        help="keep only articles in these languages (ISO 639-1 codes, comma-separated: de,fr; "
        "und for unknown); the others are counted as filtered, not failed",
    )


def _language_filter(value: str) -> LanguageFilter:
    try:
        return LanguageFilter.parse(value)
    except NewsCorpusError as error:
        raise argparse.ArgumentTypeError(error.message) from None


def _items(args: argparse.Namespace, limits: Limits) -> Iterator[ReadItem]:
    url: str | None = args.url
    for item in read_documents(args.paths, limits=limits):
        if url is not None and isinstance(item, ReadDocument):
            yield evolve(item, document=evolve(item.document, url=url))
        else:
            yield item


def _to_stdout(args: argparse.Namespace, limits: Limits, pipeline: Pipeline | None) -> int:
    sys.stdout.flush()
    stream = _binary_stdout()
    parsed = failed = filtered = 0
    languages: LanguageFilter | None = args.language
    outcomes = processed(
        _items(args, limits),
        jobs=args.jobs,
        parse_format=args.parser,
        pipeline=pipeline,
        time_limit=limits.seconds_per_document,
    )
    empty = EmptyBodies()
    for outcome in outcomes:
        empty(outcome)
        if outcome.failed:
            failed += 1
            record = error_record(json.loads(outcome.line))
            _report(record)
            stream.write(encode_line(record))
        elif languages is not None and not languages.keeps(_language_of(outcome)):
            filtered += 1
        else:
            parsed += 1
            stream.write(outcome.line)
    stream.flush()
    left_out = f", {filtered} filtered by language" if languages is not None else ""
    print(f"newscorpus parse: {parsed} parsed, {failed} failed{left_out}", file=sys.stderr)
    empty.report()
    return 1 if failed else 0


def _language_of(outcome: Processed) -> str | None:
    return outcome.facts.language if outcome.facts is not None else None


class EmptyBodies:
    """Counts the records whose body came out empty (flagged ``empty-body``) as they go by,
    keeping the first few sources, for the run's summary."""

    #: Sources named in the summary.
    SHOWN = 3

    def __init__(self, then: Callable[[Processed], None] | None = None) -> None:
        self.count = 0
        self.sources: list[str] = []
        self._then = then

    def __call__(self, outcome: Processed) -> None:
        if outcome.facts is not None and outcome.facts.empty:
            self.count += 1
            if len(self.sources) < self.SHOWN:
                self.sources.append(outcome.source)
        if self._then is not None:
            self._then(outcome)

    def report(self) -> None:
        """One line on stderr when some body was empty."""
        if self.count:
            more = ", ..." if self.count > len(self.sources) else ""
            print(
                f"newscorpus parse: {self.count} empty bodies, flagged empty-body "
                f"({', '.join(self.sources)}{more})",
                file=sys.stderr,
            )


def _to_corpus(
    args: argparse.Namespace,
    limits: Limits,
    pipeline: Pipeline | None,
    *,
    parser: argparse.ArgumentParser,
) -> int:
    output: str = args.output
    if args.url is not None:
        parser.error("--url names the capture of one page; it goes with standard output, not -o")
    target = Path(output)
    if target.is_dir():
        parser.error(f"cannot write {output}: is a directory")
    if not target.absolute().parent.is_dir():
        parser.error(f"cannot write {output}: no such folder")
    try:
        format_for(target)
        check_output(args.paths, target, overwrite=args.overwrite or args.resume)
    except OutputError as error:
        parser.error(f"{error.source}: {error.message}")
    except ValueError as error:
        parser.error(str(error))
    progress = Progress(args.paths)
    empty = EmptyBodies(progress)
    try:
        summary = run_corpus(
            args.paths,
            target,
            jobs=args.jobs,
            resume=args.resume,
            overwrite=args.overwrite,
            parse_format=args.parser,
            pipeline=pipeline,
            part_size=args.part_size,
            limits=limits,
            on_document=empty,
            on_open=progress.opened,
            languages=args.language,
        )
    except NewsCorpusError:
        raise  # one line, from the entry point
    except ValueError as error:
        print(f"newscorpus parse: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        print(
            f"newscorpus parse: cannot write {output}: {error.strerror or error}", file=sys.stderr
        )
        return 1
    finally:
        progress.stop()
    resumed = f", {summary.resumed} from the resumed run" if summary.resumed else ""
    errors = f"; errors in {summary.errors}" if summary.failed else ""
    left_out = f", {summary.filtered} filtered by language" if args.language is not None else ""
    where = f"records in {output}" if summary.written else f"no record: {output} not written"
    print(
        f"newscorpus parse: {summary.read} read, {summary.written} written, "
        f"{summary.failed} failed{left_out}{resumed} ({where}{errors})",
        file=sys.stderr,
    )
    empty.report()
    return 1 if summary.failed or not summary.written else 0


def error_record(entry: dict[str, Any]) -> dict[str, Any]:
    """The line that stands for a failed document in a stream of article records, made from
    its error entry (:func:`~newscorpus.corpus.outcomes.error_outcome`).

    >>> from newscorpus.corpus import Origin, error_outcome
    >>> entry = error_outcome(Origin("gone.txt"), "FileNotFoundError", "no such file")
    >>> error_record(entry["error"])["error"]
    {'type': 'FileNotFoundError', 'message': 'no such file', 'internal': False}
    """
    return {
        "schema": newscorpus.SCHEMA_VERSION,
        "source": entry["source"],
        "error": {
            "type": entry["error"],
            "message": entry["message"],
            "internal": entry["internal"],
        },
    }


def _report(record: dict[str, Any]) -> None:
    error = record["error"]
    if error["internal"]:
        note = (
            f"unexpected {error['type']}: {error['message']} "
            "(a bug in newscorpus: please report it)"
        )
    else:
        note = f"{error['message']} ({error['type']})"
    print(f"newscorpus parse: {record['source']}: {note}", file=sys.stderr)


def _binary_stdout() -> _Sink:
    buffer: _Sink | None = getattr(sys.stdout, "buffer", None)
    return buffer if buffer is not None else _TextAsBinary()


class _TextAsBinary:
    """Stdout replaced by a text-only stream (some notebooks and IDEs): decode and write."""

    def write(self, data: bytes) -> int:
        return sys.stdout.write(data.decode("utf-8"))

    def flush(self) -> None:
        sys.stdout.flush()
