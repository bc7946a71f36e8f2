"""The command line's pipeline options: ``--steps a,b,c``, ``--without STEP``, ``--comments``.

Both name steps of the ``cleaners`` registry (built-in or from a plugin; ``newscorpus steps``
lists them). Without either option a run cleans with the default pipeline.
"""

from __future__ import annotations

import argparse

import newscorpus
from newscorpus.cleaning import Pipeline, default_pipeline
from newscorpus.errors import NewsCorpusError
from newscorpus.parsing import with_comments

__all__ = ["add_pipeline_options", "pipeline_from"]


def add_pipeline_options(parser: argparse.ArgumentParser) -> None:
    """Add ``--steps`` and ``--without`` to ``parser``."""
    group = parser.add_argument_group("cleaning pipeline (see: newscorpus steps)")
    group.add_argument(
        "--steps",
        metavar="A,B,C",
        help="clean with exactly these registered steps, in this order (default: the default "
        "pipeline)",
    )
    group.add_argument(
        "--without",
        action="append",
        default=[],
        metavar="STEP",
        help="leave STEP out of the pipeline (repeatable)",
    )
    group.add_argument(
        "--comments",
        action="store_true",
        help="keep reader comments in each record's comments list (apart from the body)",
    )


def pipeline_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Pipeline | None:
    """The pipeline ``--steps`` and ``--without`` describe, or ``None`` for the default one.

    An unknown step name is a usage error (exit status 2) listing the known ones.

    >>> parser = argparse.ArgumentParser()
    >>> add_pipeline_options(parser)
    >>> pipeline_from(parser.parse_args([]), parser) is None
    True
    >>> pipeline_from(parser.parse_args(["--steps", "normalize,debris"]), parser).names
    ['normalize', 'debris']
    >>> "debris" in pipeline_from(parser.parse_args(["--without", "debris"]), parser).names
    False
    >>> pipeline_from(parser.parse_args(["--comments"]), parser).names[-1]
    'comments'

    """
    steps: str | None = args.steps
    without: list[str] = args.without
    if steps is None and not without:
        return with_comments(None) if args.comments else None
    try:
        if steps is None:
            pipeline = default_pipeline()
        else:
            names = [name.strip() for name in steps.split(",") if name.strip()]
            if not names:
                parser.error("--steps needs at least one step name")
            pipeline = Pipeline(_build(name) for name in names)
        pipeline = pipeline.without(*without) if without else pipeline
        return with_comments(pipeline) if args.comments else pipeline
    except NewsCorpusError as error:
        parser.error(f"{error.message} (see: newscorpus steps)")


def _build(name: str) -> newscorpus.Step:
    return newscorpus.cleaners.get(name)()
