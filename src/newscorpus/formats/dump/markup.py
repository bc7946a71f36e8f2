"""Marks a renderer puts on a dump's lines, and the Markdown some renderers put inside them.

Line marks say what a line is: a bullet or a number makes a list item, ``#`` marks or a
decorated line (``— Title —``) a heading, ``>`` a quote; a rule (``* * *``, ``---``, a table's
``---|---``) has no words and only separates. Symbol bullets and heading and quote marks are
taken off the text; the number of a numbered item is kept, because it is part of what the
item says ("1 Kyle Busch 5040", "Step 2").

Inline Markdown (html2text, markdownify and kin) is taken off a block's text once its lines are
joined, because emphasis may span lines: ``**strong**``, ``_emphasis_`` and ``*emphasis*``,
empty emphasis left by icons (``__``), backslash escapes (``\\-``) and inline code marks; these
are marks, never letters. Links and images are taken off apart (:func:`take_links`), because
their targets are letters: a link keeps its text and its target becomes the block's link over
that text (inline ``[text](url)``, or ``[text][1]`` with its definition ``[1]: url`` elsewhere
in the dump); an image keeps its alt text (in place, as words of the page; a cleaning step may
judge it), and the parser records the loss of its target, or of an undefined reference, as an
edit.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newscorpus import tuning
from newscorpus.models.article import BlockKind

__all__ = [
    "Marked",
    "footnote_targets",
    "has_links",
    "has_mark",
    "has_markdown",
    "is_rule",
    "link_definitions",
    "mark_of",
    "strip_links",
    "strip_markdown",
    "take_footnotes",
    "take_links",
]

_SYMBOL_BULLET = re.compile(r"[*•·▪◦‣●○■□–—+-]\s+(?=\S)")
_NUMBER = re.compile(r"\d{1,3}[.)]\s+(?=\S)")
_HEADING_MARK = re.compile(r"#{1,6}\s+(?=\S)")
_CLOSING_HASHES = re.compile(r"(?<!\s)\s+#+$")  # from a run's start only: linear
_QUOTE_MARK = re.compile(r"(?:>\s?)+(?=\S)")
#: A heading between decorations: dashes, rules or runs of marks (one bullet-like mark on each
#: side, ``* item *``, is a list item that ends with a star).
#: The text starts and ends with a non-space, and the spaces around it are taken whole, so a
#: long run of spaces is read once, not once for each way to split it (quadratic).
_DECORATION = re.compile(
    r"^(?:[–—=~]+|[-*•]{2,})\s++(?P<text>\S(?:.*?\S)?)\s++(?:[–—=~]+|[-*•]{2,})$"
)
#: A line of rule characters only (``* * *``, ``-----``, ``===``, ``---|---``, ``| | |``).
_RULE = re.compile(r"[-*_=~—–•·|:+#\s]{3,}")
_DECORATION_ENDS = frozenset("–—=~-*•")
_MARK_STARTS = frozenset("*•·▪◦‣●○■□–—+-#>=~0123456789")


class Marked(NamedTuple):
    """A line read for its mark: the kind it makes, its text without the mark, where that text
    starts (the column a wrapped item's next lines are indented to), and whether it had one."""

    kind: BlockKind
    text: str
    column: int
    marked: bool


def is_rule(text: str) -> bool:
    """Whether a line is a rule or a table border: separator characters only, no words.

    >>> is_rule("* * *"), is_rule("---|---|---"), is_rule("| | |"), is_rule("- 5 -")
    (True, True, True, False)
    """
    return text[0] in "-*_=~—–•·|:+#" and _RULE.fullmatch(text) is not None


def has_mark(text: str) -> bool:
    """Whether a line starts with a mark (a bullet, a number, a heading or quote mark).

    >>> has_mark("* Kyle Busch"), has_mark("Kyle Busch"), has_mark("-5 degrees")
    (True, False, False)
    """
    return text[0] in _MARK_STARTS and mark_of(text).marked


def mark_of(text: str, indent: int = 0) -> Marked:
    """The kind a line's mark makes and the line's text without the mark.

    >>> mark_of("* Kyle Busch")
    Marked(kind='list_item', text='Kyle Busch', column=2, marked=True)
    >>> mark_of("1. Kyle Busch 5040").text
    '1. Kyle Busch 5040'
    """
    if text[0] not in _MARK_STARTS:  # most lines (positional: the fast way to make a tuple)
        return Marked("paragraph", text, indent, False)
    decorated = _DECORATION.fullmatch(text) if text[-1] in _DECORATION_ENDS else None
    if decorated:
        return Marked("heading", decorated.group("text"), indent, marked=True)
    match = _HEADING_MARK.match(text)
    if match:
        heading = _CLOSING_HASHES.sub("", text[match.end() :]) or text[match.end() :]
        return Marked("heading", heading, indent + match.end(), marked=True)
    match = _QUOTE_MARK.match(text)
    if match:
        return Marked("quote", text[match.end() :], indent + match.end(), marked=True)
    match = _SYMBOL_BULLET.match(text)
    if match:
        item = text[match.end() :]
        inner = _HEADING_MARK.match(item)
        if inner:  # "* ## Teaser headline": a list of headings
            item = item[inner.end() :]
        return Marked("list_item", item, indent + match.end(), marked=True)
    match = _NUMBER.match(text)
    if match:
        inner = _HEADING_MARK.match(text, match.end())
        if inner:  # "1. ### Teaser headline"
            text = text[: match.end()] + text[inner.end() :]
        return Marked("list_item", text, indent + match.end(), marked=True)
    return Marked("paragraph", text, indent, marked=False)


# --- inline Markdown ---------------------------------------------------------------------------

#: Characters a Markdown writer escapes with a backslash.
_ESCAPABLE = "\\`*_{}[]()#+-.!|<>~"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")
#: Escaped characters are parked in the private use area while emphasis is read.
_PARKED = {char: chr(0xE000 + index) for index, char in enumerate(_ESCAPABLE)}
_UNPARK = str.maketrans({parked: char for char, parked in _PARKED.items()})
#: A link's target: ``(url)`` or ``(url "title")``, the URL maybe with one level of brackets.
_TARGET = r"\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:\"[^\"]*\"|'[^']*'))?\)"
_IMAGE = re.compile(r"!\[([^\]\n]*)\]" + _TARGET)
#: A link's text holds no bracket (as in CommonMark, "[a [b](u)" links "b"): with "[" allowed,
#: a run of "[" was rescanned from each one (quadratic).
_LINK = re.compile(r"\[([^\[\]\n]+)\](?:" + _TARGET + r"|\[[^\]\n]*\])")
_CODE = re.compile(r"`+([^`]+?)`+")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
#: Emphasis marks: a run of stars against a non-space, a run of underscores not inside a
#: word (``snake_case`` keeps its underscore; ``_emphasis_`` and an icon's ``__`` do not).
_STARS = re.compile(r"(?<!\s)\*+|\*+(?!\s)")
_UNDERSCORES = re.compile(r"(?<!\w)_+|_+(?!\w)")
#: Where a mark stood between two spaces.
_DOUBLE_SPACE = re.compile(r"(?<=\S)  (?=\S)")
#: What makes a line Markdown rather than text: strong or emphasis marks against a word,
#: empty emphasis (an icon's), an escape or a link.
_MARKDOWN_EVIDENCE = re.compile(
    r"(?<!\*)\*\*[^\s*]|[^\s*]\*\*(?!\*)|(?<![\w*])_[^\s_][^_]*[^\s_]_(?!\w)"
    r"|(?<!\S)__(?!\S)|\\[-.+#*_!\[\]()]|\]\([^)\s]*\)"
)


def has_markdown(lines: list[str]) -> bool:
    """Whether a dump was written as Markdown: enough of its lines show inline Markdown.

    >>> has_markdown(["A **strong** word", "an _emphasis_", "Chris Davies \\\\- Nov 19"])
    True
    >>> has_markdown(["A plain line", "snake_case_name and *one* star"])
    False
    """
    joined = "\n".join(lines)  # one look first: most dumps have none of these marks at all
    if not ("*" in joined or "_" in joined or "\\" in joined or "](" in joined):
        return False
    found = 0
    for text in lines:
        if ("*" in text or "_" in text or "\\" in text or "](" in text) and (
            _MARKDOWN_EVIDENCE.search(text)
        ):
            found += 1
            if found >= tuning.MARKDOWN_MIN_LINES:
                return True
    return False


def strip_markdown(text: str) -> str:
    """A block's text without inline Markdown emphasis, escapes and code marks.

    Only marks go: no letter or digit is taken off (links are :func:`strip_links`'s job).

    >>> strip_markdown("The **VW ID.** is _not_ a \\\\- `concept`, __ said snake_case")
    'The VW ID. is not a - concept, said snake_case'
    """
    escaped = "\\" in text
    if escaped:
        text = _ESCAPE.sub(lambda match: _PARKED[match.group(1)], text)
    if "`" in text:
        text = _CODE.sub(r"\1", text)
    if "*" in text:
        text = _STARS.sub("", text)
    if "_" in text:
        text = _UNDERSCORES.sub("", text)
    if "~~" in text:
        text = _STRIKE.sub(r"\1", text)
    if "  " in text:
        text = _DOUBLE_SPACE.sub(" ", text)
    return text.translate(_UNPARK).strip() if escaped else text.strip()


def has_links(text: str) -> bool:
    """Whether ``text`` may hold a Markdown link or image.

    >>> has_links("[text](https://x.org)"), has_links("[sic]")
    (True, False)
    """
    return "](" in text or "][" in text


#: A link or an image, inline or by reference, for :func:`take_links`.
_ANY_LINK = re.compile(
    r"(?P<image>!)?\[(?P<text>[^\[\]\n]*)\](?:(?P<target>" + _TARGET + r")|\[(?P<ref>[^\]\n]*)\])"
)
#: A reference definition on a line of its own: ``[1]: https://example.org "Title"``.
#: The label holds no bracket, so a run of "[" is not read again from each of them.
_DEFINITION = re.compile(r"\[([^\[\]\n]+)\]:\s*<?(\S+?)>?(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^)]*\)))?")


def link_definitions(lines: list[str]) -> dict[str, str]:
    """The reference definitions among ``lines``: label (in lower case) to URL.

    >>> link_definitions(["[1]: https://x.org/a", "Text", '[Docs]: /docs "The docs"'])
    {'1': 'https://x.org/a', 'docs': '/docs'}
    """
    found = {}
    for line in lines:
        if line.startswith("[") and "]:" in line:
            match = _DEFINITION.fullmatch(line)
            if match:
                found[match.group(1).lower()] = match.group(2)
    return found


def take_links(
    text: str, definitions: dict[str, str] | None = None
) -> tuple[str, list[tuple[int, int, str]], bool]:
    """``text`` with its Markdown links and images as their text, the links' spans over the
    new text with their targets, and whether a target was lost (an image's, or a reference
    with no definition), which the parser records as an edit.

    >>> text, spans, lost = take_links(
    ...     "A [report](https://x.org/a_(b) 'T') on ![a car](car.jpg) [cars][1].",
    ...     {"1": "https://x.org/cars"},
    ... )
    >>> text, lost
    ('A report on a car cars.', True)
    >>> spans
    [(2, 8, 'https://x.org/a_(b)'), (18, 22, 'https://x.org/cars')]
    """
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    lost = False
    length = 0
    position = 0
    for match in _ANY_LINK.finditer(text):
        before = text[position : match.start()]
        pieces.append(before)
        length += len(before)
        words = match.group("text")
        href = None
        if match.group("image"):
            lost = True
        elif match.group("target") is not None:
            target = match.group("target")[1:-1].split()  # "(url 'title')"
            href = target[0].strip("<>") if target else None
        else:
            label = (match.group("ref") or words).lower()
            href = (definitions or {}).get(label)
            lost = lost or href is None
        if href and words:
            spans.append((length, length + len(words), href))
        elif href:
            lost = True  # a link without text ("[](url)"): no span to keep its target on
        pieces.append(words)
        length += len(words)
        position = match.end()
    pieces.append(text[position:])
    joined = "".join(pieces)
    stripped = joined.strip()
    if stripped != joined:
        shift = len(joined) - len(joined.lstrip())
        kept = [
            (max(0, a - shift), min(len(stripped), b - shift), h)
            for a, b, h in spans
            if min(len(stripped), b - shift) > max(0, a - shift)
        ]
        lost = lost or len(kept) < len(spans)  # a link over spaces only: its target goes
        spans = kept
    return stripped, spans, lost


def strip_links(text: str) -> str:
    """``text`` with Markdown links and images as their text: a link keeps its text, an image
    its alt text (in place, as the words of the page it was), and the targets go.

    The targets' letters are lost (:func:`take_links` keeps them as links).

    >>> strip_links("A [report](https://x.org/a_(b) 'T') on ![a car](car.jpg) [cars][1].")
    'A report on a car cars.'
    """
    return take_links(text)[0]


#: The heading lynx prints above its list of link targets (``lynx -dump``), and each entry.
_FOOTNOTES_HEADINGS = frozenset({"References", "Visible links", "Visible links:"})
#: A link's number where lynx marks its start: ``the [2]new bridge``.
_FOOTNOTE_MARK = re.compile(r"\[(\d{1,5})\]")
#: The word after a mark, which the link's span covers (lynx marks where a link starts, not
#: where it ends), less the punctuation after it (:data:`_AFTER_WORD`).
_MARKED_WORD = re.compile(r"[^\s\[\]]+")
_AFTER_WORD = ".,;:!?)»”\"'"


def footnote_targets(lines: list[str]) -> dict[str, str]:
    """The link targets a renderer listed under a "References" heading (``lynx -dump``):
    number to URL; empty when the text has no such list.

    >>> footnote_targets(["Text [1]here.", "", "References", "", "   1. https://x.org/a"])
    {'1': 'https://x.org/a'}
    """
    found: dict[str, str] = {}
    for position in range(len(lines) - 1, -1, -1):
        if lines[position].strip() in _FOOTNOTES_HEADINGS:
            for line in lines[position + 1 :]:
                entry = _footnote(line)
                if entry:
                    found[entry[0]] = entry[1]
                elif line.strip():
                    break
            if found:
                return found
    return found


def _footnote(line: str) -> tuple[str, str] | None:
    """A list entry, ``   2. https://example.org/b``: its number and target (a URL or path)."""
    number, dot, target = line.strip().partition(". ")
    target = target.strip()
    if not (dot and number.isdigit() and len(number) <= 5 and target) or " " in target:
        return None
    return (number, target) if ":" in target or "/" in target else None


def take_footnotes(text: str, targets: dict[str, str]) -> tuple[str, list[tuple[int, int, str]]]:
    """``text`` without the link numbers a renderer marked in it (``[2]`` where ``targets``
    has 2), and the links' spans over the new text: each covers the word after its mark.

    >>> take_footnotes("About the [2]new bridge, [9]here.", {"2": "https://x.org/b"})
    ('About the new bridge, [9]here.', [(10, 13, 'https://x.org/b')])
    """
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = position = 0
    for mark in _FOOTNOTE_MARK.finditer(text):
        href = targets.get(mark.group(1))
        if href is None:
            continue
        before = text[position : mark.start()]
        pieces.append(before)
        length += len(before)
        position = mark.end()
        word = _MARKED_WORD.match(text, position)
        size = len(word.group().rstrip(_AFTER_WORD)) if word else 0
        if size:
            spans.append((length, length + size, href))
    if not pieces:
        return text, []
    pieces.append(text[position:])
    return "".join(pieces), spans
