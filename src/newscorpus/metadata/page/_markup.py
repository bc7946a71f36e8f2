"""The evidence in a page's markup, gathered in one walk over the tree: ``<meta>`` (OpenGraph,
Twitter and the rest), ``<link>``, ``<title>``, ``<base>``, ``<html lang>``, JSON-LD scripts,
``<time>`` elements; and, in a second walk on demand, microdata and author links. With the
readers of an element's value (item properties, ``<time>`` elements)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from newscorpus import tuning
from newscorpus.metadata.dates import date_label
from newscorpus.metadata.page._items import MICRODATA, TIME, Item, meta_item
from newscorpus.metadata.page._jsonld import JsonLd, schema_types
from newscorpus.metadata.page._keys import ARTICLE_TYPES, PAGE_TYPES
from newscorpus.metadata.page._urls import is_http
from newscorpus.metadata.page._values import clean

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped, unused-ignore]


#: Classes and ids of ``<time>`` elements (and of their parents) that say what the time is.
_PUBLISHED_CLASS = re.compile(
    r"publish|pubdate|posted|post-?date|entry-date|article-?date|created|first", re.IGNORECASE
)
_MODIFIED_CLASS = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)


@cache
def _microdata_xpath() -> Callable[[Any], list[Any]]:
    """Every ``itemprop`` attribute, and the ``rel`` of every link (for ``rel="author"``)."""
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    xpath: Callable[[Any], list[Any]] = etree.XPath("//@itemprop | //a/@rel")
    return xpath


class Evidence:
    """Everything the page declares, gathered in one walk over the tree; item properties on
    other elements than ``<meta>``, ``<link>`` and ``<time>``, and author links, in a second
    walk, on demand (:meth:`read_microdata`)."""

    def __init__(self, root: HtmlElement, url: str | None) -> None:
        self.root = root
        self.url = url if url and is_http(url) else None
        self.meta: dict[str, list[str]] = {}
        #: itemprop name (lower-case) -> (element, its article item or None), in document order.
        self.micro: dict[str, list[tuple[Any, Any]]] = {}
        self.author_links: list[Any] = []
        self.micro_done = False
        #: Article items (``itemscope`` elements) -> how many properties they hold.
        self._article_items: dict[Any, int] = {}
        self._scopes: dict[Any, Any] = {}
        self.scripts: list[str] = []
        self.times: list[Any] = []
        self.canonical: str | None = None
        self.image_src: str | None = None
        self.base: str | None = None
        self.title: str | None = None
        html_element = root if root.tag == "html" else root.getroottree().getroot()
        #: The languages ``<html>`` declares, as (source, value).
        self.lang: list[tuple[str, str | None]] = [
            ("html:lang", html_element.get("lang")),
            ("html:xml:lang", html_element.get("{http://www.w3.org/XML/1998/namespace}lang")),
            ("html:xml:lang", html_element.get("xml:lang")),
        ]
        self._scan()
        self.ld = JsonLd(self.scripts)

    def _scan(self) -> None:
        for element in self.root.iter("meta", "link", "script", "time", "title", "base"):
            tag = element.tag
            if tag == "meta":
                self._meta(element)
            elif tag == "script":
                kind = element.get("type")
                if kind and "ld+json" in kind.lower() and element.text:
                    self.scripts.append(element.text)
            elif tag == "link":
                self._link(element)
            elif tag == "time":
                self.times.append(element)
                if element.get("itemprop"):
                    self._add_micro(element)
            elif tag == "title":
                if self.title is None and not _in_svg(element):
                    self.title = "".join(element.itertext())
            elif self.base is None:
                self.base = element.get("href")

    def _meta(self, element: Any) -> None:
        content = element.get("content")
        if content is None:
            return
        if element.get("itemprop"):
            self._add_micro(element)
            return
        for attribute in ("property", "name", "http-equiv"):
            key = element.get(attribute)
            if key:
                self.meta.setdefault(key.strip().lower(), []).append(content)

    def _link(self, element: Any) -> None:
        if element.get("itemprop"):
            self._add_micro(element)
        href = element.get("href")
        if not href:
            return
        rel = (element.get("rel") or "").lower().split()
        if "canonical" in rel and self.canonical is None:
            self.canonical = href
        elif "image_src" in rel and self.image_src is None:
            self.image_src = href

    def _add_micro(self, element: Any) -> None:
        """Keep an item property of an article item, of a web page item or of no item (the
        properties of other items, such as a comment's author, are not the page's)."""
        scope = self._scope_of(element.getparent())
        if scope is not None:
            kinds = schema_types(scope.get("itemtype"))
            if kinds & ARTICLE_TYPES:
                self._article_items[scope] = self._article_items.get(scope, 0) + 1
            elif kinds & PAGE_TYPES:
                scope = None
            else:
                return
        for name in (element.get("itemprop") or "").split():
            self.micro.setdefault(name.lower(), []).append((element, scope))

    def _scope_of(self, element: Any) -> Any:
        """The nearest element with ``itemscope`` among ``element`` and its ancestors (the
        answers are kept for every element on the way: item properties share ancestors)."""
        path: list[Any] = []
        scope = None
        while element is not None:
            known = self._scopes.get(element, _UNKNOWN)
            if known is not _UNKNOWN:
                scope = known
                break
            path.append(element)
            if element.get("itemscope") is not None:
                scope = element
                break
            element = element.getparent()
        for visited in path:
            self._scopes[visited] = scope
        return scope

    def read_microdata(self) -> None:
        """Find item properties on every element, and author links (a walk over the tree)."""
        if self.micro_done:
            return
        self.micro_done = True
        for attribute in _microdata_xpath()(self.root):
            element = attribute.getparent()
            if element is None:
                continue
            if attribute.attrname == "rel":
                if "author" in attribute.lower().split():
                    self.author_links.append(element)
            elif element.tag not in ("meta", "link", "time"):
                self._add_micro(element)

    def meta_items(self, keys: Iterable[str]) -> Iterator[Item]:
        for key in keys:
            for value in self.meta.get(key, ()):
                yield meta_item(key, value)

    def micro_items(
        self, props: Iterable[str], reader: Callable[[Any], Any], *, walk: bool = False
    ) -> Iterator[Item]:
        """The values of item properties ``props``: those of the page's article item (the one
        with the most properties: teasers have few), then those outside any article item.
        With ``walk``, after finding them on every element (see :meth:`read_microdata`)."""
        if walk:
            self.read_microdata()
        main = max(self._article_items, key=self._article_items.__getitem__, default=None)
        for prop in props:
            found = self.micro.get(prop.lower(), ())
            for wanted in (main, None) if main is not None else (None,):
                for element, scope in found:
                    if scope is wanted:
                        value = reader(element)
                        if value:
                            yield Item(f"microdata:{prop}", value, MICRODATA)


_UNKNOWN = object()


def _in_svg(element: Any) -> bool:
    return any(ancestor.tag == "svg" for ancestor in element.iterancestors())


def element_text(element: Any) -> str | None:
    text = "".join(element.itertext())
    return clean(text[: tuning.PAGE_ELEMENT_TEXT_MAX_CHARS])


def micro_value(element: Any) -> str | None:
    """An item property's value: ``content``, ``datetime``, then the element's text."""
    for attribute in ("content", "datetime"):
        value = element.get(attribute)
        if value is not None:
            return clean(value)
    return element_text(element)


def _micro_url(element: Any) -> str | None:
    for attribute in ("content", "href", "src", "data-src"):
        value = element.get(attribute)
        if value:
            return str(value).strip()
    return None


def micro_name(element: Any) -> str | None:
    """The name of a person or organisation item (its ``name`` property), else its text."""
    if element.get("itemscope") is not None:
        parts: dict[str, str] = {}
        for inner in element.iterdescendants():
            for prop in (inner.get("itemprop") or "").lower().split():
                if prop in ("name", "givenname", "familyname") and prop not in parts:
                    parts[prop] = micro_value(inner) or ""
        if parts.get("name"):
            return parts["name"]
        full = " ".join(parts.get(key, "") for key in ("givenname", "familyname")).strip()
        if full:
            return full
    return micro_value(element)


def micro_image(element: Any) -> str | None:
    if element.get("itemscope") is not None:
        for inner in element.iterdescendants():
            props = {prop.lower() for prop in (inner.get("itemprop") or "").split()}
            if props & {"url", "contenturl"}:
                return _micro_url(inner)
    return _micro_url(element)


def time_items(times: list[Any]) -> tuple[list[Item], list[Item]]:
    """``<time>`` candidates: marked publication times, then the first time in an article or
    header, else the page's only time with a ``datetime``; and marked update times."""
    published: list[Item] = []
    modified: list[Item] = []
    fallback: Item | None = None
    for element in times:
        value = element.get("datetime") or element_text(element)
        if not value:
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        is_published = element.get("pubdate") is not None or bool(_PUBLISHED_CLASS.search(marks))
        is_modified = bool(_MODIFIED_CLASS.search(marks))
        if not (is_published or is_modified):
            parent = element.getparent()
            before = (parent.text or "").strip() if parent is not None else ""
            label = date_label(before[-tuning.PAGE_TIME_LABEL_CHARS :]) if before else "unknown"
            is_published, is_modified = label == "published", label == "modified"
        if is_published:
            published.append(Item("time:published", value, TIME))
        if is_modified:
            modified.append(Item("time:modified", value, TIME))
        if (
            not (is_published or is_modified)
            and fallback is None
            and any(anc.tag in ("article", "header") for anc in element.iterancestors())
        ):
            fallback = Item("time:in-article", value, TIME)
    if fallback is not None:
        published.append(fallback)
    else:
        machine = [element for element in times if element.get("datetime")]
        if len(machine) == 1:  # a page's only machine-readable time is its article's
            published.append(Item("time:only", machine[0].get("datetime"), TIME))
    return published, modified
