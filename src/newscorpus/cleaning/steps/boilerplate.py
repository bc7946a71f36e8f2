"""Step ``boilerplate``: what is left around the main text goes.

After the title, byline, date and masthead steps have taken what they need from the header,
the kept blocks outside the body run (see the ``zones`` step) are dropped: menus, teasers,
footers. Inside the body, a lone line of one or two capitalised words with no sentence after
it ("Video", "Bill Hoppe") is a widget or a name tag, not text.
"""

from __future__ import annotations

from newscorpus import tuning
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.features import features
from newscorpus.draft import Draft, DraftBlock

__all__ = ["Boilerplate"]


@cleaning_step(origin="builtin")
class Boilerplate:
    """Drop the kept blocks outside the main text, and stray labels inside it."""

    name: str = "boilerplate"
    #: A capitalised line of at most this many words, with no text after it, is a stray label.
    stray_label_max_words: int = tuning.STRAY_LABEL_MAX_WORDS

    def __call__(self, draft: Draft) -> None:
        kept = draft.kept()
        for position, block in enumerate(kept):
            if block.zone == "header":
                draft.drop(block, "before the main text", "boilerplate.header")
            elif block.zone == "footer":
                draft.drop(block, "after the main text", "boilerplate.footer")
            elif block.zone == "aside":
                draft.drop(
                    block,
                    "interrupts the main text (related links, an ad, a box)",
                    "boilerplate.aside",
                )
            elif block.kind == "paragraph" and self._is_stray_label(
                block, kept[position + 1] if position + 1 < len(kept) else None, draft.language
            ):
                draft.drop(block, "stray label inside the main text", "boilerplate.stray-label")

    def _is_stray_label(
        self, block: DraftBlock, following: DraftBlock | None, language: str | None
    ) -> bool:
        """One or two capitalised words that no text follows: a widget or a name tag, where a
        heading would have a paragraph after it."""
        found = features(block.text, language)
        limit = self.stray_label_max_words
        if found.size > limit or not found.title_case or found.ends_sentence:
            return False
        return (
            following is None
            or following.zone != "body"
            or features(following.text, language).size <= limit
        )
