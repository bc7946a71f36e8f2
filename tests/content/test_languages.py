"""--language keeps some languages (the rest counted, not failed); --jobs auto."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newscorpus.cli.main import main
from newscorpus.cli.parse import jobs_count, usable_cpus
from newscorpus.corpus import LanguageFilter, run_corpus
from newscorpus.errors import SettingError

TEXTS = {
    "fr.txt": "Le conseil municipal s'est réuni lundi soir pour voter le budget de la ville, "
    "et le vote a été reporté au printemps prochain.\n",
    "de.txt": "Der Stadtrat hat am Montagabend über den Haushalt der Stadt abgestimmt, und die "
    "Abstimmung wurde auf das Frühjahr verschoben.\n",
    "en.txt": "The council met on Monday evening to vote on the budget for the town, and the "
    "vote was put off until the spring.\n",
}


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in TEXTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_a_filter_compares_primary_subtags_and_keeps_unknown_only_when_asked() -> None:
    keep = LanguageFilter.parse("DE,fr")
    assert (keep.keeps("de-AT"), keep.keeps("fr"), keep.keeps("en"), keep.keeps(None)) == (
        True,
        True,
        False,
        False,
    )
    assert LanguageFilter(["und"]).keeps(None)
    with pytest.raises(SettingError):
        LanguageFilter.parse(" , ")


def test_a_corpus_run_counts_the_other_languages_as_filtered(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    summary = run_corpus(inputs, output, jobs=0, languages=["de", "fr"])
    assert (summary.read, summary.written, summary.failed, summary.filtered) == (3, 2, 0, 1)
    languages = [json.loads(line)["language"] for line in output.read_text().splitlines()]
    assert sorted(languages) == ["de", "fr"]
    assert json.loads(summary.summary.read_text())["filtered"] == 1


def test_a_resumed_run_keeps_counting_filtered_documents(inputs: Path, tmp_path: Path) -> None:
    output = tmp_path / "corpus.jsonl"
    first = run_corpus(inputs, output, jobs=0, part_size=1, languages=["en"])
    again = run_corpus(inputs, output, jobs=0, part_size=1, languages=["en"], resume=True)
    assert (first.written, first.filtered) == (again.written, again.filtered) == (1, 2)


def test_the_cli_filters_to_stdout_and_says_how_many(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--language", "de,fr", str(inputs)]) == 0
    out, err = capsys.readouterr()
    assert sorted(json.loads(line)["language"] for line in out.splitlines()) == ["de", "fr"]
    assert "2 parsed, 0 failed, 1 filtered by language" in err


def test_jobs_auto_is_the_usable_cpus(inputs: Path, tmp_path: Path) -> None:
    assert jobs_count("auto") == usable_cpus() >= 1
    if hasattr(os, "sched_getaffinity"):
        assert usable_cpus() == len(os.sched_getaffinity(0))
    assert main(["parse", "-j", "auto", str(inputs), "-o", str(tmp_path / "c.jsonl")]) == 0
    assert main(["parse", "-j", "some", str(inputs)]) == 2


def test_a_cluster_run_filters_languages_and_counts_them_when_resumed(
    inputs: Path, tmp_path: Path
) -> None:
    pytest.importorskip("dask")
    pyarrow_parquet = pytest.importorskip("pyarrow.parquet")
    from newscorpus.cluster import run_on_dask
    from newscorpus.errors import ResumeError

    output = tmp_path / "corpus"
    first = run_on_dask(inputs, output, languages=["de", "fr"], scheduler="sync", partition_size=1)
    assert (first.read, first.written, first.failed, first.filtered) == (3, 2, 0, 1)
    table = pyarrow_parquet.read_table(output, columns=["language"])
    assert sorted(table.column("language").to_pylist()) == ["de", "fr"]
    assert json.loads((output / "_summary.json").read_text())["filtered"] == 1
    again = run_on_dask(
        inputs, output, languages=["fr", "de"], resume=True, scheduler="sync", partition_size=1
    )
    assert (again.resumed, again.read, again.written, again.filtered) == (3, 3, 2, 1)
    with pytest.raises(ResumeError):
        run_on_dask(
            inputs, output, languages=["en"], resume=True, scheduler="sync", partition_size=1
        )


def test_the_cluster_command_takes_the_language_filter() -> None:
    from newscorpus.cli.main import build_parser

    args = build_parser().parse_args(["cluster", "in", "-o", "out", "--language", "de,fr"])
    assert args.language == LanguageFilter(["de", "fr"])
