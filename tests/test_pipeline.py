"""The pipeline machinery: editing a pipeline, running it, failures, and custom steps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, cast

import pytest
from attrs import define, field

import newscorpus
from newscorpus import (
    DEFAULT_STEPS,
    Draft,
    DraftBlock,
    InputError,
    ParserInfo,
    Pipeline,
    PipelineError,
    Removal,
    Step,
    default_pipeline,
)
from newscorpus.cleaning import shared_default_pipeline


@define
class Recorder:
    """A step that records the draft's ``step`` when it runs, in a shared log."""

    name: str
    log: list[str] = field(factory=list)

    def __call__(self, draft: Draft) -> None:
        self.log.append(f"{self.name}:{draft.step}")


@define
class DropShort:
    """Drops blocks shorter than ``limit`` characters."""

    name: str = "short"
    limit: int = 10

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if len(block.text) < self.limit:
                draft.drop(block, f"shorter than {self.limit}")


@define
class Explode:
    name: str = "explode"
    error: Exception = field(factory=lambda: ValueError("boom"))

    def __call__(self, draft: Draft) -> None:
        raise self.error


def pipeline_of(steps: Iterable[Step]) -> Pipeline:
    """``Pipeline(steps)``. The cast works around the attrs ``converter=tuple`` of
    ``Pipeline.steps``, which types the argument as ``Iterable[_T_co]`` for mypy, so that
    ``Pipeline([step])`` itself does not type-check."""
    return Pipeline(cast(Any, steps))


def draft(*texts: str, source: str | None = "page.txt") -> Draft:
    return Draft(
        blocks=[DraftBlock(index=i, text=text) for i, text in enumerate(texts)],
        parser=ParserInfo("dump", "0.1.0"),
        source=source,
    )


def abc() -> Pipeline:
    log: list[str] = []
    return pipeline_of(Recorder(name, log) for name in "abc")


def test_default_pipeline_runs_the_default_steps_in_order() -> None:
    assert default_pipeline().names == list(DEFAULT_STEPS)
    assert DEFAULT_STEPS[0] == "normalize"
    assert len(set(DEFAULT_STEPS)) == len(DEFAULT_STEPS)


def test_default_pipeline_is_built_fresh() -> None:
    assert default_pipeline() is not default_pipeline()
    assert default_pipeline().names == default_pipeline().names


def test_a_parse_shares_the_default_pipeline_until_a_built_in_step_is_replaced() -> None:
    assert shared_default_pipeline() is shared_default_pipeline()
    assert shared_default_pipeline().fingerprint() == default_pipeline().fingerprint()
    built_in = newscorpus.cleaners.get("debris")
    newscorpus.cleaners.register(
        "debris", lambda: DropShort(name="debris", limit=1000), replace=True
    )
    try:
        story = "The council met on Monday and voted on the budget for the coming year. " * 3
        article = newscorpus.parse(story)
        assert [removal.reason for removal in article.removed] == ["shorter than 1000"]
        assert shared_default_pipeline() is not shared_default_pipeline()
    finally:
        newscorpus.cleaners.register("debris", built_in, origin="builtin", replace=True)
    assert shared_default_pipeline() is shared_default_pipeline()


def test_steps_follow_the_step_protocol() -> None:
    for step in default_pipeline():
        assert isinstance(step, Step)
        assert isinstance(step.name, str)
        assert step.name


def test_names_len_iter_and_lookup() -> None:
    pipeline = abc()
    assert pipeline.names == ["a", "b", "c"]
    assert len(pipeline) == 3
    assert [step.name for step in pipeline] == ["a", "b", "c"]
    assert pipeline["b"] is pipeline.steps[1]
    with pytest.raises(PipelineError, match="'z'"):
        pipeline["z"]


def test_without() -> None:
    pipeline = abc()
    assert pipeline.without("b").names == ["a", "c"]
    assert pipeline.without("a", "c").names == ["b"]
    assert pipeline.without().names == ["a", "b", "c"]
    assert pipeline.names == ["a", "b", "c"], "editing methods must not change the original"
    with pytest.raises(PipelineError, match="z"):
        pipeline.without("b", "z")


def test_replace_keeps_the_position() -> None:
    pipeline = abc()
    new_b = Recorder("b")
    replaced = pipeline.replace("b", new_b)
    assert replaced.names == ["a", "b", "c"]
    assert replaced["b"] is new_b
    assert pipeline["b"] is not new_b
    assert pipeline.replace("b", Recorder("x")).names == ["a", "x", "c"]
    with pytest.raises(PipelineError, match="z"):
        pipeline.replace("z", Recorder("z"))


def test_replace_cannot_create_a_duplicate_name() -> None:
    with pytest.raises(PipelineError, match="'c'"):
        abc().replace("b", Recorder("c"))


