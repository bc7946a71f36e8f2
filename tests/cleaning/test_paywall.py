"""Step ``paywall``: the notice becomes ``paywall`` and marks the article truncated."""

from __future__ import annotations

from newscorpus.cleaning.steps import Paywall
from tests.cleaning.drafts import PROSE, draft, kept, removed, run

NOTICE = "You have 45% of this article left to read. The rest is for subscribers only."


def test_the_notice_is_recorded_and_dropped() -> None:
    done = run(Paywall(), draft(*PROSE, NOTICE))
    assert removed(done) == [(NOTICE, "paywall.notice")]
    assert done.paywall is not None
    assert done.paywall.remaining_fraction == 0.45
    assert done.truncated
    assert kept(done) == list(PROSE)


def test_an_article_about_subscribers_stays() -> None:
    long = "The rest is for subscribers only, the publisher said, " + " ".join(PROSE)
    done = run(Paywall(), draft(long))
    assert removed(done) == []
    assert done.paywall is None


def test_the_longest_notice_is_a_setting() -> None:
    done = run(Paywall(max_words=5), draft(NOTICE))
    assert removed(done) == []
