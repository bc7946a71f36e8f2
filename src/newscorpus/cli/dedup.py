"""``newscorpus dedup CORPUS -o OUT``: mark duplicates, syndicated copies and stories.

The corpus (JSON Lines or Parquet, as the runner writes it) is read twice: once to index every
record (MinHash signatures and story terms, see :mod:`newscorpus.dedup`), once to copy every
record to OUT with ``duplicate_of``, ``syndication_group`` and ``story`` set and ``schema``
raised to the current version; nothing else in a record changes. OUT's format follows its
suffix (``.jsonl``, ``.parquet``), or ``--format``; it is written atomically, and so is its
summary file (``OUT.summary.json``): the input's summary (its run's counts and pipeline) with
the statistics of OUT's records, duplicates and syndication groups now counted, and the
deduplication settings.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from newscorpus.corpus import open_writer, read_corpus
from newscorpus.corpus.corpus import Corpus
from newscorpus.corpus.statistics import CorpusStatistics, summary_path_for, write_summary
from newscorpus.corpus.writers import format_for
from newscorpus.dedup import DedupResult, DedupSettings, find_duplicates
from newscorpus.errors import NewsCorpusError
from newscorpus.models.record import SCHEMA_VERSION

__all__ = ["annotate_records", "register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``dedup`` sub-command to ``commands``."""
    defaults = DedupSettings()
    parser = commands.add_parser(
        "dedup",
        help="mark duplicates, syndicated copies and stories in a corpus",
        description=(
            "Read CORPUS (JSON Lines or Parquet, as 'newscorpus parse -o' writes it) and write "
            "it to OUT with duplicate_of, syndication_group and story set on every record."
        ),
    )
    parser.add_argument("corpus", metavar="CORPUS", help="the corpus to read (.jsonl, .parquet)")
    parser.add_argument("-o", "--output", metavar="OUT", required=True, help="the file to write")
    parser.add_argument(
        "--format", metavar="NAME", help="OUT's format: jsonl or parquet (default: its suffix)"
    )
    parser.add_argument(
        "--overwrite", action="store_true", help="replace OUT if it exists (default: refuse)"
    )
    parser.add_argument(
        "--duplicate-threshold",
        type=float,
        default=defaults.duplicate_threshold,
        metavar="X",
        help="containment at which same-outlet bodies are duplicates (default: %(default)s)",
    )
    parser.add_argument(
        "--syndication-threshold",
        type=float,
        default=defaults.syndication_threshold,
        metavar="X",
        help="containment at which bodies are copies of one text (default: %(default)s)",
    )
    parser.add_argument(
        "--shingle-size",
        type=int,
        default=defaults.shingle_size,
        metavar="N",
        help="words per shingle (default: %(default)s)",
    )
    parser.add_argument(
        "--story-threshold",
        type=float,
        default=defaults.story_threshold,
        metavar="X",
        help="cosine of weighted terms for one story (default: %(default)s)",
    )
    parser.add_argument(
        "--story-window",
        type=float,
        default=defaults.story_window_days,
        metavar="DAYS",
        help="most days between the dates of one story's documents (default: %(default)s)",
    )
    parser.add_argument("--no-stories", action="store_true", help="do not cluster stories")
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def annotate_records(
    records: Iterator[Mapping[str, Any]], result: DedupResult
) -> Iterator[dict[str, Any]]:
    """Each record with the three fields of its id set and ``schema`` made current.

    >>> from newscorpus.dedup import Assignment, DedupResult
    >>> result = DedupResult({"b": Assignment(duplicate_of="a")})
    >>> next(annotate_records(iter([{"schema": 2, "id": "b"}]), result))
    {'schema': 4, 'id': 'b', 'duplicate_of': 'a', 'syndication_group': None, 'story': None}
    """
    for record in records:
        yield {
            **record,
            "schema": SCHEMA_VERSION,
            **result.fields(str(record["id"])).record_fields(),
        }


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Deduplicate the corpus named in ``args``; return the exit status."""
    try:
        settings = DedupSettings(
            shingle_size=args.shingle_size,
            duplicate_threshold=args.duplicate_threshold,
            syndication_threshold=args.syndication_threshold,
            story_threshold=args.story_threshold,
            story_window_days=args.story_window,
            stories=not args.no_stories,
        )
        corpus = read_corpus(args.corpus)
        if os.path.realpath(args.output) == os.path.realpath(args.corpus):
            parser.error("OUT must not be CORPUS (the corpus is read twice)")
        _check_output(args, parser)
        writer = open_writer(args.output, args.format)
    except (ValueError, FileNotFoundError) as error:
        parser.error(str(error))
    try:
        result = find_duplicates(corpus, settings)
        statistics = CorpusStatistics()
        with writer:
            for record in annotate_records(_records(corpus), result):
                writer.write(record)
                statistics.add_record(record)
        _write_summary(args.corpus, writer.path, statistics, settings)
    except NewsCorpusError as error:
        print(f"newscorpus dedup: {args.corpus}: {error.message}", file=sys.stderr)
        return 1
    print(
        f"newscorpus dedup: {result.records} records ({result.documents} distinct ids): "
        f"{result.duplicates} duplicates, {result.syndication_groups} syndication groups, "
        f"{result.stories} stories -> {writer.path}",
        file=sys.stderr,
    )
    return 0


def _check_output(args: argparse.Namespace, parser: argparse.ArgumentParser) -> None:
    """A usage error unless OUT is JSON Lines or Parquet (by ``--format`` or its suffix) and,
    without ``--overwrite``, does not exist yet."""
    try:
        chosen = format_for(args.output, args.format)
    except ValueError:
        chosen = None
    if chosen not in ("jsonl", "parquet"):
        parser.error(
            f"OUT is written as JSON Lines or Parquet: name it .jsonl or .parquet, or pass "
            f"--format jsonl or --format parquet (not {args.output!r})"
        )
    if os.path.lexists(args.output) and not args.overwrite:
        parser.error(f"{args.output}: exists; pass --overwrite to replace it")


def _records(corpus: Corpus) -> Iterator[Mapping[str, Any]]:
    yield from corpus.records()


def _write_summary(
    corpus: str, output: os.PathLike[str], statistics: CorpusStatistics, settings: DedupSettings
) -> None:
    """OUT's summary: the input's (when it has one), with OUT's statistics and the settings."""
    summary: dict[str, Any] = {}
    source = summary_path_for(corpus)
    if source.is_file():
        try:
            summary = dict(json.loads(source.read_text(encoding="utf-8")))
        except (ValueError, TypeError, OSError):
            summary = {}  # an unreadable summary is replaced, not a reason to fail
    summary["output"] = os.fspath(output)
    summary["deduplicated"] = {"input": corpus, "settings": attrs.asdict(settings)}
    summary["statistics"] = statistics.to_json()
    write_summary(summary_path_for(output), summary)
