"""The command line's limit options: one per field of :class:`~newscorpus.Limits`.

Each option's default is the library's (:data:`~newscorpus.DEFAULT_LIMITS`); ``0`` switches a
limit off. Sizes take a binary suffix: ``64MiB``, ``4GiB``, ``512k``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable

from attrs import fields

from newscorpus.limits import DEFAULT_LIMITS, Limits

__all__ = ["add_limit_options", "limits_from", "size"]

_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", re.IGNORECASE)
_UNITS = {"": 1, "k": 1 << 10, "m": 1 << 20, "g": 1 << 30, "t": 1 << 40}


def size(text: str) -> int:
    """A size in bytes from ``text``: a number with an optional binary unit.

    >>> size("512"), size("64MiB"), size("4G"), size("1.5k")
    (512, 67108864, 4294967296, 1536)
    """
    match = _SIZE.fullmatch(text)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (say 512, 64MiB or 4GiB)")
    return int(float(match[1]) * _UNITS[match[2].lower()])


#: Option, Limits field, value type, help: one row per limit.
_OPTIONS: tuple[tuple[str, str, Callable[[str], float], str], ...] = (
    ("--max-document-bytes", "max_document_bytes", size, "largest document"),
    ("--max-line-chars", "max_line_chars", int, "longest dump line (longer ones are cut)"),
    ("--max-nesting-depth", "max_nesting_depth", int, "deepest markup (deeper is flattened)"),
    ("--max-decompressed-bytes", "max_decompressed_bytes", size, "most a file inflates to"),
    ("--max-compression-ratio", "max_compression_ratio", float, "highest inflation ratio"),
    ("--max-archive-members", "max_archive_members", int, "most members of one archive"),
    ("--max-name-bytes", "max_name_bytes", size, "longest member name or tar extended header"),
    ("--max-attributes", "max_attributes", int, "most attributes of an element (rest dropped)"),
    ("--time-limit", "seconds_per_document", float, "seconds one document may take"),
)


def add_limit_options(parser: argparse.ArgumentParser) -> None:
    """Add an option for each limit to ``parser`` (in an argument group of its own)."""
    group = parser.add_argument_group(
        "limits", "safety limits (docs/limits.md); 0 switches one off"
    )
    known = {field.name for field in fields(Limits)}
    for option, name, kind, text in _OPTIONS:
        assert name in known, name  # a renamed field must not leave a dead option
        shown = _shown(getattr(DEFAULT_LIMITS, name), kind)
        group.add_argument(
            option,
            dest=name,
            type=kind,
            default=None,
            metavar="N",
            help=f"{text} (default {shown})",
        )


def _shown(value: float | None, kind: Callable[[str], float]) -> str:
    if value is None:
        return "none"
    if kind is size:
        for unit in ("TiB", "GiB", "MiB", "KiB"):
            scale = _UNITS[unit[0].lower()]
            if value >= scale and value % scale == 0:
                return f"{value // scale:g}{unit}"
    return f"{value:,g}" if kind is float else f"{int(value):,}"


def limits_from(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Limits:
    """The :class:`~newscorpus.Limits` the options in ``args`` ask for."""
    changes: dict[str, float | None] = {}
    for option, name, _, _ in _OPTIONS:
        value: float | None = getattr(args, name)
        if value is None:
            continue
        if value < 0:
            parser.error(f"{option} must be at least 0")
        changes[name] = None if value == 0 else value
    try:
        return DEFAULT_LIMITS.replace(**changes)
    except (TypeError, ValueError) as error:
        parser.error(str(error))
