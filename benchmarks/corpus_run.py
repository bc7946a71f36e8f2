"""Figures of the corpus runner: documents per second with 1 and 2 jobs, and peak memory.

Run from the repository root::

    .venv/bin/python benchmarks/corpus_run.py BENCH_DIR                       # both parts
    .venv/bin/python benchmarks/corpus_run.py BENCH_DIR --memory-documents 0  # throughput only
    .venv/bin/python benchmarks/corpus_run.py BENCH_DIR --documents 300 --runs 1 \\
        --memory-documents 5000                                               # a quick check

``BENCH_DIR`` is the scrapinghub benchmark folder (``text/<id>.txt``, ``html/<id>.html.gz``).
Every synthetic corpus and every output goes to a temporary folder under the system's temporary
directory, deleted at the end; nothing is written into the benchmark or the repository.

Throughput: the 181 dumps (and, separately, the 181 pages, decompressed and decoded) are
repeated to ``--documents`` rows of one JSON Lines file (``{"text"|"html": ..., "url": ...}``),
the shape of a scraper's export. One JSONL file rather than a folder of small files, because
a folder of thousands of small files measures the file system (open, stat, directory order)
as much as the runner. Each row gets its document number appended (a line to a dump, an HTML
comment to a page), so no two documents are identical and no memo cache makes a repeat free;
newscorpus's caches are also emptied before each run (with 1 job the runner parses in this
process, and would otherwise start warm from the previous run). Each kind is run through
:func:`newscorpus.corpus.run_corpus` to a ``.jsonl`` output with each ``--jobs`` value,
``--runs`` times, interleaved (jobs 1, jobs 2, jobs 1, ...) so a busy spell of a shared
machine hits both; the medians are printed as documents per second, with the speed-up of each
job count over the first (target: 2 jobs >= 1.7 x 1 job on a 2-core machine). The time
includes everything a user waits for: reading, starting the worker processes, parsing,
committing the parts and assembling the output.

Memory: ``--memory-documents`` dumps made from the 181 (each with its document number
appended, so no two are the same and no memo cache makes the work trivial) in one JSONL file,
run through ``run_corpus`` to Parquet (JSON Lines without pyarrow) with each ``--memory-jobs``
value, each in a fresh interpreter (this script, re-run with an internal ``--memory-child``
flag), so neither the throughput part nor an earlier run inflates the parent's figure. A
thread samples ``VmRSS`` of the parent and of every descendant process (workers), and the
tree's total PSS (shared pages counted once), from ``/proc`` every 0.2 s; the peaks so far are
printed when 10 %, 50 % and 100 % of the documents have been taken back, and at the end
(after the output is renamed into place), so a reader sees whether memory grows with the
corpus (target: under 300 MB). With 1 job one worker process parses while the parent reads
and writes. ``ru_maxrss`` of the parent and of its reaped children is printed too. Linux only
(``/proc``).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from _bench import bench_dir, load_average, load_dumps, load_html, load_truth
from newscorpus._caches import clear_caches
from newscorpus.corpus import run_corpus
from newscorpus.corpus.workers import Processed

_SAMPLE_SECONDS = 0.2
_MEMORY_TARGET_MB = 300.0
_SPEEDUP_TARGET = 1.7
_CHECKPOINTS = (0.1, 0.5, 1.0)


def _write_jsonl(path: Path, rows: Sequence[dict[str, str]], count: int, *, vary: bool) -> int:
    """Write ``count`` rows cycling through ``rows``; ``vary`` appends the row number."""
    written = 0
    with path.open("w", encoding="utf-8") as stream:
        for number in range(count):
            row = dict(rows[number % len(rows)])
            if vary:
                field = "text" if "text" in row else "html"
                tail = f"Document {number}."
                row[field] += f"\n\n{tail}\n" if field == "text" else f"<!-- {tail} -->"
                row["url"] = f"{row['url']}?n={number}"
            stream.write(json.dumps(row, ensure_ascii=False))
            stream.write("\n")
            written += 1
    return written


def _rows(root: Path, kind: str) -> list[dict[str, str]]:
    truth = load_truth(root)
    ids = list(truth)
    if kind == "dumps":
        dumps = load_dumps(root, ids)
        return [
            {"text": dumps[key].decode("utf-8", errors="replace"), "url": truth[key].url}
            for key in ids
        ]
    pages = load_html(root, ids)
    return [{"html": pages[key], "url": truth[key].url} for key in ids]


_PARSE_FORMAT = {"dumps": "dump", "html": "html"}


# --- memory sampling -------------------------------------------------------------------------


def _proc_kb(pid: int, file: str, key: str) -> int | None:
    """The kB figure on the ``key`` line of ``/proc/<pid>/<file>``, or None if unreadable."""
    try:
        with open(f"/proc/{pid}/{file}", encoding="ascii", errors="replace") as lines:
            for line in lines:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None


def _rss_kb(pid: int) -> int:
    return _proc_kb(pid, "status", "VmRSS:") or 0


def _pss_kb(pid: int) -> int:
    """Proportional set size: a page shared by n processes counts 1/n in each (workers forked
    from the parent share its loaded model), so the tree's sum is what the run really holds."""
    pss = _proc_kb(pid, "smaps_rollup", "Pss:")
    return _rss_kb(pid) if pss is None else pss


