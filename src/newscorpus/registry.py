"""Registries: extension by name, in code or through an installed package's entry points.

Two registries exist: :data:`parsers` (entry-point group ``newscorpus.parsers``) and
:data:`cleaners`, the cleaning steps (entry-point group ``newscorpus.steps``; the older group
name ``newscorpus.cleaners`` is still read, so plugins declared under it keep working; where
both declare a name, ``newscorpus.steps`` wins). Register in code with the
decorator, or ship a package that declares an entry point; plugins are discovered lazily, the
first time a registry is asked for a name it does not know or for its full listing. A plugin
that fails to load, or that reuses a taken name, is skipped with a warning, never a crash.

>>> from newscorpus.registry import Registry
>>> shapes: Registry[int] = Registry("shapes", entry_point_group=None)
>>> @shapes.register("answer")
... def answer() -> int:
...     return 42
>>> shapes.get("answer")()
42
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from importlib import metadata
from typing import TYPE_CHECKING, Generic, TypeVar, cast, overload

from attrs import frozen

from newscorpus.errors import RegistryError

if TYPE_CHECKING:
    from newscorpus.cleaning.pipeline import StepFactory
    from newscorpus.formats.base import Parser

__all__ = ["Registration", "Registry", "cleaners", "parsers"]

T = TypeVar("T")
V = TypeVar("V")


@frozen
class Registration(Generic[T]):
    """One registered object, its name and where it came from (``"builtin"``, ``"code"`` or
    ``"entry point <value>"``).

    >>> from newscorpus import parsers
    >>> [(entry.name, entry.origin) for entry in parsers if entry.name == "dump"]
    [('dump', 'builtin')]
    """

    name: str
    value: T
    origin: str


class Registry(Generic[T]):
    """Objects registered by name, with lazy discovery of entry-point plugins.

    >>> colours: Registry[str] = Registry("colours", entry_point_group=None)
    >>> colours.register("sky", "blue")
    'blue'
    >>> colours.get("sky"), "sky" in colours, colours.names()
    ('blue', True, ['sky'])
    >>> colours.get("sea")
    Traceback (most recent call last):
    ...
    newscorpus.errors.RegistryError: no colours named 'sea' (registered: sky)
    """

    def __init__(
        self, kind: str, *, entry_point_group: str | None, older_groups: tuple[str, ...] = ()
    ) -> None:
        self.kind = kind
        self.entry_point_group = entry_point_group
        #: Former names of the entry-point group, still read after it (plugins keep working).
        self.older_groups = older_groups
        self._entries: dict[str, Registration[T]] = {}
        self._discovered = entry_point_group is None

    @overload
    def register(
        self, name: str, value: None = None, *, origin: str = "code", replace: bool = False
    ) -> Callable[[V], V]: ...

    @overload
    def register(
        self, name: str, value: T, *, origin: str = "code", replace: bool = False
    ) -> T: ...

    def register(
        self, name: str, value: T | None = None, *, origin: str = "code", replace: bool = False
    ) -> T | Callable[[V], V]:
        """Register ``value`` under ``name``; without ``value``, return a decorator that does
        and gives back what it decorates, unchanged.

        Registering a taken name raises :class:`~newscorpus.RegistryError` unless ``replace``.
        """
        if value is None:

            def decorator(obj: V) -> V:
                self.register(name, cast(T, obj), origin=origin, replace=replace)
                return obj

            return decorator
        if not name or not isinstance(name, str):
            raise RegistryError(f"a {self.kind} needs a non-empty name, not {name!r}")
        if name in self._entries and not replace:
            taken = self._entries[name]
            raise RegistryError(
                f"{self.kind} name {name!r} is already registered (from {taken.origin})"
            )
        self._entries[name] = Registration(name, value, origin)
        return value

    def unregister(self, name: str) -> None:
        """Remove ``name``; a name that is not registered raises RegistryError."""
        if self._entries.pop(name, None) is None:
            raise RegistryError(f"no {self.kind} named {name!r} is registered")

    def get(self, name: str) -> T:
        """The object registered as ``name``, discovering plugins if needed."""
        if name not in self._entries:
            self.discover()
        try:
            return self._entries[name].value
        except KeyError:
            known = ", ".join(sorted(self._entries)) or "none"
            raise RegistryError(f"no {self.kind} named {name!r} (registered: {known})") from None

    def __contains__(self, name: object) -> bool:
        if name not in self._entries:
            self.discover()
        return name in self._entries

    def __iter__(self) -> Iterator[Registration[T]]:
        self.discover()
        return iter(list(self._entries.values()))

    def names(self) -> list[str]:
        """Every registered name, plugins included, in registration order."""
        return [entry.name for entry in self]

    def discover(self, *, again: bool = False) -> None:
        """Load the entry points of :attr:`entry_point_group` (then of :attr:`older_groups`)
        once; later calls do nothing, unless ``again`` (after installing a plugin in a running
        process). Names already registered are kept."""
        if (self._discovered and not again) or self.entry_point_group is None:
            return
        self._discovered = True
        for group in (self.entry_point_group, *self.older_groups):
            for entry_point in metadata.entry_points(group=group):
                self._load(entry_point, group)

    def _load(self, entry_point: metadata.EntryPoint, group: str) -> None:
        package = entry_point.dist.name if entry_point.dist else "unknown package"
        older = "" if group == self.entry_point_group else f", group {group}"
        origin = f"entry point {entry_point.value} ({package}{older})"
        if entry_point.name in self._entries:
            if self._entries[entry_point.name].origin == origin:
                return  # found by an earlier discovery
            warnings.warn(
                f"{self.kind} plugin {entry_point.name!r} from {origin} is skipped: the "
                f"name is taken by {self._entries[entry_point.name].origin}",
                RuntimeWarning,
                stacklevel=3,
            )
            return
        try:
            value = entry_point.load()
        except Exception as error:  # a broken plugin must not break the library
            warnings.warn(
                f"{self.kind} plugin {entry_point.name!r} from {origin} failed to load: "
                f"{type(error).__name__}: {error}",
                RuntimeWarning,
                stacklevel=3,
            )
            return
        self._entries[entry_point.name] = Registration(entry_point.name, value, origin)


#: Parsers by name: objects following :class:`newscorpus.formats.base.Parser`.
parsers: Registry[Parser] = Registry("parser", entry_point_group="newscorpus.parsers")
#: Cleaning steps by name: callables that build a step from keyword settings. Plugins declare
#: them in the entry-point group ``newscorpus.steps`` (or its older name ``newscorpus.cleaners``).
cleaners: Registry[StepFactory] = Registry(
    "cleaning step", entry_point_group="newscorpus.steps", older_groups=("newscorpus.cleaners",)
)
