"""``parse``: every kind of source, and the errors it raises."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import newscorpus
from newscorpus import (
    Article,
    FormatError,
    InputError,
    NewsCorpusError,
    Pipeline,
    SourceNotFoundError,
    UnknownFormatError,
)

DUMP = "A first paragraph that says what happened and why it matters to the people of the town.\n"
BODY = DUMP.strip()


class CustomPath(os.PathLike[str]):
    """An ``os.PathLike`` that is not a ``pathlib.Path``."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __fspath__(self) -> str:
        return str(self.path)


def test_parse_str() -> None:
    article = newscorpus.parse(DUMP)
    assert isinstance(article, Article)
    assert article.text == BODY
    assert (article.source, article.format, article.parser.name) == ("<string>", "dump", "dump")


def test_parse_bytes() -> None:
    article = newscorpus.parse(DUMP.encode("utf-8"))
    assert article.text == BODY
    assert article.source == "<bytes>"


def test_parse_path(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_bytes(DUMP.encode("utf-8"))
    article = newscorpus.parse(path)
    assert article.text == BODY
    assert article.source == str(path)
    assert newscorpus.parse(CustomPath(path)) == article


def test_a_str_is_content_never_a_path(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"
    path.write_text(DUMP, encoding="utf-8")
    assert newscorpus.parse(str(path), pipeline=Pipeline([])).text == str(path)


def test_same_input_same_article() -> None:
    assert newscorpus.parse(DUMP) == newscorpus.parse(DUMP)
    assert newscorpus.parse(DUMP).id == newscorpus.parse(DUMP.encode()).id


def test_url_is_recorded_and_changes_the_id() -> None:
    article = newscorpus.parse(DUMP, url="https://example.org/a")
    assert article.url == "https://example.org/a"
    assert article.id != newscorpus.parse(DUMP).id


def test_format_by_name() -> None:
    assert newscorpus.parse(DUMP, format="dump").text == BODY


def test_unknown_format_raises_unknown_format_error() -> None:
    with pytest.raises(UnknownFormatError, match=r"'nope'.*dump") as caught:
        newscorpus.parse(DUMP, format="nope")
    assert isinstance(caught.value, FormatError)
    assert isinstance(caught.value, NewsCorpusError)


def test_missing_path_raises_source_not_found(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(SourceNotFoundError) as caught:
        newscorpus.parse(path)
    assert caught.value.source == str(path)
    assert str(path) in str(caught.value)
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, FileNotFoundError)


def test_directory_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="directory") as caught:
        newscorpus.parse(tmp_path)
    assert not isinstance(caught.value, SourceNotFoundError)
    assert caught.value.source == str(tmp_path)


@pytest.mark.parametrize("source", [42, None, 1.5, ["a dump"], bytearray(b"a dump")])
def test_unsupported_source_types_raise_input_error(source: object) -> None:
    with pytest.raises(InputError, match=type(source).__name__):
        newscorpus.parse(source)  # type: ignore[arg-type]


def test_pipeline_replaces_the_default() -> None:
    article = newscorpus.parse("a\u00a0b\u200bc\n", pipeline=Pipeline([]))
    assert article.text == "a\u00a0b\u200bc"
    assert newscorpus.parse(DUMP) == newscorpus.parse(DUMP, pipeline=newscorpus.default_pipeline())


@pytest.mark.parametrize("empty", ["", b"", "\n\n", " \t\u00a0\n"])
def test_empty_input_gives_an_empty_article(empty: str | bytes) -> None:
    article = newscorpus.parse(empty)
    assert article.blocks == ()
    assert article.text == ""


def test_parse_the_seeds(seed_path: Path) -> None:
    article = newscorpus.parse(seed_path)
    assert article.source == str(seed_path)
    assert article.blocks
    assert newscorpus.parse(seed_path.read_bytes()).blocks == article.blocks
