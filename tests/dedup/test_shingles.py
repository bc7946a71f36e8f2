"""Words, shingles and their hashes: normalisation, stability, the batched form."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from newscorpus.dedup.shingles import (
    TokenHasher,
    batch_shingles,
    distinct_counts,
    shingle_hashes,
    tokens,
)


def test_case_whitespace_and_punctuation_do_not_change_the_words() -> None:
    assert tokens("The  talks,\n\nat last — “stalled”.") == tokens("the talks at last stalled")


def test_non_ascii_letters_stay_inside_words() -> None:
    assert tokens("Ilham Əliyev, Zürich") == [w.encode() for w in ("ilham", "əliyev", "zürich")]


def test_hashes_are_the_same_in_every_hasher() -> None:
    words = tokens("a wire story on a hundred sites")
    assert (TokenHasher()(words) == TokenHasher()(words)).all()
    assert len(set(TokenHasher()(words).tolist())) == len(set(words))


def test_a_text_of_n_words_has_n_minus_k_plus_1_shingles() -> None:
    hashes = TokenHasher()(tokens("one two three four five six seven"))
    assert len(shingle_hashes(hashes, 5)) == 3
    assert len(shingle_hashes(hashes, 7)) == 1
    assert len(shingle_hashes(hashes, 9)) == 1  # shorter than a shingle: one shingle


def test_shingles_depend_on_word_order() -> None:
    hasher = TokenHasher()
    one = shingle_hashes(hasher(tokens("a b c d e")), 5)
    other = shingle_hashes(hasher(tokens("a b c e d")), 5)
    assert one[0] != other[0]


@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=12), min_size=1, max_size=6))
def test_batched_shingles_are_each_documents_shingles(documents: list[list[str]]) -> None:
    hasher = TokenHasher()
    words = [[w.encode() for w in document] for document in documents]
    hashes = [hasher(document) for document in words]
    counts = np.array([len(h) for h in hashes], dtype=np.int64)
    shingles, owners, positions = batch_shingles(
        np.concatenate([np.empty(0, np.uint64), *hashes]), counts, 3
    )
    for number, document in enumerate(hashes):
        expected = shingle_hashes(document, 3)
        assert shingles[owners == number].tolist() == expected.tolist()
        assert positions[owners == number].tolist() == list(range(len(expected)))
    distinct = distinct_counts(shingles, owners, len(documents))
    assert distinct.tolist() == [len(set(shingle_hashes(h, 3).tolist())) for h in hashes]
