"""Step ``paywall``: the notice that the rest is for subscribers.

The first notice becomes :attr:`Article.paywall`, with the hidden share when it states one
("You have 45% of this article left to read" gives 0.45), and marks the article truncated.
Every notice is dropped from the body.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.draft import Draft
from newscorpus.models.article import Paywall as PaywallNotice

__all__ = ["Paywall", "remaining_fraction"]


def remaining_fraction(notice: str) -> float | None:
    """The share of the article a notice says is hidden, or None when it states none.

    >>> remaining_fraction("You have 45% of this article left to read.")
    0.45
    """
    match = patterns.PAYWALL_PERCENT.search(notice)
    if match is None:
        return None
    value = float(match.group(1).replace(",", ".")) / 100
    return value if 0.0 <= value <= 1.0 else None


@cleaning_step(origin="builtin")
class Paywall:
    """Record the paywall notice, mark the article truncated, drop the notice."""

    name: str = "paywall"
    #: A notice is short; a longer block that mentions subscribers is an article about them.
    max_words: int = tuning.PAYWALL_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if features(block.text, draft.language).size > self.max_words:
                continue
            if not patterns.contains("paywall", block.text):
                continue
            if draft.paywall is None:
                draft.paywall = PaywallNotice(block.text, remaining_fraction(block.text))
                draft.truncated = True
            draft.drop(block, "paywall notice", "paywall.notice")
