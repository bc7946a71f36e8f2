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

import contextlib
import datetime as dt
import email.utils
import html
import json
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import urljoin, urlsplit

from attrs import field, frozen, validators

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._names import byline_words, is_person_name
from newscorpus.metadata._text import fold
from newscorpus.metadata.agencies import agency_named, find_agency
from newscorpus.metadata.bylines import parse_byline
from newscorpus.metadata.dates import date_label, find_dates

if TYPE_CHECKING:
    from lxml.html import HtmlElement  # type: ignore[import-untyped, unused-ignore]

__all__ = ["PageMetadata", "page_metadata"]

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


# --- the keys read, by field, in order of trust ------------------------------------------------
# Meta keys are lower-cased ``name``/``property``/``http-equiv`` values; OpenGraph and Twitter
# keys come first in each table, so that a table's order is also the order of the sources.

_META_TITLE = (
    "og:title",
    "twitter:title",
    "twitter:text:title",
    "parsely-title",
    "sailthru.title",
    "citation_title",
    "dc.title",
    "dcterms.title",
    "title",
    "headline",
)
_META_AUTHORS = (
    "article:author",
    "og:article:author",
    "author",
    "byl",
    "dc.creator",
    "dcterms.creator",
    "parsely-author",
    "sailthru.author",
    "citation_author",
    "cxenseparse:author",
)
_META_PUBLISHED = (
    "article:published_time",
    "og:published_time",
    "article:published",
    "parsely-pub-date",
    "sailthru.date",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.date.created",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "published_time",
    "published-date",
    "publication_date",
    "article.published",
    "article_date_original",
    "original-publish-date",
    "datepublished",
    "cxenseparse:recs:publishtime",
    "bt:pubdate",
    "displaydate",
    "date",
)
_META_MODIFIED = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "modified",
    "revised",
    "article.updated",
    "datemodified",
)
_META_SITE = ("og:site_name", "application-name", "apple-mobile-web-app-title")
_META_PUBLISHER = (
    "article:publisher",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
)
_META_LANGUAGE = (
    "og:locale",
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "citation_language",
)
_META_CANONICAL = ("og:url", "twitter:url", "parsely-link")
_META_DESCRIPTION = (
    "og:description",
    "twitter:description",
    "description",
    "dc.description",
    "dcterms.description",
    "sailthru.description",
)
_META_SECTION = ("article:section", "section", "parsely-section", "article.section")
_META_TAGS = (
    "article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "sailthru.tags",
    "citation_keywords",
    "dc.subject",
)
_META_IMAGE = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "thumbnail",
    "parsely-image-url",
    "sailthru.image.full",
)
#: Twitter's label/data pairs that credit the author ("Written by" / "Jane Doe").
_TWITTER_LABELS = (("twitter:label1", "twitter:data1"), ("twitter:label2", "twitter:data2"))
_AUTHOR_LABELS = frozenset({"written by", "by", "author", "authors", "auteur", "autor", "von"})

# --- schema.org types (lower-case, without their namespace) ------------------------------------

_ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "advertisercontentarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "discussionforumposting",
        "techarticle",
        "scholarlyarticle",
        "medicalscholarlyarticle",
        "report",
        "apireference",
    }
)
_PAGE_TYPES = frozenset(
    {
        "webpage",
        "itempage",
        "aboutpage",
        "collectionpage",
        "profilepage",
        "searchresultspage",
        "faqpage",
        "qapage",
        "medicalwebpage",
        "creativework",
        "claimreview",
    }
)
_ORGANIZATION_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "localbusiness",
        "educationalorganization",
        "governmentorganization",
        "ngo",
        "onlinebusiness",
    }
)
_PERSON_TYPES = frozenset({"person"})
_SITE_TYPES = frozenset({"website"})

# --- languages ----------------------------------------------------------------------------------


def _table(text: str) -> dict[str, str]:
    """A table written as ``key:value`` words (``_`` stands for a space in a key)."""
    return dict(pair.replace("_", " ").split(":", 1) for pair in text.split())


