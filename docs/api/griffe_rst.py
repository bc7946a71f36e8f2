"""A griffe extension for the API reference: newscorpus docstrings are written in a light
reStructuredText style (``:class:`~newscorpus.Article```, ``>>>`` doctest blocks, ``::``
literal blocks); this turns them into the Markdown that mkdocstrings renders.

- A role (``:class:``, ``:func:``, ``:meth:``, ``:mod:``, ``:data:``...) becomes a link when its
  target is a documented newscorpus object (resolved from the docstring's own module or class,
  so ``:class:`ReadFailure``` works inside ``newscorpus.corpus``), and inline code otherwise.
- A doctest block (``>>>`` lines and their output, up to a blank line) becomes a ``pycon``
  code block.
- A paragraph ending in ``::`` ends in ``:`` (the indented block after it is already code).

Loaded by ``mkdocs.yml`` (``plugins.mkdocstrings.handlers.python.options.extensions``).
"""

from __future__ import annotations

import html
import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:class|func|meth|attr|data|mod|exc|obj|const|py:\w+):`(?P<target>[^`]+)`")
_DOCTEST_START = re.compile(r"^(?P<indent>\s*)>>> ")


def _lookup(scope: griffe.Object | griffe.Alias, dotted: str) -> str | None:
    """The canonical path of ``dotted`` seen from ``scope``, or None when it is not found."""
    node: Any = scope
    for part in dotted.split("."):
        try:
            node = node.members[part]
        except (KeyError, griffe.AliasResolutionError):
            return None
    try:
        return str(node.canonical_path)
    except griffe.AliasResolutionError:
        return None


def _resolve(obj: griffe.Object, target: str, collection: griffe.ModulesCollection) -> str | None:
    if target.startswith("newscorpus.") or target == "newscorpus":
        if target == "newscorpus":
            return target
        return _lookup(collection["newscorpus"], target.removeprefix("newscorpus."))
    scope: griffe.Object | None = obj
    while scope is not None:
        found = _lookup(scope, target)
        if found is not None:
            return found
        scope = scope.parent
    return None


def _roles(text: str, obj: griffe.Object, collection: griffe.ModulesCollection) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        short = target.startswith("~")
        target = target.lstrip("~.")
        title = target.rsplit(".", 1)[-1] if short else target
        code = f"<code>{html.escape(title)}</code>"
        path = _resolve(obj, target, collection)
        if path is None:
            return code
        return f'<autoref identifier="{html.escape(path)}" optional>{code}</autoref>'

    return _ROLE.sub(replace, text)


def _blocks(text: str) -> str:
    """Fence doctest blocks and turn ``::`` paragraph ends into ``:``."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    fenced = False
    while index < len(lines):
        line = lines[index]
        if line.lstrip().startswith("```"):
            fenced = not fenced
        start = None if fenced else _DOCTEST_START.match(line)
        if start is None:
            if line.rstrip().endswith("::") and not line.strip().startswith(".."):
                line = line.rstrip()[:-1]
            out.append(line)
            index += 1
            continue
        indent = start["indent"]
        out.append(f"{indent}```pycon")
        while index < len(lines) and lines[index].strip():
            out.append(lines[index])
            index += 1
        out.append(f"{indent}```")
    return "\n".join(out)


class RstDocstrings(griffe.Extension):
    """Rewrite every newscorpus docstring once the package is loaded."""

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Walk the package (not through aliases) and rewrite each docstring."""
        seen: set[str] = set()
        stack: list[griffe.Object] = [pkg]
        while stack:
            obj = stack.pop()
            if obj.path in seen:
                continue
            seen.add(obj.path)
            if obj.docstring is not None:
                value = _roles(obj.docstring.value, obj, loader.modules_collection)
                obj.docstring.value = _blocks(value)
            stack.extend(member for member in obj.members.values() if not member.is_alias)
