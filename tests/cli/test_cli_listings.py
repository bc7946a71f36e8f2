"""``newscorpus parsers``, ``newscorpus steps`` and ``newscorpus --version``."""

from __future__ import annotations

import json

import pytest

import newscorpus
from newscorpus.cli.main import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newscorpus {newscorpus.__version__}"


def test_parsers_lists_name_version_origin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parsers"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["name", "version", "origin"]
    assert ["dump", newscorpus.__version__, "builtin"] in [line.split() for line in lines]


def test_parsers_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parsers", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [row["name"] for row in listing] == newscorpus.parsers.names()
    assert {"name": "dump", "version": newscorpus.__version__, "origin": "builtin"} in listing


def test_steps_lists_the_default_pipeline_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["steps"]) == 0
    rows = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert rows[0][:2] == ["#", "step"]
    listed = [row[1] for row in rows[1:] if row and row[0].isdigit()]
    assert listed == list(newscorpus.DEFAULT_STEPS)


def test_steps_json_has_each_steps_docstring_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["steps", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    default = [row for row in listing if row["position"] is not None]
    assert [row["name"] for row in default] == list(newscorpus.DEFAULT_STEPS)
    assert [row["position"] for row in default] == list(range(1, len(default) + 1))
    assert all(row["description"] and "\n" not in row["description"] for row in listing)
    # built in, but only in a pipeline that asks for it (comments=True, --comments)
    assert [row["name"] for row in listing[len(default) :]] == ["comments"]


@pytest.mark.usefixtures("cleaners_snapshot")
def test_steps_lists_other_registered_steps_with_their_origin(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from tests.custom_steps import DropShort

    newscorpus.cleaners.register("drop_short", DropShort)
    assert main(["steps", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert {row["origin"] for row in listing[:-1]} == {"builtin"}
    assert listing[-1] == {
        "position": None,
        "name": "drop_short",
        "origin": "code",
        "description": "Drop kept blocks of fewer than ``min_words`` words.",
    }
    assert main(["steps"]) == 0
    last = capsys.readouterr().out.splitlines()[-1].split()
    assert last[:3] == ["-", "drop_short", "code"]