#: The ISO 639-1 codes.
_ISO_639_1 = frozenset(
    _table(
        """aa:1 ab:1 ae:1 af:1 ak:1 am:1 an:1 ar:1 as:1 av:1 ay:1 az:1 ba:1 be:1 bg:1 bi:1 bm:1
        bn:1 bo:1 br:1 bs:1 ca:1 ce:1 ch:1 co:1 cr:1 cs:1 cu:1 cv:1 cy:1 da:1 de:1 dv:1 dz:1
        ee:1 el:1 en:1 eo:1 es:1 et:1 eu:1 fa:1 ff:1 fi:1 fj:1 fo:1 fr:1 fy:1 ga:1 gd:1 gl:1
        gn:1 gu:1 gv:1 ha:1 he:1 hi:1 ho:1 hr:1 ht:1 hu:1 hy:1 hz:1 ia:1 id:1 ie:1 ig:1 ii:1
        ik:1 io:1 is:1 it:1 iu:1 ja:1 jv:1 ka:1 kg:1 ki:1 kj:1 kk:1 kl:1 km:1 kn:1 ko:1 kr:1
        ks:1 ku:1 kv:1 kw:1 ky:1 la:1 lb:1 lg:1 li:1 ln:1 lo:1 lt:1 lu:1 lv:1 mg:1 mh:1 mi:1
        mk:1 ml:1 mn:1 mr:1 ms:1 mt:1 my:1 na:1 nb:1 nd:1 ne:1 ng:1 nl:1 nn:1 no:1 nr:1 nv:1
        ny:1 oc:1 oj:1 om:1 or:1 os:1 pa:1 pi:1 pl:1 ps:1 pt:1 qu:1 rm:1 rn:1 ro:1 ru:1 rw:1
        sa:1 sc:1 sd:1 se:1 sg:1 si:1 sk:1 sl:1 sm:1 sn:1 so:1 sq:1 sr:1 ss:1 st:1 su:1 sv:1
        sw:1 ta:1 te:1 tg:1 th:1 ti:1 tk:1 tl:1 tn:1 to:1 tr:1 ts:1 tt:1 tw:1 ty:1 ug:1 uk:1
        ur:1 uz:1 ve:1 vi:1 vo:1 wa:1 wo:1 xh:1 yi:1 yo:1 za:1 zh:1 zu:1"""
    )
)
#: Deprecated two-letter codes, and the ISO 639-2/3 codes (T and B forms) of those languages.
_LANGUAGE_ALIASES = _table(
    """in:id iw:he ji:yi jw:jv mo:ro aar:aa abk:ab afr:af aka:ak alb:sq amh:am ara:ar arb:ar
    arg:an arm:hy asm:as ava:av ave:ae aym:ay ayr:ay aze:az azj:az bak:ba bam:bm baq:eu bel:be
    ben:bn bis:bi bod:bo bos:bs bre:br bul:bg bur:my cat:ca ces:cs cha:ch che:ce chi:zh chu:cu
    chv:cv cmn:zh cor:kw cos:co cre:cr cym:cy cze:cs dan:da deu:de div:dv dut:nl dzo:dz ekk:et
    ell:el eng:en epo:eo est:et eus:eu ewe:ee fao:fo fas:fa fij:fj fin:fi fra:fr fre:fr fry:fy
    ful:ff geo:ka ger:de gla:gd gle:ga glg:gl glv:gv gre:el grn:gn guj:gu hat:ht hau:ha heb:he
    her:hz hin:hi hmo:ho hrv:hr hun:hu hye:hy ibo:ig ice:is ido:io iii:ii iku:iu ile:ie ina:ia
    ind:id ipk:ik isl:is ita:it jav:jv jpn:ja kal:kl kan:kn kas:ks kat:ka kau:kr kaz:kk khk:mn
    khm:km kik:ki kin:rw kir:ky kmr:ku kom:kv kon:kg kor:ko kua:kj kur:ku lao:lo lat:la lav:lv
    lim:li lin:ln lit:lt ltz:lb lub:lu lug:lg lvs:lv mac:mk mah:mh mal:ml mao:mi mar:mr may:ms
    mkd:mk mlg:mg mlt:mt mon:mn mri:mi msa:ms mya:my nau:na nav:nv nbl:nr nde:nd ndo:ng nep:ne
    nld:nl nno:nn nob:nb nor:no npi:ne nya:ny oci:oc oji:oj ori:or orm:om ory:or oss:os pan:pa
    per:fa pes:fa pli:pi pol:pl por:pt pus:ps que:qu roh:rm ron:ro rum:ro run:rn rus:ru sag:sg
    san:sa sin:si slk:sk slo:sk slv:sl sme:se smo:sm sna:sn snd:sd som:so sot:st spa:es sqi:sq
    srd:sc srp:sr ssw:ss sun:su swa:sw swe:sv swh:sw tah:ty tam:ta tat:tt tel:te tgk:tg tgl:tl
    tha:th tib:bo tir:ti ton:to tsn:tn tso:ts tuk:tk tur:tr twi:tw uig:ug ukr:uk urd:ur uzb:uz
    uzn:uz ven:ve vie:vi vol:vo wel:cy wln:wa wol:wo xho:xh yid:yi yor:yo zha:za zho:zh zsm:ms
    zul:zu"""
)
#: Language names a page may write instead of a code (folded: lower case, no diacritics).
_LANGUAGE_NAMES = _table(
    """english:en french:fr francais:fr german:de deutsch:de spanish:es espanol:es italian:it
    italiano:it portuguese:pt portugues:pt dutch:nl nederlands:nl russian:ru japanese:ja
    chinese:zh korean:ko arabic:ar hindi:hi turkish:tr turkce:tr polish:pl polski:pl
    swedish:sv svenska:sv danish:da dansk:da norwegian:no norsk:no finnish:fi suomi:fi
    czech:cs cestina:cs greek:el hebrew:he hungarian:hu magyar:hu romanian:ro romana:ro
    indonesian:id bahasa_indonesia:id malay:ms vietnamese:vi thai:th ukrainian:uk
    bulgarian:bg croatian:hr hrvatski:hr serbian:sr slovak:sk slovenian:sl catalan:ca
    catala:ca persian:fa farsi:fa urdu:ur bengali:bn bangla:bn tamil:ta"""
)

# --- patterns -----------------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")
_TAG = re.compile(r"<[^<>]{0,500}>")
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//|^www\.", re.IGNORECASE)
_EMAIL = re.compile(r"(?:mailto:)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LAST_FIRST = re.compile(r"^([^\W\d_][\w'’-]*),\s*([^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*)?)$")
_TAG_SPLIT = re.compile(r"[,;，；、]")
_MACHINE_TAG = re.compile(r"[_:=/\\|]")
_ALNUM_WORDS = re.compile(r"[^\W_]+")
#: Separators between a headline and the site's name in a title ("Headline | Site").
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—·•:»«/~]{1,2}\s+|\s*[|｜]\s*")
_ELLIPSIS = ("…", "...")
#: Classes and ids of ``<time>`` elements (and of their parents) that say what the time is.
_PUBLISHED_CLASS = re.compile(
    r"publish|pubdate|posted|post-?date|entry-date|article-?date|created|first", re.IGNORECASE
)
_MODIFIED_CLASS = re.compile(r"updat|modif|revis|edited", re.IGNORECASE)
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?=[/._-]|$)"
)
_EPOCH_DIGITS = re.compile(r"^\d{10}(?:\d{3})?$")
_ZONE_SPACE = re.compile(r"\s+(?=(?:Z|[+-]\d\d(?::?\d\d)?)$)")
#: JSON-LD repairs (see ``_repair_json``): where strings, comments and commas start; a whole
#: string in double or single quotes; a closing bracket after a comma.
_JSON_SPECIAL = re.compile(r"[\"',/]")
_JSON_DOUBLE = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_JSON_SINGLE = re.compile(r"'(?:[^'\\]|\\.)*'", re.DOTALL)
_JSON_CLOSER = re.compile(r"\s*+(?://[^\n]*+\s*+)*+[\]}]")
#: Longer scripts are not repaired (bounded time; real JSON-LD has a few kilobytes).
_JSON_REPAIR_MAX_CHARS = 256 * 1024
#: What may wrap a script's JSON: an HTML comment or a CDATA section, commented out or not.
_JSON_WRAPPERS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("//<![CDATA[", "//]]>"))
_JSON_SEPARATOR = re.compile(r"[\s,;]*")
_DECODER = json.JSONDecoder(strict=False)


