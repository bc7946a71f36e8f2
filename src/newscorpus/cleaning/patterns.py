"""The patterns the cleaning heuristics look for, kept apart from the algorithms that use them.

Phrase lists by role and language live in ``newscorpus/data/phrases.json``; this module
compiles them once into one regular expression per role, for every language at once (a page's
chrome is often in another language than its article). The shape patterns below (comment
counts, credits, paywall percentages...) are written here so that a reader finds every string
the library matches in two files.

Every pattern is linear: alternations of literals and bounded classes, no nested quantifiers.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from importlib import resources
from itertools import accumulate
from typing import Any, Literal

from newscorpus import tuning
from newscorpus._caches import memoized

__all__ = [
    "CAPTION_CREDIT",
    "CAPTION_LABEL",
    "COMMENT_AUTHOR",
    "COMMENT_BUTTON",
    "COMMENT_COUNT",
    "COMMENT_META",
    "CREDIT_HINTS",
    "CREDIT_LINE",
    "DEBRIS",
    "DEBRIS_HINT",
    "PAYWALL_PERCENT",
    "PICTURE_AGENCY_LINE",
    "READING_TIME",
    "RELATIVE_TIME",
    "SENTENCE_INSIDE",
    "Role",
    "caption_credit",
    "contains",
    "contains_any",
    "contains_any_each",
    "leading",
    "leading_phrase",
    "matches_whole",
    "phrases",
    "roles_of_whole",
    "starts_with",
]

Role = Literal[
    "share",
    "follow",
    "subscribe",
    "cookies",
    "advertising",
    "navigation",
    "comment_form",
    "comments_header",
    "related",
    "bio",
    "paywall",
    "paywall_prompt",
    "credit",
    "consent",
]

#: Punctuation and symbols that may surround a chrome phrase without changing what it is.
_TRIM = "\"'“”‘’«»()[]{}<>|:;.,!?*#•·»›>–—-_=+~/\\ \u00a0"


def _load_phrases() -> dict[str, dict[str, list[str]]]:
    text = resources.files("newscorpus.data").joinpath("phrases.json").read_text("utf-8")
    data: dict[str, dict[str, list[str]]] = json.loads(text)
    data.pop("_about", None)
    return data


@cache
def phrases(role: Role) -> tuple[str, ...]:
    """Every phrase of ``role``, all languages together, longest first.

    >>> "you may also like" in phrases("related")
    True
    """
    found = {phrase.lower() for items in _load_phrases()[role].values() for phrase in items}
    return tuple(sorted(found, key=len, reverse=True))


@cache
def _roles_by_phrase() -> dict[str, frozenset[Role]]:
    roles: dict[str, set[Role]] = {}
    for role, by_language in _load_phrases().items():
        for items in by_language.values():
            for phrase in items:
                roles.setdefault(phrase.lower(), set()).add(role)  # type: ignore[arg-type]
    return {phrase: frozenset(found) for phrase, found in roles.items()}


def _trie_alternation(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie so that
    the engine tries each character once instead of each phrase in turn."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        # The end of a phrase is tried last, so longer phrases win.
        optional = "" in node
        body = branches[0] if len(branches) == 1 and not optional else f"(?:{'|'.join(branches)})"
        return (
            f"{body}?"
            if optional and len(branches) == 1 and len(branches[0]) == 1
            else (f"(?:{'|'.join(branches)})?" if optional else body)
        )

    return build(trie)


class _AtWordStart:
    """A case-sensitive search for phrases that start a word: what ``\\b(?:phrases)``
    followed by ``after`` finds, several times faster.

    The engine tries ``\\b`` at every position of a text, where it skips straight to the
    characters of a class that a pattern starts with. ``\\b`` holds before a phrase's first
    character at the start of the text or after a character of the other kind: so a phrase
    that starts with a word character is looked for at the start and after a non-word
    character (``\\W``, a class; in ASCII text, the same as ``[^A-Za-z0-9_]``, which is
    quicker to test), and one that starts with a mark ("©") is looked for at the mark, which
    then looks behind it for a word character.

    "ASCII text" is also text whose only other characters are typographic punctuation that
    no phrase matches (see :func:`_typographic_outside`): to the searches, they are non-word
    characters like ASCII punctuation. ``matched_by``, the phrases that decide which, are
    ``phrases`` unless given (the phrases whose ASCII spellings ``phrases`` are).
    """

    def __init__(
        self, phrases: Iterable[str], after: str = "", *, matched_by: Iterable[str] = ()
    ) -> None:
        phrases = tuple(phrases)
        by_mark: dict[str, list[str]] = {}
        words: list[str] = []
        for phrase in phrases:
            if not phrase:
                raise ValueError("an empty phrase starts no word")
            if _JOINER in phrase:
                raise ValueError(f"{phrase!r} spans two lines (see _texts_holding)")
            if _WORD_CHAR.match(phrase):
                words.append(phrase)
            else:
                by_mark.setdefault(phrase[0], []).append(phrase[1:])
        body = rf"(?:{_trie_alternation(words)}){after}"
        self._first = re.compile(body) if words else None
        self._searches = [
            *([re.compile(rf"\W{body}")] if words else []),
            *_mark_searches(by_mark, after),
        ]
        # ASCII text has no other marks.
        ascii_marks = {mark: rests for mark, rests in by_mark.items() if mark.isascii()}
        self.ascii_searches = [
            *([re.compile(rf"[^A-Za-z0-9_]{body}")] if words else []),
            *_mark_searches(ascii_marks, after),
        ]
        self._outside_ascii = _typographic_outside((*phrases, *matched_by))

    def reads_as_ascii(self, text: str) -> bool:
        """Whether :attr:`ascii_searches` find in ``text`` what the searches of any text find:
        its characters outside ASCII, if any, are typographic punctuation no phrase matches."""
        return text.isascii() or self._outside_ascii.search(text) is None

    def search(self, text: str) -> bool:
        """Whether a phrase starts a word in ``text``."""
        if self._first is not None and self._first.match(text) is not None:
            return True
        for pattern in self.ascii_searches if self.reads_as_ascii(text) else self._searches:
            if pattern.search(text) is not None:
                return True
        return False

    def search_each(self, texts: Sequence[str]) -> list[bool]:
        """:meth:`search` of each of ``texts``: those that read as ASCII searched as one text,
        and the others as another (see :func:`_texts_holding`)."""
        found = [False] * len(texts)
        ascii_at, other_at = _split(texts, self.reads_as_ascii)
        for at, searches in ((ascii_at, self.ascii_searches), (other_at, self._searches)):
            for number in _texts_holding([texts[index] for index in at], searches):
                found[at[number]] = True
        return found


#: Typographic characters outside ASCII that fill ASCII text (curly quotes, dashes, the
#: ellipsis, guillemets, bullets, no-break and thin spaces, signs): no word characters and
#: without case, so a phrase they are not in reads around them as around ASCII punctuation.
_TYPOGRAPHIC = (
    "\u00a0\u2009\u200a\u202f\u2018\u2019\u201a\u201c\u201d\u201e\u2013\u2014\u2026"
    "\u00ab\u00bb\u2039\u203a\u2022\u00b7\u00a9\u00ae\u2122\u00b0\u2032\u2033\u20ac\u00a3"
)


def _typographic_outside(phrases: Iterable[str]) -> re.Pattern[str]:
    """A character outside ASCII that is not one of the typographic characters that none of
    ``phrases`` match, even case-insensitively: a text without one reads as ASCII text to the
    phrases' ASCII spellings (see :class:`_AtWordStart`)."""
    chars = {char for phrase in phrases for char in phrase}
    plain = [
        mark
        for mark in _TYPOGRAPHIC
        if not _WORD_CHAR.match(mark)
        and mark.lower() == mark == mark.upper()
        and not any(re.fullmatch(re.escape(char), mark, re.IGNORECASE) for char in chars)
    ]
    return re.compile(f"[^\\x00-\\x7f{''.join(plain)}]")


