"""Step ``chrome``: the site's furniture, wherever it stands.

Menus and navigation, search prompts, share/follow/subscribe/newsletter prompts, cookie and
consent notices, advertising and sponsor lines, comment forms: lines that say what they are
with a known phrase (``newscorpus/data/phrases.json``, many languages); and reading-time
labels ("4 min read", "Lesezeit: 2 Min."), told by their shape. A phrase alone on its
line is chrome at any length. A line that only starts with one is chrome when the phrase is
long enough to be unambiguous, when it is a label ("Sponsor: ..."), or when the line is too
short to be a sentence: "More than 100,000 people fled" starts with "more" and stays.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus._caches import memoized
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.draft import Draft

__all__ = ["Chrome", "chrome_role"]

#: The roles a phrase gives a line, in the order they are tried, each with its reason and code.
_ROLES: tuple[tuple[patterns.Role, str, str], ...] = (
    ("cookies", "cookie, consent or legal notice", "chrome.cookies"),
    ("comment_form", "comment form", "chrome.comment-form"),
    ("subscribe", "subscription or sign-in prompt", "chrome.subscribe"),
    ("share", "share button", "chrome.share"),
    ("follow", "follow prompt", "chrome.follow"),
    ("advertising", "advertising or sponsor line", "chrome.advertising"),
    ("navigation", "navigation or search", "chrome.navigation"),
    ("related", "link to related content", "chrome.related"),
)
#: A line that is only a reading-time label ("4 min read"), told by its shape, not a phrase.
_READING_TIME = "reading-time label"
_CODES = {reason: code for _, reason, code in _ROLES} | {_READING_TIME: "chrome.reading-time"}
_LABEL_MARKS = (":", "|", "»", "›", "-", "–")


@memoized
def chrome_role(text: str, language: str | None, settings: Chrome | None = None) -> str | None:
    """Why ``text`` is site chrome (a short reason), or None if it is not, by the thresholds
    of ``settings`` (the default step's when None).

    >>> chrome_role("Connect with us", "en")
    'follow prompt'
    >>> chrome_role("More than 100,000 people fled Karabakh for Armenia.", "en") is None
    True
    """
    if settings is None:
        settings = _DEFAULT
    found = features(text, language)
    if found.size > settings.max_words:
        return None
    if len(text) <= tuning.READING_TIME_MAX_CHARS and patterns.READING_TIME.match(text):
        return _READING_TIME
    whole = patterns.roles_of_whole(text)
    if whole:  # most lines are not a phrase
        for role, reason, _ in _ROLES:
            if role in whole:
                return reason
    opening = patterns.leading(text)
    if opening is None:
        return None
    phrase, roles, rest = opening
    for role, reason, _ in _ROLES:
        if role not in roles:
            continue
        if role == "related" and not rest.lstrip().startswith(_LABEL_MARKS):
            continue  # "Related" alone or as a heading is the tails step's business
        if len(phrase.split()) >= settings.long_phrase_words:
            return reason
        if rest.lstrip().startswith(_LABEL_MARKS) and found.size <= settings.label_max_words:
            return reason
        if found.size <= settings.short_max_words and not found.ends_sentence:
            return reason
    return None


@cleaning_step(origin="builtin")
class Chrome:
    """Drop menus, prompts, notices, ads and comment forms, recognised by their phrases."""

    name: str = "chrome"
    #: Longer blocks are never judged chrome by phrase (a cookie notice runs to about 60 words).
    max_words: int = tuning.CHROME_MAX_WORDS
    #: A leading phrase of this many words is unambiguous ("this website uses cookies").
    long_phrase_words: int = tuning.CHROME_LONG_PHRASE_WORDS
    #: A label ("Sponsor: ...", "Related: ...") marks chrome up to this many words.
    label_max_words: int = tuning.CHROME_LABEL_MAX_WORDS
    #: A one- or two-word phrase ("share", "more") marks chrome only in lines this short.
    short_max_words: int = tuning.CHROME_SHORT_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        # The default settings go as None: a memoised call hashes its arguments, and a step's
        # hash is a Python call, where None's is not (the default's answers are shared with
        # the masthead step's, which asks with None too).
        settings = None if self == _DEFAULT else self
        for block in draft.iter_kept():
            reason = chrome_role(block.text, draft.language, settings)
            if reason is not None:
                draft.drop(block, reason, _CODES[reason])


_DEFAULT = Chrome()
