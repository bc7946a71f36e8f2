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
        ("4 min read", "chrome.reading-time"),
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


@pytest.mark.parametrize(
    "line",
    [
        "5 Min Read",
        "17 minute read",
        "Lesezeit: 2 Min.",
        "3 Min Lesezeit",
        "Lecture 4 min.",
        "Tiempo de lectura: 6 min",
        "Tempo de leitura: 2 minutos",
        "Reading time: 3-4 minutes",
    ],
)
def test_a_reading_time_label_goes_in_any_language(line: str) -> None:
    assert removed(run(Chrome(), draft(PROSE[0], line))) == [(line, "chrome.reading-time")]


@pytest.mark.parametrize(
    "line",
    ["The lecture lasted 40 minutes.", "4 min", "Read 5 minutes a day", "Lecture"],
)
def test_lines_that_only_mention_minutes_or_reading_stay(line: str) -> None:
    assert removed(run(Chrome(), draft(line))) == []
