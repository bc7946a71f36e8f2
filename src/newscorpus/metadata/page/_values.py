"""Declared values made tidy: text (entities, tags, whitespace), the strings of a JSON value,
the names of sites and organisations, tags, sections and language codes."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from newscorpus import tuning
from newscorpus.metadata._text import fold
from newscorpus.metadata.page._keys import ISO_639_1, LANGUAGE_ALIASES, LANGUAGE_NAMES

if TYPE_CHECKING:
    from newscorpus.metadata.page._jsonld import JsonLd


_TAG = re.compile(r"<[^<>]{0,500}>")
URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.", re.IGNORECASE)
_TAG_SPLIT = re.compile(r"[,;，；、]")
_MACHINE_TAG = re.compile(r"[_:=/\\|]")


def clean(value: Any) -> str | None:
    """A scalar as tidy text: entities decoded, tags stripped, whitespace normalised."""
    if type(value) is str:
        text = value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value)
    else:
        return None
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = " ".join(text.split())
    return text or None


def strings(
    value: Any, ld: JsonLd | None = None, *, keys: tuple[str, ...] = ("name",)
) -> list[str]:
    """The texts of a JSON value: a string, the ``keys`` of an object, the items of a list."""
    out: list[str] = []

    def walk(item: Any, depth: int) -> None:
        if depth > tuning.PAGE_JSON_MAX_DEPTH:
            return
        if isinstance(item, list):
            for inner in item:
                walk(inner, depth + 1)
            return
        if isinstance(item, dict):
            item = ld.resolve(item) if ld is not None else item
            for key in keys:
                if key in item:
                    walk(item[key], depth + 1)
                    return
            return
        text = clean(item)
        if text is not None:
            out.append(text)

    walk(value, 0)
    return out


def first_string(
    value: Any, ld: JsonLd | None = None, *, keys: tuple[str, ...] = ("name",)
) -> str | None:
    if type(value) is str:
        return clean(value)
    found = strings(value, ld, keys=keys)
    return found[0] if found else None


def organisation_name(value: Any, ld: JsonLd) -> str | None:
    """A site's or an organisation's name: text that is not an address."""
    text = first_string(value, ld)
    if text is None or URL_LIKE.match(text) or text.startswith("@"):
        return None
    return text if len(text) <= tuning.PAGE_SITE_NAME_MAX_CHARS else None


def split_tags(values: Iterable[str]) -> tuple[str, ...]:
    tags: list[str] = []
    seen: set[str] = set()
    for value in values:
        for piece in _TAG_SPLIT.split(value):
            tag = clean(piece)
            if tag is None:
                continue
            tag = tag.strip("\"'#")
            key = fold(tag)
            if not _is_label(tag) or key in seen:
                continue
            seen.add(key)
            tags.append(tag)
    return tuple(tags)


def _is_label(text: str) -> bool:
    """Whether a tag or a section reads as a label for people: not too long, starting with a
    letter or a digit, and not a machine's tag ("@post-id:1913719", "type_news", "/article")."""
    if not text or len(text) > tuning.PAGE_TAG_MAX_CHARS or not text[0].isalnum():
        return False
    return " " in text or not _MACHINE_TAG.search(text)


def clean_section(value: Any) -> str | None:
    text = clean(value)
    return text if text is not None and _is_label(text) and not URL_LIKE.match(text) else None


def language_code(value: Any) -> str | None:
    """An ISO 639-1 code from a declared language: "fr-FR", "fr_FR", "fra", "French"."""
    text = clean(value)
    if text is None:
        return None
    text = text.lower().replace("_", "-").split(",")[0].strip()
    primary = text.split("-")[0]
    if primary in ISO_639_1:
        return primary
    if primary in LANGUAGE_ALIASES:
        return LANGUAGE_ALIASES[primary]
    return LANGUAGE_NAMES.get(fold(text)) or LANGUAGE_NAMES.get(fold(primary))
