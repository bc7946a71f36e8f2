"""Every reason code the library emits or spells is in the table of docs/cleaning.md, and every
code there is one the library can emit."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import newscorpus
from newscorpus import Edit, Removal
from newscorpus.cleaning import DEFAULT_STEPS
from tests.golden.cases import GOLDEN_INPUTS
from tests.seeds import SEED_PATHS

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "src" / "newscorpus"
#: The inputs that need no dev set: the seed dumps, the golden set and the examples' dumps.
INPUTS = (*SEED_PATHS, *GOLDEN_INPUTS, *sorted((ROOT / "examples" / "dumps").glob("*.txt")))
#: What may stand before the dot of a code: a step's name, or a parser's for a parser's edits
#: ("parser" for the repair every document gets before its parser: lone surrogates).
OWNERS = frozenset(DEFAULT_STEPS) | frozenset(newscorpus.parsers.names()) | {"parser"}
CODE = re.compile(r"(?P<owner>[a-z][a-z0-9_-]*)\.(?P<kind>[a-z][a-z0-9-]*)")


@cache
def documented() -> dict[str, str]:
    """The code table of docs/cleaning.md: each code and the step column of its row."""
    text = (ROOT / "docs" / "cleaning.md").read_text(encoding="utf-8")
    section = text.split("## Reason codes", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([^`]+)` \| ([^|]+) \|", section, re.MULTILINE)
    return dict(rows)


def _source_codes() -> Iterator[tuple[str, str]]:
    """Every string literal in the source that has the shape of a code with a known owner."""
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                match = CODE.fullmatch(node.value)
                if match and match["owner"] in OWNERS and match["kind"] not in {"py", "json"}:
                    yield node.value, str(path.relative_to(ROOT))


def test_the_table_is_found_and_well_formed() -> None:
    codes = documented()
    assert len(codes) > 30
    for code, owner in codes.items():
        match = CODE.fullmatch(code)
        assert match, f"{code!r} is not of the form step.kind"
        assert match["owner"] in OWNERS, f"{code!r} does not start with a step's or parser's name"
        assert match["owner"] in owner, f"{code!r} is listed under {owner.strip()!r}"


def test_every_code_in_the_source_is_documented() -> None:
    missing = {code: where for code, where in _source_codes() if code not in documented()}
    assert not missing, f"codes missing from the table in docs/cleaning.md: {missing}"


def test_every_documented_code_is_in_the_source() -> None:
    spelled = {code for code, _ in _source_codes()}
    assert set(documented()) - spelled == set(), "rows of the table no code in the source has"


@pytest.mark.parametrize("path", INPUTS, ids=[path.name for path in INPUTS])
def test_every_code_emitted_is_documented(path: Path) -> None:
    article = newscorpus.parse(path)
    entries: list[Removal | Edit] = [*article.removed, *article.edits]
    for entry in entries:
        assert entry.code in documented(), f"{entry.code!r} ({entry.reason!r}) is not documented"
        owner = entry.code.split(".")[0]
        assert owner == entry.step or (entry.step == "parser" and owner == article.parser.name)


def test_the_inputs_emit_nearly_every_code() -> None:
    """The inputs are worth checking: together they emit every code in the table but those
    no input can reach (the step tests build them by hand)."""
    emitted: set[str] = set()
    for path in INPUTS:
        article = newscorpus.parse(path)
        emitted |= {removal.code for removal in article.removed}
        emitted |= {edit.code for edit in article.edits}
    # zones marks an aside only after a run of prose worth more than the gap before it, which
    # a maximum-sum run already takes in: boilerplate.aside is tested in test_boilerplate.py.
    # The trust codes need inputs no seed holds (a soft hyphen, a lone surrogate, a footer
    # invitation): tests/test_text_kept.py, tests/hostile/test_sniffing.py, tests/test_paywall.py.
    unreached = {"normalize.invisible", "parser.lone-surrogate", "paywall.prompt"}
    assert set(documented()) - emitted == {"boilerplate.aside", *unreached}
