"""Workers die with their parent (#13 item 8): a parent SIGKILLed in the middle of a run (as the
OOM killer does) leaves no worker behind, blocked or busy."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

_RUN = """
import os, sys, time
from newscorpus.corpus.origin import Origin, ReadDocument
from newscorpus.corpus.outcomes import outcome_of
from newscorpus.corpus.workers import processed
from newscorpus.formats import RawDocument

def slow(item, parse_format, pipeline=None):
    with open(sys.argv[1], "a") as pids:
        pids.write(f"{os.getpid()}\\n")
    time.sleep(120)
    return outcome_of(item, parse_format, pipeline)

items = (ReadDocument(RawDocument("A story."), Origin(str(n))) for n in range(100))
for _ in processed(items, jobs=2, work=slow):
    pass
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie waiting to be reaped has died)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigkilled_parent_leaves_no_worker(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    parent = subprocess.Popen([sys.executable, "-c", _RUN, str(pids)])
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if pids.exists() and len(pids.read_text().split()) >= 2:
                break
            time.sleep(0.05)
        workers = [int(pid) for pid in pids.read_text().split()]
        assert len(workers) == 2
        assert all(_alive(pid) for pid in workers)
    finally:
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:  # never leak one from the test itself
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} outlived their parent"
