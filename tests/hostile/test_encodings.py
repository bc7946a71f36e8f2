"""Encodings, control characters and empty input: decoded right where it can be, never a crash."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

import newscorpus
from newscorpus import RawDocument
from newscorpus.corpus import ReadDocument, read_documents
from newscorpus.formats import DumpParser, HtmlParser

CASES = {
    "cp1252": "Le café «Chez Zoë» a rouvert : les habitués sont revenus dès l'aube, ravis.",
    "iso-8859-2": "Prezydent miasta ogłosił w poniedziałek, że most na rzece zostanie odbudowany "
    "do końca roku, a mieszkańcy będą mogli z niego korzystać już wiosną.",
    "shift_jis": "東京都は月曜日、新しい図書館を来年の春に開館すると発表した。市民は歓迎している。",
}


def _words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("encoding", sorted(CASES))
def test_legacy_encodings_decode_right(encoding: str) -> None:
    text = CASES[encoding] * 3
    payload = text.encode(encoding)
    assert RawDocument(payload).text == text
    page = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    draft = HtmlParser().parse(RawDocument(page))
    assert text in " ".join(block.text for block in draft.blocks)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_a_bom(encoding: str) -> None:
    text = CASES["cp1252"] + " " + CASES["iso-8859-2"]
    payload = text.encode(encoding)  # "utf-16" writes a BOM; -le and -be do not
    assert payload.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) == (encoding == "utf-16")
    article = newscorpus.parse(payload)
    assert article.text or article.removed  # never a crash, whatever it decodes to
    if encoding == "utf-16":
        assert RawDocument(payload).text == text
    page = f"<html><body><p>{text}</p></body></html>".encode(encoding)
    newscorpus.parse(page)


def test_mixed_mojibake_and_broken_bytes_parse() -> None:
    mixed = (
        CASES["cp1252"].encode("utf-8")
        + b" "
        + CASES["cp1252"].encode("cp1252")
        + b" "
        + "Ã©tÃ© â€™ Ã¨".encode()
        + b"\xff\xfe\xc3\x28\xa0\xa1\xed\xa0\x80\xf0\x28\x8c\xbc"
        + CASES["shift_jis"].encode("shift_jis")[:-1]  # cut inside a character
    )
    for payload in (mixed, b"<p>" + mixed + b"</p>"):
        document = RawDocument(payload)
        assert isinstance(document.text, str)
        assert document.encoding
        newscorpus.parse(payload)


@pytest.mark.parametrize(
    "text",
    [
        "A story\x00 with NUL\x00 bytes in the middle of the sentence, which a scraper kept.",
        "Control characters \x01\x02\x07\x08\x0b\x0c\x1b[31m\x7f\x80\x9f in a line of text.",
        "\u202eRight-to-left override\u202c and \u200b zero-width \ufeff marks \ufffe\uffff.",
        "\ud7ff\ue000\U0010ffff private and last code points in a story line.",
    ],
)
def test_nul_and_control_characters(text: str) -> None:
    for payload in (text, text.encode("utf-8", "surrogatepass"), f"<p>{text}</p>"):
        try:
            article = newscorpus.parse(payload)
        except newscorpus.NotTextError:  # as bytes, too many control bytes to be text
            assert isinstance(payload, bytes)
            continue
        assert isinstance(article.to_dict(), dict)
        kept = article.text + " ".join(removal.text for removal in article.removed)
        assert "\x00" not in kept or isinstance(payload, str)


@pytest.mark.parametrize(
    "payload", ["", " ", "\n\n\n", "\t \r\n \u00a0\u3000\u2028", b"", b"\xef\xbb\xbf", b"\xff\xfe"]
)
def test_empty_and_whitespace_only_documents(payload: str | bytes) -> None:
    for parser in (DumpParser(), HtmlParser()):
        assert parser.parse(RawDocument(payload)).blocks == []
    article = newscorpus.parse(payload)
    assert article.text == ""
    assert article.blocks == ()


def test_empty_and_whitespace_only_files_are_read(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b" \n\t\n")
    (tmp_path / "empty.jsonl").write_bytes(b"\n\n")
    items = list(read_documents(tmp_path))
    assert [type(item).__name__ for item in items] == ["ReadDocument", "ReadDocument"]
    assert all(isinstance(item, ReadDocument) for item in items)
