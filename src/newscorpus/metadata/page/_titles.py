"""Titles: the separators that set a site's name apart ("Headline | Site", "Site: Headline"),
the affixes they set apart, and a title without its site-name affix."""

from __future__ import annotations

import re

from newscorpus import tuning
from newscorpus.metadata._text import fold
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
    "Site: Headline"."""
    suffixes, prefixes = _title_parts(title)
    keys = {_compact(name) for name in names}

    def is_site(part: str) -> bool:
        part = part.strip()
        if not part or len(part) > tuning.PAGE_SITE_NAME_MAX_CHARS:
            return False
        if _compact(part) in keys:
            return True
        return len(part.split()) <= tuning.PAGE_TITLE_AFFIX_MAX_WORDS and names_host(part, host)

    for start, end in reversed(suffixes):
        head = title[:start].strip()
        if head and is_site(title[end:]):
            return head
    for start, end in prefixes:
        tail = title[end:].strip()
        if tail and is_site(title[:start]):
            return tail
    return title


def _compact(text: str) -> str:
    return "".join(ALNUM_WORDS.findall(fold(text)))
