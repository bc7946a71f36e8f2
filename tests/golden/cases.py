"""The golden set: small inputs written for the tests, and where their expected articles are.

Each file in ``inputs/`` (a dump ``.txt`` or an HTML page ``.html``) has its expected article,
as its JSON record, in ``expected/<name>.json``. ``regenerate.py`` rewrites the expected files
from the current code; ``test_golden.py`` fails with a readable diff when the output changes.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["EXPECTED_DIR", "GOLDEN_INPUTS", "INPUT_DIR", "expected_path"]

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
