"""A custom pipeline at corpus scale: the runner's records are parse()'s, document by document,
in this process, in forked and in spawned workers, and from the command line."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.corpus.runner import run_corpus
from newscorpus.corpus.statistics import summary_path_for
from tests.cluster.mixed import page
from tests.custom_steps import custom_pipeline

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """The example dumps and three small HTML pages, one file each."""
    folder = tmp_path / "in"
    folder.mkdir()
    for dump in sorted(EXAMPLES.glob("*.txt")):
        (folder / dump.name).write_bytes(dump.read_bytes())
    for number in range(3):
        (folder / f"page{number}.html").write_text(page(number), encoding="utf-8")
    return sorted(folder.iterdir())


def parsed(paths: list[Path], pipeline: newscorpus.Pipeline | None) -> list[dict[str, Any]]:
    return [newscorpus.parse(path, pipeline=pipeline).to_dict() for path in paths]


def test_the_custom_pipeline_changes_records(inputs: list[Path]) -> None:
    custom, default = parsed(inputs, custom_pipeline()), parsed(inputs, None)
    assert custom != default
    assert any(r["step"] == "drop_short" for record in custom for r in record["removed"])


@pytest.mark.parametrize("jobs", [0, 2])
def test_a_corpus_run_gives_parses_records(inputs: list[Path], tmp_path: Path, jobs: int) -> None:
    output = tmp_path / "corpus.jsonl"
    summary = run_corpus(inputs[0].parent, output, jobs=jobs, pipeline=custom_pipeline())
    assert summary.failed == 0
    assert lines(output) == parsed(inputs, custom_pipeline())


def test_records_carry_the_fingerprint_and_the_summary_the_steps(
    inputs: list[Path], tmp_path: Path
) -> None:
    pipeline = custom_pipeline()
    output = tmp_path / "corpus.jsonl"
    run_corpus(inputs[0].parent, output, jobs=0, pipeline=pipeline)
    records = lines(output)
    assert {record["pipeline"] for record in records} == {pipeline.fingerprint()}
    assert pipeline.fingerprint() != newscorpus.default_pipeline().fingerprint()
    summary = json.loads(summary_path_for(output).read_text(encoding="utf-8"))
    assert summary["pipeline"]["fingerprint"] == pipeline.fingerprint()
    steps = summary["pipeline"]["steps"]
    assert [step["name"] for step in steps] == pipeline.names
    assert steps[-1] == {
        "name": "drop_short",
        "type": "tests.custom_steps.DropShort",
        "settings": {"min_words": 12},
    }
    assert newscorpus.parse(inputs[0]).pipeline == newscorpus.default_pipeline().fingerprint()


def test_spawned_workers_get_the_pipeline(inputs: list[Path], tmp_path: Path) -> None:
    release = threading.Event()  # a running thread makes the pool spawn instead of fork
    thread = threading.Thread(target=release.wait, daemon=True)
    thread.start()
    try:
        output = tmp_path / "corpus.jsonl"
        run_corpus(inputs[0].parent, output, jobs=2, pipeline=custom_pipeline())
    finally:
        release.set()
        thread.join()
    assert lines(output) == parsed(inputs, custom_pipeline())


def test_the_cli_options_build_the_pipeline(inputs: list[Path], tmp_path: Path) -> None:
    without, steps = tmp_path / "without.jsonl", tmp_path / "steps.jsonl"
    folder = str(inputs[0].parent)
    assert main(["parse", folder, "-o", str(without), "--without", "debris", "-j", "2"]) == 0
    assert lines(without) == parsed(inputs, newscorpus.default_pipeline().without("debris"))
    assert main(["parse", folder, "-o", str(steps), "--steps", "normalize, chrome"]) == 0
    pipeline = newscorpus.Pipeline(newscorpus.cleaners.get(n)() for n in ("normalize", "chrome"))
    assert lines(steps) == parsed(inputs, pipeline)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--without", "nothing"], "no step named ['nothing']"),
        (["--steps", "normalize,nothing"], "no cleaning step named 'nothing'"),
        (["--steps", ","], "--steps needs at least one step name"),
        (["--steps", "normalize,normalize"], "two steps named 'normalize'"),
    ],
)
def test_unknown_steps_are_usage_errors(
    inputs: list[Path], options: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(inputs[0]), *options]) == 2
    assert message in capsys.readouterr().err
