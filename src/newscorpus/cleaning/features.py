"""What the heuristics know about one block of text: size, sentence shape, stopword density.

Features are pure functions of the text and the page's language, cached, so every step can ask
for them without recomputing. Size is counted in words for scripts with spaces and in
characters (halved) for Chinese, Japanese and Korean, whose ``\\w+`` runs are whole clauses.
"""

from __future__ import annotations

import re

from attrs import frozen

from newscorpus._caches import memoized
from newscorpus.metadata.language import stopwords

__all__ = ["Features", "features", "size_of"]

_WORD = re.compile(r"\w+")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?…。！？]['\"’”»)\]]*(?:\s*\[\d+\])?$")
_DIGIT = re.compile(r"\d")
#: Languages written without spaces between words: a ``\w+`` run is a clause, not a word, so
#: a stopword share means nothing there.
_UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
#: How a line ends is read from its last characters: a mark, closing quotes, a footnote.
_ENDING_CHARS = 16
_INITIAL = re.compile(r"(?<!\w)\w")


@frozen
class Features:
    """The shape of one block."""

    #: Words (for CJK scripts, characters / 2).
    size: float
    #: Share of the words that are stopwords of the page's language (None: no list).
    stopword_ratio: float | None
    #: The block ends like a sentence (full stop, question or exclamation mark, ellipsis).
    ends_sentence: bool
    #: The block ends with an ellipsis: a teaser cut short.
    ends_ellipsis: bool
    #: Every word starts with a capital or a digit, as menu items and headlines do.
    title_case: bool
    #: Every letter is a capital.
    upper_case: bool
    #: Share of the characters that are digits.
    digit_ratio: float


@memoized
def size_of(text: str) -> float:
    """How long ``text`` is, in words (CJK characters count half a word).

    >>> size_of("Three short words")
    3
    >>> size_of("報道によると")
    3.0
    """
    return _size(len(_WORD.findall(text)), text)


def _size(words: int, text: str) -> float:
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    return words + cjk / 2 - (1 if cjk and words else 0) if cjk else words


@memoized
def features(text: str, language: str | None) -> Features:
    """The features of ``text`` on a page in ``language`` (ISO 639-1, or None when unknown).

    >>> f = features("The talks stalled over the last two months.", "en")
    >>> f.ends_sentence, f.title_case, f.stopword_ratio > 0.3
    (True, False, True)
    """
    words = _WORD.findall(text.lower())
    stops = stopwords(language)
    ratio = None
    if stops and words and language not in _UNSPACED_LANGUAGES:
        ratio = sum(map(stops.__contains__, words)) / len(words)
    stripped = text.rstrip()
    ending = stripped[-_ENDING_CHARS:]
    return Features(
        size=_size(len(words), text),
        stopword_ratio=ratio,
        ends_sentence=bool(_SENTENCE_END.search(ending)),
        ends_ellipsis=stripped.endswith(("...", "…")),
        # isupper() ignores digits and caseless letters: "Top 10 Stories" is Title Case.
        title_case="".join(_INITIAL.findall(text)).isupper(),
        upper_case=text.isupper(),
        digit_ratio=len(_DIGIT.findall(text)) / len(text) if text else 0.0,
    )
