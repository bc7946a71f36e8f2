"""``newscorpus export``: a corpus's articles as Markdown or plain-text files.

``newscorpus export CORPUS --to markdown -o DIR`` writes one file per article into ``DIR``
(made if missing), named by :func:`newscorpus.render.file_name` (date, title slug, id: safe on
every file system and the same on every run, so a second export replaces the first one's
files); ``-o corpus.md`` (or ``.txt``) writes every article into that one file instead, one
after the other, apart by a rule (Markdown) or a form feed (text). Articles marked as
duplicates are exported like the rest. Every file is written whole or not at all.

Exit status: 0 when every record was exported, 1 when the corpus could not be read, 2 for
usage errors.
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path

from newscorpus.corpus.atomic import atomic_write
from newscorpus.corpus.corpus import read_corpus
from newscorpus.errors import NewsCorpusError
from newscorpus.models.article import Article
from newscorpus.render import RenderFormat, file_name, render

__all__ = ["register", "run"]

_SUFFIXES: dict[RenderFormat, str] = {"markdown": ".md", "text": ".txt"}
#: What stands between two articles in one file.
_SEPARATORS: dict[RenderFormat, str] = {"markdown": "\n---\n\n", "text": "\n\f\n"}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``export`` sub-command to ``commands``."""
    parser = commands.add_parser(
        "export",
        help="write a corpus's articles as Markdown or plain-text files",
        description=(
            "Write every article of CORPUS (a .jsonl or .parquet corpus) as Markdown or plain "
            "text: one file per article into the folder -o DIR, named date_title_id.md, or "
            "all of them into one file with -o FILE.md (or .txt)."
        ),
    )
    parser.add_argument("corpus", metavar="CORPUS", help="the corpus to read (.jsonl, .parquet)")
    parser.add_argument(
        "--to",
        choices=sorted(_SUFFIXES),
        default="markdown",
        help="the format to write (default markdown)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR|FILE",
        required=True,
        help="a folder (one file per article) or a file ending in .md or .txt (one file)",
    )
    parser.set_defaults(handler=functools.partial(run, parser=parser))


def run(args: argparse.Namespace, *, parser: argparse.ArgumentParser) -> int:
    """Export the corpus named in ``args``; return the exit status."""
    format: RenderFormat = args.to
    output = Path(args.output)
    one_file = output.suffix.lower() in (".md", ".markdown", ".txt") and not output.is_dir()
    if one_file and not output.absolute().parent.is_dir():
        parser.error(f"cannot write {output}: no such folder")
    if not one_file and output.exists() and not output.is_dir():
        parser.error(f"cannot write into {output}: not a folder")
    try:
        corpus = read_corpus(args.corpus)
    except (NewsCorpusError, ValueError, OSError) as error:
        print(f"newscorpus export: {args.corpus}: {error}", file=sys.stderr)
        return 1
    count = 0
    try:
        if one_file:
            separator = _SEPARATORS[format].encode("utf-8")
            with atomic_write(output) as stream:
                for article in corpus:
                    stream.write((separator if count else b"") + _encoded(article, format))
                    count += 1
        else:
            output.mkdir(parents=True, exist_ok=True)
            suffix = _SUFFIXES[format]
            for article in corpus:
                with atomic_write(output / file_name(article, suffix)) as stream:
                    stream.write(_encoded(article, format))
                count += 1
    except NewsCorpusError as error:
        print(f"newscorpus export: {args.corpus}: {error}", file=sys.stderr)
        return 1
    print(f"newscorpus export: {count} articles written to {output}", file=sys.stderr)
    return 0


def _encoded(article: Article, format: RenderFormat) -> bytes:
    return render(article, format).encode("utf-8")