#: What :func:`_texts_holding` puts between texts: no word character, and in no phrase
#: (:class:`_AtWordStart` refuses a phrase that holds it; phrases.json has none).
_JOINER = "\n"


def _texts_holding(
    texts: list[str], searches: Iterable[re.Pattern[str]], *, lower: bool = False
) -> set[int]:
    """The numbers of the ``texts`` in which one of ``searches`` finds a phrase, the texts
    searched as one, each after a line break, lower-cased first if ``lower`` (for texts whose
    lengths ``lower()`` keeps): a few searches of a page's short blocks instead of a few for
    each block (for short texts, the call is most of their cost).

    Each text reads as it does alone: a word starts where a text starts (``\\b``, ``\\W``
    before it) and ends where a text ends (``(?!\\w)``), and a phrase without a line break
    does not span two texts, so its match's last character is in its own text.
    """
    if not texts:
        return set()
    joined = _JOINER + _JOINER.join(texts)
    if lower:
        joined = joined.lower()
    ends = list(accumulate(len(text) + 1 for text in texts))  # each text's end in ``joined``
    return {
        bisect_right(ends, match.end() - 1)
        for pattern in searches
        for match in pattern.finditer(joined)
    }


def _split(texts: Sequence[str], test: Callable[[str], bool]) -> tuple[list[int], list[int]]:
    """The indexes of the ``texts`` that pass ``test``, and those of the others."""
    passing: list[int] = []
    failing: list[int] = []
    for index, text in enumerate(texts):
        (passing if test(text) else failing).append(index)
    return passing, failing


