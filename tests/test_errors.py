"""The exception tree: every class documented, exported, drawn once, picklable."""

from __future__ import annotations

import inspect
import pickle
import re
import textwrap
from pathlib import Path

import pytest

import newscorpus
from newscorpus import errors

DOCS = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def error_classes() -> list[type[BaseException]]:
    """Every exception class errors.py defines (read from the module, so new ones count)."""
    return [
        value
        for _, value in inspect.getmembers(errors, inspect.isclass)
        if issubclass(value, BaseException) and value.__module__ == errors.__name__
    ]


def test_every_class_derives_from_the_base_and_is_exported() -> None:
    classes = error_classes()
    assert len(classes) >= 19
    for cls in classes:
        assert issubclass(cls, errors.NewsCorpusError), cls
        assert cls.__name__ in errors.__all__, cls
        assert getattr(newscorpus, cls.__name__) is cls, cls


@pytest.mark.parametrize("cls", error_classes(), ids=lambda cls: cls.__name__)
def test_docs_errors_md_lists_every_class_in_the_tree_and_the_table(
    cls: type[BaseException],
) -> None:
    text = DOCS.read_text(encoding="utf-8")
    tree = text.split("```", 2)[1]
    assert re.search(rf"(^|[─ ]){cls.__name__}\b", tree, re.MULTILINE), cls
    assert f"| `{cls.__name__}` |" in text, cls


def test_the_drawn_trees_agree_with_the_classes() -> None:
    """The module docstring's tree and docs/errors.md's show each class under its parent."""
    module_tree = (errors.__doc__ or "").split("::", 1)[1].split("\n\n")[1]
    docs_tree = DOCS.read_text(encoding="utf-8").split("```", 2)[1]
    for tree in (module_tree, docs_tree):
        assert parents(tree) == {
            cls.__name__: next(
                base.__name__ for base in cls.__bases__ if base.__module__ == errors.__name__
            )
            for cls in error_classes()
            if cls is not errors.NewsCorpusError
        }


def parents(tree: str) -> dict[str, str]:
    """Child -> parent, from a tree drawn with box characters (4 columns a level)."""
    stack: list[str] = []
    found: dict[str, str] = {}
    for line in textwrap.dedent(tree).splitlines():
        match = re.match(r"^([│ ├└─]*)([A-Z]\w+)", line)
        if not match:
            continue
        depth = len(match.group(1)) // 4
        del stack[depth:]
        if stack:
            found[match.group(2)] = stack[-1]
        stack.append(match.group(2))
    return found


@pytest.mark.parametrize(
    ("cls", "builtin"),
    [
        (errors.SourceNotFoundError, FileNotFoundError),
        (errors.CorpusNotFoundError, FileNotFoundError),
        (errors.SettingError, ValueError),
        (errors.CorpusFormatError, ValueError),
        (errors.RecordError, ValueError),
        (errors.WriterClosedError, ValueError),
        (errors.OutputError, ValueError),
        (errors.ResumeError, ValueError),
        (errors.RunFailedError, RuntimeError),
        (errors.MissingDependencyError, ImportError),
    ],
)
def test_classes_are_the_builtin_callers_expect(
    cls: type[BaseException], builtin: type[BaseException]
) -> None:
    assert issubclass(cls, builtin)


def test_errors_survive_pickling() -> None:
    """Worker processes send errors back to the parent."""
    samples: list[errors.NewsCorpusError] = [
        errors.ResumeError("not the same inputs", source="out"),
        errors.LimitError("max_document_bytes", 10, 5, source="a"),
        errors.MissingDependencyError("zstandard", "zstd", "reading .zst files"),
    ]
    for error in samples:
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)


def test_missing_dependency_error_names_module_and_extra() -> None:
    error = errors.MissingDependencyError("warcio.archiveiterator", "warc", "reading WARC files")
    assert str(error) == "reading WARC files needs warcio: pip install 'newscorpus[warc]'"
    assert error.name == "warcio.archiveiterator"
    assert (error.module, error.extra) == ("warcio.archiveiterator", "warc")


def test_the_old_read_error_name_still_imports_with_a_warning() -> None:
    import newscorpus.corpus

    with pytest.warns(DeprecationWarning, match="ReadFailure"):
        old = newscorpus.corpus.ReadError
    assert old is newscorpus.corpus.ReadFailure
    assert not issubclass(old, BaseException)
