"""The corpus runner: records plus error entries add up, jobs, resume after SIGKILL, the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from newscorpus.cli.main import main
from newscorpus.corpus import ReadDocument, read_documents
from newscorpus.corpus.outcomes import Outcome, parse_one
from newscorpus.corpus.runner import _parallel, error_path_for, parts_path_for, run_corpus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"
STORY = "A café opened on the square, and the town came to see it on its first morning."


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three dumps, a JSON Lines export with a broken line, six stories in a second export."""
    root = tmp_path / "in"
    root.mkdir()
    for dump in sorted(EXAMPLES.glob("*.txt")):
        (root / dump.name).write_bytes(dump.read_bytes())
    rows = [json.dumps({"text": f"{STORY} Story {n}."}) for n in range(2)]
    (root / "scrape.jsonl").write_text(f"{rows[0]}\n{{broken\n{rows[1]}\n", encoding="utf-8")
    more = [json.dumps({"text": f"{STORY} Item {n}."}) for n in range(6)]
    (root / "two.jsonl").write_text("\n".join(more) + "\n", encoding="utf-8")
    return root


def test_records_and_errors_add_up_to_the_inputs(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "out" / "corpus.jsonl"
    output.parent.mkdir()
    missing = tmp_path / "missing.txt"
    summary = run_corpus([corpus, missing], output, part_size=3)
    records, errors = lines(output), lines(error_path_for(output))
    assert (summary.read, summary.written, summary.failed) == (13, 11, 2)
    assert len(records) + len(errors) == summary.read
    assert all("error" not in record for record in records)
    assert [error["source"] for error in errors] == [f"{corpus / 'scrape.jsonl'}:2", str(missing)]
    assert errors[0]["origin"] == {
        "path": str(corpus / "scrape.jsonl"),
        "member": None,
        "line": 2,
        "offset": None,
    }
    assert errors[0]["error"] == "JSONDecodeError"
    assert errors[1]["error"] == "FileNotFoundError"
    assert all(error["message"] for error in errors)
    assert records[0]["source"] == str(corpus / sorted(EXAMPLES.glob("*.txt"))[0].name)
    assert not parts_path_for(output).exists()
    assert sorted(p.name for p in output.parent.iterdir()) == [
        "corpus.errors.jsonl",
        "corpus.jsonl",
    ]


def test_two_jobs_give_the_same_output_as_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_corpus([corpus], one, jobs=1, part_size=4)
    run_corpus([corpus], two, jobs=2, part_size=4)
    assert one.read_bytes() == two.read_bytes()
    assert error_path_for(one).read_bytes() == error_path_for(two).read_bytes()


def test_output_inside_an_input_folder_is_not_read_back(corpus: Path) -> None:
    output = corpus / "corpus.jsonl"
    first = run_corpus([corpus], output)
    again = run_corpus([corpus], output)
    assert (first.read, first.written) == (again.read, again.written) == (12, 11)


_KILLED_RUN = """
import os, signal, sys
from newscorpus.corpus.runner import run_corpus

def kill(number):
    if number == 1:
        os.kill(os.getpid(), signal.SIGKILL)

run_corpus([sys.argv[1]], sys.argv[2], part_size=3, on_commit=kill)
"""


def test_resume_after_sigkill_gives_the_corpus_of_an_uninterrupted_run(
    corpus: Path, tmp_path: Path
) -> None:
    whole, resumed = tmp_path / "whole.jsonl", tmp_path / "resumed.jsonl"
    run_corpus([corpus], whole, part_size=3)
    killed = subprocess.run(
        [sys.executable, "-c", _KILLED_RUN, str(corpus), str(resumed)], check=False
    )
    assert killed.returncode == -signal.SIGKILL
    assert not resumed.exists()
    parts = sorted(p.name for p in parts_path_for(resumed).iterdir())
    assert parts == ["part-00000000.jsonl", "part-00000001.jsonl"]
    summary = run_corpus([corpus], resumed, part_size=3, resume=True)
    assert summary.resumed == 6
    assert (summary.read, summary.written, summary.failed) == (12, 11, 1)
    assert resumed.read_bytes() == whole.read_bytes()
    assert error_path_for(resumed).read_bytes() == error_path_for(whole).read_bytes()


def test_resume_refuses_other_inputs(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    parts = parts_path_for(output)
    parts.mkdir()
    entry = {"source": "elsewhere.txt", "record": {}}
    (parts / "part-00000000.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not those of the interrupted run"):
        run_corpus([corpus], output, part_size=1, resume=True)


def test_without_resume_leftover_parts_are_cleared(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    parts = parts_path_for(output)
    parts.mkdir()
    entry = {"source": "elsewhere.txt", "record": {}}
    (parts / "part-00000000.jsonl").write_text(json.dumps(entry) + "\n", encoding="utf-8")
    assert run_corpus([corpus], output, part_size=1).written == 11


def test_cli_jobs_writes_records_and_an_error_file(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "corpus.jsonl"
    missing = tmp_path / "missing.txt"
    assert main(["parse", str(corpus), str(missing), "-o", str(output), "--jobs", "1"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert "13 read, 11 written, 2 failed" in err
    assert "corpus.errors.jsonl" in err
    assert len(lines(output)) == 11
    assert len(lines(error_path_for(output))) == 2


def test_cli_resume_after_a_complete_run_starts_over(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "corpus.jsonl"
    assert main(["parse", str(EXAMPLES), "-o", str(output), "--resume"]) == 0
    assert main(["parse", str(EXAMPLES), "-o", str(output), "--resume"]) == 0
    assert len(lines(output)) == 3
    assert "3 read, 3 written, 0 failed" in capsys.readouterr().err


def test_cli_parquet_output_goes_through_the_runner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newscorpus.corpus import read_corpus

    output = tmp_path / "corpus.parquet"
    assert main(["parse", str(EXAMPLES), "-o", str(output)]) == 0
    assert len(list(read_corpus(output))) == 3
    assert lines(tmp_path / "corpus.errors.jsonl") == []
    assert "3 read, 3 written, 0 failed" in capsys.readouterr().err


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads unreadable files"
)
def test_cli_unreadable_file_is_an_error_entry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    output = tmp_path / "corpus.jsonl"
    try:
        assert main(["parse", str(locked), "-o", str(output), "-j", "1"]) == 1
    finally:
        locked.chmod(0o600)
    (error,) = lines(error_path_for(output))
    assert error["error"] == "PermissionError"
    assert "0 written, 1 failed" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-f", "nosuchformat", "-o", "x.jsonl", "-j", "1"], "unknown format"),
        (["-o", "corpus.unknown", "-j", "1"], "cannot tell the corpus format"),
        (["-j", "1"], "need -o FILE"),
        (["-o", "x.jsonl", "-j", "0"], "--jobs must be at least 1"),
        (["-o", "x.jsonl", "--resume", "--url", "http://example.com/"], "--url"),
    ],
)
def test_cli_usage_errors(
    argv: list[str],
    message: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["parse", str(EXAMPLES), *argv]) == 2
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_cli_corrupt_archive_is_an_error_entry_and_the_run_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.gz"
    broken.write_bytes(b"\x1f\x8b\x08\x00not really gzip")
    output = tmp_path / "corpus.jsonl"
    assert main(["parse", str(broken), str(EXAMPLES), "-o", str(output), "-j", "2"]) == 1
    (error,) = lines(error_path_for(output))
    assert error["source"] == str(broken)
    assert error["error"]
    assert error["message"]
    assert len(lines(output)) == 3
    assert "4 read, 3 written, 1 failed" in capsys.readouterr().err


def crashing_batch(batch: Sequence[ReadDocument], parse_format: str | None) -> list[Outcome]:
    """A worker that dies (as on a segfault or the OOM killer) on a document saying CRASH."""
    if any("CRASH" in item.document.text for item in batch):
        os._exit(70)
    return [parse_one(item, parse_format) for item in batch]


def test_a_crashed_worker_fails_only_its_document(tmp_path: Path) -> None:
    rows = [json.dumps({"text": f"{STORY} Item {n}."}) for n in range(40)]
    rows[21] = json.dumps({"text": f"{STORY} CRASH."})
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    outcomes = list(
        _parallel(read_documents(export), jobs=2, parse_format=None, work=crashing_batch)
    )
    assert [outcome["source"] for outcome in outcomes] == [f"{export}:{n}" for n in range(1, 41)]
    failed = [outcome["error"] for outcome in outcomes if "error" in outcome]
    assert len(failed) == 1
    assert failed[0]["source"] == f"{export}:22"
    assert failed[0]["error"] == "WorkerCrashed"
