"""The record's field table, derived from the model: one place says how every field is stored.

The JSON record (:func:`~newscorpus.to_dict`, :func:`~newscorpus.from_dict`), the list of
record fields and the Arrow schema (:func:`newscorpus.corpus.arrow_schema`) are all read off
``attrs.fields(Article)`` and its nested attrs classes, in declaration order, plus two small
tables here:

- :data:`SCALARS`, how each leaf type is written to JSON, read back and checked (``str``,
  ``bool``, ``int``, ``float``, ``datetime.date``; a ``Literal`` is a string from its values);
- :data:`DERIVED`, the record fields computed from others (``text``, from ``blocks``), written
  but never read back, and where they go.

Shapes are read from the annotations: ``X | None`` is a nullable field, ``tuple[X, ...]`` a
list (an absent or null list reads as empty), an attrs class a nested object. A new field of
one of these shapes needs no code here: adding a field touches the model, the schema history
in :mod:`newscorpus.models.record`, docs/record.md and a test (see docs/record.md, "Adding a
field"). A new leaf type needs one row in :data:`SCALARS` (and one in the Arrow table of
:mod:`newscorpus.corpus.schema`).

>>> RECORD_FIELDS[:4]
('schema', 'id', 'source', 'format')
>>> RECORD_FIELDS.index("text") + 1 == RECORD_FIELDS.index("blocks")
True
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Callable, Mapping
from typing import Any, Literal, Union, get_args, get_origin

import attrs
from attrs import frozen

from newscorpus.errors import SchemaError
from newscorpus.models.article import Article

__all__ = [
    "DERIVED",
    "RECORD_FIELDS",
    "SCALARS",
    "Derived",
    "Field",
    "Leaf",
    "ListOf",
    "RecordReader",
    "Scalar",
    "Shape",
    "Struct",
    "article_shape",
    "parse_date",
    "record_reader",
    "record_writer",
    "shape_of",
    "struct_writer",
]


def parse_date(value: str) -> dt.date:
    """A record's ISO 8601 date back to a :class:`~datetime.date`, or a
    :class:`~datetime.datetime` when it has a time (``T`` or a space).

    >>> parse_date("2019-11-18"), parse_date("2019-11-18T10:31:00+01:00").hour
    (datetime.date(2019, 11, 18), 10)
    """
    if "T" in value or " " in value:
        return dt.datetime.fromisoformat(value)
    return dt.date.fromisoformat(value)


def _same(value: Any) -> Any:
    return value


def _isoformat(value: dt.date) -> str:
    return value.isoformat()


@frozen
class Scalar:
    """How one leaf type is stored: the JSON types it is read from, and the conversions.

    ``read`` turns an accepted JSON value into the model's value and may raise ``ValueError``
    (the record is then invalid); ``write`` is the reverse.
    """

    json_types: tuple[type, ...]
    write: Callable[[Any], Any] = _same
    read: Callable[[Any], Any] = _same
    what: str = ""

    def accepts(self, value: object) -> bool:
        """Whether ``value`` (a JSON value) has one of the accepted types (``True`` is not a
        number)."""
        if isinstance(value, bool) and bool not in self.json_types:
            return False
        return isinstance(value, self.json_types)


#: How each leaf type of the model is written to JSON and read back. A model field of a leaf
#: type not listed here fails at import, naming this table.
SCALARS: dict[Any, Scalar] = {
    str: Scalar((str,), what="str"),
    bool: Scalar((bool,), what="bool"),
    int: Scalar((int,), what="int"),
    float: Scalar((int, float), read=float, what="a number"),
    dt.date: Scalar((str,), write=_isoformat, read=parse_date, what="an ISO 8601 date or datetime"),
}


@frozen
class Leaf:
    """A single value: a scalar (``SCALARS``) or one of a ``Literal``'s strings."""

    type: Any
    scalar: Scalar
    choices: tuple[str, ...] | None = None


@frozen
class ListOf:
    """A ``tuple[X, ...]`` in the model, a list in the record."""

    item: Shape


@frozen
class Field:
    """One field of a nested object: its name, shape, whether it may be null, and the model's
    default (``attrs.NOTHING`` when it has none; the model's defaults are immutable)."""

    name: str
    shape: Shape
    nullable: bool
    default: Any


