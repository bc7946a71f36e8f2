"""``newscorpus parsers``: the registered parsers, built-in and plugins."""

from __future__ import annotations

import argparse
import json

import newscorpus
from newscorpus.cli.render import emit, table

__all__ = ["parser_rows", "register", "run"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parsers`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "parsers",
        help="list the registered parsers",
        description="List the registered parsers (built-in and plugins): name, version, origin.",
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.set_defaults(handler=run)


def parser_rows() -> list[dict[str, str]]:
    """Every registered parser as ``{"name", "version", "origin"}``, in registration order.

    >>> parser_rows()[0]["name"]
    'dump'
    """
    return [
        {
            "name": registration.name,
            "version": str(getattr(registration.value, "version", "?")),
            "origin": registration.origin,
        }
        for registration in newscorpus.parsers
    ]


def run(args: argparse.Namespace) -> int:
    """Print the registered parsers; return the exit status."""
    rows = parser_rows()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    headers = ("name", "version", "origin")
    emit(table(headers, ([row[h] for h in headers] for row in rows)))
    return 0
