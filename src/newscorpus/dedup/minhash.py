"""MinHash signatures of shingle sets by one-permutation hashing, vectorised with numpy.

Each shingle hash is mixed once with a seeded 64-bit hash; its top bits choose one of
``num_perm`` bins and its low 32 bits are its value; a signature holds the least value of each
bin (one-permutation hashing, Li, Owen and Zhang 2012). An empty bin borrows the value of the
next non-empty bin to its right, circularly, plus a multiple of its distance (a rotation
densification in the manner of Shrivastava and Li 2014), so short documents get full
signatures too. The share of positions where two signatures agree estimates the Jaccard
similarity of the two sets, as with ``num_perm`` independent permutations, at the cost of one
hash per shingle instead of ``num_perm``. A *head* signature does the same over the first
``head`` shingles only, so that a copy cut short meets the text it was cut from.

>>> import numpy as np
>>> hasher = MinHasher(num_perm=64, seed=1)
>>> a = np.arange(1000, dtype=np.uint64)
>>> full, heads = hasher.signatures([a, a[:500], a[500:]], head=10)
>>> full.shape, bool(0.3 < (full[0] == full[1]).mean() < 0.7), bool((heads[0] == heads[1]).all())
((3, 64), True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np

from newscorpus.dedup.shingles import mix64

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["EMPTY", "MinHasher", "jaccard"]

#: The value of every position of an empty document's signature.
EMPTY = np.uint32(0xFFFFFFFF)
#: Added per bin of distance to a borrowed value, so a borrowed value differs from its source.
_ROTATION = np.uint32(0x9E3779B1)


class MinHasher:
    """Signatures of shingle-hash arrays, ``num_perm`` uint32 values each."""

    def __init__(self, num_perm: int, seed: int) -> None:
        generator = np.random.Generator(np.random.PCG64(seed))
        self.num_perm = num_perm
        self._salt = generator.integers(0, np.iinfo(np.uint64).max, dtype=np.uint64)

    def _bins_and_values(
        self, shingles: npt.NDArray[np.uint64]
    ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.uint32]]:
        mixed = mix64(shingles ^ self._salt)
        bins = ((mixed >> np.uint64(32)) % np.uint64(self.num_perm)).astype(np.int64)
        return bins, (mixed & np.uint64(0xFFFFFFFF)).astype(np.uint32)

    def signatures(
        self, documents: Sequence[npt.NDArray[np.uint64]], *, head: int
    ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
        """The full and head signatures of each document's shingles (rows in input order).

        An empty document's rows are all :data:`EMPTY`.
        """
        lengths = np.fromiter(map(len, documents), dtype=np.int64, count=len(documents))
        owners = np.repeat(np.arange(len(documents), dtype=np.int64), lengths)
        positions = np.arange(len(owners), dtype=np.int64) - np.repeat(
            np.cumsum(lengths) - lengths, lengths
        )
        shingles = np.concatenate([np.empty(0, np.uint64), *documents])
        return self.batch(shingles, owners, positions, len(documents), head=head)

    def batch(
        self,
        shingles: npt.NDArray[np.uint64],
        owners: npt.NDArray[np.int64],
        positions: npt.NDArray[np.int64],
        documents: int,
        *,
        head: int,
    ) -> tuple[npt.NDArray[np.uint32], npt.NDArray[np.uint32]]:
        """The signatures of ``documents`` documents from all their shingles at once, with the
        document (``owners``) and position of each (see
        :func:`~newscorpus.dedup.shingles.batch_shingles`)."""
        full = np.full(documents * self.num_perm, EMPTY, dtype=np.uint32)
        heads = full.copy()
        if len(shingles):
            bins, values = self._bins_and_values(shingles)
            slots = owners * self.num_perm + bins
            np.minimum.at(full, slots, values)
            early = positions < head
            np.minimum.at(heads, slots[early], values[early])
        return _densify(full.reshape(documents, -1)), _densify(heads.reshape(documents, -1))


def _densify(signatures: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """Fill each empty bin from the next non-empty bin to its right (circularly)."""
    empty = signatures == EMPTY
    rows = np.flatnonzero(empty.any(axis=1) & ~empty.all(axis=1))
    if len(rows) == 0:
        return signatures
    width = signatures.shape[1]
    part = signatures[rows]
    doubled = np.concatenate([part, part], axis=1)
    columns = np.arange(2 * width)
    source = np.where(doubled != EMPTY, columns, 2 * width)
    nearest = np.minimum.accumulate(source[:, ::-1], axis=1)[:, ::-1][:, :width]
    distance = (nearest - columns[:width]).astype(np.uint32)
    with np.errstate(over="ignore"):
        filled = np.take_along_axis(doubled, nearest, axis=1) + distance * _ROTATION
    signatures[rows] = np.where(part == EMPTY, filled, part)
    return signatures


def jaccard(left: npt.NDArray[np.uint32], right: npt.NDArray[np.uint32]) -> npt.NDArray[np.float64]:
    """The estimated Jaccard similarity of signature rows ``left[k]`` and ``right[k]``.

    >>> import numpy as np
    >>> left = np.array([[1, 2, 3, 4]], dtype=np.uint32)
    >>> jaccard(left, np.array([[1, 2, 0, 0]], dtype=np.uint32))
    array([0.5])
    """
    agree: npt.NDArray[np.float64] = (left == right).mean(axis=1)
    return agree


def containment_bound(
    left: npt.NDArray[np.uint32],
    right: npt.NDArray[np.uint32],
    left_sizes: npt.NDArray[np.float64],
    right_sizes: npt.NDArray[np.float64],
    *,
    z: float,
    min_contained: float,
) -> npt.NDArray[np.float64]:
    """A lower confidence bound of the containment of the smaller set of each pair in the
    larger, from their signatures and sizes.

    The Jaccard estimate ``J`` (the share of agreeing positions) is lowered by ``z`` standard
    errors, ``sqrt(J (1 - J) / num_perm)``, then turned into containment: ``J (a + b) / (1 + J)
    / min(a, b)``. The bound keeps a short text from looking contained in a long one by the
    luck of a few agreeing positions (the error is multiplied by ``(a + b) / min(a, b)``). When
    the smaller set has fewer than ``min_contained`` members, the Jaccard bound itself is used.

    >>> import numpy as np
    >>> same = np.arange(128, dtype=np.uint32)[None, :]
    >>> sizes = np.array([100.0])
    >>> containment_bound(same, same, sizes, sizes, z=2, min_contained=40).round(3).tolist()
    [1.0]
    >>> few = same.copy()
    >>> few[0, 5:] += 1  # 5 of 128 positions agree
    >>> big = np.array([1000.0])
    >>> bool(containment_bound(few, same, sizes, big, z=0, min_contained=40)[0] > 0.4)
    True
    >>> bool(containment_bound(few, same, sizes, big, z=2, min_contained=40)[0] < 0.1)
    True
    """
    agree = (left == right).mean(axis=1)
    low = np.maximum(agree - z * np.sqrt(agree * (1.0 - agree) / left.shape[1]), 0.0)
    smaller = np.minimum(left_sizes, right_sizes)
    shared = low * (left_sizes + right_sizes) / (1.0 + low)
    contained = np.minimum(shared / np.maximum(smaller, 1.0), 1.0)
    bound: npt.NDArray[np.float64] = np.where(smaller >= min_contained, contained, low)
    return bound
