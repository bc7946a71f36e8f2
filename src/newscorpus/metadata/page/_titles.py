"""Titles: the separators that set a site's name apart ("Headline | Site", "Site: Headline"),
the affixes they set apart, and a title without its site-name affix."""

from __future__ import annotations

import re

from newscorpus import tuning
from newscorpus.metadata._text import fold
from newscorpus.metadata.dates import find_dates
from newscorpus.metadata.page._urls import ALNUM_WORDS, Host, names_host
from newscorpus.metadata.page._values import clean

#: Separators between a headline and the site's name in a title ("Headline | Site").
#: (?<!\s): a run of spaces is tried from its start only (from each space it was quadratic).
_TITLE_SEPARATOR = re.compile(r"(?<!\s)\s+[|\-–—·•:»«/~]{1,2}\s+|(?:(?<!\s)\s+)?[|｜]\s*")
ELLIPSIS = ("…", "...")


def _title_parts(title: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The (start, end) spans of the separators in a title that may set a site's name apart:
    those after which a suffix may follow, and those before which a prefix may stand (the
    first separator, or a colon: "The Space Review: Seeking a bigger role")."""
    spans = [(match.start(), match.end()) for match in _TITLE_SEPARATOR.finditer(title)]
    prefixes = spans[:1]
    spans = spans[-tuning.PAGE_TITLE_SUFFIX_PARTS :]
    colon = title.find(": ")
    if colon > 0 and (not spans or colon < spans[0][0]):
        prefixes.append((colon, colon + 2))
    return spans, prefixes


def title_affixes(title: str) -> list[str]:
    """The short parts a title's separators set apart at its end and its start."""
    title = clean(title) or ""
    suffixes, prefixes = _title_parts(title)
    affixes = [title[end:] for _, end in suffixes[-1:]]
    affixes.extend(title[:start] for start, _ in prefixes)
    return [
        affix.strip()
        for affix in affixes
        if affix.strip() and len(affix.split()) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS
    ]


def strip_site(title: str, names: list[str], host: Host) -> str:
    """``title`` without a site-name affix: "Headline - Site", "Headline | Site | Section",
    "Headline | Site | 19.01.2020", "Site: Headline"."""
    suffixes, prefixes = _title_parts(title)
    keys = {_compact(name) for name in names}

    def is_site(part: str) -> bool:
        part = part.strip()
        if not part or len(part) > tuning.PAGE_SITE_NAME_MAX_CHARS:
            return False
        if _compact(part) in keys:
            return True
        return len(part.split()) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS and names_host(part, host)

    def is_site_and_dates(tail: str) -> bool:
        """A tail of the site's name and dates: "DW | 19.01.2020"."""
        parts = [part for part in _TITLE_SEPARATOR.split(tail) if part.strip()]
        sites = [part for part in parts if is_site(part)]
        return bool(sites) and all(part in sites or _is_date(part) for part in parts)

    for start, end in reversed(suffixes):
        head = title[:start].strip()
        if head and (is_site(title[end:]) or is_site_and_dates(title[end:])):
            return head
    for start, end in prefixes:
        tail = title[end:].strip()
        if tail and is_site(title[:start]):
            return tail
    return title


def has_separator(title: str) -> bool:
    """Whether ``title`` has a separator that may set a kicker, a section or a site apart."""
    return _TITLE_SEPARATOR.search(title) is not None or ": " in title


def is_affixed(title: str, plain: str) -> bool:
    """Whether ``title`` is ``plain`` with a kicker: a few words set apart before it by a
    separator ("Olympische Spiele: Headline" for "Headline"). (A suffix may be the author's
    name, which titles keep by convention: "Headline - Jane Doe".)

    >>> is_affixed("Olympische Spiele: Gold für Deutschland", "Gold für Deutschland")
    True
    >>> is_affixed("Tony Blair: Why there has to be compromise", "Tony Blair")
    False
    """
    title, plain = " ".join(title.split()), " ".join(plain.split())
    if len(title) <= len(plain) or not plain or not fold(title).endswith(fold(plain)):
        return False
    kicker = title[: len(title) - len(plain)]
    words = ALNUM_WORDS.findall(kicker)
    return (
        _SEPARATED_END.search(kicker) is not None
        and 0 < len(words) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS
        and len(words) < len(ALNUM_WORDS.findall(plain))
    )


#: A separator at the end of a kicker ("Olympische Spiele: ").
_SEPARATED_END = re.compile(r"(?:\s[|\-–—·•»«/~]{1,2}|[:|｜])\s*$")


def _is_date(part: str) -> bool:
    found = find_dates(part)
    return len(found) == 1 and not ALNUM_WORDS.findall(
        part[: found[0].start] + part[found[0].end :]
    )


def _compact(text: str) -> str:
    return "".join(ALNUM_WORDS.findall(fold(text)))
