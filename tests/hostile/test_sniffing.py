"""One sniffing rule for every way in (#13 items 2 and 14): compressed files are opened, HTML is
told by content, bytes that are not text are refused with a typed error, the encodings a page
declares are honoured only when a browser knows them, lone surrogates become U+FFFD with an
edit. Every input is made here, small."""

from __future__ import annotations

import bz2
import codecs
import gzip
import json
import lzma
import os
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

import newscorpus
from newscorpus.cli.main import main
from newscorpus.corpus import read_documents
from newscorpus.corpus.outcomes import outcome_of

PAGE = (
    "<html><head><title>Council passes the budget</title></head><body><article>"
    "<p>The council met on Monday to vote on the budget for next year, and it passed by "
    "seven votes to two after a long debate about the new library.</p></article></body></html>"
)
BODY = "The council met on Monday"


def _png() -> bytes:
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk))
    )


BINARIES = {
    "png": _png() + os.urandom(600),
    "jpeg": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + os.urandom(600),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
    "elf": b"\x7fELF\x02\x01\x01\x00" + bytes(600),
    "random": bytes(range(256)) * 8,
}


COMPRESSORS: dict[str, Callable[[bytes], bytes]] = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
}


@pytest.mark.parametrize("suffix", sorted(COMPRESSORS))
def test_compressed_page_is_opened_by_parse_show_and_runner(
    tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"page.html{suffix}"
    path.write_bytes(COMPRESSORS[suffix](PAGE.encode()))
    article = newscorpus.parse(path)
    assert article.title == "Council passes the budget"
    assert BODY in article.text
    assert newscorpus.parse(path.read_bytes()).text == article.text
    assert main(["show", str(path)]) == 0
    assert BODY in capsys.readouterr().out
    [item] = read_documents(path)
    assert outcome_of(item)["record"]["text"] == article.text


@pytest.mark.parametrize("kind", sorted(BINARIES))
def test_binary_input_is_a_typed_error_and_an_error_entry(
    tmp_path: Path, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / f"file.{kind}.html"  # the name says HTML; the bytes say otherwise
    path.write_bytes(BINARIES[kind])
    with pytest.raises(newscorpus.NotTextError, match="not text"):
        newscorpus.parse(path)
    with pytest.raises(ValueError, match="not text"):  # NotTextError is a ValueError too
        newscorpus.parse(BINARIES[kind])
    assert main(["show", str(path)]) == 1
    assert "NotTextError" in capsys.readouterr().err
    [item] = read_documents(path)
    entry = outcome_of(item)["error"]
    assert (entry["error"], entry["internal"]) == ("NotTextError", False)


def test_html_is_told_by_content_not_by_name(tmp_path: Path) -> None:
    as_text = tmp_path / "page.txt"
    as_text.write_text(PAGE)
    assert newscorpus.parse(as_text).parser.name == "html"
    plain = tmp_path / "notes.html"  # named HTML, holds a plain dump
    plain.write_text("A plain dump of a page.\n\nIt holds no markup at all, only text lines.\n")
    assert newscorpus.parse(plain).parser.name == "dump"
    [item] = read_documents(plain)
    assert outcome_of(item)["record"]["parser"]["name"] == "dump"


def test_archives_are_not_one_document(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.html", PAGE)
    with pytest.raises(newscorpus.InputError, match="many documents"):
        newscorpus.parse(path)


def test_broken_compressed_data_is_an_input_error() -> None:
    with pytest.raises(newscorpus.InputError, match="gzip"):
        newscorpus.parse(gzip.compress(PAGE.encode())[:40])


def test_utf16_and_utf32_pages_with_a_bom_decode() -> None:
    for encoding, bom in (
        ("utf-32-le", codecs.BOM_UTF32_LE),
        ("utf-32-be", codecs.BOM_UTF32_BE),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
    ):
        article = newscorpus.parse(bom + PAGE.encode(encoding))
        assert BODY in article.text, encoding
        assert newscorpus.RawDocument(bom + BODY.encode(encoding)).text == BODY


@pytest.mark.parametrize("label", ["hex", "base64", "zlib", "rot13", "idna", "punycode", "uu"])
def test_a_declared_codec_that_is_no_text_encoding_is_ignored(label: str) -> None:
    article = newscorpus.parse(f'<meta charset="{label}">{PAGE}'.encode())
    assert BODY in article.text
    page = f'<meta http-equiv="Content-Type" content="text/html; charset={label}">{PAGE}'
    assert BODY in newscorpus.parse(page.encode("cp1252")).text


def test_lone_surrogates_are_replaced_and_recorded() -> None:
    text = f"{BODY} to pass \ud800the budget for next year after a long and heated debate.\n"
    article = newscorpus.parse(text)
    assert "\ufffd" in article.text
    assert "\ud800" not in article.text
    [edit] = [edit for edit in article.edits if "surrogate" in edit.reason]
    assert (edit.before, edit.after, edit.step) == ("\\ud800", "\ufffd", "parser")
    assert article.id  # article_id hashes the text as UTF-8
    json.dumps(article.to_dict(), ensure_ascii=False).encode("utf-8")


def test_a_json_lines_row_with_a_lone_surrogate_is_a_record(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    path.write_text(json.dumps({"text": BODY + " \ud800 and the rest of the story."}) + "\n")
    [item] = read_documents(path)
    outcome = outcome_of(item)
    assert "record" in outcome, outcome
    assert any("surrogate" in edit["reason"] for edit in outcome["record"]["edits"])


def test_parser_failure_is_an_error_entry_not_an_empty_article(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    def failing(data: bytes, parser: object) -> None:  # libxml2 under a memory cap
        raise etree.XMLSyntaxError("unknown error", 1, 1, 1)

    monkeypatch.setattr(etree, "fromstring", failing)
    with pytest.raises(newscorpus.ParserFailedError, match="unknown error") as raised:
        newscorpus.parse(PAGE.encode(), url="https://a.example/")
    assert raised.value.source == "<bytes>"
    [item] = read_documents(io_path(PAGE))
    entry = outcome_of(item)["error"]
    assert (entry["error"], entry["internal"]) == ("ParserFailedError", False)
    assert "memory" in entry["message"]


def io_path(text: str) -> Path:
    import tempfile

    folder = Path(tempfile.mkdtemp())
    (folder / "page.html").write_text(text)
    return folder / "page.html"


def test_memory_error_in_a_parser_is_not_internal(monkeypatch: pytest.MonkeyPatch) -> None:
    from newscorpus.formats.html import HtmlParser

    def out_of_memory(self: object, document: object) -> None:
        raise MemoryError

    monkeypatch.setattr(HtmlParser, "parse", out_of_memory)
    [item] = read_documents(io_path(PAGE))
    entry = outcome_of(item)["error"]
    assert (entry["error"], entry["internal"]) == ("MemoryError", False)


def test_fifo_is_refused_not_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(newscorpus.InputError, match="FIFO"):
        newscorpus.parse(fifo)
