"""A site parser for the imaginary weekly.example, shipped as a newscorpus plugin.

The package declares ``parser`` under the ``newscorpus.parsers`` entry-point group (see its
pyproject.toml). It does not register anything on import: newscorpus loads the entry point
itself, the first time it looks for a parser, and records the package as the parser's origin.
"""

from __future__ import annotations

from typing import Any

from newscorpus import SiteParser, SiteResult

__all__ = ["parser", "read_story"]

__version__ = "1.0.0"


def read_story(soup: Any, url: str | None) -> SiteResult:
    """Read a weekly.example story: the ``main.story`` paragraphs and subheadings, the
    headline and the byline's names."""
    blocks = [
        ("heading" if element.name == "h2" else "paragraph", element.get_text(" ", strip=True))
        for element in soup.select("main.story > p, main.story > h2")
    ]
    headline = soup.select_one("main.story h1")
    authors = [a.get_text(strip=True) for a in soup.select("main.story .byline a")]
    return SiteResult(
        blocks=blocks,
        title=headline.get_text(strip=True) if headline else None,
        authors=authors,
        site_name="Weekly Example",
    )


#: The object the entry point names: chosen for every page under weekly.example.
parser = SiteParser("weekly-example", read_story, version=__version__, domains=["weekly.example"])
