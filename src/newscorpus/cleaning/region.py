"""Where the main text is: the run of blocks with the most prose and the least chrome.

Each block gets a score: prose counts for its size, chrome and short menu-like lines count
against. The main text is the contiguous run with the highest total (the maximum-sum
subarray, found in one pass), the idea of Finn et al.'s Body Text Extraction carried from
markup tokens to blocks. A short heading or a one-line aside between paragraphs costs a little
and is kept; a menu of twenty links or a run of teasers costs more than the paragraphs beyond
it are worth, so the run stops there.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import attrs
from attrs import frozen

from newscorpus import tuning
from newscorpus.cleaning.features import Features, features
from newscorpus.cleaning.patterns import RELATIVE_TIME
from newscorpus.cleaning.shapes import byline_of, is_dateline_line
from newscorpus.draft import DraftBlock
from newscorpus.metadata.bylines import opens_like_byline

__all__ = [
    "MainText",
    "best_run",
    "block_score",
    "is_prose",
    "main_text",
    "prose_words",
    "stopword_floor",
]


def is_prose(found: Features, stopword_floor: float = tuning.PROSE_MIN_STOPWORD_RATIO) -> bool:
    """Whether a block reads like a paragraph of running text: long enough, ending like a
    sentence, with at least ``stopword_floor`` of stopwords (see :func:`stopword_floor`)."""
    if found.size < tuning.PROSE_MIN_WORDS or found.ends_ellipsis:
        return False
    if not found.ends_sentence:
        # A long paragraph may end in a name or a link with no full stop after it.
        return (
            found.size >= tuning.PROSE_UNENDED_MIN_WORDS
            and found.stopword_ratio is not None
            and found.stopword_ratio >= stopword_floor
        )
    return found.stopword_ratio is None or found.stopword_ratio >= stopword_floor


def prose_words(
    block: DraftBlock, language: str | None, floor: float = tuning.PROSE_MIN_STOPWORD_RATIO
) -> float:
    """``block``'s size in words where it reads as prose (:func:`is_prose`), else 0: what a
    block weighs when steps compare the prose of two parts of a page."""
    found = features(block.text, language)
    return found.size if is_prose(found, floor) else 0.0


def stopword_floor(texts: Iterable[str], language: str | None) -> float:
    """The share of stopwords a page's prose must reach, scaled to the page's own sentences.

    Stopword lists match a word as a whole, so agglutinating languages (Korean, Turkish,
    Finnish) show fewer stopwords in running text than English does. The floor is the usual
    one, or half the page's median over its long sentences, whichever is lower.
    """
    ratios: list[float] = []
    for text in texts:
        found = features(text, language)
        if (
            found.stopword_ratio is not None
            and found.size >= tuning.PROSE_MIN_WORDS
            and found.ends_sentence
        ):
            ratios.append(found.stopword_ratio)
    ratios.sort()
    if not ratios:
        return tuning.PROSE_MIN_STOPWORD_RATIO
    median = ratios[len(ratios) // 2]
    return min(tuning.PROSE_MIN_STOPWORD_RATIO, median * tuning.PROSE_RELATIVE_STOPWORD_FACTOR)


def block_score(
    block: DraftBlock, language: str | None, floor: float = tuning.PROSE_MIN_STOPWORD_RATIO
) -> float:
    """How much ``block`` argues for being inside the main text (positive) or outside it.

    A block inside the container the page itself names as the article body (``marked_main``,
    set by the ``markup`` step from HTML evidence; never on dumps) counts for it however it
    reads: lists, tables and short lines of an article hold the run together there.
    """
    if block.marked_main:
        return max(_score(block, language, floor), tuning.SCORE_MARKED_MAIN)
    return _score(block, language, floor)


def _score(block: DraftBlock, language: str | None, floor: float) -> float:
    if block.removal is not None:
        return -tuning.SCORE_REMOVED
    found = features(block.text, language)
    if block.kind == "table":
        return found.size * tuning.SCORE_TABLE_FACTOR
    if is_prose(found, floor):
        if block.blank_before or block.blank_after:
            return found.size
        return found.size * tuning.SCORE_UNSEPARATED_FACTOR
    if found.ends_ellipsis:
        return -tuning.SCORE_SHORT
    if found.size < tuning.PROSE_MIN_WORDS:
        if found.ends_sentence:
            return -tuning.SCORE_SHORT / 2
        if found.size >= tuning.LIST_ITEM_MIN_WORDS and (
            not found.title_case or found.digit_ratio >= tuning.LIST_ITEM_MIN_DIGIT_RATIO
        ):
            return -tuning.SCORE_LIST_ITEM
        return -tuning.SCORE_SHORT
    if not found.ends_sentence:
        return -found.size * tuning.SCORE_UNENDED_FACTOR
    return found.size * tuning.SCORE_WEAK_PROSE_FACTOR


def best_run(scores: Sequence[float]) -> tuple[int, int] | None:
    """The ``(start, end)`` (inclusive) of the run with the largest positive total, or None.

    >>> best_run([-5, 10, -1, 8, -30, 12])
    (1, 3)
    >>> best_run([-1, -2]) is None
    True
    """
    best_total, best = 0.0, None
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = score, index
        else:
            total += score
        if total > best_total:
            best_total, best = total, (start, index)
    return best


@frozen
class MainText:
    """Where the main text is: blocks ``start`` to ``end`` (inclusive), less the ``asides``
    (interruptions between two parts of the article: a box of related links, an ad), with
    the ``lead``: paragraphs of a standfirst above ``start``, apart from the header's furniture
    (byline, date, picture) between them and the body."""

    start: int
    end: int
    asides: frozenset[int]
    lead: frozenset[int] = frozenset()


def main_text(
    blocks: Sequence[DraftBlock],
    language: str | None,
    floor: float = tuning.PROSE_MIN_STOPWORD_RATIO,
) -> MainText | None:
    """Find the main text among ``blocks`` (kept and removed, in reading order).

    The best-scoring run is the core. A line that is only a date is a wall no run crosses:
    below the headline it opens the article, further down it opens a teaser or a comment. The
    core's start moves past a byline among its first blocks (what stands above is a standfirst
    or the headline). It then grows over interruptions: a later run of prose worth more than
    the interruption costs, after a gap of a few blocks, is the rest of the article. It never
    runs past another article's headline and date (a story appended below this one), and an
    author box closing it is left out.
    """
    scores: list[float] = []
    outside: DraftBlock | None = None  # the last block outside an <aside>
    for block in blocks:
        # Whether that block is a kept paragraph matters only to a removed block in an aside:
        # asked there alone, as it costs a features() call.
        after_prose = (
            block.container == "aside"
            and block.removal is not None
            and outside is not None
            and outside.removal is None
            and is_prose(features(outside.text, language), floor)
        )
        if _is_wall(block, language, after_prose=after_prose):
            scores.append(_WALL)
        else:
            scores.append(block_score(block, language, floor))
        if block.container != "aside":
            outside = block
    for position in _cut_by_paywall(blocks, language, floor):
        scores[position] = features(blocks[position].text, language).size
    run = best_run(scores)
    if run is None:
        return None
    start, end = _after_byline(blocks, run[0], run[1], language), run[1]
    asides: set[int] = set()
    while (continuation := _continuation(scores, end)) is not None:
        asides.update(range(end + 1, continuation[0]))
        end = continuation[1]
    following = _next_article(blocks, scores, start, end)
    if following is not None:
        end = following - 1
    end = _before_author_box(blocks, scores, start, end)
    asides = {position for position in asides if position <= end}
    return MainText(start, end, frozenset(asides), _lead(blocks, start, language, floor))


_WALL = -tuning.SCORE_DATELINE
_AGO = "ago"
_AUTHOR_HINT = "author"


def _is_wall(block: DraftBlock, language: str | None, *, after_prose: bool = False) -> bool:
    """A dateline, but not an embedded post's attribution ("Jane (@jane) November 1, 2019");
    or a line that is only a relative time ("8 hours ago"): a teaser's or a post's stamp.

    A date ``after_prose`` in an ``<aside>`` the page's markup already took out (a box of
    related stories between two parts of the article) is the box's: it costs what the box
    costs, and the article may resume after it. So is a date in a ``<figure>`` the markup
    step took out: the date of a picture or a video between two paragraphs.
    """
    if after_prose and block.container == "aside" and block.removal is not None:
        return False
    if block.container == "figure" and block.removal is not None:
        return False  # a picture's or a video's date, moved to the media with its caption
    text = block.text
    if not features(text, language).digit_ratio:
        # Most lines (menus, headings): no dateline, and a relative time only in words ("an
        # hour ago", the pattern's one form without digits; the tests check its strings).
        return _AGO in text.lower() and _is_relative_time(text)
    return _is_relative_time(text) or ("@" not in text and is_dateline_line(text, language))


def _is_relative_time(text: str) -> bool:
    return len(text) <= tuning.RELATIVE_TIME_MAX_CHARS and bool(RELATIVE_TIME.match(text))


def _next_article(
    blocks: Sequence[DraftBlock],
    scores: Sequence[float],
    start: int,
    end: int,
) -> int | None:
    """Where another article's header starts inside the run, or None.

    A page that appends the next story below the first (endless scrolling) gives it a header
    of its own: an ``<h1>`` headline with its date a few blocks below. The run may cross that
    date when both stories are long, but a page has one headline per article: the run ends
    before the second, provided what stands above it is an article's worth of prose.
    """
    worth = 0.0
    for position in range(start, end + 1):
        if blocks[position].tag == "h1" and worth >= tuning.NEXT_ARTICLE_MIN_WORDS:
            last = min(end, position + tuning.NEXT_ARTICLE_DATE_BLOCKS)
            if any(scores[line] == _WALL for line in range(position + 1, last + 1)):
                return position
        worth += max(scores[position], 0.0)
    return None


def _before_author_box(
    blocks: Sequence[DraftBlock], scores: Sequence[float], start: int, end: int
) -> int:
    """The run's end, moved above the author box that closes it: the last blocks, marked
    "author" by their class names ("Jane Doe covers politics for the paper. She is based in
    Iowa."), when the article above them is worth more than the box."""
    last = end
    while last > start and _AUTHOR_HINT in blocks[last].hints:
        last -= 1
    if last == end:
        return end
    box = sum(max(score, 0.0) for score in scores[last + 1 : end + 1])
    article = sum(max(score, 0.0) for score in scores[start : last + 1])
    return last if article > box else end


def _cut_by_paywall(blocks: Sequence[DraftBlock], language: str | None, floor: float) -> list[int]:
    """Paragraphs that end in an ellipsis because the paywall cut them, not teasers."""
    return [
        position
        for position, (block, following) in enumerate(itertools.pairwise(blocks))
        if following.removal is not None
        and following.removal.step == "paywall"
        and block.removal is None
        and is_prose(attrs.evolve(features(block.text, language), ends_ellipsis=False), floor)
    ]


def _after_byline(blocks: Sequence[DraftBlock], start: int, end: int, language: str | None) -> int:
    """The run's start, moved past the last byline among its first blocks."""
    lead = range(start, min(end, start + tuning.BODY_LEAD_BLOCKS))
    marks = [i for i in lead if byline_of(blocks[i].text, language)]
    return marks[-1] + 1 if marks and marks[-1] < end else start


#: Class-name hints of a paragraph that is something else than a standfirst.
_NOT_LEAD_HINTS = frozenset(
    {"comment", "related", "share", "sidebar", "promo", "newsletter", "cookie", "popup", "tags"}
    | {"author", "caption"}
)


def _lead(
    blocks: Sequence[DraftBlock], start: int, language: str | None, floor: float
) -> frozenset[int]:
    """The standfirst above the body: kept paragraphs of prose in the body's own semantic
    container (its ``<article>``, ``<main>`` or ``<header>``), each at most ``LEAD_MAX_GAP``
    blocks above the body or the paragraph below it (buttons not counted), below the headline.

    A page prints its lead between the headline and the byline, date and picture, which cost
    the run more than one paragraph is worth; the lead is the article all the same. A
    subtitle of one short sentence right between the headline and the body is a lead too. Prose in
    another container (a pull quote, a caption, a browser notice) or marked as something
    else by its class names (a promotion, a newsletter prompt) is not a lead; nor is anything
    on a page without containers (a dump), where a standfirst cannot be told from a teaser.
    """
    lead: set[int] = set()
    container = blocks[start].container if start < len(blocks) else None
    if container is None:
        return frozenset()
    gap = 0
    for position in range(start - 1, -1, -1):
        block = blocks[position]
        if block.removal is None and block.kind == "heading":
            break  # the headline, or the end of whatever stands above the article
        if (
            block.removal is None
            and block.container == container
            and not block.hints & _NOT_LEAD_HINTS
            and not _is_wall(block, language)
            and not opens_like_byline(block.text)
            and _reads_as_lead(blocks, position, start, language, floor)
        ):
            lead.add(position)
            gap = 0
            continue
        if block.tag != "button":
            gap += 1  # a button ("Listen", "Share") is a control, not furniture that counts
        if gap > tuning.LEAD_MAX_GAP:
            break
    return frozenset(lead)


def _reads_as_lead(
    blocks: Sequence[DraftBlock], position: int, start: int, language: str | None, floor: float
) -> bool:
    """Prose; or, alone between the headline and the body, one short sentence (a subtitle:
    "But only fans will like it."), which the run's scores count against as a short line."""
    found = features(blocks[position].text, language)
    if is_prose(found, floor):
        return True
    above = blocks[position - 1] if position > 0 else None
    return (
        position == start - 1
        and above is not None
        and above.removal is None
        and above.kind == "heading"
        and found.ends_sentence
        and not found.ends_ellipsis
        and not found.title_case
        and found.size >= tuning.LEAD_SENTENCE_MIN_WORDS
    )


def _continuation(scores: Sequence[float], end: int) -> tuple[int, int] | None:
    """A run of prose after a short gap that is worth more than the gap costs."""
    limit = min(len(scores), end + 1 + tuning.ASIDE_MAX_BLOCKS)
    for gap_end in range(end + 1, limit):
        if scores[gap_end] <= 0:
            continue
        rest = best_run(scores[gap_end:])
        if rest is None or rest[0] != 0:
            return None
        cost = -sum(scores[end + 1 : gap_end])
        worth = sum(scores[gap_end : gap_end + rest[1] + 1])
        if worth >= tuning.ASIDE_MIN_CONTINUATION and worth > cost * tuning.ASIDE_WORTH_FACTOR:
            return gap_end, gap_end + rest[1]
        return None
    return None