#: How many JSON values nested in one another are followed (objects in @graph, authors...).
_JSON_MAX_DEPTH = 12
#: A title's site name follows one of its last this many separators ("Headline | Section |
#: Site"); earlier ones are the headline's own.
_TITLE_SUFFIX_PARTS = 3
#: A site's or an organisation's name is at most this long (longer is a slogan or a sentence).
_NAME_MAX_CHARS = 100
_NAME_MAX_WORDS = 12
#: Longer host labels are not read as a site's name (they are hashes or slugs).
_HOST_LABEL_MAX_CHARS = 40
#: A longer author value is a bio or a paragraph, not a byline (bylines have at most
#: ``tuning.BYLINE_MAX_CHARS``; an e-mail address may come with them).
_AUTHOR_MAX_CHARS = 300
#: At most this many authors are read from one value (a list of hundreds is not a byline).
_AUTHORS_MAX = 50
#: A byline marker this many words into an author value starts the byline ("Analysis by").
_MARKER_MAX_POSITION = 3
#: How much of the text before a ``<time>`` is read for its label ("Updated:", "Publié le").
_LABEL_MAX_CHARS = 40
#: How much of an element's text is read as a value (a headline, a name, a date).
_ELEMENT_TEXT_MAX_CHARS = 500


@cache
def _microdata_xpath() -> Callable[[Any], list[Any]]:
    """Every ``itemprop`` attribute, and the ``rel`` of every link (for ``rel="author"``)."""
    from lxml import etree  # type: ignore[import-untyped, unused-ignore]

    xpath: Callable[[Any], list[Any]] = etree.XPath("//@itemprop | //a/@rel")
    return xpath


# --- public function ----------------------------------------------------------------------------


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
    return _Reconciler(_Evidence(root, url), captured).metadata()


# --- gathering the evidence ---------------------------------------------------------------------


class _Item(NamedTuple):
    """A candidate value: where it came from, the raw value, and its source's trust (lower is
    more trusted: 0 JSON-LD, 1 OpenGraph, 2 Twitter, 3 meta, 4 microdata, 5 author links,
    6 ``<time>``, 7 the document and its URL)."""

    source: str
    value: Any
    rank: int


_JSON_LD, _OPENGRAPH, _TWITTER, _META, _MICRODATA, _AUTHOR_LINK, _TIME, _DOCUMENT = range(8)


def _meta_item(key: str, value: Any) -> _Item:
    if key.startswith(("og:", "article:")):
        rank = _OPENGRAPH
    elif key.startswith("twitter:"):
        rank = _TWITTER
    else:
        rank = _META
    return _Item(f"meta:{key}", value, rank)


class _Evidence:
    """Everything the page declares, gathered in one walk over the tree; item properties on
    other elements than ``<meta>``, ``<link>`` and ``<time>``, and author links, in a second
    walk, on demand (:meth:`read_microdata`)."""

    def __init__(self, root: HtmlElement, url: str | None) -> None:
        self.root = root
        self.url = url if url and _is_http(url) else None
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
        self.ld = _JsonLd(self.scripts)

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
            kinds = _schema_types(scope.get("itemtype"))
            if kinds & _ARTICLE_TYPES:
                self._article_items[scope] = self._article_items.get(scope, 0) + 1
            elif kinds & _PAGE_TYPES:
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

    def meta_items(self, keys: Iterable[str]) -> Iterator[_Item]:
        for key in keys:
            for value in self.meta.get(key, ()):
                yield _meta_item(key, value)

    def micro_items(
        self, props: Iterable[str], reader: Callable[[Any], Any], *, walk: bool = False
    ) -> Iterator[_Item]:
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
                            yield _Item(f"microdata:{prop}", value, _MICRODATA)


_UNKNOWN = object()


def _in_svg(element: Any) -> bool:
    return any(ancestor.tag == "svg" for ancestor in element.iterancestors())


# --- JSON-LD ------------------------------------------------------------------------------------


class _JsonLd:
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
        if depth > _JSON_MAX_DEPTH:
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
        if depth > _JSON_MAX_DEPTH:
            return
        if isinstance(value, list):
            for item in value:
                self._add_top(item, depth + 1)
        elif isinstance(value, dict):
            value = self.resolve(value)
            types = _types_of(value)
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
        keys = [_url_key(identity) for identity in identities if identity]
        self.article = _matching(self.of_types(_ARTICLE_TYPES), keys, self)
        self.page = _matching(self.of_types(_PAGE_TYPES), keys, self)

    def of_types(self, types: frozenset[str]) -> list[dict[str, Any]]:
        return [
            node
            for node, node_types in zip(self.top, self.top_types, strict=True)
            if node_types & types
        ]

    def items(self, key: str, *, page: bool = True) -> Iterator[_Item]:
        """``key`` of the article object, then (with ``page``) of the web page object."""
        nodes = [self.article, self.page] if page else [self.article]
        for node in nodes:
            if node is not None and key in node:
                source = f"json-ld:{_type_name(node)}.{key}"
                yield _Item(source, self.resolve(node[key]), _JSON_LD)

    def article_addresses(self) -> Iterator[_Item]:
        """The addresses the article object gives for its page."""
        for node in (self.article,) if self.article is not None else ():
            for key in ("mainEntityOfPage", "url"):
                value = self.resolve(node.get(key))
                if isinstance(value, dict):
                    value = value.get("@id") or value.get("url")
                if isinstance(value, str):
                    yield _Item(f"json-ld:{_type_name(node)}.{key}", value, _JSON_LD)

    def language_items(self) -> Iterator[_Item]:
        """``inLanguage`` of the article, the web page, then any article, page or site."""
        nodes = [self.article, self.page, *self.of_types(_ARTICLE_TYPES | _PAGE_TYPES)]
        for node in [*nodes, *self.of_types(_SITE_TYPES)]:
            if node is not None and "inLanguage" in node:
                value = _first_string(node["inLanguage"], self, keys=("alternateName", "name"))
                yield _Item(f"json-ld:{_type_name(node)}.inLanguage", value, _JSON_LD)


