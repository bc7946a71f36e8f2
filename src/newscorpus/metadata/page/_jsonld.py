"""JSON-LD: finding the JSON in a page's scripts (repaired when that is cheap), indexing its
objects, and picking the article, the web page, the site and the organisations."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from typing import Any

from newscorpus import tuning
from newscorpus.metadata.page._items import JSON_LD, Item
from newscorpus.metadata.page._keys import ARTICLE_TYPES, PAGE_TYPES, SITE_TYPES
from newscorpus.metadata.page._urls import url_key
from newscorpus.metadata.page._values import first_string

#: JSON-LD repairs (see ``_repair_json``): where strings, comments and commas start; a whole
#: string in double or single quotes; a closing bracket after a comma.
_JSON_SPECIAL = re.compile(r"[\"',/]")
_JSON_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_SINGLE = re.compile(r"'(?:[^'\\]|\\.)*'", re.DOTALL)
_JSON_CLOSER = re.compile(r"\s*+(?://[^\n]*+\s*+)*+[\]}]")
#: What may wrap a script's JSON: an HTML comment or a CDATA section, commented out or not.
_JSON_WRAPPERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"))
_JSON_SEPARATOR = re.compile(r"[\s,;]*")
_DECODER = json.JSONDecoder(strict=False)


class JsonLd:
    """The JSON-LD objects of a page: the article, the web page, the site and organisations."""

    def __init__(self, scripts: list[str]) -> None:
        self.ids: dict[str, dict[str, Any]] = {}
        self.top: list[dict[str, Any]] = []
        self.top_types: list[frozenset[str]] = []
        for script in scripts:
            for value in _json_values(script):
                self._index(value, 0)
                self._add_top(value, 0)
        self.article: dict[str, Any] | None = None
        self.page: dict[str, Any] | None = None

    def _index(self, value: Any, depth: int) -> None:
        if depth > tuning.PAGE_JSON_MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                self._index(item, depth + 1)
        elif isinstance(value, dict):
            key = value.get("@id")
            if isinstance(key, str) and len(value) > 1:
                self.ids.setdefault(key, value)
            for item in value.values():
                if isinstance(item, (dict, list)):
                    self._index(item, depth + 1)

    def _add_top(self, value: Any, depth: int) -> None:
        if depth > tuning.PAGE_JSON_MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                self._add_top(item, depth + 1)
        elif isinstance(value, dict):
            value = self.resolve(value)
            types = types_of(value)
            if types:
                self.top.append(value)
                self.top_types.append(types)
            for key in ("@graph", "mainEntity"):
                inner = value.get(key)
                if isinstance(inner, (dict, list)):
                    self._add_top(inner, depth + 1)

    def resolve(self, value: Any) -> Any:
        """The object an ``{"@id": ...}`` reference points to, else ``value``."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self.ids.get(value["@id"], value)
        return value

    def choose(self, identities: list[str]) -> None:
        """Pick the article object and the web page object: the first whose address is the
        first of ``identities`` (the page's URL, its canonical link, og:url) that one has,
        else the first of its kind."""
        keys = [url_key(identity) for identity in identities if identity]
        self.article = _matching(self.of_types(ARTICLE_TYPES), keys, self)
        self.page = _matching(self.of_types(PAGE_TYPES), keys, self)

    def of_types(self, types: frozenset[str]) -> list[dict[str, Any]]:
        return [
            node
            for node, node_types in zip(self.top, self.top_types, strict=True)
            if node_types & types
        ]

    def items(self, key: str, *, page: bool = True) -> Iterator[Item]:
        """``key`` of the article object, then (with ``page``) of the web page object."""
        nodes = [self.article, self.page] if page else [self.article]
        for node in nodes:
            if node is not None and key in node:
                source = f"json-ld:{type_name(node)}.{key}"
                yield Item(source, self.resolve(node[key]), JSON_LD)

    def article_addresses(self) -> Iterator[Item]:
        """The addresses the article object gives for its page."""
        for node in (self.article,) if self.article is not None else ():
            for key in ("mainEntityOfPage", "url"):
                value = self.resolve(node.get(key))
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str):
                    yield Item(f"json-ld:{type_name(node)}.{key}", value, JSON_LD)

    def language_items(self) -> Iterator[Item]:
        """``inLanguage`` of the article, the web page, then any article, page or site."""
        nodes = [self.article, self.page, *self.of_types(ARTICLE_TYPES | PAGE_TYPES)]
        for node in [*nodes, *self.of_types(SITE_TYPES)]:
            if node is not None and "inLanguage" in node:
                value = first_string(node["inLanguage"], self, keys=("alternateName", "name"))
                yield Item(f"json-ld:{type_name(node)}.inLanguage", value, JSON_LD)


