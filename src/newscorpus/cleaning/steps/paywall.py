"""Step ``paywall``: the notice that the rest is for subscribers.

A notice counts only where the page says the article stops there, from three things:

* its wording: a notice that the text goes on for subscribers ("to continue reading", "the
  rest is for subscribers", "Il vous reste 57% de cet article à lire") may; an invitation that
  any page's chrome carries ("Become a Subscriber", "Already a subscriber?", "Déjà abonné ?")
  never does on its own;
* its position: after some of the article's prose, and not in a navigation, header, footer or
  aside element (a "Subscribe" link in a site's menu says nothing of the article);
* the share of the prose that comes after it: at most ``PAYWALL_MAX_PROSE_AFTER`` of the page's
  prose (a label "Subscribers only" above a whole article is not where it stops).

The first notice that counts becomes :attr:`Article.paywall`, with the hidden share when it
states one ("You have 45% of this article left to read" gives 0.45), and marks the article
truncated. Every notice and invitation is dropped from the body, with a reason that says which.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.cleaning.region import prose_words
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.article import Paywall as PaywallNotice

__all__ = ["Paywall", "remaining_fraction"]

#: Containers whose content is site chrome, not the article.
_CHROME_CONTAINERS = frozenset({"nav", "header", "footer", "aside"})
#: A notice says the text stops ("paywall") or asks the reader to subscribe ("paywall_prompt").
_NOTICE_ROLES: tuple[patterns.Role, ...] = ("paywall", "paywall_prompt")
NOTICE_REASON = "paywall notice"
PROMPT_REASON = "subscription prompt (the article does not stop here)"


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
    """Record the paywall notice where the article stops, mark it truncated, drop notices.

    >>> import newscorpus
    >>> story = "The council met on Monday and voted on the budget for the coming year. " * 3
    >>> newscorpus.parse(f"{story}\\n\\nBecome a Subscriber\\n").truncated
    False
    >>> newscorpus.parse(f"{story}\\n\\nSubscribe to continue reading\\n").paywall.notice
    'Subscribe to continue reading'
    """

    name: str = "paywall"
    #: A notice is short; a longer block that mentions subscribers is an article about them.
    max_words: int = tuning.PAYWALL_MAX_WORDS
    #: The most of the page's prose that may follow a notice where the article stops.
    max_prose_after: float = tuning.PAYWALL_MAX_PROSE_AFTER

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        short = [
            (index, block)
            for index, block in enumerate(kept)
            if features(block.text, draft.language).size <= self.max_words
        ]
        # most blocks hold no notice: one search of them all rules them out
        noticed = patterns.contains_any_each(_NOTICE_ROLES, [block.text for _, block in short])
        notices: list[tuple[int, DraftBlock, bool]] = [
            (index, block, patterns.contains("paywall", block.text))
            for (index, block), notice in zip(short, noticed, strict=True)
            if notice
        ]
        if not notices:
            return
        prose = [prose_words(block, draft.language, draft.stopword_floor) for block in kept]
        total = sum(prose)
        for index, block, says_stop in notices:
            stops = says_stop and _stops_here(block, prose, index, total, self.max_prose_after)
            if draft.paywall is None and stops:
                draft.paywall = PaywallNotice(block.text, remaining_fraction(block.text))
                draft.truncated = True
            if says_stop:
                draft.drop(block, NOTICE_REASON, "paywall.notice")
            else:
                draft.drop(block, PROMPT_REASON, "paywall.prompt")


def _stops_here(
    block: DraftBlock, prose: list[float], index: int, total: float, max_share_after: float
) -> bool:
    """Whether the article stops at the notice: prose before it, little after, and the notice
    in the page's content rather than its chrome."""
    if block.container in _CHROME_CONTAINERS:
        return False
    before = sum(prose[:index])
    after = total - before - prose[index]
    return before > 0 and after <= total * max_share_after