def _matching(nodes: list[dict[str, Any]], keys: list[str], ld: _JsonLd) -> dict[str, Any] | None:
    if len(nodes) <= 1:
        return nodes[0] if nodes else None
    addresses = [{_url_key(address) for address in _node_addresses(node, ld)} for node in nodes]
    for key in keys:
        for node, known in zip(nodes, addresses, strict=True):
            if key in known:
                return node
    return nodes[0]


def _node_addresses(node: dict[str, Any], ld: _JsonLd) -> Iterator[str]:
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
        repaired = _repair_json(attempt) if len(attempt) <= _JSON_REPAIR_MAX_CHARS else None
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


def _schema_types(value: Any) -> frozenset[str]:
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


def _types_of(node: dict[str, Any]) -> frozenset[str]:
    return _schema_types(node.get("@type", node.get("type")))


def _type_name(node: dict[str, Any]) -> str:
    value = node.get("@type", node.get("type"))
    if isinstance(value, list):
        value = next((item for item in value if isinstance(item, str)), "")
    return str(value).rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "Thing"


# --- reading values -----------------------------------------------------------------------------


def _clean(value: Any) -> str | None:
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


def _strings(
    value: Any, ld: _JsonLd | None = None, *, keys: tuple[str, ...] = ("name",)
) -> list[str]:
    """The texts of a JSON value: a string, the ``keys`` of an object, the items of a list."""
    out: list[str] = []

    def walk(item: Any, depth: int) -> None:
        if depth > _JSON_MAX_DEPTH:
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
        text = _clean(item)
        if text is not None:
            out.append(text)

    walk(value, 0)
    return out


def _first_string(
    value: Any, ld: _JsonLd | None = None, *, keys: tuple[str, ...] = ("name",)
) -> str | None:
    if type(value) is str:
        return _clean(value)
    found = _strings(value, ld, keys=keys)
    return found[0] if found else None


def _element_text(element: Any) -> str | None:
    text = "".join(element.itertext())
    return _clean(text[:_ELEMENT_TEXT_MAX_CHARS])


def _micro_value(element: Any) -> str | None:
    """An item property's value: ``content``, ``datetime``, then the element's text."""
    for attribute in ("content", "datetime"):
        value = element.get(attribute)
        if value is not None:
            return _clean(value)
    return _element_text(element)


def _micro_url(element: Any) -> str | None:
    for attribute in ("content", "href", "src", "data-src"):
        value = element.get(attribute)
        if value:
            return str(value).strip()
    return None


def _micro_name(element: Any) -> str | None:
    """The name of a person or organisation item (its ``name`` property), else its text."""
    if element.get("itemscope") is not None:
        parts: dict[str, str] = {}
        for inner in element.iterdescendants():
            for prop in (inner.get("itemprop") or "").lower().split():
                if prop in ("name", "givenname", "familyname") and prop not in parts:
                    parts[prop] = _micro_value(inner) or ""
        if parts.get("name"):
            return parts["name"]
        full = " ".join(parts.get(key, "") for key in ("givenname", "familyname")).strip()
        if full:
            return full
    return _micro_value(element)


def _is_http(url: str) -> bool:
    """Whether ``url`` is an http(s) address that :func:`urllib.parse.urlsplit` can read."""
    if not url.startswith(("http://", "https://")):
        return False
    try:
        urlsplit(url)
    except ValueError:  # "http://[::1"
        return False
    return True


def _url_key(url: str) -> str:
    """An address without scheme, ``www.``, query, fragment or final slash, for comparing."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


class _Host(NamedTuple):
    """A page's host: the labels that can name its site, and all of its labels."""

    names: tuple[str, ...] = ()
    labels: frozenset[str] = frozenset()


#: Host labels that never name a site: subdomains of form and second-level domains.
_NOT_SITE_LABELS = frozenset({"www", "m", "amp", "mobile", "co", "com", "org", "net", "gov", "ac"})


def _host_of(url: str | None) -> _Host:
    """The labels of a URL's host that can name a site (not ``www``, not the top level)."""
    if not url:
        return _Host()
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return _Host()
    labels = [label for label in host.lower().split(".") if label]
    names = tuple(
        key
        for key in ("".join(_ALNUM_WORDS.findall(label)) for label in labels[:-1])
        if 2 <= len(key) <= _HOST_LABEL_MAX_CHARS and key not in _NOT_SITE_LABELS
    )
    return _Host(names, frozenset(labels))


@memoized
def _names_host(name: str, host: _Host) -> bool:
    """Whether ``name`` names the site of ``host``: a label of the host is one of its words
    or the words run together ("TheHill", "Fox Business" for thehill.com, foxbusiness.com), or
    the starts of two or more of them ("The New York Times": nytimes.com; "WSJ": wsj.com; "NBC
    5 Dallas-Fort Worth": nbcdfw.com), leaving out at most one other word ("Yahoo News").
    "The", "www" and the host's own labels ("com", "ca") are never counted as left out.

    >>> host = _host_of("https://www.nytimes.com/2019/11/19/opinion/x.html")
    >>> _names_host("The New York Times", host), _names_host("Opinion", host)
    (True, False)
    """
    words = _ALNUM_WORDS.findall(fold(name))
    if not words or len(words) > _NAME_MAX_WORDS:
        return False
    ignorable = host.labels | {"the", "www"}
    return any(_left_out(label, tuple(words), ignorable) <= 1 for label in host.names)


