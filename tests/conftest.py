"""Shared fixtures: the seed dumps, and a clean ``cleaners`` registry around each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import newscorpus
from tests.seeds import SEED_PATHS


@pytest.fixture(params=SEED_PATHS, ids=[path.name for path in SEED_PATHS])
def seed_path(request: pytest.FixtureRequest) -> Path:
    """Each seed dump in turn (tests using it run once per seed)."""
    path: Path = request.param
    return path


@pytest.fixture
def seed_text(seed_path: Path) -> str:
    """The text of each seed dump in turn."""
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture
def cleaners_snapshot() -> Iterator[None]:
    """Unregister every cleaner a test registered, so registrations do not leak across tests."""
    before = set(newscorpus.cleaners.names())
    yield
    for name in set(newscorpus.cleaners.names()) - before:
        newscorpus.cleaners.unregister(name)
