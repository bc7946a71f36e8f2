"""Every key of ``tests/fixtures/seeds/expected.json``, one test per (seed, key).

The records checked are those ``newscorpus parse <seed>`` prints. Comparisons follow the
``_about`` text of ``expected.json``: strings compare after Unicode NFKC and whitespace
collapsing; site_name, publisher and agency case-insensitively; ``null`` means the field must
be null. A key without a checker here fails, so a new expectation cannot be skipped silently.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
import io
import json
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

import pytest

import newscorpus
from tests.seeds import SEED_DIR, expected

Record = dict[str, Any]


def _cli_records(arguments: list[str]) -> list[Record] | None:
    """The records ``newscorpus.cli.main.main(arguments)`` prints, or None if there is no CLI."""
    try:
        cli = importlib.import_module("newscorpus.cli.main")
    except ModuleNotFoundError as error:
        if error.name not in {"newscorpus.cli", "newscorpus.cli.main"}:
            raise
        return None
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout):
        try:
            status = cli.main(arguments)
        except SystemExit as exit_:
            status = exit_.code
    assert status in (0, None), f"newscorpus {' '.join(arguments)} exited with {status}"
    return [json.loads(line) for line in stdout.getvalue().splitlines() if line.strip()]


@cache
def record_of(seed: str) -> Record:
    """The JSON record of one seed, as ``newscorpus parse`` prints it (parsed once per run)."""
    path = SEED_DIR / seed
    records = _cli_records(["parse", str(path)])
    if records is None:  # no CLI yet: remove this fallback once newscorpus.cli.main exists
        return newscorpus.parse(path).to_dict()
    assert len(records) == 1, f"expected one record for {seed}, got {len(records)}"
    return records[0]


# --- comparisons -------------------------------------------------------------------------------


def norm(text: str) -> str:
    """NFKC, with every run of whitespace collapsed to one space and the ends stripped."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _text(record: Record) -> str:
    return norm(record["text"])


def _same_string(actual: object, wanted: str | None, *, fold: bool = False) -> None:
    if wanted is None:
        assert actual is None, f"must be null (the dump does not say), got {actual!r}"
        return
    assert isinstance(actual, str), f"expected {wanted!r}, got {actual!r}"
    got, want = norm(actual), norm(wanted)
    if fold:
        got, want = got.casefold(), want.casefold()
    assert got == want


def _field(name: str, *, fold: bool = False) -> Callable[[Record, Any], None]:
    def check(record: Record, wanted: Any) -> None:
        _same_string(record[name], wanted, fold=fold)

    return check


def _must_be_non_empty(wanted: list[Any]) -> None:
    if not wanted:
        pytest.skip("an empty list of checks: nothing to check")


def check_published(record: Record, wanted: str | None) -> None:
    actual = record["published"]
    if wanted is None:
        assert actual is None, f"must be null (the dump does not say), got {actual!r}"
        return
    assert actual is not None, f"expected {wanted}, got null"
    want = dt.date.fromisoformat(wanted) if "T" not in wanted else dt.datetime.fromisoformat(wanted)
    got = dt.datetime.fromisoformat(actual) if "T" in actual else dt.date.fromisoformat(actual)
    if not isinstance(want, dt.datetime) and isinstance(got, dt.datetime):
        got = got.date()
    assert got == want


def check_truncated(record: Record, wanted: bool) -> None:
    assert record["truncated"] is wanted


def check_paywall_remaining_fraction(record: Record, wanted: float | None) -> None:
    paywall = record["paywall"]
    if wanted is None:
        assert paywall is None or paywall["remaining_fraction"] is None
        return
    assert paywall is not None, "no paywall notice found"
    assert paywall["remaining_fraction"] == pytest.approx(wanted)


def check_paragraph_count(record: Record, wanted: int) -> None:
    paragraphs = [block["text"] for block in record["blocks"] if block["kind"] == "paragraph"]
    assert len(paragraphs) == wanted, f"paragraphs: {paragraphs}"