_WORD_CHAR = re.compile(r"\w")


def _mark_searches(by_mark: dict[str, list[str]], after: str) -> list[re.Pattern[str]]:
    """The search for phrases that start with a mark (by mark, the rest of each phrase), where
    the mark comes right after a word character: found at the mark, which looks behind it."""
    if not by_mark:
        return []
    alternatives = "|".join(
        rf"{re.escape(mark)}(?<=\w[\s\S])(?:{_trie_alternation(rests)})"
        for mark, rests in sorted(by_mark.items())
    )
    return [re.compile(rf"(?:{alternatives}){after}")]


@cache
def _leading_pattern() -> re.Pattern[str]:
    # One alternation of every phrase, as a trie, so one match finds the longest phrase a
    # line starts with, whatever its role.
    return re.compile(rf"^(?:{_trie_alternation(_roles_by_phrase())})(?!\w)", re.IGNORECASE)


@cache
def _leading_pattern_lowered() -> re.Pattern[str] | None:
    """What :func:`_leading_pattern` matches in ASCII text, as a case-sensitive match of the
    lower-cased text (three times faster: see :class:`_AtWordStart`): each phrase spelled in
    the ASCII characters that match its own (see :func:`_ascii_equivalent`; one that no ASCII
    text can hold is left out).

    None when a phrase's character has no such equivalent, or when two phrases that differ
    would be spelled alike up to some length (the Turkish "ı" and "i" both match "i"): there
    the case-insensitive pattern tries one before the other, and the spelled one could take
    another of the two.
    """
    spelled_from: dict[str, str] = {}
    spellings: list[str] = []
    for phrase in _roles_by_phrase():
        spelling = _ascii_spelling(phrase)
        if spelling is None:
            return None
        if not spelling:  # no ASCII text holds the phrase
            continue
        for size in range(1, len(spelling) + 1):
            if spelled_from.setdefault(spelling[:size], phrase[:size]) != phrase[:size]:
                return None
        spellings.append(spelling)
    return re.compile(rf"^(?:{_trie_alternation(spellings)})(?!\w)")


@memoized
def _leading(text: str) -> tuple[str, frozenset[Role], str] | None:
    """The longest known phrase ``text`` starts with, its roles, and the rest of the text."""
    stripped = text.lstrip(_TRIM)
    lowered = _leading_pattern_lowered() if stripped.isascii() else None
    if lowered is not None:
        match = lowered.match(stripped.lower())
    else:
        match = _leading_pattern().match(stripped)
    if match is None:
        return None
    phrase = stripped[: match.end()]
    return phrase, _roles_of(phrase), stripped[match.end() :]


def _roles_of(phrase: str) -> frozenset[Role]:
    """The roles of a phrase the leading patterns matched, spelled as the text spells it."""
    roles = _roles_by_phrase()
    found = roles.get(phrase.lower())
    if found is not None:
        return found
    # A case-insensitive match pairs characters that lower() does not (Python's re takes the
    # Turkish "ı" for "i": "Yazdir" matches "yazdır"): the phrase is the one that matches.
    return next(
        roles[key]
        for key in roles
        if len(key) == len(phrase) and re.fullmatch(re.escape(key), phrase, re.IGNORECASE)
    )


