"""The import rules of docs/architecture.md, checked by reading every module's import statements
(ast), not by importing anything: a new import that breaks a layer fails here.

Imports under ``if TYPE_CHECKING:`` are for annotations only and do not count. An import inside a
function (a lazy one) counts, except the few listed in :data:`LAZY_EXCEPTIONS` with the reason.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCES = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SOURCES / "newscorpus"

#: The modules at the bottom: everything may import them, they import only each other.
FOUNDATION = frozenset({"errors", "tuning", "_version", "_caches", "_optional", "limits"})
#: The single-document layers, in order from the bottom (see docs/architecture.md).
DOCUMENT_LAYERS = ("models", "draft", "metadata", "registry", "formats", "cleaning")
#: The corpus layers, above every single-document layer.
CORPUS_LAYERS = frozenset({"parsing", "api", "corpus", "dedup", "cluster", "report"})
#: Lazy imports that go up a layer on purpose: (importer, imported) -> why.
LAZY_EXCEPTIONS = {
    ("newscorpus.models.article", "newscorpus.display"): "Article._repr_html_, for notebooks",
    ("newscorpus.corpus.corpus", "newscorpus.display"): "Corpus._repr_html_, for notebooks",
    ("newscorpus.models.article", "newscorpus.render"): (
        "Article.to_markdown and to_text: the rendering stays out of the plain-data model"
    ),
}


def module_names() -> set[str]:
    names = set()
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(SOURCES).with_suffix("").parts
        names.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


MODULES = module_names()


def imports(path: Path) -> Iterator[tuple[str, bool]]:
    """Every newscorpus module ``path`` imports, and whether the import is lazy (in a
    function); ``from newscorpus import tuning`` is the module ``newscorpus.tuning``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    yield from _walk(tree, lazy=False)


def _walk(node: ast.AST, *, lazy: bool) -> Iterator[tuple[str, bool]]:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child.test):
            for other in child.orelse:
                yield from _walk(other, lazy=lazy)
            continue
        if isinstance(child, ast.Import):
            for alias in child.names:
                if alias.name.split(".")[0] == "newscorpus":
                    yield alias.name, lazy
        elif (
            isinstance(child, ast.ImportFrom)
            and child.module
            and child.level == 0
            and child.module.split(".")[0] == "newscorpus"
        ):
            for alias in child.names:
                full = f"{child.module}.{alias.name}"
                yield (full if full in MODULES else child.module), lazy
        inner = lazy or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
        yield from _walk(child, lazy=inner)


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def layer(module: str) -> str:
    """The top-level part of newscorpus a module belongs to (``newscorpus`` itself: ``""``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def edges() -> list[tuple[str, str, bool]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SOURCES).with_suffix("").parts
        importer = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        for imported, lazy in imports(path):
            if layer(importer) != layer(imported):
                found.append((importer, imported, lazy))
    return found


EDGES = edges()


def broken(rule: str, allowed: object) -> list[str]:
    """The imports that break ``rule``; ``allowed(importer_layer, imported_layer)`` decides."""
    bad = []
    for importer, imported, lazy in EDGES:
        if lazy and (importer, imported) in LAZY_EXCEPTIONS:
            continue
        if not allowed(layer(importer), layer(imported)):  # type: ignore[operator]
            bad.append(f"{importer} imports {imported}{' (lazily)' if lazy else ''}: {rule}")
    return bad


def test_the_rules_see_the_imports() -> None:
    assert len(MODULES) > 100
    assert ("newscorpus.cleaning.steps.chrome", "newscorpus.draft", False) in EDGES
    assert ("newscorpus.models.article", "newscorpus.display", True) in EDGES


def test_imports_are_read_as_they_run(tmp_path: Path) -> None:
    """Top-level and lazy imports count, annotation-only ones do not."""
    module = tmp_path / "sample.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from newscorpus import tuning\n"
        "import newscorpus.cli.main\n"
        "if TYPE_CHECKING:\n"
        "    from newscorpus.formats import Parser\n"
        "def later():\n"
        "    from newscorpus.display import article_html\n",
        encoding="utf-8",
    )
    assert list(imports(module)) == [
        ("newscorpus.tuning", False),
        ("newscorpus.cli.main", False),
        ("newscorpus.display", True),
    ]


def test_the_foundation_imports_only_the_foundation() -> None:
    assert (
        broken(
            "errors, tuning, limits and the private helpers import only each other",
            lambda a, b: a not in FOUNDATION or b in FOUNDATION,
        )
        == []
    )


def test_models_import_nothing_above_them() -> None:
    assert (
        broken(
            "the models are plain data: they import only the foundation",
            lambda a, b: a != "models" or b in FOUNDATION,
        )
        == []
    )


def test_cleaning_never_imports_formats() -> None:
    """A cleaner never looks at HTML: it works on a Draft's blocks."""
    assert (
        broken(
            "cleaning works on drafts, never on formats",
            lambda a, b: not (a == "cleaning" and b == "formats"),
        )
        == []
    )


@pytest.mark.parametrize("lower", DOCUMENT_LAYERS)
def test_single_document_layers_never_import_the_corpus_layers(lower: str) -> None:
    assert (
        broken(
            "parsing one document never needs the corpus layers",
            lambda a, b: a != lower or b not in CORPUS_LAYERS | {"cli", "display", "render"},
        )
        == []
    )


def test_each_single_document_layer_imports_only_those_below_it() -> None:
    order = {name: rank for rank, name in enumerate(DOCUMENT_LAYERS)}
    assert (
        broken(
            f"the single-document layers go {' < '.join(DOCUMENT_LAYERS)}",
            lambda a, b: a not in order or b not in order or order[b] < order[a],
        )
        == []
    )


def test_nothing_below_the_cli_imports_it() -> None:
    assert (
        broken("the CLI is the top: nothing imports it", lambda a, b: b != "cli" or a == "cli")
        == []
    )


def test_architecture_page_names_every_package() -> None:
    page = (SOURCES.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    for name in {layer(module) for module in MODULES} - {""}:
        if not name.startswith("_"):
            assert f"`{name}`" in page, name
