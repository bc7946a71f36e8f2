"""page_metadata on small, realistic pages: one per kind of metadata a site commonly offers."""

from __future__ import annotations

import datetime as dt

import lxml.html  # type: ignore[import-untyped, unused-ignore]

from newscorpus.metadata.page import PageMetadata, page_metadata

PARIS = dt.timezone(dt.timedelta(hours=1))


def read(page: str, *, url: str | None = None) -> PageMetadata:
    return page_metadata(lxml.html.document_fromstring(page), url=url)


# A Le Monde-like article: JSON-LD in an @graph whose objects refer to each other by @id, with
# the OpenGraph tags most French publishers add. The breadcrumb, the site and the organisation
# are separate objects; the author list mixes people and the agency.
LE_MONDE = """<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Grève à la SNCF : le trafic reste très perturbé mardi</title>
<meta name="description" content="Les syndicats appellent à poursuivre le mouvement.">
<meta property="og:site_name" content="Le Monde.fr">
<meta property="og:title" content="Grève à la SNCF : le trafic reste très perturbé mardi">
<meta property="og:url" content="https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html">
<meta property="og:image" content="https://img.lemde.fr/2019/11/18/0/0/4000/2667/1440/960/60/0/og.jpg">
<meta property="og:locale" content="fr_FR">
<link rel="canonical" href="https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html">
<script type="application/ld+json">
{
  "@context": "https://schema.org",
  "@graph": [
    {
      "@type": "WebSite",
      "@id": "https://www.lemonde.fr/#website",
      "name": "Le Monde.fr",
      "publisher": {"@id": "https://www.lemonde.fr/#organization"}
    },
    {
      "@type": "NewsMediaOrganization",
      "@id": "https://www.lemonde.fr/#organization",
      "name": "Le Monde",
      "logo": {"@type": "ImageObject", "url": "https://www.lemonde.fr/logo.png"}
    },
    {
      "@type": "WebPage",
      "@id": "https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html",
      "name": "Grève à la SNCF : le trafic reste très perturbé mardi - Le Monde.fr",
      "breadcrumb": {"@id": "#breadcrumb"}
    },
    {
      "@type": "NewsArticle",
      "mainEntityOfPage": {"@id": "https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html"},
      "headline": "Grève à la SNCF : le trafic reste très perturbé mardi",
      "description": "Les syndicats appellent à poursuivre le mouvement &amp; à manifester.",
      "datePublished": "2019-11-18T10:31:00+01:00",
      "dateModified": "2019-11-18T18:02:41+01:00",
      "articleSection": "Économie",
      "keywords": ["SNCF", "grève", "transports"],
      "inLanguage": "fr-FR",
      "image": [
        {"@type": "ImageObject", "url": "https://img.lemde.fr/2019/11/18/article.jpg"},
        "https://img.lemde.fr/2019/11/18/other.jpg"
      ],
      "author": [
        {"@type": "Person", "name": "Jean Dupont", "url": "https://www.lemonde.fr/signataires/jean-dupont/"},
        {"@type": "Person", "name": "Marie Curie"},
        {"@type": "Organization", "name": "AFP"}
      ],
      "publisher": {"@id": "https://www.lemonde.fr/#organization"},
      "isAccessibleForFree": false
    },
    {
      "@type": "BreadcrumbList",
      "@id": "#breadcrumb",
      "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Économie"}]
    }
  ]
}
</script>
</head>
<body><article><h1>Grève à la SNCF : le trafic reste très perturbé mardi</h1>
<p>Le trafic reste très perturbé.</p></article></body>
</html>
"""


def test_le_monde_json_ld_graph() -> None:
    meta = read(LE_MONDE, url="https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html")
    assert meta.title == "Grève à la SNCF : le trafic reste très perturbé mardi"
    assert meta.authors == ("Jean Dupont", "Marie Curie")
    assert meta.agency == "AFP"
    assert meta.published == dt.datetime(2019, 11, 18, 10, 31, tzinfo=PARIS)
    assert meta.modified == dt.datetime(2019, 11, 18, 18, 2, 41, tzinfo=PARIS)
    assert meta.site_name == "Le Monde.fr"
    assert meta.publisher == "Le Monde"
    assert meta.language == "fr"
    assert meta.canonical_url == (
        "https://www.lemonde.fr/economie/article/2019/11/18/greve_6019.html"
    )
    assert meta.description == "Les syndicats appellent à poursuivre le mouvement & à manifester."
    assert meta.section == "Économie"
    assert meta.tags == ("SNCF", "grève", "transports")
    assert meta.top_image == "https://img.lemde.fr/2019/11/18/article.jpg"
    assert meta.source("authors") == "json-ld:NewsArticle.author"
    assert meta.source("publisher") == "json-ld:NewsArticle.publisher"
    assert meta.source("language") == "html:lang"


