"""Suspicious results are kept but flagged (#13 items 3 and 16): an empty body gets an
``empty-body`` warning, counted with its first sources in the run summary; attributes past
``max_attributes`` are dropped before libxml2 sees them, and counted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

import newscorpus
from newscorpus import Article, ArticleWarning, Limits
from newscorpus.cli.main import main

STORY = (
    "The council met on Monday evening to vote on the budget for the coming year, and the "
    "members argued for hours about the library and the roads before they agreed.\n"
)


def _codes(article: Article) -> list[str]:
    return [warning.code for warning in article.warnings]


def test_an_empty_body_is_kept_and_flagged() -> None:
    article = newscorpus.parse("Share this\n\nFollow us\n")
    assert article.text == ""
    assert _codes(article) == ["empty-body"]
    assert _codes(newscorpus.parse(STORY)) == []
    again = newscorpus.from_dict(article.to_dict())
    assert again.warnings == article.warnings
    assert article.to_dict()["warnings"] == [
        {"code": "empty-body", "message": "nothing was left in the body after cleaning"}
    ]


def test_older_records_read_with_no_warning() -> None:
    record = newscorpus.parse(STORY).to_dict()
    del record["warnings"]
    record["schema"] = 3
    assert newscorpus.from_dict(record).warnings == ()


def test_the_run_summary_counts_empty_bodies_and_names_the_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for number in range(5):
        (tmp_path / f"empty{number}.txt").write_text("Share this\n")
    (tmp_path / "story.txt").write_text(STORY)
    output = tmp_path / "out" / "c.jsonl"
    output.parent.mkdir()
    assert main(["parse", str(tmp_path), "-o", str(output), "-j", "0"]) == 0
    err = capsys.readouterr().err
    assert "5 empty bodies, flagged empty-body" in err
    assert "empty0.txt" in err
    assert "empty4.txt" not in err  # the first few only


def test_attributes_past_the_bound_are_dropped_and_counted() -> None:
    attributes = " ".join(f'data-a{number}="{number}"' for number in range(20_000))
    page = f"<html><body><article {attributes}><p>{STORY}</p></article></body></html>"
    started = time.monotonic()
    article = newscorpus.parse(page)
    assert time.monotonic() - started < 30  # unbounded, libxml2 alone takes far longer
    assert "The council met" in article.text
    [warning] = article.warnings
    assert warning.code == "attributes-dropped"
    assert warning.message.startswith("19000 attributes dropped")
    unbounded = newscorpus.parse(f"<p a=1 b=2 c=3>{STORY}</p>", limits=Limits(max_attributes=None))
    assert unbounded.warnings == ()
    bounded = newscorpus.parse(f"<p a=1 b=2 c=3>{STORY}</p>", limits=Limits(max_attributes=1))
    assert bounded.warnings == (
        ArticleWarning(
            "attributes-dropped",
            "2 attributes dropped from elements with more than max_attributes (1)",
        ),
    )
