"""The golden set: each stored input still gives its stored article, or the test shows the diff.

A change of behaviour shows here as a reviewed diff: run ``tests/golden/regenerate.py``, read
``git diff tests/golden/expected``, and commit the new expected files with the change.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from tests.golden.cases import EXPECTED_DIR, GOLDEN_INPUTS, expected_path, record_of, render


def test_the_golden_set_covers_both_parsers() -> None:
    parsers = {record_of(source)["parser"]["name"] for source in GOLDEN_INPUTS}
    assert len(GOLDEN_INPUTS) >= 20
    assert parsers == {"dump", "html"}


def test_every_expected_file_has_its_input() -> None:
    wanted = {expected_path(source) for source in GOLDEN_INPUTS}
    assert set(EXPECTED_DIR.glob("*.json")) == wanted


@pytest.mark.parametrize("source", GOLDEN_INPUTS, ids=[source.name for source in GOLDEN_INPUTS])
def test_the_output_is_the_stored_article(source: Path) -> None:
    path = expected_path(source)
    assert path.exists(), f"no expected file: run tests/golden/regenerate.py ({path.name})"
    expected = path.read_text(encoding="utf-8")
    got = render(record_of(source))
    if got != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                got.splitlines(keepends=True),
                fromfile=f"expected/{path.name}",
                tofile="now",
            )
        )
        pytest.fail(
            f"{source.name} gives another article (if intended, run tests/golden/"
            f"regenerate.py and review the diff):\n{diff}",
            pytrace=False,
        )
