"""Text is never altered silently (#13 item 1): letters, marks, digits, joiners, variation
selectors and the other format characters that carry meaning survive parsing in any script; any
character that does not is accounted for by a removal or an edit."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import Article

#: Format characters with a meaning: ZWNJ, ZWJ (Persian, Indic scripts, emoji sequences),
#: variation selectors (text/emoji style, CJK variants), tag characters (subdivision flags),
#: the Mongolian vowel separator, bidirectional marks.
MEANINGFUL_FORMAT = (
    "\u200c",
    "\u200d",
    "\ufe0e",
    "\ufe0f",
    "\U000e0100",
    "\U000e0067",
    "\U000e007f",
    "\u180e",
    "\u200e",
    "\u200f",
    "\u061c",
)
_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

_characters = st.one_of(
    st.characters(categories=("Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd")),
    st.sampled_from(MEANINGFUL_FORMAT),
)
_words = st.text(_characters, min_size=1, max_size=10)
_paragraphs = st.lists(_words, min_size=6, max_size=24).map(" ".join)
documents = st.lists(_paragraphs, min_size=1, max_size=4).map("\n\n".join)


def kept_characters(text: str) -> Counter[str]:
    """What parsing must keep of ``text``: every character but spaces, in NFC form (canonical
    composition changes no character a reader sees)."""
    return Counter(char for char in unicodedata.normalize("NFC", text) if not char.isspace())


def assert_every_change_recorded(article: Article, text: str) -> None:
    output = kept_characters("".join(block.text for block in article.blocks))
    output.update(kept_characters("".join(removal.text for removal in article.removed)))
    for edit in article.edits:
        output.update(kept_characters(edit.before))
        output.subtract(kept_characters(edit.after))
    expected = kept_characters(text)
    lost, invented = expected - output, output - expected
    assert not lost, f"lost without a record: {[f'U+{ord(c):04X}' for c in lost]}"
    assert not invented, f"invented: {[f'U+{ord(c):04X}' for c in invented]}"


@_SETTINGS
@given(documents)
@example("می\u200cخواهم که این خبر را بخوانم و به دوستانم بگویم که چه شد در شهر ما امروز صبح")
@example("Pride flags 🏳\ufe0f\u200d🌈 flew over the city hall on Saturday for the first time ever")
def test_meaningful_characters_of_any_script_survive(text: str) -> None:
    article = newscorpus.parse(text)
    assert_every_change_recorded(article, text)
    for char in MEANINGFUL_FORMAT:
        kept = article.text + "".join(removal.text for removal in article.removed)
        assert kept.count(char) == text.count(char)


@_SETTINGS
@given(
    documents,
    st.lists(st.sampled_from(["\u00ad", "\u200b", "\u2060", "\ufeff", "\x01"]), min_size=1),
)
def test_removed_invisible_characters_are_edits(text: str, invisible: list[str]) -> None:
    cut = len(text) // 2
    text = text[:cut] + "".join(invisible) + text[cut:]
    assert_every_change_recorded(newscorpus.parse(text), text)


def test_persian_joiner_and_emoji_sequence_are_kept_in_html() -> None:
    persian = "می\u200cخواهم"
    flag = "🏳\ufe0f\u200d🌈"
    page = (
        f"<html><body><article><p>{persian} امروز صبح در شهر ما خبری بزرگ منتشر شد و همه "
        f"درباره آن صحبت کردند {flag} و مردم خوشحال بودند.</p></article></body></html>"
    )
    article = newscorpus.parse(page)
    assert persian in article.text
    assert flag in article.text
    assert article.edits == ()


def test_a_soft_hyphen_removed_is_an_edit() -> None:
    text = (
        "Die Bundes\u00adregierung hat am Montag beschlossen, die Förderung für Schulen im "
        "ganzen Land zu erhöhen, wie ein Sprecher in Berlin mitteilte.\n"
    )
    article = newscorpus.parse(text)
    assert "Bundesregierung" in article.text
    [edit] = article.edits
    assert (edit.step, edit.reason) == ("normalize", "invisible characters removed")
    assert "Bundes\u00adregierung" in edit.before
