"""Metadata from everything an HTML page declares about itself, reconciled into one record.

:func:`page_metadata` reads a page's tree (the one the HTML parser built: it never parses
again) and returns a :class:`PageMetadata`. It reads what the page *declares*, not its visible
text: the byline, dateline and headline shown in the body are the cleaning steps' business,
and the parser may fill gaps from them.

Sources, from the most trusted to the least
-------------------------------------------

1. **JSON-LD** (``<script type="application/ld+json">``): schema.org ``NewsArticle``,
   ``Article``, ``ReportageNewsArticle``, ``BlogPosting`` and their kin, with ``@graph`` arrays,
   lists of objects, ``mainEntity`` and ``@id`` references followed. The article object is the
   one whose ``url``/``@id``/``mainEntityOfPage`` is the page's URL, else the first; other
   article objects (teasers, related stories) are ignored. The ``WebPage`` object fills what
   the article object leaves out; ``WebSite`` and ``Organization`` objects name the site and
   the publisher. A script that is not JSON is repaired when that is cheap (comments, trailing
   commas, single-quoted strings, HTML-escaped JSON, text after the value) and else skipped.
2. **OpenGraph** (``og:*``, ``article:*``).
3. **Twitter cards** (``twitter:*``, including the ``Written by`` label of ``twitter:data1``).
4. **Other** ``<meta>`` **names**: ``author``, ``description``, ``keywords``, ``date``,
   Dublin Core (``dc.*``, ``dcterms.*``), Parse.ly (``parsely-*``), Sailthru (``sailthru.*``),
   Highwire (``citation_*``), cXense and a few more.
5. **Microdata** (``itemprop``, with ``content``/``datetime`` or the element's text): first
   the properties of the page's article item (of the ``itemscope`` elements with an article
   ``itemtype``, the one with the most properties: teasers have few), then those outside any
   item or in a web page item; other items' (a comment's author) never; then **author links**
   (``<a rel="author">``). Items on ``<meta>``, ``<link>`` and ``<time>`` are always read.
   Finding the others, and the author links, costs a second walk over the whole tree, so it is
   done only when the title, the authors or the publication date is still unknown after the
   sources above; the language and the publisher are then read again if still unknown, and
   the fields read after (description, section, tags, image) use what it found.
6. ``<time>`` **elements**: those marked as the publication or update time (``pubdate``, a
   class such as ``published``/``updated``, or a label such as "Updated:" before them), then
   the first one inside an ``<article>`` or ``<header>``, else the page's only ``<time>`` with
   a ``datetime``.
7. **The document**: ``<title>``, ``<html lang>``, ``<link rel="canonical">`` and the date in
   the page's URL (else its canonical URL): ``/2019/11/18/``.

A field takes the first usable value in that order, except where the list below says
otherwise. Within one source, keys are tried in the order of the tables in the code
(``og:title`` before ``twitter:title``, ``datePublished`` of the article object before that
of the web page...). ``PageMetadata.sources`` names, for every field set, the source and key
that gave it: ``json-ld:NewsArticle.headline``, ``meta:og:title``, ``meta:author``,
``microdata:author``, ``link:rel-author``, ``time:published``, ``title``, ``html:lang``,
``url``...

Reconciliation rules
--------------------

- **Text** is unescaped (HTML entities), stripped of tags and whitespace-normalised.
- **URLs** (``canonical_url``, ``top_image``) are made absolute against ``url`` (else the
  page's ``<base href>``; ``//host/...`` becomes ``https:``); anything but http(s) is dropped.
  ``canonical_url`` comes from ``<link rel="canonical">`` first, then ``og:url``, JSON-LD,
  ``twitter:url``; a canonical URL that is the site's home page while the page's URL is not is
  a CMS mistake and skipped.
- **title**: a " | Site" / " - Site" affix (or "Site | " prefix) is cut from every candidate
  when it is the site name, the publisher, or names the page's domain ("The New York Times"
  for nytimes.com); a candidate that is only the site name is skipped. When the chosen title
  ends with an ellipsis and a later candidate goes on from it, the longer one is taken.
- **authors** are people only. Each value is read as a byline (:func:`parse_byline`, after a
  "By " when it has no marker): "Jane Doe and John Roe" and "Jane Doe, John Roe" give two
  names; "By " prefixes, job titles, desks ("Staff"), agencies, the site's and the publisher's
  names, URLs (``article:author`` is often a profile URL) and e-mail addresses are dropped;
  "Doe, Jane" reads as "Jane Doe". JSON-LD ``Organization`` authors are never people. The
  first source (JSON-LD ``author``, then ``creator``, ``article:author``, ``twitter:data1``,
  ``author``, ``dc.creator``, ``parsely-author``...) that names at least one person gives all
  the authors, deduplicated case-insensitively in order; sources are not merged.
- **agency** is the first wire service credited by any author value, in the same order (a
  JSON-LD ``Organization`` author, ``sourceOrganization``, ``provider`` or
  ``copyrightHolder``, or "Jane Doe | Reuters" in a meta ``author``), else at the start of the
  description ("WASHINGTON (AP) — ..."), read by :func:`find_agency`. Being the site or the
  publisher (reuters.com) does not make an agency.
- **Dates** are read with :meth:`datetime.datetime.fromisoformat` (ISO 8601), then as
  RFC 2822 (``Tue, 19 Nov 2019 06:13:48 -0600``) or Unix seconds, and else by
  :func:`find_dates` in the page's language. A value is a :class:`datetime.date` when the page
  gives no time and a :class:`datetime.datetime` when it does, aware when it gives a zone.
  Placeholders are dropped (years before ``tuning.PAGE_DATE_MIN_YEAR``, the Unix epoch), and
  so is any date after ``captured`` when the caller knows when the page was captured. There is
  no clock: without ``captured``, a date is never judged to be in the future.
- **published / modified**: ``modified`` is the most trusted update date that is not earlier
  than ``published``. When the most trusted update date is earlier than the chosen
  publication date and comes from a more trusted source, the publication date yields instead:
  the most trusted one not later than the update is taken. A date without a time (or without
  a zone) is refined by a less trusted value that gives the same day (and wall time) with more
  precision.
- **site_name**: ``og:site_name``, the JSON-LD ``WebSite`` name, the JSON-LD publisher,
  ``application-name``, ``apple-mobile-web-app-title``, then the title's affix; the first
  candidate that names the page's domain wins (og:site_name "U.S." loses to "Reuters" in
  "... - Reuters" on reuters.com), else the first candidate that is not the title's affix.
  An address or a handle ("@politifact") is not a name.
- **publisher**: the JSON-LD publisher (of the article, the web page, the web site, else the
  top-level organisation), then ``article:publisher``, ``publisher``, ``dc.publisher``...
- **language**: ``<html lang>`` (and ``xml:lang``) first, then JSON-LD ``inLanguage``,
  ``og:locale``, ``content-language`` and kin; read as an ISO 639-1 code ("fr-FR", "fr_FR",
  "fra", "French" are ``"fr"``). It is what the page declares, not what its text is
  (:func:`newscorpus.metadata.language.detect_language` says that).
- **tags**: the first source with any (JSON-LD ``keywords``, ``article:tag``,
  ``news_keywords``, ``keywords``, ``parsely-tags``...), split at commas and semicolons,
  deduplicated case-insensitively; machine tags ("@post-id:1913719", "type_news") and tags
  longer than ``tuning.PAGE_TAG_MAX_CHARS`` are dropped.
- **section**, **description**, **top_image**: the first usable value (the first element of a
  list; an image object's ``url``).

>>> import lxml.html
>>> root = lxml.html.document_fromstring(
...     '<html lang="fr-FR"><head><title>Grève à la SNCF - Le Monde</title>'
...     '<meta property="og:site_name" content="Le Monde">'
...     '<meta name="author" content="Jean Dupont et Marie Curie">'
...     '<meta property="article:published_time" content="2019-11-18T10:31:00+01:00">'
...     '</head><body><p>Texte</p></body></html>'
... )
>>> meta = page_metadata(root)
>>> meta.title, meta.authors, meta.site_name, meta.language
('Grève à la SNCF', ('Jean Dupont', 'Marie Curie'), 'Le Monde', 'fr')
>>> meta.published.isoformat()
'2019-11-18T10:31:00+01:00'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newscorpus.metadata.page._markup import Evidence
from newscorpus.metadata.page._model import PageMetadata
from newscorpus.metadata.page._reconcile import Reconciler

if TYPE_CHECKING:
    import datetime as dt

    from lxml.html import HtmlElement  # type: ignore[import-untyped, unused-ignore]

__all__ = ["PageMetadata", "page_metadata"]


def page_metadata(
    root: HtmlElement, *, url: str | None = None, captured: dt.date | None = None
) -> PageMetadata:
    """The metadata ``root`` (an lxml HTML tree, as the parser built it) declares, reconciled.

    ``url`` is the page's address, when known: relative links resolve against it and it picks
    the page's own article among several in JSON-LD. ``captured`` is when the page was captured
    (a date or datetime; from a WARC record or an HTTP ``Date``), when known: dates after it
    are not believed. See the module's documentation for the sources and the rules.

    >>> import lxml.html
    >>> root = lxml.html.document_fromstring(
    ...     '<html><head><script type="application/ld+json">{"@context": "https://schema.org",'
    ...     ' "@type": "NewsArticle", "headline": "Talks stall", "datePublished": "2019-11-18",'
    ...     ' "author": [{"@type": "Person", "name": "Jane Doe"},'
    ...     ' {"@type": "Organization", "name": "AFP"}]}</script></head><body></body></html>'
    ... )
    >>> meta = page_metadata(root, url="https://example.com/talks")
    >>> meta.title, meta.authors, meta.agency, meta.published
    ('Talks stall', ('Jane Doe',), 'AFP', datetime.date(2019, 11, 18))
    >>> meta.source("published")
    'json-ld:NewsArticle.datePublished'
    """
    return Reconciler(Evidence(root, url), captured).metadata()