def starts_with(role: Role, text: str) -> bool:
    """Whether the longest known phrase ``text`` starts with is one of ``role``.

    >>> starts_with("related", "You may also like: ten things")
    True
    >>> starts_with("related", "Relatedness matters")
    False
    """
    return leading_phrase(role, text) is not None


def leading(text: str) -> tuple[str, frozenset[Role], str] | None:
    """The longest known phrase ``text`` starts with, its roles, and the rest of the text.

    >>> leading("Sponsor: QWIKET")
    ('Sponsor', frozenset({'advertising'}), ': QWIKET')
    """
    return _leading(text)


def leading_phrase(role: Role, text: str) -> tuple[str, str] | None:
    """The phrase of ``role`` that ``text`` starts with, and the rest of the text, or None.

    >>> leading_phrase("advertising", "Sponsor: QWIKET")
    ('Sponsor', ': QWIKET')
    """
    found = _leading(text)
    if found is None or role not in found[1]:
        return None
    return found[0], found[2]


def roles_of_whole(text: str) -> frozenset[Role]:
    """The roles of the phrase that is all of ``text``, give or take punctuation, counts and
    symbols ("Share", "» Related articles:", "Comments (12)"); empty if it is more than that.

    >>> sorted(roles_of_whole("Comments (12)"))
    ['comments_header']
    """
    if len(text) > tuning.PHRASE_WHOLE_MAX_CHARS:  # no phrase is this long, with its counts
        return frozenset()
    found = _leading(_without_counts(text) if _DIGIT.search(text) else text)
    if found is None or found[2].strip(_TRIM):
        return frozenset()
    return found[1]


def matches_whole(role: Role, text: str) -> bool:
    """Whether ``text`` is nothing but one phrase of ``role`` (see :func:`roles_of_whole`).

    >>> matches_whole("comment_form", "Leave a Reply")
    True
    >>> matches_whole("comment_form", "Leave a Reply to this thread today")
    False
    """
    return role in roles_of_whole(text)


def contains(role: Role, text: str) -> bool:
    """Whether a phrase of ``role`` occurs anywhere in ``text`` as whole words.

    >>> contains("paywall", "You have 45% of this article left to read.")
    True
    """
    return contains_any((role,), text)


def contains_any(roles: tuple[Role, ...], text: str) -> bool:
    """Whether a phrase of any of ``roles`` occurs anywhere in ``text`` as whole words: one
    search for them all (a step that asks about several roles of which most lines have none).

    >>> contains_any(("paywall", "paywall_prompt"), "Become a subscriber today")
    True
    """
    lowered = _searching_lowered(roles)
    if lowered is not None and lowered.reads_as_ascii(text):
        return lowered.search(text.lower())
    return bool(_searching(roles).search(text))


def contains_any_each(roles: tuple[Role, ...], texts: Sequence[str]) -> list[bool]:
    """:func:`contains_any` of each of ``texts``: those that read as ASCII searched as one
    text (see :func:`_texts_holding`), the others one by one. For a step that asks it of
    every short block of a page.

    >>> contains_any_each(("paywall",), ["Menu", "Subscribe to continue reading", "Plus"])
    [False, True, False]
    """
    lowered = _searching_lowered(roles)
    if lowered is None:
        return [contains_any(roles, text) for text in texts]
    ascii_at, other_at = _split(texts, lowered.reads_as_ascii)
    found = [False] * len(texts)
    for index in other_at:
        found[index] = bool(_searching(roles).search(texts[index]))
    ascii_texts = [texts[index] for index in ascii_at]
    for number in _texts_holding(ascii_texts, lowered.ascii_searches, lower=True):
        found[ascii_at[number]] = True
    return found


def _phrases_of(roles: tuple[Role, ...]) -> tuple[str, ...]:
    """The phrases of every one of ``roles``, longest first."""
    if len(roles) == 1:
        return phrases(roles[0])
    found = {phrase for role in roles for phrase in phrases(role)}
    return tuple(sorted(found, key=len, reverse=True))


@cache
def _searching(roles: tuple[Role, ...]) -> re.Pattern[str]:
    return re.compile(rf"\b(?:{_trie_alternation(_phrases_of(roles))})(?!\w)", re.IGNORECASE)