# A WordPress page (Yoast without JSON-LD, a classic theme): OpenGraph, Twitter's "Written by"
# label, plain meta names, a relative canonical link and the theme's <time> elements.
WORDPRESS = """<!DOCTYPE html>
<html lang="en-US">
<head>
<title>Ten Years of Backyard Bees &#8211; The Hive Diaries</title>
<meta name="description" content="What a decade of beekeeping taught me.">
<meta name="author" content="Jane Doe">
<meta name="keywords" content="bees, gardening">
<link rel="canonical" href="/2019/11/18/ten-years-of-backyard-bees/">
<meta property="og:locale" content="en_US">
<meta property="og:type" content="article">
<meta property="og:title" content="Ten Years of Backyard Bees - The Hive Diaries">
<meta property="og:site_name" content="The Hive Diaries">
<meta property="og:image" content="/wp-content/uploads/2019/11/hive.jpg">
<meta property="article:publisher" content="https://www.facebook.com/hivediaries">
<meta property="article:author" content="https://www.facebook.com/jane.doe.bees">
<meta property="article:section" content="Garden">
<meta property="article:tag" content="Bees">
<meta property="article:tag" content="Beekeeping">
<meta property="article:tag" content="bees">
<meta property="article:published_time" content="2019-11-18T08:00:00+00:00">
<meta property="article:modified_time" content="2019-11-20T09:15:00+00:00">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:label1" content="Written by">
<meta name="twitter:data1" content="Jane Doe">
</head>
<body class="post-template-default single">
<article class="post">
<header class="entry-header">
<h1 class="entry-title">Ten Years of Backyard Bees</h1>
<span class="posted-on">
<time class="entry-date published" datetime="2019-11-18T08:00:00+00:00">Nov 18, 2019</time>
<time class="updated" datetime="2019-11-20T09:15:00+00:00">November 20, 2019</time></span>
<span class="byline">by <a class="url fn n" href="/author/jane/">Jane Doe</a></span>
</header>
<p>It started with one hive.</p>
</article>
</body>
</html>
"""


def test_wordpress_opengraph_and_meta() -> None:
    meta = read(WORDPRESS, url="https://hivediaries.example/2019/11/18/ten-years-of-backyard-bees/")
    assert meta.title == "Ten Years of Backyard Bees"
    assert meta.source("title") == "meta:og:title"
    assert meta.authors == ("Jane Doe",)
    assert meta.source("authors") == "meta:twitter:data1"  # article:author is a profile URL
    assert meta.agency is None
    assert meta.published == dt.datetime(2019, 11, 18, 8, 0, tzinfo=dt.UTC)
    assert meta.modified == dt.datetime(2019, 11, 20, 9, 15, tzinfo=dt.UTC)
    assert meta.site_name == "The Hive Diaries"
    assert meta.publisher is None  # only a Facebook page's address
    assert meta.language == "en"
    assert meta.canonical_url == (
        "https://hivediaries.example/2019/11/18/ten-years-of-backyard-bees/"
    )
    assert meta.description == "What a decade of beekeeping taught me."
    assert meta.section == "Garden"
    assert meta.tags == ("Bees", "Beekeeping")
    assert meta.top_image == "https://hivediaries.example/wp-content/uploads/2019/11/hive.jpg"


# A page with microdata and <time> only: the article item, its author item, and a related story
# in its own item further down, which must not be read.
MICRODATA = """<html>
<head><title>Council approves new bridge | Riverside Gazette</title></head>
<body>
<div class="teasers">
  <div itemscope itemtype="https://schema.org/NewsArticle">
    <h3 itemprop="headline">Teaser above the article</h3>
  </div>
</div>
<article itemscope itemtype="http://schema.org/NewsArticle">
  <h1 itemprop="headline">Council approves new bridge</h1>
  <div class="byline">By
    <span itemprop="author" itemscope itemtype="http://schema.org/Person">
      <span itemprop="name">John Roe</span></span>
  </div>
  <time itemprop="datePublished" datetime="2019-11-18T10:31:00-05:00">Nov. 18, 2019</time>
  <meta itemprop="dateModified" content="2019-11-19T08:00:00-05:00">
  <span itemprop="articleSection">Local</span>
  <meta itemprop="keywords" content="bridge, council, budget">
  <img itemprop="image" src="/img/bridge.jpg">
  <div itemprop="articleBody"><p>The council voted 7-2.</p></div>
</article>
</body>
</html>
"""


def test_microdata_of_the_article_item_only() -> None:
    meta = read(MICRODATA, url="https://riverside.example/news/bridge")
    assert meta.title == "Council approves new bridge"
    assert meta.source("title") == "microdata:headline"
    assert meta.authors == ("John Roe",)
    assert meta.published == dt.datetime(
        2019, 11, 18, 10, 31, tzinfo=dt.timezone(dt.timedelta(hours=-5))
    )
    assert meta.modified is not None
    assert meta.modified.isoformat() == "2019-11-19T08:00:00-05:00"
    assert meta.section == "Local"
    assert meta.tags == ("bridge", "council", "budget")
    assert meta.top_image == "https://riverside.example/img/bridge.jpg"
    # The title's suffix names the site: its first word is the host's name.
    assert meta.site_name == "Riverside Gazette"
    assert meta.source("site_name") == "title:affix"


def test_properties_outside_the_article_item_come_after_its_own() -> None:
    page = MICRODATA.replace('<div itemscope itemtype="https://schema.org/NewsArticle">', "<div>")
    assert read(page).title == "Council approves new bridge"