@frozen
class Struct:
    """An attrs class in the model, an object in the record: its fields, in order."""

    cls: type
    fields: tuple[Field, ...]


Shape = Leaf | ListOf | Struct


def shape_of(annotation: Any) -> tuple[Shape, bool]:
    """The shape of a model annotation, and whether it is nullable (``X | None``).

    >>> shape, nullable = shape_of(tuple[str, ...] | None)
    >>> type(shape).__name__, shape.item.type, nullable
    ('ListOf', <class 'str'>, True)
    """
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        others = [arg for arg in get_args(annotation) if arg is not type(None)]
        if len(others) != 1:
            raise TypeError(f"a record field is one type or None, not {annotation!r}")
        return shape_of(others[0])[0], True
    if origin is tuple:
        args = get_args(annotation)
        if len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"a record list is tuple[X, ...], not {annotation!r}")
        item_shape, nullable = shape_of(args[0])
        if nullable:
            raise TypeError(f"a record list's items are never null: {annotation!r}")
        return ListOf(item_shape), False
    if origin is Literal:
        return Leaf(str, SCALARS[str], tuple(get_args(annotation))), False
    if attrs.has(annotation):
        return _struct(annotation), False
    if annotation in SCALARS:
        return Leaf(annotation, SCALARS[annotation]), False
    raise TypeError(
        f"no record form for {annotation!r}: add a row to newscorpus.models.fields.SCALARS"
    )


def _struct(cls: type) -> Struct:
    attrs.resolve_types(cls)
    shaped = []
    for field in attrs.fields(cls):
        shape, nullable = shape_of(field.type)
        default = field.default
        if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
            default = default.factory()
        shaped.append(Field(field.name, shape, nullable, default))
    return Struct(cls, tuple(shaped))


@frozen
class Derived:
    """A record field computed from the article, written before ``before`` and never read."""

    name: str
    before: str
    value: Callable[[Article], Any]
    shape: Shape


#: Record fields computed from the article: written, never read back.
DERIVED: tuple[Derived, ...] = (
    Derived("text", before="blocks", value=lambda article: article.text, shape=shape_of(str)[0]),
)


def article_shape() -> Struct:
    """The shape of :class:`~newscorpus.Article`, derived fields not included."""
    return _ARTICLE


_ARTICLE = _struct(Article)


def _record_fields() -> tuple[str, ...]:
    names = ["schema"]
    for field in _ARTICLE.fields:
        names.extend(derived.name for derived in DERIVED if derived.before == field.name)
        names.append(field.name)
    return tuple(names)


#: The record's fields, in the order :func:`newscorpus.to_dict` writes them: ``schema``, then
#: the article's fields in declaration order, with the derived ones (``text``) in their place.
RECORD_FIELDS: tuple[str, ...] = _record_fields()


# --- writing -------------------------------------------------------------------------------


def record_writer(schema: int) -> Callable[[Article], dict[str, Any]]:
    """The function from an article to its record: ``schema`` first, then every field with the
    derived ones (:data:`DERIVED`) in their place.

    >>> from newscorpus.models.article import Block, ParserInfo
    >>> write = record_writer(3)
    >>> article = Article(id="a", blocks=(Block("paragraph", "Hi."),), parser=ParserInfo("x", "1"))
    >>> list(write(article))[:3], write(article)["blocks"]
    (['schema', 'id', 'source'], [{'kind': 'paragraph', 'text': 'Hi.', 'rows': [], 'links': []}])
    """
    return struct_writer(_ARTICLE, schema=schema, derived=DERIVED)


def struct_writer(
    shape: Struct, *, schema: int | None = None, derived: tuple[Derived, ...] = ()
) -> Callable[[Any], dict[str, Any]]:
    """The function from an object of ``shape`` to its JSON object, generated once as source
    code from the field table, as attrs generates ``__init__``: as fast as a hand-written one.
    """
    namespace: dict[str, Any] = {}
    items = [] if schema is None else [f"'schema': {schema!r}"]
    for field in shape.fields:
        for extra in derived:
            if extra.before == field.name:
                namespace[f"_derived_{extra.name}"] = extra.value
                items.append(f"{extra.name!r}: _derived_{extra.name}(value)")
        expression = _expression(field.shape, field.nullable, f"value.{field.name}", namespace, 0)
        items.append(f"{field.name!r}: {expression}")
    body = ",\n        ".join(items)
    source = f"def write(value):\n    return {{\n        {body}\n    }}\n"
    exec(compile(source, f"<newscorpus writer of {shape.cls.__name__}>", "exec"), namespace)
    writer: Callable[[Any], dict[str, Any]] = namespace["write"]
    return writer


