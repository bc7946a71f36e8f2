"""Deduplicate articles: :func:`deduplicate` for a collection in memory, :func:`find_duplicates`
and :meth:`DedupResult.annotate` for a stream read twice.

>>> from newscorpus.models.article import Article, Block, ParserInfo
>>> body = " ".join(f"word{i}" for i in range(60))
>>> def article(id: str, text: str, site: str) -> Article:
...     return Article(id=id, blocks=(Block("paragraph", text),), parser=ParserInfo("dump", "0"),
...                    site_name=site)
>>> out = deduplicate([article("b", body, "A"), article("a", body + " end", "A"),
...                    article("c", body, "B")])
>>> [(a.id, a.duplicate_of, a.syndication_group.id) for a in out]
[('b', 'a', 'a'), ('a', None, 'a'), ('c', None, 'a')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from newscorpus.dedup._numpy import require_numpy
from newscorpus.dedup.settings import DEFAULT_DEDUP_SETTINGS, DedupSettings
from newscorpus.models.article import Article

if TYPE_CHECKING:
    from newscorpus.dedup.index import DedupIndex
    from newscorpus.dedup.result import DedupResult

__all__ = ["deduplicate", "find_duplicates", "new_index"]


def new_index(settings: DedupSettings | None = None) -> DedupIndex:
    """An empty :class:`~newscorpus.dedup.index.DedupIndex` (fails with an ImportError naming
    the ``dedup`` extra when numpy is missing).

    >>> len(new_index())
    0
    """
    require_numpy()
    from newscorpus.dedup.index import DedupIndex

    return DedupIndex(settings or DEFAULT_DEDUP_SETTINGS)


def find_duplicates(
    articles: Iterable[Article], settings: DedupSettings | None = None
) -> DedupResult:
    """Read ``articles`` once (streaming: only signatures are kept) and group them; apply the
    result with :meth:`~newscorpus.dedup.result.DedupResult.annotate` in a second pass.

    >>> from newscorpus.models.article import Article, ParserInfo
    >>> find_duplicates([Article(id="a", blocks=(), parser=ParserInfo("dump", "0"))]).documents
    1
    """
    return new_index(settings).add_all(articles).build()


def deduplicate(
    articles: Iterable[Article], settings: DedupSettings | None = None
) -> list[Article]:
    """The articles, in input order, with ``duplicate_of``, ``syndication_group`` and ``story``
    set (and nothing else changed). Holds the articles in memory; for a corpus larger than
    memory use :func:`find_duplicates` and ``annotate`` over two passes.

    >>> from newscorpus.models.article import Article, Block, ParserInfo
    >>> text = " ".join(f"w{i}" for i in range(50))
    >>> one, two = (Article(id=i, blocks=(Block("paragraph", text),), parser=ParserInfo("x", "0"))
    ...             for i in ("b", "a"))
    >>> [(a.id, a.duplicate_of) for a in deduplicate([one, two])]
    [('b', 'a'), ('a', None)]
    """
    held = list(articles)
    return list(find_duplicates(held, settings).annotate(held))
