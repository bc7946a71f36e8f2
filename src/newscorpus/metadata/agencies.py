"""Wire services credited in a line: ``Copyright AFP``, ``(Reuters) —``, ``(AP) —``, ``© dpa``,
``Source: Reuters``, ``with AFP``.

The agencies and their aliases are in ``data/agencies.json``. Matches are whole words. An
alias of one word of at most five letters matches with its case exactly (``AFP``, ``dpa``;
"ap" inside a word or "Afp" never match); longer aliases ignore case. Aliases that are also
common words or other bodies' acronyms (``AP``, ``PTI``, ``MAP``, ``Bloomberg``...) count only
in a credit context: alone on the line, in brackets, next to a slash (``AP/Reuters``), after a
dash at the end of the line (``— AP``), after ``©`` or a credit word (``Copyright``, ``Source:``,
``Photo:``, ``with``, ``By``) or before ``Photo``/``Images`` (``AP Photo/Evan Vucci`` credits AP).
"""

from __future__ import annotations

import re
from functools import cache, cached_property

from attrs import frozen

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._data import entries, load, string_list
from newscorpus.metadata._text import fold, has_cjk

__all__ = ["agency_named", "find_agencies", "find_agency"]

_TOKEN = re.compile(r"[^\W_]+")
_GAP_CHARS = " -\u2010\u2011"
_OPENERS = "([{（【「"
_CLOSERS = ")]}）】」"
_DASHES = "-\u2013\u2014|"
_LINE_EDGE_BEFORE = " ([{（【「\u2014\u2013-|:\u2022\u00b7\u00a9"
_LINE_EDGE_AFTER = " )]}）】」.。\u2014\u2013-|:,;"


@frozen
class _Alias:
    name: str
    #: The alias's tokens, exact or folded.
    tokens: tuple[str, ...]
    exact: bool
    credit_only: bool


@frozen
class _Agencies:
    #: Aliases by their first token: exact text for exact aliases, folded for the others.
    exact: dict[str, list[_Alias]]
    folded: dict[str, list[_Alias]]
    #: Aliases in scripts without spaces, matched as substrings: (alias, name, credit only).
    cjk: tuple[tuple[str, str, bool], ...]
    before: frozenset[str]
    after: frozenset[str]

    def may_name_one(self, text: str) -> bool:
        """Whether some alias (not in a script without spaces) could start at a word of
        ``text``: every token of it is among the line's words. False proves that no alias
        matches there; most lines name no agency, and set operations on their words say so
        without the token-by-token search ("the" starts "The Canadian Press", but a line
        with "the" and no "canadian" names no agency by it)."""
        words = _TOKEN.findall(text)
        # Tokens hold no dot, so an ASCII word folds to its lower case: an ASCII line's keys
        # are the words of the line lower-cased.
        keys = _TOKEN.findall(text.lower()) if text.isascii() else [fold(word) for word in words]
        exact, folded = self.exact.keys() & words, self.folded.keys() & keys
        if not (exact or folded):
            return False
        if exact:  # exact aliases are one token: the word itself
            return True
        present = set(keys)
        return any(present.issuperset(alias.tokens) for key in folded for alias in self.folded[key])


@cache
def _agencies() -> _Agencies:
    data = load("agencies.json")
    exact: dict[str, list[_Alias]] = {}
    folded: dict[str, list[_Alias]] = {}
    cjk: list[tuple[str, str, bool]] = []
    for entry in data["agencies"]:
        record = entries(entry, "agencies[]")
        name = str(record["name"])
        for key, credit_only in (("anywhere", False), ("credit_only", True)):
            for alias in string_list(record[key], f"{name}.{key}"):
                if has_cjk(alias):
                    cjk.append((alias, name, credit_only))
                    continue
                tokens = tuple(_TOKEN.findall(alias))
                is_exact = len(tokens) == 1 and len(tokens[0]) <= tuning.AGENCY_EXACT_MAX_LETTERS
                keys = tokens if is_exact else tuple(fold(token) for token in tokens)
                table = exact if is_exact else folded
                table.setdefault(keys[0], []).append(_Alias(name, keys, is_exact, credit_only))
    for table in (exact, folded):
        for aliases in table.values():
            aliases.sort(key=lambda alias: len(alias.tokens), reverse=True)
    cues = entries(data, "agencies.json")
    return _Agencies(
        exact=exact,
        folded=folded,
        cjk=tuple(cjk),
        before=frozenset(fold(w) for w in string_list(cues["credit_words_before"], "before")),
        after=frozenset(fold(w) for w in string_list(cues["credit_words_after"], "after")),
    )


@memoized
def find_agency(text: str) -> str | None:
    """The canonical short name of the first wire service ``text`` credits, or None.

    >>> find_agency("Copyright AFP Menahem KAHANA"), find_agency("WASHINGTON (AP) — The")
    ('AFP', 'AP')
    >>> find_agency("© dpa"), find_agency("Source: Reuters"), find_agency("AP Photo/Evan Vucci")
    ('dpa', 'Reuters', 'AP')
    >>> find_agency("He took the AP exam"), find_agency("a map of the city") is None
    (None, True)
    """
    found = find_agencies(text)
    return found[0] if found else None


