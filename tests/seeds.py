"""The seed dumps in ``tests/fixtures/seeds/`` and what a correct parse of each yields."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["EXPECTED_PATH", "SEED_DIR", "SEED_PATHS", "expected"]

SEED_DIR = Path(__file__).parent / "fixtures" / "seeds"
EXPECTED_PATH = SEED_DIR / "expected.json"
#: Every seed dump, in name order.
SEED_PATHS: tuple[Path, ...] = tuple(sorted(SEED_DIR.glob("*.txt")))


@cache
def expected() -> dict[str, Any]:
    """``expected.json`` as a dict (read once; do not mutate it)."""
    data: dict[str, Any] = json.loads(EXPECTED_PATH.read_text(encoding="utf-8"))
    return data
