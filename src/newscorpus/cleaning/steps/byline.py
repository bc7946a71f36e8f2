"""Step ``byline``: authors and the wire agency.

Authors come from a byline line near the top of the article ("By Jane Doe and John Roe",
"Chris Davies - Nov 19, 2019"). The agency comes from the byline, from the article's opening
("(Reuters) —", "(AP) —") or from the author bio that the ``tails`` step cut ("Written By ...
AFP covers the world"); a photo credit alone does not make an article wire copy.
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning.shapes import byline_of
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.bylines import find_agency
from newscorpus.registry import cleaners

__all__ = ["Byline"]


@cleaners.register("byline", origin="builtin")
@frozen
class Byline:
    """Take authors and agency from the byline; find the agency in the opening or the bio."""

    name: str = field(default="byline", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        header = [
            block
            for block in draft.blocks
            if block.zone == "header" and (block.removal is None or _linked_line(block))
        ]
        body = [block for block in draft.iter_kept() if block.zone == "body"]
        for block in list(reversed(header[-tuning.BYLINE_SEARCH_LINES :])) + body[:1]:
            byline = byline_of(block.text, draft.language)
            if byline is None:
                continue
            draft.authors = draft.authors or list(byline.authors)  # declared authors win
            draft.agency = draft.agency or byline.agency
            draft.drop(block, "byline")
            break
        if draft.agency is None:
            draft.agency = _agency_elsewhere(draft)


def _linked_line(block: DraftBlock) -> bool:
    """A header line the markup step took out for its links: a byline whose names link to
    their author pages ("By <a>Jane Doe</a>") still credits them."""
    removal = block.removal
    return (
        removal is not None
        and removal.step == "markup"
        and removal.reason.startswith("mostly links")
    )


def _agency_elsewhere(draft: Draft) -> str | None:
    opening = [block.text for block in draft.iter_kept() if block.zone == "body"][:1]
    bios = [
        block.text
        for block in draft.blocks
        if block.removal is not None and block.removal.reason.startswith("author bio")
    ]
    for text in opening + bios:
        agency = find_agency(text[: tuning.AGENCY_SEARCH_CHARS])
        if agency is not None:
            return agency
    return None
