"""Step ``captions``: picture captions and their credits go to :attr:`Article.media`.

Four shapes are read: a caption ending in its credit ("... - Copyright AFP Menahem KAHANA",
"... (Photo: AP)"); a credit line ("Photo: Ringo H.W. Chiu, AP", "... | Getty Images") right
after its caption; a labelled caption ("Image caption ...") after its credit line; and a
credit line alone, which is dropped without a caption. Repeated
captions were already reduced to one by the ``repeats`` step.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning import patterns
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features, size_of
from newscorpus.cleaning.shapes import is_dateline_line
from newscorpus.draft import Draft, DraftBlock
from newscorpus.models.article import Media

__all__ = ["Captions", "credit_of_line", "split_caption"]


def split_caption(text: str, settings: Captions | None = None) -> tuple[str, str] | None:
    """``(caption, credit)`` for a caption line that ends with its credit, else None, by the
    thresholds of ``settings`` (the default step's when None).

    >>> split_caption("A parade in Stepanakert - Copyright AFP Menahem KAHANA")
    ('A parade in Stepanakert', 'AFP Menahem KAHANA')
    """
    match = patterns.caption_credit(text)
    if match is None:
        return None
    if settings is None:
        settings = _DEFAULT
    caption = text[: match.start()].strip(" -–—|")
    credit = match.group("credit").strip()
    if size_of(caption) < settings.min_words or not _is_credit(credit, settings):
        return None
    return caption, credit


def _is_credit(text: str, settings: Captions) -> bool:
    """A credit names someone: a few words, not a sentence ("AFP Menahem KAHANA")."""
    return size_of(text) <= settings.credit_max_words and not patterns.SENTENCE_INSIDE.search(text)


def credit_of_line(text: str, settings: Captions | None = None) -> str | None:
    """The credit a credit-only line gives ("Photo: AP" gives "AP"), else None, by the
    thresholds of ``settings`` (the default step's when None).

    >>> credit_of_line("Photo by Jason Kempin/Getty Images")
    'Jason Kempin/Getty Images'
    """
    if settings is None:
        settings = _DEFAULT
    if size_of(text) > settings.credit_line_max_words:
        return None
    match = patterns.CREDIT_LINE.match(text)
    if match is not None:
        credit = match.group("credit").strip(" ©")
        return credit if _is_credit(credit, settings) else None
    if patterns.PICTURE_AGENCY_LINE.search(text) and not text.rstrip().endswith("."):
        return text.strip(" ()[]")
    return None


@cleaning_step(origin="builtin")
class Captions:
    """Move picture captions and credits from the body to the media list."""

    name: str = "captions"
    #: A caption has at least this many words before its credit ...
    min_words: int = tuning.CAPTION_MIN_WORDS
    #: ... and at most this many in all (longer blocks are paragraphs that mention a photo).
    max_words: int = tuning.CAPTION_MAX_WORDS
    #: A caption separated from its credit line by an empty line must be this short.
    short_words: int = tuning.CAPTION_SHORT_WORDS
    #: A credit names at most this many words ("Natalie Naccache | Bloomberg | Getty Images").
    credit_max_words: int = tuning.CREDIT_MAX_WORDS
    #: A credit line has at most this many words.
    credit_line_max_words: int = tuning.CREDIT_LINE_MAX_WORDS
    #: A credit follows its caption within this many input blocks (a repeat may stand between).
    credit_gap: int = tuning.CAPTION_CREDIT_GAP

    def __call__(self, draft: Draft) -> None:
        previous: DraftBlock | None = None
        pending_credit: str | None = None
        kept = draft.kept()
        # most blocks hold no word of a credit: one search of them all rules them out
        hinted = patterns.credit_hint_each([block.text for block in kept])
        for block, may_credit in zip(kept, hinted, strict=True):
            if not may_credit:
                previous, pending_credit = block, None
                continue
            labelled = patterns.CAPTION_LABEL.match(block.text)
            if labelled is not None:
                draft.media.append(Media(block.text[labelled.end() :], pending_credit))
                draft.drop(block, "picture caption", "captions.labelled")
                previous, pending_credit = None, None
                continue
            parts = (
                split_caption(block.text, self)
                if features(block.text, draft.language).size <= self.max_words
                else None
            )
            if parts is not None:
                draft.media.append(Media(*parts))
                draft.drop(block, "picture caption with its credit", "captions.with-credit")
                previous, pending_credit = None, None
                continue
            credit = credit_of_line(block.text, self)
            if credit is not None:
                if previous is not None and _is_caption_of(previous, block, self):
                    draft.media.append(Media(previous.text, credit))
                    draft.drop(previous, "picture caption", "captions.caption")
                    pending_credit = None
                else:
                    pending_credit = credit
                draft.drop(block, "picture credit", "captions.credit")
                previous = None
                continue
            previous, pending_credit = block, None


def _pictured(block: DraftBlock) -> bool:
    """Whether the markup puts ``block`` with a picture: in a ``<figure>`` or an element whose
    class names say caption or credit."""
    return block.container == "figure" or "caption" in block.hints


def _is_caption_of(caption: DraftBlock, credit: DraftBlock, settings: Captions) -> bool:
    """A caption sits right above its credit, with no empty line between, or is short."""
    if caption.removal is not None or credit.index - caption.index > settings.credit_gap:
        return False
    if caption.link_density is not None and not (_pictured(caption) or _pictured(credit)):
        return False  # a page with markup puts a caption in a <figure> or names it so
    words = size_of(caption.text)
    if words < settings.min_words or is_dateline_line(caption.text, None):
        return False
    return words <= settings.max_words and (
        not credit.blank_before or words <= settings.short_words
    )


_DEFAULT = Captions()
