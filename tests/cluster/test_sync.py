"""The cluster runner without a cluster (Dask's synchronous scheduler): fsspec URLs, the output
folder's rules, the missing extra, and reading a partitioned corpus back."""

from __future__ import annotations

import json
import sys
import uuid
from pathlib import Path

import pytest

from newscorpus.cluster import partition_bytes, require_dask, run_on_dask
from newscorpus.corpus import read_corpus, read_documents, run_corpus
from tests.cluster.mixed import EXAMPLES, STORY, build, page

pytest.importorskip("dask")
pytest.importorskip("pyarrow")
fsspec = pytest.importorskip("fsspec")


def test_object_storage_urls_in_and_out(tmp_path: Path) -> None:
    """fsspec's in-memory filesystem stands in for s3:// or gs:// (same code path)."""
    memory = fsspec.filesystem("memory")
    bucket = f"bucket-{uuid.uuid4().hex}"
    local = tmp_path / "in"
    local.mkdir()
    files = {dump.name: dump.read_bytes() for dump in sorted(EXAMPLES.glob("*.txt"))}
    files["page.html"] = page(1).encode()
    rows = [json.dumps({"text": f"{STORY} Row {n}."}) for n in range(6)] + ["{broken"]
    files["rows.jsonl"] = ("\n".join(rows) + "\n").encode()
    for name, data in files.items():
        (local / name).write_bytes(data)
        memory.pipe(f"/{bucket}/in/{name}", data)
    try:
        summary = run_on_dask(
            [f"memory://{bucket}/in"],
            f"memory://{bucket}/out",
            scheduler="sync",
            partition_size=200,
        )
        names = sorted(memory.ls(f"/{bucket}/out", detail=False))
        parts = [name for name in names if name.rsplit("/", 1)[1].startswith("part-")]
        parquet = pytest.importorskip("pyarrow.parquet")
        texts = [
            row["text"]
            for name in parts
            for row in parquet.read_table(memory.open(name, "rb")).to_pylist()
        ]
        entries = [
            json.loads(line)
            for name in memory.ls(f"/{bucket}/out/_errors", detail=False)
            for line in memory.cat(name).decode().splitlines()
        ]
    finally:
        memory.rm(f"/{bucket}", recursive=True)
    run_corpus([local], tmp_path / "local.jsonl", jobs=0)
    assert texts == [article.text for article in read_corpus(tmp_path / "local.jsonl")]
    assert (summary.read, summary.failed) == (len(texts) + 1, 1)
    assert [entry["source"] for entry in entries] == [f"memory:///{bucket}/in/rows.jsonl:7"]
    assert entries[0]["error"] == "JSONDecodeError"


def test_a_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    output.mkdir()
    (output / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="not part of a cluster corpus"):
        run_on_dask(inputs, output, scheduler="sync")
    assert (output / "notes.txt").read_text(encoding="utf-8") == "mine"
    (output / "notes.txt").unlink()
    (output / "file").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="is a file"):
        run_on_dask(inputs, output / "file", scheduler="sync")


def test_a_new_run_replaces_an_old_corpus(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    first = run_on_dask(inputs, output, scheduler="sync", partition_size=100)
    second = run_on_dask(inputs, output, scheduler="sync")
    assert first.partitions > second.partitions == 1
    assert sorted(path.name for path in output.glob("part-*")) == ["part-00000.parquet"]
    assert len(read_corpus(output)) == second.written


def test_reading_a_corpus_folder(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = tmp_path / "out"
    summary = run_on_dask(inputs, output, scheduler="sync", partition_size=150)
    corpus = read_corpus(output)
    assert len(corpus) == summary.written == len(list(corpus))
    sources = [article.source for article in corpus]
    expected = [item.source for item in read_documents(inputs)]
    assert sources == [source for source in expected if source in set(sources)]
    table = corpus.to_arrow()
    assert table.num_rows == summary.written
    with pytest.raises(ValueError, match="partitioned Parquet"):
        read_corpus(output, format="jsonl")


def test_partition_sizes() -> None:
    assert partition_bytes("1 KiB") == 1024
    assert partition_bytes(5) == 5
    with pytest.raises(ValueError, match="at least 1 byte"):
        partition_bytes(0)


def test_without_dask_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(ImportError, match=r"newscorpus\[dask\]"):
        require_dask()
    with pytest.raises(ImportError, match=r"newscorpus\[dask\]"):
        run_on_dask(["anything"], "out")


def test_a_cluster_corpus_is_deduplicated_like_the_local_one(tmp_path: Path) -> None:
    """docs/cluster.md: ``newscorpus dedup OUTDIR -o FILE`` (or ``find_duplicates`` over
    ``read_corpus(OUTDIR)``) reads the folder as one corpus, in the local runner's order."""
    pytest.importorskip("numpy")
    from newscorpus.cli.main import main
    from newscorpus.dedup import find_duplicates

    inputs = build(tmp_path)
    folder = tmp_path / "corpus"
    run_on_dask(inputs, folder, scheduler="sync", partition_size=150)
    local = tmp_path / "local.jsonl"
    run_corpus(inputs, local, jobs=0)
    ours, theirs = find_duplicates(read_corpus(folder)), find_duplicates(read_corpus(local))
    assert ours.duplicates + ours.syndication_groups > 0  # the mixed corpus has copies
    assert ours == theirs
    assert main(["dedup", str(folder), "-o", str(tmp_path / "a.jsonl")]) == 0
    assert main(["dedup", str(local), "-o", str(tmp_path / "b.jsonl")]) == 0
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
