"""Registries: registration by name, and lazy entry-point discovery that survives bad plugins."""

from __future__ import annotations

import warnings
from collections.abc import Callable
from importlib import metadata

import pytest

import newscorpus
from newscorpus import Registry, RegistryError

GROUP = "newscorpus.test_plugins"


def plugin_answer() -> int:
    """The object the fake ``good`` entry point loads."""
    return 42


def plugin_other() -> int:
    return 7


def fresh(group: str | None = None) -> Registry[Callable[[], int]]:
    return Registry("widget", entry_point_group=group)


def test_register_get_unregister() -> None:
    registry = fresh()
    registry.register("answer", plugin_answer)
    assert registry.get("answer") is plugin_answer
    assert "answer" in registry
    assert registry.names() == ["answer"]
    registry.unregister("answer")
    assert "answer" not in registry
    with pytest.raises(RegistryError, match="answer"):
        registry.get("answer")


def test_decorator_registers_and_returns_the_object() -> None:
    registry = fresh()

    register: Callable[[Callable[[], int]], Callable[[], int]] = registry.register("answer")

    @register
    def answer() -> int:
        return 42

    assert registry.get("answer") is answer
    assert answer() == 42


def test_names_are_in_registration_order_with_origins() -> None:
    registry = fresh()
    registry.register("b", plugin_answer)
    registry.register("a", plugin_other, origin="builtin")
    assert registry.names() == ["b", "a"]
    assert [(entry.name, entry.origin) for entry in registry] == [("b", "code"), ("a", "builtin")]


def test_a_taken_name_is_rejected_unless_replacing() -> None:
    registry = fresh()
    registry.register("answer", plugin_answer, origin="builtin")
    with pytest.raises(RegistryError, match=r"'answer' is already registered \(from builtin\)"):
        registry.register("answer", plugin_other)
    assert registry.get("answer") is plugin_answer
    registry.register("answer", plugin_other, replace=True)
    assert registry.get("answer") is plugin_other


@pytest.mark.parametrize("name", ["", None, 3])
def test_a_name_must_be_a_non_empty_string(name: object) -> None:
    with pytest.raises(RegistryError, match="non-empty name"):
        fresh().register(name, plugin_answer)  # type: ignore[call-overload]


def test_unknown_names_raise_registry_error_listing_the_known_ones() -> None:
    registry = fresh()
    registry.register("answer", plugin_answer)
    with pytest.raises(RegistryError, match=r"no widget named 'question' \(registered: answer\)"):
        registry.get("question")
    with pytest.raises(RegistryError, match="question"):
        registry.unregister("question")


def test_the_global_registries_hold_the_builtins() -> None:
    assert "dump" in newscorpus.parsers
    assert newscorpus.parsers.get("dump").name == "dump"
    for name in newscorpus.DEFAULT_STEPS:
        assert name in newscorpus.cleaners
        assert newscorpus.cleaners.get(name)().name == name


def test_registry_errors_are_newscorpus_errors() -> None:
    with pytest.raises(newscorpus.NewsCorpusError):
        fresh().get("nothing")


# --- entry-point discovery ---------------------------------------------------------------------


class FakeEntryPoints:
    """Stands in for ``importlib.metadata.entry_points``, counting the calls per group."""

    def __init__(self, *entry_points: metadata.EntryPoint) -> None:
        self.entry_points = entry_points
        self.calls: list[str] = []

    def __call__(self, *, group: str) -> list[metadata.EntryPoint]:
        self.calls.append(group)
        return [ep for ep in self.entry_points if ep.group == group]


def entry_point(name: str, value: str) -> metadata.EntryPoint:
    return metadata.EntryPoint(name=name, value=value, group=GROUP)


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> FakeEntryPoints:
    fake = FakeEntryPoints(
        entry_point("good", f"{__name__}:plugin_answer"),
        entry_point("missing_module", "tests.no_such_module:plugin"),
        entry_point("missing_attribute", f"{__name__}:no_such_attribute"),
        entry_point("taken", f"{__name__}:plugin_other"),
        entry_point("also_good", f"{__name__}:plugin_other"),
    )
    monkeypatch.setattr(metadata, "entry_points", fake)
    return fake


