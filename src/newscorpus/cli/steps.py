"""``newscorpus steps``: the default cleaning pipeline's steps, in the order they run, then the
other registered steps (from plugins or code), each with where it comes from."""

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
        help="list the cleaning steps: the default pipeline's, then those of plugins",
        description=(
            "List the steps of the default cleaning pipeline in the order they run, then the "
            "other registered steps (from plugins: entry-point group newscorpus.steps), each "
            "with where it comes from and the first line of its docstring. The 'step' of every "
            "removed line and edit in a record is one of these names; parse --steps and "
            "--without take them."
        ),
    )
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")
    parser.set_defaults(handler=run)


def step_rows() -> list[dict[str, str | int | None]]:
    """Every step as ``{"position", "name", "origin", "description"}``: the default pipeline's
    in order, then the other registered steps (``position`` ``None``). ``origin`` is
    ``builtin``, ``code`` or the entry point a plugin declared.

    >>> step_rows()[0]["position"], step_rows()[0]["origin"]
    (1, 'builtin')
    """
    origins = {entry.name: entry.origin for entry in newscorpus.cleaners}
    rows: list[dict[str, str | int | None]] = [
        {
            "position": position,
            "name": step.name,
            "origin": origins.get(step.name, "code"),
            "description": _summary(step),
        }
        for position, step in enumerate(newscorpus.default_pipeline(), start=1)
    ]
    default = set(newscorpus.DEFAULT_STEPS)
    rows += [
        {
            "position": None,
            "name": entry.name,
            "origin": entry.origin,
            "description": _summary(entry.value),
        }
        for entry in newscorpus.cleaners
        if entry.name not in default
    ]
    return rows


def _summary(step: object) -> str:
    doc = inspect.getdoc(step)
    return doc.strip().splitlines()[0] if doc and doc.strip() else "(no description)"


def run(args: argparse.Namespace) -> int:
    """Print the registered steps; return the exit status."""
    rows = step_rows()
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    cells = (
        [str(row["position"] or "-"), str(row["name"]), str(row["origin"]), str(row["description"])]
        for row in rows
    )
    emit(table(("#", "step", "from", "what it does"), cells))
    return 0
