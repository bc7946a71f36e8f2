"""The golden set: small inputs written for the tests, and where their expected articles are.

Each file in ``inputs/`` (a dump ``.txt`` or an HTML page ``.html``) has its expected article,
as its JSON record, in ``expected/<name>.json``. ``regenerate.py`` rewrites the expected files
from the current code; ``test_golden.py`` fails with a readable diff when the output changes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import newscorpus

__all__ = ["EXPECTED_DIR", "GOLDEN_INPUTS", "INPUT_DIR", "expected_path", "record_of", "render"]

GOLDEN_DIR = Path(__file__).resolve().parent
INPUT_DIR = GOLDEN_DIR / "inputs"
EXPECTED_DIR = GOLDEN_DIR / "expected"
#: Every golden input, in name order.
GOLDEN_INPUTS: tuple[Path, ...] = tuple(
    sorted(path for path in INPUT_DIR.iterdir() if path.suffix in {".txt", ".html"})
)


def expected_path(source: Path) -> Path:
    """Where the expected record of the input ``source`` is stored."""
    return EXPECTED_DIR / f"{source.name}.json"


def record_of(source: Path) -> dict[str, Any]:
    """The record of the golden input ``source``, with what depends on the machine or the
    release taken out: its path (the file's name stands for it), the parser's version, and
    the pipeline's fingerprint (it changes with any setting of any step, which the articles
    show where it matters; tests/corpus/test_pipelines.py checks the field)."""
    record = newscorpus.parse(source).to_dict()
    record["source"] = source.name
    record["parser"] = {"name": record["parser"]["name"]}
    del record["pipeline"]
    return record


def render(record: dict[str, Any]) -> str:
    """A record as the expected file holds it: indented JSON, one field a line, so that a
    change of output reads as a small diff."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"
