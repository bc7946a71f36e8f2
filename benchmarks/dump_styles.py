"""Hold the dump pipeline to the same F1 on dumps made by other scrapers than Chromium.

Run from the repository root::

    .venv/bin/python benchmarks/dump_styles.py BENCH_DIR                      # every style
    .venv/bin/python benchmarks/dump_styles.py BENCH_DIR --styles html2text text-nodes
    .venv/bin/python benchmarks/dump_styles.py BENCH_DIR --floor 0.8          # exit 1 if any
    .venv/bin/python benchmarks/dump_styles.py BENCH_DIR --styles inscriptis --worst 10

Each of the benchmark's pages (``BENCH_DIR/html/<id>.html.gz``, decoded by its ``<meta>``
charset, else UTF-8 with replacement) is rendered to a dump in each style, parsed with
``newscorpus.parse(text, format="dump")`` and scored against the ground truth like
``dumps.py`` does. The styles:

``chromium``
    the benchmark's own dumps (``text/<id>.txt``): headless Chromium's visible text, the
    reference the other styles are held to.
``html2text``
    html2text's Markdown-ish text at its default body width (78 columns), links and images
    ignored: hard-wrapped paragraphs, ``#`` headings, ``*`` bullets, ``**bold**``/``_em_``.
``inscriptis``
    inscriptis's layout-preserving text (default settings): nesting becomes indentation,
    tables become columns of text padded with spaces, lines are not wrapped.
``text-nodes``
    every text node of the body on its own line (whitespace collapsed), blank lines between
    them, ``script``/``style``/``noscript``/``template`` skipped: a ``get_text("\\n")``-style
    scraper, so sentences break at every link, bold or italic word.

Speed (dumps/s on one core, median of ``--runs`` timed passes after a warm-up, and the ratio
to a reference pass; see ``dumps.py``) times the parse only, never the rendering. Rendered
dumps are cached in the system temp folder as ``<style>/<id>.<key>.txt`` (the folder is
printed at the end; ``--no-cache`` skips it), keyed by the page's bytes, the tool's version and
the renderer's code, and never written into the repository or the benchmark folder.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import inspect
import os
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from importlib import metadata
from pathlib import Path

import html2text
import inscriptis
import lxml.html  # type: ignore[import-untyped, unused-ignore]
from lxml import etree  # type: ignore[import-untyped, unused-ignore]

from _bench import (
    Result,
    Truth,
    bench_dir,
    decode_html,
    format_results,
    format_worst,
    load_dumps,
    load_truth,
    measure,
    parse_dump,
    score_pages,
    scores_of,
)
from metric import PageCounts

#: Where rendered dumps are cached between runs.
CACHE = Path(tempfile.gettempdir()) / "newscorpus-dump-styles"
#: Elements whose text no text-node scraper keeps.
_SKIPPED_TAGS = ("script", "style", "noscript", "template")


def render_html2text(page: str) -> str:
    """html2text's Markdown-ish text at its default width, links and images ignored."""
    converter = html2text.HTML2Text()
    converter.ignore_links = True
    converter.ignore_images = True
    text: str = converter.handle(page)
    return text


def render_inscriptis(page: str) -> str:
    """inscriptis's layout-preserving text with its default settings."""
    text: str = inscriptis.get_text(page)
    return text


def render_text_nodes(page: str) -> str:
    """Every text node of the body on its own line, with blank lines between them."""
    root = lxml.html.document_fromstring(page)
    etree.strip_elements(root, etree.Comment, *_SKIPPED_TAGS, with_tail=False)
    body = root.find("body")
    nodes = (" ".join(node.split()) for node in (root if body is None else body).itertext())
    return "\n\n".join(node for node in nodes if node)


#: The styles rendered from the HTML pages, and the package whose version keys the cache.
RENDERERS: dict[str, tuple[Callable[[str], str], str]] = {
    "html2text": (render_html2text, "html2text"),
    "inscriptis": (render_inscriptis, "inscriptis"),
    "text-nodes": (render_text_nodes, "lxml"),
}
STYLES = ("chromium", *RENDERERS)


def render_all(
    root: Path, ids: Sequence[str], style: str, *, cache: bool
) -> tuple[dict[str, str], int]:
    """Every page rendered in ``style``, and how many pages failed to render (left empty)."""
    render, package = RENDERERS[style]
    key = f"{style}\0{metadata.version(package)}\0{inspect.getsource(render)}".encode()
    folder = CACHE / style
    if cache:
        folder.mkdir(parents=True, exist_ok=True)
    dumps: dict[str, str] = {}
    failed = 0
    for page_id in ids:
        payload = (root / "html" / f"{page_id}.html.gz").read_bytes()
        path = folder / f"{page_id}.{hashlib.sha256(key + payload).hexdigest()[:16]}.txt"
        if cache and path.is_file():
            dumps[page_id] = path.read_text("utf-8")
            continue
        try:
            dumps[page_id] = render(decode_html(gzip.decompress(payload)))
        except Exception:  # a scraper that chokes on a page saves nothing
            dumps[page_id] = ""
            failed += 1
            continue
        if cache:
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            temporary.write_text(dumps[page_id], "utf-8")
            temporary.replace(path)
    return dumps, failed


def run_style(
    root: Path, truth: Mapping[str, Truth], style: str, *, runs: int, cache: bool
) -> tuple[Result, dict[str, PageCounts]]:
    """Render (or load) one style's dumps, then score and time the pipeline on them."""
    failed = 0
    if style == "chromium":
        dumps = {
            key: raw.decode("utf-8", errors="replace")
            for key, raw in load_dumps(root, list(truth)).items()
        }
    else:
        dumps, failed = render_all(root, list(truth), style, cache=cache)
    payloads = [text.encode("utf-8") for text in dumps.values()]
    outputs, speed = measure(parse_dump, dumps, payloads, runs)
    counts = score_pages(truth, outputs)
    note = f"({failed} pages failed to render)" if failed else ""
    return Result(style, scores_of(counts), speed, note), counts


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; return the exit status (1 when a style's F1 is below ``--floor``)."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("bench", type=bench_dir, metavar="BENCH_DIR")
    parser.add_argument(
        "--styles", nargs="+", choices=STYLES, default=list(STYLES), help="default: all"
    )
    parser.add_argument("--floor", type=float, help="exit 1 when any style's F1 is below this")
    parser.add_argument("--runs", type=int, default=3, help="timed passes (default 3)")
    parser.add_argument("--worst", type=int, default=0, metavar="K", help="K worst pages a style")
    parser.add_argument("--no-cache", action="store_true", help="render every page afresh")
    args = parser.parse_args(argv)

    truth = load_truth(args.bench)
    results: list[Result] = []
    worst: list[str] = []
    for style in args.styles:
        result, counts = run_style(
            args.bench, truth, style, runs=args.runs, cache=not args.no_cache
        )
        results.append(result)
        if args.worst > 0:
            table = format_worst(counts, truth, args.worst)
            worst.append(f"\n{style}: {args.worst} worst pages\n{table}")

    print(f"{len(truth)} pages of {args.bench}, one dump style a row")
    print(format_results(results))
    if worst:
        print("\n".join(worst))
    if not args.no_cache and set(args.styles) & set(RENDERERS):
        print(f"rendered dumps cached in {CACHE}")

    f1s = {r.name: r.scores.f1 for r in results if r.scores is not None}
    failing = [name for name, f1 in f1s.items() if args.floor is not None and f1 < args.floor]
    for name in failing:
        print(
            f"FAIL: {name}: F1 {f1s[name]:.3f} is below the floor {args.floor:.3f}", file=sys.stderr
        )
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
