"""Regenerate the screenshots of docs/audit.md: a corpus, its report, headless Chromium.

Run from the repository root (needs the report extra, Pillow and a ``chromium`` on the PATH)::

    .venv/bin/python docs/report_screenshots.py INPUT... [--out docs/images]

The INPUTs (files or folders of pages or dumps; the docs use the scrapinghub benchmark's
``html/`` folder) are parsed into a corpus with ``newscorpus parse -o``, deduplicated with
``newscorpus dedup`` and reported on with ``newscorpus report``, all in a temporary folder.
Chromium renders each screenshot 1280 x 1000 pixels from a copy of the report with a style
added that starts the page at one section (the report itself is not changed):
``report-overview.png`` (the run, the key figures and the first charts),
``report-charts.png`` (the charts after the first two), ``report-tables.png`` (the stories and
syndication tables) and ``report-sample.png`` (the sample's first document, open). Each is
checked for console messages and for not being blank, and saved as a palette PNG.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.report.chromium import load  # noqa: E402

from newscorpus.cli.main import main as newscorpus  # noqa: E402

_WIDTH = 1280
_HEIGHT = 1000
#: Each screenshot, and the style that starts the page at its section (empty: the top): it
#: hides every element before the section's heading.
_BANDS = {
    "report-overview.png": "",
    "report-charts.png": (
        "main > *:has(~ #charts) { display: none !important; } "
        ".grid > figure:nth-child(-n+2) { display: none !important; }"
    ),
    "report-tables.png": "main > *:has(~ #stories) { display: none !important; }",
    "report-sample.png": (
        "main > *:has(~ #sample), #sample + p, #sample + p + table { display: none !important; }"
    ),
}


def _screenshots(report: Path, out: Path, work: Path) -> list[Path]:
    from PIL import Image, ImageStat

    page = report.read_text(encoding="utf-8")
    written = []
    for name, style in _BANDS.items():
        variant = work / f"{name}.html"
        variant.write_text(page.replace("</head>", f"<style>{style}</style></head>", 1), "utf-8")
        shot = work / name
        console = load(variant, shot, width=_WIDTH, height=_HEIGHT)
        if console:
            raise SystemExit(f"{name}: console messages:\n" + "\n".join(console))
        with Image.open(shot) as picture:
            image = picture.convert("RGB")
        if ImageStat.Stat(image.convert("L")).stddev[0] < 10:
            raise SystemExit(f"{name}: the screenshot is blank")
        target = out / name
        image.quantize(colors=128).save(target, optimize=True)
        written.append(target)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="pages or dumps to make the corpus from")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="newscorpus-screenshots-") as folder:
        work = Path(folder)
        corpus, deduplicated = work / "corpus.jsonl", work / "deduplicated.jsonl"
        report = work / "report.html"
        if newscorpus(["parse", *args.inputs, "-o", str(corpus), "-j", "2"]) not in (0, 1):
            raise SystemExit("newscorpus parse failed")
        if newscorpus(["dedup", str(corpus), "-o", str(deduplicated)]) != 0:
            raise SystemExit("newscorpus dedup failed")
        if newscorpus(["report", str(deduplicated), "-o", str(report)]) != 0:
            raise SystemExit("newscorpus report failed")
        for path in _screenshots(report, args.out, work):
            print(path)


if __name__ == "__main__":
    main()
