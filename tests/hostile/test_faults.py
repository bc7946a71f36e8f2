"""A corpus run under faults: broken inputs and a worker killed part-way; every input is exactly
one record or one error entry, and the summary's counts say so."""

from __future__ import annotations

import contextlib
import gzip
import json
import random
import textwrap
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from newscorpus.corpus import read_documents, run_corpus
from newscorpus.corpus.runner import error_path_for
from newscorpus.errors import RegistryError
from newscorpus.registry import parsers

from .helpers import gzip_zeros, tar_bytes, zip_bytes

STORY = (
    "The council voted on Monday to keep the town library open for another year, after a "
    "campaign by parents and teachers who said it was the only quiet place to study."
)

PLUGIN = '''
"""A parser that kills the worker process it runs in (as a segfault or the OOM killer would)."""
import multiprocessing
import os


class CrashParser:
    name = "crash"
    version = "1"

    def can_parse(self, document):
        return 0.0

    def parse(self, document):
        if multiprocessing.parent_process() is None:
            raise RuntimeError("the crash parser only kills worker processes")
        os._exit(70)


PARSER = CrashParser()
'''


@pytest.fixture
def crash_plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The ``crash`` parser, installed as an entry point: found again here (this process may
    have looked for plugins before it was installed), so forked and spawned workers both have
    it."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "hostile_crash_plugin.py").write_text(textwrap.dedent(PLUGIN))
    info = site / "hostile_crash_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hostile-crash-plugin\nVersion: 1.0\n"
    )
    (info / "entry_points.txt").write_text(
        "[newscorpus.parsers]\ncrash = hostile_crash_plugin:PARSER\n"
    )
    monkeypatch.syspath_prepend(str(site))  # spawned workers inherit sys.path
    parsers.discover(again=True)  # forked workers inherit this process's registry
    yield
    with contextlib.suppress(RegistryError):  # in case this process discovered it meanwhile
        parsers.unregister("crash")


def _corpus(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    chooser = random.Random(7)
    for n in range(6):
        (folder / f"story-{n}.txt").write_text(f"Headline {n}\n\n{STORY} Story {n}.\n")
    (folder / "page.html").write_text(f"<html><body><article><p>{STORY}</p></article></body>")
    (folder / "deep.html").write_text("<div>" * 50_000 + STORY)
    (folder / "corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + chooser.randbytes(300))
    (folder / "cp1252.txt").write_bytes(f"Le café a rouvert. {STORY}".encode("cp1252"))
    (folder / "noise.bin").write_bytes(chooser.randbytes(2_000))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.html").write_bytes(b"\n \t\n")
    (folder / "nul.txt").write_bytes(b"\x00" * 100 + STORY.encode() + b"\x00\x01\x02")
    whole = tar_bytes([(f"m{n}.txt", f"{STORY} Member {n}.".encode()) for n in range(4)])
    (folder / "cut.tar").write_bytes(whole[: len(whole) // 2 + 100])
    (folder / "bomb.txt.gz").write_bytes(gzip_zeros(64 * 1024 * 1024))
    (folder / "names.zip").write_bytes(zip_bytes({"../up.txt": STORY.encode(), "/abs.txt": b"x"}))
    rows = [json.dumps({"text": f"{STORY} Row {n}."}) for n in range(6)]
    rows[2] = json.dumps({"text": "This row kills its worker.", "format": "crash"})
    rows[4] = "{broken json"
    (folder / "rows.jsonl").write_text("\n".join(rows) + "\n")
    (folder / "more.jsonl.gz").write_bytes(
        gzip.compress(("\n".join([rows[0], "[" * 50_000, rows[1]]) + "\n").encode())
    )
    return folder


def test_a_run_with_broken_inputs_and_a_killed_worker_loses_nothing(
    tmp_path: Path, crash_plugin: None
) -> None:
    corpus = _corpus(tmp_path)
    expected = Counter(item.source for item in read_documents(corpus))
    assert all(count == 1 for count in expected.values())
    output = tmp_path / "out" / "corpus.jsonl"
    output.parent.mkdir()
    summary = run_corpus(corpus, output, jobs=2, part_size=4)
    records = [json.loads(line) for line in output.read_text().splitlines()]
    errors = [json.loads(line) for line in error_path_for(output).read_text().splitlines()]
    assert summary.read == summary.written + summary.failed == sum(expected.values())
    assert (len(records), len(errors)) == (summary.written, summary.failed)
    seen = Counter([record["source"] for record in records] + [e["source"] for e in errors])
    assert seen == expected  # each input exactly once
    by_source = {error["source"]: error for error in errors}
    crashed = [error for error in errors if error["error"] == "WorkerCrashed"]
    assert [error["source"] for error in crashed] == [f"{corpus / 'rows.jsonl'}:3"]
    assert by_source[str(corpus / "bomb.txt.gz")]["error"] == "LimitError"
    assert by_source[str(corpus / "corrupt.txt.gz")]["error"] in (
        "BadGzipFile",
        "EOFError",
        "error",
    )
    assert by_source[f"{corpus / 'rows.jsonl'}:5"]["error"] == "JSONDecodeError"
    assert by_source[f"{corpus / 'more.jsonl.gz'}:2"]["error"] == "RecursionError"
    assert any(source.startswith(f"{corpus / 'cut.tar'}!m") for source in seen)
    assert str(corpus / "deep.html") in {record["source"] for record in records}
    assert f"{corpus / 'rows.jsonl'}:6" in {record["source"] for record in records}