def _parents() -> dict[int, int]:
    """Each process's parent, from ``/proc/<pid>/stat``."""
    result: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            result[int(entry)] = int(fields[1])
        except (OSError, ValueError, IndexError):
            continue
    return result


def _descendants(root: int) -> list[int]:
    parents = _parents()
    found: list[int] = []
    frontier = [root]
    while frontier:
        current = frontier.pop()
        children = [pid for pid, parent in parents.items() if parent == current]
        found.extend(children)
        frontier.extend(children)
    return found


class Sampler(threading.Thread):
    """Peak VmRSS (kB) of this process and of its largest descendant, and peak PSS of the
    whole tree."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.parent_kb = 0
        self.worker_kb = 0
        self.tree_kb = 0
        self.workers_seen: set[int] = set()
        self._stop_event = threading.Event()
        self._lock = threading.Lock()

    def sample(self) -> None:
        me = os.getpid()
        parent = _rss_kb(me)
        family = _descendants(me)
        children = {pid: _rss_kb(pid) for pid in family}
        tree = sum(_pss_kb(pid) for pid in [me, *family])
        with self._lock:
            self.parent_kb = max(self.parent_kb, parent)
            self.worker_kb = max([self.worker_kb, *children.values()])
            self.tree_kb = max(self.tree_kb, tree)
            self.workers_seen.update(children)

    def peaks(self) -> tuple[int, int, int]:
        with self._lock:
            return self.parent_kb, self.worker_kb, self.tree_kb

    def run(self) -> None:
        while not self._stop_event.is_set():
            self.sample()
            self._stop_event.wait(_SAMPLE_SECONDS)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()
        self.sample()


class Checkpoints:
    """The runner's ``on_document``: start the sampler on the first document (once the workers
    are forked: a sampling thread started earlier would make the runner choose forkserver over
    fork), and note the peaks when 10 %, 50 % and 100 % are taken back."""

    def __init__(self, sampler: Sampler, documents: int) -> None:
        self.sampler = sampler
        self.marks = [max(1, int(documents * share)) for share in _CHECKPOINTS]
        self.seen = 0
        self.at: list[tuple[float, int, tuple[int, int, int]]] = []

    def __call__(self, _outcome: Processed) -> None:
        if not self.seen:
            self.sampler.start()
        self.seen += 1
        while self.marks and self.seen >= self.marks[0]:
            self.sampler.sample()
            self.at.append((_CHECKPOINTS[len(self.at)], self.marks.pop(0), self.sampler.peaks()))


# --- the two parts ---------------------------------------------------------------------------


def _timed_run(source: Path, output: Path, jobs: int, parse_format: str) -> tuple[float, int]:
    if output.exists():
        output.unlink()
    clear_caches()  # a run in this process must not reuse the last run's memos
    start = time.perf_counter()
    summary = run_corpus([source], output, jobs=jobs, parse_format=parse_format)
    seconds = time.perf_counter() - start
    if summary.failed:
        print(f"  warning: {summary.failed} of {summary.read} documents failed", file=sys.stderr)
    return seconds, summary.read


def throughput(
    root: Path, *, work: Path, kinds: Sequence[str], documents: int, runs: int, jobs: Sequence[int]
) -> list[str]:
    """Median documents per second per kind and job count; returns the printed lines."""
    lines = [
        f"{'kind':<6} {'jobs':>4} {'docs':>7} {'median s':>9} {'docs/s':>9} {'speed-up':>9}"
        f"  runs (s)"
    ]
    for kind in kinds:
        source = work / f"throughput-{kind}.jsonl"
        _write_jsonl(source, _rows(root, kind), documents, vary=True)
        size_mb = source.stat().st_size / 1e6
        print(f"built {source.name}: {documents} documents, {size_mb:.1f} MB", flush=True)
        times: dict[int, list[float]] = {count: [] for count in jobs}
        for _ in range(runs):
            for count in jobs:
                seconds, read = _timed_run(
                    source, work / f"out-{kind}-{count}.jsonl", count, _PARSE_FORMAT[kind]
                )
                if read != documents:
                    raise SystemExit(f"{kind}: read {read} documents, expected {documents}")
                times[count].append(seconds)
                print(f"  {kind} jobs={count}: {seconds:.2f} s", flush=True)
        base = statistics.median(times[jobs[0]])
        for count in jobs:
            median = statistics.median(times[count])
            runs_text = " ".join(f"{value:.2f}" for value in times[count])
            lines.append(
                f"{kind:<6} {count:>4} {documents:>7} {median:>9.2f} {documents / median:>9.1f}"
                f" {base / median:>8.2f}x  {runs_text}"
            )
    return lines


def memory_run(source: Path, work: Path, jobs: int) -> list[str]:
    """One memory run over ``source`` with ``jobs``, in this process; the printed lines."""
    documents = sum(1 for _ in source.open("rb"))
    suffix = ".parquet" if importlib.util.find_spec("pyarrow") is not None else ".jsonl"
    output = work / f"memory-{jobs}{suffix}"
    sampler = Sampler()
    checkpoints = Checkpoints(sampler, documents)
    start = time.perf_counter()
    summary = run_corpus([source], output, jobs=jobs, parse_format="dump", on_document=checkpoints)
    seconds = time.perf_counter() - start
    sampler.stop()
    final = sampler.peaks()
    lines = []
    for share, mark, peaks in checkpoints.at:
        lines.append(
            f"{jobs:>4} {share:>5.0%} {mark:>8} " + " ".join(f"{kb / 1024:>8.1f}" for kb in peaks)
        )
    lines.append(
        f"{jobs:>4} {'end':>5} {summary.read:>8} "
        + " ".join(f"{kb / 1024:>8.1f}" for kb in final)
        + f"   {suffix} out, {seconds:.1f} s, {summary.read / seconds:.0f} docs/s,"
        f" {summary.written} written, {summary.failed} failed,"
        f" {len(sampler.workers_seen)} child processes seen"
    )
    usage_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    usage_children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    verdicts = [
        f"{name} {'under' if kb / 1024 < _MEMORY_TARGET_MB else 'OVER'}"
        for name, kb in zip(("parent", "largest worker", "tree"), final, strict=True)
    ]
    lines.append(
        f"{'':>4} ru_maxrss: parent {usage_self:.1f} MB, largest reaped child"
        f" {usage_children:.1f} MB; {', '.join(verdicts)} {_MEMORY_TARGET_MB:.0f} MB"
    )
    output.unlink(missing_ok=True)
    return lines


def memory(work: Path, root: Path, documents: int, jobs: Sequence[int]) -> list[str]:
    """Build the memory corpus, then one fresh interpreter per job count (a clean parent)."""
    source = work / "memory-dumps.jsonl"
    _write_jsonl(source, _rows(root, "dumps"), documents, vary=True)
    size_mb = source.stat().st_size / 1e6
    print(f"built {source.name}: {documents} documents, {size_mb:.1f} MB", flush=True)
    lines = [
        "peaks so far, MB, sampled every 0.2 s: VmRSS of the parent and of the largest worker,",
        "PSS of the whole tree (shared pages split between the processes sharing them);",
        "each job count runs in a fresh interpreter, so earlier runs do not inflate the parent",
        f"{'jobs':>4} {'at':>5} {'docs':>8} {'parent':>8} {'worker':>8} {'tree':>8}",
    ]
    for count in jobs:
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--memory-child",
            str(source),
            str(count),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise SystemExit(f"memory run with jobs={count} failed:\n{done.stderr}")
        lines.extend(done.stdout.splitlines())
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    if arguments[:1] == ["--memory-child"]:  # internal: one memory run, in a fresh process
        source = Path(arguments[1])
        print("\n".join(memory_run(source, source.parent, int(arguments[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument("--documents", type=int, default=2000, help="throughput corpus size")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per kind and jobs")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="job counts")
    parser.add_argument("--kinds", nargs="+", choices=("dumps", "html"), default=["dumps", "html"])
    parser.add_argument(
        "--memory-documents", type=int, default=100_000, help="memory corpus size (0: skip)"
    )
    parser.add_argument(
        "--memory-jobs", type=int, nargs="+", default=[1, 2], help="job counts of the memory run"
    )
    args = parser.parse_args(arguments)
    if args.documents < 1 and args.memory_documents < 1:
        parser.error("nothing to do")
    print("$ " + shlex.join([sys.executable, *sys.argv]))
    print(f"cpu_count={os.cpu_count()}  load average (1, 5, 15 min) at start: {load_average()}")
    work = Path(tempfile.mkdtemp(prefix="newscorpus-corpus-run-"))
    try:
        if args.documents > 0 and args.runs > 0:
            print("\n== throughput (JSON Lines in, JSON Lines out) ==", flush=True)
            table = throughput(
                args.bench,
                work=work,
                kinds=args.kinds,
                documents=args.documents,
                runs=args.runs,
                jobs=args.jobs,
            )
            print()
            print("\n".join(table))
            print(f"(speed-up target: {_SPEEDUP_TARGET}x with 2 jobs over 1)")
        if args.memory_documents > 0:
            print("\n== memory ==", flush=True)
            print("\n".join(memory(work, args.bench, args.memory_documents, args.memory_jobs)))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nload average at end: {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
