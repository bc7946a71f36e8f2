"""The one parse path: a read document, its parser, a cleaning pipeline, an Article.

:func:`newscorpus.parse` and every corpus runner (local workers, the Dask cluster) call
:func:`parse_document`, so a custom pipeline gives the same article whichever way a document
reaches it.
"""

from __future__ import annotations

from typing import Any

from newscorpus.cleaning import Pipeline, default_pipeline
from newscorpus.formats import RawDocument, choose_parser
from newscorpus.models.article import Article

__all__ = ["parse_document", "pipeline_description", "pipeline_or_default", "with_comments"]


def pipeline_or_default(pipeline: Pipeline | None) -> Pipeline:
    """``pipeline``, or the default pipeline when it is ``None``.

    >>> pipeline_or_default(None).names == default_pipeline().names
    True
    """
    return pipeline if pipeline is not None else default_pipeline()


def with_comments(pipeline: Pipeline | None) -> Pipeline:
    """``pipeline`` (``None``: the default one) with the ``comments`` step at its end, which
    keeps reader comments in ``Article.comments`` (see
    :mod:`newscorpus.cleaning.steps.comments`); unchanged if it has the step already.

    >>> with_comments(None).names[-1]
    'comments'
    """
    from newscorpus.cleaning.steps.comments import Comments

    chosen = pipeline_or_default(pipeline)
    return chosen if "comments" in chosen.names else chosen.insert(Comments())


def parse_document(document: RawDocument, pipeline: Pipeline | None = None) -> Article:
    """Parse ``document`` with the parser chosen for it and clean it with ``pipeline``
    (``None``: the default pipeline). Raises a :class:`~newscorpus.NewsCorpusError` for a bad
    document (one past its size limit, an unknown format...).

    >>> text = "Connect with us\\n\\nThe council met on Monday to vote on the town's budget.\\n"
    >>> document = RawDocument(text, source="a.txt")
    >>> [removal.step for removal in parse_document(document).removed]
    ['chrome']
    >>> without_chrome = default_pipeline().without("chrome")
    >>> [removal.step for removal in parse_document(document, without_chrome).removed]
    ['title']
    """
    document.check_size()
    draft = choose_parser(document).parse(document)
    return pipeline_or_default(pipeline).run(draft)


def pipeline_description(pipeline: Pipeline) -> dict[str, Any]:
    """How a corpus was cleaned, as a run's summary file says it: the pipeline's steps.

    >>> pipeline_description(default_pipeline().without("debris"))["steps"][-1]
    'headings'
    """
    return {"steps": pipeline.names}
