"""The declared Arrow schema of an article record, for Parquet and ``to_arrow()``.

Derived from the record's field table (:mod:`newscorpus.models.fields`): one column per record
field, in record order; nested fields are typed, not JSON strings (an attrs class is a struct, a
tuple a list, ``X | None`` a nullable column).

Dates (``published``, ``modified``) are typed: a ``timestamp[us, tz=UTC]`` column, and beside it
``<name>_offset_seconds`` (``int32``: the page's UTC offset in seconds, null when it gave none) and
``<name>_has_time`` (``bool``: false when the page gave only a day). The three together give
back the record's ISO string exactly (:func:`split_date`, :func:`join_date`):

============================  ===========================  =======  ========
record (JSON)                 timestamp (UTC)              offset   has_time
============================  ===========================  =======  ========
``2023-12-10``                2023-12-10 00:00             null     false
``2023-12-10T08:30:00``       2023-12-10 08:30 (as if UTC) null     true
``2023-12-10T08:30:00+01:00`` 2023-12-10 07:30             3600     true
============================  ===========================  =======  ========
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from typing import Any

from newscorpus._optional import require
from newscorpus.errors import RecordError
from newscorpus.models.fields import (
    DERIVED,
    RECORD_FIELDS,
    Leaf,
    ListOf,
    Shape,
    article_shape,
    parse_date,
)

__all__ = [
    "DATE_FIELDS",
    "RECORD_FIELDS",
    "arrow_row",
    "arrow_schema",
    "join_date",
    "record_of_row",
    "require_parquet",
    "require_pyarrow",
    "split_date",
]

#: The Arrow type of each leaf type of the model (the name of its pyarrow factory).
ARROW_LEAVES: dict[Any, str] = {
    str: "string",
    bool: "bool_",
    int: "int64",
    float: "float64",
    dt.date: "string",  # nested dates; the record's own date fields are typed (DATE_FIELDS)
}

#: The record's date fields: each a UTC timestamp column with its offset and has-time columns.
DATE_FIELDS: tuple[str, ...] = tuple(
    field.name
    for field in article_shape().fields
    if isinstance(field.shape, Leaf) and field.shape.type is dt.date
)
_OFFSET = "{}_offset_seconds"
_HAS_TIME = "{}_has_time"


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
    >>> str(schema.field("media").type)
    'list<item: struct<caption: string not null, credit: string>>'
    >>> str(schema.field("published").type), str(schema.field("published_offset_seconds").type)
    ('timestamp[us, tz=UTC]', 'int32')
    >>> [name for name in schema.names if name not in RECORD_FIELDS][:2]
    ['published_offset_seconds', 'published_has_time']
    """
    pa = require_pyarrow()
    columns = [pa.field("schema", pa.int32(), nullable=False)]
    for field in article_shape().fields:
        for derived in DERIVED:
            if derived.before == field.name:
                columns.append(pa.field(derived.name, _arrow_type(pa, derived.shape), False))
        if field.name in DATE_FIELDS:
            columns.append(pa.field(field.name, pa.timestamp("us", tz="UTC")))
            columns.append(pa.field(_OFFSET.format(field.name), pa.int32()))
            columns.append(pa.field(_HAS_TIME.format(field.name), pa.bool_()))
        else:
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


def split_date(value: str | dt.date | None) -> tuple[dt.datetime | None, int | None, bool | None]:
    """A record's date (its ISO string, or the article's value) as Arrow stores it: the instant
    in UTC, the page's UTC offset in seconds (``None`` when it gave none) and whether it gave a
    time of day. A date is midnight UTC; a time without an offset is taken as UTC.

    >>> split_date("2023-12-10T08:30:00+01:00")
    (datetime.datetime(2023, 12, 10, 7, 30, tzinfo=datetime.timezone.utc), 3600, True)
    >>> split_date("2023-12-10")
    (datetime.datetime(2023, 12, 10, 0, 0, tzinfo=datetime.timezone.utc), None, False)
    """
    if value is None:
        return None, None, None
    parsed = parse_date(value) if isinstance(value, str) else value
    if not isinstance(parsed, dt.datetime):
        return dt.datetime(parsed.year, parsed.month, parsed.day, tzinfo=dt.UTC), None, False
    offset = parsed.utcoffset()
    if offset is None:
        return parsed.replace(tzinfo=dt.UTC), None, True
    # Seconds, not minutes: a historical offset with seconds (and the record) must round-trip.
    return parsed.astimezone(dt.UTC), int(offset.total_seconds()), True


def join_date(
    instant: dt.datetime | None, offset_seconds: int | None, has_time: bool | None
) -> str | None:
    """The record's ISO string from what :func:`split_date` gives (the inverse).

    >>> join_date(*split_date("2023-12-10T08:30:00+01:00")), join_date(*split_date("2023-12-10"))
    ('2023-12-10T08:30:00+01:00', '2023-12-10')
    """
    if instant is None:
        return None
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=dt.UTC)
    if not has_time:
        return instant.date().isoformat()
    if offset_seconds is None:
        return instant.replace(tzinfo=None).isoformat()
    zone = dt.timezone(dt.timedelta(seconds=offset_seconds))
    return instant.astimezone(zone).isoformat()


def arrow_row(record: Mapping[str, Any]) -> dict[str, Any]:
    """``record`` (as :func:`~newscorpus.to_dict` makes it) as a row of :func:`arrow_schema`:
    each date split into its three columns. A date that is not ISO 8601 raises
    :class:`~newscorpus.RecordError`.

    >>> row = arrow_row({"id": "a", "published": "2023-12-10", "modified": None})
    >>> row["published_has_time"], row["modified_offset_seconds"]
    (False, None)
    """
    row = dict(record)
    for name in DATE_FIELDS:
        try:
            split = split_date(record.get(name))
        except (TypeError, ValueError):
            raise RecordError(
                f"field {name!r} must be an ISO 8601 date or datetime, not {record.get(name)!r}",
                source=_source_of(record),
            ) from None
        row[name], row[_OFFSET.format(name)], row[_HAS_TIME.format(name)] = split
    return row


def record_of_row(row: dict[str, Any]) -> dict[str, Any]:
    """A row of a Parquet corpus (``to_pylist()``) back to the record ``to_dict`` made: each
    date joined back into its ISO string (a file written before dates were typed holds the
    string already), in place.

    >>> record_of_row(arrow_row({"id": "a", "published": "2023-12-10T08:30:00", "modified": None}))
    {'id': 'a', 'published': '2023-12-10T08:30:00', 'modified': None}
    """
    for name in DATE_FIELDS:
        value = row.get(name)
        offset = row.pop(_OFFSET.format(name), None)
        has_time = row.pop(_HAS_TIME.format(name), None)
        if isinstance(value, dt.datetime):
            row[name] = join_date(value, offset, has_time)
    return row


def _source_of(record: Mapping[str, Any]) -> str | None:
    source = record.get("source")
    return source if isinstance(source, str) else None
