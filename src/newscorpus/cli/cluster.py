"""``newscorpus cluster``: parse a corpus on a Dask cluster into a partitioned Parquet folder.

Without ``--scheduler`` a local cluster of ``--workers`` processes is started for the run and
closed after it; with ``--scheduler tcp://host:8786`` the run goes to that cluster. Needs the
``dask`` extra. See ``docs/cluster.md``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Any

from newscorpus.cli.parse import add_language_option, add_parser_option, check_parser_option
from newscorpus.cli.pipeline import add_pipeline_options, pipeline_from
from newscorpus.errors import MissingDependencyError

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cluster`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "cluster",
        help="parse a corpus on a Dask cluster into a partitioned Parquet folder",
        description=(
            "Parse every document of the inputs (files, folders, globs, archives, JSON Lines, "
            "WARC; local paths or fsspec URLs such as s3://bucket/crawl/) on a Dask cluster "
            "into OUTDIR: part-NNNNN.parquet files with the record schema, error entries in "
            "OUTDIR/_errors/. Needs the dask extra: pip install 'newscorpus[dask]'."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="INPUT", help="files, folders or globs")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="corpus folder")
    parser.add_argument(
        "--scheduler", metavar="ADDRESS", help="an existing scheduler (tcp://host:8786)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=None,
        metavar="N",
        help="worker processes of the local cluster (default: the number of CPUs)",
    )
    parser.add_argument(
        "--partition-size",
        default="32 MiB",
        metavar="SIZE",
        help="input bytes per partition, e.g. '64 MiB' (default: 32 MiB)",
    )
    add_parser_option(parser)
    add_language_option(parser)
    parser.add_argument(
        "--resume", action="store_true", help="keep the partitions an interrupted run wrote"
    )
    add_pipeline_options(parser)
    parser.set_defaults(handler=run, argument_parser=parser)


def run(args: argparse.Namespace) -> int:
    """Run the command; return the exit status (1 when some document failed)."""
    parser: argparse.ArgumentParser = args.argument_parser
    check_parser_option(args, parser)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.workers is not None and args.scheduler:
        parser.error("--workers starts a local cluster; it does not go with --scheduler")
    pipeline = pipeline_from(args, parser)
    try:
        from newscorpus.cluster import partition_bytes, require_distributed, run_on_dask

        distributed = require_distributed()
        size = partition_bytes(args.partition_size)
    except MissingDependencyError as error:
        print(f"newscorpus cluster: {error}", file=sys.stderr)
        return 2
    except ValueError as error:
        parser.error(f"--partition-size: {error}")
    cluster: Any = None
    if args.scheduler:
        client = distributed.Client(args.scheduler)
    else:
        cluster = distributed.LocalCluster(
            n_workers=args.workers or os.cpu_count() or 1,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.CRITICAL,  # a failed task is reported once, in one line
        )
        client = distributed.Client(cluster)
    # Workers in this process would log each failed task with its traceback; the run's
    # RunFailedError names the failed partitions in one line instead.
    quiet = logging.getLogger("distributed")
    level = quiet.level
    quiet.setLevel(logging.CRITICAL)
    try:
        summary = run_on_dask(
            args.paths,
            args.output,
            client=client,
            partition_size=size,
            parse_format=args.parser,
            pipeline=pipeline,
            languages=args.language,
            resume=args.resume,
        )
    except ValueError as error:
        print(f"newscorpus cluster: {error}", file=sys.stderr)
        return 2
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
        quiet.setLevel(level)
    resumed = f", {summary.resumed} partitions from the resumed run" if summary.resumed else ""
    errors = f"; errors in {summary.errors}" if summary.failed else ""
    left_out = f", {summary.filtered} filtered by language" if args.language is not None else ""
    print(
        f"newscorpus cluster: {summary.read} read, {summary.written} written, "
        f"{summary.failed} failed{left_out} in {summary.partitions} partitions{resumed} "
        f"(records in {summary.output}{errors})",
        file=sys.stderr,
    )
    return 1 if summary.failed else 0
