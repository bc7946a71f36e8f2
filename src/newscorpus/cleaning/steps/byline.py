"""Step ``byline``: authors and the wire agency.

Authors come from a byline line near the top of the article ("By Jane Doe and John Roe",
"Chris Davies - Nov 19, 2019"), or from a bare name above the body that the page's markup
calls its byline or author (``<div class="byline"><a>Jane Doe</a></div>``). The agency
comes from the byline, from the article's opening ("(Reuters) —", "(AP) —") or from the
author bio that the ``tails`` step cut ("Written By ... AFP covers the world"); a photo credit
alone does not make an article wire copy.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.shapes import byline_of
from newscorpus.draft import Draft, DraftBlock
from newscorpus.metadata.bylines import find_agency

__all__ = ["Byline"]


@cleaning_step(origin="builtin")
class Byline:
    """Take authors and agency from the byline; find the agency in the opening or the bio."""

    name: str = "byline"
    #: The byline is among this many lines above the body (or the body's first line).
    search_lines: int = tuning.BYLINE_SEARCH_LINES
    #: The agency is credited at the start of the opening paragraph or bio: "(Reuters) —".
    agency_search_chars: int = tuning.AGENCY_SEARCH_CHARS

    def __call__(self, draft: Draft) -> None:
        header = [
            block
            for block in draft.blocks
            if block.zone == "header" and (block.removal is None or _linked_line(block))
        ]
        body = [block for block in draft.iter_kept() if block.zone == "body"]
        for block in list(reversed(header[-self.search_lines :])) + body[:1]:
            byline = byline_of(block.text, draft.language)
            if byline is None:
                continue
            draft.authors = draft.authors or list(byline.authors)  # declared authors win
            draft.agency = draft.agency or byline.agency
            draft.drop(block, "byline", "byline.byline")
            break
        else:
            self._marked_byline(draft, header)
        if draft.agency is None:
            draft.agency = _agency_elsewhere(draft, self.agency_search_chars)

    def _marked_byline(self, draft: Draft, header: list[DraftBlock]) -> None:
        """Authors from a header line the markup names a byline or an author box that holds
        only names ("Jane Doe", with no "By"): the markup is the marker the text lacks. Lines
        in menus and side boxes (teasers of other stories) are not read."""
        if draft.authors:
            return
        for block in reversed(header[-self.search_lines :]):
            if not block.hints & _BYLINE_HINTS or block.container in _TEASER_CONTAINERS:
                continue
            byline = byline_of(f"By {block.text}", draft.language)
            if byline is None or not byline.authors or byline.rest:
                continue
            draft.authors = list(byline.authors)
            if block.kept:
                draft.drop(block, "byline", "byline.byline")
            return


#: What the markup calls a byline (``class="byline"``, ``class="author-name"``).
_BYLINE_HINTS = frozenset({"byline", "author"})
#: Containers whose names belong to other stories (teaser lists) or to the site.
_TEASER_CONTAINERS = frozenset({"nav", "aside", "footer"})


def _linked_line(block: DraftBlock) -> bool:
    """A header line the markup step took out for its links: a byline whose names link to
    their author pages ("By <a>Jane Doe</a>") still credits them."""
    return block.removal is not None and block.removal.code == "markup.mostly-links"


def _agency_elsewhere(draft: Draft, search_chars: int) -> str | None:
    opening = [block.text for block in draft.iter_kept() if block.zone == "body"][:1]
    bios = [
        block.text
        for block in draft.blocks
        if block.removal is not None and block.removal.code == "tails.bio"
    ]
    for text in opening + bios:
        agency = find_agency(text[:search_chars])
        if agency is not None:
            return agency
    return None