def test_discovery_loads_plugins_and_warns_about_broken_ones(
    fake_entry_points: FakeEntryPoints,
) -> None:
    registry = fresh(GROUP)
    registry.register("taken", plugin_answer, origin="builtin")
    with pytest.warns(RuntimeWarning) as caught:
        names = registry.names()
    assert names == ["taken", "good", "also_good"]
    assert registry.get("good") is plugin_answer
    assert registry.get("taken") is plugin_answer, "a plugin must not replace a taken name"
    messages = [str(warning.message) for warning in caught]
    assert len(messages) == 3
    assert any("'missing_module'" in m and "failed to load" in m for m in messages)
    assert any("'missing_attribute'" in m and "failed to load" in m for m in messages)
    assert any("'taken'" in m and "skipped" in m for m in messages)
    origins = {entry.name: entry.origin for entry in registry}
    assert origins["good"].startswith(f"entry point {__name__}:plugin_answer")


def test_discovery_is_lazy_and_happens_once(fake_entry_points: FakeEntryPoints) -> None:
    registry = fresh(GROUP)
    registry.register("local", plugin_other)
    assert registry.get("local") is plugin_other
    assert fake_entry_points.calls == [], "a known name must not trigger discovery"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        assert registry.get("good") is plugin_answer
        assert "also_good" in registry
        registry.names()
        with pytest.raises(RegistryError):
            registry.get("still_unknown")
    assert fake_entry_points.calls == [GROUP]


def test_a_registry_without_group_never_discovers(fake_entry_points: FakeEntryPoints) -> None:
    registry = fresh(None)
    with pytest.raises(RegistryError):
        registry.get("good")
    assert registry.names() == []
    assert fake_entry_points.calls == []


def test_a_broken_plugin_does_not_break_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_entry_points(*, group: str) -> list[metadata.EntryPoint]:
        return [metadata.EntryPoint("bad", "tests.no_such_module:x", group)]

    monkeypatch.setattr(metadata, "entry_points", broken_entry_points)
    registry = fresh(GROUP)
    registry.register("answer", plugin_answer)
    with pytest.warns(RuntimeWarning, match="'bad'.*failed to load.*ModuleNotFoundError"):
        assert "bad" not in registry
    assert registry.get("answer") is plugin_answer


def test_an_older_group_name_is_still_read_after_the_current_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fake = FakeEntryPoints(
        metadata.EntryPoint("new", f"{__name__}:plugin_answer", "newscorpus.steps"),
        metadata.EntryPoint("old", f"{__name__}:plugin_other", "newscorpus.cleaners"),
        metadata.EntryPoint("both", f"{__name__}:plugin_answer", "newscorpus.steps"),
        metadata.EntryPoint("both", f"{__name__}:plugin_other", "newscorpus.cleaners"),
    )
    monkeypatch.setattr(metadata, "entry_points", fake)
    registry: Registry[Callable[[], int]] = Registry(
        "step", entry_point_group="newscorpus.steps", older_groups=("newscorpus.cleaners",)
    )
    with pytest.warns(RuntimeWarning, match="'both'.*skipped"):
        assert registry.names() == ["new", "both", "old"]
    assert registry.get("old") is plugin_other
    assert registry.get("both") is plugin_answer, "the current group wins a name"
    origins = {entry.name: entry.origin for entry in registry}
    assert "group newscorpus.cleaners" in origins["old"]
    assert "group" not in origins["new"]
    assert fake.calls == ["newscorpus.steps", "newscorpus.cleaners"]


def test_the_steps_registry_reads_both_groups() -> None:
    assert newscorpus.cleaners.entry_point_group == "newscorpus.steps"
    assert newscorpus.cleaners.older_groups == ("newscorpus.cleaners",)
