"""The patterns the cleaning heuristics look for, kept apart from the algorithms that use them.

Phrase lists by role and language live in ``newscorpus/data/phrases.json``; this module
compiles them once into one regular expression per role, for every language at once (a page's
chrome is often in another language than its article). The shape patterns below (comment
counts, credits, paywall percentages...) are written here so that a reader finds every string
the library matches in two files.

Every pattern is linear: alternations of literals and bounded classes, no nested quantifiers.
"""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources
from typing import Literal

__all__ = [
    "CAPTION_CREDIT",
    "COMMENT_COUNT",
    "COMMENT_META",
    "CREDIT_LINE",
    "DEBRIS",
    "PAYWALL_PERCENT",
    "PICTURE_AGENCY_LINE",
    "Role",
    "contains",
    "leading_phrase",
    "matches_whole",
    "phrases",
    "starts_with",
]

Role = Literal[
    "share",
    "follow",
    "subscribe",
    "cookies",
    "advertising",
    "navigation",
    "comment_form",
    "comments_header",
    "related",
    "bio",
    "paywall",
    "credit",
]

#: Punctuation and symbols that may surround a chrome phrase without changing what it is.
_TRIM = "\"'“”‘’«»()[]{}<>|:;.,!?*#•·»›>–—-_=+~/\\ \u00a0"


@cache
def phrases(role: Role) -> tuple[str, ...]:
    """Every phrase of ``role``, all languages together, longest first."""
    data = json.loads(resources.files("newscorpus.data").joinpath("phrases.json").read_text("utf-8"))
    found = {phrase.lower() for items in data[role].values() for phrase in items}
    return tuple(sorted(found, key=len, reverse=True))


@cache
def _compiled(role: Role, whole: bool) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(phrase) for phrase in phrases(role))
    end = r"\W*$" if whole else r"(?!\w)"
    return re.compile(rf"^(?:{alternatives}){end}", re.IGNORECASE)


def starts_with(role: Role, text: str) -> bool:
    """Whether ``text`` starts with a whole phrase of ``role`` (after leading symbols).

    >>> starts_with("related", "You may also like: ten things")
    True
    >>> starts_with("related", "Relatedness matters")
    False
    """
    return bool(_compiled(role, whole=False).match(text.lstrip(_TRIM)))


def leading_phrase(role: Role, text: str) -> tuple[str, str] | None:
    """The phrase of ``role`` that ``text`` starts with, and the rest of the text, or None.

    >>> leading_phrase("advertising", "Sponsor: QWIKET")
    ('Sponsor', ': QWIKET')
    """
    stripped = text.lstrip(_TRIM)
    match = _compiled(role, whole=False).match(stripped)
    return None if match is None else (match.group(0), stripped[match.end() :])


def contains(role: Role, text: str) -> bool:
    """Whether a phrase of ``role`` occurs anywhere in ``text`` as whole words.

    >>> contains("paywall", "You have 45% of this article left to read.")
    True
    """
    return bool(_searching(role).search(text))


@cache
def _searching(role: Role) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(phrase) for phrase in phrases(role))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def matches_whole(role: Role, text: str) -> bool:
    """Whether ``text`` is nothing but one phrase of ``role``, give or take punctuation, counts
    and symbols (``"Share"``, ``"» Related articles:"``, ``"Comments (12)"``).

    >>> matches_whole("comment_form", "Leave a Reply")
    True
    >>> matches_whole("comment_form", "Leave a Reply to this thread today")
    False
    """
    stripped = _COUNT.sub("", text).strip(_TRIM)
    return bool(stripped) and bool(_compiled(role, whole=True).match(stripped))


_COUNT = re.compile(r"^\s*\d[\d.,]*[kKmM]?\s+|\s*[(\[]?\s*\d[\d.,]*[kKmM]?\s*[)\]]?\s*$")

#: A comment section's header with a count: "34 Comments", "[ 167 comments ]", "34 responses to".
COMMENT_COUNT = re.compile(
    r"^\W{0,3}\d[\d.,]*\s+(?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|"
    r"comentários?|commenti|reacties|komentarz[ey]?|комментари\w{0,3}|yorum(?:lar)?)\b",
    re.IGNORECASE,
)

