"""Step ``language``: the page's language, from its longest blocks.

Runs early because the stopword features of later steps depend on it. Menus and footers are
many short lines; the article is a few long ones, so the longest blocks speak for the article.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.region import stopword_floor
from newscorpus.draft import Draft
from newscorpus.metadata.language import detect_language

__all__ = ["Language"]


@cleaning_step(origin="builtin")
class Language:
    """Detect the page's language (ISO 639-1) from its longest blocks, and how many stopwords
    its prose holds."""

    name: str = "language"
    #: The language is detected on the longest blocks, up to this many characters, so that
    #: menus in another language do not outvote the article.
    text_chars: int = tuning.LANGUAGE_TEXT_CHARS

    def __call__(self, draft: Draft) -> None:
        texts = [block.text for block in draft.iter_kept()]
        sample: list[str] = []
        length = 0
        for text in sorted(texts, key=len, reverse=True):
            if length >= self.text_chars:
                break
            sample.append(text)
            length += len(text)
        # The text says which language it is in; a page's declared language is the fallback
        # (templates often declare one language for every page).
        draft.language = detect_language("\n".join(sample)) or draft.language
        draft.stopword_floor = stopword_floor(texts, draft.language)
