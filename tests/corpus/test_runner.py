"""The corpus runner: records plus error entries add up, jobs, resume after SIGKILL, the CLI."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from newscorpus.cleaning import Pipeline
from newscorpus.cli.main import main
from newscorpus.corpus import ReadDocument, read_documents
from newscorpus.corpus.origin import ReadItem
from newscorpus.corpus.outcomes import Outcome, outcome_of
from newscorpus.corpus.parts import PartWriter
from newscorpus.corpus.runner import error_path_for, parts_path_for, run_corpus
from newscorpus.corpus.statistics import summary_path_for
from newscorpus.corpus.workers import processed

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
    assert errors[1]["error"] == "SourceNotFoundError"
    assert all(error["message"] for error in errors)
    assert records[0]["source"] == str(corpus / sorted(EXAMPLES.glob("*.txt"))[0].name)
    assert not parts_path_for(output).exists()
    assert sorted(p.name for p in output.parent.iterdir()) == [
        "corpus.jsonl",
        "corpus.jsonl.errors.jsonl",
        "corpus.summary.json",
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
from newscorpus.corpus.parts import PartWriter
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
    assert [name for name in parts if name.endswith(".done.json")] == [
        "part-00000000.done.json",
        "part-00000001.done.json",
    ]
    # The output in progress was killed with the run: a temporary file in the parts folder.
    assert any(name.endswith(".tmp") for name in parts)
    summary = run_corpus([corpus], resumed, part_size=3, resume=True)
    assert summary.resumed == 6
    assert (summary.read, summary.written, summary.failed) == (12, 11, 1)
    assert resumed.read_bytes() == whole.read_bytes()
    assert error_path_for(resumed).read_bytes() == error_path_for(whole).read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "in",
            *("whole.jsonl", "whole.jsonl.errors.jsonl", "whole.summary.json"),
            *("resumed.jsonl", "resumed.jsonl.errors.jsonl", "resumed.summary.json"),
        ]
    )
    # The statistics of the resumed run count the committed parts' records too.
    statistics = [json.loads(summary_path_for(path).read_text()) for path in (whole, resumed)]
    assert statistics[0]["statistics"] == statistics[1]["statistics"]
    assert statistics[1]["statistics"]["documents"] == 11


@pytest.mark.parametrize("suffix", [".parquet", ".csv"])
def test_an_interrupted_run_resumes_to_the_same_corpus_in_every_format(
    corpus: Path, tmp_path: Path, suffix: str
) -> None:
    whole, resumed = tmp_path / f"whole{suffix}", tmp_path / f"resumed{suffix}"
    run_corpus([corpus], whole, part_size=3)

    def interrupt(number: int) -> None:
        if number == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus([corpus], resumed, part_size=3, on_commit=interrupt)
    assert not resumed.exists()
    summary = run_corpus([corpus], resumed, part_size=3, resume=True)
    assert summary.resumed == 9
    assert resumed.read_bytes() == whole.read_bytes()


def test_resume_refuses_other_inputs(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    parts = parts_path_for(output)
    parts.mkdir()
    part = PartWriter(parts, 0)
    part.add(b"{}\n", source="elsewhere.txt", failed=False)
    part.commit()
    with pytest.raises(ValueError, match="not those of the interrupted run"):
        run_corpus([corpus], output, part_size=1, resume=True)


def test_without_resume_leftover_parts_are_cleared(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    parts = parts_path_for(output)
    parts.mkdir()
    part = PartWriter(parts, 0)
    part.add(b"{}\n", source="elsewhere.txt", failed=False)
    part.commit()
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
    assert "corpus.jsonl.errors.jsonl" in err
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
    assert not (tmp_path / "corpus.jsonl.errors.jsonl").exists()  # nothing failed
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
        (["-p", "nosuchformat", "-o", "x.jsonl", "-j", "1"], "unknown parser"),
        (["-o", "corpus.unknown", "-j", "1"], "cannot tell the corpus format"),
        (["--resume"], "--resume goes on with a run to -o FILE"),
        (["-o", "x.jsonl", "-j", "-1"], "--jobs must be at least 0"),
        (["-o", "x.jsonl", "--time-limit", "-1"], "--time-limit must be at least 0"),
        (["-o", "no/such/folder/x.jsonl"], "no such folder"),
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


def crashing_work(item: ReadItem, parse_format: str | None, pipeline: Pipeline | None) -> Outcome:
    """A worker that dies (as on a segfault or the OOM killer) on a document saying CRASH."""
    if isinstance(item, ReadDocument) and "CRASH" in item.document.text:
        os._exit(70)
    return outcome_of(item, parse_format, pipeline)


def hanging_work(item: ReadItem, parse_format: str | None, pipeline: Pipeline | None) -> Outcome:
    """A worker that hangs on a document saying HANG (as on a catastrophic regex)."""
    if isinstance(item, ReadDocument) and "HANG" in item.document.text:
        time.sleep(3600)
    return outcome_of(item, parse_format, pipeline)


def _export(tmp_path: Path, marks: dict[int, str]) -> Path:
    rows = [json.dumps({"text": f"{STORY} Item {n}. {marks.get(n, '')}"}) for n in range(40)]
    export = tmp_path / "export.jsonl"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return export


def test_a_crashed_worker_fails_only_its_document(tmp_path: Path) -> None:
    export = _export(tmp_path, {21: "CRASH", 30: "CRASH"})
    outcomes = list(processed(read_documents(export), jobs=2, work=crashing_work))
    assert [outcome.source for outcome in outcomes] == [f"{export}:{n}" for n in range(1, 41)]
    assert [outcome.number for outcome in outcomes] == list(range(40))
    failed = [json.loads(outcome.line) for outcome in outcomes if outcome.failed]
    assert [entry["source"] for entry in failed] == [f"{export}:22", f"{export}:31"]
    assert {entry["error"] for entry in failed} == {"WorkerCrashed"}


def test_a_document_over_the_time_limit_fails_and_the_run_goes_on(tmp_path: Path) -> None:
    export = _export(tmp_path, {5: "HANG"})
    started = time.monotonic()
    outcomes = list(processed(read_documents(export), jobs=1, time_limit=2.0, work=hanging_work))
    assert time.monotonic() - started < 60
    assert len(outcomes) == 40
    failed = [json.loads(outcome.line) for outcome in outcomes if outcome.failed]
    assert [entry["source"] for entry in failed] == [f"{export}:6"]
    assert failed[0]["error"] == "TimeLimitExceeded"
    assert "2 s" in failed[0]["message"]


def test_in_process_parsing_gives_the_same_outcomes(tmp_path: Path) -> None:
    export = _export(tmp_path, {})
    here = list(processed(read_documents(export), jobs=0))
    there = list(processed(read_documents(export), jobs=2))
    assert here == there


def test_spawned_workers_give_the_same_outcomes_and_start_up_is_not_timed(
    tmp_path: Path,
) -> None:
    # A thread running in this process makes the pool spawn its workers instead of forking
    # them; a spawned worker takes longer to start than this time limit, which must not count.
    export = _export(tmp_path, {})
    release = threading.Event()
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    try:
        there = list(processed(read_documents(export), jobs=2, time_limit=0.5))
    finally:
        release.set()
        thread.join()
    here = list(processed(read_documents(export), jobs=0))
    assert there == here
    assert not any(outcome.failed for outcome in there)
