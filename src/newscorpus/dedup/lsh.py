"""Locality-sensitive hashing: candidate pairs of documents whose signatures agree on a band.

The signature is cut into ``bands`` bands of ``rows`` values; two documents are candidates when
all the values of at least one band agree, which happens with probability ``1 - (1 - J**rows)
** bands`` for Jaccard similarity ``J``: with the default 32 bands of 4 rows, 0.87 at J = 0.5,
0.99 at J = 0.65, and 0.0002 at J = 0.05 (two articles on one topic). Copies cut short are found
through the head signatures, which agree almost everywhere. Nothing here depends on the input
order: where a choice is needed (the hub of a huge bucket) it goes by the documents' ``rank``
(their ids' order).

>>> import numpy as np
>>> signatures = np.array([[1, 2, 3, 4], [1, 2, 9, 9], [7, 8, 9, 9]], dtype=np.uint32)
>>> candidate_pairs(signatures, rows=2, valid=np.ones(3, dtype=bool), max_bucket=10).tolist()
[[0, 1], [1, 2]]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from newscorpus.dedup.shingles import mix64

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["band_keys", "bucket_pairs", "candidate_pairs"]

_COMBINE = np.uint64(0x9E3779B97F4A7C15)
#: Candidate pairs gathered before duplicates are merged away (a bound on memory).
_MERGE_PAIRS = 1 << 22


def band_keys(signatures: npt.NDArray[np.uint32], rows: int) -> Iterator[npt.NDArray[np.uint64]]:
    """One 64-bit key per document for each band of ``rows`` signature values."""
    for start in range(0, signatures.shape[1] - rows + 1, rows):
        key = np.zeros(signatures.shape[0], dtype=np.uint64)
        with np.errstate(over="ignore"):
            for column in range(start, start + rows):
                key = mix64(key * _COMBINE + signatures[:, column].astype(np.uint64))
        yield key


def bucket_pairs(
    keys: npt.NDArray[np.uint64],
    members: npt.NDArray[np.int64],
    max_bucket: int,
    rank: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """The pairs ``(i, j)``, ``i < j``, of ``members`` that share a key.

    A bucket of more than ``max_bucket`` members contributes a star around its member of
    least ``rank`` (default: the smallest member) instead of every pair, so the number of
    pairs stays linear in the bucket's size.

    >>> import numpy as np
    >>> keys = np.array([5, 5, 5, 1], dtype=np.uint64)
    >>> bucket_pairs(keys, np.arange(4), max_bucket=2).tolist()
    [[0, 1], [0, 2]]
    >>> bucket_pairs(keys, np.arange(4), max_bucket=2, rank=np.array([3, 2, 1, 0])).tolist()
    [[0, 2], [1, 2]]
    """
    order = np.argsort(keys, kind="stable")
    sorted_keys = keys[order]
    sorted_members = members[order]
    boundaries = np.flatnonzero(np.diff(sorted_keys)) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(keys)]))
    sizes = ends - starts
    pairs: list[npt.NDArray[np.int64]] = []
    for size in np.unique(sizes[(sizes >= 2) & (sizes <= max_bucket)]).tolist():
        group_starts = starts[sizes == size]
        left, right = np.triu_indices(size, k=1)
        pairs.append(
            np.stack(
                [
                    sorted_members[(group_starts[:, None] + left[None, :]).ravel()],
                    sorted_members[(group_starts[:, None] + right[None, :]).ravel()],
                ],
                axis=1,
            )
        )
    for start, end in zip(starts[sizes > max_bucket], ends[sizes > max_bucket], strict=True):
        bucket = sorted_members[start:end]
        hub_at = int(np.argmin(bucket if rank is None else rank[bucket]))
        others = np.delete(bucket, hub_at)
        pairs.append(np.stack([np.full(len(others), bucket[hub_at]), others], axis=1))
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    found = np.concatenate(pairs).astype(np.int64)
    return np.sort(found, axis=1)


def candidate_pairs(
    *signatures: npt.NDArray[np.uint32],
    rows: int,
    valid: npt.NDArray[np.bool_],
    max_bucket: int,
    rank: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """The distinct pairs ``(i, j)``, ``i < j``, of ``valid`` documents that agree on a band
    of any of the given signature matrices, sorted (``rank`` as for :func:`bucket_pairs`)."""
    members = np.flatnonzero(valid).astype(np.int64)
    width = int(members.max()) + 1 if len(members) else 1
    codes = np.empty(0, dtype=np.int64)
    found: list[npt.NDArray[np.int64]] = []
    held = 0
    for matrix in signatures:
        for keys in band_keys(matrix[members], rows):
            pairs = bucket_pairs(keys, members, max_bucket, rank)
            found.append(pairs[:, 0] * width + pairs[:, 1])
            held += len(pairs)
            if held > len(codes) + _MERGE_PAIRS:  # merge as we go: memory holds each pair once
                codes, found, held = np.unique(np.concatenate([codes, *found])), [], 0
    codes = np.unique(np.concatenate([codes, *found]))
    return np.stack([codes // width, codes % width], axis=1)
