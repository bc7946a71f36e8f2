"""The cleaning steps' quick paths give what the plain definitions they replace give.

Each was written for speed (#12) and proven on the dev sets by identical records; these tests
hold them to their definitions on inputs written to find the edges.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus import tuning
from newscorpus.cleaning import features as features_module
from newscorpus.cleaning import patterns
from newscorpus.cleaning.features import Features, features
from newscorpus.cleaning.steps.normalize import _is_normal, normalize_text
from newscorpus.metadata.language import stopwords

_WORD = re.compile(r"\w+")
_INITIAL = re.compile(r"(\w)\w*")
_SMALL_INITIAL = re.compile(r"[a-z](?<!\w[a-z])")


def _plain_features(text: str, language: str | None) -> Features:
    """The definition: words are the ``\\w+`` runs of the lower-cased text, Title Case is
    read from every word's first character, digits are ``\\d``."""
    words = _WORD.findall(text.lower())
    stops = stopwords(language)
    ratio = None
    if stops and words and language not in ("ja", "zh", "th", "lo", "km", "my", "bo"):
        ratio = sum(word in stops for word in words) / len(words)
    stripped = text.rstrip()
    return Features(
        features_module._size(len(words), text),
        ratio,
        bool(features_module._SENTENCE_END.search(stripped[-tuning.LINE_ENDING_CHARS :])),
        stripped.endswith(("...", "…")),
        not _SMALL_INITIAL.search(text) and "".join(_INITIAL.findall(text)).isupper(),
        text.isupper(),
        len(re.findall(r"\d", text)) / len(text) if text else 0.0,
    )


#: Pieces of text: stopwords, capitals, digits, ASCII and typographic punctuation, and the
#: characters outside ASCII that must leave the quick path: letters (some lower-case to ASCII:
#: the Kelvin sign), CJK characters and the katakana middle dot, which is no word character
#: but counts as CJK, digits of other scripts, and a circled capital (a cased symbol).
_PIECES = (
    *("the", "The", "and", "der", "Die", "of", "Top", "10", "x", "_", "US"),
    *(" ", " ", ".", ",", "-", "'", "(dpa)", "...", "\n"),
    *("“", "”", "’", "—", "…", "\u00a0", "«", "»", "•"),
    *("é", "É", "İ", "\u212a", "ß", "報道", "・", "٣", "Ⓐ", "x\u0301"),
    *("„", "Š", "Œ", "Ÿ", "ƒ", "²", "µ", "ª", "€", "für", "Über", "Москва"),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=14).map("".join),
    st.sampled_from(["en", "de", "fr", "ru", "hi", "ja", None]),
)
def test_features_are_the_definition(text: str, language: str | None) -> None:
    assert features.__wrapped__(text, language) == _plain_features(text, language)  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(st.from_regex(features_module._SENTENCE_END) | st.text(max_size=20), st.text(" \n\t"))
def test_a_line_ends_a_sentence_where_the_pattern_says(text: str, spaces: str) -> None:
    # The quick path tries the pattern only on a line whose last character ends one of its
    # strings: a string of the pattern it missed would show here.
    line = text + spaces
    stripped = line.rstrip()
    expected = bool(features_module._SENTENCE_END.search(stripped[-tuning.LINE_ENDING_CHARS :]))
    assert features_module.features(line, "en").ends_sentence == expected


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_words_found_among_the_bytes_are_the_words_of_the_lower_cased_text(encoding: str) -> None:
    # Each byte that is a character alone: a word character's byte becomes its lower case's,
    # one character and a word character too; any other byte (and one that is no character
    # alone) becomes a space, and its character's lower case holds no word character. Only
    # ASCII's digits are digits, and no character counts as CJK.
    table = features_module._word_table(encoding)
    for byte in range(256):
        try:
            char = bytes([byte]).decode(encoding)
        except UnicodeDecodeError:
            assert table[byte] == ord(" ")
            continue
        if _WORD.fullmatch(char):
            assert bytes([table[byte]]).decode(encoding) == char.lower(), hex(byte)
            assert _WORD.fullmatch(char.lower()), hex(byte)
        else:
            assert table[byte] == ord(" "), hex(byte)
            assert not _WORD.search(char.lower()), hex(byte)
        assert not re.match(r"\d", char) or char.isascii(), hex(byte)
        assert not features_module._CJK.search(char), hex(byte)