def _left_out(label: str, words: tuple[str, ...], ignorable: frozenset[str]) -> int:
    """The fewest ``words`` (other than ``ignorable`` ones) left out when ``label`` is spelt
    by one whole word, or by the starts of two or more words, in order."""
    impossible = len(words) + 1

    @cache
    def best(position: int, index: int, used: int, whole: bool) -> int:
        if position == len(label):
            if used >= 2 or (used == 1 and whole):
                return sum(1 for word in words[index:] if word not in ignorable)
            return impossible
        result, skipped = impossible, 0
        for at in range(index, len(words)):
            word = words[at]
            for size in range(min(len(word), len(label) - position), 0, -1):
                if label.startswith(word[:size], position):
                    after = best(
                        position + size, at + 1, min(used + 1, 2), whole and size == len(word)
                    )
                    result = min(result, skipped + after)
            skipped += word not in ignorable
        return result

    return best(0, 0, 0, True)


# --- dates --------------------------------------------------------------------------------------


def _parse_date(text: str, language: str | None) -> dt.date | None:
    """A date or datetime from a declared value: ISO 8601, RFC 2822, Unix seconds or
    milliseconds, else the first date :func:`find_dates` reads."""
    text = text.strip()
    if not text or len(text) > tuning.DATELINE_LINE_MAX_CHARS:
        return None
    value = _iso_date(text)
    if value is None and _EPOCH_DIGITS.match(text):
        seconds = int(text) / (1000 if len(text) == 13 else 1)
        try:
            value = dt.datetime.fromtimestamp(seconds, dt.UTC)
        except (OverflowError, OSError, ValueError):
            value = None
    if value is None and ("," in text or text[:3].isalpha()):
        try:
            value = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = None
    if value is None:
        found = find_dates(text, language=language)
        value = found[0].value if found else None
    return value


def _iso_date(text: str) -> dt.date | None:
    if not text[:4].isdigit():
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    text = _ZONE_SPACE.sub("", text)
    if text.endswith("z"):
        text = text[:-1] + "Z"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _day(value: dt.date) -> dt.date:
    return value.date() if isinstance(value, dt.datetime) else value


def _aware(value: dt.date) -> bool:
    return isinstance(value, dt.datetime) and value.utcoffset() is not None


def _before(first: dt.date, second: dt.date) -> bool:
    """Whether ``first`` is strictly earlier than ``second``: to the second when both have a
    time and agree on having a zone, else by calendar day."""
    if (
        isinstance(first, dt.datetime)
        and isinstance(second, dt.datetime)
        and _aware(first) == _aware(second)
    ):
        return first < second
    return _day(first) < _day(second)


def _after_capture(value: dt.date, captured: dt.date) -> bool:
    if (
        isinstance(value, dt.datetime)
        and isinstance(captured, dt.datetime)
        and _aware(value)
        and _aware(captured)
    ):
        return value > captured
    slack = dt.timedelta(days=tuning.PAGE_CAPTURE_SLACK_DAYS)
    return _day(value) > _day(captured) + slack


def _refines(finer: dt.date, coarse: dt.date) -> bool:
    """Whether ``finer`` says what ``coarse`` says, with a time or a zone more."""
    if not isinstance(finer, dt.datetime):
        return False
    if not isinstance(coarse, dt.datetime):
        return finer.date() == coarse
    if _aware(coarse) or not _aware(finer):
        return False
    return finer.replace(tzinfo=None, second=0, microsecond=0) == coarse.replace(
        second=0, microsecond=0
    )


class _Date(NamedTuple):
    value: dt.date
    source: str
    rank: int


# --- reconciling --------------------------------------------------------------------------------


