"""Bylines: who wrote an article (people) and which wire service it credits (agency).

:func:`parse_byline` reads one line. It knows a byline by a marker (``By``, ``Written by``,
``Par``, ``Von``, ``Por``, ``Di``, ``Door``, ``Autor:``, ``Текст:``, ``记者``, ``기자``...) or,
without one, by its shape: names or an agency next to a date or to each other (``Jane Doe |
Reuters``, ``Chris Davies - Nov 19, 2019``, ``Reuters November 18, 2019 11:03 PM``). Authors
must be people (see :mod:`newscorpus.metadata._names`): a desk or bureau ("News Desk", "Staff",
"News Nation Bureau"), a job title, a publication or an agency is never an author.
:func:`find_agency` (from :mod:`newscorpus.metadata.agencies`) finds the wire service credited
anywhere in a line.

Known limits: a place written like a name reads as an author, both without a marker ("New
York - Nov 19, 2019") and in a comma list after one ("By Jane Doe, New York" gives two
authors: real bylines list people with commas far more often than they add a two-word place);
a photo credit of the same shape as a byline ("Michael Conroy, AP") reads as one, so callers
should not look for bylines among captions.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from attrs import field, frozen, validators

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._labels import label_words
from newscorpus.metadata._names import (
    BylineWords,
    byline_words,
    has_word_in,
    is_person_name,
    leading_name,
)
from newscorpus.metadata._text import fold, is_caseless_word
from newscorpus.metadata.agencies import agency_named, find_agencies, find_agency
from newscorpus.metadata.dates import find_dates

_YEAR = re.compile(r"\d{2}")
_DIGIT = re.compile(r"\d")

__all__ = ["Byline", "find_agency", "opens_like_byline", "parse_byline"]

_CREDITS = ("name", "agency", "desk", "role")
_Kind = Literal["label", "agency", "photo", "desk", "role", "name", "unknown"]

#: A social-media handle glued to a name ("Chris Pokorny@DawgsByNature"), not an e-mail.
_HANDLE = re.compile(r"(?<=[^\s@])@(?=\w+(?:\s|$))")
#: (?<!\s): a run of spaces is tried from its start only (from each space it was quadratic).
_SEGMENTS = re.compile(r"(?<!\s)\s+[-–—]\s+|[|•·–—/()\[\]{}（）【】]")
_COMMAS = re.compile(r"[,;，；]")
_WORD = re.compile(r"\S+")
_TIDY_EDGES = " ,;:|/-–—·•()[]{}"
_SEPARATOR_RUN = re.compile(r"(?<!\s)\s*([,;|/·•–—-])(?:\s*[,;|/·•–—:-])+\s*")
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")


@frozen
class Byline:
    """What a byline line says: the people who wrote the article, the agency it credits, and
    the ``rest`` of the line (dates, places, desks, roles), tidied.

    >>> parse_byline("By Jane Doe, John Roe and Bill Poe")
    Byline(authors=('Jane Doe', 'John Roe', 'Bill Poe'), agency=None, rest='')
    """

    authors: tuple[str, ...] = field(
        validator=validators.deep_iterable(
            validators.instance_of(str), validators.instance_of(tuple)
        )
    )
    agency: str | None = field(validator=validators.optional(validators.instance_of(str)))
    rest: str = field(validator=validators.instance_of(str))


@frozen
class _Item:
    """A part of a byline between commas and joiners, as a span of the line."""

    start: int
    end: int


class _Reading:
    """The state of reading one line."""

    def __init__(self, line: str, site_name: str | None) -> None:
        self.line = line
        self.site = fold(site_name) if site_name else None
        self.authors: list[str] = []
        self.agencies: list[str] = []
        self.consumed: list[tuple[int, int]] = []
        self.desk = self.role = self.unknown = self.photo = False
        self.other_words = 0

    def take_agency(self, name: str, start: int, end: int) -> None:
        self.agencies.append(name)
        self.consumed.append((start, end))

    def take_author(self, start: int, end: int) -> None:
        name = self.line[start:end].strip(" .,;:")
        if self.site is not None and fold(name) == self.site:
            self.other_words += 1
            return
        if name not in self.authors:
            self.authors.append(name)
        self.consumed.append((start, end))

    def rest(self) -> str:
        kept, position = [], 0
        for start, end in sorted(self.consumed):
            kept.append(self.line[position:start])
            position = max(position, end)
        kept.append(self.line[position:])
        return _tidy(" ".join(kept))


@memoized
def parse_byline(text: str, *, site_name: str | None = None) -> Byline | None:
    """The byline ``text`` is, or None when it is not one.

    ``site_name``, when known, is never taken for an author ("By Le Monde").

    >>> parse_byline("By Sarah E. Needleman")
    Byline(authors=('Sarah E. Needleman',), agency=None, rest='')
    >>> parse_byline("Reuters November 18, 2019 11:03 PM")
    Byline(authors=(), agency='Reuters', rest='November 18, 2019 11:03 PM')
    >>> parse_byline("Chris Davies - Nov 19, 2019, 10:31 pm CST").authors
    ('Chris Davies',)
    >>> parse_byline("Par Jean Dupont, envoyé spécial à Kiev")
    Byline(authors=('Jean Dupont',), agency=None, rest='envoyé spécial à Kiev')
    >>> parse_byline("By the end of the year, prices had doubled.") is None
    True
    """
    line = " ".join(text.split())
    if not line or len(line) > tuning.BYLINE_MAX_CHARS:
        return None
    line = _HANDLE.sub(" @", line)
    words = byline_words()
    # Every CJK and Hangul marker has a character outside ASCII: none is in an ASCII line.
    cjk = None if line.isascii() else _cjk_byline(line, words) or _suffix_byline(line, words)
    if cjk is not None:
        return cjk
    opens_marked = _marker_end(line, 0, len(line), words) is not None
    if not _could_be_byline(line, opens_marked):
        return None
    dates = [(found.start, found.end) for found in find_dates(line)]
    if _number_outside_dates(line, opens_marked, dates):
        return None
    return _read_line(line, site_name, dates, words)


def _could_be_byline(line: str, opens_marked: bool) -> bool:
    """A cheap test that rules out most lines before they are read: a byline opens with a
    marker ("By"), or credits an agency, or sets names beside a date (which has a year)."""
    return opens_marked or bool(_YEAR.search(line)) or find_agency(line) is not None


def _number_outside_dates(line: str, opens_marked: bool, dates: list[tuple[int, int]]) -> bool:
    """Whether a line that opens with no marker and has no date holds a number. Such a line is
    no byline, and is not read: the item holding the number reads as no label word, agency or
    joiner (none has a digit, as a data test holds), so as an unknown item, which an unmarked
    byline cannot have (:func:`_is_byline`). Most lines with a number are of this kind
    ("Posted 12 hours ago", "Top 10 stories")."""
    return not opens_marked and not dates and _DIGIT.search(line) is not None


def _read_line(
    line: str, site_name: str | None, dates: list[tuple[int, int]], words: BylineWords
) -> Byline | None:
    """The byline ``line`` is, read piece by piece between its ``dates``, or None."""
    reading = _Reading(line, site_name)
    marked = False
    for start, end in _pieces(line, dates):
        marker = _marker_end(line, start, end, words)
        if marker is not None:
            reading.consumed.append((start, marker))
            marked = _read(reading, marker, end, explicit=True, words=words) or marked
        else:
            _read(reading, start, end, explicit=False, words=words)
    if not _is_byline(reading, marked, dates):
        return None
    agency = reading.agencies[0] if reading.agencies else None
    return Byline(tuple(reading.authors), agency, reading.rest())


def _is_byline(reading: _Reading, marked: bool, dates: list[tuple[int, int]]) -> bool:
    """Whether what was read makes a byline: after a marker, a credit and few other words;
    without one, nothing unknown, no photo credit, and an agency, or names, a desk or a role
    set apart from a date ("Chris Davies - Nov 19, 2019", not "Opening Bell 11.18.19")."""
    if marked:
        return reading.other_words <= tuning.BYLINE_MAX_OTHER_WORDS
    if reading.unknown or reading.photo:
        return False
    if reading.agencies:
        return True
    if not (reading.authors or reading.desk or reading.role) or not dates:
        return False
    return reading.desk or reading.role or _set_apart(reading, dates)


def _set_apart(reading: _Reading, dates: list[tuple[int, int]]) -> bool:
    """Whether the names touch a date or are parted from it by a separator."""
    line = reading.line
    for name_start, name_end in reading.consumed:
        for date_start, date_end in dates:
            gap = line[name_end:date_start] if name_end <= date_start else line[date_end:name_start]
            if not gap or gap.strip():
                return True
    return False


def _pieces(line: str, dates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of the line between its dates."""
    spans, position = [], 0
    for start, end in dates:
        spans.append((position, start))
        position = end
    spans.append((position, len(line)))
    return [(start, end) for start, end in spans if line[start:end].strip(_TIDY_EDGES)]


