"""Tables in dumps: Markdown pipe tables and the aligned columns of layout renderers.

Two kinds of line runs are read as one table (a ``table`` block with rows and cells), each by
a rule the run's own lines prove:

* **Markdown pipe tables** (html2text, markdownify, pandoc): a row of cells apart by ``|``,
  then a separator row of dashes (``---|:---:|---``), then more rows, with no empty line
  between; the first row is the header. Without the separator row a line of bars is no table
  (a menu, "Home | News | Sport").
* **Aligned columns** (inscriptis, lynx, w3m): at least ``tuning.TABLE_MIN_COLUMN_ROWS`` lines
  in a row, each of them cells apart by runs of two spaces or more, the same number of cells
  (two or more) on each line, and every column aligned on every line, at its start or at its end (a
  renderer pads cells to the column's width; text with double spaces after its full stops
  lines up nowhere). Such a table marks no header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from newscorpus import tuning
from newscorpus.formats.dump.lines import Line

__all__ = ["DumpTable", "find_tables"]

#: A cell boundary in a Markdown row: a bar not escaped.
_BAR = re.compile(r"(?<!\\)\|")
#: A gap between aligned columns.
_GAP = re.compile(r"\s{2,}")


@frozen
class DumpTable:
    """A table found in a dump: lines ``first`` to ``end`` (exclusive), read as rows of
    cells, the first ``header_rows`` of them headers."""

    first: int
    end: int
    rows: tuple[tuple[str, ...], ...]
    header_rows: int


def find_tables(lines: Sequence[Line]) -> list[DumpTable]:
    """The tables among ``lines``, in order (see the module's rules).

    >>> from newscorpus.formats.dump.lines import split_lines
    >>> text = "Standings:\\n\\nTeam | Pts\\n---|---\\nLions | 12\\nBears | 9\\n\\nMore text."
    >>> [(t.first, t.end, t.rows, t.header_rows) for t in find_tables(split_lines(text))]
    [(1, 5, (('Team', 'Pts'), ('Lions', '12'), ('Bears', '9')), 1)]
    >>> text = "Pos  Team     Pts\\n1    Lions     12\\n2    Bears      9"
    >>> find_tables(split_lines(text))[0].rows
    (('Pos', 'Team', 'Pts'), ('1', 'Lions', '12'), ('2', 'Bears', '9'))
    """
    tables: list[DumpTable] = []
    position = 0
    while position < len(lines):
        text = lines[position].text
        if "|" not in text and "  " not in text:  # most lines: neither kind of table starts here
            position += 1
            continue
        table = _pipe_table(lines, position)
        if table is None:
            table, run_end = _column_table(lines, position)
            if table is None:
                # a run that does not line up is passed whole (rereading it from each of its
                # lines would cost the square of its length)
                position = max(position + 1, run_end)
                continue
        tables.append(table)
        position = table.end
    return tables


def _is_separator(text: str) -> bool:
    """A separator row under a Markdown table's header: two cells or more, each three dashes
    or more with a colon at either end for alignment (``---|:---:|---``).

    >>> _is_separator("---|:---:|---"), _is_separator("| --- | --- |"), _is_separator("---")
    (True, True, False)
    """
    cells = _pipe_cells(text)
    return cells is not None and all(
        len(cell.strip(":")) >= 3 and not cell.strip(":").strip("-") for cell in cells
    )


def _pipe_cells(text: str) -> tuple[str, ...] | None:
    if "|" not in text:
        return None
    inner = text.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = tuple(cell.strip() for cell in _BAR.split(inner))
    return cells if len(cells) >= 2 else None


def _pipe_table(lines: Sequence[Line], start: int) -> DumpTable | None:
    if start + 2 >= len(lines) or "|" not in lines[start].text:
        return None
    header, separator = lines[start], lines[start + 1]
    if separator.blank_before or not _is_separator(separator.text):
        return None
    first = _pipe_cells(header.text)
    if first is None:
        return None
    rows = [first]
    end = start + 2
    while end < len(lines) and not lines[end].blank_before:
        cells = _pipe_cells(lines[end].text)
        if cells is None:
            break
        rows.append(cells)
        end += 1
    if len(rows) < 2:
        return None
    return DumpTable(start, end, tuple(rows), header_rows=1)


def _columns(line: Line) -> list[tuple[int, int, str]]:
    """A line's cells, with the columns each starts and ends at."""
    cells = []
    position = 0
    for gap in _GAP.finditer(line.text):
        cells.append((position, gap.start()))
        position = gap.end()
    cells.append((position, len(line.text)))
    return [(line.indent + a, line.indent + b, line.text[a:b]) for a, b in cells]


def _column_table(lines: Sequence[Line], start: int) -> tuple[DumpTable | None, int]:
    """The aligned-columns table at ``start`` or None, and where the run of lines with as
    many cells as the first ends."""
    if "  " not in lines[start].text:
        return None, start
    first = _columns(lines[start])
    if len(first) < 2:
        return None, start
    rows = [first]
    end = start + 1
    while end < len(lines) and not lines[end].blank_before and "  " in lines[end].text:
        cells = _columns(lines[end])
        if len(cells) != len(first):
            break
        rows.append(cells)
        end += 1
    if len(rows) < tuning.TABLE_MIN_COLUMN_ROWS:
        return None, start
    for column in range(len(first)):
        starts = {row[column][0] for row in rows}
        ends = {row[column][1] for row in rows}
        if len(starts) > 1 and len(ends) > 1:
            return None, end
    texts = tuple(tuple(text for _, _, text in row) for row in rows)
    return DumpTable(start, end, texts, header_rows=0), end
