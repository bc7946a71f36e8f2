"""Drafts built by hand for the step tests, and what a step did to them."""

from __future__ import annotations

from typing import Any

from newscorpus import Draft, DraftBlock, ParserInfo
from newscorpus.cleaning import Step

__all__ = ["PROSE", "draft", "edits", "kept", "removed", "run"]

#: Paragraphs of running English prose, long enough to read as the article.
PROSE = (
    "The council voted on Tuesday to keep the weekly market in the main square, rejecting a "
    "proposal to move it to a car park at the edge of the town.",
    "The market has been held in the square every Thursday for more than two hundred years, "
    "and the council received thousands of letters from residents who wanted it to stay.",
    "Shop owners had argued that the stalls block the view of their windows, but the council "
    "said that the market brings people into the centre of the town every week.",
)


def draft(*blocks: str | DraftBlock, language: str | None = "en", **fields: Any) -> Draft:
    """A draft of ``blocks`` (a string is a paragraph block), indexed in order."""
    made = [DraftBlock(0, item) if isinstance(item, str) else item for item in blocks]
    for index, block in enumerate(made):
        block.index = index
    return Draft(made, ParserInfo("test", "0"), language=language, **fields)


def run(step: Step, target: Draft) -> Draft:
    """Run ``step`` on ``target`` as the pipeline does (under the step's name)."""
    target.step = step.name
    step(target)
    return target


def removed(target: Draft) -> list[tuple[str, str]]:
    """``(text, code)`` of every removed block, in reading order."""
    return [(removal.text, removal.code) for removal in target.removed()]


def kept(target: Draft) -> list[str]:
    """The texts of the blocks still in the body."""
    return [block.text for block in target.iter_kept()]


def edits(target: Draft) -> list[tuple[str, str, str]]:
    """``(before, after, code)`` of every edit."""
    return [(edit.before, edit.after, edit.code) for edit in target.edits]