def opens_like_byline(text: str) -> bool:
    """Whether ``text`` opens with a byline marker ("By", "Written by", "Von"), as a byline or
    an author's bio in a sentence does ("By Jane Doe, a deputy editor who covers ...").

    >>> opens_like_byline("By Jane Doe, a deputy editor."), opens_like_byline("Bystanders ran.")
    (True, False)
    """
    return _marker_end(text, 0, len(text), byline_words()) is not None


def _marker_end(line: str, start: int, end: int, words: BylineWords) -> int | None:
    """The index after a byline marker (and its colon) opening ``line[start:end]``."""
    position = start
    while position < end and line[position] in _TIDY_EDGES:
        position += 1
    tokens = line[position:end].split(" ", 3)  # a marker is at most three words
    if tokens[0].isascii() and not _may_open_marker(tokens[0], words):
        return None  # most lines: no marker starts with their first word
    return _phrase_marker_end(line, position, end, tokens, words)


def _may_open_marker(word: str, words: BylineWords) -> bool:
    """Whether a marker may start with ``word`` (ASCII), the first word of a line: the first
    word of each phrase :func:`_phrase_marker_end` tries, folded, is ``word`` lower-cased, or
    that without the colons, spaces and dot at its end."""
    lowered = word.lower()
    return not words.marker_starts.isdisjoint(
        (lowered, lowered.rstrip().rstrip("."), lowered.rstrip(":").rstrip().rstrip("."))
    )


