"""LSH buckets: pairs that agree on a band, stars for huge buckets, order independence."""

from __future__ import annotations

import numpy as np

from newscorpus.dedup.lsh import bucket_pairs, candidate_pairs


def test_pairs_are_the_members_sharing_a_key() -> None:
    keys = np.array([3, 1, 3, 2, 3], dtype=np.uint64)
    pairs = bucket_pairs(keys, np.arange(5, dtype=np.int64), max_bucket=10)
    assert sorted(map(tuple, pairs.tolist())) == [(0, 2), (0, 4), (2, 4)]


def test_a_bucket_larger_than_the_limit_is_a_star_around_its_smallest_member() -> None:
    keys = np.zeros(6, dtype=np.uint64)
    pairs = bucket_pairs(keys, np.array([9, 4, 7, 5, 8, 6], dtype=np.int64), max_bucket=3)
    assert sorted(map(tuple, pairs.tolist())) == [(4, 5), (4, 6), (4, 7), (4, 8), (4, 9)]


def test_candidates_come_from_any_matrix_and_skip_invalid_rows() -> None:
    full = np.array([[1, 2, 3, 4], [1, 2, 0, 0], [9, 9, 9, 9], [9, 9, 9, 9]], dtype=np.uint32)
    heads = np.array([[5, 5, 0, 0], [6, 6, 0, 0], [7, 7, 1, 1], [8, 8, 1, 1]], dtype=np.uint32)
    valid = np.array([True, True, True, False])
    pairs = candidate_pairs(full, heads, rows=2, valid=valid, max_bucket=10)
    assert pairs.tolist() == [[0, 1]]
