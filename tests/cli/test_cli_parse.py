"""``newscorpus parse``: JSON Lines records, error records, exit status, ``-o``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.corpus import parts
from newscorpus.draft import Draft
from newscorpus.formats.base import RawDocument

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"
DUMP = "Connect with us\n\nA café opened on the square, and the town came to see it.\n"


def records(text: str) -> list[dict[str, Any]]:
    lines = text.splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "page.txt"
    path.write_text(DUMP, encoding="utf-8")
    return path


def test_one_file_gives_one_article_record(dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(dump)]) == 0
    out, err = capsys.readouterr()
    assert out.count("\n") == 1
    (record,) = records(out)
    assert record["schema"] == newscorpus.SCHEMA_VERSION
    assert record["source"] == str(dump)
    assert "error" not in record
    assert newscorpus.from_dict(record).to_dict() == record  # a valid article record
    assert "café" in out  # ensure_ascii=False: UTF-8, not \u escapes
    assert "1 parsed, 0 failed" in err


def test_examples_folder_parses_every_dump_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLES)]) == 0
    out, err = capsys.readouterr()
    sources = [record["source"] for record in records(out)]
    assert sources == [str(path) for path in sorted(EXAMPLES.glob("*.txt"))]
    assert "3 parsed, 0 failed" in err


def test_missing_file_gives_an_error_record_and_the_run_goes_on(
    dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(missing), str(dump)]) == 1
    out, err = capsys.readouterr()
    error, article = records(out)
    assert error == {
        "schema": newscorpus.SCHEMA_VERSION,
        "source": str(missing),
        "error": {"type": "SourceNotFoundError", "message": "no such file", "internal": False},
    }
    assert article["source"] == str(dump)
    assert "1 parsed, 1 failed" in err
    assert "Traceback" not in err


def test_folder_means_every_regular_file_under_it_sorted_hidden_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "corpus"
    for name in ("z.txt", "b.txt", "sub/c.txt", ".hidden.txt", ".git/config", "sub/.x/d.txt"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(DUMP, encoding="utf-8")
    assert main(["parse", str(root)]) == 0
    sources = [record["source"] for record in records(capsys.readouterr().out)]
    assert sources == [str(root / "b.txt"), str(root / "sub" / "c.txt"), str(root / "z.txt")]


def test_empty_folder_is_a_failed_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["parse", str(tmp_path / "empty")]) == 1
    (record,) = records(capsys.readouterr().out)
    assert record["error"]["type"] == "InputError"
    assert record["source"] == str(tmp_path / "empty")


def test_output_file_is_written_whole(
    dump: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out" / "records.jsonl"
    target.parent.mkdir()
    target.write_text("old content\n", encoding="utf-8")
    assert main(["parse", str(dump), str(EXAMPLES), "-o", str(target)]) == 2
    assert "exists; pass --overwrite" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert main(["parse", str(dump), str(EXAMPLES), "-o", str(target), "--overwrite"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert len(records(target.read_text(encoding="utf-8"))) == 4
    # no temporary file, no error file: the records and the run's summary
    assert sorted(target.parent.iterdir()) == [target, target.with_suffix(".summary.json")]
    assert "4 read, 4 written, 0 failed" in err


def test_interrupted_run_leaves_the_output_file_untouched(
    dump: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "records.jsonl"
    target.write_text("old content\n", encoding="utf-8")

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(parts.PartWriter, "commit", interrupted)
    assert main(["parse", str(dump), "-o", str(target), "--overwrite"]) == 130
    assert target.read_text(encoding="utf-8") == "old content\n"
    # No part was committed, so there is nothing to resume from: nothing is left behind.
    assert sorted(tmp_path.iterdir()) == sorted([dump, target])


def test_url_is_recorded(dump: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(dump), "--url", "https://example.org/a"]) == 0
    (record,) = records(capsys.readouterr().out)
    assert record["url"] == "https://example.org/a"


@pytest.mark.parametrize(
    "arguments",
    [
        ["parse"],
        ["parse", "--parser", "no-such-format", "x.txt"],
        ["parse", "a.txt", "b.txt", "--url", "https://example.org/a"],
        ["parse", "a.txt", "-o", "."],
        ["parse", "a.txt", "-o", "/no/such/folder/out.jsonl"],
        ["frobnicate"],
        [],
    ],
)
def test_usage_errors_exit_2(arguments: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(arguments) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1  # one line, not the usage block
    assert "error:" in err
    assert "--help" in err
    assert "usage:" not in err
    assert "Traceback" not in err


class _Exploding:
    """A parser with a bug, to check that an unexpected exception is an error record."""

    name = "exploding"
    version = "0"

    def can_parse(self, document: RawDocument) -> float:
        return 0.0

    def parse(self, document: RawDocument) -> Draft:
        raise RuntimeError("kaboom")


@pytest.fixture
def exploding_parser() -> Iterator[str]:
    newscorpus.parsers.register("exploding", _Exploding())
    yield "exploding"
    newscorpus.parsers.unregister("exploding")


def test_unexpected_exception_is_an_internal_error_record(
    dump: Path, exploding_parser: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # --jobs 0: a parser registered in this process reaches spawned workers only by entry
    # point (workers are spawned, not forked, once a test has started a thread).
    assert main(["parse", "--jobs", "0", "--parser", exploding_parser, str(dump), str(dump)]) == 1
    out, err = capsys.readouterr()
    first, second = records(out)
    assert first == second
    assert first["error"] == {"type": "RuntimeError", "message": "kaboom", "internal": True}
    assert "bug in newscorpus" in err
    assert "0 parsed, 2 failed" in err
    assert "Traceback" not in err