def _phrase_marker_end(
    line: str, position: int, end: int, tokens: list[str], words: BylineWords
) -> int | None:
    """The index after the marker that the first three, two or one of ``tokens`` (the words
    of ``line[position:end]``) make, and its colon."""
    for size in (3, 2, 1):
        if len(tokens) <= size:
            continue
        phrase = " ".join(tokens[:size])
        colon = phrase.endswith(":")
        key = fold(phrase.rstrip(":").rstrip())
        after = position + len(phrase)
        if not colon and line[after : after + 2] == " :":
            colon, after = True, after + 2
        if key in words.markers or (colon and key in words.colon_markers):
            while after < end and line[after] in " :":
                after += 1
            return after
    return None


def _read(reading: _Reading, start: int, end: int, *, explicit: bool, words: BylineWords) -> bool:
    """Read the segments of ``line[start:end]`` into ``reading``. With ``explicit`` (a marker
    opened the span), return whether its first item is a credit (a name, an agency, a desk or
    a role); a marker followed by anything else ("By the end of...") makes no byline."""
    took_names = bool(reading.authors)
    for index, (seg_start, seg_end) in enumerate(_split(reading.line, start, end, _SEGMENTS)):
        items = _items(reading.line, seg_start, seg_end, words)
        read = [_classify(reading.line[item.start : item.end], words, explicit) for item in items]
        if explicit and index == 0 and (not read or read[0][0] not in _CREDITS):
            reading.unknown = True
            return False
        # Without a marker, names beside a desk are places: "New Delhi, News Nation Bureau".
        names_allowed = not took_names and (explicit or all(kind != "desk" for kind, _ in read))
        names_here = False
        for item, (kind, named) in zip(items, read, strict=True):
            text = reading.line[item.start : item.end]
            if kind == "name" and named is not None and names_allowed:
                _take_name(reading, item, named)
                names_here = True
                continue
            if kind == "photo":
                reading.photo = True
            elif kind == "agency":
                name = agency_named(_without_with(text, words))
                if name is not None:
                    reading.take_agency(name, item.start, item.end)
            elif kind in ("desk", "role"):
                reading.desk = reading.desk or kind == "desk"
                reading.role = reading.role or kind == "role"
                reading.agencies.extend(find_agencies(text))
            elif kind != "label":
                reading.unknown = reading.unknown or kind == "unknown"
                reading.other_words += len(text.split())
        took_names = took_names or names_here
    return explicit


