"""Tables, links and comments survive every corpus format: JSON Lines and typed Parquet."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from newscorpus import Block, Comment
from newscorpus.corpus import open_writer, read_corpus
from tests.render.test_render import ARTICLE

WITH_COMMENTS = attrs.evolve(
    ARTICLE,
    comments=(
        Comment(
            (Block("paragraph", "Nice."),), author="Ann", published=dt.datetime(2024, 3, 3, 17, 4)
        ),
    ),
)


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_tables_links_and_comments_round_trip_through_a_corpus(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    with open_writer(path) as writer:
        writer.write(WITH_COMMENTS.to_dict())
    assert list(read_corpus(path)) == [WITH_COMMENTS]


def test_parquet_holds_rows_and_links_as_typed_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.parquet"
    with open_writer(path) as writer:
        writer.write(WITH_COMMENTS.to_dict())
    blocks = read_corpus(path).to_arrow().column("blocks")[0].as_py()
    assert blocks[7]["rows"][0] == {"cells": ["Item", "2023", "2024"], "header": True}
    assert blocks[0]["links"] == [{"start": 60, "end": 70, "href": "https://example.org/report"}]
