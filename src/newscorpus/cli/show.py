"""``newscorpus show``: one article in the terminal, with all that was removed or repaired."""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

import newscorpus
from newscorpus._deadline import call_with_time_limit
from newscorpus.cli.parse import add_parser_option, check_parser_option
from newscorpus.cli.render import article_view, emit
from newscorpus.corpus.readers import STDIN, open_document
from newscorpus.errors import NewsCorpusError
from newscorpus.limits import DEFAULT_LIMITS
from newscorpus.models.article import Article
from newscorpus.parsing import parse_document

__all__ = ["register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``show`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "show",
        help="show one parsed article, with its removed lines and edits",
        description=(
            "Parse PATH ('-': standard input) and show the article: title and metadata, the "
            "body, media captions, the edits (before → after) and every removed line with its "
            "step and reason."
        ),
    )
    parser.add_argument("path", metavar="PATH", help="the file to parse ('-': standard input)")
    add_parser_option(parser)
    parser.add_argument("--url", metavar="URL", help="the URL the page was captured from")
    parser.add_argument(
        "--no-removed", action="store_true", help="leave out the list of removed blocks"
    )
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Parse the one input named in ``args`` and print it; return the exit status."""
    path = str(args.path)
    check_parser_option(args, parser)
    try:
        article = _parse(path, args.parser, args.url)
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
    emit(article_view(article, removed=not args.no_removed))
    return 0


def _parse(path: str, parser_name: str | None, url: str | None) -> Article:
    if path != STDIN:
        return newscorpus.parse(Path(path), format=parser_name, url=url)
    document = open_document(sys.stdin.buffer, "", source=STDIN)
    if parser_name is not None or url is not None:
        from attrs import evolve

        document = evolve(document, format=parser_name or document.format, url=url)
    seconds = DEFAULT_LIMITS.seconds_per_document
    return call_with_time_limit(lambda: parse_document(document), seconds, STDIN)
