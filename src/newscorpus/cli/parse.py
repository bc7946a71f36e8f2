"""``newscorpus parse``: one JSON record per input, as JSON Lines, to stdout or a file.

Each input gives one line: the article's record (:meth:`newscorpus.Article.to_dict`) when it
parsed, or an *error record* when it did not, and the run goes on::

    {"schema": 2, "source": "missing.txt",
     "error": {"type": "SourceNotFoundError", "message": "no such file", "internal": false}}

``type`` is the exception's class name (a :class:`~newscorpus.NewsCorpusError` subclass for
expected failures), ``message`` says what went wrong, and ``internal`` is true only for an
unexpected exception inside newscorpus: a bug worth reporting. A consumer tells the two kinds
of record apart by the ``error`` key. A directory stands for every regular file under it,
recursively, in sorted order, hidden files and folders skipped. A summary goes to stderr.

With ``--jobs N`` or ``--resume``, and always for Parquet or CSV output (``-o corpus.parquet``),
the run goes through the corpus runner (:mod:`newscorpus.corpus.runner`) instead: inputs are
read with :func:`~newscorpus.corpus.read_documents` (folders, archives, JSON Lines, CSV, WARC),
parsed in N worker processes, the records written to the output and every failure to the error
file beside it (``corpus.errors.jsonl``), with a progress display on a terminal; ``--resume``
goes on from the parts an interrupted run committed.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol

from attrs import frozen

import newscorpus
from newscorpus.corpus.atomic import atomic_write as atomic_output
from newscorpus.corpus.runner import DEFAULT_PART_SIZE, Progress, run_corpus
from newscorpus.corpus.writers import format_for
from newscorpus.errors import InputError, NewsCorpusError

__all__ = ["Input", "atomic_output", "error_record", "expand_inputs", "register", "run"]


class _Sink(Protocol):
    """Where records go: a binary stream."""

    def write(self, data: bytes, /) -> int: ...

    def flush(self) -> None: ...


@frozen
class Input:
    """One document to parse: its path, or the error met while listing it."""

    label: str
    path: Path
    error: NewsCorpusError | None = None


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``parse`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "parse",
        help="parse dumps into JSON Lines records",
        description=(
            "Parse each PATH (a file, or a folder: every non-hidden file under it, sorted) and "
            "print one JSON record per input, one a line. An input that fails gives an error "
            'record ({"schema": 2, "source": ..., "error": {"type": ..., "message": ..., '
            '"internal": ...}}) and the run goes on. Exit status: 0 if every input parsed, 1 '
            "if any failed, 2 for usage errors."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or a folder to parse")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write the records to FILE (replaced only once the run is complete) instead of stdout",
    )
    parser.add_argument(
        "-f", "--format", metavar="NAME", help="parse every input as this format (default: detect)"
    )
    parser.add_argument(
        "--url", metavar="URL", help="the URL the page was captured from (one file input only)"
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help=(
            "run the corpus runner with N worker processes (needs -o): inputs may be folders, "
            "archives, JSON Lines, CSV or WARC files; failures go to FILE's error file "
            "(corpus.parquet -> corpus.errors.jsonl), not into the records"
        ),
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="with the corpus runner, go on from the parts an interrupted run committed",
    )
    parser.add_argument(
        "--part-size",
        type=int,
        default=DEFAULT_PART_SIZE,
        metavar="N",
        help=f"documents per committed part of the corpus runner (default {DEFAULT_PART_SIZE})",
    )
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Parse every input named in ``args`` and write the records; return the exit status."""
    paths: list[str] = args.paths
    format_: str | None = args.format
    url: str | None = args.url
    output: str | None = args.output
    if format_ is not None and format_ not in newscorpus.parsers:
        known = ", ".join(newscorpus.parsers.names())
        parser.error(f"unknown format {format_!r} (known: {known})")
    if url is not None and (len(paths) != 1 or _is_dir(Path(paths[0]))):
        parser.error("--url names the capture of one page; give exactly one file with it")
    if args.jobs is not None or args.resume or _wants_runner(output):
        return _run_corpus(args, parser=parser)
    if output is None or output == "-":
        sys.stdout.flush()
        parsed, failed = _parse_all(paths, _binary_stdout(), format_=format_, url=url)
        where = ""
    else:
        target = Path(output)
        if _is_dir(target):
            parser.error(f"cannot write {output}: is a directory")
        try:
            with atomic_output(target) as stream:
                parsed, failed = _parse_all(
                    paths, stream, format_=format_, url=url, exclude={target.resolve()}
                )
        except OSError as error:
            parser.error(f"cannot write {output}: {error.strerror or error}")
        where = f" (records in {output})"
    print(f"newscorpus parse: {parsed} parsed, {failed} failed{where}", file=sys.stderr)
    return 1 if failed else 0


def _wants_runner(output: str | None) -> bool:
    """Parquet and CSV output are written by the corpus runner; JSON Lines needs ``--jobs``."""
    if output is None or output == "-":
        return False
    try:
        return format_for(output) != "jsonl"
    except ValueError:
        return False