#: The first line of one comment: "<name> says:", "<name> on <date> at <time> said:",
#: "2 days ago at 07:52 am", "Rating: 36 Votes", "Reply".
COMMENT_META = re.compile(
    r"(?:\b(?:says|said|wrote|schreibt|écrit|escribió|escreveu|scrive)\s*:\s*$)"
    r"|(?:\b\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*$)"
    r"|(?:\b\d+\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b)"
    r"|(?:^(?:reply|répondre|antworten|responder|rispondi|odpowiedz|ответить|yanıtla)$)"
    r"|(?:^rating\s*:)",
    re.IGNORECASE,
)

_PICTURE_WORD = (
    r"(?:photo(?:graph)?|image|picture|foto|bild|imagen|imagem|immagine|fot|фото|fotoğraf|"
    r"写真|图片|摄影)s?"
)
_SOURCE_WORD = r"(?:credits?|crédits?|source|quelle|fuente|fonte|bron|źródło|источник|kaynak|出典|来源)"
#: What introduces a picture credit: "Photo:", "Image credit:", "Copyright", "©", "Photo by".
_CREDIT_LABEL = (
    rf"(?:{_PICTURE_WORD}\s*(?:{_SOURCE_WORD})?\s*[:：]"
    rf"|{_SOURCE_WORD}\s*[:：]"
    rf"|(?:{_PICTURE_WORD}\s+)?(?:copyright|©)\s*:?"
    rf"|{_PICTURE_WORD}\s+(?:by|courtesy(?:\s+of)?)\b\s*:?)"
)
#: Who a credit names: short, no brackets, not ending like a sentence.
_CREDIT_TEXT = r"(?P<credit>[^()\[\]]{2,100}?[^.\s()\[\]])"
#: A caption line ending in its credit: "... - Copyright AFP Menahem KAHANA",
#: "... (Photo: AP)", "... (Image: © NASA/ESA)", "... Credit: Getty Images".
CAPTION_CREDIT = re.compile(
    rf"(?:\s[-–—|]\s*|\s*[(\[]\s*|\s)(?P<label>{_CREDIT_LABEL})\s*{_CREDIT_TEXT}\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: A line that is only a credit: "Photo: Ringo H.W. Chiu, AP", "(Image: © NASA)",
#: "Photo by Jason Kempin/Getty Images".
CREDIT_LINE = re.compile(
    rf"^[(\[]?\s*(?P<label>{_CREDIT_LABEL}|{_PICTURE_WORD}\s+(?=(?-i:[A-Z©])))"
    rf"\s*{_CREDIT_TEXT}\s*[)\]]?\s*$",
    re.IGNORECASE,
)
#: A line that ends with a picture agency's name: "Natalie Naccache | Bloomberg | Getty Images".
PICTURE_AGENCY_LINE = re.compile(
    r"(?:getty\s*images|getty|shutterstock|istock(?:photo)?|alamy|ap\s*photo|afp|reuters|epa(?:-efe)?"
    r"|dpa|anadolu|sipa|imago|picture[\s-]alliance|keystone|xinhua)\s*[)\]]?\s*$",
    re.IGNORECASE,
)

#: "You have 45% of this article left to read": the share of the article behind the paywall.
PAYWALL_PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s?%")

#: Punctuation debris left where a scraper dropped an element between two punctuation marks,
#: with its repair and the reason recorded in the edit. "war. . The" and "people. , during".
DEBRIS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (re.compile(r"(?<=[.!?…])(?:\s+\.)+(?=\s|$)"), "", "doubled full stop"),
    (re.compile(r"\.\s+,(?=\s+\w)"), ",", "full stop before a comma"),
    (re.compile(r",(?:\s*,)+"), ",", "doubled comma"),
    (re.compile(r"(?<=\w)\s+,(?=\s+\w)"), ",", "space before a comma"),
)
