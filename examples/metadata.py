"""Where each metadata field comes from: what an HTML page declares, and what its text shows.

Run from anywhere, after ``pip install .``: ``python examples/metadata.py``.
"""

from __future__ import annotations

import lxml.html

import newscorpus
from newscorpus.metadata.page import page_metadata

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Harbour reopens after storm | The Coast Courier</title>
<meta property="og:site_name" content="The Coast Courier">
<meta property="article:published_time" content="2026-03-03T07:45:00+00:00">
<meta name="keywords" content="storms, harbours, fishing">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Harbour reopens after storm",
 "author": [{"@type": "Person", "name": "Jane Doe"}],
 "publisher": {"@type": "Organization", "name": "Courier Media Group"}}
</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour reopens after storm</h1>
<p>By Jane Doe</p>
<p>PORTHAVEN (Reuters) — The harbour reopened on Tuesday, three days after the storm tore
through the coast and sank a dozen fishing boats at their moorings.</p>
<p>Engineers said the breakwater held, but the quay will need weeks of repairs before the
ferries can dock at full load again.</p>
<p>Share this article</p>
</article></body></html>"""

FIELDS = ("title", "authors", "agency", "published", "site_name", "publisher", "language", "tags")


def main() -> None:
    """Parse the page; print each field, and the source the page's declaration came from."""
    article = newscorpus.parse(PAGE, url="https://www.coastcourier.example/2026/03/harbour")
    declared = dict(page_metadata(lxml.html.document_fromstring(PAGE)).sources)
    for name in FIELDS:
        value = getattr(article, name)
        origin = declared.get(name, "the text (cleaning steps)")
        if name == "language":  # the text's language wins over the declared one
            origin = f"the text (language step); the page declares it too ({origin})"
        print(f"{name:>10}: {value!r:<42} from {origin}")
    print()
    for removal in article.removed:
        print(f"removed by {removal.step:>10}: {removal.text[:50]!r} ({removal.reason})")


if __name__ == "__main__":
    main()
