"""Addresses: which are http(s), how to compare them, and which labels of a page's host can
name its site ("The New York Times" for nytimes.com)."""

from __future__ import annotations

import re
from functools import cache
from typing import NamedTuple
from urllib.parse import urlsplit

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.metadata._text import fold

ALNUM_WORDS = re.compile(r"[^\W_]+")


def is_http(url: str) -> bool:
    """Whether ``url`` is an http(s) address that :func:`urllib.parse.urlsplit` can read."""
    if not url.startswith(("http://", "https://")):
        return False
    try:
        urlsplit(url)
    except ValueError:  # "http://[::1"
        return False
    return True


def url_key(url: str) -> str:
    """An address without scheme, ``www.``, query, fragment or final slash, for comparing."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


class Host(NamedTuple):
    """A page's host: the labels that can name its site, and all of its labels."""

    names: tuple[str, ...] = ()
    labels: frozenset[str] = frozenset()


#: Host labels that never name a site: subdomains of form and second-level domains.
_NOT_SITE_LABELS = frozenset({"www", "m", "amp", "mobile", "co", "com", "org", "net", "gov", "ac"})


def host_of(url: str | None) -> Host:
    """The labels of a URL's host that can name a site (not ``www``, not the top level)."""
    if not url:
        return Host()
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return Host()
    labels = [label for label in host.lower().split(".") if label]
    names = tuple(
        key
        for key in ("".join(ALNUM_WORDS.findall(label)) for label in labels[:-1])
        if 2 <= len(key) <= tuning.PAGE_HOST_LABEL_MAX_CHARS and key not in _NOT_SITE_LABELS
    )
    return Host(names, frozenset(labels))


@memoized
def names_host(name: str, host: Host) -> bool:
    """Whether ``name`` names the site of ``host``: a label of the host is one of its words
    or the words run together ("TheHill", "Fox Business" for thehill.com, foxbusiness.com), or
    the starts of two or more of them ("The New York Times": nytimes.com; "WSJ": wsj.com; "NBC
    5 Dallas-Fort Worth": nbcdfw.com), leaving out at most one other word ("Yahoo News").
    "The", "www" and the host's own labels ("com", "ca") are never counted as left out.

    >>> host = host_of("https://www.nytimes.com/2019/11/19/opinion/x.html")
    >>> names_host("The New York Times", host), names_host("Opinion", host)
    (True, False)
    """
    words = ALNUM_WORDS.findall(fold(name))
    if not words or len(words) > tuning.PAGE_SITE_NAME_MAX_WORDS:
        return False
    ignorable = host.labels | {"the", "www"}
    return any(_left_out(label, tuple(words), ignorable) <= 1 for label in host.names)


def _left_out(label: str, words: tuple[str, ...], ignorable: frozenset[str]) -> int:
    """The fewest ``words`` (other than ``ignorable`` ones) left out when ``label`` is spelt
    by one whole word, or by the starts of two or more words, in order."""
    impossible = len(words) + 1

    @cache
    def best(position: int, index: int, used: int, whole: bool) -> int:
        if position == len(label):
            if used >= 2 or (used == 1 and whole):
                return sum(1 for word in words[index:] if word not in ignorable)
            return impossible
        result, skipped = impossible, 0
        for at in range(index, len(words)):
            word = words[at]
            for size in range(min(len(word), len(label) - position), 0, -1):
                if label.startswith(word[:size], position):
                    after = best(
                        position + size, at + 1, min(used + 1, 2), whole and size == len(word)
                    )
                    result = min(result, skipped + after)
            skipped += word not in ignorable
        return result

    return best(0, 0, 0, True)
