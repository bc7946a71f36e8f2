"""The vocabulary pages declare their metadata in: the ``<meta>`` keys read for each field (in
order of trust), the schema.org types, and the language codes and names. Data, no algorithm."""


# --- the keys read, by field, in order of trust ------------------------------------------------
# Meta keys are lower-cased ``name``/``property``/``http-equiv`` values; OpenGraph and Twitter
# keys come first in each table, so that a table's order is also the order of the sources.

META_TITLE = (
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
#: Author sources whose value the page declares to be a person (not just "an author", which
#: may be a desk or a publication): read with :func:`~newscorpus.metadata._names.is_declared_name`
#: where the capitals test refuses a name ("jane doe", a pen name).
DECLARED_PEOPLE = frozenset({"meta:author", "link:rel-author"})
META_AUTHORS = (
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
META_PUBLISHED = (
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
META_MODIFIED = (
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
META_SITE = ("og:site_name", "application-name", "apple-mobile-web-app-title")
META_PUBLISHER = (
    "article:publisher",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "citation_publisher",
)
META_LANGUAGE = (
    "og:locale",
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "citation_language",
)
META_CANONICAL = ("og:url", "twitter:url", "parsely-link")
META_DESCRIPTION = (
    "og:description",
    "twitter:description",
    "description",
    "dc.description",
    "dcterms.description",
    "sailthru.description",
)
META_SECTION = ("article:section", "section", "parsely-section", "article.section")
META_TAGS = (
    "article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "sailthru.tags",
    "citation_keywords",
    "dc.subject",
)
META_IMAGE = (
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
TWITTER_LABELS = (("twitter:label1", "twitter:data1"), ("twitter:label2", "twitter:data2"))
AUTHOR_LABELS = frozenset({"written by", "by", "author", "authors", "auteur", "autor", "von"})

# --- schema.org types (lower-case, without their namespace) ------------------------------------

ARTICLE_TYPES = frozenset(
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
PAGE_TYPES = frozenset(
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
ORGANIZATION_TYPES = frozenset(
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
PERSON_TYPES = frozenset({"person"})
SITE_TYPES = frozenset({"website"})

# --- languages ----------------------------------------------------------------------------------


def _table(text: str) -> dict[str, str]:
    """A table written as ``key:value`` words (``_`` stands for a space in a key)."""
    return dict(pair.replace("_", " ").split(":", 1) for pair in text.split())


#: The ISO 639-1 codes.
ISO_639_1 = frozenset(
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
LANGUAGE_ALIASES = _table(
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
LANGUAGE_NAMES = _table(
    """english:en french:fr francais:fr german:de deutsch:de spanish:es espanol:es italian:it
    italiano:it portuguese:pt portugues:pt dutch:nl nederlands:nl russian:ru japanese:ja
    chinese:zh korean:ko arabic:ar hindi:hi turkish:tr turkce:tr polish:pl polski:pl
    swedish:sv svenska:sv danish:da dansk:da norwegian:no norsk:no finnish:fi suomi:fi
    czech:cs cestina:cs greek:el hebrew:he hungarian:hu magyar:hu romanian:ro romana:ro
    indonesian:id bahasa_indonesia:id malay:ms vietnamese:vi thai:th ukrainian:uk
    bulgarian:bg croatian:hr hrvatski:hr serbian:sr slovak:sk slovenian:sl catalan:ca
    catala:ca persian:fa farsi:fa urdu:ur bengali:bn bangla:bn tamil:ta"""
)
