"""Optional dependencies: one helper, one error naming the extra, one line from the CLI."""

from __future__ import annotations

import ast
import importlib
import tomllib
from pathlib import Path
from typing import Any

import pytest

import newscorpus
from newscorpus._optional import EXTRAS, require
from newscorpus.cli.main import main
from newscorpus.errors import MissingDependencyError

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "src" / "newscorpus"


def without(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make importing any of ``modules`` (or a submodule) fail, as when it is not installed."""
    real = importlib.import_module

    def fake(name: str, package: str | None = None) -> Any:
        if name.split(".", maxsplit=1)[0] in modules:
            raise ModuleNotFoundError(f"No module named {name!r}")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)


def test_every_extra_named_is_declared() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    for module, extra in EXTRAS.items():
        assert extra in extras, (module, extra)


def test_pyarrow_is_in_the_base_install() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert any(requirement.startswith("pyarrow") for requirement in project["dependencies"])


def test_a_missing_module_is_one_typed_error_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    without(monkeypatch, "warcio")
    with pytest.raises(MissingDependencyError) as caught:
        require("warcio.archiveiterator", "Reading WARC files")
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, newscorpus.NewsCorpusError)
    assert str(caught.value) == "Reading WARC files needs warcio: pip install 'newscorpus[warc]'"
    assert isinstance(caught.value.__cause__, ModuleNotFoundError)


def test_no_hand_written_import_checks_are_left() -> None:
    """Optional imports go through the helper: no other module catches an ImportError or asks
    importlib whether a module is there (a new hand-written check is caught here)."""
    for path in SOURCES.rglob("*.py"):
        if path.name == "_optional.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler) and node.type is not None:
                caught = {name.id for name in ast.walk(node.type) if isinstance(name, ast.Name)}
                assert not caught & {"ImportError", "ModuleNotFoundError"}, (path, node.lineno)
            if isinstance(node, ast.Attribute):
                assert node.attr != "find_spec", (path, node.lineno)


def test_cli_parse_without_pyarrow_is_one_line_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("A short dump.\n", encoding="utf-8")
    without(monkeypatch, "pyarrow")
    status = main(["parse", str(tmp_path / "in"), "-o", str(tmp_path / "out.parquet"), "-j", "0"])
    assert status == 2
    err = capsys.readouterr().err
    assert err.strip().count("\n") == 0
    assert "pip install 'newscorpus[parquet]'" in err
    assert "Traceback" not in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in"]


def test_cli_turns_any_library_error_into_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def fails(*args: object, **kwargs: object) -> None:
        raise newscorpus.RunFailedError("3 worker processes in a row died while starting")

    monkeypatch.setattr("newscorpus.cli.parse.run_corpus", fails)
    (tmp_path / "a.txt").write_text("A short dump.\n", encoding="utf-8")
    status = main(["parse", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out.jsonl")])
    assert status == 1
    err = capsys.readouterr().err
    assert err == "newscorpus parse: 3 worker processes in a row died while starting\n"
