"""Authors: the people an author value names (JSON-LD objects, bylines in ``<meta>``), and the
news agency it credits."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Any, NamedTuple

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._names import byline_words, is_declared_name, is_person_name
from newscorpus.metadata._text import fold
from newscorpus.metadata.agencies import agency_named, find_agency
from newscorpus.metadata.bylines import parse_byline
from newscorpus.metadata.page._jsonld import JsonLd, types_of
from newscorpus.metadata.page._keys import ORGANIZATION_TYPES, PERSON_TYPES
from newscorpus.metadata.page._values import (
    URL_LIKE,
    clean,
    first_string,
    strings,
)

#: (?<![\w.+-]): an address is tried from the start of a word only (from each letter of a long
#: word without "@" it was quadratic).
_EMAIL = re.compile(r"(?:mailto:)?(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LAST_FIRST = re.compile(r"^([^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)$")


class Organizations(NamedTuple):
    """A JSON-LD value that names organisations only (``sourceOrganization``...)."""

    value: Any


def people_in(
    value: Any, ld: JsonLd, site_name: str | None, *, declared: bool = False
) -> tuple[list[str], str | None]:
    """The people an author value names, and the agency it credits. A value the page declares
    to be a person (a JSON-LD ``Person``; ``declared``: a ``rel=author`` link or an author
    ``<meta>``) may name one in lower case or by a pen name (:func:`is_declared_name`)."""
    people: list[str] = []
    agency: str | None = None
    if isinstance(value, Organizations):
        for text in strings(value.value, ld):
            agency = agency or agency_named(text)
        return people, agency
    for text, kind in _author_texts(value, ld):
        if kind == "organization":
            agency = agency or agency_named(text)
            continue
        names, credited = _byline_people(text, site_name, declared or kind == "person")
        people.extend(names)
        agency = agency or credited
    return people, agency


def _author_texts(value: Any, ld: JsonLd) -> Iterator[tuple[str, str]]:
    """(text, kind) for each author in a JSON-LD author value or a meta content, in order, up
    to ``tuning.PAGE_AUTHORS_MAX`` of them; kind is "organization", "person" or "unknown"."""
    stack: deque[tuple[Any, int]] = deque([(value, 0)])
    count = 0
    while stack and count < tuning.PAGE_AUTHORS_MAX:
        item, depth = stack.popleft()
        if depth > tuning.PAGE_JSON_MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack.extendleft(
                (inner, depth + 1) for inner in reversed(item[: tuning.PAGE_AUTHORS_MAX])
            )
            continue
        count += 1
        if isinstance(item, dict):
            item = ld.resolve(item)
            types = types_of(item)
            kind = (
                "organization"
                if types & ORGANIZATION_TYPES
                else "person"
                if types & PERSON_TYPES
                else "unknown"
            )
            name = item.get("name")
            if name is None and ("givenName" in item or "familyName" in item):
                parts = [first_string(item.get(key)) for key in ("givenName", "familyName")]
                name = " ".join(part for part in parts if part)
            for text in strings(name, ld):
                yield text, kind
            continue
        scalar = clean(item)
        if scalar is not None:
            yield scalar, "unknown"


@memoized
def _byline_people(
    text: str, site_name: str | None, person: bool
) -> tuple[tuple[str, ...], str | None]:
    """The people and the agency a declared author names ("Jane Doe and John Roe",
    "By Jane Doe | Reuters", "Doe, Jane"); nothing for an address, a desk or a title. A
    ``person`` value that reads as no byline is one name if :func:`is_declared_name` says so."""
    if URL_LIKE.match(text) or len(text) > tuning.PAGE_AUTHOR_MAX_CHARS:
        return (), None
    if "@" in text:
        text = _EMAIL.sub(" ", text)
    text = text.strip(" ()[]<>,;|")
    if not text:
        return (), None
    if is_person_name(text):
        return ((text,), None) if site_name is None or fold(text) != fold(site_name) else ((), None)
    found = parse_byline(text, site_name=site_name)
    for attempt in _byline_readings(text):
        if found is not None and found.authors:
            break
        again = parse_byline(attempt, site_name=site_name)
        if again is not None and (again.authors or found is None):
            found = again
    if found is None:
        agency = find_agency(text)
        if agency is None and person and is_declared_name(text):
            return (text,), None
        return (), agency
    return found.authors, found.agency


def _byline_readings(text: str) -> Iterator[str]:
    """Other ways to read an author value as a byline: after a "By", from a marker a few
    words in ("Analysis by Jane Doe"), and "Doe, Jane" as "Jane Doe"."""
    yield f"By {text}"
    tokens = text.split()
    markers = byline_words().markers
    for index in range(1, min(len(tokens), tuning.PAGE_AUTHOR_MARKER_MAX_POSITION + 1)):
        if fold(tokens[index]) in markers:
            yield " ".join(tokens[index:])
            break
    match = _LAST_FIRST.match(text)
    if match is not None:
        yield f"By {match[2]} {match[1]}"
