"""The cluster runner on a distributed.LocalCluster of two worker processes: the same corpus as
the local runner (records, ids, error entries), resume, failures, the CLI, a Dask bag."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.cluster import read_bag, run_on_dask
from newscorpus.cluster.parts import PartSummary
from newscorpus.corpus import arrow_schema, outcome_of, read_corpus, read_documents, run_corpus
from newscorpus.corpus.runner import error_path_for
from tests.cluster.mixed import EXAMPLES, build, error_lines, page
from tests.custom_steps import custom_pipeline

distributed = pytest.importorskip("distributed")
parquet = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes, one thread each, for the whole module."""
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


@pytest.fixture(scope="module")
def local(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], Path]:
    """The mixed corpus and the local runner's output of it (JSON Lines: the records as the
    library writes them, to compare with what the Parquet parts read back)."""
    root = tmp_path_factory.mktemp("mixed")
    inputs = build(root)
    output = root / "local.jsonl"
    run_corpus(inputs, output, jobs=1)
    return inputs, output


def records(path: Path) -> list[dict[str, Any]]:
    return [dict(record) for record in read_corpus(path).records()]


def same_corpus(folder: Path, output: Path) -> None:
    ours, theirs = records(folder), records(output)
    assert len(theirs) > 10
    assert ours == theirs  # same records, same ids, and even the same order
    canonical = {json.dumps(record, sort_keys=True) for record in ours}
    assert canonical == {json.dumps(record, sort_keys=True) for record in theirs}
    local_errors = error_path_for(output).read_text(encoding="utf-8").splitlines()
    assert len(local_errors) == 4  # a broken line, a row without payload, a cut gzip, no match
    assert error_lines(folder) == local_errors


def test_the_cluster_writes_the_local_runners_corpus(
    client: Any, local: tuple[list[str], Path], tmp_path: Path
) -> None:
    inputs, output = local
    seen: list[PartSummary] = []
    folder = tmp_path / "corpus"
    summary = run_on_dask(
        inputs, folder, client=client, partition_size=300, on_partition=seen.append
    )
    same_corpus(folder, output)
    assert summary.partitions > 4
    assert sorted(part.number for part in seen) == list(range(summary.partitions))
    assert (summary.read, summary.failed) == (
        len(records(output)) + len(error_lines(folder)),
        len(error_lines(folder)),
    )
    for part in sorted(folder.glob("part-*.parquet")):
        assert parquet.read_schema(part).remove_metadata() == arrow_schema()
    written = json.loads((folder / "_summary.json").read_text(encoding="utf-8"))
    assert written == summary.to_json()


def test_resume_redoes_only_the_missing_partitions(
    client: Any, local: tuple[list[str], Path], tmp_path: Path
) -> None:
    inputs, output = local
    folder = tmp_path / "corpus"
    first = run_on_dask(inputs, folder, client=client, partition_size=300)
    (folder / "part-00001.parquet").unlink()
    (folder / "_summary.json").unlink()
    seen: list[PartSummary] = []
    again = run_on_dask(
        inputs, folder, client=client, partition_size=300, resume=True, on_partition=seen.append
    )
    assert [part.number for part in seen] == [1]
    assert again.resumed == first.partitions - 1
    assert (again.read, again.written, again.failed) == (first.read, first.written, first.failed)
    assert again.statistics.to_json() == first.statistics.to_json()  # kept parts read back
    assert again.statistics.documents == first.written
    same_corpus(folder, output)
    with pytest.raises(ValueError, match="not those of the interrupted run"):
        run_on_dask(inputs, folder, client=client, partition_size=301, resume=True)


def test_a_failed_partition_is_named_and_the_others_are_kept(
    local: tuple[list[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Threads in this process, so the patched task is the one that runs."""
    from newscorpus.cluster import run

    inputs, output = local
    real = run.write_partition  # type: ignore[attr-defined]

    def failing(partition: Any, *args: Any, **kwargs: Any) -> PartSummary:
        if partition.number == 2:
            raise OSError("disk full")
        return real(partition, *args, **kwargs)

    monkeypatch.setattr(run, "write_partition", failing)
    folder = tmp_path / "corpus"
    in_process = distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=2, dashboard_address=None
    )
    with in_process, distributed.Client(in_process) as threads:
        with pytest.raises(RuntimeError, match=r"1 partition\(s\) failed \(2\)"):
            run_on_dask(inputs, folder, client=threads, partition_size=300)
        assert (folder / "part-00001.parquet").is_file()
        assert not (folder / "part-00002.parquet").exists()
        monkeypatch.setattr(run, "write_partition", real)
        run_on_dask(inputs, folder, client=threads, partition_size=300, resume=True)
    same_corpus(folder, output)


def test_the_cli_runs_on_an_existing_scheduler(
    client: Any, local: tuple[list[str], Path], tmp_path: Path
) -> None:
    inputs, output = local
    folder = tmp_path / "corpus"
    address = client.scheduler.address
    status = main(["cluster", *inputs, "-o", str(folder), "--scheduler", address])
    assert status == 1  # some inputs failed: their entries are in _errors/
    same_corpus(folder, output)


def test_a_bag_of_read_items_gives_the_local_outcomes(
    client: Any, local: tuple[list[str], Path]
) -> None:
    inputs, _ = local
    bag = read_bag(inputs, partition_size=300)
    assert bag.npartitions > 4
    outcomes = bag.map(outcome_of).compute()
    assert outcomes == [outcome_of(item) for item in read_documents(inputs)]


def test_a_custom_pipeline_gives_parses_articles_on_the_cluster(
    client: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for dump in sorted(EXAMPLES.glob("*.txt")):
        (folder / dump.name).write_bytes(dump.read_bytes())
    for number in range(3):
        (folder / f"page{number}.html").write_text(page(number), encoding="utf-8")
    paths = sorted(folder.iterdir())
    output = tmp_path / "corpus"
    summary = run_on_dask(
        [str(path) for path in paths],
        output,
        client=client,
        partition_size=2000,
        pipeline=custom_pipeline(),
    )
    assert summary.partitions >= 2
    assert summary.failed == 0
    expected = [newscorpus.parse(path, pipeline=custom_pipeline()) for path in paths]
    assert list(read_corpus(output)) == expected
    written = json.loads((output / "_summary.json").read_text(encoding="utf-8"))
    assert written["statistics"]["documents"] == len(expected)
    assert written["statistics"]["removals_by_code"]["drop_short"] == sum(
        removal.step == "drop_short" for article in expected for removal in article.removed
    )
    assert written["pipeline"] == {
        "fingerprint": custom_pipeline().fingerprint(),
        "steps": custom_pipeline().spec(),
    }
    assert {article.pipeline for article in expected} == {custom_pipeline().fingerprint()}
    if importlib.util.find_spec("matplotlib") is not None:  # the report reads the folder
        from newscorpus.report import write_report

        write_report(output, tmp_path / "report.html")
        report = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert f"Run: {len(expected)} read, {len(expected)} written, 0 failed." in report
    address = client.scheduler.address
    options = ["--without", "debris", "--scheduler", address, "--partition-size", "2000"]
    assert main(["cluster", str(folder), "-o", str(tmp_path / "cli"), *options]) == 0
    without = newscorpus.default_pipeline().without("debris")
    assert list(read_corpus(tmp_path / "cli")) == [
        newscorpus.parse(path, pipeline=without) for path in paths
    ]
