"""Planning: pieces and partitions read back exactly what read_documents reads (no Dask needed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newscorpus.cluster import FilePiece, LinesPiece, MissingPiece, plan_partitions, read_pieces
from newscorpus.cluster.inputs import scan_block
from newscorpus.cluster.storage import Window
from newscorpus.corpus import ReadItem, read_documents
from tests.cluster.mixed import build


def read_plan(inputs: list[str], size: int) -> list[ReadItem]:
    return [item for p in plan_partitions(inputs, size) for item in read_pieces(p.pieces)]


@pytest.mark.parametrize("size", [1, 200, 10**9])
def test_the_plan_reads_what_read_documents_reads(tmp_path: Path, size: int) -> None:
    inputs = build(tmp_path)
    planned = read_plan(inputs, size)
    assert planned == list(read_documents(inputs))
    assert len(planned) > 15


def test_small_files_are_grouped_and_big_exports_cut_at_lines(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    whole = plan_partitions(inputs, 10**9)
    assert len(whole) == 1
    cut = plan_partitions(inputs, 300)
    lines = [piece for p in cut for piece in p.pieces if isinstance(piece, LinesPiece)]
    assert len(lines) > 1
    firsts = [piece.first_line for piece in lines]
    assert firsts[0] == 1
    assert firsts == sorted(set(firsts))
    assert all(p.size <= 300 or len(p.pieces) == 1 for p in cut)
    assert [p.number for p in cut] == list(range(len(cut)))
    assert isinstance(cut[-1].pieces[-1], MissingPiece)
    names = [Path(piece.path).name for p in cut for piece in p.pieces]
    assert ".hidden.txt" not in names


def test_the_output_folder_is_not_an_input(tmp_path: Path) -> None:
    inputs = build(tmp_path)
    output = Path(inputs[0]) / "out"
    output.mkdir()
    (output / "part-00000.parquet").write_bytes(b"PAR1")
    pieces = [piece for p in plan_partitions(inputs, exclude=str(output)) for piece in p.pieces]
    assert all(
        isinstance(piece, MissingPiece) or "out" not in Path(piece.path).parts for piece in pieces
    )
    assert any(isinstance(piece, FilePiece) for piece in pieces)


def test_partition_size_must_be_positive(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        plan_partitions(tmp_path, 0)


rows = st.one_of(
    st.builds(lambda text: json.dumps({"text": text}), st.text(min_size=1, max_size=30)),
    st.sampled_from(["", "   ", "{broken", "[1, 2]", '{"title": "no payload"}']),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(rows, min_size=1, max_size=25),
    trailing=st.booleans(),
    size=st.integers(min_value=1, max_value=120),
)
def test_any_cut_of_an_export_reads_the_same_items(
    tmp_path_factory: pytest.TempPathFactory, lines: list[str], trailing: bool, size: int
) -> None:
    path = tmp_path_factory.mktemp("export") / "rows.jsonl"
    path.write_text("\n".join(lines) + ("\n" if trailing else ""), encoding="utf-8")
    assert read_plan([str(path)], size) == list(read_documents(path))


@given(data=st.binary(max_size=60), low=st.integers(0, 70), width=st.integers(1, 70))
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_a_block_scan_finds_the_next_line_start(
    tmp_path: Path, data: bytes, low: int, width: int
) -> None:
    path = tmp_path / "data.jsonl"
    path.write_bytes(data)
    high = min(len(data), low + width)
    low = min(low, high)
    scan = scan_block((str(path), low, high))
    starts = [0] + [i + 1 for i, byte in enumerate(data) if byte == ord("\n")]
    assert scan.start == min([s for s in starts if s >= low] or [len(data)])
    assert scan.newlines == data[low:high].count(b"\n")
    assert scan.newlines_before_start == data[low : scan.start].count(b"\n")


def test_a_window_reads_only_its_range(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"one\ntwo\nthree\n")
    with path.open("rb") as stream:
        window = Window(stream, 4, 8)
        assert window.readline(2) == b"tw"
        assert list(window) == [b"o\n"]
        assert window.read() == b""
