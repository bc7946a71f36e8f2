"""A site parser and a cleaning step for the imaginary weekly.example, shipped as a plugin.

The package declares ``parser`` under the ``newscorpus.parsers`` entry-point group and
``DropSignOff`` under ``newscorpus.steps`` (see its pyproject.toml). It does not register
anything on import: newscorpus loads the entry points itself, the first time it looks for a
parser or a step, and records the package as their origin.
"""

from __future__ import annotations

import re
from typing import Any

from attrs import frozen

from newscorpus import Draft, SiteParser, SiteResult

__all__ = ["DropSignOff", "parser", "read_story"]

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


_SIGN_OFF = re.compile(r"(?:Reporting|Additional reporting) by .{1,80}", re.IGNORECASE)


@frozen
class DropSignOff:
    """Drop the weekly's sign-off lines ("Reporting by Jane Doe; editing by ...")."""

    name: str = "weekly-sign-off"

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if _SIGN_OFF.fullmatch(block.text):
                draft.drop(block, "a sign-off line")
