"""Loading the word lists in ``newscorpus/metadata/data/``, with their shape checked.

The lists are JSON so that adding a language is a data change, not a code change. Every file
has an ``_about`` key saying what it holds; keys starting with ``_`` are comments.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["entries", "load", "string_list", "string_table"]


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed data file ``name`` (read once per process).

    >>> sorted(load("months.json"))
    ['_about', 'languages']
    """
    text = resources.files("newscorpus.metadata").joinpath("data", name).read_text("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise TypeError(f"{name}: expected a JSON object")
    return data


def entries(mapping: Any, where: str) -> dict[str, Any]:
    """``mapping`` without its comment keys, checked to be a JSON object.

    >>> entries({"_about": "x", "en": [1]}, "demo")
    {'en': [1]}
    """
    if not isinstance(mapping, dict):
        raise TypeError(f"{where}: expected a JSON object")
    return {key: value for key, value in mapping.items() if not key.startswith("_")}


def string_list(value: Any, where: str) -> list[str]:
    """``value`` checked to be a list of strings.

    >>> string_list(["a", "b"], "demo")
    ['a', 'b']
    """
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise TypeError(f"{where}: expected a list of strings")
    return list(value)


def string_table(value: Any, where: str) -> list[list[str]]:
    """``value`` checked to be a list of lists of strings (month or weekday forms).

    >>> string_table([["january", "jan"], ["february"]], "demo")
    [['january', 'jan'], ['february']]
    """
    if not isinstance(value, list):
        raise TypeError(f"{where}: expected a list of lists of strings")
    return [string_list(row, f"{where}[{index}]") for index, row in enumerate(value)]
