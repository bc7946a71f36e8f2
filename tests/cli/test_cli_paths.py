"""The paths a user takes end cleanly (#13 items 6, 7, 9, 11, 12): no output replaced without
--overwrite, no input destroyed, standard input, one option name per meaning, one-line errors,
nothing left behind by a failed run, one error entry for each entry of a folder that is not a
regular file, any file name round-trips."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newscorpus.cli.main import main
from newscorpus.corpus import read_corpus, run_corpus
from newscorpus.corpus.runner import error_path_for, parts_path_for

STORY = (
    "The council met on Monday evening to vote on the budget for the coming year, and the "
    "members argued for hours about the library and the roads before they agreed.\n"
)


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.txt").write_text(STORY)
    return inputs


def test_an_existing_output_is_replaced_only_with_overwrite(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "c.jsonl"
    target.write_text("precious\n")
    assert main(["parse", str(folder), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "--overwrite" in err
    assert err.count("\n") == 1
    assert target.read_text() == "precious\n"
    assert not parts_path_for(target).exists()
    assert main(["parse", str(folder), "-o", str(target), "--overwrite"]) == 0
    assert len(_lines(target)) == 1


@pytest.mark.parametrize("suffix", [".jsonl", ".csv"])
def test_an_input_is_never_the_output(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / f"d{suffix}"
    data.write_text('{"text": "A story."}\n' if suffix == ".jsonl" else "text\nA story.\n")
    before = data.read_bytes()
    link = tmp_path / f"link{suffix}"
    link.symlink_to(data)
    for arguments in (
        [str(data), "-o", str(data)],
        [str(link), "-o", str(data), "--overwrite"],
        [str(tmp_path / f"*{suffix}"), "-o", str(data), "--overwrite"],
        [str(error_path_for(tmp_path / "x.jsonl")), "-o", str(tmp_path / "x.jsonl")],
    ):
        if not Path(arguments[0]).exists() and "*" not in arguments[0]:
            Path(arguments[0]).write_text('{"text": "An old error file."}\n')
        assert main(["parse", *arguments]) == 2, arguments
        assert "is also an input" in capsys.readouterr().err
    assert data.read_bytes() == before


def test_runs_to_two_outputs_keep_their_own_error_files(folder: Path, tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.txt")
    assert main(["parse", str(folder), missing, "-o", str(tmp_path / "c.jsonl")]) == 1
    assert main(["parse", str(folder), "-o", str(tmp_path / "c.parquet")]) == 0
    assert len(_lines(error_path_for(tmp_path / "c.jsonl"))) == 1
    assert not error_path_for(tmp_path / "c.parquet").exists()


def test_a_run_with_no_record_writes_no_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.parquet"
    assert main(["parse", str(tmp_path / "no" / "such" / "dir"), "-o", str(target)]) == 1
    assert "x.parquet not written" in capsys.readouterr().err
    assert not target.exists()
    assert not parts_path_for(target).exists()
    assert len(_lines(error_path_for(target))) == 1


def test_a_failed_run_leaves_nothing_behind(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newscorpus.corpus import runner

    def missing_dependency(*args: object, **kwargs: object) -> None:
        raise ImportError("writing Parquet needs pyarrow")

    monkeypatch.setattr(runner, "open_writer", missing_dependency)
    target = tmp_path / "c.parquet"
    with pytest.raises(ImportError):
        run_corpus([folder], target)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]


def test_a_second_run_to_the_same_output_is_refused(folder: Path, tmp_path: Path) -> None:
    target = tmp_path / "c.jsonl"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from pathlib import Path\n"
            "from newscorpus.corpus import parts\n"
            "with parts.locked(Path(sys.argv[1]), fresh=True):\n"
            "    print('locked', flush=True)\n"
            "    time.sleep(60)\n",
            str(parts_path_for(target)),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        from newscorpus import OutputError

        with pytest.raises(OutputError, match="another run"):
            run_corpus([folder], target)
        assert parts_path_for(target).is_dir()  # the first run's folder is untouched
    finally:
        holder.kill()
        holder.wait()


def test_standard_input_for_parse_and_show(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    page = f"<html><head><title>Budget passed</title></head><body><p>{STORY}</p></body></html>"
    for command in (["parse", "-"], ["show", "-"]):
        stdin = io.TextIOWrapper(io.BytesIO(page.encode()))
        monkeypatch.setattr(sys, "stdin", stdin)
        assert main(command) == 0
        out = capsys.readouterr().out
        assert "The council met on Monday" in out
    assert main(["parse", "-", "-"]) == 2


def test_show_can_leave_out_the_removed_list(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(f"Share this\n\n{STORY}")
    assert main(["show", str(page)]) == 0
    assert "Share this" in capsys.readouterr().out
    assert main(["show", str(page), "--no-removed"]) == 0
    out = capsys.readouterr().out
    assert "Share this" not in out
    assert "The council met" in out


def test_the_parser_option_has_one_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text(STORY)
    assert main(["parse", str(page), "--parser", "dump"]) == 0
    assert json.loads(capsys.readouterr().out)["parser"]["name"] == "dump"
    assert main(["show", str(page), "-p", "html"]) == 0
    assert main(["parse", str(page), "--parser", "nope"]) == 2
    assert "unknown parser 'nope'" in capsys.readouterr().err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_fifos_loops_and_undecodable_names_are_one_error_entry_each(
    folder: Path, tmp_path: Path
) -> None:
    os.mkfifo(folder / "pipe")
    (folder / "loop").symlink_to(folder / "loop")
    (folder / "dangling").symlink_to(folder / "nowhere")
    odd = os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt")
    Path(odd).write_text(STORY)
    for suffix in (".jsonl", ".parquet", ".csv"):
        target = tmp_path / f"c{suffix}"
        summary = run_corpus([folder, folder / "loop", str(folder / "pipe")], target)
        assert (summary.read, summary.written, summary.failed) == (7, 2, 5), suffix
    errors = _lines(error_path_for(tmp_path / "c.jsonl"))
    messages = {Path(entry["source"]).name: entry["message"] for entry in errors}
    assert "FIFO" in messages["pipe"]
    assert "loop" in messages["loop"]
    assert "broken link" in messages["dangling"]
    sources = [article.source or "" for article in read_corpus(tmp_path / "c.parquet")]
    assert any(source.endswith("caf\\xe9.txt") for source in sources)  # an escape, valid UTF-8
    assert main(["dedup", str(tmp_path / "c.jsonl"), "-o", str(tmp_path / "d.jsonl")]) == 0


def test_dedup_writes_only_json_lines_or_parquet_and_replaces_only_when_asked(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = tmp_path / "c.jsonl"
    assert main(["parse", str(folder), "-o", str(corpus)]) == 0
    capsys.readouterr()
    for name in ("d.csv", "d.txt"):
        assert main(["dedup", str(corpus), "-o", str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert "JSON Lines or Parquet" in err
        assert "format=" not in err  # a CLI message, not a Python function's
        assert err.count("\n") == 1
        assert not (tmp_path / name).exists()
    out = tmp_path / "d.jsonl"
    assert main(["dedup", str(corpus), "-o", str(out)]) == 0
    assert main(["dedup", str(corpus), "-o", str(out)]) == 2
    assert "--overwrite" in capsys.readouterr().err
    assert main(["dedup", str(corpus), "-o", str(out), "--overwrite"]) == 0