@cache
def _searching_lowered(roles: tuple[Role, ...]) -> _AtWordStart | None:
    """What :func:`_searching` finds in ASCII text, as a case-sensitive search of the
    lower-cased text: the same words at the same places, found several times faster (the
    engine tells case-sensitive alternatives apart by their first character at once; see
    :class:`_AtWordStart`). None when a phrase's character has no such equivalent (see
    :func:`_ascii_equivalent`).

    A phrase with a character that no ASCII character matches cannot occur in ASCII text, and
    is left out. Text whose other characters are typographic punctuation that no phrase
    matches (:meth:`_AtWordStart.reads_as_ascii`) is read as ASCII text: ``lower()`` leaves
    those characters as they are, and no phrase can hold them.
    """
    spellings: set[str] = set()
    for phrase in _phrases_of(roles):
        spelling = _ascii_spelling(phrase)
        if spelling is None:
            return None
        if spelling:
            spellings.add(spelling)
    try:
        return _AtWordStart(spellings, after=r"(?!\w)", matched_by=_phrases_of(roles))
    except ValueError:
        return None


_ASCII = tuple(map(chr, range(128)))


def _ascii_spelling(phrase: str) -> str | None:
    """``phrase`` spelled in the lower-case ASCII characters that match its characters
    case-insensitively (see :func:`_ascii_equivalent`): ``""`` when one of them matches no
    ASCII character (no ASCII text holds the phrase), None when one has no such spelling.

    >>> _ascii_spelling("Yazdır"), _ascii_spelling("Café")
    ('yazdir', '')
    """
    equivalents = [_ascii_equivalent(char) for char in phrase]
    if None in equivalents:
        return None
    spelled = [char for char in equivalents if char]
    return "".join(spelled) if len(spelled) == len(phrase) else ""


@cache
def _ascii_equivalent(char: str) -> str | None:
    """The lower-case ASCII character that the ASCII characters matching ``char``
    case-insensitively are, in any case: ``""`` when no ASCII character matches ``char``, None
    when those characters are not one character in its cases.

    >>> _ascii_equivalent("A"), _ascii_equivalent("ı"), _ascii_equivalent("é")
    ('a', 'i', '')
    """
    pattern = re.compile(re.escape(char), re.IGNORECASE)
    matching = {other for other in _ASCII if pattern.fullmatch(other)}
    lowered = {other.lower() for other in matching}
    if not matching:
        return ""
    if len(lowered) != 1 or matching != {other for other in _ASCII if other.lower() in lowered}:
        return None
    return lowered.pop()


_LEADING_COUNT = re.compile(r"^\s*\d[\d.,]*[kKmM]?\s+")
#: A trailing count, matched on the reversed text from its end (the longest such suffix):
#: searched forwards, ``\s*[(\[]?\s*\d[\d.,]*[kKmM]?\s*[)\]]?\s*$`` tried every start in a run
#: of spaces or digits and rescanned the run each time (seconds on a line of 500 spaces).
_TRAILING_COUNT_REVERSED = re.compile(r"^\s*+[)\]]?\s*+[kKmM]?[\d.,]*\d\s*[(\[]?\s*")


def _without_counts(text: str) -> str:
    """``text`` without a leading count and a trailing one ("34 Comments", "Comments (34)").

    >>> _without_counts("34 Comments"), _without_counts("Comments [ 1.2k ]")
    ('Comments', 'Comments')
    """
    text = _LEADING_COUNT.sub("", text, count=1)
    trailing = _TRAILING_COUNT_REVERSED.match(text[::-1])
    return text[: len(text) - trailing.end()] if trailing else text


#: Every count has a digit: a line without one has no count to take off.
_DIGIT = re.compile(r"\d")

#: A comment section's header with a count: "34 Comments", "[ 167 comments ]", "34 responses to".
COMMENT_COUNT = re.compile(
    r"^\W{0,3}\d[\d.,]*\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"comentários?|commenti|reacties|komentarz[ey]?|комментари\w{0,3}|yorum(?:lar)?)\b",
    re.IGNORECASE,
)

