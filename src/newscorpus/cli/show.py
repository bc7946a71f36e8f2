"""``newscorpus show``: one article in the terminal, with all that was removed or repaired."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

import newscorpus
from newscorpus.cli.render import article_view, emit
from newscorpus.errors import NewsCorpusError

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "show",
        help="show one parsed article, with its removed lines and edits",
        description=(
            "Parse PATH and show the article: title and metadata, the body, media captions, "
            "the edits (before → after) and every removed line with its step and reason."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the file to parse")
    parser.add_argument(
        "-f", "--format", metavar="NAME", help="parse as this format (default: detect)"
    )
    parser.add_argument("--url", metavar="URL", help="the URL the page was captured from")
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Parse the one input named in ``args`` and print it; return the exit status."""
    path = str(args.path)
    format_: str | None = args.format
    if format_ is not None and format_ not in newscorpus.parsers:
        known = ", ".join(newscorpus.parsers.names())
        parser.error(f"unknown format {format_!r} (known: {known})")
    try:
        article = newscorpus.parse(Path(path), format=format_, url=args.url)
    except NewsCorpusError as error:
        print(f"newscorpus show: {path}: {error.message} ({type(error).__name__})", file=sys.stderr)
        return 1
    except Exception as error:  # a bug in a parser or step: say so, without a traceback
        print(
            f"newscorpus show: {path}: unexpected {type(error).__name__}: {error} "
            "(a bug in newscorpus: please report it)",
            file=sys.stderr,
        )
        return 1
    emit(article_view(article))
    return 0
