"""JSON Lines and CSV exports: the field mapping, one document a row, bad rows as errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newscorpus.corpus import FieldMapping, Origin, ReadDocument, ReadFailure, read_documents
from tests.corpus.helpers import documents, errors, texts, write


def test_jsonl_fields_and_origins(tmp_path: Path) -> None:
    rows = [
        {"html": "<p>A</p>", "url": "https://a.example/a", "date": "2024-05-01", "format": "html"},
        {"content": "B", "link": "https://a.example/b", "published": "2024-05-02"},
        {"body": "C", "uri": "https://a.example/c", "crawled_at": 1714600000, "type": "dump"},
    ]
    path = write(tmp_path / "s.jsonl", "\n".join(json.dumps(row) for row in rows).encode())
    items = documents(list(read_documents(path)))
    assert [item.document.text for item in items] == ["<p>A</p>", "B", "C"]
    assert [item.document.url for item in items] == [f"https://a.example/{c}" for c in "abc"]
    assert [item.date for item in items] == ["2024-05-01", "2024-05-02", "1714600000"]
    assert [item.document.format for item in items] == ["html", None, "dump"]
    assert [item.origin for item in items] == [Origin(str(path), line=n) for n in (1, 2, 3)]
    assert [item.document.source for item in items] == [f"{path}:{n}" for n in (1, 2, 3)]


def test_a_custom_mapping(tmp_path: Path) -> None:
    row = {"article_html": "<p>A</p>", "html": "no", "page": "https://a.example/", "when": "x"}
    path = write(tmp_path / "s.jsonl", json.dumps(row).encode())
    mapping = FieldMapping(payload="article_html", url="page", date=("when",), format=())
    [item] = documents(list(read_documents(path, mapping=mapping)))
    assert (item.document.text, item.document.url, item.date) == ("<p>A</p>", row["page"], "x")


def test_broken_lines_are_errors_and_the_good_lines_come_through(tmp_path: Path) -> None:
    data = b'{"text": "one"}\n{"text": \n\n[1, 2]\n{"url": "https://a.example/"}\n{"text": "two"}\n'
    path = write(tmp_path / "s.jsonl", data)
    items = list(read_documents(path))
    assert [(type(item).__name__, item.origin.line) for item in items] == [
        ("ReadDocument", 1),
        ("ReadFailure", 2),
        ("ReadFailure", 4),
        ("ReadFailure", 5),
        ("ReadDocument", 6),
    ]
    assert texts(items) == ["one", "two"]
    assert [error.error for error in errors(items)] == [
        "JSONDecodeError",
        "NotAnObject",
        "MissingPayload",
    ]
    assert "text" in errors(items)[2].message


def test_bad_utf8_in_a_line_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", b'{"text": "\xff\xfe"}\n{"text": "ok"}\n')
    items = list(read_documents(path))
    assert [type(item) for item in items] == [ReadFailure, ReadDocument]


def test_csv_rows(tmp_path: Path) -> None:
    big = "x" * 300_000  # beyond the csv module's default field limit
    data = (
        "\ufeffurl,content,published\n"
        'https://a.example/1,"A, with ""quotes""\nand a newline",2024-01-01\n'
        "https://a.example/2,,2024-01-02\n"
        f"https://a.example/3,{big},\n"
    ).encode()
    path = write(tmp_path / "export.csv", data)
    items = list(read_documents(path))
    assert [type(item) for item in items] == [ReadDocument, ReadFailure, ReadDocument]
    assert texts(items) == ['A, with "quotes"\nand a newline', big]
    assert [item.origin.line for item in items] == [2, 4, 5]
    first = documents(items)[0]
    assert (first.document.url, first.date) == ("https://a.example/1", "2024-01-01")
    assert errors(items)[0].error == "MissingPayload"
    assert documents(items)[1].date is None


def test_tsv_rows(tmp_path: Path) -> None:
    path = write(tmp_path / "export.tsv", b"link\ttext\nhttps://a.example/\tHello\n")
    [item] = documents(list(read_documents(path)))
    assert (item.document.url, item.document.text) == ("https://a.example/", "Hello")


ROW = st.fixed_dictionaries(
    {"text": st.text(min_size=1), "url": st.text()},
    optional={"date": st.text(), "extra": st.integers()},
)
LINE = st.one_of(
    ROW.map(lambda row: (True, json.dumps(row))),
    st.sampled_from(['{"text": ', "[1]", '"s"', '{"url": "u"}', '{"text": ""}', "{oops}"]).map(
        lambda line: (False, line)
    ),
)


@settings(max_examples=60, deadline=None)
@given(lines=st.lists(LINE, max_size=20))
def test_jsonl_round_trip(
    tmp_path_factory: pytest.TempPathFactory, lines: list[tuple[bool, str]]
) -> None:
    folder = tmp_path_factory.mktemp("rows")
    path = write(folder / "rows.jsonl", "\n".join(line for _, line in lines).encode())
    items = list(read_documents(path))
    assert [isinstance(item, ReadDocument) for item in items] == [good for good, _ in lines]
    assert [item.origin.line for item in items] == list(range(1, len(lines) + 1))
    expected = [json.loads(line) for good, line in lines if good]
    assert [(item.document.text, item.document.url) for item in documents(items)] == [
        (row["text"], row["url"] or None) for row in expected
    ]
