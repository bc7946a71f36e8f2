"""``newscorpus steps``: the default cleaning pipeline's steps, in the order they run."""

from __future__ import annotations

import argparse
import inspect
import json

import newscorpus
from newscorpus.cli.render import emit, table

__all__ = ["register", "run", "step_rows"]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``steps`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "steps",
        help="list the default cleaning pipeline's steps",
        description=(
            "List the steps of the default cleaning pipeline in the order they run, each with "
            "the first line of its docstring. The 'step' of every removed line and edit in a "
            "record is one of these names."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.set_defaults(handler=run)


def step_rows() -> list[dict[str, str | int]]:
    """The default pipeline's steps as ``{"position", "name", "description"}``, in order.

    >>> step_rows()[0]["position"]
    1
    """
    return [
        {"position": position, "name": step.name, "description": _summary(step)}
        for position, step in enumerate(newscorpus.default_pipeline(), start=1)
    ]


def _summary(step: object) -> str:
    doc = inspect.getdoc(step)
    return doc.strip().splitlines()[0] if doc and doc.strip() else "(no description)"


def run(args: argparse.Namespace) -> int:
    """Print the default pipeline's steps; return the exit status."""
    rows = step_rows()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    headers = ("position", "name", "description")
    emit(table(("#", "step", "what it does"), ([str(row[h]) for h in headers] for row in rows)))
    return 0
