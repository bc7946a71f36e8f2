"""The record of what a page declares about itself: :class:`PageMetadata`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import Attribute, field, frozen, validators

from newscorpus.models._checks import is_date as _is_date
from newscorpus.models._checks import optional_text, tuple_of

__all__ = ["PageMetadata"]


_TEXTS = validators.deep_iterable(validators.instance_of(str), validators.instance_of(tuple))
_SOURCES = validators.deep_iterable(_TEXTS, validators.instance_of(tuple))
_TEXT_TUPLE = tuple_of(str)


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

    title: str | None = field(default=None, validator=optional_text)
    authors: tuple[str, ...] = field(default=(), validator=_TEXT_TUPLE)
    agency: str | None = field(default=None, validator=optional_text)
    published: dt.date | dt.datetime | None = field(default=None, validator=_is_date)
    modified: dt.date | dt.datetime | None = field(default=None, validator=_is_date)
    site_name: str | None = field(default=None, validator=optional_text)
    publisher: str | None = field(default=None, validator=optional_text)
    language: str | None = field(default=None, validator=optional_text)
    canonical_url: str | None = field(default=None, validator=optional_text)
    description: str | None = field(default=None, validator=optional_text)
    section: str | None = field(default=None, validator=optional_text)
    tags: tuple[str, ...] = field(default=(), validator=_TEXT_TUPLE)
    top_image: str | None = field(default=None, validator=optional_text)
    sources: tuple[tuple[str, str], ...] = field(default=(), validator=_sources)

    def source(self, name: str) -> str | None:
        """The source that gave field ``name``, or None when the field is not set."""
        for field_name, source in self.sources:
            if field_name == name:
                return source
        return None
