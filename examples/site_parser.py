"""A site parser for one (imaginary) news site, registered by a decorator and used by parse().

Run it from the repository root: ``python examples/site_parser.py``. To ship the same parser
as a plugin, put it in a package and declare it in that package's pyproject.toml::

    [project.entry-points."newscorpus.parsers"]
    daily-example = "my_package.parsers:daily_example_parser"

where ``daily_example_parser`` is a ``newscorpus.SiteParser(...)`` object; installed, it is
found the first time newscorpus looks for a parser, and ``newscorpus parsers`` lists it.
"""

from __future__ import annotations

from typing import Any

import newscorpus

PAGE = """<!doctype html><html lang="en"><head><title>Daily Example</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
  <h1 class="headline">Harbour reopens after storm</h1>
  <p class="byline">By Jane Doe</p>
  <div class="story-body">
    <p>The harbour reopened on Tuesday, three days after the storm tore through the coast and
    sank a dozen fishing boats at their moorings.</p>
    <p>Share this article</p>
    <h2>Repairs</h2>
    <p>Engineers said the breakwater held, but the quay will need weeks of repairs before the
    ferries can dock at full load again.</p>
  </div>
</article></body></html>"""


@newscorpus.site_parser("daily-example", domains=["daily.example"], version="1.0")
def daily_example(soup: Any, url: str | None) -> newscorpus.SiteResult:
    """Read the story body; metadata the page does not mark is left to the cleaning steps."""
    blocks = []
    for element in soup.select("div.story-body > p, div.story-body > h2"):
        kind = "heading" if element.name == "h2" else "paragraph"
        blocks.append((kind, element.get_text(" ", strip=True)))
    byline = soup.select_one("p.byline")
    authors = [byline.get_text(strip=True).removeprefix("By ")] if byline else []
    return newscorpus.SiteResult(
        blocks=blocks,
        title=soup.select_one("h1.headline").get_text(strip=True),
        authors=authors,
        site_name="Daily Example",
    )


def main() -> None:
    """Parse the page as the site parser sees it, and show what the cleaning steps did."""
    article = newscorpus.parse(PAGE, url="https://www.daily.example/2026/storm")
    print(f"parser:  {article.parser.name} {article.parser.version}")
    print(f"title:   {article.title}")
    print(f"authors: {', '.join(article.authors)}")
    for block in article.blocks:
        print(f"  [{block.kind}] {block.text[:70]}")
    for removal in article.removed:
        print(f"  removed by {removal.step}: {removal.text!r} ({removal.reason})")


if __name__ == "__main__":
    main()
