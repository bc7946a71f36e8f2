"""newscorpus report: streamed collection, a self-contained page, the CLI, and a real browser."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from newscorpus.cli.main import main
from newscorpus.errors import MissingDependencyError
from newscorpus.report import collect, render, write_report
from newscorpus.report.collect import LENGTH_BINS, SAMPLE_SIZE
from tests.report.chromium import chromium, load

pytest.importorskip("matplotlib")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "dumps"


def record(number: int, **fields: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": f"id{number:05d}",
        "title": f"Story {number}",
        "text": " ".join(["word"] * (number % 700)),
        "site_name": f"Site {number % 7}",
        "language": "en" if number % 3 else "de",
        "published": f"2024-{number % 12 + 1:02d}-01T00:00:00+00:00",
        "removed": [{"step": "chrome", "code": "chrome.social", "text": "Share", "reason": "r"}],
        "edits": [],
        "paywall": {"notice": "Subscribe"} if number % 10 == 0 else None,
        "story": f"s{number % 40}",
        "syndication_group": {"id": f"g{number % 5}", "agency": "AFP"} if number % 4 == 0 else None,
    }
    return {**base, **fields}


@pytest.fixture(scope="module")
def examples_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The examples corpus, as `newscorpus parse examples/dumps -o` writes it."""
    corpus = tmp_path_factory.mktemp("examples") / "examples.jsonl"
    assert main(["parse", str(EXAMPLES), "-o", str(corpus), "-j", "0"]) == 0
    return corpus


def test_collect_counts_everything_and_keeps_a_bounded_reproducible_sample() -> None:
    records = [record(n) for n in range(1000)]
    data = collect(records, seed=3)
    assert data.statistics.documents == 1000
    assert sum(data.lengths) == 1000
    assert len(data.lengths) == len(LENGTH_BINS) + 1
    assert len(data.sample) == SAMPLE_SIZE
    assert [doc.id for doc in collect(records, seed=3).sample] == [doc.id for doc in data.sample]
    assert [doc.id for doc in collect(records, seed=4).sample] != [doc.id for doc in data.sample]
    assert data.paywalled_by_site.total() == 100
    assert dict(data.agencies) == {"AFP": 5}
    stories = data.largest_stories(20)
    assert len(stories) == 20
    assert all(size == 25 for _, size, _, _ in stories)
    assert (
        data.removals_by_site_code[("Site 0", "chrome.social")] == data.statistics.by_site["Site 0"]
    )


def test_the_page_is_self_contained_and_shows_every_section() -> None:
    page = render(collect(record(n) for n in range(300)), title="c.jsonl")
    assert page.count("<svg") >= 7  # months, sites, languages, lengths, codes, per site, paywalls
    assert "Syndication groups per agency" in page
    for loaded in ("<script", "<link", "<img", "<iframe", "@import", "xlink:href='http"):
        assert loaded not in page, f"the page must not load anything ({loaded})"
    assert not re.search(r"url\((?!#)", page), "only references inside the page"
    # Every link either jumps inside the page or is a sampled document's own URL.
    for href in re.findall(r"href='([^']*)'", page):
        assert href.startswith("#doc-") or href.startswith("#") or href.startswith("http")
    ids = set(re.findall(r"<details id='doc-([^']+)'", page))
    assert page.count("<details id=") == SAMPLE_SIZE
    assert page.count("' open><summary>") == 1
    assert len(ids) == SAMPLE_SIZE
    assert ids == set(re.findall(r"<a href='#doc-([^']+)'>", page))
    assert "The 20 largest stories" in page


def test_text_is_escaped() -> None:
    page = render(collect([record(1, title="<script>alert(1)</script>")]), title="<b>")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_the_cli_writes_the_report_with_the_runs_summary(
    examples_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "report.html"
    assert main(["report", str(examples_corpus), "-o", str(output)]) == 0
    assert "3 documents" in capsys.readouterr().err
    page = output.read_text(encoding="utf-8")
    assert "Run: 3 read, 3 written, 0 failed." in page
    pipeline = json.loads(examples_corpus.with_suffix(".summary.json").read_text())["pipeline"]
    assert f"Pipeline <code>{pipeline['fingerprint']}</code>: normalize → " in page


def test_cli_errors(tmp_path: Path, examples_corpus: Path) -> None:
    assert main(["report", str(tmp_path / "none.jsonl"), "-o", str(tmp_path / "r.html")]) == 2
    assert main(["report", str(examples_corpus), "-o", str(tmp_path)]) == 2
    assert main(["report", str(examples_corpus), "-o", str(examples_corpus)]) == 2
    broken = tmp_path / "broken.jsonl"
    broken.write_text("{not json\n", encoding="utf-8")
    assert main(["report", str(broken), "-o", str(tmp_path / "r.html")]) == 1
    assert not (tmp_path / "r.html").exists()


def test_without_matplotlib_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, examples_corpus: Path, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingDependencyError, match=r"newscorpus\[report\]"):
        write_report(examples_corpus, tmp_path / "r.html")
    assert not (tmp_path / "r.html").exists()


def test_chromium_loads_the_report_without_console_errors(
    examples_corpus: Path, tmp_path: Path
) -> None:
    if chromium() is None:
        pytest.skip("no chromium on the PATH: apt-get install chromium to run the browser test")
    image = pytest.importorskip("PIL.Image")
    stat = pytest.importorskip("PIL.ImageStat")
    report = tmp_path / "report.html"
    write_report(examples_corpus, report)
    screenshot = tmp_path / "report.png"
    console = load(report, screenshot, width=1280, height=1600)
    assert console == []
    with image.open(screenshot) as picture:
        assert picture.size == (1280, 1600)
        spread = stat.Stat(picture.convert("L")).stddev[0]
    assert spread > 10, "the screenshot is blank"


def test_the_browser_check_sees_console_errors(tmp_path: Path) -> None:
    if chromium() is None:
        pytest.skip("no chromium on the PATH: apt-get install chromium to run the browser test")
    page = tmp_path / "bad.html"
    page.write_text("<p>x</p><script>console.error('broken page')</script>", encoding="utf-8")
    console = load(page, tmp_path / "bad.png", height=300)
    assert any("broken page" in line for line in console)
