"""Field validators for the models a page fills hundreds of times (removals, links, blocks,
the page's metadata).

Each is a plain function that passes the usual value at once and leaves a wrong one to attrs'
own validator, which raises with its message: an attrs validator object's call costs about
twice a function's, and a page builds thousands of fields.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
from attrs import validators

__all__ = ["is_date", "optional_text", "text", "tuple_of"]

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]

_TEXT = validators.instance_of(str)


def text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A ``str``."""
    if not isinstance(value, str):
        _TEXT(instance, attribute, value)


def optional_text(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    """A ``str`` or None."""
    if value is not None and not isinstance(value, str):
        _TEXT(instance, attribute, value)


def tuple_of(kind: type[Any]) -> Validator:
    """A tuple whose members are all ``kind``."""
    members = validators.deep_iterable(validators.instance_of(kind), validators.instance_of(tuple))

    is_member = kind.__instancecheck__  # isinstance(member, kind), mapped in C: no generator

    def check(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not tuple or not all(map(is_member, value)):
            members(instance, attribute, value)

    return check


def is_date(_: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A :class:`datetime.date` (a datetime is one) or None."""
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"{attribute.name} must be a date, a datetime or None, not {value!r}")
