"""The record of what a page declares about itself: :class:`PageMetadata`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import Attribute, field, frozen, validators

__all__ = ["PageMetadata"]


_TEXT = validators.instance_of(str)
_TEXTS = validators.deep_iterable(_TEXT, validators.instance_of(tuple))
_SOURCES = validators.deep_iterable(_TEXTS, validators.instance_of(tuple))


# Plain functions that pass a good value at once and leave a wrong one to attrs' validators,
# which raise with their messages (attrs' validator objects cost several times as much, and
# every page builds one record).
def _text(instance: Any, attribute: Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, str):
        _TEXT(instance, attribute, value)


def _texts(instance: Any, attribute: Attribute[Any], value: Any) -> None:
    if type(value) is not tuple or not all(isinstance(member, str) for member in value):
        _TEXTS(instance, attribute, value)


def _sources(instance: Any, attribute: Attribute[Any], value: Any) -> None:
    """A tuple of (field, source) pairs (attrs' check takes tuples of strings of any length)."""
    if type(value) is not tuple or not all(
        type(pair) is tuple
        and len(pair) == 2
        and isinstance(pair[0], str)
        and isinstance(pair[1], str)
        for pair in value
    ):
        _SOURCES(instance, attribute, value)


def _is_date(_: object, attribute: Any, value: object) -> None:
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"{attribute.name} must be a date, a datetime or None, not {value!r}")


@frozen
class PageMetadata:
    """What a page declares about itself, reconciled (see :mod:`newscorpus.metadata.page`).

    Every field is optional. ``published`` and ``modified`` are a :class:`datetime.datetime`
    when the page gives a time (aware when it gives a zone), else a :class:`datetime.date`.
    ``sources`` pairs each field that is set with the source that gave it, such as
    ``("title", "json-ld:NewsArticle.headline")`` or ``("authors", "meta:author")``.

    >>> PageMetadata(title="Stalled talks", authors=("Jane Doe",)).authors
    ('Jane Doe',)
    >>> PageMetadata(sources=(("title", "meta:og:title"),)).source("title")
    'meta:og:title'
    """

    title: str | None = field(default=None, validator=_text)
    authors: tuple[str, ...] = field(default=(), validator=_texts)
    agency: str | None = field(default=None, validator=_text)
    published: dt.date | dt.datetime | None = field(default=None, validator=_is_date)
    modified: dt.date | dt.datetime | None = field(default=None, validator=_is_date)
    site_name: str | None = field(default=None, validator=_text)
    publisher: str | None = field(default=None, validator=_text)
    language: str | None = field(default=None, validator=_text)
    canonical_url: str | None = field(default=None, validator=_text)
    description: str | None = field(default=None, validator=_text)
    section: str | None = field(default=None, validator=_text)
    tags: tuple[str, ...] = field(default=(), validator=_texts)
    top_image: str | None = field(default=None, validator=_text)
    sources: tuple[tuple[str, str], ...] = field(default=(), validator=_sources)

    def source(self, name: str) -> str | None:
        """The source that gave field ``name``, or None when the field is not set."""
        for field_name, source in self.sources:
            if field_name == name:
                return source
        return None
