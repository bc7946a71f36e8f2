"""Property-based fuzzing, run in CI: every registered parser and every container reader takes
any input without crashing (a NewsCorpusError is a refusal, anything else a bug)."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newscorpus
from newscorpus import Limits, NewsCorpusError, RawDocument, SiteResult
from newscorpus.corpus import ReadDocument, ReadFailure, read_documents
from newscorpus.formats import SiteParser
from newscorpus.registry import parsers
from tests.strategies import dumps, hostile_bytes, hostile_pages, texts

_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
_LIMITS = Limits(max_document_bytes=64 * 1024, max_nesting_depth=128)
_BUILTIN = [name for name in ("dump", "html") if name in parsers]
_INPUTS = st.one_of(hostile_pages(), dumps(), hostile_bytes, texts)


def _site(soup: Any, url: str | None) -> SiteResult:
    found = [("paragraph", p.get_text(" ", strip=True)) for p in soup.find_all(["p", "div"])]
    return SiteResult(blocks=[block for block in found if block[1]])


_PARSERS = {name: parsers.get(name) for name in _BUILTIN}
_PARSERS["site"] = SiteParser("property-site", _site)


def _parse(parser: Any, payload: str | bytes) -> None:
    try:
        draft = parser.parse(RawDocument(payload, limits=_LIMITS))
    except NewsCorpusError:
        return
    newscorpus.default_pipeline().run(draft).to_dict()


@pytest.mark.parametrize("name", sorted(_PARSERS))
@_SETTINGS
@given(payload=_INPUTS)
def test_every_parser_takes_any_input(name: str, payload: str | bytes) -> None:
    _parse(_PARSERS[name], payload)


@_SETTINGS
@given(payload=_INPUTS)
def test_the_single_document_api_takes_any_input(payload: str | bytes) -> None:
    try:
        article = newscorpus.parse(payload, limits=_LIMITS)
    except NewsCorpusError:
        return
    assert isinstance(article.to_dict(), dict)


def _tar(members: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        for number, content in enumerate(members):
            info = tarfile.TarInfo(f"{number}.html")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return buffer.getvalue()


def _zip(members: list[bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for number, content in enumerate(members):
            archive.writestr(f"{number}.txt", content)
    return buffer.getvalue()


#: A container's name and how to build it from members.
_CONTAINERS: dict[str, Callable[[list[bytes]], bytes]] = {
    "a.gz": lambda members: gzip.compress(b"".join(members)),
    "a.bz2": lambda members: bz2.compress(b"".join(members)),
    "a.xz": lambda members: lzma.compress(b"".join(members)),
    "a.tar": _tar,
    "a.zip": _zip,
    "a.jsonl": b"\n".join,
    "a.csv": lambda members: b"text\n" + b"\n".join(members),
    "a.warc": lambda members: b"WARC/1.0\r\n" + b"".join(members),
}


@pytest.mark.parametrize("name", sorted(_CONTAINERS))
@_SETTINGS
@given(
    members=st.lists(hostile_bytes, max_size=4),
    cut=st.none() | st.integers(min_value=0, max_value=5_000),
    flip=st.none() | st.tuples(st.integers(min_value=0, max_value=5_000), st.integers(1, 255)),
)
def test_every_reader_takes_any_container(
    name: str,
    members: list[bytes],
    cut: int | None,
    flip: tuple[int, int] | None,
    tmp_path: Path,
) -> None:
    """Whole, cut short or with a byte flipped: only documents and read errors come out."""
    data = bytearray(_CONTAINERS[name](members))
    if flip is not None and data:
        data[flip[0] % len(data)] ^= flip[1]
    if cut is not None:
        data = data[:cut]
    path = tmp_path / name
    path.write_bytes(bytes(data))
    for item in read_documents(path, limits=_LIMITS):
        assert isinstance(item, ReadDocument | ReadFailure)
        if isinstance(item, ReadDocument):
            assert isinstance(item.document.text, str)
