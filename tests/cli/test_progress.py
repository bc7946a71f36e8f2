"""The corpus run's progress display: silent off a terminal, ETA reckoned in input bytes."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newscorpus.cli.progress import Progress
from newscorpus.corpus import run_corpus
from newscorpus.corpus.workers import Processed

STORY = "A café opened on the square, and the town came to see it on its first morning."


def _inputs(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    export = folder / "export.jsonl"
    export.write_text(
        "".join(json.dumps({"text": f"{STORY} Item {n}."}) + "\n" for n in range(30)),
        encoding="utf-8",
    )
    (folder / "page.txt").write_text(f"{STORY}\n", encoding="utf-8")
    return [export, folder / "page.txt"]


def test_reading_position_reaches_the_size_of_the_inputs(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path)
    progress = Progress(inputs)
    seen: list[int] = []

    def watch(outcome: Processed) -> None:
        seen.append(progress.bytes_read)

    run_corpus(inputs, tmp_path / "out.jsonl", jobs=0, on_document=watch, on_open=progress.opened)
    total = sum(path.stat().st_size for path in inputs)
    assert seen == sorted(seen)  # never goes back
    assert 0 < seen[0] < total
    progress.opened("end", io.BytesIO())  # moving on counts the last file as read
    assert progress.bytes_read == total


def test_silent_when_stderr_is_not_a_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = _inputs(tmp_path)
    progress = Progress(inputs)
    run_corpus(inputs, tmp_path / "out.jsonl", jobs=0, on_document=progress)
    progress.stop()
    assert capsys.readouterr().err == ""


def test_on_a_terminal_it_shows_documents_rate_errors_and_eta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = io.StringIO()
    screen.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr(sys, "stderr", screen)
    inputs = _inputs(tmp_path)
    progress = Progress(inputs)
    run_corpus(inputs, tmp_path / "out.jsonl", jobs=0, on_document=progress)
    progress._measure()  # the background thread's work, done here to be sure it is done
    progress(Processed(31, "x", False, b"{}\n"))
    progress._bar.refresh()
    progress.stop()
    shown = screen.getvalue()
    for label in ("documents", "docs/s", "errors", "ETA"):
        assert label in shown
