"""The language of a text (py3langid's model) and its stopwords (stopwords-iso's lists).

Both come from maintained packages that ship their data: py3langid identifies 97 languages
from character n-grams, stopwords-iso lists stopwords for 58. The identifier is loaded once per
process, on first use (about half a second).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from newscorpus import tuning
from newscorpus._caches import memoized

__all__ = ["detect_language", "stopwords"]

#: Enough letters to identify a language: a match at the start of a sample that has them
#: (the letters and the characters around them, one class the complement of the other).
#: Anchored (``\A``): it is only ever matched at the start, and a search would be quadratic.
_ENOUGH_LETTERS = re.compile(rf"\A(?:[\W\d_]*[^\W\d_]){{{tuning.LANGUAGE_MIN_LETTERS}}}")


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