def find_agencies(text: str) -> list[str]:
    """Every wire service ``text`` credits, by canonical short name, in order of first mention.

    >>> find_agencies("AFP/Reuters/AFP")
    ['AFP', 'Reuters']
    """
    table = _agencies()
    line = _Line(text)
    hits = _word_hits(line, table) if table.may_name_one(text) else []
    # Every alias in table.cjk has a CJK character: none is in an ASCII line.
    cjk = () if text.isascii() else table.cjk
    for alias_text, name, credit_only in cjk:
        position = text.find(alias_text)
        while position >= 0:
            stop = position + len(alias_text)
            if not credit_only or _credited_span(line, position, stop):
                hits.append((position, name))
                break
            position = text.find(alias_text, stop)
    names: list[str] = []
    for _, name in sorted(hits):
        if name not in names:
            names.append(name)
    return names


def _word_hits(line: _Line, table: _Agencies) -> list[tuple[int, str]]:
    """(start, name) of the aliases credited among the line's words, in order."""
    text = line.text
    tokens = list(_TOKEN.finditer(text))
    hits: list[tuple[int, str]] = []
    index = 0
    while index < len(tokens):
        match = _alias_at(text, tokens, index, table)
        if match is None:
            index += 1
            continue
        alias, end = match
        if not alias.credit_only or _credited(line, tokens, index, end, table):
            hits.append((tokens[index].start(), alias.name))
        index = end
    return hits


def agency_named(text: str) -> str | None:
    """The agency that ``text`` is, as a whole (brackets, a leading "the" and surrounding
    punctuation aside), by canonical short name; None when ``text`` is anything else.

    Any alias counts here, credit-only ones too: the caller knows the text is a credit.

    >>> agency_named("(AP)"), agency_named("the Associated Press"), agency_named("AP exam")
    ('AP', 'AP', None)
    """
    table = _agencies()
    stripped = text.strip(" \t()[]{}.,;:|-\u2013\u2014/")
    for alias_text, name, _ in table.cjk:
        if stripped == alias_text:
            return name
    tokens = list(_TOKEN.finditer(stripped))
    start = 1 if len(tokens) > 1 and fold(tokens[0].group()) in {"the", "l", "la", "le"} else 0
    if start == len(tokens):
        return None
    match = _alias_at(stripped, tokens, start, table)
    if match is None or match[1] != len(tokens):
        return None
    return match[0].name


def _alias_at(
    text: str, tokens: list[re.Match[str]], index: int, table: _Agencies
) -> tuple[_Alias, int] | None:
    """The longest alias whose tokens start at ``tokens[index]``, and the index after it."""
    word = tokens[index].group()
    candidates = table.exact.get(word, []) + table.folded.get(fold(word), [])
    if not candidates:  # most words name no agency
        return None
    for alias in sorted(candidates, key=lambda alias: len(alias.tokens), reverse=True):
        end = index + len(alias.tokens)
        if end > len(tokens):
            continue
        if all(
            _same(tokens[index + k].group(), part, alias.exact)
            and (k == 0 or _joined(text, tokens[index + k - 1], tokens[index + k]))
            for k, part in enumerate(alias.tokens)
        ):
            return alias, end
    return None


def _same(word: str, part: str, exact: bool) -> bool:
    return word == part if exact else fold(word) == part


def _joined(text: str, left: re.Match[str], right: re.Match[str]) -> bool:
    gap = text[left.end() : right.start()]
    return 0 < len(gap) <= 3 and not gap.strip(_GAP_CHARS)


class _Line:
    """Where a line's content starts and ends, measured once (when a credit test first asks:
    most lines name no agency) so that each credit test looks only at the characters next to
    its match (linear on long lines)."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def first(self) -> int:
        return _first_outside(self.text, _LINE_EDGE_BEFORE)

    @cached_property
    def last(self) -> int:
        return _last_outside(self.text, _LINE_EDGE_AFTER)

    @cached_property
    def first_visible(self) -> int:
        return _first_outside(self.text, " ")

    def left(self, start: int) -> str:
        """The nearest visible character before ``start`` ("" at the line's start)."""
        position = start - 1
        while position >= 0 and self.text[position].isspace():
            position -= 1
        return self.text[position] if position >= 0 else ""

    def right(self, stop: int) -> str:
        """The nearest visible character from ``stop`` on ("" at the line's end)."""
        position = stop
        while position < len(self.text) and self.text[position].isspace():
            position += 1
        return self.text[position] if position < len(self.text) else ""


def _first_outside(text: str, chars: str) -> int:
    return len(text) - len(text.lstrip(chars))


def _last_outside(text: str, chars: str) -> int:
    return len(text.rstrip(chars)) - 1


def _credited(
    line: _Line, tokens: list[re.Match[str]], index: int, end: int, table: _Agencies
) -> bool:
    """Whether the alias at ``tokens[index:end]`` stands in a credit context."""
    start, stop = tokens[index].start(), tokens[end - 1].end()
    if _credited_span(line, start, stop):
        return True
    text = line.text
    if index > 0:
        previous = tokens[index - 1]
        gap = text[previous.end() : start]
        if fold(previous.group()) in table.before and not gap.strip(" :)-\u2013\u2014"):
            return True
    if end < len(tokens):
        following = tokens[end]
        gap = text[stop : following.start()]
        if fold(following.group()) in table.after and not gap.strip(" "):
            return True
    return False


def _credited_span(line: _Line, start: int, stop: int) -> bool:
    """Whether the punctuation around ``line.text[start:stop]`` makes it a credit."""
    left, right = line.left(start), line.right(stop)
    if line.first >= start and line.last < stop:
        return True
    if left and left in _OPENERS and right and right in _CLOSERS + "/,;":
        return True
    if "/" in (left, right) or left == "\u00a9":
        return True
    if left and left in _DASHES and (not right or right in _CLOSERS):
        return True
    return line.first_visible >= start and bool(right) and right in _DASHES + ":"