class _Reconciler:
    """Picks each field's value from the evidence, by the rules of the module docstring."""

    def __init__(self, evidence: _Evidence, captured: dt.date | None) -> None:
        self.evidence = evidence
        self.ld = evidence.ld
        self.captured = captured
        self.sources: dict[str, str] = {}
        self.canonical: str | None = None
        self.host = _Host()

    def metadata(self) -> PageMetadata:
        ev = self.evidence
        link = self._absolute(ev.canonical) if ev.canonical else None
        self.ld.choose([ev.url or "", link or "", *ev.meta.get("og:url", ())])
        canonical = self.canonical = self.canonical_url()
        self.host = _host_of(ev.url or canonical)
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
        description = self.first("description", self._description_items(), _clean)
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
            section=self.first("section", self._section_items(), _clean_section),
            tags=self.tags(),
            top_image=self.first("top_image", self._image_items(), self._absolute),
            sources=tuple(self.sources.items()),
        )

    def first(
        self, name: str, items: Iterable[_Item], read: Callable[[Any], str | None]
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
            return text if _is_http(text) else None
        base = self.evidence.url or self.evidence.base
        try:
            if base:
                text = urljoin(base, text)
            elif text.startswith("//"):
                text = "https:" + text
        except ValueError:
            return None
        return text if _is_http(text) else None

    def canonical_url(self) -> str | None:
        ev = self.evidence
        items: list[_Item] = []
        if ev.canonical:
            items.append(_Item("link:canonical", ev.canonical, _DOCUMENT))
        items.extend(ev.meta_items(("og:url",)))
        items.extend(self.ld.article_addresses())
        items.extend(ev.meta_items(_META_CANONICAL[1:]))
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
        items = [_Item(source, value, _DOCUMENT) for source, value in ev.lang]
        items.extend(self.ld.language_items())
        items.extend(ev.meta_items(_META_LANGUAGE))
        items.extend(ev.micro_items(("inLanguage",), _micro_value))
        return self.first("language", items, _language_code)

    def publisher(self) -> str | None:
        ld, ev = self.ld, self.evidence
        items: list[_Item] = [*ld.items("publisher")]
        for site in ld.of_types(_SITE_TYPES):
            if "publisher" in site:
                items.append(_Item("json-ld:WebSite.publisher", site["publisher"], _JSON_LD))
        for org in ld.of_types(_ORGANIZATION_TYPES):
            items.append(_Item(f"json-ld:{_type_name(org)}.name", org, _JSON_LD))
        items.extend(ev.meta_items(_META_PUBLISHER))
        items.extend(ev.micro_items(("publisher",), _micro_name))
        return self.first("publisher", items, lambda value: _name(value, ld))

    def site_name(self, publisher: str | None) -> str | None:
        ld, ev = self.ld, self.evidence
        items: list[_Item] = [*ev.meta_items(_META_SITE[:1])]
        for site in ld.of_types(_SITE_TYPES):
            items.append(_Item("json-ld:WebSite.name", site.get("name"), _JSON_LD))
        if publisher is not None and self.sources.get("publisher", "").startswith("json-ld"):
            items.append(_Item(self.sources["publisher"], publisher, _JSON_LD))
        items.extend(ev.meta_items(_META_SITE[1:]))
        named = [(item, _name(item.value, ld)) for item in items]
        usable = [(item, name) for item, name in named if name]
        affixes = [
            (_Item("title:affix", affix, _DOCUMENT), affix)
            for affix in _title_affixes(ev.title or "")
            if _name(affix, ld)
        ]
        if self.host.names:
            for item, name in usable + affixes:
                if _names_host(name, self.host):
                    self.sources["site_name"] = item.source
                    return name
        if usable:
            item, name = usable[0]
            self.sources["site_name"] = item.source
            return name
        return None

    def _title_items(self) -> Iterator[_Item]:
        ev, ld = self.evidence, self.ld
        yield from ld.items("headline")
        if ld.article is not None and "name" in ld.article:
            yield _Item(f"json-ld:{_type_name(ld.article)}.name", ld.article["name"], _JSON_LD)
        yield from ev.meta_items(_META_TITLE)
        yield from ev.micro_items(("headline",), _micro_value, walk=True)
        if ld.page is not None and "name" in ld.page:
            yield _Item(f"json-ld:{_type_name(ld.page)}.name", ld.page["name"], _JSON_LD)
        if ev.title:
            yield _Item("title", ev.title, _DOCUMENT)

    def title(self, site_name: str | None, publisher: str | None) -> str | None:
        names = [name for name in (site_name, publisher) if name]
        keys = {fold(name) for name in names}
        chosen: tuple[str, str] | None = None
        for item in self._title_items():
            text = _first_string(item.value, self.ld)
            if text is None:
                continue
            text = _strip_site(text, names, self.host)
            if not text or fold(text) in keys:
                continue
            if chosen is None:
                chosen = (text, item.source)
                if not text.endswith(_ELLIPSIS):
                    break
                continue
            stem = chosen[0].rstrip(".…").rstrip()
            if len(text) > len(chosen[0]) and text.startswith(stem):
                chosen = (text, item.source)
                break
        if chosen is None:
            return None
        self.sources["title"] = chosen[1]
        return chosen[0]

    # -- people --

    def _author_items(self, found: list[str]) -> Iterator[_Item]:
        """Author values in order of trust; the walk for microdata happens only when the ones
        before it have named nobody (``found`` is the list of authors being filled)."""
        ev, ld = self.evidence, self.ld
        yield from ld.items("author")
        yield from ld.items("creator", page=False)
        for key in ("sourceOrganization", "provider", "copyrightHolder"):
            for item in ld.items(key, page=False):
                yield item._replace(value=_Organizations(item.value))
        yield from ev.meta_items(_META_AUTHORS[:2])
        for label_key, data_key in _TWITTER_LABELS:
            labels = ev.meta.get(label_key, ())
            if labels and fold(labels[0]).strip(" :") in _AUTHOR_LABELS:
                for value in ev.meta.get(data_key, ()):
                    yield _meta_item(data_key, value)
        yield from ev.meta_items(_META_AUTHORS[2:])
        yield from ev.micro_items(("author", "creator"), _micro_name, walk=not found)
        for element in ev.author_links:
            yield _Item("link:rel-author", _element_text(element), _AUTHOR_LINK)

    def people(
        self, site_name: str | None, publisher: str | None
    ) -> tuple[tuple[str, ...], str | None]:
        not_people = {fold(name) for name in (site_name, publisher) if name}
        authors: list[str] = []
        known: set[str] = set()
        agency: str | None = None
        source = None
        for item in self._author_items(authors):
            found, credited = _people_in(item.value, self.ld, site_name)
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
            [*ld.items("datePublished"), *ld.items("dateCreated"), *ev.meta_items(_META_PUBLISHED)],
            language,
        )
        modified_items = [*ld.items("dateModified"), *ev.meta_items(_META_MODIFIED)]
        micro = ("datePublished", "dateCreated")
        published += self._dates(ev.micro_items(micro, _micro_value, walk=not published), language)
        modified_items.extend(ev.micro_items(("dateModified",), _micro_value))
        time_published, time_modified = _time_items(ev.times)
        published += self._dates([*time_published, *self._url_dates()], language)
        modified = self._dates([*modified_items, *time_modified], language)
        if not published:
            if modified:
                self.sources["modified"] = modified[0].source
                return None, modified[0].value
            return None, None
        chosen = published[0]
        if modified and _before(modified[0].value, chosen.value) and modified[0].rank < chosen.rank:
            not_later = [date for date in published if not _before(modified[0].value, date.value)]
            if not_later:
                chosen = not_later[0]
        chosen = _refined(chosen, published)
        later = [date for date in modified if not _before(date.value, chosen.value)]
        update = _refined(later[0], later) if later else None
        self.sources["published"] = chosen.source
        if update is not None:
            self.sources["modified"] = update.source
        return chosen.value, update.value if update else None

    def _dates(self, items: Iterable[_Item], language: str | None) -> list[_Date]:
        """The plausible dates of ``items``, in their order."""
        dates: list[_Date] = []
        for item in items:
            if isinstance(item.value, dt.date):
                value: dt.date | None = item.value
            else:
                text = _first_string(item.value, self.ld, keys=("@value",))
                value = _parse_date(text, language) if text else None
            if value is not None and self._plausible(value):
                dates.append(_Date(value, item.source, item.rank))
        return dates

    def _plausible(self, value: dt.date) -> bool:
        day = _day(value)
        if day.year < tuning.PAGE_DATE_MIN_YEAR or day == _UNIX_EPOCH:
            return False
        return self.captured is None or not _after_capture(value, self.captured)

    def _url_dates(self) -> Iterator[_Item]:
        """The date in the page's URL (else its canonical URL): ``/2019/11/18/``."""
        for address in (self.evidence.url, self.canonical):
            if address:
                match = _URL_DATE.search(urlsplit(address).path)
                if match:
                    year, month, day = (int(part) for part in match.groups())
                    with contextlib.suppress(ValueError):
                        yield _Item("url", dt.date(year, month, day), _DOCUMENT)
                    return

    # -- the rest --

    def _description_items(self) -> Iterator[_Item]:
        yield from self.ld.items("description")
        yield from self.evidence.meta_items(_META_DESCRIPTION)
        yield from self.evidence.micro_items(("description",), _micro_value)

    def _section_items(self) -> Iterator[_Item]:
        for item in self.ld.items("articleSection"):
            yield item._replace(value=_first_string(item.value, self.ld))
        yield from self.evidence.meta_items(_META_SECTION)
        yield from self.evidence.micro_items(("articleSection",), _micro_value)

    def _image_items(self) -> Iterator[_Item]:
        ld = self.ld
        for key in ("image", "thumbnailUrl", "primaryImageOfPage"):
            for item in ld.items(key):
                for address in _strings(item.value, ld, keys=("url", "contentUrl", "@id")):
                    yield item._replace(value=address)
        yield from self.evidence.meta_items(_META_IMAGE)
        if self.evidence.image_src:
            yield _Item("link:image_src", self.evidence.image_src, _DOCUMENT)
        yield from self.evidence.micro_items(("image", "thumbnailUrl"), _micro_image)

    def tags(self) -> tuple[str, ...]:
        ld, ev = self.ld, self.evidence
        groups: list[tuple[str, list[str]]] = []
        for item in ld.items("keywords"):
            groups.append((item.source, _strings(item.value, ld)))
        for key in _META_TAGS:
            values = ev.meta.get(key)
            if values:
                groups.append((f"meta:{key}", values))
        micro = [str(item.value) for item in ev.micro_items(("keywords",), _micro_value)]
        if micro:
            groups.append(("microdata:keywords", micro))
        for source, values in groups:
            tags = _split_tags(values)
            if tags:
                self.sources["tags"] = source
                return tags
        return ()


