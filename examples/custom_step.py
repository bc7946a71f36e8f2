"""Change the cleaning pipeline: add a step of your own, take one out, and see the difference.

Run from anywhere, after ``pip install .``: ``python examples/custom_step.py``.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from attrs import frozen

import newscorpus
from newscorpus import Draft

DUMP = Path(__file__).resolve().parent / "dumps" / "002_d8f99e5618b68b2e.txt"


@newscorpus.cleaners.register("min-words")
@frozen
class MinWords:
    """Drop body paragraphs shorter than ``min_words`` words (a setting: the registry holds
    the class, and ``newscorpus.cleaners.get("min-words")(min_words=20)`` builds a step)."""

    min_words: int = 12
    name: str = "min-words"

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if block.kind == "paragraph" and len(block.text.split()) < self.min_words:
                draft.drop(block, f"fewer than {self.min_words} words")


def summary(label: str, article: newscorpus.Article) -> None:
    """Print how many blocks the body kept, and the removals per step."""
    steps = Counter(removal.step for removal in article.removed)
    print(f"{label}: {len(article.blocks)} body blocks, {len(article.removed)} removed")
    print("   " + ", ".join(f"{step} {count}" for step, count in steps.most_common()))


def main() -> None:
    """Parse one dump with the default pipeline, a pipeline with one more step, and one less."""
    default = newscorpus.default_pipeline()
    summary("default", newscorpus.parse(DUMP))

    step = newscorpus.cleaners.get("min-words")(min_words=20)
    mine = default.insert(step, before="headings")
    print(f"\nsteps: {' > '.join(mine.names)}")
    article = newscorpus.parse(DUMP, pipeline=mine)
    summary("with 'min-words'", article)
    for removal in article.removed:
        if removal.step == "min-words":
            print(f"   min-words removed: {removal.text[:70]!r}")

    # Undo a step: parse again without it. Its edits are not made, and what it removed stays
    # in the body unless a later step removes it for a reason of its own.
    print()
    summary("without 'tails'", newscorpus.parse(DUMP, pipeline=default.without("tails")))


if __name__ == "__main__":
    main()
