"""Every public name has a docstring with an example that doctest runs.

The rule, checked here for each name in ``newscorpus.__all__`` and in the ``__all__`` of each
public subpackage (:data:`PUBLIC_MODULES`):

- a class or a function (anything with its own docstring: a class, function or method)
  needs a docstring with a ``>>>`` example; a class's example covers its methods, and its
  public methods and properties need a docstring;
- a constant or a type alias (a value: a tuple, a string, a ``Literal``, a registry instance)
  needs a ``#:`` comment on the line just above its assignment, or a string just below it, in
  the module that defines it (what Sphinx, griffe and so the API reference read); it may have
  an example but need not.

``pytest --doctest-modules src`` (in CI) runs the examples, so an example that no longer holds
fails there.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path
from types import ModuleType

import pytest

#: The public namespaces whose ``__all__`` lists public names (a module that does not exist yet
#: is skipped: the dedup, cluster and limits packages land with their own issues).
PUBLIC_MODULES = (
    "newscorpus",
    "newscorpus.models",
    "newscorpus.cleaning",
    "newscorpus.draft",
    "newscorpus.formats",
    "newscorpus.corpus",
    "newscorpus.metadata",
    "newscorpus.registry",
    "newscorpus.errors",
    "newscorpus.display",
    "newscorpus.dedup",
    "newscorpus.cluster",
    "newscorpus.limits",
)


def _modules() -> list[ModuleType]:
    found = []
    for name in PUBLIC_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        if getattr(module, "__file__", None) is None:
            continue  # a folder being written, not a package yet
        found.append(module)
    return found


def _public_names() -> list[tuple[str, str]]:
    """Each public name once: a class or function under the first namespace that exports it
    (the top level first), a constant under each namespace that exports it."""
    names: list[tuple[str, str]] = []
    seen: set[int] = set()
    for module in _modules():
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.isclass(value) or inspect.isroutine(value):
                if id(value) in seen:
                    continue
                seen.add(id(value))
            names.append((module.__name__, name))
    return names


def _docstring_follows(body: list[ast.stmt], node: ast.stmt) -> bool:
    """Whether the statement after ``node`` is a string: an attribute docstring."""
    after = body[body.index(node) + 1 : body.index(node) + 2]
    if not after or not isinstance(after[0], ast.Expr):
        return False
    value = after[0].value
    return isinstance(value, ast.Constant) and isinstance(value.value, str)


def _has_doc_comment(module_name: str, name: str, seen: frozenset[str] = frozenset()) -> bool:
    """Whether ``name`` is assigned in the module that defines it under a ``#:`` comment,
    following ``from X import name`` re-exports."""
    if module_name in seen:
        return False
    module = importlib.import_module(module_name)
    source = Path(inspect.getfile(module)).read_text(encoding="utf-8")
    lines = source.splitlines()
    module_ast = ast.parse(source)
    for node in module_ast.body:
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(t, ast.Name) and t.id == name for t in targets):
            above = lines[node.lineno - 2].strip() if node.lineno >= 2 else ""
            return above.startswith("#:") or _docstring_follows(module_ast.body, node)
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if (alias.asname or alias.name) == name:
                    return _has_doc_comment(node.module, alias.name, seen | {module_name})
    return False


def _problems(module_name: str, name: str) -> list[str]:
    value = getattr(importlib.import_module(module_name), name)
    if not (inspect.isclass(value) or inspect.isroutine(value)):
        if _has_doc_comment(module_name, name):
            return []
        return [f"{module_name}.{name}: a constant without a '#:' comment above its assignment"]
    doc = inspect.getdoc(value) or ""
    problems = []
    if ">>>" not in doc:
        problems.append(f"{module_name}.{name}: no '>>>' example in its docstring")
    if inspect.isclass(value):
        for attribute, member in vars(value).items():
            if attribute.startswith("_"):
                continue
            function = member.fget if isinstance(member, property) else member
            function = getattr(function, "__func__", function)
            if inspect.isfunction(function) and not inspect.getdoc(function):
                problems.append(f"{module_name}.{name}.{attribute}: no docstring")
    return problems


def _cases() -> list[object]:
    cases: list[object] = []
    for module_name, name in _public_names():
        cases.append(pytest.param(module_name, name, id=f"{module_name}.{name}"))
    return cases


@pytest.mark.parametrize(("module_name", "name"), _cases())
def test_every_public_name_is_documented_with_an_example(module_name: str, name: str) -> None:
    assert _problems(module_name, name) == []


def test_the_rule_finds_a_missing_example_and_a_missing_comment() -> None:
    # The checks themselves can fail: a name made up here has neither.
    module = ModuleType("fake_public")

    def f() -> None:
        """No example."""

    vars(module).update(__all__=["f"], f=f)
    sys.modules["fake_public"] = module
    try:
        assert _problems("fake_public", "f") == ["fake_public.f: no '>>>' example in its docstring"]
    finally:
        del sys.modules["fake_public"]
    assert _has_doc_comment("newscorpus.models", "SCHEMA_VERSION")
    assert not _has_doc_comment("newscorpus.formats.html.vocabulary", "no_such_name")
