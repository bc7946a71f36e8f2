"""Rewrite the golden set's expected articles from the current code.

Run from the repository root after a change of behaviour, then review the diff of
``tests/golden/expected/`` before committing it:

    PYTHONPATH=src python tests/golden/regenerate.py          # rewrite every expected file
    PYTHONPATH=src python tests/golden/regenerate.py --check  # exit 1 if any would change
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # run as a script: find `tests`

from tests.golden.cases import EXPECTED_DIR, GOLDEN_INPUTS, expected_path, record_of, render


def main() -> int:
    """Rewrite (or, with --check, compare) every expected file; remove stale ones."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 on a change")
    args = parser.parse_args()
    EXPECTED_DIR.mkdir(exist_ok=True)
    changed = []
    for source in GOLDEN_INPUTS:
        path = expected_path(source)
        text = render(record_of(source))
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(path.name)
            if not args.check:
                path.write_text(text, encoding="utf-8")
    wanted = {expected_path(source) for source in GOLDEN_INPUTS}
    for stale in sorted(set(EXPECTED_DIR.glob("*.json")) - wanted):
        changed.append(f"{stale.name} (stale)")
        if not args.check:
            stale.unlink()
    verb = "would change" if args.check else "rewritten"
    print(f"{len(GOLDEN_INPUTS)} golden inputs; {verb}: {', '.join(changed) or 'none'}")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
