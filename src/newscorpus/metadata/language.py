"""The language of a text (py3langid's model) and its stopwords (stopwords-iso's lists).

Both come from maintained packages that ship their data: py3langid identifies 97 languages
from character n-grams, stopwords-iso lists stopwords for 58. The identifier is loaded once per
process, on first use (about half a second); its raw scores are computed here in whole-array
numpy steps (:class:`_WholeArrayScores`), to the same result.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING, Any

from newscorpus import tuning
from newscorpus._caches import memoized

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["detect_language", "stopwords"]

#: Enough letters to identify a language: a match at the start of a sample that has them
#: (the letters and the characters around them, one class the complement of the other).
#: Anchored (``\A``): it is only ever matched at the start, and a search would be quadratic.
_ENOUGH_LETTERS = re.compile(rf"\A(?:[\W\d_]*[^\W\d_]){{{tuning.LANGUAGE_MIN_LETTERS}}}")
#: The py3langid releases whose raw scores :class:`_WholeArrayScores` computes as they do (the
#: tests hold it to the installed one); under any other release, py3langid scores alone.
_KNOWN_RELEASES = frozenset({"0.4.0"})


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    kind = _whole_array(LanguageIdentifier) if _checked_release() else LanguageIdentifier
    return kind.from_model_file(MODEL_FILE, norm_probs=True)


def _checked_release() -> bool:
    """Whether the installed py3langid is a release :class:`_WholeArrayScores` was checked
    against (one installed without its metadata is not)."""
    try:
        return metadata.version("py3langid") in _KNOWN_RELEASES
    except metadata.PackageNotFoundError:
        return False


def _whole_array(identifier_class: type[Any]) -> type[Any]:
    """py3langid's identifier with its raw scores computed by :class:`_WholeArrayScores`:
    the one step that is slow in Python. py3langid itself encodes the text, normalises the
    scores, folds its aliased labels and picks the language."""

    class WholeArrayIdentifier(identifier_class):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.whole_array_scores = _WholeArrayScores(self)

        def _raw_score(self, text: bytes) -> Any:
            scores = self.whole_array_scores.of(text)
            # a text without features: py3langid's own fill
            return scores if scores is not None else super()._raw_score(text)

    return WholeArrayIdentifier


class _WholeArrayScores:
    """py3langid's raw scores of a text (``_raw_score``: the naive Bayes sums of its
    features), computed in whole-array steps.

    py3langid walks a text's UTF-8 bytes through its automaton one byte at a time in Python,
    and numpy widens its float16 table's rows to float32 one element at a time: a third of a
    page's language step, half of it saved here. The walk is whole-array (:meth:`_states`) and
    the rows are widened by integer arithmetic on their bits; every float operation is
    py3langid's own, on the same values in the same order, so the scores, and the language
    and probability py3langid makes of them, are its own to the last bit.
    """

    def __init__(self, identifier: Any) -> None:
        import numpy as np

        self._prior: npt.NDArray[np.float32] = identifier.nb_pc
        self._next: npt.NDArray[np.integer[Any]] = np.asarray(identifier.tk_nextmove)
        self._row_starts = np.asarray(identifier.tk_row).astype(np.intp) << 8
        self._feature = np.asarray(identifier.tk_output, dtype=np.intp)
        table = identifier.nb_ptc
        self._table = table
        # Log-probabilities: negative normal numbers, which _widen_negative_normal widens.
        bits = table.view(np.uint16)
        self._widen_by_bits = bool(bits.min() >= 0x8400 and bits.max() < 0xFC00)

    def of(self, data: bytes) -> npt.NDArray[np.float32] | None:
        """The raw scores of the UTF-8 ``data``, or None when it holds no feature."""
        import numpy as np

        features = self._feature[self._states(np.frombuffer(data, dtype=np.uint8))]
        features = features[features >= 0]
        if not features.size:
            return None
        # The features in the order they first occur (py3langid counts them in a Counter),
        # so that the sum below adds the same terms in the same order.
        values, first, counts = np.unique(features, return_index=True, return_counts=True)
        order = np.argsort(first)
        scores = np.log1p(counts[order].astype(np.float32)) @ self._rows(values[order])
        scores += self._prior
        return scores

    def _states(self, data: npt.NDArray[np.uint8]) -> npt.NDArray[np.intp]:
        """The automaton's state after each byte of ``data``, from its start state 0.

        Each state is the next-state function of the state before and the byte. A round
        applies it at every position at once, to the previous round's states: each round
        makes at least one more position right, from the first; and as a state depends only
        on the last bytes read (as many as the longest n-gram), every position is right after
        that many rounds (6 or 7 on real text). The rounds stop when one changes nothing: a
        sequence the function maps to itself is the walk (by induction from the first byte).
        """
        import numpy as np

        data = data.astype(np.intp)
        states = np.zeros(len(data), dtype=np.intp)
        before = np.zeros(len(data), dtype=np.intp)
        while True:
            before[1:] = states[:-1]
            following = self._next[self._row_starts[before] + data]
            if np.array_equal(following, states):
                return states
            states = following.astype(np.intp)

    def _rows(self, features: npt.NDArray[np.intp]) -> npt.NDArray[np.float32]:
        """The table's rows of ``features`` as float32 (what numpy's matmul widens them to)."""
        import numpy as np

        rows = self._table[features]
        if self._widen_by_bits:
            return _widen_negative_normal(rows.view(np.uint16))
        return rows.astype(np.float32)  # type: ignore[no-any-return]


def _widen_negative_normal(bits: npt.NDArray[np.uint16]) -> npt.NDArray[np.float32]:
    """The float32 values of float16 ``bits`` that are all negative normal numbers (sign set,
    exponent neither 0 nor 31): exponent and fraction move 13 bits up, and + 0x54000 re-biases
    the exponent (0x1C000, 112 << 10) and moves the sign bit from float16's place to
    float32's (0x38000). Several times faster than numpy's float16 cast."""
    import numpy as np

    widened = bits.astype(np.uint32)
    widened += np.uint32(0x54000)
    widened <<= np.uint32(13)
    return widened.view(np.float32)


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when the text is too short or the
    model is not confident enough.

    >>> detect_language("Arch-foes Armenia and Azerbaijan said Thursday they would exchange "
    ...                 "prisoners of war and work towards normalising their relations.")
    'en'
    >>> detect_language("ok") is None
    True
    """
    return _classify(text[: tuning.LANGUAGE_SAMPLE_CHARS])


@memoized
def _classify(sample: str) -> str | None:
    # Memoised on the sample, not on the caller's text: a whole page as a cache key would keep
    # thousands of pages alive.
    if not _ENOUGH_LETTERS.match(sample):
        return None
    language, probability = _identifier().classify(sample)
    if probability < tuning.LANGUAGE_MIN_PROBABILITY or len(language) != 2:
        return None
    return str(language)


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """The stopwords of ``language`` (lower-case), or an empty set when none are known.

    >>> "the" in stopwords("en"), "der" in stopwords("de"), stopwords(None)
    (True, True, frozenset())
    """
    if language is None:
        return frozenset()
    import stopwordsiso

    if not stopwordsiso.has_lang(language):
        return frozenset()
    return frozenset(word.lower() for word in stopwordsiso.stopwords(language))
