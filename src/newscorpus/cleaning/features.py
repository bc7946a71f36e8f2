"""What the heuristics know about one block of text: size, sentence shape, stopword density.

Features are pure functions of the text and the page's language, cached, so every step can ask
for them without recomputing. Size is counted in words for scripts with spaces and in
characters (halved) for Chinese, Japanese and Korean, whose ``\\w+`` runs are whole clauses.
"""

from __future__ import annotations

import re
from functools import cache

from attrs import frozen

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata.language import stopwords

__all__ = ["Features", "features", "size_of"]

_WORD = re.compile(r"\w+")
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
#: A sentence's end: its mark, closing quotes or brackets, a footnote mark ("said.”[12]"), and
#: an editor's sign-off in small letters ("... voraus. (bsc)", "(dpa)", "(jk/dpa)") or in
#: full-width brackets ("…上。（编译/林靖东）"), which a newsroom adds after the article's last
#: sentence ("(AP)" in capitals stays a picture credit).
_SENTENCE_END = re.compile(
    r"[.!?…。！？]['\"’”»)\]]*(?:\s*\[\d+\])?(?:\s\([a-z]{2,5}(?:/[a-z]{2,5})?\)|（[^\s（）]{1,8}）)?$"
)
#: The last character of every line _SENTENCE_END matches: a mark, or a closing quote or
#: bracket (a footnote's "]", a sign-off's ")" or "）"). On a line that ends otherwise (a menu
#: item, a heading) the pattern is not tried.
_SENTENCE_LAST_CHARS = frozenset(".!?…。！？'\"’”»)]）")
_DIGIT = re.compile(r"\d")
#: Languages written without spaces between words: a ``\w+`` run is a clause, not a word, so
#: a stopword share means nothing there.
_UNSPACED_LANGUAGES = frozenset({"ja", "zh", "th", "lo", "km", "my", "bo"})
#: The first character of each word (one match a word, not a try at every character).
_INITIAL = re.compile(r"(\w)\w*")
#: A word that starts with a small ASCII letter, which makes a text not Title Case (the
#: pattern starts with the letter: the engine skips to small letters and looks behind there).
_SMALL_INITIAL = re.compile(r"[a-z](?<!\w[a-z])")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
#: Where every word character is ASCII, a word starts with a capital where a capital follows a
#: boundary (``\w`` is ``[A-Za-z0-9_]`` there).
_ASCII_CAPITAL_INITIAL = re.compile(r"\b[A-Z]")
_ASCII_DIGITS = b"0123456789"


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


def _ascii_words(text: str) -> bool:
    """Whether every word character of ``text`` is ASCII and none of its characters counts as
    CJK (some, as "・", are no word characters but count in :func:`size_of`): the text of the
    quick path of :func:`features`.

    Any other character outside ASCII is punctuation or a symbol: neither it nor its lower
    case is a word character, and it is no digit (checked over all of Unicode in the tests),
    so English with curly quotes and dashes takes the quick path too. Only the characters
    outside ASCII are looked at (``\\w`` is ``str.isalnum()`` or ``_`` there), from the
    first: a text in another script leaves at its first letter.
    """
    for match in _NOT_ASCII.finditer(text):
        char = match.group()
        if char.isalnum() or _CJK.match(char):
            return False
    return True


def _word_table(encoding: str) -> bytes:
    """A ``bytes.translate`` table that lower-cases the byte of each word character of
    ``encoding`` and makes every other byte a space, so that ``split()`` gives the words of
    the lower-cased text, as bytes (a byte that is no character alone, as UTF-8's bytes
    outside ASCII, is a space: :func:`features` reads UTF-8 only where every word character
    is ASCII). Each word character's lower case is one character of the encoding, and a word
    character (checked for every byte in the tests)."""
    table = bytearray(b" " * 256)
    for byte in range(256):
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            continue
        if _WORD.fullmatch(char):
            table[byte] = char.lower().encode(encoding)[0]
    return bytes(table)


#: The tables of the two encodings whose bytes :func:`features` finds words among.
_UTF8_WORDS = _word_table("utf-8")
_CP1252_WORDS = _word_table("cp1252")


@cache
def _byte_stopwords(language: str | None, encoding: str) -> frozenset[bytes]:
    """The stopwords of ``language`` that ``encoding`` spells, in it (the others are no word
    of a text it holds)."""
    spelled = set()
    for word in stopwords(language):
        try:
            spelled.add(word.encode(encoding))
        except UnicodeEncodeError:
            continue  # no word of a text this encoding holds
    return frozenset(spelled)


def _title_case(text: str) -> bool:
    """No word starts with a small letter, and one starts with a capital; isupper() ignores
    digits and caseless letters: "Top 10 Stories" is Title Case."""
    return not _SMALL_INITIAL.search(text) and "".join(_INITIAL.findall(text)).isupper()


@memoized
def features(text: str, language: str | None) -> Features:
    """The features of ``text`` on a page in ``language`` (ISO 639-1, or None when unknown).

    >>> f = features("The talks stalled over the last two months.", "en")
    >>> f.ends_sentence, f.title_case, f.stopword_ratio > 0.3
    (True, False, True)
    """
    # The words are found among the bytes of an encoding that spells each word character
    # as one byte (see _word_table), several times faster than among the characters: UTF-8
    # where every word character is ASCII, else Windows-1252, which holds the Western
    # European languages (accented letters, „quotes“, dashes); neither holds CJK characters,
    # and their only digits are ASCII's.
    words: list[str] | list[bytes]
    stops: frozenset[str] | frozenset[bytes]
    encoded = None
    if text.isascii() or _ascii_words(text):
        encoded, table, stops = text.encode(), _UTF8_WORDS, _byte_stopwords(language, "utf-8")
        # Title Case: no word starts with a small letter, and one starts with a capital.
        title_case = not _SMALL_INITIAL.search(text) and bool(_ASCII_CAPITAL_INITIAL.search(text))
    else:
        try:
            encoded, table = text.encode("cp1252"), _CP1252_WORDS
            stops = _byte_stopwords(language, "cp1252")
        except UnicodeEncodeError:
            pass
        title_case = _title_case(text)
    if encoded is not None:
        words = encoded.translate(table).split()
        size: float = len(words)
        digits = len(encoded) - len(encoded.translate(None, _ASCII_DIGITS))
    else:
        words = _WORD.findall(text.lower())
        stops = stopwords(language)
        size = _size(len(words), text)
        digits = len(_DIGIT.findall(text))
    ratio = None
    # A language with stopwords, even if none is spelled in the text's encoding.
    if words and language not in _UNSPACED_LANGUAGES and stopwords(language):
        ratio = sum(map(stops.__contains__, words)) / len(words)
    stripped = text.rstrip()
    ends_sentence = stripped[-1:] in _SENTENCE_LAST_CHARS and bool(
        _SENTENCE_END.search(stripped[-tuning.LINE_ENDING_CHARS :])
    )
    ends_ellipsis = stripped.endswith(("...", "…"))
    upper_case = text.isupper()
    digit_ratio = digits / len(text) if text else 0.0
    # The fields in their order: passed by keyword, they make this call a third slower.
    return Features(size, ratio, ends_sentence, ends_ellipsis, title_case, upper_case, digit_ratio)
