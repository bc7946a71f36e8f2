"""The cleaning pipeline and its built-in steps.

Each step is a small named unit with one job; :data:`DEFAULT_STEPS` lists them in the order
they run. Find where a line was removed by the ``step`` of its :class:`~newscorpus.Removal`:
the step of that name lives in ``newscorpus/cleaning/steps/<name>.py``.
"""

from __future__ import annotations

from newscorpus.cleaning import steps as _steps  # registers the built-in steps
from newscorpus.cleaning.declare import cleaning_step
from newscorpus.cleaning.pipeline import Pipeline, Step, StepFactory

__all__ = ["DEFAULT_STEPS", "Pipeline", "Step", "StepFactory", "cleaning_step", "default_pipeline"]

#: The default steps, in the order they run: first what is true of a line wherever it stands
#: (repeats, paywall notices, tails, chrome, captions, and what a page's markup says of it),
#: then where the main text is (zones),
#: then what the header holds (dateline, byline, title, masthead), then the body itself.
DEFAULT_STEPS: tuple[str, ...] = (
    "normalize",
    "language",
    "repeats",
    "paywall",
    "tails",
    "chrome",
    "captions",
    "markup",
    "zones",
    "dateline",
    "byline",
    "title",
    "masthead",
    "boilerplate",
    "headings",
    "debris",
)


def default_pipeline() -> Pipeline:
    """The default cleaning pipeline, built fresh from the ``cleaners`` registry.

    >>> default_pipeline().names[:3]
    ['normalize', 'language', 'repeats']
    """
    from newscorpus.registry import cleaners

    return Pipeline(cleaners.get(name)() for name in DEFAULT_STEPS)


del _steps
