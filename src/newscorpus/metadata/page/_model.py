"""The record of what a page declares about itself: :class:`PageMetadata`."""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import field, frozen, validators

__all__ = ["PageMetadata"]


_text = validators.optional(validators.instance_of(str))
_texts = validators.deep_iterable(validators.instance_of(str), validators.instance_of(tuple))


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
    sources: tuple[tuple[str, str], ...] = field(
        default=(),
        validator=validators.deep_iterable(
            validators.deep_iterable(validators.instance_of(str), validators.instance_of(tuple)),
            validators.instance_of(tuple),
        ),
    )

    def source(self, name: str) -> str | None:
        """The source that gave field ``name``, or None when the field is not set."""
        for field_name, source in self.sources:
            if field_name == name:
                return source
        return None