def _run_corpus(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    output: str | None = args.output
    jobs: int = 1 if args.jobs is None else args.jobs
    if output is None or output == "-":
        parser.error("--jobs, --resume, Parquet and CSV output need -o FILE")
    if args.url is not None:
        parser.error("--url names the capture of one page; it does not go with --jobs/--resume")
    if jobs < 1:
        parser.error("--jobs must be at least 1")
    if args.part_size < 1:
        parser.error("--part-size must be at least 1")
    target = Path(output)
    if _is_dir(target):
        parser.error(f"cannot write {output}: is a directory")
    try:
        format_for(target)
    except ValueError as error:
        parser.error(str(error))
    progress = Progress()
    try:
        summary = run_corpus(
            args.paths,
            target,
            jobs=jobs,
            resume=args.resume,
            parse_format=args.format,
            part_size=args.part_size,
            on_item=progress,
        )
    except ValueError as error:
        progress.stop()
        print(f"newscorpus parse: {error}", file=sys.stderr)
        return 2
    except OSError as error:
        progress.stop()
        parser.error(f"cannot write {output}: {error.strerror or error}")
    progress.stop()
    resumed = f", {summary.resumed} from the resumed run" if summary.resumed else ""
    errors = f"; errors in {summary.errors}" if summary.failed else ""
    print(
        f"newscorpus parse: {summary.read} read, {summary.written} written, "
        f"{summary.failed} failed{resumed} (records in {output}{errors})",
        file=sys.stderr,
    )
    return 1 if summary.failed else 0


def _parse_all(
    paths: Sequence[str],
    stream: _Sink,
    *,
    format_: str | None,
    url: str | None,
    exclude: set[Path] | None = None,
) -> tuple[int, int]:
    parsed = failed = 0
    for item in expand_inputs(paths, exclude=exclude):
        record = _record(item, format_=format_, url=url)
        if "error" in record:
            failed += 1
            _report(item.label, record["error"])
        else:
            parsed += 1
        stream.write(_json_line(record))
    stream.flush()
    return parsed, failed


def _record(item: Input, *, format_: str | None, url: str | None) -> dict[str, Any]:
    if item.error is not None:
        return error_record(item.label, item.error)
    try:
        article = newscorpus.parse(item.path, format=format_, url=url)
    except Exception as error:  # expected or not (a bug in a parser or step), the run goes on
        return error_record(item.label, error)
    return article.to_dict()


def error_record(source: str, error: BaseException) -> dict[str, Any]:
    """The record that stands for an input that failed, in the stream of article records.

    >>> from newscorpus import SourceNotFoundError
    >>> error_record("gone.txt", SourceNotFoundError("no such file", source="gone.txt"))
    {'schema': 2, 'source': 'gone.txt', 'error': {'type': 'SourceNotFoundError', \
'message': 'no such file', 'internal': False}}
    """
    if isinstance(error, NewsCorpusError):
        message, internal = error.message, False
    else:
        message, internal = str(error) or type(error).__name__, True
    return {
        "schema": newscorpus.SCHEMA_VERSION,
        "source": source,
        "error": {"type": type(error).__name__, "message": message, "internal": internal},
    }


def _report(label: str, error: dict[str, Any]) -> None:
    if error["internal"]:
        note = (
            f"unexpected {error['type']}: {error['message']} "
            "(a bug in newscorpus: please report it)"
        )
    else:
        note = f"{error['message']} ({error['type']})"
    print(f"newscorpus parse: {label}: {note}", file=sys.stderr)


def _json_line(record: dict[str, Any]) -> bytes:
    # JSON Lines is UTF-8 whatever the locale; a path that is not valid UTF-8 (surrogate
    # escapes) is written as JSON \\u escapes rather than failing the run.
    text = json.dumps(record, ensure_ascii=False) + "\n"
    return text.encode("utf-8", errors="backslashreplace")


def expand_inputs(paths: Sequence[str], *, exclude: set[Path] | None = None) -> Iterator[Input]:
    """The documents that ``paths`` name, in order: a file stands for itself, a folder for
    every regular file under it, recursively, sorted by path, hidden files and folders (name
    starting with ``.``) skipped. A folder that cannot be listed, or holds no file, gives one
    :class:`Input` carrying an :class:`~newscorpus.InputError`. Paths are not checked here: a
    missing file fails when it is parsed. Files whose resolved path is in ``exclude`` are
    skipped (the output file of a run, for one).
    """
    skip = exclude or set()
    for raw in paths:
        path = Path(raw)
        if not _is_dir(path):
            yield Input(raw, path)
            continue
        found = False
        for item in _walk(path, skip):
            found = found or item.error is None
            yield item
        if not found:
            message = "the folder holds no file to parse (hidden files are skipped)"
            yield Input(raw, path, InputError(message, source=raw))


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # unreadable: let the parse say why
        return False


def _walk(folder: Path, skip: set[Path]) -> Iterator[Input]:
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        message = f"cannot list the folder: {error.strerror or error}"
        yield Input(str(folder), folder, InputError(message, source=str(folder)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(path, skip)
            elif entry.is_file() and path.resolve() not in skip:
                yield Input(str(path), path)
        except OSError as error:  # a dangling or looping link, a permission error
            message = f"cannot read: {error.strerror or error}"
            yield Input(str(path), path, InputError(message, source=str(path)))


def _binary_stdout() -> _Sink:
    buffer: _Sink | None = getattr(sys.stdout, "buffer", None)
    return buffer if buffer is not None else _TextAsBinary()


class _TextAsBinary:
    """Stdout replaced by a text-only stream (some notebooks and IDEs): decode and write."""

    def write(self, data: bytes) -> int:
        return sys.stdout.write(data.decode("utf-8"))

    def flush(self) -> None:
        sys.stdout.flush()