def _matching(nodes: list[dict[str, Any]], keys: list[str], ld: JsonLd) -> dict[str, Any] | None:
    if len(nodes) <= 1:
        return nodes[0] if nodes else None
    addresses = [{url_key(address) for address in _node_addresses(node, ld)} for node in nodes]
    for key in keys:
        for node, known in zip(nodes, addresses, strict=True):
            if key in known:
                return node
    return nodes[0]


def _node_addresses(node: dict[str, Any], ld: JsonLd) -> Iterator[str]:
    for key in ("url", "@id", "mainEntityOfPage"):
        value = ld.resolve(node.get(key))
        if isinstance(value, dict):
            value = value.get("@id") or value.get("url")
        if isinstance(value, str):
            yield value


def _json_values(text: str) -> list[Any]:
    """The JSON values in a script, repaired when cheap; [] when it is not JSON."""
    text = text.strip()
    for start, end in _JSON_WRAPPERS:
        text = text.removeprefix(start).removesuffix(end).strip()
    if not text:
        return []
    attempts = [text]
    if "&quot;" in text or "&#" in text:
        attempts.append(html.unescape(text))
    for attempt in attempts:
        try:
            return _decode_all(attempt)
        except (ValueError, RecursionError):
            pass
        repaired = (
            _repair_json(attempt) if len(attempt) <= tuning.PAGE_JSON_REPAIR_MAX_CHARS else None
        )
        if repaired is not None:
            try:
                return _decode_all(repaired)
            except (ValueError, RecursionError):
                pass
    return []


def _decode_all(text: str) -> list[Any]:
    """Every JSON value in ``text`` (several may follow one another); text after the last
    one that does not parse is ignored."""
    values: list[Any] = []
    position = _after_separators(text, 0)
    while position < len(text):
        try:
            value, position = _DECODER.raw_decode(text, position)
        except ValueError:
            if values:
                break
            raise
        values.append(value)
        position = _after_separators(text, position)
    return values


def _after_separators(text: str, position: int) -> int:
    match = _JSON_SEPARATOR.match(text, position)
    return match.end() if match is not None else position


def _repair_json(text: str) -> str | None:
    """``text`` with the cheap mistakes of hand-written JSON-LD mended: line comments and
    trailing commas dropped, single-quoted strings requoted, ``\\'`` unescaped. One pass, so
    linear; None when a string never ends (nothing cheap mends that)."""
    out: list[str] = []
    position = 0
    while True:
        match = _JSON_SPECIAL.search(text, position)
        if match is None:
            out.append(text[position:])
            return "".join(out)
        at = match.start()
        out.append(text[position:at])
        char = text[at]
        if char in "\"'":
            string = (_JSON_DOUBLE if char == '"' else _JSON_SINGLE).match(text, at)
            if string is None:
                return None
            token = string.group().replace("\\'", "'")
            if char == "'":
                token = '"' + token[1:-1].replace('"', '\\"') + '"'
            out.append(token)
            position = string.end()
        elif char == "/":
            if text.startswith("//", at):
                newline = text.find("\n", at)
                position = len(text) if newline < 0 else newline
            else:
                out.append(char)
                position = at + 1
        else:  # a comma, dropped before a closing bracket
            if not _JSON_CLOSER.match(text, at + 1):
                out.append(char)
            position = at + 1


def schema_types(value: Any) -> frozenset[str]:
    """Lower-case schema.org type names without their namespace ("http://schema.org/Article",
    "schema:Article" and ["Article"] are all "article")."""
    if isinstance(value, str):
        names = value.split()
    elif isinstance(value, list):
        names = [item for item in value if isinstance(item, str)]
    else:
        return frozenset()
    return frozenset(
        name.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for name in names
    )


def types_of(node: dict[str, Any]) -> frozenset[str]:
    return schema_types(node.get("@type", node.get("type")))


def type_name(node: dict[str, Any]) -> str:
    value = node.get("@type", node.get("type"))
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return str(value).rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "Thing"
