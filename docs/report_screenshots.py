"""Regenerate the screenshots of docs/audit.md: a corpus, its report, headless Chromium.

Run from the repository root (needs the report extra, Pillow and a ``chromium`` on the PATH)::

    .venv/bin/python docs/report_screenshots.py INPUT... [--out docs/images]

The INPUTs (files or folders of pages or dumps; the docs use the scrapinghub benchmark's
``html/`` folder) are parsed into a corpus with ``newscorpus parse -o``, deduplicated with
``newscorpus dedup`` and reported on with ``newscorpus report``, all in a temporary folder.
Chromium renders the whole report 1280 pixels wide; the screenshot is cut into the bands the
page shows (``report-overview.png``: the run, the key figures and the first charts;
``report-charts.png``: the charts below; ``report-tables.png``: the codes, stories and
syndication tables; ``report-sample.png``: the sample), each checked not to be blank and saved
as a palette PNG.
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
#: Height of each band (pixels): about one screen.
_BAND = 1000


def _bands(screenshot: Path, out: Path) -> list[Path]:
    from PIL import Image, ImageStat

    with Image.open(screenshot) as picture:
        page = picture.convert("RGB")
    # The page's own end: the last row that is not the background colour.
    background = page.getpixel((2, page.height - 2))
    blank = tuple((channel, channel) for channel in background)
    bottom = page.height
    for row in range(page.height - 1, 0, -8):
        if page.crop((0, row, _WIDTH, row + 1)).getextrema() != blank:
            bottom = min(page.height, row + 40)
            break
    tops = {
        "report-overview.png": 0,
        "report-charts.png": _BAND,
        "report-tables.png": max(_BAND * 2, bottom - 3 * _BAND),
        "report-sample.png": max(_BAND * 3, bottom - _BAND),
    }
    written = []
    for name, top in tops.items():
        band = page.crop((0, top, _WIDTH, min(bottom, top + _BAND)))
        if ImageStat.Stat(band.convert("L")).stddev[0] < 10:
            raise SystemExit(f"{name}: the band is blank")
        target = out / name
        band.quantize(colors=128).save(target, optimize=True)
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
        report, screenshot = work / "report.html", work / "report.png"
        if newscorpus(["parse", *args.inputs, "-o", str(corpus), "-j", "2"]) not in (0, 1):
            raise SystemExit("newscorpus parse failed")
        if newscorpus(["dedup", str(corpus), "-o", str(deduplicated)]) != 0:
            raise SystemExit("newscorpus dedup failed")
        if newscorpus(["report", str(deduplicated), "-o", str(report)]) != 0:
            raise SystemExit("newscorpus report failed")
        console = load(report, screenshot, width=_WIDTH, height=12000)
        if console:
            raise SystemExit("console messages:\n" + "\n".join(console))
        for path in _bands(screenshot, args.out):
            print(path)


if __name__ == "__main__":
    main()
