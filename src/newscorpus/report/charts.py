"""The report's charts: matplotlib figures rendered to inline SVG (text kept as text).

Each function takes counts and returns one ``<svg>`` element as a string, sized to sit two to a
row in a 1280-pixel-wide page. Figures are built on :class:`matplotlib.figure.Figure` directly
(no pyplot, so no global figure state), with the SVG backend only; matplotlib is imported on
first use and comes with the ``report`` extra.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from typing import Any

from newscorpus._optional import require

__all__ = ["bar_chart", "column_chart", "stacked_bar_chart"]

#: Inches at 96 dpi: 5.9 x 3.4 in is about 570 x 330 pixels, two charts to a 1200-pixel row.
_WIDTH = 5.9
_HEIGHT = 3.4
_DPI = 96
#: One colour for single-series charts, and a colour-blind-safe cycle (Okabe-Ito) for stacks.
_COLOUR = "#2f6690"
_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#999")
_STYLE = {
    "svg.fonttype": "none",  # text stays text: smaller files, selectable labels
    "svg.hashsalt": "newscorpus",  # the same data gives the same file
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titleweight": "bold",
}
_XML_HEADER = re.compile(r"^<\?xml[^>]*>\s*<!DOCTYPE[^>]*>\s*", re.DOTALL)


def _figure(height: float = _HEIGHT, *, counts_on: str) -> tuple[Any, Any]:
    """A figure and its axes; ``counts_on`` ("x" or "y") is the axis of counts, which gets
    whole-number ticks only."""
    matplotlib = require("matplotlib", "The HTML report's charts")
    figure_module = require("matplotlib.figure", "The HTML report's charts")
    ticker = require("matplotlib.ticker", "The HTML report's charts")
    with matplotlib.rc_context(_STYLE):
        figure = figure_module.Figure(figsize=(_WIDTH, height), dpi=_DPI, layout="constrained")
        axes = figure.subplots()
        axis = axes.xaxis if counts_on == "x" else axes.yaxis
        axis.set_major_locator(ticker.MaxNLocator(integer=True))
    return figure, axes


def _svg(figure: Any) -> str:
    matplotlib = require("matplotlib", "The HTML report's charts")
    buffer = io.StringIO()
    with matplotlib.rc_context(_STYLE):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _XML_HEADER.sub("", buffer.getvalue())


def _short(label: str, limit: int = 34) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _height_for(rows: int) -> float:
    return max(_HEIGHT * 0.6, min(7.5, 0.9 + 0.22 * rows))


def bar_chart(title: str, labels: Sequence[str], values: Sequence[int], *, xlabel: str) -> str:
    """Horizontal bars, the first label on top (for ranked counts: sites, codes, languages).

    >>> bar_chart("Sites", ["a", "b"], [3, 1], xlabel="documents").startswith("<svg")
    True
    """
    matplotlib = require("matplotlib", "The HTML report's charts")
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(_height_for(len(labels)), counts_on="x")
        positions = range(len(labels))
        axes.barh(positions, values, color=_COLOUR)
        axes.set_yticks(positions, [_short(label) for label in labels])
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title, loc="left")
        axes.bar_label(axes.containers[0], fmt="{:,.0f}", padding=2, fontsize=8)
        axes.margins(x=0.12)
        return _svg(figure)


def column_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[int],
    *,
    ylabel: str,
    xlabel: str = "",
    max_ticks: int = 14,
) -> str:
    """Vertical columns in the given order (for months, or bins of a distribution).

    >>> column_chart("Months", ["2024-01", "2024-02"], [4, 5], ylabel="documents")[:4]
    '<svg'
    """
    matplotlib = require("matplotlib", "The HTML report's charts")
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(counts_on="y")
        positions = list(range(len(labels)))
        axes.bar(positions, values, color=_COLOUR, width=0.85)
        step = max(1, -(-len(labels) // max_ticks))
        shown = positions[::step]
        axes.set_xticks(shown, [labels[i] for i in shown], rotation=45, ha="right")
        axes.set_ylabel(ylabel)
        if xlabel:
            axes.set_xlabel(xlabel)
        axes.set_title(title, loc="left")
        return _svg(figure)


def stacked_bar_chart(
    title: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[int]]],
    *,
    xlabel: str,
) -> str:
    """Horizontal stacked bars: one bar per label, one colour per named series, with a legend.

    >>> svg = stacked_bar_chart("Removals", ["site"], [("chrome", [2]), ("tails", [1])],
    ...                         xlabel="removed lines")
    >>> "chrome" in svg and "tails" in svg
    True
    """
    matplotlib = require("matplotlib", "The HTML report's charts")
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(_height_for(len(labels)) + 0.6, counts_on="x")
        positions = range(len(labels))
        left = [0] * len(labels)
        for index, (name, values) in enumerate(series):
            colour = _PALETTE[index % len(_PALETTE)]
            axes.barh(positions, values, left=left, color=colour, label=_short(name, 28))
            left = [a + b for a, b in zip(left, values, strict=True)]
        axes.set_yticks(positions, [_short(label) for label in labels])
        axes.invert_yaxis()
        axes.set_xlabel(xlabel)
        axes.set_title(title, loc="left")
        figure.legend(fontsize=8, frameon=False, loc="outside lower center", ncols=4)
        return _svg(figure)