#: The first line of one comment: "<name> says:", "<name> on <date> at <time> said:",
#: "2 days ago at 07:52 am", "Rating: 36 Votes", "Reply".
_SAYS_VERBS = r"(?:says|said|wrote|schreibt|écrit|escribió|escreveu|scrive)"
_REPLY_WORDS = r"(?:reply|répondre|antworten|responder|rispondi|odpowiedz|ответить|yanıtla)"
COMMENT_META = re.compile(
    r"(?:\b" + _SAYS_VERBS + r"\s*:\s*$)"
    r"|(?:\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$)"
    r"|(?:\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b)"
    r"|(?:^" + _REPLY_WORDS + r"$)"
    r"|(?:^rating\s*:)",
    re.IGNORECASE,
)
#: The end of a comment's author line, "Jane Doe says:" / "Jane Doe wrote": the name is what
#: stands before it (searched, not matched from the start: a lazy name before a run of spaces
#: would be read again from each of its lengths).
COMMENT_AUTHOR = re.compile(r"\s" + _SAYS_VERBS + r"\s*:?$", re.IGNORECASE)
#: A comment's buttons and ratings, which are not its text: "Reply", "Rating: 36 Votes".
COMMENT_BUTTON = re.compile(r"^(?:" + _REPLY_WORDS + r"|rating\s*:.*)$", re.IGNORECASE)

#: A line that is only a reading-time label ("4 min read", "17 minute read", "Lesezeit: 2 Min.",
#: "3 Min Lesezeit", "Lecture 4 min.", "Tiempo de lectura: 6 min", "Tempo de leitura: 1
#: minuto"): the label first and then the minutes, or the minutes first and then the label.
_READING_LABEL = (
    r"(?:(?:estimated\s+)?reading\s+time|read\s+time|lesezeit|lesedauer|temps\s+de\s+lecture"
    r"|lecture|tiempo\s+de\s+lectura|lectura|tempo\s+de\s+leitura|leitura|tempo\s+di\s+lettura"
    r"|lettura|leestijd|czas\s+czytania|время\s+чтения|okuma\s+süresi)"
)
_READING_AFTER = (
    r"(?:read|reading|lesezeit|lesedauer|de\s+lecture|de\s+lectura|de\s+leitura|di\s+lettura"
    r"|leestijd|lesetid|läsning|czytania|чтения|okuma(?:\s+süresi)?)"
)
_MINUTES = (
    r"\d+\s*(?:[-–]\s*\d+\s*)?"
    r"(?:min(?:ute)?s?|minuten?|minutos?|minuti|minutter|minuter|minut|мин(?:ут[аы]?)?|dakika|dk)\.?"
)
READING_TIME = re.compile(
    rf"^\W{{0,3}}(?:{_READING_LABEL}\s*:?\s*(?:ca\.?\s*|about\s+|~\s*)?{_MINUTES}"
    rf"|{_MINUTES}\s*{_READING_AFTER})\W{{0,3}}$",
    re.IGNORECASE,
)

#: A line that is only a relative time: a teaser's or a live post's stamp ("8 hours ago",
#: "Updated 3 hrs ago", "vor 3 Stunden", "il y a 2 heures", "hace 2 horas", "2 timer siden",
#: "před 3 minutami", "5 minut temu", "2 ore fa", "há 3 horas", "3 uur geleden", "5 минут назад").
RELATIVE_TIME = re.compile(
    r"^\W{0,3}(?:"
    r"(?:(?:updated|published|posted|aktualisiert|mis à jour|actualizado)\s+)?"
    r"(?:\d+|an?|one)\s*(?:min(?:ute)?s?|hrs?|hours?|days?|weeks?|months?|[mhd])\.?\s+ago"
    r"|vor\s+\d+\s+(?:minuten?|stunden?|tag(?:en)?|wochen?|monaten?)"
    r"|il y a\s+\d+\s+(?:minutes?|heures?|jours?|semaines?|mois)"
    r"|hace\s+\d+\s+(?:minutos?|horas?|días?|semanas?|mes(?:es)?)"
    r"|\d+\s+(?:minutter|timer|dager|dage|minuter|timmar|dagar)\s+siden"
    r"|\d+\s*(?:分|時間|日)前"
    r"|před\s+\d+\s+(?:minutami|minutou|hodinami|hodinou|dny|dnem)"
    r"|pred\s+\d+\s+(?:minútami|minútou|hodinami|hodinou|dňami|dňom)"
    r"|\d+\s+(?:minut[ay]?|godzin[ay]?|godzinę|dni)\s+temu"
    r"|\d+\s+(?:minuti|minuto|ore|ora|giorni|giorno)\s+fa"
    r"|há\s+\d+\s+(?:minutos?|horas?|dias?)"
    r"|\d+\s+(?:minuten|minuut|uur|dagen|dag)\s+geleden"
    r"|\d+\s+(?:минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день)\s+назад"
    r")\W{0,3}$",
    re.IGNORECASE,
)

