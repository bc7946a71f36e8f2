"""Stories: documents about one event, found by the cosine of their weighted terms.

A document's *terms* are its content words (not a stopword of its language, English when the
language is unknown; at least three characters, or a number) and the pairs of adjacent content
words ("joint statement", "32 armenian"). A term weighs ``1 + log(count)`` and a document keeps
its :data:`~newscorpus.tuning.STORY_TERMS` heaviest terms, scaled to unit length. The weighting
uses the document alone, never statistics of the corpus, so adding an unrelated document cannot
change the similarity of two others (word pairs do what an IDF would do on a big corpus: a
shared pair of content words is rare unless the texts tell the same facts).

Pairs are found through an inverted index of the top terms that leaves out a term among more
than :data:`~newscorpus.tuning.STORY_MAX_POSTINGS` documents' top terms (a term that common
tells no story apart: the cut acts as an IDF that needs no corpus statistics below that size).
A pair is a story edge when it shares at least :data:`~newscorpus.tuning.STORY_MIN_SHARED_TERMS`
indexed terms, the cosine of the two term vectors over these terms reaches ``story_threshold``
and its dates (when both have one) are at most ``story_window_days`` apart. Stories are the
connected components of these edges and of the copy edges (single link).

>>> extractor = StoryTerms(terms=20)
>>> hashes, weights = extractor("Armenia and Azerbaijan agree a joint statement.", "en")
>>> len(hashes), round(float((weights ** 2).sum()), 6)
(9, 1.0)
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from newscorpus import tuning
from newscorpus.dedup.shingles import _VALUE_BITS, TokenHasher, mix64, owner_keys, tokens
from newscorpus.metadata.language import stopwords

if TYPE_CHECKING:
    import numpy.typing as npt

__all__ = ["StoryTerms", "story_pairs"]

_PAIR = np.uint64(0xD6E8FEB86659FD93)
#: A term is the top 44 bits of its hash (see :func:`~newscorpus.dedup.shingles.owner_keys`).
_TERM_MASK = np.uint64((1 << 44) - 1)
#: Term-sharing pairs summed at a time (a bound on memory, about 90 bytes a pair).
_CHUNK_PAIRS = 1 << 20
_FALLBACK_LANGUAGE = "en"


class StoryTerms:
    """The top weighted terms of a body: term hashes (uint64) and unit-length weights."""

    def __init__(self, terms: int = tuning.STORY_TERMS, hasher: TokenHasher | None = None) -> None:
        self.terms = terms
        self._hasher = hasher or TokenHasher()
        self._stop: dict[str | None, npt.NDArray[np.uint64]] = {}
        # Short numbers are terms ("32 prisoners"); longer ones pass the length test.
        self._numbers = np.unique(self._hasher([str(n).encode() for n in range(100)]))

    def _stopword_hashes(self, language: str | None) -> npt.NDArray[np.uint64]:
        if language not in self._stop:
            words = sorted(stopwords(language) or stopwords(_FALLBACK_LANGUAGE)) or [""]
            self._stop[language] = np.unique(self._hasher([w.encode("utf-8") for w in words]))
        return self._stop[language]

    def __call__(
        self, text: str, language: str | None
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
        """The top terms of ``text`` and their weights."""
        return self.of_words(*self._hasher.with_lengths(tokens(text)), language)

    def of_words(
        self,
        hashes: npt.NDArray[np.uint64],
        lengths: npt.NDArray[np.uint64],
        language: str | None,
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
        """The top terms of a body given as word hashes and lengths (:class:`TokenHasher`)."""
        owners = np.zeros(len(hashes), dtype=np.int64)
        terms, weights = self.batch(hashes, lengths, owners, [language])
        present = weights[0] > 0
        return terms[0][present], weights[0][present]

    def batch(
        self,
        hashes: npt.NDArray[np.uint64],
        lengths: npt.NDArray[np.uint64],
        owners: npt.NDArray[np.int64],
        languages: list[str | None],
    ) -> tuple[npt.NDArray[np.uint64], npt.NDArray[np.float32]]:
        """The top terms of ``len(languages)`` documents at once: their word hashes and lengths
        one document after the other, the document of each word in ``owners``. Rows are padded
        with weight 0."""
        documents = len(languages)
        keep = (lengths >= tuning.STORY_MIN_TOKEN_CHARS) | _member(hashes, self._numbers)
        codes = {language: n for n, language in enumerate(dict.fromkeys(languages))}
        word_languages = np.array([codes[lang] for lang in languages], dtype=np.int64)[owners]
        for language, code in codes.items():
            chosen = np.flatnonzero(keep & (word_languages == code))
            keep[chosen] = ~_member(hashes[chosen], self._stopword_hashes(language))
        words, word_owners = hashes[keep], owners[keep]
        adjacent = word_owners[1:] == word_owners[:-1]
        with np.errstate(over="ignore"):
            pairs = mix64(words[:-1][adjacent] * _PAIR + words[1:][adjacent])
        every = np.concatenate([words, pairs])
        every_owner = np.concatenate([word_owners, word_owners[:-1][adjacent]])
        keys = np.sort(owner_keys(every, every_owner))
        new = np.ones(len(keys), dtype=bool)
        new[1:] = keys[1:] != keys[:-1]
        starts = np.flatnonzero(new)
        counts = np.diff(np.append(starts, len(keys))).astype(np.uint64)
        values = keys[starts] & _TERM_MASK
        value_owners = (keys[starts] >> _VALUE_BITS).astype(np.int64)
        order = np.lexsort((values, -counts.astype(np.int64), value_owners))
        values, value_owners = values[order], value_owners[order]
        weights = 1.0 + np.log(counts[order].astype(np.float64))
        firsts = np.searchsorted(value_owners, value_owners, side="left")
        rank = np.arange(len(values)) - firsts
        top = rank < self.terms
        values, value_owners, weights, rank = (
            values[top],
            value_owners[top],
            weights[top],
            rank[top],
        )
        norms = np.sqrt(np.bincount(value_owners, weights=weights**2, minlength=documents))
        out_terms = np.zeros((documents, self.terms), dtype=np.uint64)
        out_weights = np.zeros((documents, self.terms), dtype=np.float32)
        out_terms[value_owners, rank] = values
        out_weights[value_owners, rank] = weights / norms[value_owners]
        return out_terms, out_weights


def _member(values: npt.NDArray[np.uint64], table: npt.NDArray[np.uint64]) -> npt.NDArray[np.bool_]:
    """Whether each value is in the sorted, non-empty ``table``."""
    at = np.minimum(np.searchsorted(table, values), len(table) - 1)
    found: npt.NDArray[np.bool_] = table[at] == values
    return found


def story_pairs(
    terms: npt.NDArray[np.uint64],
    weights: npt.NDArray[np.float32],
    moments: npt.NDArray[np.float64],
    *,
    threshold: float,
    window_days: float,
) -> npt.NDArray[np.int64]:
    """The pairs ``(i, j)``, ``i < j``, of documents that tell one story.

    ``terms`` and ``weights`` hold one row per document (padded with weight 0), ``moments``
    the publication time in seconds (NaN when unknown).

    >>> import numpy as np
    >>> terms = np.array([[1, 2, 3, 4], [1, 2, 3, 4], [1, 5, 6, 7]], dtype=np.uint64)
    >>> weights = np.full((3, 4), 0.5, dtype=np.float32)
    >>> story_pairs(terms, weights, np.full(3, np.nan), threshold=0.5, window_days=7).tolist()
    [[0, 1]]
    """
    present = np.flatnonzero(weights.ravel() > 0)
    # Row-major order lists documents in order, so a stable sort by term keeps them so.
    order = present[np.argsort(terms.ravel()[present], kind="stable")]
    del present
    documents = (order // terms.shape[1]).astype(np.int32)
    flat_terms = terms.ravel()[order]
    flat_weights = weights.ravel()[order]
    del order
    # Each posting pairs with the later postings of its term (documents ascend within a term);
    # terms held by more than STORY_MAX_POSTINGS documents pair with nothing.
    boundaries = np.flatnonzero(np.diff(flat_terms)) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(flat_terms)]))
    sizes = ends - starts
    group_end = np.repeat(np.where(sizes <= tuning.STORY_MAX_POSTINGS, ends, 0), sizes)
    later = np.maximum(group_end - np.arange(len(flat_terms)) - 1, 0).astype(np.int32)
    del boundaries, starts, ends, sizes, group_end, flat_terms
    width = terms.shape[0]
    window = window_days * 86400.0
    need = min(tuning.STORY_MIN_SHARED_TERMS, terms.shape[1])
    # Documents are taken in ranges holding about _CHUNK_PAIRS pairs (as first member), so
    # memory is bounded and every pair is summed whole within one range.
    by_document = np.argsort(documents, kind="stable")
    per_document = np.bincount(documents, weights=later, minlength=width)
    cuts = np.searchsorted(
        np.cumsum(per_document), np.arange(_CHUNK_PAIRS, per_document.sum() + 1, _CHUNK_PAIRS)
    )
    bounds = np.unique(np.concatenate(([0], cuts + 1, [width])).clip(0, width))
    position_bounds = np.searchsorted(documents[by_document], bounds)
    found: list[npt.NDArray[np.int64]] = []
    for low, high in pairwise(position_bounds.tolist()):
        lefts = by_document[low:high]
        counts = later[lefts]
        lefts = lefts[counts > 0]
        counts = counts[counts > 0]
        if len(lefts) == 0:
            continue
        offsets = np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts)
        left_at = np.repeat(lefts, counts)
        right_at = left_at + 1 + offsets
        first, second = documents[left_at], documents[right_at]
        near = ~(np.abs(moments[first] - moments[second]) > window)
        codes = first[near].astype(np.int64) * width + second[near]
        products = flat_weights[left_at[near]].astype(np.float64) * flat_weights[right_at[near]]
        unique, inverse, shared = np.unique(codes, return_inverse=True, return_counts=True)
        cosine = np.bincount(inverse, weights=products, minlength=len(unique))
        found.append(unique[(shared >= need) & (cosine >= threshold - 1e-6)])
    codes = np.concatenate([np.empty(0, np.int64), *found])
    return np.stack([codes // width, codes % width], axis=1)
