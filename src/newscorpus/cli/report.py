"""``newscorpus report CORPUS -o report.html``: a self-contained HTML page to judge a corpus.

The corpus (JSON Lines, Parquet, or a cluster corpus folder) is read once, streamed; the page
holds its charts as inline SVG and needs nothing else to open (see docs/audit.md). Needs the
``report`` extra (matplotlib).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from pathlib import Path

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``report`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "report",
        help="write a self-contained HTML report to judge a corpus",
        description=(
            "Read CORPUS (a .jsonl or .parquet file, or a cluster corpus folder) and write one "
            "HTML file with no outside references: documents over time, per site and language, "
            "body lengths, what cleaning removed per site and code, paywalls, duplicates, "
            "syndication groups, the largest stories and a sample of documents with their "
            "removed lines. Needs the report extra: pip install 'newscorpus[report]'."
        ),
    )
    parser.add_argument("corpus", metavar="CORPUS", help="the corpus to report on")
    parser.add_argument(
        "-o", "--output", metavar="FILE", required=True, help="the HTML file to write"
    )
    parser.add_argument(
        "--seed", type=int, default=0, metavar="N", help="draws the sample (default: 0)"
    )
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Write the report; return the exit status."""
    from newscorpus.report import write_report

    output = Path(args.output)
    if output.is_dir():
        parser.error(f"cannot write {args.output}: is a directory")
    if not output.absolute().parent.is_dir():
        parser.error(f"cannot write {args.output}: no such folder")
    if os.path.exists(args.corpus) and output.resolve() == Path(args.corpus).resolve():
        parser.error("the report must not overwrite CORPUS")
    try:
        data = write_report(args.corpus, output, seed=args.seed)
    except ValueError as error:  # a corpus line that is not a record
        print(f"newscorpus report: {error}", file=sys.stderr)
        return 1
    print(
        f"newscorpus report: {data.statistics.documents} documents, "
        f"{len(data.sample)} sampled -> {output}",
        file=sys.stderr,
    )
    return 0
