"""DedupSettings: defaults and validation."""

from __future__ import annotations

import pytest

import newscorpus
from newscorpus import DedupSettings


def test_defaults_are_sensible() -> None:
    settings = DedupSettings()
    assert settings.shingle_size == 5
    assert settings.bands * settings.band_rows <= settings.num_perm
    assert 0 < settings.syndication_threshold <= settings.duplicate_threshold <= 1


@pytest.mark.parametrize(
    "changes",
    [
        {"shingle_size": 0},
        {"shingle_size": True},
        {"duplicate_threshold": 0},
        {"duplicate_threshold": 1.5},
        {"syndication_threshold": 0.9, "duplicate_threshold": 0.8},
        {"band_rows": 200},
        {"story_window_days": -1},
        {"story_threshold": "0.4"},
    ],
)
def test_invalid_settings_are_refused(changes: dict[str, object]) -> None:
    with pytest.raises((ValueError, TypeError)):
        DedupSettings(**changes)  # type: ignore[arg-type]


def test_without_numpy_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    real = importlib.import_module

    def no_numpy(name: str, package: str | None = None) -> object:
        if name == "numpy":
            raise ImportError("No module named 'numpy'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", no_numpy)
    with pytest.raises(ImportError, match=r"newscorpus\[dedup\]"):
        newscorpus.find_duplicates([])


def test_importing_newscorpus_does_not_import_numpy() -> None:
    import subprocess
    import sys

    code = "import newscorpus, newscorpus.cli.main, sys; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
