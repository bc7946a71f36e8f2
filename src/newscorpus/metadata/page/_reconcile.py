"""The reconciliation: each field's candidates in order of trust, and the rules that pick one
value per field (described in :mod:`newscorpus.metadata.page`)."""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin, urlsplit

from newscorpus import tuning
from newscorpus.metadata._text import fold
from newscorpus.metadata.agencies import find_agency
from newscorpus.metadata.page._dates import (
    UNIX_EPOCH,
    Date,
    after_capture,
    calendar_day,
    earlier,
    parse_date,
    refined,
)
from newscorpus.metadata.page._items import AUTHOR_LINK, DOCUMENT, JSON_LD, Item, meta_item
from newscorpus.metadata.page._jsonld import type_name
from newscorpus.metadata.page._keys import (
    AUTHOR_LABELS,
    DECLARED_PEOPLE,
    META_AUTHORS,
    META_CANONICAL,
    META_DESCRIPTION,
    META_IMAGE,
    META_LANGUAGE,
    META_MODIFIED,
    META_PUBLISHED,
    META_PUBLISHER,
    META_SECTION,
    META_SITE,
    META_TAGS,
    META_TITLE,
    ORGANIZATION_TYPES,
    SITE_TYPES,
    TWITTER_LABELS,
)
from newscorpus.metadata.page._markup import (
    Evidence,
    element_text,
    micro_image,
    micro_name,
    micro_value,
    time_items,
)
from newscorpus.metadata.page._model import PageMetadata
from newscorpus.metadata.page._people import Organizations, people_in
from newscorpus.metadata.page._titles import (
    ELLIPSIS,
    has_separator,
    is_affixed,
    strip_site,
    title_affixes,
)
from newscorpus.metadata.page._urls import Host, host_of, is_http, names_host
from newscorpus.metadata.page._values import (
    clean,
    clean_section,
    first_string,
    language_code,
    organisation_name,
    split_tags,
    strings,
)

_SPACE = re.compile(r"\s+")
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/._-]|$)"
)