def _expression(
    shape: Shape, nullable: bool, access: str, namespace: dict[str, Any], depth: int
) -> str:
    """Python source for the JSON value of ``access`` (an expression) of ``shape``."""
    if isinstance(shape, Leaf):
        if shape.scalar.write is _same:
            expression = access
        else:
            name = f"_write_{len(namespace)}"
            namespace[name] = shape.scalar.write
            expression = f"{name}({access})"
    elif isinstance(shape, ListOf):
        item = f"item{depth}"
        inner = _expression(shape.item, False, item, namespace, depth + 1)
        expression = f"list({access})" if inner == item else f"[{inner} for {item} in {access}]"
    else:
        parts = (
            f"{field.name!r}: "
            + _expression(field.shape, field.nullable, f"{access}.{field.name}", namespace, depth)
            for field in shape.fields
        )
        expression = "{" + ", ".join(parts) + "}"
    if nullable and expression != access:
        expression = f"(None if {access} is None else {expression})"
    return expression


# --- reading -------------------------------------------------------------------------------


def record_reader(shape: Struct) -> Callable[[Mapping[str, Any]], Any]:
    """A function from a valid record (a mapping) to the model object of ``shape``.

    It checks every value but keeps no track of where it is (generated as code, like the
    writer); on anything invalid it runs :class:`RecordReader` over the record, which raises a
    :class:`SchemaError` naming the field.
    """
    read = _struct_reader(shape)

    def read_record(record: Mapping[str, Any]) -> Any:
        try:
            return read(record)
        except (TypeError, ValueError):  # the checking reader says what and where
            pass
        RecordReader(record).struct("", shape, record)  # raises, naming the field
        raise SchemaError("invalid article record")  # pragma: no cover - the readers agree

    return read_record


def _struct_reader(shape: Struct) -> Callable[[Any], Any]:
    """The fast reader of one object of ``shape``: generated source, one block per field."""
    namespace: dict[str, Any] = {"Mapping": Mapping, "cls": shape.cls}
    lines = [
        "def read(value):",
        "    if not isinstance(value, Mapping):",
        "        raise ValueError",
    ]
    lines.append("    get = value.get")
    arguments = []
    for number, field in enumerate(shape.fields):
        name = f"f{number}"
        arguments.append(f"{field.name}={name}")
        lines.append(f"    {name} = get({field.name!r})")
        lines.append(f"    if {name} is None:")
        absent = None if field.nullable else (() if isinstance(field.shape, ListOf) else None)
        if field.nullable or isinstance(field.shape, ListOf):
            lines.append(f"        {name} = {absent!r}")
        elif field.default is attrs.NOTHING:
            lines.append("        raise ValueError")
        else:
            namespace[f"default{number}"] = field.default
            lines.append(f"        {name} = default{number}")
        lines.append("    else:")
        lines.extend(f"        {line}" for line in _check(field.shape, name, number, namespace))
    lines.append(f"    return cls({', '.join(arguments)})")
    exec(
        compile("\n".join(lines) + "\n", f"<newscorpus reader of {shape.cls.__name__}>", "exec"),
        namespace,
    )
    reader: Callable[[Any], Any] = namespace["read"]
    return reader


def _check(shape: Shape, name: str, number: int, namespace: dict[str, Any]) -> list[str]:
    """Source lines that check the non-null value in ``name`` and turn it into the model's."""
    if isinstance(shape, Leaf):
        scalar = shape.scalar
        namespace[f"kinds{number}"] = scalar.json_types
        test = f"not isinstance({name}, kinds{number})"
        if bool not in scalar.json_types:
            test += f" or isinstance({name}, bool)"
        if shape.choices is not None:
            namespace[f"choices{number}"] = shape.choices
            test += f" or {name} not in choices{number}"
        lines = [f"if {test}:", "    raise ValueError"]
        if scalar.read is not _same:
            namespace[f"read{number}"] = scalar.read
            lines.append(f"{name} = read{number}({name})")
        return lines
    if isinstance(shape, ListOf):
        namespace[f"item{number}"] = _item_reader(shape.item)
        return [
            f"if not isinstance({name}, (list, tuple)):",
            "    raise ValueError",
            f"{name} = tuple([item{number}(item) for item in {name}])",
        ]
    namespace[f"struct{number}"] = _struct_reader(shape)
    return [f"{name} = struct{number}({name})"]


