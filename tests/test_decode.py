"""Bytes to text: byte-order marks, UTF-8, detection of legacy encodings, lossy fallback."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import RawDocument
from newscorpus.formats.decode import decode

SAMPLE = "Les pourparlers entre l’Arménie et l’Azerbaïdjan — « naïve » 東京 Ωμέγα."

#: Paragraphs of news prose, a few hundred bytes each: what a page gives detection to work on.
FRENCH = (
    "Le gouvernement français a annoncé lundi de nouvelles mesures pour soutenir les ménages. "
    "Selon le ministre de l’Économie, le coût du programme atteindra environ deux milliards "
    "d’euros par an. L’opposition a critiqué l’idée, affirmant que l’argent serait « mal "
    "dépensé ». Les pourparlers entre l’Arménie et l’Azerbaïdjan sont restés au point mort "
    "après des mois de tensions. Les deux pays ont accepté d’échanger des prisonniers de "
    "guerre — une première."
)
GERMAN = (
    "Die Bundesregierung hat am Montag neue Maßnahmen zur Unterstützung der Haushalte "
    "angekündigt. Nach Angaben des Finanzministers werden die Kosten des Programms rund zwei "
    "Milliarden Euro pro Jahr betragen. Die Opposition kritisierte den Vorschlag und erklärte, "
    "das Geld werde „schlecht ausgegeben“. Die Gespräche zwischen Armenien und Aserbaidschan "
    "sind nach monatelangen Spannungen ins Stocken geraten. Für Österreich gilt Ähnliches."
)
POLISH = (
    "Premier rządu ogłosił w poniedziałek nowe środki wsparcia dla gospodarstw domowych. "
    "Według ministra finansów koszt programu wyniesie około dwóch miliardów złotych rocznie. "
    "Opozycja skrytykowała pomysł, twierdząc, że pieniądze zostaną źle wydane. Rozmowy między "
    "Armenią a Azerbejdżanem utknęły w martwym punkcie po miesiącach napięć. Obie strony "
    "zgodziły się wymienić jeńców wojennych i pracować nad normalizacją stosunków."
)
CZECH = (
    "Vláda v pondělí oznámila nová opatření na podporu domácností. Podle ministra financí "
    "budou náklady programu činit přibližně dvě miliardy korun ročně. Opozice návrh "
    "kritizovala a tvrdila, že peníze budou špatně utraceny. Rozhovory mezi Arménií a "
    "Ázerbájdžánem uvízly na mrtvém bodě po měsících napětí. Obě strany se dohodly na výměně "
    "válečných zajatců."
)
JAPANESE = (
    "アルメニアとアゼルバイジャンは木曜日、捕虜を交換し、関係の正常化に向けて取り組むと発表した。"
    "両国は数十年にわたりナゴルノ・カラバフ地域をめぐって対立してきた。"
    "欧州連合と米国が別々に仲介してきた和平交渉は、ここ数か月停滞している。"
    "両国は年末までに和平合意に署名できる可能性があると述べている。"
)
CHINESE = (
    "亚美尼亚和阿塞拜疆星期四表示，他们将交换战俘，并努力实现关系正常化。"
    "两国几十年来一直因纳戈尔诺-卡拉巴赫地区而冲突不断。"
    "由欧洲联盟和美国分别斡旋的和平谈判在过去几个月里陷入停滞。"
    "两国都表示，和平协议可能在年底前签署。"
)


@pytest.mark.parametrize(
    ("bom", "codec", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32-be"),
    ],
)
def test_byte_order_mark_decides_and_is_removed(bom: bytes, codec: str, encoding: str) -> None:
    assert decode(bom + SAMPLE.encode(codec)) == (SAMPLE, encoding)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32", "utf-8-sig"])
def test_python_bom_codecs_round_trip(codec: str) -> None:
    assert decode(SAMPLE.encode(codec))[0] == SAMPLE


def test_utf8_without_bom() -> None:
    assert decode(SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8")
    assert decode(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (FRENCH, "cp1252"),
        (GERMAN, "cp1252"),
        (POLISH, "iso-8859-2"),
        (CZECH, "iso-8859-2"),
        (JAPANESE, "shift_jis"),
        (CHINESE, "gb18030"),
    ],
    ids=["cp1252-fr", "cp1252-de", "iso-8859-2-pl", "iso-8859-2-cs", "shift_jis", "gb18030"],
)
def test_legacy_encodings_are_detected(text: str, codec: str) -> None:
    decoded, encoding = decode(text.encode(codec))
    assert decoded == text, f"decoded as {encoding}"
    assert "replaced" not in encoding


def utf8_with_a_bad_byte(text: str, char: str) -> bytes:
    """``text`` in UTF-8 with the first ``char`` replaced by the invalid byte 0xFF."""
    return text.encode("utf-8").replace(char.encode("utf-8"), b"\xff", 1)


@pytest.mark.parametrize(
    "payload",
    [
        bytes(range(0x80, 0x100)),
        FRENCH.encode("utf-8").replace("é".encode(), b"\xc3", 1),  # a truncated sequence
        utf8_with_a_bad_byte(FRENCH, "é"),
        utf8_with_a_bad_byte(GERMAN, "ß"),
    ],
    ids=["high-bytes", "fr-truncated", "fr-0xff", "de-0xff"],
)
def test_undecodable_bytes_fall_back_to_utf8_with_replacement(payload: bytes) -> None:
    """Bytes that are neither UTF-8 nor a legacy encoding, or UTF-8 with a few corrupt bytes,
    decode as UTF-8 with U+FFFD where the bad bytes are, not as another encoding's mojibake."""
    assert decode(payload) == (payload.decode("utf-8", errors="replace"), "utf-8 (replaced)")


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_never_fails(payload: bytes) -> None:
    text, encoding = decode(payload)
    assert isinstance(text, str)
    assert encoding
    if encoding == "utf-8 (replaced)":
        assert text == payload.decode("utf-8", errors="replace")


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_utf8_text_always_decodes_to_itself(text: str) -> None:
    assert decode(text.encode("utf-8"))[0] == text.removeprefix("\ufeff")


def test_raw_document_decodes_once_and_says_how() -> None:
    document = RawDocument(FRENCH.encode("utf-8"), source="page.txt")
    assert (document.text, document.encoding) == (FRENCH, "utf-8")
    assert document.decoded is document.decoded
    assert document.head(10) == FRENCH[:10]
    text_document = RawDocument(FRENCH)
    assert (text_document.text, text_document.encoding) == (FRENCH, None)


def test_raw_document_payload_must_be_text_or_bytes() -> None:
    with pytest.raises(TypeError):
        RawDocument(["not", "a", "payload"])  # type: ignore[arg-type]


def test_parse_decodes_bytes() -> None:
    article = newscorpus.parse(codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"))
    assert article.text == GERMAN
