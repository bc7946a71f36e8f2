"""The versioned JSON form of an article: ``to_dict`` and ``from_dict``, which round-trip exactly.

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
* **4** (0.1.0, reason codes): adds ``"code"`` to every entry of ``removed`` and ``edits``:
  the stable machine name of its reason (``"markup.mostly-links"``; docs/cleaning.md lists
  them). An entry without one (every entry of a schema 1 to 3 record) reads with its step's
  name as its code, the code a step that gives none records. The full record: ``id``,
  ``source``, ``format``, ``url``, ``title``, ``site_name``, ``publisher``, ``agency``,
  ``authors``, ``published``, ``modified``, ``language``, ``canonical_url``, ``description``,
  ``section``, ``tags``, ``top_image``, ``text``, ``blocks``, ``media``, ``truncated``,
  ``paywall``, ``removed``, ``edits``, ``parser``, ``duplicate_of``, ``syndication_group``,
  ``story``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, cast

from newscorpus.errors import SchemaError
from newscorpus.models.article import (
    BLOCK_KINDS,
    Article,
    Block,
    BlockKind,
    Edit,
    Media,
    ParserInfo,
    Paywall,
    Removal,
    SyndicationGroup,
)

__all__ = ["SCHEMA_VERSION", "from_dict", "to_dict"]

#: The version of the JSON record that :func:`to_dict` writes.
SCHEMA_VERSION = 4
_READABLE_VERSIONS = frozenset({1, 2, 3, 4})


def to_dict(article: Article) -> dict[str, Any]:
    """Return the JSON-ready record of ``article`` (plain dicts, lists, strings, numbers).

    >>> from newscorpus.models.article import Article, Block, ParserInfo
    >>> record = to_dict(Article(id="a1", blocks=(Block("paragraph", "Hi."),),
    ...                          parser=ParserInfo("dump", "0.1.0")))
    >>> record["schema"], record["text"], record["blocks"]
    (4, 'Hi.', [{'kind': 'paragraph', 'text': 'Hi.'}])
    """
    return {
        "schema": SCHEMA_VERSION,
        "id": article.id,
        "source": article.source,
        "format": article.format,
        "url": article.url,
        "title": article.title,
        "site_name": article.site_name,
        "publisher": article.publisher,
        "agency": article.agency,
        "authors": list(article.authors),
        "published": article.published.isoformat() if article.published else None,
        "modified": article.modified.isoformat() if article.modified else None,
        "language": article.language,
        "canonical_url": article.canonical_url,
        "description": article.description,
        "section": article.section,
        "tags": list(article.tags),
        "top_image": article.top_image,
        "text": article.text,
        "blocks": [{"kind": b.kind, "text": b.text} for b in article.blocks],
        "media": [{"caption": m.caption, "credit": m.credit} for m in article.media],
        "truncated": article.truncated,
        "paywall": (
            {
                "notice": article.paywall.notice,
                "remaining_fraction": article.paywall.remaining_fraction,
            }
            if article.paywall
            else None
        ),
        "removed": [
            {"text": r.text, "reason": r.reason, "step": r.step, "code": r.code}
            for r in article.removed
        ],
        "edits": [
            {
                "before": e.before,
                "after": e.after,
                "reason": e.reason,
                "step": e.step,
                "code": e.code,
            }
            for e in article.edits
        ],
        "parser": {"name": article.parser.name, "version": article.parser.version},
        "duplicate_of": article.duplicate_of,
        "syndication_group": (
            {"id": article.syndication_group.id, "agency": article.syndication_group.agency}
            if article.syndication_group
            else None
        ),
        "story": article.story,
    }


def from_dict(record: Mapping[str, Any]) -> Article:
    """Rebuild an :class:`Article` from a record made by :func:`to_dict` (any readable version).

    ``text`` is derived from ``blocks`` and is not read back. A record that is not a valid
    article record raises :class:`~newscorpus.SchemaError` naming the field at fault.

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
    reader = _Reader(record)
    try:
        paywall = reader.optional_mapping("paywall")
        syndication = reader.optional_mapping("syndication_group")
        return Article(
            id=reader.text("id"),
            source=reader.optional_text("source"),
            format=reader.optional_text("format"),
            url=reader.optional_text("url"),
            title=reader.optional_text("title"),
            site_name=reader.optional_text("site_name"),
            publisher=reader.optional_text("publisher"),
            agency=reader.optional_text("agency"),
            authors=tuple(reader.list_of("authors", str)),
            published=reader.date("published"),
            modified=reader.date("modified"),
            canonical_url=reader.optional_text("canonical_url"),
            description=reader.optional_text("description"),
            section=reader.optional_text("section"),
            tags=tuple(reader.list_of("tags", str)),
            top_image=reader.optional_text("top_image"),
            language=reader.optional_text("language"),
            blocks=tuple(
                Block(kind=_block_kind(b["kind"]), text=b["text"])
                for b in reader.list_of("blocks", dict)
            ),
            media=tuple(
                Media(caption=m["caption"], credit=m.get("credit"))
                for m in reader.list_of("media", dict)
            ),
            truncated=reader.boolean("truncated"),
            paywall=(
                Paywall(
                    notice=paywall["notice"],
                    remaining_fraction=_optional_float(paywall.get("remaining_fraction")),
                )
                if paywall is not None
                else None
            ),
            removed=tuple(
                Removal(text=r["text"], reason=r["reason"], step=r["step"], code=_code(r))
                for r in reader.list_of("removed", dict)
            ),
            edits=tuple(
                Edit(e["before"], e["after"], e["reason"], e["step"], _code(e))
                for e in reader.list_of("edits", dict)
            ),
            parser=_parser_info(reader.mapping("parser")),
            duplicate_of=reader.optional_text("duplicate_of"),
            syndication_group=(
                SyndicationGroup(id=syndication["id"], agency=syndication.get("agency"))
                if syndication is not None
                else None
            ),
            story=reader.optional_text("story"),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise SchemaError(
            f"invalid article record: {error!s}", source=_source_of(record)
        ) from error


def _code(entry: Mapping[str, Any]) -> str:
    """An entry's reason code; before schema 4 there was none, and the step's name stands in."""
    code = entry.get("code")
    return entry["step"] if code is None else cast(str, code)


class _Reader:
    """Typed access to a record's fields, failing with the field's name."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        self._record = record

    def _get(self, name: str, kinds: tuple[type, ...], *, optional: bool) -> Any:
        value = self._record.get(name)
        if value is None and optional:
            return None
        if not isinstance(value, kinds):
            raise SchemaError(
                f"field {name!r} must be {' or '.join(k.__name__ for k in kinds)}"
                f"{' or null' if optional else ''}, not {value!r}",
                source=_source_of(self._record),
            )
        return value

    def text(self, name: str) -> str:
        return cast(str, self._get(name, (str,), optional=False))

    def optional_text(self, name: str) -> str | None:
        return cast("str | None", self._get(name, (str,), optional=True))

    def mapping(self, name: str) -> Mapping[str, Any]:
        return cast("Mapping[str, Any]", self._get(name, (Mapping,), optional=False))

    def optional_mapping(self, name: str) -> Mapping[str, Any] | None:
        return cast("Mapping[str, Any] | None", self._get(name, (Mapping,), optional=True))

    def boolean(self, name: str) -> bool:
        return cast(bool, self._get(name, (bool,), optional=True) or False)

    def date(self, name: str) -> dt.date | None:
        value = self.optional_text(name)
        try:
            return _parse_date(value)
        except ValueError:
            raise SchemaError(
                f"field {name!r} must be an ISO 8601 date or datetime, not {value!r}",
                source=_source_of(self._record),
            ) from None

    def list_of(self, name: str, kind: type) -> list[Any]:
        values = self._get(name, (list, tuple), optional=True) or []
        for value in values:
            if not isinstance(value, kind):
                raise SchemaError(
                    f"items of {name!r} must be {kind.__name__}, not {value!r}",
                    source=_source_of(self._record),
                )
        return list(values)


def _source_of(record: Mapping[str, Any]) -> str | None:
    source = record.get("source")
    return source if isinstance(source, str) else None


def _block_kind(value: object) -> BlockKind:
    for kind in BLOCK_KINDS:
        if value == kind:
            return kind
    raise ValueError(f"block kind must be one of {BLOCK_KINDS}, not {value!r}")


def _optional_float(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"remaining_fraction must be a number or null, not {value!r}")
    return float(value)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _parser_info(value: Mapping[str, Any]) -> ParserInfo:
    return ParserInfo(name=value["name"], version=value["version"])