def test_characters_off_the_quick_path_are_all_that_could_change_its_words() -> None:
    # The quick path cuts words at every byte outside ASCII: right for any character that,
    # lower-cased or not, is no word character, no digit and not counted as CJK.
    cjk = features_module._CJK
    for code in range(0x80, sys.maxunicode + 1):
        char = chr(code)
        if not features_module._ascii_words(char):
            continue
        assert not _WORD.search(char.lower() + char), hex(code)
        assert not re.match(r"\d", char), hex(code)
        assert not cjk.search(char), hex(code)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=" ab.\t\n\u00a0\u00ad\u200be\u0301\x07é’\u3000\u2028\x85ﬁÅ", max_size=12))
def test_a_normal_block_is_what_normalizing_leaves_it(text: str) -> None:
    if _is_normal(text):
        assert normalize_text(text) == text
    if normalize_text(text) == text and text.isprintable():
        assert _is_normal(text) == bool(text)


def _plain_leading(text: str) -> object:
    """The definition: the case-insensitive pattern of every phrase, on the stripped text, and
    the roles of the phrase it matched (the one the matched text matches case-insensitively:
    the Turkish "yazdır" for "Yazdir")."""
    stripped = text.lstrip(patterns._TRIM)
    match = patterns._leading_pattern().match(stripped)
    if match is None:
        return None
    phrase = match.group(0)
    roles = patterns._roles_by_phrase()
    matched = [key for key in roles if re.fullmatch(re.escape(key), phrase, re.IGNORECASE)]
    return phrase, roles[matched[0]], stripped[match.end() :]


def _leading_outcome(text: str) -> object:
    return patterns._leading.__wrapped__(text)  # type: ignore[attr-defined]


def test_a_phrase_typed_without_its_dotless_i_has_the_phrases_roles() -> None:
    """Python's re matches the Turkish "ı" to "i", so "Yazdir" matches "yazdır": the roles are
    those of the phrase matched (the lower-cased text, "yazdir", is no phrase; looking it up
    failed the chrome step on the line)."""
    assert patterns.leading("Yazdir") == ("Yazdir", patterns._roles_by_phrase()["yazdır"], "")


#: Pieces of lines: phrases and their starts in several cases, the ASCII spellings of Turkish
#: phrases with a dotless i (which the case-insensitive pattern matches), words, punctuation.
_LINE_PIECES = (
    *("share", "Share this", "SHARE", "you may ", "also like", "Related", "comments", "more"),
    *("Yazdir", "kayit ol", "YANITLA", "about the author", "Leave a Reply", "sign up", "x"),
    *(" ", ":", "»", "(", ")", "-", "12", "'", "é"),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_LINE_PIECES), max_size=6).map("".join))
def test_leading_phrases_are_the_definition(text: str) -> None:
    assert repr(_leading_outcome(text)) == repr(_plain_leading(text))


def test_every_phrase_is_found_at_the_start_of_a_line() -> None:
    assert patterns._leading_pattern_lowered() is not None  # the quick path is in use
    for phrase in patterns._roles_by_phrase():
        for text in (phrase, phrase.upper(), f"» {phrase.title()}: more"):
            assert repr(_leading_outcome(text)) == repr(_plain_leading(text)), text


#: Pieces of blocks for the phrase searches: paywall phrases and credit words in several cases,
#: their starts, the typographic characters that keep a text on the quick path (and the ©,
#: which is a credit word), letters outside ASCII (the Kelvin sign matches "k", the Turkish
#: dotless i "i"), line breaks (what joins the texts searched together).
_BLOCK_PIECES = (
    *("subscribe", "Subscribe to continue reading", "SUBSCRIBER", "left to read", "premium"),
    *("déjà abonné", "Déjà Abonné", "il vous reste", "Photo", "getty", "imag", "AP", "bild"),
    *("fotoğraf", "写真", "©", "ap", "x", "_", "12"),
    *(" ", ":", "-", "\n", "\u00a0", "’", "“", "—", "…", "é", "\u212a", "ı", "İ", "ß"),
)
_BLOCKS = st.lists(st.sampled_from(_BLOCK_PIECES), max_size=6).map("".join)