class _Organizations(NamedTuple):
    """A JSON-LD value that names organisations only (``sourceOrganization``...)."""

    value: Any


_UNIX_EPOCH = dt.date(1970, 1, 1)


def _micro_image(element: Any) -> str | None:
    if element.get("itemscope") is not None:
        for inner in element.iterdescendants():
            props = {prop.lower() for prop in (inner.get("itemprop") or "").split()}
            if props & {"url", "contenturl"}:
                return _micro_url(inner)
    return _micro_url(element)


def _refined(chosen: _Date, candidates: list[_Date]) -> _Date:
    """``chosen``, or a less trusted candidate that gives the same date more precisely."""
    for candidate in candidates:
        if candidate.source != chosen.source and _refines(candidate.value, chosen.value):
            return _Date(candidate.value, f"{chosen.source} + {candidate.source}", chosen.rank)
    return chosen


def _time_items(times: list[Any]) -> tuple[list[_Item], list[_Item]]:
    """``<time>`` candidates: marked publication times, then the first time in an article or
    header, else the page's only time with a ``datetime``; and marked update times."""
    published: list[_Item] = []
    modified: list[_Item] = []
    fallback: _Item | None = None
    for element in times:
        value = element.get("datetime") or _element_text(element)
        if not value:
            continue
        marks = f"{element.get('class') or ''} {element.get('id') or ''}"
        is_published = element.get("pubdate") is not None or bool(_PUBLISHED_CLASS.search(marks))
        is_modified = bool(_MODIFIED_CLASS.search(marks))
        if not (is_published or is_modified):
            parent = element.getparent()
            before = (parent.text or "").strip() if parent is not None else ""
            label = date_label(before[-_LABEL_MAX_CHARS:]) if before else "unknown"
            is_published, is_modified = label == "published", label == "modified"
        if is_published:
            published.append(_Item("time:published", value, _TIME))
        if is_modified:
            modified.append(_Item("time:modified", value, _TIME))
        if (
            not (is_published or is_modified)
            and fallback is None
            and any(anc.tag in ("article", "header") for anc in element.iterancestors())
        ):
            fallback = _Item("time:in-article", value, _TIME)
    if fallback is not None:
        published.append(fallback)
    else:
        machine = [element for element in times if element.get("datetime")]
        if len(machine) == 1:  # a page's only machine-readable time is its article's
            published.append(_Item("time:only", machine[0].get("datetime"), _TIME))
    return published, modified


# --- names, people, tags ------------------------------------------------------------------------


def _name(value: Any, ld: _JsonLd) -> str | None:
    """A site's or an organisation's name: text that is not an address."""
    text = _first_string(value, ld)
    if text is None or _URL_LIKE.match(text) or text.startswith("@"):
        return None
    return text if len(text) <= _NAME_MAX_CHARS else None


