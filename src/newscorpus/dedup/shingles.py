"""Words and word shingles of a cleaned body, as stable 64-bit hashes (numpy arrays).

A token is a word of the lower-cased body (see :func:`tokens`), so case, whitespace and
punctuation do not tell copies apart. Hashes are a pure function of the text (CRC-32 of each
word, then a 64-bit mix), never of Python's per-process ``hash``: the same corpus gives the same
signatures in every run and in any order.

>>> hasher = TokenHasher()
>>> words = tokens("The talks, at last!  THE TALKS at last.")
>>> words
[b'the', b'talks', b'at', b'last', b'the', b'talks', b'at', b'last']
>>> shingles = shingle_hashes(hasher(words), 4)
>>> len(shingles), bool(shingles[0] == shingles[4])
(5, True)
"""

from __future__ import annotations

import string
import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["TokenHasher", "mix64", "shingle_hashes", "tokens"]

#: ASCII punctuation and control characters become spaces (the underscore too, unlike ``\w``).
_SEPARATORS = bytes(
    32 if i < 128 and (chr(i) in string.punctuation or chr(i).isspace() or i < 32) else i
    for i in range(256)
)
#: Typographic marks that separate words, as UTF-8.
_MARKS = tuple(
    mark.encode("utf-8")
    for mark in "\u201c\u201d\u2018\u2019\u201e\u2014\u2013\u2026\u00ab\u00bb\u00a0\u2032"
)
#: Words hashed before the cache is emptied (a bound on memory, not a tuning knob).
_CACHE_WORDS = 1 << 20
# Odd 64-bit constants (from splitmix64 and the golden ratio) for mixing and combining.
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def tokens(text: str) -> list[bytes]:
    """The lower-cased words of ``text`` as UTF-8 bytes, in order: runs of letters and digits
    between ASCII punctuation, whitespace and the common typographic marks (curly quotes,
    dashes, ellipsis, guillemets, no-break space).

    >>> tokens("Arch-foes Armenia and “Azerbaijan’s” talks…")
    [b'arch', b'foes', b'armenia', b'and', b'azerbaijan', b's', b'talks']
    >>> tokens("Déjà vu, à Paris") == [w.encode() for w in ("déjà", "vu", "à", "paris")]
    True
    """
    data = text.lower().encode("utf-8", "surrogatepass")
    if not data.isascii():
        for mark in _MARKS:
            if mark in data:
                data = data.replace(mark, b" ")
    return data.translate(_SEPARATORS).split()


def mix64(values: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """The splitmix64 finaliser of each value: a bijection that spreads every input bit.

    >>> int(mix64(np.array([1], dtype=np.uint64))[0]) != 1
    True
    """
    with np.errstate(over="ignore"):
        z = values.astype(np.uint64, copy=True)
        z ^= z >> np.uint64(30)
        z *= _MIX1
        z ^= z >> np.uint64(27)
        z *= _MIX2
        z ^= z >> np.uint64(31)
    return z


class TokenHasher:
    """Stable 64-bit hashes of words, with a bounded cache (words repeat across a corpus).

    >>> hasher = TokenHasher()
    >>> bool(hasher([b"wire"])[0] == TokenHasher()([b"wire"])[0])
    True
    """

    def __init__(self) -> None:
        self._cache: dict[bytes, int] = {}

    def _hash(self, word: bytes) -> int:
        value = zlib.crc32(word)
        if len(self._cache) >= _CACHE_WORDS:
            self._cache.clear()
        self._cache[word] = value
        return value

    def __call__(self, words: list[bytes]) -> npt.NDArray[np.uint64]:
        """The hashes of ``words``, in order."""
        return self.with_lengths(words)[0]

    def with_lengths(
        self, words: list[bytes]
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.uint64]]:
        """The hashes of ``words`` and their lengths in bytes, in order."""
        cache = self._cache
        raw = list(map(cache.get, words))
        if None in raw:
            get, compute = cache.get, self._hash
            raw = [
                v if v is not None else get(w) or compute(w)
                for w, v in zip(words, raw, strict=True)
            ]
        crc = np.fromiter(raw, dtype=np.uint64, count=len(raw))
        # The word's length goes into the high bits, so two words with one CRC rarely collide.
        lengths = np.fromiter(map(len, words), dtype=np.uint64, count=len(words))
        return mix64(crc | (lengths << np.uint64(32))), lengths


