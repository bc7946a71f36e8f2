"""The one parse path: a read document, its parser, a cleaning pipeline, an Article.

:func:`newscorpus.parse` and every corpus runner (local workers, the Dask cluster) call
:func:`parse_document`, so a custom pipeline gives the same article whichever way a document
reaches it.
"""

from __future__ import annotations

from typing import Any

from attrs import evolve

from newscorpus.cleaning import (
    Pipeline,
    default_pipeline,  # noqa: F401 (the examples use it)
    shared_default_pipeline,
)
from newscorpus.formats import RawDocument, choose_parser
from newscorpus.formats.sniff import check_text, replace_surrogates
from newscorpus.models.article import Article, Edit

__all__ = ["parse_document", "pipeline_description", "pipeline_or_default", "with_comments"]


def pipeline_or_default(pipeline: Pipeline | None) -> Pipeline:
    """``pipeline``, or the default pipeline when it is ``None`` (one shared between
    documents while the registry holds the built-in steps: see
    :func:`~newscorpus.cleaning.shared_default_pipeline`).

    >>> pipeline_or_default(None).names == default_pipeline().names
    True
    """
    return pipeline if pipeline is not None else shared_default_pipeline()


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
    document (one past its size limit, bytes that are not text, an unknown format...).

    Every way in shares this step (:func:`newscorpus.parse`, ``newscorpus show``, the
    runners): bytes must be text (:func:`~newscorpus.formats.sniff.check_text`), and lone
    surrogates in a ``str`` are replaced with U+FFFD, with an edit that says so.

    >>> text = "Connect with us\\n\\nThe council met on Monday to vote on the town's budget.\\n"
    >>> document = RawDocument(text, source="a.txt")
    >>> [removal.step for removal in parse_document(document).removed]
    ['chrome']
    >>> without_chrome = default_pipeline().without("chrome")
    >>> [removal.step for removal in parse_document(document, without_chrome).removed]
    ['title']
    >>> parse_document(RawDocument("A story \\ud800.")).edits[0].reason
    'lone surrogate replaced with U+FFFD (1 in the document)'
    """
    document.check_size()
    repair: Edit | None = None
    if isinstance(document.payload, bytes):
        check_text(document.payload, source=document.source)
    else:
        text, repair = replace_surrogates(document.payload)
        if repair is not None:
            document = evolve(document, payload=text)
    draft = choose_parser(document).parse(document)
    if repair is not None:
        draft.edits.insert(0, repair)
    return pipeline_or_default(pipeline).run(draft)


def pipeline_description(pipeline: Pipeline) -> dict[str, Any]:
    """How a corpus was cleaned, as a run's summary file says it: the pipeline's fingerprint
    (the ``pipeline`` of each record it made) and its steps with their settings.

    >>> description = pipeline_description(default_pipeline().without("debris"))
    >>> description["steps"][-1]["name"], len(description["fingerprint"])
    ('headings', 16)
    """
    return {"fingerprint": pipeline.fingerprint(), "steps": pipeline.spec()}
