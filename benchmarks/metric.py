"""The scrapinghub article-extraction benchmark's metric, written afresh from its description.

Each text becomes the multiset of its 4-word shingles (``\\w+`` tokens, case kept). For each page
the true positives, false positives and false negatives are counted over shingles and normalised
to sum to one, so long pages weigh no more than short ones. Precision is averaged over the pages
where something was predicted or expected, recall likewise, and F1 is the harmonic mean of the
two averages (not the average of per-page F1).
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from collections.abc import Iterable

from attrs import frozen

__all__ = ["PageCounts", "Scores", "page_counts", "score"]

_TOKEN = re.compile(r"\w+")
SHINGLE_SIZE = 4


@frozen
class PageCounts:
    """One page's normalised true positives, false positives and false negatives."""

    tp: float
    fp: float
    fn: float

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fp == 0 else self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        return 0.0 if self.tp == self.fn == 0 else self.tp / (self.tp + self.fn)


@frozen
class Scores:
    """Macro-averaged precision and recall over pages, and their harmonic mean."""

    precision: float
    recall: float
    pages: int

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - SHINGLE_SIZE + 1)
    return Counter(
        shingle
        for shingle in (tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(count))
        if shingle
    )


def page_counts(true: str, predicted: str) -> PageCounts:
    """Compare one page's predicted body with its true body."""
    expected, found = _shingles(true), _shingles(predicted)
    tp = float(sum((expected & found).values()))
    fp = float(sum((found - expected).values()))
    fn = float(sum((expected - found).values()))
    total = tp + fp + fn
    if total > 0:
        tp, fp, fn = tp / total, fp / total, fn / total
    return PageCounts(tp, fp, fn)


def score(pages: Iterable[PageCounts]) -> Scores:
    """Macro-average a run's page counts.

    >>> round(score([page_counts("a b c d e", "a b c d e")]).f1, 3)
    1.0
    """
    counted = list(pages)
    precisions = [p.precision for p in counted if p.tp + p.fp > 0]
    recalls = [p.recall for p in counted if p.tp + p.fn > 0]
    return Scores(
        precision=statistics.fmean(precisions) if precisions else 0.0,
        recall=statistics.fmean(recalls) if recalls else 0.0,
        pages=len(counted),
    )