class Reconciler:
    """Picks each field's value from the evidence, by the rules of the package docstring."""

    def __init__(self, evidence: Evidence, captured: dt.date | None) -> None:
        self.evidence = evidence
        self.ld = evidence.ld
        self.captured = captured
        self.sources: dict[str, str] = {}
        self.canonical: str | None = None
        self.host = Host()

    def metadata(self) -> PageMetadata:
        ev = self.evidence
        link = self._absolute(ev.canonical) if ev.canonical else None
        self.ld.choose([ev.url or "", link or "", *ev.meta.get("og:url", ())])
        canonical = self.canonical = self.canonical_url()
        self.host = host_of(ev.url or canonical)
        language = self.language()
        publisher = self.publisher()
        site_name = self.site_name(publisher)
        # These three walk the tree for microdata when the sources above it leave them unknown;
        # the fields after them then use what the walk found.
        title = self.title(site_name, publisher)
        authors, agency = self.people(site_name, publisher)
        published, modified = self.dates(language)
        if ev.micro_done:  # the walk found item properties that these may use
            language = language or self.language()
            publisher = publisher or self.publisher()
        description = self.first("description", self._description_items(), clean)
        if agency is None and description:
            agency = find_agency(description[: tuning.AGENCY_SEARCH_CHARS])
            if agency is not None:
                self.sources["agency"] = self.sources["description"]
        return PageMetadata(
            title=title,
            authors=authors,
            agency=agency,
            published=published,
            modified=modified,
            site_name=site_name,
            publisher=publisher,
            language=language,
            canonical_url=canonical,
            description=description,
            section=self.first("section", self._section_items(), clean_section),
            tags=self.tags(),
            top_image=self.first("top_image", self._image_items(), self._absolute),
            sources=tuple(self.sources.items()),
        )

    def first(
        self, name: str, items: Iterable[Item], read: Callable[[Any], str | None]
    ) -> str | None:
        """The first of ``items`` that ``read`` makes a value of, noting its source."""
        for item in items:
            value = read(item.value)
            if value:
                self.sources[name] = item.source
                return value
        return None

    # -- addresses --

    def _absolute(self, value: Any) -> str | None:
        if not isinstance(value, str):
            return None
        text = value.strip()
        if not text or text.startswith("data:") or _SPACE.search(text):
            return None
        if text.startswith(("http://", "https://")):
            return text if is_http(text) else None
        base = self.evidence.url or self.evidence.base
        try:
            if base:
                text = urljoin(base, text)
            elif text.startswith("//"):
                text = "https:" + text
        except ValueError:
            return None
        return text if is_http(text) else None

    def canonical_url(self) -> str | None:
        ev = self.evidence
        items: list[Item] = []
        if ev.canonical:
            items.append(Item("link:canonical", ev.canonical, DOCUMENT))
        items.extend(ev.meta_items(("og:url",)))
        items.extend(self.ld.article_addresses())
        items.extend(ev.meta_items(META_CANONICAL[1:]))
        page_path = urlsplit(ev.url).path.strip("/") if ev.url else ""
        for item in items:
            value = self._absolute(item.value)
            if value is None:
                continue
            if page_path and not urlsplit(value).path.strip("/"):
                continue  # the site's home page given as every page's canonical URL
            self.sources["canonical_url"] = item.source
            return value
        return None

    # -- language, site, publisher, title --

    def language(self) -> str | None:
        ev = self.evidence
        items = [Item(source, value, DOCUMENT) for source, value in ev.lang]
        items.extend(self.ld.language_items())
        items.extend(ev.meta_items(META_LANGUAGE))
        items.extend(ev.micro_items(("inLanguage",), micro_value))
        return self.first("language", items, language_code)

    def publisher(self) -> str | None:
        ld, ev = self.ld, self.evidence
        items: list[Item] = [*ld.items("publisher")]
        for site in ld.of_types(SITE_TYPES):
            if "publisher" in site:
                items.append(Item("json-ld:WebSite.publisher", site["publisher"], JSON_LD))
        for org in ld.of_types(ORGANIZATION_TYPES):
            items.append(Item(f"json-ld:{type_name(org)}.name", org, JSON_LD))
        items.extend(ev.meta_items(META_PUBLISHER))
        items.extend(ev.micro_items(("publisher",), micro_name))
        return self.first("publisher", items, lambda value: organisation_name(value, ld))

    def site_name(self, publisher: str | None) -> str | None:
        ld, ev = self.ld, self.evidence
        items: list[Item] = [*ev.meta_items(META_SITE[:1])]
        for site in ld.of_types(SITE_TYPES):
            items.append(Item("json-ld:WebSite.name", site.get("name"), JSON_LD))
        if publisher is not None and self.sources.get("publisher", "").startswith("json-ld"):
            items.append(Item(self.sources["publisher"], publisher, JSON_LD))
        items.extend(ev.meta_items(META_SITE[1:]))
        named = [(item, organisation_name(item.value, ld)) for item in items]
        usable = [(item, name) for item, name in named if name]
        affixes = [
            (Item("title:affix", affix, DOCUMENT), affix)
            for affix in title_affixes(ev.title or "")
            if organisation_name(affix, ld)
        ]
        if self.host.names:
            for item, name in usable + affixes:
                if names_host(name, self.host):
                    self.sources["site_name"] = item.source
                    return name
        if usable:
            item, name = usable[0]
            self.sources["site_name"] = item.source
            return name
        return None

    def _title_items(self) -> Iterator[Item]:
        ev, ld = self.evidence, self.ld
        yield from ld.items("headline")
        if ld.article is not None and "name" in ld.article:
            yield Item(f"json-ld:{type_name(ld.article)}.name", ld.article["name"], JSON_LD)
        yield from ev.meta_items(META_TITLE)
        yield from ev.micro_items(("headline",), micro_value, walk=True)
        if ld.page is not None and "name" in ld.page:
            yield Item(f"json-ld:{type_name(ld.page)}.name", ld.page["name"], JSON_LD)
        if ev.title:
            yield Item("title", ev.title, DOCUMENT)

    def _title_candidates(self, names: list[str], keys: set[str]) -> Iterator[tuple[str, str]]:
        """(title, source) in order of trust, each without its site-name affix; a title that
        is only the site's name is none."""
        for item in self._title_items():
            text = first_string(item.value, self.ld)
            if text is None:
                continue
            text = strip_site(text, names, self.host)
            if text and fold(text) not in keys:
                yield text, item.source

    def title(self, site_name: str | None, publisher: str | None) -> str | None:
        names = [name for name in (site_name, publisher) if name]
        keys = {fold(name) for name in names}
        candidates = self._title_candidates(names, keys)
        chosen = next(candidates, None)
        if chosen is None:
            return None
        if chosen[0].endswith(ELLIPSIS):  # cut: a later title may complete it
            stem = chosen[0].rstrip(".…").rstrip()
            chosen = next(
                (c for c in candidates if len(c[0]) > len(chosen[0]) and c[0].startswith(stem)),
                chosen,
            )
        elif has_separator(chosen[0]):
            # Where the page also declares the plain headline, a kicker or a section set
            # apart from it is not part of the title ("Olympische Spiele: Headline").
            chosen = next((c for c in candidates if is_affixed(chosen[0], c[0])), chosen)
        self.sources["title"] = chosen[1]
        return chosen[0]

    # -- people --

    def _author_items(self, found: list[str]) -> Iterator[Item]:
        """Author values in order of trust; the walk for microdata happens only when the ones
        before it have named nobody (``found`` is the list of authors being filled)."""
        ev, ld = self.evidence, self.ld
        yield from ld.items("author")
        yield from ld.items("creator", page=False)
        for key in ("sourceOrganization", "provider", "copyrightHolder"):
            for item in ld.items(key, page=False):
                yield item._replace(value=Organizations(item.value))
        yield from ev.meta_items(META_AUTHORS[:2])
        for label_key, data_key in TWITTER_LABELS:
            labels = ev.meta.get(label_key, ())
            if labels and fold(labels[0]).strip(" :") in AUTHOR_LABELS:
                for value in ev.meta.get(data_key, ()):
                    yield meta_item(data_key, value)
        yield from ev.meta_items(META_AUTHORS[2:])
        yield from ev.micro_items(("author", "creator"), micro_name, walk=not found)
        for element in ev.author_links:
            yield Item("link:rel-author", element_text(element), AUTHOR_LINK)

    def people(
        self, site_name: str | None, publisher: str | None
    ) -> tuple[tuple[str, ...], str | None]:
        not_people = {fold(name) for name in (site_name, publisher) if name}
        # A one-word "name" that is a word of the site's name is the site ("VnExpress" on
        # vnexpress.net, published by "Báo VnExpress"), not a pen name.
        not_people.update(
            word for name in (site_name, publisher) if name for word in re.split(r"\W+", fold(name))
        )
        authors: list[str] = []
        known: set[str] = set()
        agency: str | None = None
        source = None
        for item in self._author_items(authors):
            found, credited = people_in(
                item.value, self.ld, site_name, declared=item.source in DECLARED_PEOPLE
            )
            if agency is None and credited is not None:
                agency = credited
                self.sources["agency"] = item.source
            if source is not None and item.source != source:
                continue  # the authors come from one source; later ones may credit an agency
            for name in found:
                key = fold(name)
                if key not in not_people and key not in known:
                    known.add(key)
                    authors.append(name)
                    source = item.source
        if source is not None:
            self.sources["authors"] = source
        return tuple(authors), agency

    # -- dates --

    def dates(self, language: str | None) -> tuple[dt.date | None, dt.date | None]:
        ev, ld = self.evidence, self.ld
        published = self._dates(
            [*ld.items("datePublished"), *ld.items("dateCreated"), *ev.meta_items(META_PUBLISHED)],
            language,
        )
        modified_items = [*ld.items("dateModified"), *ev.meta_items(META_MODIFIED)]
        micro = ("datePublished", "dateCreated")
        published += self._dates(ev.micro_items(micro, micro_value, walk=not published), language)
        modified_items.extend(ev.micro_items(("dateModified",), micro_value))
        time_published, time_modified = time_items(ev.times)
        published += self._dates([*time_published, *self._url_dates()], language)
        modified = self._dates([*modified_items, *time_modified], language)
        if not published:
            if modified:
                self.sources["modified"] = modified[0].source
                return None, modified[0].value
            return None, None
        chosen = published[0]
        if modified and earlier(modified[0].value, chosen.value) and modified[0].rank < chosen.rank:
            not_later = [date for date in published if not earlier(modified[0].value, date.value)]
            if not_later:
                chosen = not_later[0]
        chosen = refined(chosen, published)
        later = [date for date in modified if not earlier(date.value, chosen.value)]
        update = refined(later[0], later) if later else None
        self.sources["published"] = chosen.source
        if update is not None:
            self.sources["modified"] = update.source
        return chosen.value, update.value if update else None

    def _dates(self, items: Iterable[Item], language: str | None) -> list[Date]:
        """The plausible dates of ``items``, in their order."""
        dates: list[Date] = []
        for item in items:
            if isinstance(item.value, dt.date):
                value: dt.date | None = item.value
            else:
                text = first_string(item.value, self.ld, keys=("@value",))
                value = parse_date(text, language) if text else None
            if value is not None and self._plausible(value):
                dates.append(Date(value, item.source, item.rank))
        return dates

    def _plausible(self, value: dt.date) -> bool:
        day = calendar_day(value)
        if day.year < tuning.PAGE_DATE_MIN_YEAR or day == UNIX_EPOCH:
            return False
        return self.captured is None or not after_capture(value, self.captured)

    def _url_dates(self) -> Iterator[Item]:
        """The date in the page's URL (else its canonical URL): ``/2019/11/18/``."""
        for address in (self.evidence.url, self.canonical):
            if address:
                match = _URL_DATE.search(urlsplit(address).path)
                if match:
                    year, month, day = (int(part) for part in match.groups())
                    with contextlib.suppress(ValueError):
                        yield Item("url", dt.date(year, month, day), DOCUMENT)
                    return

    # -- the rest --

    def _description_items(self) -> Iterator[Item]:
        yield from self.ld.items("description")
        yield from self.evidence.meta_items(META_DESCRIPTION)
        yield from self.evidence.micro_items(("description",), micro_value)

    def _section_items(self) -> Iterator[Item]:
        for item in self.ld.items("articleSection"):
            yield item._replace(value=first_string(item.value, self.ld))
        yield from self.evidence.meta_items(META_SECTION)
        yield from self.evidence.micro_items(("articleSection",), micro_value)

    def _image_items(self) -> Iterator[Item]:
        ld = self.ld
        for key in ("image", "thumbnailUrl", "primaryImageOfPage"):
            for item in ld.items(key):
                for address in strings(item.value, ld, keys=("url", "contentUrl", "@id")):
                    yield item._replace(value=address)
        yield from self.evidence.meta_items(META_IMAGE)
        if self.evidence.image_src:
            yield Item("link:image_src", self.evidence.image_src, DOCUMENT)
        yield from self.evidence.micro_items(("image", "thumbnailUrl"), micro_image)

    def tags(self) -> tuple[str, ...]:
        ld, ev = self.ld, self.evidence
        groups: list[tuple[str, list[str]]] = []
        for item in ld.items("keywords"):
            groups.append((item.source, strings(item.value, ld)))
        for key in META_TAGS:
            values = ev.meta.get(key)
            if values:
                groups.append((f"meta:{key}", values))
        micro = [str(item.value) for item in ev.micro_items(("keywords",), micro_value)]
        if micro:
            groups.append(("microdata:keywords", micro))
        for source, values in groups:
            tags = split_tags(values)
            if tags:
                self.sources["tags"] = source
                return tags
        return ()
