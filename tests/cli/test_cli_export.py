"""``newscorpus export``: one Markdown or text file per article, or one file for all."""

from __future__ import annotations

from pathlib import Path

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.corpus.writers import open_writer
from newscorpus.render import file_name

TEXTS = (
    "Budget vote put off\n\nThe council met on Monday to vote on the budget, and put it off.\n",
    "Bridge opens\n\nThe new bridge over the river opened on Tuesday, two years late.\n",
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    with open_writer(path) as writer:
        for text in TEXTS:
            writer.write(newscorpus.parse(text).to_dict())
    return path


def test_one_markdown_file_per_article_with_a_stable_name(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "md"
    assert main(["export", str(corpus), "--to", "markdown", "-o", str(out)]) == 0
    articles = list(newscorpus.read_corpus(corpus))
    assert sorted(path.name for path in out.iterdir()) == sorted(
        file_name(article, ".md") for article in articles
    )
    for article in articles:
        assert (out / file_name(article, ".md")).read_text(encoding="utf-8") == (
            article.to_markdown()
        )
    assert main(["export", str(corpus), "-o", str(out)]) == 0  # again: the same files
    assert len(list(out.iterdir())) == len(articles)


def test_one_text_file_for_all(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus.txt"
    assert main(["export", str(corpus), "--to", "text", "-o", str(out)]) == 0
    articles = list(newscorpus.read_corpus(corpus))
    assert out.read_text(encoding="utf-8") == "\n\f\n".join(a.to_text() for a in articles)


def test_a_missing_corpus_is_an_error_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "out")]) == 1
    assert "newscorpus export:" in capsys.readouterr().err


def test_an_unknown_format_is_a_usage_error(corpus: Path, tmp_path: Path) -> None:
    assert main(["export", str(corpus), "--to", "html", "-o", str(tmp_path / "o")]) == 2
