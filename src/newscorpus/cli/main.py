"""The ``newscorpus`` entry point: argument parsing and dispatch to the command modules.

Exit status: 0 when everything asked for was done, 1 when some input failed (or standard output
could not be written, or a run could not finish), 2 for a usage error (bad arguments, an unknown
format, an output file that cannot be written, a missing optional dependency), 130 when
interrupted and 141 when the reader of standard output went away (``newscorpus parse | head``).

Any :class:`~newscorpus.NewsCorpusError` a command lets through is one line on standard error
(``newscorpus parse: Parquet support needs pyarrow: pip install 'newscorpus[parquet]'``), never
a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import NoReturn, cast

from newscorpus._version import __version__
from newscorpus.cli import cluster, dedup, export, parse, parsers, report, show, steps
from newscorpus.errors import NewsCorpusError, RunFailedError

__all__ = ["EXIT_FAILED", "EXIT_OK", "EXIT_USAGE", "build_parser", "main"]

#: Every input was handled.
EXIT_OK = 0
#: At least one input failed (its error record or message says why).
EXIT_FAILED = 1
#: The command line was wrong; nothing was done (argparse's own status for usage errors).
EXIT_USAGE = 2
_EXIT_INTERRUPTED = 130
_EXIT_BROKEN_PIPE = 141

Handler = Callable[[argparse.Namespace], int]


class _Parser(argparse.ArgumentParser):
    """An argument parser whose usage errors are one line, naming the command and ``--help``
    (argparse's own repeats the whole usage block before every message)."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``newscorpus`` command, with every sub-command registered."""
    parser = _Parser(
        prog="newscorpus",
        description=(
            "Turn scraped news dumps into clean, auditable articles: every removed line and "
            "every repair is kept with its reason."
        ),
        epilog="Run 'newscorpus COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"newscorpus {__version__}")
    commands = parser.add_subparsers(title="commands", dest="command", metavar="COMMAND")
    commands.required = True
    for module in (parse, show, parsers, steps, cluster, dedup, report, export):
        module.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the ``newscorpus`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit
    status instead of exiting, so that tests and other programs can call it.
    """
    parser = build_parser()
    command = "newscorpus"
    try:
        args = parser.parse_args(argv)
        command = f"newscorpus {args.command}"
        handler = cast(Handler, args.handler)
        return handler(args)
    except NewsCorpusError as error:
        print(f"{command}: {error}", file=sys.stderr)
        # A run that could not finish did part of its work; anything else did nothing.
        return EXIT_FAILED if isinstance(error, RunFailedError) else EXIT_USAGE
    except SystemExit as exit_:  # argparse's --help, --version and usage errors
        return _exit_status(exit_.code)
    except KeyboardInterrupt:
        print("newscorpus: interrupted", file=sys.stderr)
        return _EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return _EXIT_BROKEN_PIPE
    except OSError as error:  # writing the output failed (a full disk, say)
        print(f"newscorpus: {error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED


def _exit_status(code: str | int | None) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return EXIT_FAILED


def _silence_stdout() -> None:
    """Point standard output at the null device, so that the interpreter's final flush of a
    closed pipe does not print a second error on the way out."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (captured output, for one)
        pass
