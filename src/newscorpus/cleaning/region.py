"""Where the main text is: the run of blocks with the most prose and the least chrome.

Each block gets a score: prose counts for its size, chrome and short menu-like lines count
against. The main text is the contiguous run with the highest total (the maximum-sum
subarray, found in one pass), the idea of Finn et al.'s Body Text Extraction carried from
markup tokens to blocks. A short heading or a one-line aside between paragraphs costs a little
and is kept; a menu of twenty links or a run of teasers costs more than the paragraphs beyond
it are worth, so the run stops there.
"""

from __future__ import annotations

from collections.abc import Sequence

from newscorpus import tuning
from newscorpus.cleaning.features import Features, features
from newscorpus.draft import DraftBlock

__all__ = ["block_score", "best_run", "is_prose"]


def is_prose(found: Features) -> bool:
    """Whether a block reads like a paragraph of running text."""
    if found.size < tuning.PROSE_MIN_WORDS or not found.ends_sentence or found.ends_ellipsis:
        return False
    return found.stopword_ratio is None or found.stopword_ratio >= tuning.PROSE_MIN_STOPWORD_RATIO


def block_score(block: DraftBlock, language: str | None) -> float:
    """How much ``block`` argues for being inside the main text (positive) or outside it."""
    if block.removal is not None:
        return -tuning.SCORE_REMOVED
    found = features(block.text, language)
    if is_prose(found):
        return found.size
    if found.ends_ellipsis:
        return -tuning.SCORE_SHORT
    if found.size < tuning.PROSE_MIN_WORDS:
        if found.ends_sentence:
            return -tuning.SCORE_SHORT / 2
        if found.size >= tuning.LIST_ITEM_MIN_WORDS and not found.title_case:
            return -tuning.SCORE_LIST_ITEM
        return -tuning.SCORE_SHORT
    if not found.ends_sentence:
        return -found.size * tuning.SCORE_UNENDED_FACTOR
    return found.size * tuning.SCORE_WEAK_PROSE_FACTOR


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """The ``(start, end)`` (inclusive) of the run with the largest positive total, or None.

    >>> best_run([-5, 10, -1, 8, -30, 12])
    (1, 3)
    >>> best_run([-1, -2]) is None
    True
    """
    best_total, best = 0.0, None
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best_total:
            best_total, best = total, (start, index)
    return best
