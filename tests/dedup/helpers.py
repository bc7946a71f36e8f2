"""Articles for the dedup tests: texts made of numbered words, and their variants."""

from __future__ import annotations

import datetime as dt
import random

from newscorpus import Article, Block, ParserInfo
from newscorpus.cleaning.pipeline import article_id

__all__ = ["article", "text_of"]

_PARSER = ParserInfo("test", "0")


def text_of(seed: int, paragraphs: int = 8, words: int = 40, vocabulary: str = "w") -> list[str]:
    """Paragraphs of pseudo-random words (``w17``...), the same for the same arguments; texts
    of different seeds share words but almost no five-word runs."""
    rng = random.Random(seed)
    return [
        " ".join(f"{vocabulary}{rng.randrange(5000)}" for _ in range(words))
        for _ in range(paragraphs)
    ]


def article(
    paragraphs: list[str],
    *,
    site: str | None = "Site A",
    url: str | None = None,
    agency: str | None = None,
    truncated: bool = False,
    published: dt.date | None = None,
    language: str | None = "en",
    title: str | None = None,
) -> Article:
    """An article with these paragraphs and metadata; its id is the content hash, as parsing
    makes it."""
    text = "\n\n".join(paragraphs)
    return Article(
        id=article_id(url, title, text),
        blocks=tuple(Block("paragraph", p) for p in paragraphs),
        parser=_PARSER,
        url=url,
        title=title,
        site_name=site,
        agency=agency,
        truncated=truncated,
        published=published,
        language=language,
    )