TIME_ONLY = """<html><head><title>Storm closes schools</title></head><body>
<div class="ticker"><time datetime="2019-11-20T07:00">Today</time></div>
<article><header><h1>Storm closes schools</h1>
<p>By Ann Lee</p><time datetime="2019-11-18">18 November 2019</time></header>
<p>Schools stay shut. <span>Updated: <time datetime="2019-11-19T16:45:00Z">Tue</time></span></p>
</article></body></html>
"""


def test_time_elements_in_the_article_and_labelled_ones() -> None:
    meta = read(TIME_ONLY)
    assert meta.title == "Storm closes schools"
    assert meta.published == dt.date(2019, 11, 18)  # the ticker's time is outside the article
    assert meta.source("published") == "time:in-article"
    assert meta.modified == dt.datetime(2019, 11, 19, 16, 45, tzinfo=dt.UTC)
    assert meta.source("modified") == "time:modified"
    assert meta.authors == ()  # the visible byline is the cleaning steps' business


BROKEN_JSON_LD = """<html><head>
<title>Oil slides on oversupply fears - Reuters</title>
<meta property="og:site_name" content="U.S.">
<meta property="og:title" content="Oil slides on oversupply fears">
<meta property="article:published_time" content="2019-11-19T21:57:01Z">
<script type="application/ld+json">
{"@context": "http://schema.org", "@type": "NewsArticle",
 "headline": "Oil slides on "oversupply" fears",
 "datePublished": "2019-11-01T00:00:00Z"}
</script>
<script type="application/ld+json">{"@type": "NewsArticle", "author": </script>
<script type="application/ld+json"></script>
<script type="application/ld+json">not json at all</script>
</head><body><p>Text</p></body></html>
"""


def test_broken_json_ld_is_skipped() -> None:
    meta = read(BROKEN_JSON_LD, url="https://www.reuters.com/article/us-oil-idUSKBN1XT00W")
    assert meta.title == "Oil slides on oversupply fears"
    assert meta.published == dt.datetime(2019, 11, 19, 21, 57, 1, tzinfo=dt.UTC)
    # og:site_name is a section here; the title's suffix names reuters.com.
    assert meta.site_name == "Reuters"
    assert meta.source("site_name") == "title:affix"


REPAIRABLE_JSON_LD = """<html><head>
<script type="application/ld+json">
//<![CDATA[
{
  "@context": "https://schema.org",
  "@type": "NewsArticle", // "BlogPosting",
  "headline": 'Smart News: three cases of plague',
  "description": "It\\'s the \\"plague\\"",
  "keywords": ["Smart News", "Science", ],
  "author": {"@type": "Person", "name": "Brigit Katz",},
}
}
//]]>
</script>
<script type="application/ld+json">{&quot;@type&quot;: &quot;WebSite&quot;,
 &quot;name&quot;: &quot;Smithsonian&quot;}</script>
</head><body></body></html>
"""


def test_cheap_repairs_of_json_ld() -> None:
    meta = read(REPAIRABLE_JSON_LD, url="https://www.smithsonianmag.com/smart-news/plague/")
    assert meta.title == "Smart News: three cases of plague"
    assert meta.authors == ("Brigit Katz",)
    assert meta.tags == ("Smart News", "Science")
    assert meta.site_name == "Smithsonian"


FRENCH = """<html lang="fr-FR"><head>
<meta charset="utf-8"><title>Un été à Marseille – Le Blog de Léa</title>
<meta name="author" content="Par Léa Martin">
<meta name="date" content="18 novembre 2019">
</head><body><p>Texte en français.</p></body></html>
"""

JAPANESE = """<html><head>
<meta charset="utf-8">
<title>日銀、金融緩和を維持 | 日本経済ニュース</title>
<meta property="og:locale" content="ja_JP">
<meta property="og:site_name" content="日本経済ニュース">
<meta name="date" content="2019年11月18日 10:31">
<script type="application/ld+json">{"@type": "NewsArticle",
 "author": {"@type": "Person", "name": "山田太郎"}}</script>
</head><body><p>日銀は金融緩和を維持した。</p></body></html>
"""


def test_french_page() -> None:
    meta = read(FRENCH)
    assert meta.language == "fr"
    assert (
        meta.title == "Un été à Marseille – Le Blog de Léa"
    )  # nothing says which part is the site
    assert meta.authors == ("Léa Martin",)
    assert meta.published == dt.date(2019, 11, 18)
    assert meta.source("published") == "meta:date"


def test_japanese_page() -> None:
    meta = read(JAPANESE)
    assert meta.language == "ja"
    assert meta.source("language") == "meta:og:locale"
    assert meta.title == "日銀、金融緩和を維持"
    assert meta.site_name == "日本経済ニュース"
    assert meta.authors == ("山田太郎",)
    assert meta.published == dt.datetime(2019, 11, 18, 10, 31)


def test_an_empty_page_declares_nothing() -> None:
    meta = read("<html><body><p>Hello</p></body></html>")
    assert meta == PageMetadata()
