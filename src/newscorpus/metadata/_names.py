"""Telling a person's name from a desk, a job title, a publication or a sentence.

A name in a cased script is two to five words (:data:`newscorpus.tuning.NAME_MAX_WORDS`),
each capitalised
(``Sarah``, ``O'Brien``, ``Jean-Pierre``, ``KAHANA``) or an initial (``E.``, ``J.R.R.``), with
lower-case particles inside (``van der``, ``de la``, ``bin``). It does not start with an
article (``Le Monde``, ``The Guardian``) and has no digits, no address, no possessive, no
function word (``By Any Means Necessary``), no date label (``Updated``), no short acronym
beside mixed-case words (``CNN Business``), and no word that names a desk (Staff, Bureau), a
role (Editor), a publication or section (Times, Zeitung, Business) or a weekday. Names in
scripts without case (Arabic, Han, Hangul) cannot be checked by their capitals: they are
accepted only where a byline marker says a name follows, with the same length limits.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import frozen

from newscorpus import tuning
from newscorpus.metadata._data import entries, load, string_list
from newscorpus.metadata._labels import label_words
from newscorpus.metadata._lexicon import lexicon
from newscorpus.metadata._text import fold, has_cjk, is_caseless_word

__all__ = [
    "BylineWords",
    "byline_words",
    "has_word_in",
    "is_declared_name",
    "is_person_name",
    "leading_name",
]

_CJK_NAME = re.compile(r"^\w{2,4}$")
_INITIALS = re.compile(r"^(?:[^\W\d_]\.){1,3}$|^[^\W\d_]\.?$")
_NAME_WORD = re.compile(r"^[^\W\d_][^\W\d_'’.-]*(?:['’-][^\W\d_]+)*\.?$")
#: A site's account rather than a person's pen name: "admin", "jdadmin", "webmaster".
_ACCOUNT = re.compile(r"admin|webmaster", re.IGNORECASE)
_NOT_A_NAME = re.compile(r"\d|@|https?:|www\.|\.(?:com|org|net)\b", re.IGNORECASE)


@frozen
class BylineWords:
    """The folded word lists of bylines (``data/bylines.json``)."""

    markers: frozenset[str]
    colon_markers: frozenset[str]
    #: The first word of every marker and colon marker.
    marker_starts: frozenset[str]
    cjk_markers: tuple[str, ...]
    suffix_markers: tuple[str, ...]
    cjk_not_names: tuple[str, ...]
    joiners: frozenset[str]
    with_words: frozenset[str]
    particles: frozenset[str]
    article_particles: frozenset[str]
    not_name_words: frozenset[str]
    desk_words: frozenset[str]
    role_words: frozenset[str]
    media_words: frozenset[str]
    photo_words: frozenset[str]


@cache
def byline_words() -> BylineWords:
    """The byline word lists, loaded once.

    >>> "von" in byline_words().markers, "staff" in byline_words().desk_words
    (True, True)
    """
    data = entries(load("bylines.json"), "bylines.json")

    def folded(key: str) -> frozenset[str]:
        return frozenset(fold(word) for word in string_list(data[key], key))

    markers, colon_markers = folded("markers"), folded("colon_markers")
    return BylineWords(
        markers=markers,
        colon_markers=colon_markers,
        marker_starts=frozenset(marker.split(" ")[0] for marker in markers | colon_markers),
        cjk_markers=tuple(sorted(string_list(data["cjk_markers"], "cjk_markers"), key=len)[::-1]),
        suffix_markers=tuple(string_list(data["suffix_markers"], "suffix_markers")),
        cjk_not_names=tuple(string_list(data["cjk_not_names"], "cjk_not_names")),
        joiners=folded("joiners"),
        with_words=folded("with_words"),
        particles=folded("particles"),
        article_particles=folded("article_particles"),
        not_name_words=folded("not_name_words"),
        desk_words=folded("desk_words"),
        role_words=folded("role_words"),
        media_words=folded("media_words"),
        photo_words=folded("photo_words"),
    )


def has_word_in(text: str, words: frozenset[str]) -> bool:
    """Whether a word or a phrase of ``words`` occurs in ``text`` (folded, whole words).

    >>> has_word_in("News Nation Bureau", byline_words().desk_words)
    True
    """
    tokens = fold(text).split()
    for size in (1, 2):
        for start in range(len(tokens) - size + 1):
            if " ".join(tokens[start : start + size]).strip(".,:;()") in words:
                return True
    return False


def _is_name_word(word: str) -> bool:
    return bool(_INITIALS.match(word)) or (
        bool(_NAME_WORD.match(word)) and word[0].isupper() and not word.endswith(("'s", "’s"))
    )


def _is_excluded(word: str) -> bool:
    """Whether ``word`` is never part of a person's name. (Months and short weekday forms
    are first names too: Jan, May, June, Sam, Dom.)"""
    words, key = byline_words(), fold(word)
    return (
        key in words.desk_words
        or key in words.role_words
        or key in words.media_words
        or key in words.markers
        or key in words.not_name_words
        or key in label_words().label_tokens
        or (len(key) >= tuning.NAME_WEEKDAY_MIN_CHARS and key in lexicon().weekdays)
    )


def _is_initial(word: str, position: int, count: int) -> bool:
    """Whether ``word`` is an initial: a capital with a dot ("A.", "J.R."), or a lone capital
    between two names ("Miguel A Herguedas"), which the word lists must not read as a word."""
    if word.endswith(".") and _INITIALS.match(word):
        return word[0].isupper()
    return len(word) == 1 and word.isupper() and 0 < position < count - 1


def _is_acronym(word: str) -> bool:
    return tuning.ACRONYM_MIN_LETTERS <= len(word) <= tuning.ACRONYM_MAX_LETTERS and word.isupper()


def is_person_name(text: str, *, caseless_ok: bool = False) -> bool:
    """Whether ``text`` reads as one person's name.

    ``caseless_ok`` accepts names in scripts without case (after an explicit marker).

    >>> is_person_name("Sarah E. Needleman"), is_person_name("Ludwig van Beethoven")
    (True, True)
    >>> is_person_name("Miguel A. Herguedas"), is_person_name("A Tale")
    (True, False)
    >>> is_person_name("Staff Writer"), is_person_name("Le Monde"), is_person_name("the end")
    (False, False, False)
    >>> is_person_name("张三", caseless_ok=True), is_person_name("张三")
    (True, False)
    """
    text = text.strip()
    if not text or _NOT_A_NAME.search(text):
        return False
    tokens = text.split()
    if is_caseless_word(tokens[0]):
        if not caseless_ok or len(tokens) > tuning.NAME_MAX_WORDS:
            return False
        if has_cjk(text) and len(tokens) == 1:
            return bool(_CJK_NAME.match(text))
        return all(is_caseless_word(token) for token in tokens)
    if not 2 <= len(tokens) <= tuning.NAME_MAX_WORDS:
        return False
    words = byline_words()
    if fold(tokens[0]) in words.article_particles or fold(tokens[-1]) in words.particles:
        return False
    mixed_case = not all(token.isupper() for token in tokens)
    for position, token in enumerate(tokens):
        if fold(token) in words.particles and token[0].islower():
            continue
        if _is_initial(token, position, len(tokens)):
            continue  # "A." is an initial, not the article "a"
        if not _is_name_word(token) or _is_excluded(token):
            return False
        if mixed_case and _is_acronym(token):
            return False
    return not all(_INITIALS.match(token) for token in tokens)


def is_declared_name(text: str) -> bool:
    """Whether a value the page declares to be a person (a JSON-LD ``Person``, ``rel=author``,
    ``<meta name="author">``) reads as a name, where :func:`is_person_name`'s test of
    capitals would refuse it: lower case ("jane doe") or a one-word pen name ("grumpy").
    The declaration is the evidence the capitals would give; addresses, digits, desks, roles,
    publications and words such as "admin" are still refused.

    >>> is_declared_name("jane doe"), is_declared_name("grumpy"), is_declared_name("admin")
    (True, True, False)
    >>> is_declared_name("Staff"), is_declared_name("mm-redaktion"), is_declared_name("user123")
    (False, False, False)
    >>> is_declared_name("jdadmin"), is_declared_name("KWCHCIK"), is_declared_name("Regan")
    (False, False, True)
    """
    text = text.strip()
    if not text or _NOT_A_NAME.search(text):
        return False
    tokens = text.split()
    if len(tokens) > tuning.NAME_MAX_WORDS:
        return False
    if is_caseless_word(tokens[0]):
        return is_person_name(text, caseless_ok=True)
    if len(tokens) == 1 and (tokens[0].isupper() or _ACCOUNT.search(tokens[0])):
        return False  # a code ("KWCHCIK": a desk's or an outlet's) or an account ("jdadmin")
    return all(
        _NAME_WORD.match(token)
        and (
            _is_initial(token, position, len(tokens))
            # "MM-Redaktion" is a desk: each part of a compound is checked
            or not any(_is_excluded(part) for part in token.split("-"))
        )
        for position, token in enumerate(tokens)
    )


def leading_name(tokens: list[str]) -> int:
    """How many of ``tokens`` (cased script) form the longest name they start with; 0 when
    they do not start with one.

    >>> leading_name("Jane Doe in Paris".split()), leading_name("the end".split())
    (2, 0)
    """
    best = 0
    for size in range(2, min(len(tokens), tuning.NAME_MAX_WORDS) + 1):
        if is_person_name(" ".join(tokens[:size])):
            best = size
    return best
