"""Step ``captions``: picture captions and their credits go to :attr:`Article.media`.

Four shapes are read: a caption ending in its credit ("... - Copyright AFP Menahem KAHANA",
"... (Photo: AP)"); a credit line ("Photo: Ringo H.W. Chiu, AP", "... | Getty Images") right
after its caption; a labelled caption ("Image caption ...") after its credit line; and a
credit line alone, which is dropped without a caption. Repeated
captions were already reduced to one by the ``repeats`` step.
"""

from __future__ import annotations

from attrs import field, frozen

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.features import features, size_of
from newscorpus.cleaning.shapes import is_dateline_line
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.article import Media
from newscorpus.registry import cleaners

__all__ = ["Captions", "credit_of_line", "split_caption"]


def split_caption(text: str) -> tuple[str, str] | None:
    """``(caption, credit)`` for a caption line that ends with its credit, else None.

    >>> split_caption("A parade in Stepanakert - Copyright AFP Menahem KAHANA")
    ('A parade in Stepanakert', 'AFP Menahem KAHANA')
    """
    match = patterns.CAPTION_CREDIT.search(text)
    if match is None:
        return None
    caption = text[: match.start()].strip(" -–—|")
    credit = match.group("credit").strip()
    if size_of(caption) < tuning.CAPTION_MIN_WORDS or not _is_credit(credit):
        return None
    return caption, credit


def _is_credit(text: str) -> bool:
    """A credit names someone: a few words, not a sentence ("AFP Menahem KAHANA")."""
    return size_of(text) <= tuning.CREDIT_MAX_WORDS and not patterns.SENTENCE_INSIDE.search(text)


def credit_of_line(text: str) -> str | None:
    """The credit a credit-only line gives ("Photo: AP" gives "AP"), else None.

    >>> credit_of_line("Photo by Jason Kempin/Getty Images")
    'Jason Kempin/Getty Images'
    """
    if size_of(text) > tuning.CREDIT_LINE_MAX_WORDS:
        return None
    match = patterns.CREDIT_LINE.match(text)
    if match is not None:
        credit = match.group("credit").strip(" ©")
        return credit if _is_credit(credit) else None
    if patterns.PICTURE_AGENCY_LINE.search(text) and not text.rstrip().endswith("."):
        return text.strip(" ()[]")
    return None


@cleaners.register("captions", origin="builtin")
@frozen
class Captions:
    """Move picture captions and credits from the body to the media list."""

    name: str = field(default="captions", kw_only=True)

    def __call__(self, draft: Draft) -> None:
        previous: DraftBlock | None = None
        pending_credit: str | None = None
        for block in draft.kept():
            if not _may_credit(block.text):
                previous, pending_credit = block, None
                continue
            labelled = patterns.CAPTION_LABEL.match(block.text)
            if labelled is not None:
                draft.media.append(Media(block.text[labelled.end() :], pending_credit))
                draft.drop(block, "picture caption")
                previous, pending_credit = None, None
                continue
            parts = (
                split_caption(block.text)
                if features(block.text, draft.language).size <= tuning.CAPTION_MAX_WORDS
                else None
            )
            if parts is not None:
                draft.media.append(Media(*parts))
                draft.drop(block, "picture caption with its credit")
                previous, pending_credit = None, None
                continue
            credit = credit_of_line(block.text)
            if credit is not None:
                if previous is not None and _is_caption_of(previous, block):
                    draft.media.append(Media(previous.text, credit))
                    draft.drop(previous, "picture caption")
                    pending_credit = None
                else:
                    pending_credit = credit
                draft.drop(block, "picture credit")
                previous = None
                continue
            previous, pending_credit = block, None


def _may_credit(text: str) -> bool:
    return patterns.credit_hint(text)


def _pictured(block: DraftBlock) -> bool:
    """Whether the markup puts ``block`` with a picture: in a ``<figure>`` or an element whose
    class names say caption or credit."""
    return block.container == "figure" or "caption" in block.hints


def _is_caption_of(caption: DraftBlock, credit: DraftBlock) -> bool:
    """A caption sits right above its credit, with no empty line between, or is short."""
    if caption.removal is not None or credit.index - caption.index > tuning.CAPTION_CREDIT_GAP:
        return False
    if caption.link_density is not None and not (_pictured(caption) or _pictured(credit)):
        return False  # a page with markup puts a caption in a <figure> or names it so
    words = size_of(caption.text)
    if words < tuning.CAPTION_MIN_WORDS or is_dateline_line(caption.text, None):
        return False
    return words <= tuning.CAPTION_MAX_WORDS and (
        not credit.blank_before or words <= tuning.CAPTION_SHORT_WORDS
    )
