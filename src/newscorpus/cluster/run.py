"""Run the corpus pipeline on a Dask cluster: :func:`run_on_dask`, and :func:`read_bag`.

:func:`run_on_dask` plans the partitions (:func:`~newscorpus.cluster.plan_partitions`), then
runs one task per partition on the cluster; each task reads its pieces, turns every document
into its outcome with :func:`~newscorpus.corpus.outcome_of` (the local runner's own function,
so records, ids and error entries are the same by construction) and writes its Parquet file and
error file into the output folder (layout: :mod:`newscorpus.cluster.parts`). Workers write
directly to the output, so it must be a folder every worker can reach: a shared file system or
object storage (``s3://``, ``gs://``...).

Read in partition order, the corpus holds the records in the order the local runner writes
them. With ``resume=True`` the partitions whose Parquet file exists are kept (the plan must be
the same as the interrupted run's) and the others are run again.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from attrs import field, frozen, validators

from newscorpus._optional import installed
from newscorpus.cluster.inputs import Block, BlockScan, Partition, plan_partitions, scan_block
from newscorpus.cluster.parts import (
    ERRORS_FOLDER,
    FILTERED_KEY,
    PARTITIONS_FILE,
    SUMMARY_FILE,
    PartSummary,
    error_name,
    manifest,
    part_name,
    write_json,
    write_partition,
)
from newscorpus.cluster.reading import read_pieces
from newscorpus.cluster.requirements import require_dask
from newscorpus.cluster.storage import is_url, join, url_filesystem
from newscorpus.corpus.languages import LanguageFilter
from newscorpus.corpus.readers import Input
from newscorpus.corpus.records import FieldMapping
from newscorpus.corpus.schema import record_of_row, require_parquet
from newscorpus.corpus.statistics import CorpusStatistics
from newscorpus.errors import OutputError, ResumeError, RunFailedError, SettingError
from newscorpus.limits import Limits
from newscorpus.parsing import pipeline_description, pipeline_or_default
from newscorpus.tuning import CLUSTER_PARTITION_BYTES

if TYPE_CHECKING:
    from newscorpus.cleaning import Pipeline

__all__ = ["ClusterSummary", "partition_bytes", "read_bag", "run_on_dask"]

MARKER_FILE = "_newscorpus.json"
"""The marker a cluster run writes in its output folder, listing the files it writes: only a
folder holding it is replaced, and only the files it lists are removed."""
LOCK_FILE = "_newscorpus.lock"
"""Locked (POSIX ``lockf``) while a run writes a local output folder."""


@frozen
class ClusterSummary:
    """What a cluster run did: partitions, documents read, records written, errors, the
    partitions kept from an interrupted run (``resumed``), the statistics of the records, the
    cleaning pipeline's description and the documents a language filter left out
    (``filtered``), as in the local runner's summary: ``read == written + failed + filtered``.

    >>> summary = ClusterSummary(2, read=10, written=9, failed=1, resumed=0, output="corpus")
    >>> summary.errors, summary.to_json()["failed"]
    ('corpus/_errors', 1)
    """

    partitions: int = field(validator=validators.ge(0))
    read: int = field(validator=validators.ge(0))
    written: int = field(validator=validators.ge(0))
    failed: int = field(validator=validators.ge(0))
    resumed: int = field(validator=validators.ge(0))
    output: str
    statistics: CorpusStatistics = field(factory=CorpusStatistics, eq=False)
    pipeline: dict[str, Any] | None = field(default=None, eq=False)
    filtered: int = field(default=0, validator=validators.ge(0))

    @property
    def errors(self) -> str:
        """The folder of error entries."""
        return join(self.output, ERRORS_FOLDER)

    def to_json(self) -> dict[str, Any]:
        """The counts, the pipeline and the statistics, as written to ``_summary.json``."""
        return {
            "partitions": self.partitions,
            "read": self.read,
            "written": self.written,
            "failed": self.failed,
            "filtered": self.filtered,
            "resumed": self.resumed,
            "pipeline": self.pipeline,
            "statistics": self.statistics.to_json(),
        }


def partition_bytes(value: int | str) -> int:
    """A partition size in bytes: a number, or text such as ``"64 MiB"`` or ``"100MB"``.

    >>> partition_bytes("64 MiB"), partition_bytes(1000)
    (67108864, 1000)
    """
    size = value if isinstance(value, int) else int(require_dask().utils.parse_bytes(value))
    if size < 1:
        raise SettingError(f"the partition size must be at least 1 byte, not {value!r}")
    return size


def run_on_dask(
    inputs: Input | Iterable[Input],
    output: str | os.PathLike[str],
    *,
    client: Any = None,
    scheduler: str | None = None,
    partition_size: int | str = CLUSTER_PARTITION_BYTES,
    parse_format: str | None = None,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
    pipeline: Pipeline | None = None,
    languages: LanguageFilter | Iterable[str] | None = None,
    resume: bool = False,
    on_partition: Callable[[PartSummary], None] | None = None,
) -> ClusterSummary:
    """Parse every document of ``inputs`` on a Dask cluster into the corpus folder ``output``.

    ``client`` is a :class:`distributed.Client`; without one, the default client (the last one
    created) is used if there is one, else Dask's ``scheduler`` (``"processes"`` by default;
    ``"sync"`` runs everything here, for debugging). ``partition_size`` is bytes of input per
    partition (a number or ``"64 MiB"``). ``parse_format`` forces a parser and ``mapping`` names
    the fields of JSON Lines and CSV exports, ``limits`` bound what is read and ``pipeline``
    cleans every document (``None``: the default pipeline), as in the local runner: each
    record is the one :func:`newscorpus.parse` gives for its document with that pipeline (the
    pipeline is pickled to the workers, so its steps must be importable there). ``languages``
    (codes such as ``["de", "fr"]``, or a :class:`~newscorpus.corpus.LanguageFilter`) keeps
    only the articles in those languages, counting the others as ``filtered``.
    ``on_partition`` is called
    with each partition's :class:`~newscorpus.cluster.parts.PartSummary` as it completes.

    An existing ``output`` folder must be a cluster corpus (it is replaced, or resumed with
    ``resume=True``); a folder holding anything else is refused.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "a.txt").write_text("The council met on Monday to vote on the budget.")
    >>> inputs = [root / "a.txt", root / "gone.txt"]
    >>> summary = run_on_dask(inputs, root / "corpus", scheduler="sync")
    >>> summary.read, summary.written, summary.failed
    (2, 1, 1)
    """
    dask = require_dask()
    require_parquet()  # before the output folder exists: a failed start leaves nothing
    size = partition_bytes(partition_size)
    root = os.fspath(output)
    keep = LanguageFilter.of(languages)
    engine = _Engine(dask, client, scheduler)
    _refuse_inputs_inside(inputs, root)
    _check_folder(root)
    with _locked(root):
        return _run(
            inputs,
            root,
            engine,
            size,
            resume=resume,
            on_partition=on_partition,
            parse_format=parse_format,
            mapping=mapping,
            limits=limits,
            pipeline=pipeline,
            languages=keep,
        )


def _run(
    inputs: Input | Iterable[Input],
    root: str,
    engine: _Engine,
    size: int,
    *,
    resume: bool,
    on_partition: Callable[[PartSummary], None] | None,
    parse_format: str | None,
    mapping: FieldMapping | None,
    limits: Limits | None,
    pipeline: Pipeline | None,
    languages: LanguageFilter | None,
) -> ClusterSummary:
    previous = _prepare(root, resume=resume)
    partitions = plan_partitions(inputs, size, exclude=root, scan=engine.scan)
    plan = manifest(partitions, size, languages)
    plan_path = join(root, PARTITIONS_FILE)
    filesystem, folder = url_filesystem(root)
    written = {PARTITIONS_FILE, SUMMARY_FILE, LOCK_FILE, MARKER_FILE}
    written.update(part_name(p.number) for p in partitions)
    written.update(error_name(p.number) for p in partitions)
    write_json(join(root, MARKER_FILE), _marker(sorted(written | previous)))
    filesystem.makedirs(f"{folder}/{ERRORS_FOLDER}", exist_ok=True)
    done: list[int] = []
    if resume and filesystem.exists(f"{folder}/{PARTITIONS_FILE}"):
        with filesystem.open(f"{folder}/{PARTITIONS_FILE}", "rb") as stream:
            if json.load(stream) != plan:
                raise ResumeError(
                    f"cannot resume {root}: the inputs, the partition size or the languages "
                    "are not those of the interrupted run"
                )
        done = [
            p.number for p in partitions if filesystem.exists(f"{folder}/{part_name(p.number)}")
        ]
    else:
        write_json(plan_path, plan)
    kept = set(done)
    todo = [partition for partition in partitions if partition.number not in kept]
    settings = {
        "parse_format": parse_format,
        "mapping": mapping,
        "limits": limits,
        "pipeline": pipeline,
        "languages": languages,
    }
    summaries = engine.run(todo, root, settings, on_partition)
    counts = [(s.read, s.failed, s.filtered) for s in summaries]
    counts += [_counted(root, n) for n in done]
    read = sum(count[0] for count in counts)
    failed = sum(count[1] for count in counts)
    filtered = sum(count[2] for count in counts)
    statistics = CorpusStatistics()
    for part in summaries:
        statistics.merge(part.statistics)
    for number in done:
        statistics.merge(_statistics_of(root, number))
    summary = ClusterSummary(
        len(partitions),
        read,
        read - failed - filtered,
        failed,
        len(done),
        root,
        statistics=statistics,
        pipeline=pipeline_description(pipeline_or_default(pipeline)),
        filtered=filtered,
    )
    write_json(join(root, SUMMARY_FILE), summary.to_json())
    return summary


def read_bag(
    inputs: Input | Iterable[Input],
    *,
    partition_size: int | str = CLUSTER_PARTITION_BYTES,
    mapping: FieldMapping | None = None,
    limits: Limits | None = None,
) -> Any:
    """The read items of ``inputs`` as a :class:`dask.bag.Bag`, one bag partition per planned
    partition, in reading order: for analyses of your own on the cluster, such as
    ``read_bag(paths).map(outcome_of)``. Big JSON Lines files are scanned here to plan;
    ``mapping`` and ``limits`` are those of :func:`~newscorpus.corpus.read_documents`.

    >>> from newscorpus.corpus import outcome_of
    >>> bag = read_bag("no/such/file.txt")
    >>> [outcome["source"] for outcome in bag.map(outcome_of).compute(scheduler="sync")]
    ['no/such/file.txt']
    """
    dask = require_dask()
    bag = importlib.import_module("dask.bag")
    partitions = plan_partitions(inputs, partition_bytes(partition_size))
    load = dask.delayed(_read_list, pure=True)
    return bag.from_delayed([load(partition, mapping, limits) for partition in partitions])


def _read_list(
    partition: Partition, mapping: FieldMapping | None, limits: Limits | None
) -> list[Any]:
    return list(read_pieces(partition.pieces, mapping, limits))


class _Engine:
    """Where tasks run: a distributed client, or a Dask scheduler by name."""

    def __init__(self, dask: Any, client: Any, scheduler: str | None) -> None:
        self.dask = dask
        self.client = client if client is not None else _default_client()
        self.scheduler = scheduler or "processes"

    def scan(self, blocks: Sequence[Block]) -> list[BlockScan]:
        if self.client is not None:
            futures = self.client.map(scan_block, list(blocks), pure=False)
            return list(self.client.gather(futures))
        delayed = self.dask.delayed(scan_block, pure=False)
        tasks = [delayed(block) for block in blocks]
        return list(self.dask.compute(*tasks, scheduler=self.scheduler))

    def run(
        self,
        partitions: Sequence[Partition],
        root: str,
        settings: dict[str, Any],
        on_partition: Callable[[PartSummary], None] | None,
    ) -> list[PartSummary]:
        if not partitions:
            return []
        if self.client is None:
            delayed = self.dask.delayed(write_partition, pure=False)
            tasks = [delayed(p, root, **settings) for p in partitions]
            summaries: list[PartSummary] = list(self.dask.compute(*tasks, scheduler=self.scheduler))
            for summary in summaries:
                if on_partition is not None:
                    on_partition(summary)
            return summaries
        distributed = importlib.import_module("distributed")
        futures = self.client.map(
            write_partition,
            list(partitions),
            root=root,
            pure=False,
            **settings,
        )
        number = {
            future.key: partition.number
            for future, partition in zip(futures, partitions, strict=True)
        }
        summaries = []
        failures: list[tuple[int, BaseException]] = []
        for future in distributed.as_completed(futures):
            try:
                summary = future.result()
            except Exception as error:  # a worker lost for good, a full disk: others go on
                failures.append((number[future.key], error))
                continue
            summaries.append(summary)
            if on_partition is not None:
                on_partition(summary)
        if failures:
            failures.sort(key=lambda failure: failure[0])
            numbers = ", ".join(str(failure[0]) for failure in failures)
            raise RunFailedError(
                f"{len(failures)} partition(s) failed ({numbers}); the others are written: "
                f"run again with resume=True to redo only the failed ones"
            ) from failures[0][1]
        return summaries


def _default_client() -> Any:
    distributed = installed("distributed")
    if distributed is None:
        return None
    try:
        return distributed.default_client()
    except ValueError:
        return None


def _marker(files: list[str]) -> dict[str, Any]:
    return {"written_by": "newscorpus cluster", "files": files}


def _listed(filesystem: Any, folder: str) -> set[str] | None:
    """The files the marker of ``folder`` lists (``None``: no readable marker)."""
    try:
        with filesystem.open(f"{folder}/{MARKER_FILE}", "rb") as stream:
            data = json.load(stream)
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(files, list):
        return None
    return {name for name in files if isinstance(name, str) and _plain(name)}


def _plain(name: str) -> bool:
    """A name a marker may list: relative, without ``..`` (a forged marker removes nothing else)."""
    parts = name.split("/")
    return bool(name) and not name.startswith("/") and ".." not in parts and "" not in parts


def _check_folder(root: str) -> None:
    """Refuse ``root`` when it is a file, or a non-empty folder without a cluster run's marker
    (checked again under the lock, by :func:`_prepare`)."""
    filesystem, folder = url_filesystem(root)
    if not filesystem.exists(folder):
        return
    if not filesystem.isdir(folder):
        raise OutputError(f"{root} is a file; a cluster corpus is written to a folder")
    names = {entry.rstrip("/").rsplit("/", 1)[-1] for entry in filesystem.ls(folder, detail=False)}
    if names - {LOCK_FILE} and _listed(filesystem, folder) is None:
        raise OutputError(
            f"{root} is not empty and holds files that are not part of a cluster corpus "
            f"(no {MARKER_FILE} marker of a cluster run); choose an empty or new folder"
        )


def _prepare(root: str, *, resume: bool) -> set[str]:
    """Check that ``root`` is new, empty, or a folder a cluster run marked as its own; unless
    resuming, remove the files its marker lists (and nothing else). Returns the names the old
    marker listed that stay (when resuming), for the new marker."""
    filesystem, folder = url_filesystem(root)
    if not filesystem.exists(folder):
        filesystem.makedirs(folder, exist_ok=True)
        return set()
    _check_folder(root)
    listed = _listed(filesystem, folder)
    if listed is None:  # empty, or only the lock
        return set()
    if resume:
        return listed
    for name in sorted(listed - {LOCK_FILE, MARKER_FILE}):
        path = f"{folder}/{name}"
        if filesystem.isfile(path):
            filesystem.rm(path)
    errors = f"{folder}/{ERRORS_FOLDER}"
    if filesystem.isdir(errors) and not filesystem.ls(errors, detail=False):
        filesystem.rmdir(errors)
    return set()


def _refuse_inputs_inside(inputs: Input | Iterable[Input], root: str) -> None:
    """Refuse an input that is the output folder or inside it (after resolving links): the
    run would replace it."""
    items: Iterable[Input] = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    for item in items:
        text = os.fspath(item)
        if is_url(root) or is_url(text):
            inside = (
                is_url(root)
                and is_url(text)
                and (text.rstrip("/") + "/").startswith(root.rstrip("/") + "/")
            )
        else:
            folder = os.path.realpath(root)
            path = os.path.realpath(text)
            inside = path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)
        if inside:
            raise OutputError("is inside the output folder: the run would replace it", source=text)


@contextlib.contextmanager
def _locked(root: str) -> Iterator[None]:
    """Hold a POSIX lock on ``root``'s lock file while the run writes it (a local folder; an
    object store has no locks): a second run to the same output is refused, not cleared."""
    if is_url(root) or sys.platform == "win32":
        yield
        return
    import fcntl

    os.makedirs(root, exist_ok=True)
    descriptor = os.open(os.path.join(root, LOCK_FILE), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.lockf(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError("another run is writing this output", source=root) from None
        yield
    finally:
        os.close(descriptor)


def _counted(root: str, number: int) -> tuple[int, int, int]:
    """Documents read, failed and filtered in a committed partition, from its files."""
    filesystem, folder = url_filesystem(root)
    with filesystem.open(f"{folder}/{part_name(number)}", "rb") as stream:
        metadata = require_parquet().ParquetFile(stream).metadata
    rows = int(metadata.num_rows)
    footer = metadata.metadata or {}
    filtered = int(footer.get(FILTERED_KEY.encode(), b"0"))
    failed = 0
    errors = f"{folder}/{error_name(number)}"
    if filesystem.exists(errors):
        with filesystem.open(errors, "rb") as stream:
            failed = sum(1 for line in stream if line.strip())
    return rows + failed + filtered, failed, filtered


def _statistics_of(root: str, number: int) -> CorpusStatistics:
    """The statistics of a committed partition's records, read back from its Parquet file."""
    filesystem, folder = url_filesystem(root)
    statistics = CorpusStatistics()
    with filesystem.open(f"{folder}/{part_name(number)}", "rb") as stream:
        for batch in require_parquet().ParquetFile(stream).iter_batches(batch_size=256):
            for row in batch.to_pylist():
                statistics.add_record(record_of_row(row))
    return statistics