@pytest.mark.parametrize(
    ("where", "names"),
    [
        ({}, ["a", "b", "c", "x"]),
        ({"before": "a"}, ["x", "a", "b", "c"]),
        ({"before": "b"}, ["a", "x", "b", "c"]),
        ({"after": "b"}, ["a", "b", "x", "c"]),
        ({"after": "c"}, ["a", "b", "c", "x"]),
    ],
)
def test_insert(where: dict[str, str], names: list[str]) -> None:
    step = Recorder("x")
    inserted = abc().insert(step, **where)
    assert inserted.names == names
    assert inserted["x"] is step


def test_insert_errors() -> None:
    pipeline = abc()
    with pytest.raises(PipelineError, match="not both"):
        pipeline.insert(Recorder("x"), before="a", after="b")
    with pytest.raises(PipelineError, match="z"):
        pipeline.insert(Recorder("x"), before="z")
    with pytest.raises(PipelineError, match="'a'"):
        pipeline.insert(Recorder("a"), after="c")


def test_reorder() -> None:
    pipeline = abc()
    reordered = pipeline.reorder(["c", "a", "b"])
    assert reordered.names == ["c", "a", "b"]
    assert reordered["a"] is pipeline["a"]
    for bad in (["a", "b"], ["a", "b", "c", "c"], ["a", "b", "z"], ["a", "b", "c", "z"]):
        with pytest.raises(PipelineError, match="every step once"):
            pipeline.reorder(bad)


def test_duplicate_step_names_are_rejected() -> None:
    with pytest.raises(PipelineError, match="two steps named 'a'"):
        pipeline_of([Recorder("a"), Recorder("b"), Recorder("a")])


@pytest.mark.parametrize("not_a_step", [print, "normalize", object()])
def test_a_step_needs_a_name_and_a_call(not_a_step: object) -> None:
    with pytest.raises(PipelineError, match="not a cleaning step"):
        pipeline_of([not_a_step])  # type: ignore[list-item]


def test_pipelines_are_immutable() -> None:
    pipeline = abc()
    with pytest.raises(AttributeError):
        pipeline.steps = ()  # type: ignore[misc]
    assert isinstance(pipeline.steps, tuple)


def test_run_calls_steps_in_order_each_under_its_name() -> None:
    log: list[str] = []
    pipeline = pipeline_of(Recorder(name, log) for name in ("first", "second", "third"))
    pipeline.run(draft("A paragraph."))
    assert log == ["first:first", "second:second", "third:third"]


def test_run_records_removals_under_the_dropping_step() -> None:
    article = pipeline_of([DropShort()]).run(draft("Share", "A long enough paragraph.", "Tweet"))
    assert article.text == "A long enough paragraph."
    assert article.removed == (
        Removal("Share", reason="shorter than 10", step="short", code="short"),
        Removal("Tweet", reason="shorter than 10", step="short", code="short"),
    )


def test_empty_pipeline_keeps_everything() -> None:
    article = pipeline_of([]).run(draft("a\u00a0b", "  c  "))
    assert [block.text for block in article.blocks] == ["a\u00a0b", "  c  "]
    assert article.removed == ()


def test_a_failing_step_becomes_a_pipeline_error_naming_step_and_source() -> None:
    pipeline = pipeline_of([DropShort(), Explode()])
    with pytest.raises(PipelineError) as caught:
        pipeline.run(draft("A paragraph.", source="seeds/page.txt"))
    error = caught.value
    assert "'explode'" in str(error)
    assert "seeds/page.txt" in str(error)
    assert error.source == "seeds/page.txt"
    assert "ValueError: boom" in str(error)
    assert isinstance(error.__cause__, ValueError)


def test_a_failing_step_in_parse_names_the_step() -> None:
    with pytest.raises(PipelineError, match="'explode'"):
        newscorpus.parse("A paragraph.\n", pipeline=default_pipeline().insert(Explode()))


def test_a_library_error_raised_by_a_step_passes_unchanged() -> None:
    error = InputError("cannot read", source="x")
    with pytest.raises(InputError) as caught:
        pipeline_of([Explode(error=error)]).run(draft("A paragraph."))
    assert caught.value is error


@pytest.mark.usefixtures("cleaners_snapshot")
def test_custom_step_registered_with_the_decorator() -> None:
    # Registry.register returns Any; typing the decorator keeps the factory typed.
    register: Callable[[Callable[..., Step]], Callable[..., Step]]
    register = newscorpus.cleaners.register("drop_short")

    @register
    def make_drop_short(limit: int = 10) -> Step:
        return DropShort(name="drop_short", limit=limit)

    assert "drop_short" in newscorpus.cleaners
    assert newscorpus.cleaners.get("drop_short") is make_drop_short
    step = newscorpus.cleaners.get("drop_short")(limit=20)
    pipeline = pipeline_of([newscorpus.cleaners.get("normalize")(), step])
    article = newscorpus.parse(
        "Connect\u00a0with\u00a0us\n\nThe talks resumed on Monday in Brussels.\n",
        pipeline=pipeline,
    )
    assert article.text == "The talks resumed on Monday in Brussels."
    assert article.removed == (
        Removal("Connect with us", reason="shorter than 20", step="drop_short", code="drop_short"),
    )