def _take_name(reading: _Reading, item: _Item, named: _Named) -> None:
    """Take the name an item starts with, and an agency after "with" in it."""
    offset = (
        item.start
        + len(reading.line[item.start : item.end])
        - len(reading.line[item.start : item.end].lstrip())
    )
    reading.take_author(offset, offset + named.length)
    if named.agency is not None:
        reading.take_agency(named.agency, offset + named.length, item.end)
    reading.other_words += named.other_words


def _classify(text: str, words: BylineWords, explicit: bool) -> tuple[_Kind, _Named | None]:
    """What a byline item is, and for a name, how much of it is the name."""
    stripped = text.strip(" .:;,")
    if not stripped:
        return "label", None
    tokens = stripped.split()
    neutral = label_words().neutral
    if all(fold(token).strip(":") in neutral for token in tokens):
        return "label", None
    if agency_named(_without_with(stripped, words)) is not None:
        return "agency", None
    if any(char.isdigit() for char in stripped):
        return "unknown", None
    if has_word_in(stripped, words.photo_words):
        return "photo", None
    if has_word_in(stripped, words.desk_words):
        return "desk", None
    if has_word_in(stripped, words.role_words):
        return "role", None
    named = _name_in(text.strip(), words, explicit)
    return ("name", named) if named is not None else ("unknown", None)


class _Named(NamedTuple):
    """A name at the start of an item: its length, an agency credited after "with" in the
    item ("Jane Doe with AFP"), and how many other words follow ("in Paris")."""

    length: int
    agency: str | None = None
    other_words: int = 0


def _name_in(text: str, words: BylineWords, explicit: bool) -> _Named | None:
    """The name ``text`` is or, after a marker, starts with ("Jane Doe in Paris", "Jane Doe
    with AFP", "Umair Irfan Updated", "Chris Pokorny @DawgsByNature"), or None."""
    if is_person_name(text, caseless_ok=explicit):
        return _Named(len(text))
    tokens = text.split()
    if not explicit or not tokens or is_caseless_word(tokens[0]):
        return None
    size = leading_name(tokens)
    if not size:
        return None
    length = len(" ".join(tokens[:size]))
    leftover = " ".join(tokens[size:])
    bare = _without_with(leftover, words)
    agency = agency_named(bare) if bare != leftover else None
    if agency is not None:
        return _Named(length, agency)
    tail = tokens[size]
    if len(tokens) - size <= tuning.BYLINE_NAME_TAIL_MAX_WORDS and (
        tail[:1].islower()
        or tail[:1] == "@"
        or fold(tail) in label_words().neutral | words.not_name_words
    ):
        return _Named(length, None, len(tokens) - size)
    return None


def _without_with(text: str, words: BylineWords) -> str:
    """``text`` without a leading "with"-word (with, avec, mit, con...)."""
    stripped = text.strip(" ,;:")
    tokens = stripped.split(" ")
    for size in (3, 2, 1):
        if len(tokens) > size and fold(" ".join(tokens[:size])) in words.with_words:
            return " ".join(tokens[size:])
    return stripped


