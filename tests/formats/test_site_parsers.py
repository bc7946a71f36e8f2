"""Site parsers: chosen by URL, fed a BeautifulSoup tree, their blocks cleaned like any other;
and a parser shipped by an installed package's entry point is found and used."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus import SiteResult

PAGE = """<html><body><h1>Talks resume</h1><div class="story">
<p>Share this story</p>
<p>The two sides met on Monday and agreed to meet again next week, officials said.</p>
<p>Both delegations called the talks constructive and said a deal was within reach.</p>
</div></body></html>"""


def _story(soup: Any, url: str | None) -> SiteResult:
    paragraphs = [("paragraph", p.get_text(" ", strip=True)) for p in soup.select("div.story p")]
    return SiteResult(blocks=paragraphs, title=soup.h1.get_text(strip=True))


@pytest.fixture
def example_parser() -> Iterator[None]:
    newscorpus.site_parser("example-news", domains=["example.com"], version="2.1")(_story)
    newscorpus.site_parser("example-pattern", urls=[r"://news\.test/\d{4}/"])(_story)
    yield
    newscorpus.parsers.unregister("example-news")
    newscorpus.parsers.unregister("example-pattern")


@pytest.mark.usefixtures("example_parser")
def test_a_site_parser_is_chosen_by_domain_and_its_blocks_are_cleaned() -> None:
    article = newscorpus.parse(PAGE, url="https://www.example.com/world/talks")
    assert (article.parser.name, article.parser.version) == ("example-news", "2.1")
    assert article.title == "Talks resume"
    assert article.text.startswith("The two sides met on Monday")
    assert [(r.text, r.step) for r in article.removed] == [("Share this story", "chrome")]


@pytest.mark.usefixtures("example_parser")
def test_a_site_parser_is_chosen_by_url_pattern_not_without_a_url() -> None:
    assert (
        newscorpus.parse(PAGE, url="https://news.test/2019/11/x").parser.name == "example-pattern"
    )
    assert newscorpus.parse(PAGE).parser.name == "html"
    assert newscorpus.parse(PAGE, url="https://other.org/a").parser.name == "html"


@pytest.mark.usefixtures("example_parser")
def test_an_explicit_format_wins_over_a_site_match() -> None:
    article = newscorpus.parse(PAGE, url="https://example.com/a", format="html")
    assert article.parser.name == "html"


def test_a_site_function_must_return_a_site_result() -> None:
    newscorpus.site_parser("broken-site", domains=["broken.test"])(lambda soup, url: "nope")  # type: ignore[arg-type, return-value]
    try:
        with pytest.raises(newscorpus.FormatError, match="returned str, not a SiteResult"):
            newscorpus.parse(PAGE, url="https://broken.test/a")
    finally:
        newscorpus.parsers.unregister("broken-site")


def test_a_plugin_package_is_discovered_through_its_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Install a small plugin package (its module and its dist-info, as pip lays them out in
    site-packages) on the path, and see its parser listed and used."""
    (tmp_path / "nc_plugin_example.py").write_text(
        textwrap.dedent(
            """
            import newscorpus

            def _read(soup, url):
                text = soup.find("p").get_text(" ", strip=True)
                return newscorpus.SiteResult(blocks=[("paragraph", text)], title="From the plugin")

            parser = newscorpus.SiteParser("plugin-news", _read, version="0.3",
                                           domains=["plugin.test"])
            """
        ),
        encoding="utf-8",
    )
    info = tmp_path / "nc_plugin_example-0.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: nc-plugin-example\nVersion: 0.3\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        "[newscorpus.parsers]\nplugin-news = nc_plugin_example:parser\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        newscorpus.parsers.discover(again=True)
        listed = {r.name: r.origin for r in newscorpus.parsers}
        assert "nc-plugin-example" in listed["plugin-news"]
        article = newscorpus.parse(PAGE, url="https://plugin.test/story")
        assert (article.parser.name, article.title) == ("plugin-news", "From the plugin")
    finally:
        if "plugin-news" in newscorpus.parsers:
            newscorpus.parsers.unregister("plugin-news")
        sys.modules.pop("nc_plugin_example", None)