def shingle_hashes(words: npt.NDArray[np.uint64], size: int) -> npt.NDArray[np.uint64]:
    """The hashes of the ``size``-word shingles of ``words`` (word hashes), in text order.

    A text shorter than ``size`` words has one shingle (all its words); an empty text none.

    >>> hashes = TokenHasher()(b"a b c".split())
    >>> [len(shingle_hashes(hashes, 2)), len(shingle_hashes(hashes, 5))]
    [2, 1]
    >>> len(shingle_hashes(hashes[:0], 5))
    0
    """
    count = len(words)
    if count == 0:
        return np.empty(0, dtype=np.uint64)
    width = min(size, count)
    combined = np.zeros(count - width + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(width):
            combined = combined * _GOLDEN + words[offset : count - width + 1 + offset]
    return mix64(combined)


def batch_shingles(
    words: npt.NDArray[np.uint64], counts: npt.NDArray[np.int64], size: int
) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """The shingles of many documents at once: ``words`` holds their word hashes one document
    after the other, ``counts`` the number of words of each.

    Returns the shingle hashes, the document of each and its position in that document, in
    order; each document's shingles are those :func:`shingle_hashes` gives.

    >>> hashes = TokenHasher()(b"a b c d x y".split())
    >>> shingles, owners, positions = batch_shingles(hashes, np.array([4, 2]), 3)
    >>> owners.tolist(), positions.tolist()
    ([0, 0, 1], [0, 1, 0])
    >>> bool((shingles[:2] == shingle_hashes(hashes[:4], 3)).all())
    True
    >>> bool(shingles[2] == shingle_hashes(hashes[4:], 3)[0])
    True
    """
    total = len(words)
    if total == 0:
        empty = np.empty(0, dtype=np.int64)
        return np.empty(0, dtype=np.uint64), empty, empty
    ends = np.cumsum(counts)
    starts = ends - counts
    owners = np.repeat(np.arange(len(counts), dtype=np.int64), counts)
    positions = np.arange(total, dtype=np.int64) - starts[owners]
    # Word i starts a full shingle when the document has size words from i on.
    full = positions + size <= counts[owners]
    combined = np.zeros(total, dtype=np.uint64)
    padded = np.concatenate([words, np.zeros(size, dtype=np.uint64)])
    with np.errstate(over="ignore"):
        for offset in range(size):
            combined = combined * _GOLDEN + padded[offset : offset + total]
    shingles, shingle_owners, shingle_positions = (
        combined[full],
        owners[full],
        positions[full],
    )
    short = np.flatnonzero((counts > 0) & (counts < size))
    if len(short):  # a document shorter than a shingle is one shingle of all its words
        extra = np.array(
            [shingle_hashes(words[starts[d] : ends[d]], size)[0] for d in short.tolist()],
            dtype=np.uint64,
        )
        shingles = np.concatenate([mix64(shingles), extra])
        shingle_owners = np.concatenate([shingle_owners, short])
        shingle_positions = np.concatenate([shingle_positions, np.zeros(len(short), np.int64)])
        order = np.argsort(shingle_owners, kind="stable")
        return shingles[order], shingle_owners[order], shingle_positions[order]
    return mix64(shingles), shingle_owners, shingle_positions


def distinct_counts(
    values: npt.NDArray[np.uint64], owners: npt.NDArray[np.int64], documents: int
) -> npt.NDArray[np.int64]:
    """How many distinct hashes each of ``documents`` documents holds.

    >>> hashes = mix64(np.array([5, 5, 6, 5], dtype=np.uint64))
    >>> distinct_counts(hashes, np.array([0, 0, 0, 2]), 3)
    array([2, 0, 1])
    """
    keys = np.sort(owner_keys(values, owners))
    first = np.ones(len(keys), dtype=bool)
    first[1:] = keys[1:] != keys[:-1]
    return np.bincount((keys[first] >> _VALUE_BITS).astype(np.int64), minlength=documents)


#: Bits of a hash kept beside a document number in one sort key (see :func:`owner_keys`).
_VALUE_BITS = np.uint64(44)


def owner_keys(
    values: npt.NDArray[np.uint64], owners: npt.NDArray[np.int64]
) -> npt.NDArray[np.uint64]:
    """One sortable 64-bit key per (document, hash) pair: the document number (below 2**20)
    in the high bits, the hash's top 44 bits below it, so one sort groups hashes by document
    (two hashes of one document share their top 44 bits with probability 2**-44).

    >>> keys = owner_keys(np.array([2**63, 5], dtype=np.uint64), np.array([1, 0]))
    >>> (keys >> _VALUE_BITS).tolist()
    [1, 0]
    """
    return (owners.astype(np.uint64) << _VALUE_BITS) | (values >> np.uint64(64 - 44))