_PICTURE_WORD = (
    r"(?:photo(?:graph)?|image|picture|foto|bild|imagen|imagem|immagine|fot|фото|fotoğraf|"
    r"写真|图片|摄影)s?"
)
_SOURCE_WORD = (
    r"(?:credits?|crédits?|source|quelle|fuente|fonte|bron|źródło|источник|kaynak|出典|来源)"
)
#: What introduces a picture credit: "Photo:", "Image credit:", "Copyright", "©", "Photo by".
_CREDIT_LABEL = (
    rf"(?:{_PICTURE_WORD}\s*(?:{_SOURCE_WORD})?\s*[:：]"
    rf"|{_SOURCE_WORD}\s*[:：]"
    rf"|(?:{_PICTURE_WORD}\s+)?(?:copyright|©)\s*:?"
    rf"|{_PICTURE_WORD}\s+(?:by|courtesy(?:\s+of)?)\b\s*:?)"
)
#: Who a credit names: short, no brackets, not ending like a sentence.
_CREDIT_TEXT = r"(?P<credit>[^()\[\]]{2,100}?[^.\s()\[\]])"
#: A caption line ending in its credit: "... - Copyright AFP Menahem KAHANA",
#: "... (Photo: AP)", "... (Image: © NASA/ESA)", "... Credit: Getty Images".
CAPTION_CREDIT = re.compile(
    # (?<!\s): a bracket's spaces are read from where they start, once (not from each space).
    rf"(?:\s[-–—|]\s*|(?<!\s)\s*+[(\[]\s*|\s)(?P<label>{_CREDIT_LABEL})\s*{_CREDIT_TEXT}"
    r"\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: The label of :data:`CAPTION_CREDIT`, case-sensitive: in ASCII text, lower-cased, it finds
#: what the case-insensitive label finds (its letters are lower-case, and those outside ASCII
#: match no ASCII letter), the engine skipping to the letters that start one.
_CREDIT_LABEL_LOWERED = re.compile(_CREDIT_LABEL)
#: What stands between a caption and its credit's label in :data:`CAPTION_CREDIT`.
_CREDIT_SEPARATORS = "-–—|(["


def caption_credit(text: str) -> re.Match[str] | None:
    """``CAPTION_CREDIT.search(text)``, three times faster in ASCII text: the search starts
    where the first label could start its match. The engine would try the case-insensitive
    label after every space of a caption (most of the pattern's cost): a label found in the
    lower-cased text, and the spaces and separators before it, are where the first match can
    start.

    >>> caption_credit("A parade in Stepanakert - Copyright AFP Menahem KAHANA").group("credit")
    'AFP Menahem KAHANA'
    """
    if not text.isascii():
        return CAPTION_CREDIT.search(text)
    label = _CREDIT_LABEL_LOWERED.search(text.lower())
    if label is None:
        return None
    start = label.start()
    while start and (text[start - 1].isspace() or text[start - 1] in _CREDIT_SEPARATORS):
        start -= 1
    # (a search from ``start`` still looks behind it: ``(?<!\s)`` reads the whole text)
    return CAPTION_CREDIT.search(text, start)


#: Words one of which every credit or caption label holds, lower-cased: a cheap first test.
CREDIT_HINTS: tuple[str, ...] = (
    "photo",
    "image",
    "picture",
    "foto",
    "bild",
    "imag",
    "fot",
    "фото",
    "fotoğraf",
    "写真",
    "图",
    "摄影",
    "credit",
    "crédit",
    "source",
    "quelle",
    "fuente",
    "fonte",
    "bron",
    "źródło",
    "источник",
    "kaynak",
    "出典",
    "来源",
    "copyright",
    "©",
    "caption",
    "légende",
    "bildunterschrift",
    "pie de foto",
    "legenda",
    "didascalia",
    "onderschrift",
    "podpis",
    "подпись",
    "getty",
    "shutterstock",
    "istock",
    "alamy",
    "afp",
    "reuters",
    "epa",
    "dpa",
    "anadolu",
    "sipa",
    "imago",
    "alliance",
    "keystone",
    "xinhua",
    "ap",
)


def credit_hint(text: str) -> bool:
    """Whether ``text`` holds a word that every credit or caption label holds: a cheap first
    test before the full patterns.

    >>> credit_hint("A parade - Copyright AFP"), credit_hint("The talks stalled.")
    (True, False)
    """
    # A credit ends its line, or is the whole (short) line: the tail of the text is enough.
    return _credit_hints().search(text[-tuning.CREDIT_HINT_TAIL_CHARS :].lower())


def credit_hint_each(texts: Sequence[str]) -> list[bool]:
    """:func:`credit_hint` of each of ``texts``, searched together (see
    :func:`_texts_holding`).

    >>> credit_hint_each(["A parade - Copyright AFP", "The talks stalled."])
    [True, False]
    """
    return _credit_hints().search_each(
        [text[-tuning.CREDIT_HINT_TAIL_CHARS :].lower() for text in texts]
    )


@cache
def _credit_hints() -> _AtWordStart:
    return _AtWordStart(CREDIT_HINTS)


#: Where one sentence ends and another starts, or a question or exclamation: not in a credit
#: (initials such as "K. Retherford" are not sentence ends).
SENTENCE_INSIDE = re.compile(r"[?!]|[^\W\d_]{2}\.\s+\w|\d\.\s+[^\W\d_]")
#: A line that is only a credit: "Photo: Ringo H.W. Chiu, AP", "(Image: © NASA)",
#: "Photo by Jason Kempin/Getty Images".
CREDIT_LINE = re.compile(
    rf"^[(\[]?\s*(?P<label>{_CREDIT_LABEL}|{_PICTURE_WORD}\s+(?=(?-i:[A-Z©])))"
    rf"\s*{_CREDIT_TEXT}\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: A caption that says it is one: "Image caption Taylor Swift's seventh album, Lover".
CAPTION_LABEL = re.compile(
    rf"^[(\[]?\s*(?:{_PICTURE_WORD}\s+)?(?:caption|légende|bildunterschrift|pie de foto|legenda|"
    rf"didascalia|onderschrift|podpis|подпись)\s*[:：]?\s+(?=\S)",
    re.IGNORECASE,
)
#: A line that ends with a picture agency's name: "Natalie Naccache | Bloomberg | Getty Images".
PICTURE_AGENCY_LINE = re.compile(
    r"(?:getty\s*images|getty|shutterstock|istock(?:photo)?|alamy|ap\s*photo|afp|reuters|epa(?:-efe)?"
    r"|dpa|anadolu|sipa|imago|picture[\s-]alliance|keystone|xinhua)\s*[)\]]?\s*$",
    re.IGNORECASE,
)

#: "You have 45% of this article left to read": the share of the article behind the paywall.
PAYWALL_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s?%")

#: Punctuation debris left where a scraper dropped an element between two punctuation marks,
#: with its repair, and the reason and code the edit records. "war. . The", "people. , during".
DEBRIS: tuple[tuple[re.Pattern[str], str, str, str], ...] = (
    (re.compile(r"(?<=[.!?…])(?:\s+\.)+(?=\s|$)"), "", "doubled full stop", "debris.doubled-stop"),
    (re.compile(r"\.\s+,(?=\s+\w)"), ",", "full stop before a comma", "debris.stop-before-comma"),
    (re.compile(r",(?:\s*,)+"), ",", "doubled comma", "debris.doubled-comma"),
    (re.compile(r"(?<=\w)\s+,(?=\s+\w)"), ",", "space before a comma", "debris.space-before-comma"),
)
#: Every debris pattern above has a space or a comma right before a full stop or a comma: one
#: cheap search rules out clean blocks (it starts with a character class, which the engine
#: skips to at once, where a pattern starting with a word character tries every position).
DEBRIS_HINT = re.compile(r"[\s,][.,]")
