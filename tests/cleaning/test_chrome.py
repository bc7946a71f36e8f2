"""Step ``chrome``: the site's furniture, by its phrases, each kind with its code."""

from __future__ import annotations

import pytest

from newscorpus.cleaning.steps import Chrome
from newscorpus.cleaning.steps.chrome import chrome_role
from tests.cleaning.drafts import PROSE, draft, kept, removed, run


@pytest.mark.parametrize(
    ("line", "code"),
    [
        ("This website uses cookies.", "chrome.cookies"),
        ("Your email address will not be published.", "chrome.comment-form"),
        ("Sign up for our newsletter", "chrome.subscribe"),
        ("Share this article", "chrome.share"),
        ("Connect with us", "chrome.follow"),
        ("Advertisement", "chrome.advertising"),
        ("Skip to main content", "chrome.navigation"),
        ("Related: Talks resume in Brussels", "chrome.related"),
    ],
)
def test_each_kind_of_chrome_goes_with_its_code(line: str, code: str) -> None:
    done = run(Chrome(), draft(PROSE[0], line))
    assert removed(done) == [(line, code)]
    assert kept(done) == [PROSE[0]]


def test_a_sentence_that_starts_like_chrome_stays() -> None:
    line = "More than 100,000 people fled the region for the capital."
    assert removed(run(Chrome(), draft(line))) == []


def test_thresholds_are_settings_even_for_remembered_lines() -> None:
    line = "Share this article"
    assert chrome_role(line, "en") == "share button"  # the default's answer, memoised
    assert removed(run(Chrome(max_words=2), draft(line))) == []
    assert removed(run(Chrome(), draft(line))) == [(line, "chrome.share")]