def _people_in(value: Any, ld: _JsonLd, site_name: str | None) -> tuple[list[str], str | None]:
    """The people an author value names, and the agency it credits."""
    people: list[str] = []
    agency: str | None = None
    if isinstance(value, _Organizations):
        for text in _strings(value.value, ld):
            agency = agency or agency_named(text)
        return people, agency
    for text, kind in _author_texts(value, ld):
        if kind == "organization":
            agency = agency or agency_named(text)
            continue
        names, credited = _byline_people(text, site_name)
        people.extend(names)
        agency = agency or credited
    return people, agency


def _author_texts(value: Any, ld: _JsonLd) -> Iterator[tuple[str, str]]:
    """(text, kind) for each author in a JSON-LD author value or a meta content, in order, up
    to ``_AUTHORS_MAX`` of them; kind is "organization", "person" or "unknown"."""
    stack: deque[tuple[Any, int]] = deque([(value, 0)])
    count = 0
    while stack and count < _AUTHORS_MAX:
        item, depth = stack.popleft()
        if depth > _JSON_MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack.extendleft((inner, depth + 1) for inner in reversed(item[:_AUTHORS_MAX]))
            continue
        count += 1
        if isinstance(item, dict):
            item = ld.resolve(item)
            types = _types_of(item)
            kind = (
                "organization"
                if types & _ORGANIZATION_TYPES
                else "person"
                if types & _PERSON_TYPES
                else "unknown"
            )
            name = item.get("name")
            if name is None and ("givenName" in item or "familyName" in item):
                parts = [_first_string(item.get(key)) for key in ("givenName", "familyName")]
                name = " ".join(part for part in parts if part)
            for text in _strings(name, ld):
                yield text, kind
            continue
        scalar = _clean(item)
        if scalar is not None:
            yield scalar, "unknown"


@memoized
def _byline_people(text: str, site_name: str | None) -> tuple[tuple[str, ...], str | None]:
    """The people and the agency a declared author names ("Jane Doe and John Roe",
    "By Jane Doe | Reuters", "Doe, Jane"); nothing for an address, a desk or a title."""
    if _URL_LIKE.match(text) or len(text) > _AUTHOR_MAX_CHARS:
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
        return (), find_agency(text)
    return found.authors, found.agency


def _byline_readings(text: str) -> Iterator[str]:
    """Other ways to read an author value as a byline: after a "By", from a marker a few
    words in ("Analysis by Jane Doe"), and "Doe, Jane" as "Jane Doe"."""
    yield f"By {text}"
    tokens = text.split()
    markers = byline_words().markers
    for index in range(1, min(len(tokens), _MARKER_MAX_POSITION + 1)):
        if fold(tokens[index]) in markers:
            yield " ".join(tokens[index:])
            break
    match = _LAST_FIRST.match(text)
    if match is not None:
        yield f"By {match[2]} {match[1]}"


def _split_tags(values: Iterable[str]) -> tuple[str, ...]:
    tags: list[str] = []
    seen: set[str] = set()
    for value in values:
        for piece in _TAG_SPLIT.split(value):
            tag = _clean(piece)
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


def _clean_section(value: Any) -> str | None:
    text = _clean(value)
    return text if text is not None and _is_label(text) and not _URL_LIKE.match(text) else None


def _language_code(value: Any) -> str | None:
    """An ISO 639-1 code from a declared language: "fr-FR", "fr_FR", "fra", "French"."""
    text = _clean(value)
    if text is None:
        return None
    text = text.lower().replace("_", "-").split(",")[0].strip()
    primary = text.split("-")[0]
    if primary in _ISO_639_1:
        return primary
    if primary in _LANGUAGE_ALIASES:
        return _LANGUAGE_ALIASES[primary]
    return _LANGUAGE_NAMES.get(fold(text)) or _LANGUAGE_NAMES.get(fold(primary))


# --- titles -------------------------------------------------------------------------------------


def _title_parts(title: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) spans of the separators in a title that may set a site's name apart:
    those after which a suffix may follow, and those before which a prefix may stand (the
    first separator, or a colon: "The Space Review: Seeking a bigger role")."""
    spans = [(match.start(), match.end()) for match in _TITLE_SEPARATOR.finditer(title)]
    prefixes = spans[:1]
    spans = spans[-_TITLE_SUFFIX_PARTS:]
    colon = title.find(": ")
    if colon > 0 and (not spans or colon < spans[0][0]):
        prefixes.append((colon, colon + 2))
    return spans, prefixes


def _title_affixes(title: str) -> list[str]:
    """The short parts a title's separators set apart at its end and its start."""
    title = _clean(title) or ""
    suffixes, prefixes = _title_parts(title)
    affixes = [title[end:] for _, end in suffixes[-1:]]
    affixes.extend(title[:start] for start, _ in prefixes)
    return [
        affix.strip()
        for affix in affixes
        if affix.strip() and len(affix.split()) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS
    ]


def _strip_site(title: str, names: list[str], host: _Host) -> str:
    """``title`` without a site-name affix: "Headline - Site", "Headline | Site | Section",
    "Site: Headline"."""
    suffixes, prefixes = _title_parts(title)
    keys = {_compact(name) for name in names}

    def is_site(part: str) -> bool:
        part = part.strip()
        if not part or len(part) > _NAME_MAX_CHARS:
            return False
        if _compact(part) in keys:
            return True
        return len(part.split()) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS and _names_host(part, host)

    for start, end in reversed(suffixes):
        head = title[:start].strip()
        if head and is_site(title[end:]):
            return head
    for start, end in prefixes:
        tail = title[end:].strip()
        if tail and is_site(title[:start]):
            return tail
    return title


def _compact(text: str) -> str:
    return "".join(_ALNUM_WORDS.findall(fold(text)))