def _item_reader(shape: Shape) -> Callable[[Any], Any]:
    """The reader of one list item (never null)."""
    if isinstance(shape, Struct):
        return _struct_reader(shape)
    namespace: dict[str, Any] = {}
    lines = ["def read(item):", *(f"    {line}" for line in _check(shape, "item", 0, namespace))]
    lines.append("    return item")
    exec(compile("\n".join(lines) + "\n", "<newscorpus reader of a list item>", "exec"), namespace)
    reader: Callable[[Any], Any] = namespace["read"]
    return reader


class RecordReader:
    """Reads a record into model values, failing with a :class:`SchemaError` that names the
    field (``blocks[2].kind``) and the record's ``source``."""

    def __init__(self, record: Mapping[str, Any]) -> None:
        source = record.get("source")
        self.source = source if isinstance(source, str) else None

    def fail(self, message: str) -> SchemaError:
        """The error for ``message`` about this record."""
        return SchemaError(message, source=self.source)

    def value(self, where: str, shape: Shape, nullable: bool, value: Any, default: Any) -> Any:
        """The model value of ``value`` (absent: ``default``, else ``attrs.NOTHING``)."""
        if value is None:
            if nullable:
                return None
            if isinstance(shape, ListOf):
                return ()
            if default is not attrs.NOTHING:
                return default
        if isinstance(shape, Leaf):
            return self.leaf(where, shape, value, nullable)
        if isinstance(shape, ListOf):
            return self.list(where, shape, value)
        if not isinstance(value, Mapping):
            raise self.fail(_must(where, "Mapping", nullable, value))
        return self.struct(where, shape, value)

    def leaf(self, where: str, shape: Leaf, value: Any, nullable: bool) -> Any:
        """A scalar, checked and converted."""
        scalar = shape.scalar
        if not scalar.accepts(value):
            raise self.fail(_must(where, scalar.what, nullable, value))
        if shape.choices is not None and value not in shape.choices:
            raise self.fail(f"field {where!r} must be one of {shape.choices}, not {value!r}")
        try:
            return scalar.read(value)
        except ValueError:
            raise self.fail(f"field {where!r} must be {scalar.what}, not {value!r}") from None

    def list(self, where: str, shape: ListOf, values: Any) -> tuple[Any, ...]:
        """A list's items, each read by the item's shape."""
        if not isinstance(values, list | tuple):
            raise self.fail(_must(where, "list or tuple", True, values))
        item = shape.item
        if isinstance(item, Struct) and not all(isinstance(value, Mapping) for value in values):
            bad = next(value for value in values if not isinstance(value, Mapping))
            raise self.fail(f"items of {where!r} must be dict, not {bad!r}")
        if isinstance(item, Leaf) and not all(item.scalar.accepts(value) for value in values):
            bad = next(value for value in values if not item.scalar.accepts(value))
            raise self.fail(f"items of {where!r} must be {item.scalar.what}, not {bad!r}")
        return tuple(
            self.value(f"{where}[{number}]", item, False, value, attrs.NOTHING)
            for number, value in enumerate(values)
        )

    def struct(self, where: str, shape: Struct, record: Mapping[str, Any]) -> Any:
        """An attrs object from its fields (absent ones take the model's default)."""
        values = {
            field.name: self.value(
                f"{where}.{field.name}" if where else field.name,
                field.shape,
                field.nullable,
                record.get(field.name),
                field.default,
            )
            for field in shape.fields
        }
        try:
            return shape.cls(**values)
        except (TypeError, ValueError) as error:
            raise self.fail(f"invalid article record: {error!s}") from error


def _must(where: str, what: str, nullable: bool, value: Any) -> str:
    return f"field {where!r} must be {what}{' or null' if nullable else ''}, not {value!r}"
