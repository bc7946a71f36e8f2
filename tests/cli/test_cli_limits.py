"""The limit options of ``newscorpus parse``: parsing, defaults, switching off, and effect."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from newscorpus.cli.limits import add_limit_options, limits_from, size
from newscorpus.cli.main import main
from newscorpus.limits import DEFAULT_LIMITS


def _limits(argv: list[str]) -> object:
    parser = argparse.ArgumentParser()
    add_limit_options(parser)
    return limits_from(parser.parse_args(argv), parser)


def test_no_option_gives_the_library_defaults() -> None:
    assert _limits([]) == DEFAULT_LIMITS


def test_options_set_limits_and_zero_switches_one_off() -> None:
    limits = _limits(
        ["--max-document-bytes", "2MiB", "--time-limit", "0", "--max-line-chars", "80"]
    )
    assert limits == DEFAULT_LIMITS.replace(
        max_document_bytes=2 << 20, seconds_per_document=None, max_line_chars=80
    )


@pytest.mark.parametrize("text", ["", "ten", "5 parsecs", "-3", "1e9"])
def test_bad_sizes_are_refused(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError, match="not a size"):
        size(text)


@pytest.mark.parametrize("argv", [["--max-line-chars", "-1"], ["--max-compression-ratio", "0.5"]])
def test_impossible_limits_are_usage_errors(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        _limits(argv)
    assert exit_.value.code == 2


def test_a_document_past_a_limit_is_an_error_record_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    big, small = tmp_path / "big.txt", tmp_path / "small.txt"
    big.write_text("A long story about the town and its people. " * 200, encoding="utf-8")
    small.write_text("A short story about the town.\n", encoding="utf-8")
    assert main(["parse", str(big), str(small), "--max-document-bytes", "1k"]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["error"]["type"] == "LimitError"
    assert "max_document_bytes" in first["error"]["message"]
    assert "error" not in second