def _split(line: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The non-empty spans of ``line[start:end]`` between matches of ``pattern``."""
    spans, position = [], start
    for match in pattern.finditer(line, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return [(s, e) for s, e in spans if line[s:e].strip(_TIDY_EDGES)]


def _items(line: str, start: int, end: int, words: BylineWords) -> list[_Item]:
    """The items of a segment, split at commas and at joiner words."""
    items: list[_Item] = []
    for comma_start, comma_end in _split(line, start, end, _COMMAS):
        position = comma_start
        for match in _WORD.finditer(line[comma_start:comma_end]):
            word_start = comma_start + match.start()
            if _is_joiner(match.group(), words) and word_start > position:
                if line[position:word_start].strip():
                    items.append(_Item(position, word_start))
                position = comma_start + match.end()
        if line[position:comma_end].strip():
            items.append(_Item(position, comma_end))
    return items


def _is_joiner(word: str, words: BylineWords) -> bool:
    """Whether ``word`` joins two names: "and", "et", "y", "&", "AND"; not an initial "E."."""
    if fold(word) not in words.joiners:
        return False
    return word == word.lower() or (word.isupper() and len(word) > 1 and not word.endswith("."))


def _tidy(text: str) -> str:
    """What is left of a line once its credits are taken out, without stray separators."""
    text = _EMPTY_BRACKETS.sub(" ", " ".join(text.split()))
    text = _SEPARATOR_RUN.sub(lambda match: f" {match.group(1)} ", text)
    words = byline_words()
    tokens = text.strip(_TIDY_EDGES).split()
    while tokens and fold(tokens[0]) in words.joiners | words.with_words:
        tokens = " ".join(tokens[1:]).strip(_TIDY_EDGES).split()
    while tokens and fold(tokens[-1]) in words.joiners | words.with_words:
        tokens = " ".join(tokens[:-1]).strip(_TIDY_EDGES).split()
    return " ".join(tokens).replace(" ,", ",")


def _cjk_byline(line: str, words: BylineWords) -> Byline | None:
    """记者 张三 / 新华社记者 张三 李四 / 文/张三 / （记者 张三 报道）.

    The marker opens the line or follows a short prefix (an agency, 本报); a one-character
    marker (文) needs a slash or colon after it."""
    for marker in words.cjk_markers:
        at = line.find(marker, 0, tuning.BYLINE_CJK_MAX_PREFIX_CHARS + len(marker))
        if at < 0:
            continue
        after = line[at + len(marker) :]
        if len(marker) == 1 and after[:1] not in ("/", "／", ":", "：", "|", "｜"):
            continue
        prefix = line[:at].strip(" （(【[")
        names, rest = _cjk_names(after.lstrip(" /／:：|｜"), words)
        if not names or len(rest) > tuning.BYLINE_CJK_MAX_REST_CHARS:
            continue
        agency = agency_named(prefix) if prefix else None
        if agency is None and prefix:
            rest = f"{prefix} {rest}".strip()
        return Byline(tuple(names), agency, _tidy(rest))
    return None


def _cjk_names(text: str, words: BylineWords) -> tuple[list[str], str]:
    """The names a CJK marker is followed by, and the text after them."""
    stops = words.cjk_not_names
    names: list[str] = []
    tokens = re.split(r"[\s、,，]+", text.strip(" ）)】]"))
    for count, token in enumerate(tokens):
        clean = token.strip(" ）)】]")
        if not clean or clean.startswith(stops) or not is_person_name(clean, caseless_ok=True):
            return names, " ".join(tokens[count:])
        names.append(clean)
    return names, ""


def _suffix_byline(line: str, words: BylineWords) -> Byline | None:
    """홍길동 기자 / [서울=연합뉴스] 홍길동 김철수 기자 / 홍길동 기자 hong@yna.co.kr.

    A line that goes on into the article ("홍길동 기자 = 정부는 18일...") is not a byline."""
    for marker in words.suffix_markers:
        if marker not in line:  # most lines have none: no pattern to look up
            continue
        pattern = rf"((?:[가-힣]{{2,4}}\s*){{1,3}})\s*{re.escape(marker)}(?=$|[\s=,.·])"
        match = re.search(pattern, line)
        if match is None or match.start() > tuning.BYLINE_SUFFIX_MAX_PREFIX_CHARS:
            continue
        prefix = line[: match.start()].strip(" []()【】")
        after = line[match.end() :].strip(" =")
        if len(after.split()) > tuning.BYLINE_SUFFIX_MAX_AFTER_WORDS:
            return None
        agencies = find_agencies(prefix)
        rest = _tidy(f"{prefix} {after}")
        return Byline(tuple(match.group(1).split()), agencies[0] if agencies else None, rest)
    return None
