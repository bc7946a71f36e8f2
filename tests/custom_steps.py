"""A custom cleaning step and pipeline, importable by spawned and Dask worker processes."""

from __future__ import annotations

from attrs import frozen

from newscorpus import Draft, Pipeline, default_pipeline


@frozen
class DropShort:
    """Drop kept blocks of fewer than ``min_words`` words."""

    min_words: int = 12
    name: str = "drop_short"

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if len(block.text.split()) < self.min_words:
                draft.drop(block, f"fewer than {self.min_words} words")


def custom_pipeline() -> Pipeline:
    """The default pipeline without ``debris``, with :class:`DropShort` at the end."""
    return default_pipeline().without("debris").insert(DropShort())
