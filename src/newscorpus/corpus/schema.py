"""The declared Arrow schema of an article record, for Parquet and ``to_arrow()``.

Derived from the record's field table (:mod:`newscorpus.models.fields`): one column per record
field, in record order; nested fields are typed, not JSON strings (an attrs class is a struct, a
tuple a list, ``X | None`` a nullable column). Dates stay ISO 8601 strings, exactly as the record
has them (a date, or a date and time with or without an offset), so they round-trip exactly.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from newscorpus._optional import require
from newscorpus.models.fields import DERIVED, RECORD_FIELDS, Leaf, ListOf, Shape, article_shape

__all__ = ["RECORD_FIELDS", "arrow_schema", "require_parquet", "require_pyarrow"]

#: The Arrow type of each leaf type of the model (the name of its pyarrow factory).
ARROW_LEAVES: dict[Any, str] = {
    str: "string",
    bool: "bool_",
    int: "int64",
    float: "float64",
    dt.date: "string",
}


def require_pyarrow() -> Any:
    """Import :mod:`pyarrow` (in the base install; a broken environment gets the line that
    mends it, see :mod:`newscorpus._optional`)."""
    return require("pyarrow", "Parquet and Arrow support")


def require_parquet() -> Any:
    """Import :mod:`pyarrow.parquet` (see :func:`require_pyarrow`)."""
    return require("pyarrow.parquet", "Parquet support")


@cache
def arrow_schema() -> Any:
    """The :class:`pyarrow.Schema` of an article record.

    >>> schema = arrow_schema()
    >>> str(schema.field("blocks").type)
    'list<item: struct<kind: string not null, text: string not null>>'
    >>> schema.names == list(RECORD_FIELDS)
    True
    """
    pa = require_pyarrow()
    columns = [pa.field("schema", pa.int32(), nullable=False)]
    for field in article_shape().fields:
        for derived in DERIVED:
            if derived.before == field.name:
                columns.append(pa.field(derived.name, _arrow_type(pa, derived.shape), False))
        columns.append(pa.field(field.name, _arrow_type(pa, field.shape), field.nullable))
    return pa.schema(columns)


def _arrow_type(pa: Any, shape: Shape) -> Any:
    if isinstance(shape, Leaf):
        return getattr(pa, ARROW_LEAVES[shape.type])()
    if isinstance(shape, ListOf):
        return pa.list_(_arrow_type(pa, shape.item))
    return pa.struct(
        [pa.field(f.name, _arrow_type(pa, f.shape), nullable=f.nullable) for f in shape.fields]
    )
