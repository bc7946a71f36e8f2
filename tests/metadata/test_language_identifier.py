"""The whole-array classifier gives what py3langid's own ``classify`` gives, to the last bit.

It was written for speed (#12) and reads py3langid's model; these tests hold it to
py3langid's walk and scores on text in many scripts, and its float16 widening to numpy's on
every value it is used for.
"""

from __future__ import annotations

from functools import cache
from importlib import metadata
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus._caches import clear_caches
from newscorpus.metadata import language

#: Pieces of text in many scripts, with capitals, digits, punctuation and characters that NFC
#: composes ("e" and a combining accent).
_PIECES = (
    *("The council met on Monday", "Der Stadtrat hat", "Le conseil municipal", "y la gente"),
    *("Москва", "報道によると", "서울", "القاهرة", "Αθήνα", "नई दिल्ली", "İstanbul", "ß"),
    *("NEWS", "12:30", "2019", " ", "\n", ".", ",", "“", "…", "e\u0301", "\u00a0", "🙂"),
)


def _walk_states(identifier: Any, data: bytes) -> list[int]:
    """py3langid's walk, one byte at a time (its ``visit_counts`` without the counting)."""
    state, states = 0, []
    for byte in data:
        state = identifier.tk_nextmove[identifier._rowbase[state] + byte]
        states.append(state)
    return states


def _installed_release() -> str | None:
    try:
        return metadata.version("py3langid")
    except metadata.PackageNotFoundError:
        return None


#: The classifier serves only the py3langid releases it was checked against; under another,
#: py3langid classifies, and the tests that hold the classifier to it have nothing to hold.
#: (A new release: check it with these tests, then add it to ``language._KNOWN_RELEASES``.)
_checked_release = pytest.mark.skipif(
    _installed_release() not in language._KNOWN_RELEASES,
    reason=f"py3langid {_installed_release()} is not a release the classifier was checked against",
)


def _whole_array_scores() -> language._WholeArrayScores:
    scores: language._WholeArrayScores = language._identifier().whole_array_scores
    return scores


@cache
def _py3langid() -> Any:
    """py3langid's own identifier, as the library builds it: what the tests hold it to."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@_checked_release
def test_the_classifier_serves_the_checked_releases() -> None:
    assert hasattr(language._identifier(), "whole_array_scores")


def test_another_release_is_classified_by_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_KNOWN_RELEASES", frozenset())
    language._identifier.cache_clear()
    clear_caches()
    try:
        assert not hasattr(language._identifier(), "whole_array_scores")
        assert language.detect_language("The council met on Monday to vote on the budget.") == "en"
    finally:
        monkeypatch.undo()
        language._identifier.cache_clear()
        clear_caches()


def test_every_negative_normal_float16_widens_as_numpy_widens_it() -> None:
    bits = np.arange(0x8400, 0xFC00, dtype=np.uint16)
    widened = language._widen_negative_normal(bits)
    assert np.array_equal(
        widened.view(np.uint32), bits.view(np.float16).astype(np.float32).view(np.uint32)
    )


@_checked_release
def test_the_model_table_holds_only_numbers_the_bits_widen() -> None:
    assert _whole_array_scores()._widen_by_bits


@_checked_release
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=40).map("".join))
def test_the_states_are_py3langids_walk(text: str) -> None:
    data = text.encode("utf8", errors="surrogatepass")
    states = _whole_array_scores()._states(np.frombuffer(data, dtype=np.uint8))
    assert states.tolist() == _walk_states(_py3langid(), data)


@_checked_release
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=12), max_size=40).map("".join))
def test_the_classifier_gives_py3langids_language_and_probability(text: str) -> None:
    assert language._identifier().classify(text) == _py3langid().classify(text)


@_checked_release
@pytest.mark.parametrize(
    "text",
    [
        "",
        "OK",
        "THE COUNCIL MET ON MONDAY EVENING TO VOTE ON THE BUDGET FOR THE TOWN.",
        "Der Stadtrat hat am Montagabend über den Haushalt der Stadt abgestimmt.",
        "Le conseil municipal s'est réuni lundi soir pour voter le budget de la ville.",
        "Городской совет собрался в понедельник вечером, чтобы проголосовать за бюджет.",
        "市議会は月曜日の夜に集まり、町の予算について投票した。",
        "Srbija i Hrvatska",  # a label under two columns (py3langid's aliases)
    ],
)
def test_the_classifier_on_sentences_of_many_languages(text: str) -> None:
    assert language._identifier().classify(text) == _py3langid().classify(text)
