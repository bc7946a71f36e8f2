"""The cluster output folder (issue #13): only a folder a cluster run marked as its own is
replaced, and only the files its marker lists; inputs inside the output are refused; a second
run to the same output is refused while the first runs; failures are one line on the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newscorpus.cli.main import main
from newscorpus.cluster import run_on_dask
from newscorpus.cluster.parts import PartSummary
from newscorpus.cluster.run import LOCK_FILE, MARKER_FILE
from newscorpus.errors import OutputError
from tests.cluster.mixed import build

pytest.importorskip("dask")
pytest.importorskip("pyarrow")


def test_foreign_files_are_refused_and_kept(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    for name in ("part-00000.json", ".git", "_errors"):
        output = tmp_path / f"out-{name.strip('.')}"
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text("theirs", encoding="utf-8")
        with pytest.raises(OutputError, match=r"no _newscorpus\.json marker"):
            run_on_dask(inputs, output, scheduler="sync")
        assert sorted(os.listdir(output)) == [name]


def test_a_rerun_removes_only_the_files_its_marker_lists(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    run_on_dask(inputs, output, scheduler="sync", partition_size=100)
    listed = json.loads((output / MARKER_FILE).read_text(encoding="utf-8"))["files"]
    assert "part-00000.parquet" in listed
    assert LOCK_FILE in listed
    (output / "part-99999.json").write_text("a Spark part", encoding="utf-8")
    (output / ".git").mkdir()
    run_on_dask(inputs, output, scheduler="sync")
    assert (output / "part-99999.json").read_text(encoding="utf-8") == "a Spark part"
    assert (output / ".git").is_dir()
    assert sorted(path.name for path in output.glob("part-*.parquet")) == ["part-00000.parquet"]


def test_an_input_inside_or_equal_to_the_output_is_refused(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    run_on_dask(inputs, output, scheduler="sync")
    before = sorted(os.listdir(output))
    link = tmp_path / "link"
    link.symlink_to(output)
    for given in (output, link, output / "part-00000.parquet", f"{link}/*.parquet"):
        with pytest.raises(OutputError, match="inside the output folder"):
            run_on_dask([given], output, scheduler="sync")
    assert sorted(os.listdir(output)) == before
    assert main(["cluster", str(output), "-o", str(output), "--workers", "1"]) == 2


def test_a_second_run_is_refused_while_one_writes(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    first = run_on_dask(inputs, output, scheduler="sync")
    code = (
        "import sys, time\n"
        "from newscorpus.cluster.run import _locked\n"
        "with _locked(sys.argv[1]):\n"
        "    print('locked', flush=True)\n"
        "    time.sleep(60)\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(output)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(OutputError, match="another run"):
            run_on_dask(inputs, output, scheduler="sync")
    finally:
        holder.kill()
        holder.wait()
    assert len(list(output.glob("part-*.parquet"))) == first.partitions


def test_failed_partitions_are_one_line_on_the_cli(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    distributed = pytest.importorskip("distributed")
    from newscorpus.cluster import run

    inputs = build(tmp_path)
    real = run.write_partition  # type: ignore[attr-defined]

    def failing(partition: Any, *args: Any, **kwargs: Any) -> PartSummary:
        if partition.number == 1:
            raise OSError("disk full")
        return real(partition, *args, **kwargs)

    monkeypatch.setattr(run, "write_partition", failing)
    cluster = distributed.LocalCluster(
        processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
    )
    with cluster:
        address = cluster.scheduler_address
        argv = ["cluster", *inputs, "-o", str(tmp_path / "out"), "--partition-size", "150"]
        status = main([*argv, "--scheduler", address])
    err = capfd.readouterr().err
    assert status == 1
    lines = [line for line in err.splitlines() if line.startswith("newscorpus")]
    assert lines == [
        "newscorpus cluster: 1 partition(s) failed (1); the others are written: "
        "run again with resume=True to redo only the failed ones"
    ]
    assert "Traceback" not in err
    assert "Compute Failed" not in err