def _plain_contains_any(roles: tuple[patterns.Role, ...], text: str) -> bool:
    """The definition: the case-insensitive pattern of the roles' phrases, on the text."""
    return patterns._searching(roles).search(text) is not None


def _plain_credit_hint(text: str) -> bool:
    """The definition: a hint that starts a word of the lower-cased tail."""
    hints = "|".join(map(re.escape, patterns.CREDIT_HINTS))
    tail = text[-tuning.CREDIT_HINT_TAIL_CHARS :].lower()
    return re.search(rf"\b(?:{hints})", tail) is not None


_NOTICE_ROLES: tuple[patterns.Role, ...] = ("paywall", "paywall_prompt")


@settings(max_examples=500, deadline=None)
@given(st.lists(_BLOCKS, max_size=5))
def test_phrases_searched_in_many_blocks_at_once_are_the_definition(texts: list[str]) -> None:
    assert patterns._searching_lowered(_NOTICE_ROLES) is not None  # the quick path is in use
    expected = [_plain_contains_any(_NOTICE_ROLES, text) for text in texts]
    assert [patterns.contains_any(_NOTICE_ROLES, text) for text in texts] == expected
    assert patterns.contains_any_each(_NOTICE_ROLES, texts) == expected
    hints = [_plain_credit_hint(text) for text in texts]
    assert [patterns.credit_hint(text) for text in texts] == hints
    assert patterns.credit_hint_each(texts) == hints


def test_every_phrase_is_found_in_blocks_searched_at_once() -> None:
    for phrase in patterns._phrases_of(_NOTICE_ROLES):
        texts = [phrase, f"» {phrase.upper()}…", f"x{phrase}", f"“{phrase.title()}”\u00a0now"]
        expected = [_plain_contains_any(_NOTICE_ROLES, text) for text in texts]
        assert patterns.contains_any_each(_NOTICE_ROLES, texts) == expected, phrase
    for hint in patterns.CREDIT_HINTS:
        texts = [hint, f"A caption - {hint.upper()}", f"x{hint}", f"’{hint}"]
        assert patterns.credit_hint_each(texts) == [_plain_credit_hint(t) for t in texts], hint


def test_typographic_characters_read_as_ascii_punctuation() -> None:
    """No word character, no case, and no ASCII character matches one case-insensitively."""
    for mark in patterns._TYPOGRAPHIC:
        assert not re.match(r"\w", mark), hex(ord(mark))
        assert mark.lower() == mark == mark.upper(), hex(ord(mark))
        assert patterns._ascii_equivalent(mark) == "", hex(ord(mark))


#: Pieces of captions: credit labels in several cases, the words they start with, separators,
#: spaces, brackets, sentence ends, and letters outside ASCII (the plain search takes those).
_CAPTION_PIECES = (
    *("Photo", "photo by", "PHOTOGRAPH:", "Image credit:", "Copyright", "©", "courtesy of", "by"),
    *("Source:", "credits", "Fotos", "AFP", "Getty Images", "Jane Doe", "A parade", "x", "12"),
    *(" ", "  ", " - ", "|", "(", ")", "[", "]", ":", ".", "\t", "\n", "é", "ſ", "\u212a"),
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_CAPTION_PIECES), max_size=9).map("".join))
def test_a_caption_credit_is_the_definition(text: str) -> None:
    quick, plain = patterns.caption_credit(text), patterns.CAPTION_CREDIT.search(text)
    assert (quick and (quick.span(), quick.groupdict())) == (
        plain and (plain.span(), plain.groupdict())
    )


def test_the_lowered_credit_label_reads_ascii_as_the_case_insensitive_one() -> None:
    """Its letters are lower-case, and none outside ASCII matches an ASCII letter."""
    label = patterns._CREDIT_LABEL_LOWERED.pattern
    assert label == label.lower()
    assert all(patterns._ascii_equivalent(char) == "" for char in label if not char.isascii())
