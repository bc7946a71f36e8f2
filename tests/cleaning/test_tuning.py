"""Heuristic thresholds live in one place, ``newscorpus/tuning.py``, each with its comment."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "newscorpus"
TUNING = SOURCE / "tuning.py"
#: The packages whose numbers are heuristics: what a line is, where the article is, metadata.
HEURISTIC_PACKAGES = ("cleaning", "metadata", "formats")
#: Numbers in those packages that are facts or bounds of a library, not tuned thresholds.
NOT_HEURISTICS = {
    "metadata/_clock.py": {"_MAX_OFFSET"},  # UTC offsets end at ±14:00
    "metadata/_text.py": {"_CJK_RANGES", "_HANGUL_RANGE"},  # Unicode blocks
    "metadata/_tokens.py": {"NUM", "WORD", "SYM"},  # token kinds
    "formats/html/tree.py": {"_LIBXML2_MAX_DEPTH"},  # libxml2's own limit
    # Decoding thresholds, left for the change that reworks input sniffing (#13).
    "formats/decode.py": {
        "_DETECTION_SAMPLE",
        "_MAX_BROKEN_UTF8_SHARE",
        "_TIE_CHAOS",
        "_TIE_COHERENCE",
        "_MIN_PRINTABLE_SHARE",
    },
}
_CONSTANT = re.compile(r"_?[A-Z][A-Z0-9_]*")


def _is_number(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, int | float) and not isinstance(node.value, bool)
    if isinstance(node, ast.BinOp):
        return _is_number(node.left) and _is_number(node.right)
    if isinstance(node, ast.Tuple):
        return all(_is_number(item) for item in node.elts)
    return False


def _numeric_constants(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and _is_number(node.value):
            targets = [t for target in node.targets for t in ast.walk(target)]
        elif isinstance(node, ast.AnnAssign) and node.value and _is_number(node.value):
            targets = [node.target]
        else:
            continue
        names |= {t.id for t in targets if isinstance(t, ast.Name) and _CONSTANT.fullmatch(t.id)}
    return names


def test_no_heuristic_number_outside_tuning() -> None:
    found = {}
    for package in HEURISTIC_PACKAGES:
        for path in sorted((SOURCE / package).rglob("*.py")):
            where = str(path.relative_to(SOURCE))
            names = _numeric_constants(path) - NOT_HEURISTICS.get(where, set())
            if names:
                found[where] = sorted(names)
    assert found == {}, "move these to newscorpus/tuning.py, with what they were tuned against"


def test_every_tuning_constant_has_its_comment() -> None:
    """Each constant has a ``#:`` comment above it, or follows one it shares a comment with."""
    lines = TUNING.read_text(encoding="utf-8").splitlines()
    bare = []
    for number, line in enumerate(lines):
        if not re.match(r"[A-Z][A-Z0-9_]* = ", line):
            continue
        above = lines[number - 1]
        if not (above.startswith("#:") or re.match(r"[A-Z][A-Z0-9_]* = ", above)):
            bare.append(line)
    assert bare == []


def test_every_tuning_constant_is_used() -> None:
    names = _numeric_constants(TUNING)
    assert len(names) > 100
    paths = [*SOURCE.rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
    source = "\n".join(path.read_text(encoding="utf-8") for path in paths if path != TUNING)
    unused = sorted(name for name in names if not re.search(rf"\b{name}\b", source))
    assert unused == []
