"""HTML pages in bytes: the encoding from the BOM, the declared charset, or detection."""

from __future__ import annotations

import codecs

import pytest

import newscorpus
from newscorpus import RawDocument
from newscorpus.formats.html import HtmlParser, declared_charset, decode_page

POLISH = "Zażółć gęślą jaźń. Źródła podają, że większość mieszkańców wróciła do domów."
FRENCH = "L’été dernier, à Montréal, les élèves ont reçu un « prix » de 15 € chacun — déjà."
JAPANESE = "東京都は十八日、新しい防災計画を発表した。関係者によると、計画は来年から実施される。"
CHINESE = "北京市政府十八日发布新的交通规划。据介绍，该规划将于明年开始实施，涉及多个区县。"
#: A character of GB18030 that GB2312 and GBK do not have.
CHINESE_EXTENDED = CHINESE + "€"


def page(body: str, head: str = "") -> str:
    """A small page with ``head`` in its head and ``body`` as its one paragraph."""
    return (
        f"<!DOCTYPE html><html><head>{head}<title>T</title></head><body><p>{body}</p></body></html>"
    )


def paragraph(payload: bytes) -> str:
    """The text of the one block the HTML parser makes of ``payload``."""
    (block,) = HtmlParser().parse(RawDocument(payload)).blocks
    return block.text


@pytest.mark.parametrize(
    ("text", "label", "codec", "expected_codec"),
    [
        (FRENCH, "windows-1252", "cp1252", "cp1252"),
        (FRENCH, "ISO-8859-1", "cp1252", "cp1252"),  # browsers read latin-1 as windows-1252
        (POLISH, "iso-8859-2", "iso8859_2", "iso8859-2"),
        (POLISH, "windows-1250", "cp1250", "cp1250"),
        (JAPANESE, "Shift_JIS", "cp932", "cp932"),
        (JAPANESE, "euc-jp", "euc_jp", "euc_jp"),
        (CHINESE, "gb2312", "gb2312", "gb18030"),
        (CHINESE_EXTENDED, "GBK", "gb18030", "gb18030"),
        (CHINESE_EXTENDED, "gb18030", "gb18030", "gb18030"),
    ],
)
def test_a_declared_charset_is_used(text: str, label: str, codec: str, expected_codec: str) -> None:
    for head in (
        f'<meta charset="{label}">',
        f"<meta http-equiv='Content-Type' content='text/html; charset={label}'>",
    ):
        payload = page(text, head).encode(codec)
        assert paragraph(payload) == text
        assert decode_page(payload)[1] == expected_codec


#: Running text, with the stopwords detection weighs (pangrams above have few).
PROSE = {
    "fr": "L'été dernier, à Montréal, les élèves ont reçu un prix de quinze dollars chacun. Le "
    "ministre a déclaré que la réforme était déjà prête et qu'elle entrerait en vigueur.",
    "pl": "W poniedziałek rada miasta zdecydowała o budowie nowego mostu na rzece, jak "
    "poinformowali urzędnicy. Koszt budowy wyniesie około dwóch milionów złotych.",
    "de": "Die Bürger der Stadt haben am Montag über den Bau einer neuen Brücke abgestimmt. Die "
    "Kosten für das Projekt betragen rund zwei Millionen Euro, sagte der Bürgermeister.",
}


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (PROSE["fr"], "cp1252"),
        (FRENCH * 3, "cp1252"),
        (PROSE["de"], "cp1252"),
        (PROSE["pl"], "iso8859_2"),
        (PROSE["pl"], "cp1250"),
        (JAPANESE * 3, "shift_jis"),
        (CHINESE * 3, "gb18030"),
    ],
)
def test_an_undeclared_charset_is_detected(text: str, codec: str) -> None:
    head = "<script>var menu = [1, 2, 3];</script><style>p { margin: 0 }</style>"
    assert paragraph(page(text, head).encode(codec)) == text


def test_a_byte_order_mark_wins_over_the_declaration() -> None:
    text = page(FRENCH, '<meta charset="iso-8859-1">')
    assert paragraph(codecs.BOM_UTF8 + text.encode("utf-8")) == FRENCH
    assert paragraph(text.encode("utf-16")) == FRENCH  # with its BOM


def test_utf8_declared_as_latin1_is_read_as_utf8() -> None:
    payload = page(FRENCH, '<meta charset="iso-8859-1">').encode("utf-8")
    assert paragraph(payload) == FRENCH
    assert decode_page(payload)[1] == "utf-8"


def test_a_wrong_multibyte_declaration_falls_back_to_detection() -> None:
    payload = page(CHINESE * 3, '<meta charset="shift_jis">').encode("gb18030")
    assert paragraph(payload) == CHINESE * 3


def test_an_unknown_label_is_ignored() -> None:
    payload = page(FRENCH, '<meta charset="x-made-up">').encode("utf-8")
    assert paragraph(payload) == FRENCH
    assert declared_charset(payload) is None


def test_a_declared_utf16_without_bom_is_read_as_utf8() -> None:
    assert declared_charset(b'<meta charset="utf-16">') == "utf-8"


def test_a_charset_declared_in_text_is_ignored() -> None:
    # Text is decoded already: the declaration says how the bytes were, not the text.
    assert paragraph(page(POLISH, '<meta charset="iso-8859-2">').encode()) == POLISH
    document = RawDocument(page(POLISH, '<meta charset="iso-8859-2">'))
    (block,) = HtmlParser().parse(document).blocks
    assert block.text == POLISH


def test_parse_reads_a_non_utf8_page_right() -> None:
    body = (
        "W poniedziałek rada miasta zdecydowała o budowie nowego mostu na rzece, jak "
        "poinformowali urzędnicy. Koszt budowy wyniesie około dwóch milionów złotych."
    )
    article = newscorpus.parse(page(body, '<meta charset="iso-8859-2">').encode("iso8859_2"))
    assert article.text == body
