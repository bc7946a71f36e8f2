"""The cleaning pipeline and its built-in steps.

Each step is a small named unit with one job; :data:`DEFAULT_STEPS` lists them in the order
they run. Find where a line was removed by the ``step`` of its :class:`~newscorpus.Removal`:
the step of that name lives in ``newscorpus/cleaning/steps/<name>.py``.
"""

from __future__ import annotations

import functools

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
    return Pipeline(factory() for factory in _default_factories())


def shared_default_pipeline() -> Pipeline:
    """The default cleaning pipeline, one for every call while the ``cleaners`` registry
    holds the built-in steps under the default names (else built fresh, as
    :func:`default_pipeline`): the parse path's, where building the pipeline and its
    fingerprint again for each document cost half a percent of an HTML page's parse. Sharing is
    safe: a pipeline and the built-in steps are frozen.

    >>> shared_default_pipeline() is shared_default_pipeline()
    True
    >>> shared_default_pipeline().fingerprint() == default_pipeline().fingerprint()
    True
    """
    factories = _default_factories()
    if factories == _BUILT_IN_FACTORIES:
        return _built_in_pipeline()
    return Pipeline(factory() for factory in factories)


def _default_factories() -> tuple[StepFactory, ...]:
    from newscorpus.registry import cleaners

    return tuple(cleaners.get(name) for name in DEFAULT_STEPS)


#: The factories the built-in steps registered under the default names, taken before any
#: other code or plugin can replace one.
_BUILT_IN_FACTORIES = _default_factories()


@functools.cache
def _built_in_pipeline() -> Pipeline:
    return Pipeline(factory() for factory in _BUILT_IN_FACTORIES)


del _steps
