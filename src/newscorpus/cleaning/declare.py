"""Declaring a cleaning step: one decorator, and what a step's identity is made of.

:func:`cleaning_step` turns a class into a step: a frozen attrs class whose fields are its
settings (keyword-only, defaults from :mod:`newscorpus.tuning` for the built-in steps),
registered in :data:`newscorpus.cleaners` under the default of its ``name`` field. Changing a
threshold is building the step with another value, never patching a module:

>>> from newscorpus.draft import Draft
>>> @cleaning_step(register=False)
... class DropShort:
...     '''Drop blocks shorter than ``min_chars`` characters.'''
...     name: str = "short"
...     min_chars: int = 4
...     def __call__(self, draft: Draft) -> None:
...         for block in draft.iter_kept():
...             if len(block.text) < self.min_chars:
...                 draft.drop(block, "too short", "short.too-short")
>>> DropShort(min_chars=10)
DropShort(name='short', min_chars=10)
>>> step_spec(DropShort(min_chars=10))["settings"]
{'min_chars': 10}

:func:`step_spec` is a step's part of a pipeline's identity
(:meth:`newscorpus.Pipeline.spec`): its name, its type and its settings as plain JSON values.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

import attrs

from newscorpus.errors import PipelineError

if TYPE_CHECKING:
    from newscorpus.cleaning.pipeline import Step

__all__ = ["cleaning_step", "step_spec"]

C = TypeVar("C", bound=type)


@overload
def cleaning_step(cls: C, /) -> C: ...


@overload
def cleaning_step(
    *, origin: str = "code", replace: bool = False, register: bool = True
) -> Callable[[C], C]: ...


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(attrs.field,))
def cleaning_step(
    cls: C | None = None,
    /,
    *,
    origin: str = "code",
    replace: bool = False,
    register: bool = True,
) -> C | Callable[[C], C]:
    """Declare a cleaning step: make ``cls`` a frozen attrs class with keyword-only fields
    (its settings) and register it in :data:`newscorpus.cleaners` under its name.

    The class declares ``name: str = "..."`` (the step's name, which its removals and edits
    carry, and the name it is registered under), its settings as fields with defaults, and a
    ``__call__(draft)``. ``origin`` says where the registration comes from (``"code"`` for
    yours), ``replace`` allows taking a registered name, and ``register=False`` only declares.
    Instances are hashable (their hash is cached: memoised helpers may take a step as an
    argument) and pickle, so corpus workers can receive them.

    >>> @cleaning_step(register=False)
    ... class DropAds:
    ...     name: str = "ads"
    ...     marker: str = "Advertisement"
    ...     def __call__(self, draft: Draft) -> None:
    ...         for block in draft.iter_kept():
    ...             if block.text == self.marker:
    ...                 draft.drop(block, "advertising label", "ads.label")
    >>> DropAds(marker="Anzeige").marker
    'Anzeige'
    >>> DropAds().marker = "Ad"
    Traceback (most recent call last):
    ...
    attr.exceptions.FrozenInstanceError: can't set attribute
    """

    def declare(target: C) -> C:
        step = attrs.frozen(target, kw_only=True, cache_hash=True)
        name = attrs.fields_dict(step).get("name")
        if name is None or not isinstance(name.default, str) or not name.default:
            raise PipelineError(
                f"{target.__qualname__} needs a field 'name: str = \"...\"': a step's name"
            )
        if register:
            from newscorpus.registry import cleaners

            cleaners.register(name.default, step, origin=origin, replace=replace)
        return step

    return declare if cls is None else declare(cls)


def step_spec(step: Step) -> dict[str, Any]:
    """A step's identity as plain JSON values: ``{"name", "type", "settings"}``.

    ``settings`` holds the step's attrs fields but ``name``, in declaration order; a step
    that is not an attrs class has none. Tuples and lists become lists, sets sorted lists,
    compiled patterns their source; any other value its ``repr`` (give a step values that
    print the same in every process, or its pipeline's fingerprint will not be stable).

    >>> from newscorpus.cleaning.steps import Boilerplate
    >>> step_spec(Boilerplate(stray_label_max_words=3))
    {'name': 'boilerplate', 'type': 'newscorpus.cleaning.steps.boilerplate.Boilerplate', \
'settings': {'stray_label_max_words': 3}}
    """
    kind = type(step)
    settings: dict[str, Any] = {}
    if attrs.has(kind):
        for setting in attrs.fields(kind):
            if setting.name != "name":
                settings[setting.name] = _plain(getattr(step, setting.name))
    return {
        "name": step.name,
        "type": f"{kind.__module__}.{kind.__qualname__}",
        "settings": settings,
    }


def _plain(value: object) -> Any:
    """``value`` as JSON values that are the same in every process."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, tuple | list):
        return [_plain(item) for item in value]
    if isinstance(value, frozenset | set):
        return sorted((_plain(item) for item in value), key=repr)
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, re.Pattern):
        return value.pattern
    kind = type(value)
    if attrs.has(kind):
        return {item.name: _plain(getattr(value, item.name)) for item in attrs.fields(kind)}
    return repr(value)
