"""Publishing: the version has one source, and the changelog and metadata agree with it."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import newscorpus

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_has_one_source() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/newscorpus/_version.py"
    # Nowhere else in the package is a version string written down.
    pattern = re.compile(r"""__version__\s*=\s*["']""")
    assigned = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "src" / "newscorpus").rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert assigned == ["src/newscorpus/_version.py"]


def test_the_installed_metadata_has_the_same_version() -> None:
    assert metadata.version("newscorpus") == newscorpus.__version__


def test_the_changelog_has_an_entry_for_the_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    version = re.escape(newscorpus.__version__)
    released = re.search(rf"^## \[{version}\]", changelog, re.MULTILINE)
    unreleased = re.search(r"^## \[Unreleased\]\n+(?P<body>[^#]*)", changelog, re.MULTILINE)
    assert released or (unreleased and re.search(version, unreleased["body"])), (
        f"CHANGELOG.md has no section for {newscorpus.__version__}"
    )


def test_every_extra_named_in_an_import_error_is_declared() -> None:
    # The messages say "pip install 'newscorpus[NAME]'": each NAME must be a real extra.
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    extras = set(project["project"]["optional-dependencies"])
    named = {
        match
        for path in (ROOT / "src" / "newscorpus").rglob("*.py")
        for match in re.findall(r"newscorpus\[([a-z0-9_-]+)\]", path.read_text(encoding="utf-8"))
    }
    assert named
    assert sorted(named - extras) == []
