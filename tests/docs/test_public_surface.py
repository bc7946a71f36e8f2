"""The top-level namespace: what users reach for, each name on the API map, no internals."""

from __future__ import annotations

import re
from pathlib import Path

import newscorpus

MAP = Path(__file__).resolve().parents[2] / "docs" / "api" / "newscorpus.md"


def test_every_top_level_name_is_on_the_api_map() -> None:
    text = MAP.read_text(encoding="utf-8")
    table = text.split("## Every top-level name", 1)[1]
    listed = set(re.findall(r"`(\w+)`", table))
    errors = {name for name in newscorpus.__all__ if name.endswith("Error")}
    missing = [name for name in newscorpus.__all__ if name not in listed | errors]
    assert missing == []


def test_what_users_reach_for_is_at_the_top_level() -> None:
    for name in (
        "parse",
        "Article",
        "from_dict",
        "Corpus",
        "read_corpus",
        "read_documents",
        "run_corpus",
        "open_writer",
        "JsonLinesWriter",
        "ParquetWriter",
        "CsvWriter",
        "Limits",
        "NewsCorpusError",
        "find_duplicates",
    ):
        assert name in newscorpus.__all__, name


def test_no_internals_or_benchmark_switches_at_the_top_level() -> None:
    assert "clear_caches" not in newscorpus.__all__
    assert not [
        name for name in newscorpus.__all__ if name.startswith("_") and name != "__version__"
    ]
