"""The versioned JSON form of an article: ``to_dict`` and ``from_dict``, which round-trip exactly.

Both are derived from the model (:mod:`newscorpus.models.fields`): the record holds every field
of :class:`~newscorpus.Article` in declaration order, after ``schema``, with ``text`` (derived
from ``blocks``) before ``blocks``. A new field is added to the model, to the history below and
to docs/record.md; ``SCHEMA_VERSION`` goes up once a release.

Schema history (``schema`` field of every record):

* **1** (0.1.0, dumps): the first record: ``id``, ``source``, ``format``, ``url``, ``title``,
  ``site_name``, ``publisher``, ``agency``, ``authors``, ``published``, ``language``,
  ``text``, ``blocks``, ``media``, ``truncated``, ``paywall``, ``removed``, ``edits``,
  ``parser``.
* **2** (0.1.0, HTML pages): adds ``modified``, ``canonical_url``, ``description``,
  ``section``, ``tags`` and ``top_image``; a schema-1 record reads with them empty. The full
  record: ``id``, ``source``, ``format``, ``url``, ``title``, ``site_name``, ``publisher``,
  ``agency``, ``authors``, ``published``, ``modified``, ``language``, ``canonical_url``,
  ``description``, ``section``, ``tags``, ``top_image``, ``text``, ``blocks``, ``media``,
  ``truncated``, ``paywall``, ``removed``, ``edits``, ``parser``.
* **3** (0.1.0, corpus deduplication): adds ``duplicate_of``, ``syndication_group`` (``{"id",
  "agency"}`` or null) and ``story``; a schema-1 or schema-2 record reads with them null. The
  full record: ``id``, ``source``, ``format``, ``url``, ``title``, ``site_name``,
  ``publisher``, ``agency``, ``authors``, ``published``, ``modified``, ``language``,
  ``canonical_url``, ``description``, ``section``, ``tags``, ``top_image``, ``text``,
  ``blocks``, ``media``, ``truncated``, ``paywall``, ``removed``, ``edits``, ``parser``,
  ``duplicate_of``, ``syndication_group``, ``story``.
* **4** (0.1.0, content): blocks of kind *table* carry their rows (``{"cells": [...], "header":
  bool}`` each) and every block its links (``{"start", "end", "href"}`` spans over its text;
  both empty lists for most blocks); adds ``comments`` (``{"blocks", "author", "published"}``
  each; empty unless comments were asked for); reason codes: adds ``"code"`` to every
  entry of ``removed`` and ``edits``, the stable machine name of its reason
  (``"markup.mostly-links"``; docs/cleaning.md lists them); adds ``pipeline``, the
  fingerprint of the cleaning pipeline that made the article; and adds ``warnings``
  (``{"code", "message"}`` each: a suspicious result kept all the same, such as
  ``empty-body``). A record of schema 1 to 3 reads with them empty (an entry's code ``""``,
  ``pipeline`` null, no warnings). The full record: ``id``,
  ``source``, ``format``, ``url``, ``title``, ``site_name``, ``publisher``, ``agency``,
  ``authors``, ``published``, ``modified``, ``language``, ``canonical_url``, ``description``,
  ``section``, ``tags``, ``top_image``, ``text``, ``blocks``, ``media``, ``truncated``,
  ``paywall``, ``removed``, ``edits``, ``parser``, ``duplicate_of``, ``syndication_group``,
  ``story``, ``comments``, ``pipeline``, ``warnings``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from newscorpus.errors import SchemaError
from newscorpus.models.article import Article
from newscorpus.models.fields import article_shape, record_reader, record_writer

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

#: The version of the JSON record that :func:`to_dict` writes.
SCHEMA_VERSION = 4
_READABLE_VERSIONS = frozenset({1, 2, 3, 4})

_write = record_writer(SCHEMA_VERSION)
_read = record_reader(article_shape())


def to_dict(article: Article) -> dict[str, Any]:
    """Return the JSON-ready record of ``article`` (plain dicts, lists, strings, numbers).

    >>> from newscorpus.models.article import Article, Block, ParserInfo
    >>> record = to_dict(Article(id="a1", blocks=(Block("paragraph", "Hi."),),
    ...                          parser=ParserInfo("dump", "0.1.0")))
    >>> record["schema"], record["text"], record["blocks"]
    (4, 'Hi.', [{'kind': 'paragraph', 'text': 'Hi.', 'rows': [], 'links': []}])
    """
    return _write(article)


def from_dict(record: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from a record made by :func:`to_dict` (any readable version).

    ``text`` is derived from ``blocks`` and is not read back; fields a record of an older
    version does not have take their defaults (null, empty, false). A record that is not a
    valid article record raises :class:`~newscorpus.SchemaError` naming the field at fault.

    >>> from newscorpus.models.article import Article, Block, ParserInfo
    >>> article = Article(id="a1", blocks=(Block("heading", "Hi"),),
    ...                   parser=ParserInfo("dump", "0.1.0"))
    >>> from_dict(to_dict(article)) == article
    True
    """
    if not isinstance(record, Mapping):
        raise SchemaError(f"an article record must be a JSON object, not {type(record).__name__}")
    version = record.get("schema")
    if type(version) is not int or version not in _READABLE_VERSIONS:
        raise SchemaError(
            f"unknown record schema {version!r}; this version reads {sorted(_READABLE_VERSIONS)}"
        )
    article: Article = _read(record)
    return article
