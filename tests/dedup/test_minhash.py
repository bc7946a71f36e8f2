"""MinHash signatures: identical sets agree everywhere, the estimate tracks Jaccard."""

from __future__ import annotations

import numpy as np
import pytest

from newscorpus.dedup.minhash import EMPTY, MinHasher, jaccard


def sets(overlap: int, size: int = 600) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(3)
    values = rng.integers(0, 2**63, size=2 * size, dtype=np.uint64)
    return values[:size], values[size - overlap : 2 * size - overlap]


@pytest.mark.parametrize("overlap", [0, 150, 300, 450, 600])
def test_the_estimate_is_close_to_the_jaccard_similarity(overlap: int) -> None:
    left, right = sets(overlap)
    full, _ = MinHasher(256, seed=1).signatures([left, right], head=50)
    true = overlap / (2 * 600 - overlap)
    assert abs(float(jaccard(full[:1], full[1:])[0]) - true) < 0.08


def test_order_and_repeats_do_not_change_a_signature() -> None:
    left, _ = sets(0)
    hasher = MinHasher(128, seed=1)
    full, _ = hasher.signatures([left, np.concatenate([left[::-1], left[:10]])], head=10**6)
    assert (full[0] == full[1]).all()


def test_the_head_signature_sees_only_the_first_shingles() -> None:
    left, _ = sets(0)
    hasher = MinHasher(128, seed=1)
    _, heads = hasher.signatures([left, left[:80], left[80:]], head=80)
    assert (heads[0] == heads[1]).all()
    assert (heads[0] != heads[2]).mean() > 0.9


def test_an_empty_document_has_an_empty_signature_and_short_ones_are_dense() -> None:
    full, _ = MinHasher(64, seed=1).signatures(
        [np.empty(0, np.uint64), np.array([7], dtype=np.uint64)], head=5
    )
    assert (full[0] == EMPTY).all()
    assert (full[1] != EMPTY).all()


def test_the_seed_changes_the_signature() -> None:
    left, _ = sets(0)
    one, _ = MinHasher(64, seed=1).signatures([left], head=5)
    two, _ = MinHasher(64, seed=2).signatures([left], head=5)
    assert (one != two).any()