def check_headings(record: Record, wanted: list[str]) -> None:
    headings = [norm(block["text"]) for block in record["blocks"] if block["kind"] == "heading"]
    assert headings == [norm(heading) for heading in wanted]


def check_text_starts_with(record: Record, wanted: str) -> None:
    want = norm(wanted)
    assert _text(record)[: len(want)] == want


def check_text_ends_with(record: Record, wanted: str) -> None:
    want = norm(wanted)
    assert _text(record)[-len(want) :] == want


def check_text_must_contain(record: Record, wanted: list[str]) -> None:
    _must_be_non_empty(wanted)
    missing = [s for s in wanted if norm(s) not in _text(record)]
    assert not missing, f"not in the text: {missing}"


def check_text_must_not_contain(record: Record, wanted: list[str]) -> None:
    _must_be_non_empty(wanted)
    present = [s for s in wanted if norm(s) in _text(record)]
    assert not present, f"in the text: {present}"


def check_removed_must_include(record: Record, wanted: list[str]) -> None:
    _must_be_non_empty(wanted)
    removed = {norm(removal["text"]) for removal in record["removed"]}
    missing = [s for s in wanted if norm(s) not in removed]
    assert not missing, f"not an entry of removed: {missing}"


def check_edits(record: Record, wanted: list[dict[str, str]]) -> None:
    if not wanted:  # exact values unless the key says otherwise: no repair was needed
        assert record["edits"] == [], f"unexpected edits: {record['edits']}"
        return
    recorded = [(norm(e["before"]), norm(e["after"])) for e in record["edits"]]
    for pair in wanted:
        before, after = norm(pair["before"]), norm(pair["after"])
        assert before not in _text(record), f"{before!r} is still in the text"
        assert after in _text(record), f"{after!r} is not in the text"
        assert any(before in b and after in a for b, a in recorded), (
            f"no recorded edit shows {before!r} -> {after!r}: {recorded}"
        )


def check_media(record: Record, wanted: list[dict[str, str | None]]) -> None:
    def normalised(media: list[dict[str, Any]]) -> list[tuple[str, str | None]]:
        return [
            (norm(m["caption"]), norm(m["credit"]) if m.get("credit") is not None else None)
            for m in media
        ]

    assert normalised(record["media"]) == normalised(wanted)


CHECKS: dict[str, Callable[[Record, Any], None]] = {
    "title": _field("title"),
    "language": _field("language"),
    "site_name": _field("site_name", fold=True),
    "publisher": _field("publisher", fold=True),
    "agency": _field("agency", fold=True),
    "published": check_published,
    "truncated": check_truncated,
    "paywall_remaining_fraction": check_paywall_remaining_fraction,
    "paragraph_count": check_paragraph_count,
    "headings": check_headings,
    "text_starts_with": check_text_starts_with,
    "text_ends_with": check_text_ends_with,
    "text_must_contain": check_text_must_contain,
    "text_must_not_contain": check_text_must_not_contain,
    "removed_must_include": check_removed_must_include,
    "edits": check_edits,
    "media": check_media,
}

CASES = [
    pytest.param(seed, key, id=f"{seed.split('_')[0]}-{key}")
    for seed, expectations in expected().items()
    if not seed.startswith("_")  # _about documents the file; _corpus is for a later issue
    for key in expectations
]


def test_every_seed_has_expectations() -> None:
    seeds = {path.name for path in SEED_DIR.glob("*.txt")}
    described = {name for name in expected() if not name.startswith("_")}
    assert seeds == described


@pytest.mark.parametrize(("seed", "key"), CASES)
def test_seed(seed: str, key: str) -> None:
    assert key in CHECKS, f"expected.json has a key {key!r} that no check knows"
    CHECKS[key](record_of(seed), expected()[seed][key])
