"""The cleaning pipeline and its built-in steps.

Each step is a small named unit with one job; :func:`default_pipeline` lists them in the order
they run. Find where a line was removed by the ``step`` of its :class:`~newscorpus.Removal`:
the step of that name lives in ``newscorpus/cleaning/steps/<name>.py``.
"""

from __future__ import annotations

from newscorpus.cleaning.pipeline import Pipeline, Step, StepFactory
from newscorpus.cleaning.steps.normalize import Normalize

__all__ = ["DEFAULT_STEPS", "Pipeline", "Step", "StepFactory", "default_pipeline"]

#: The names of the default steps, in the order they run.
DEFAULT_STEPS: tuple[str, ...] = ("normalize",)


def default_pipeline() -> Pipeline:
    """The default cleaning pipeline for dumps and pages, built fresh from the registry.

    >>> default_pipeline().names[0]
    'normalize'
    """
    from newscorpus.registry import cleaners

    return Pipeline(cleaners.get(name)() for name in DEFAULT_STEPS)


_ = Normalize  # importing the step module registers it
