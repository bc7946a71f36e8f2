"""The declared Arrow schema of an article record (schema 4), for Parquet and ``to_arrow()``.

Nested fields are typed, not JSON strings; dates stay ISO 8601 strings, exactly as the record
has them (a date, or a date and time with or without an offset), so they round-trip exactly.
"""

from __future__ import annotations

from typing import Any

from newscorpus._optional import require

__all__ = ["RECORD_FIELDS", "arrow_schema", "require_parquet", "require_pyarrow"]

#: The record's fields, in the order :func:`newscorpus.to_dict` writes them.
RECORD_FIELDS: tuple[str, ...] = (
    "schema",
    "id",
    "source",
    "format",
    "url",
    "title",
    "site_name",
    "publisher",
    "agency",
    "authors",
    "published",
    "modified",
    "language",
    "canonical_url",
    "description",
    "section",
    "tags",
    "top_image",
    "text",
    "blocks",
    "media",
    "truncated",
    "paywall",
    "removed",
    "edits",
    "parser",
    "duplicate_of",
    "syndication_group",
    "story",
)


def require_pyarrow() -> Any:
    """Import :mod:`pyarrow` (in the base install; a broken environment gets the line that
    mends it, see :mod:`newscorpus._optional`)."""
    return require("pyarrow", "Parquet and Arrow support")


def require_parquet() -> Any:
    """Import :mod:`pyarrow.parquet` (see :func:`require_pyarrow`)."""
    return require("pyarrow.parquet", "Parquet support")


def arrow_schema() -> Any:
    """The :class:`pyarrow.Schema` of an article record.

    >>> schema = arrow_schema()
    >>> str(schema.field("blocks").type)
    'list<item: struct<kind: string not null, text: string not null>>'
    >>> schema.names == list(RECORD_FIELDS)
    True
    """
    pa = require_pyarrow()
    text = pa.string()

    def required(name: str, kind: Any) -> Any:
        return pa.field(name, kind, nullable=False)

    def strings(*names: str) -> list[Any]:
        return [required(name, text) for name in names]

    return pa.schema(
        [
            required("schema", pa.int32()),
            required("id", text),
            *(
                pa.field(name, text)
                for name in ("source", "format", "url", "title", "site_name", "publisher")
            ),
            pa.field("agency", text),
            required("authors", pa.list_(text)),
            pa.field("published", text),
            pa.field("modified", text),
            pa.field("language", text),
            pa.field("canonical_url", text),
            pa.field("description", text),
            pa.field("section", text),
            required("tags", pa.list_(text)),
            pa.field("top_image", text),
            required("text", text),
            required("blocks", pa.list_(pa.struct(strings("kind", "text")))),
            required(
                "media",
                pa.list_(pa.struct([required("caption", text), pa.field("credit", text)])),
            ),
            required("truncated", pa.bool_()),
            pa.field(
                "paywall",
                pa.struct([required("notice", text), pa.field("remaining_fraction", pa.float64())]),
            ),
            required("removed", pa.list_(pa.struct(strings("text", "reason", "step", "code")))),
            required(
                "edits", pa.list_(pa.struct(strings("before", "after", "reason", "step", "code")))
            ),
            required("parser", pa.struct(strings("name", "version"))),
            pa.field("duplicate_of", text),
            pa.field(
                "syndication_group", pa.struct([required("id", text), pa.field("agency", text)])
            ),
            pa.field("story", text),
        ]
    )
