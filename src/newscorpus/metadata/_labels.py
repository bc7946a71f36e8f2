"""The words that say what a date is (published, modified), from ``data/date_labels.json``.

Phrases are matched in folded text (case and diacritics ignored, whitespace collapsed) as whole
words; phrases in Chinese or Japanese script match anywhere, since those scripts put no spaces
between words. The longest phrase at a place wins.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from attrs import frozen

from newscorpus.metadata._data import entries, load, string_list
from newscorpus.metadata._text import fold, has_cjk

__all__ = ["DateLabel", "LabelWords", "label_at_start", "label_words", "labels_in"]

#: What a date on a header line is.
DateLabel = Literal["published", "modified", "unknown"]
_KINDS: tuple[DateLabel, ...] = ("published", "modified")


@frozen
class LabelWords:
    """The label phrases, compiled."""

    #: Matches any label phrase in folded, whitespace-collapsed text.
    pattern: re.Pattern[str]
    #: Each folded phrase to its kind.
    kinds: dict[str, DateLabel]
    #: Every folded word of every phrase, plus the neutral words of a dateline ("Date:",
    #: "Source", "by", "min read"...), for telling a dateline from a sentence.
    neutral: frozenset[str]
    #: The folded words of four letters or more of the published/modified phrases
    #: ("updated", "publié"): never part of a person's name.
    label_tokens: frozenset[str]
    #: The label and neutral phrases in scripts without spaces (removed by substring).
    neutral_cjk: tuple[str, ...]


@cache
def label_words() -> LabelWords:
    """The compiled label phrases.

    >>> label_words().kinds["mis a jour"]
    'modified'
    """
    data = load("date_labels.json")
    kinds: dict[str, DateLabel] = {}
    for kind in _KINDS:
        for language, phrases in entries(data[kind], kind).items():
            for phrase in string_list(phrases, f"{kind}.{language}"):
                kinds.setdefault(fold(phrase), kind)
    other = [fold(word) for word in string_list(entries(data["other"], "other")["words"], "other")]
    alternatives = [
        re.escape(phrase) if has_cjk(phrase) else _whole_words(phrase)
        for phrase in sorted(kinds, key=len, reverse=True)
    ]
    neutral = {word for phrase in [*kinds, *other] for word in phrase.split()}
    cjk = sorted((p for p in [*kinds, *other] if has_cjk(p)), key=len, reverse=True)
    tokens = {word for phrase in kinds for word in phrase.split() if len(word) >= 4}
    return LabelWords(
        pattern=re.compile("|".join(alternatives)),
        kinds=kinds,
        neutral=frozenset(neutral),
        label_tokens=frozenset(tokens),
        neutral_cjk=tuple(cjk),
    )


def _whole_words(phrase: str) -> str:
    """A pattern for ``phrase`` with no word character on either side.

    No word character may stand before the phrase's first character, which the pattern
    checks just after matching that character: an alternation whose every branch starts with
    a character is searched several times faster (the engine goes straight to the places
    where one of those characters is, and tries only the branches that start with it).
    """
    return rf"{re.escape(phrase[0])}(?<!\w[\s\S]){re.escape(phrase[1:])}(?!\w)"


def labels_in(text: str) -> list[DateLabel]:
    """The kinds of the label phrases in ``text``, in order.

    >>> labels_in("Publié le 18/11/2019, mis à jour le 19/11/2019")
    ['published', 'modified']
    """
    words = label_words()
    folded = fold(" ".join(text.split()))
    return [words.kinds[match.group()] for match in words.pattern.finditer(folded)]


def label_at_start(text: str) -> DateLabel | None:
    """The kind of the label phrase ``text`` opens with (spaces and brackets aside), or None.

    >>> label_at_start(" 公開"), label_at_start(" - Atualizado em") is None
    ('published', True)
    """
    words = label_words()
    folded = fold(" ".join(text.split()).lstrip(" ([（【"))
    match = words.pattern.match(folded)
    return words.kinds[match.group()] if match else None
