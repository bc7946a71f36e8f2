"""Stories: the seeds, the time window, and the weighting that needs no corpus statistics."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import numpy as np
import pytest

import newscorpus
from newscorpus import Article, DedupSettings, deduplicate
from newscorpus.dedup.stories import StoryTerms, story_pairs
from tests.dedup.helpers import article, text_of
from tests.seeds import SEED_DIR

SAME_EVENT = ("000_1530030a9e987927.txt", "002_d8f99e5618b68b2e.txt")
OTHER_SUMMIT = "004_48119200e213f71d.txt"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Article]:
    return {name: newscorpus.parse(Path(SEED_DIR / name)) for name in (*SAME_EVENT, OTHER_SUMMIT)}


def test_the_seeds_on_one_statement_share_a_story_and_the_other_summit_does_not(
    seeds: dict[str, Article],
) -> None:
    out = {a.id: a for a in deduplicate(seeds.values())}
    le_monde, afp = (out[seeds[name].id] for name in SAME_EVENT)
    summit = out[seeds[OTHER_SUMMIT].id]
    assert le_monde.story is not None
    assert le_monde.story == afp.story
    assert le_monde.duplicate_of is None
    assert afp.duplicate_of is None
    assert le_monde.syndication_group is None
    assert afp.syndication_group is None
    assert summit.story is None
    assert summit.duplicate_of is None
    assert summit.syndication_group is None


def test_the_seed_story_does_not_depend_on_the_order(seeds: dict[str, Article]) -> None:
    forward = {a.id: a.story for a in deduplicate(seeds.values())}
    backward = {a.id: a.story for a in deduplicate(reversed(list(seeds.values())))}
    assert forward == backward


def test_documents_far_apart_in_time_are_not_one_story(seeds: dict[str, Article]) -> None:
    le_monde, afp = (seeds[name] for name in SAME_EVENT)
    afp_later = attrs.evolve(afp, published=dt.date(2024, 6, 1))
    out = deduplicate([le_monde, afp_later])
    assert [a.story for a in out] == [None, None]
    wide = DedupSettings(story_window_days=365)
    assert deduplicate([le_monde, afp_later], wide)[0].story is not None


def test_stories_can_be_switched_off(seeds: dict[str, Article]) -> None:
    out = deduplicate(seeds.values(), DedupSettings(stories=False))
    assert all(a.story is None for a in out)


def test_copies_are_in_one_story() -> None:
    body = text_of(4)
    out = deduplicate([article(body, site="A"), article(body[2:], site="B")])
    assert out[0].story == out[1].story is not None


def test_unrelated_texts_are_no_story() -> None:
    out = deduplicate([article(text_of(1)), article(text_of(2, vocabulary="v"))])
    assert [a.story for a in out] == [None, None]


def test_terms_have_unit_length_and_drop_stopwords() -> None:
    terms = StoryTerms(terms=64)
    hashes, weights = terms("The talks and the talks of the week", "en")
    assert abs(float((weights.astype(np.float64) ** 2).sum()) - 1) < 1e-6
    only_talks, _ = terms("talks", "en")
    assert only_talks[0] in hashes
    assert len(terms("the of and", "en")[0]) == 0


def test_story_pairs_respect_threshold_and_dates() -> None:
    terms = np.array([[1, 2, 3, 4], [1, 2, 3, 4], [1, 2, 3, 4]], dtype=np.uint64)
    weights = np.full((3, 4), 0.5, dtype=np.float32)
    day = 86400.0
    moments = np.array([0.0, 2 * day, 30 * day])
    pairs = story_pairs(terms, weights, moments, threshold=0.9, window_days=7)
    assert pairs.tolist() == [[0, 1]]
