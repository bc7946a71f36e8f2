"""Steps declared by one decorator: settings are fields, and a pipeline has an identity."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from attrs import frozen

import newscorpus
from newscorpus import Draft, DraftBlock, ParserInfo, Pipeline, PipelineError, tuning
from newscorpus.cleaning import DEFAULT_STEPS, cleaning_step, default_pipeline
from newscorpus.cleaning.declare import step_spec
from newscorpus.cleaning.steps import Boilerplate, Chrome, Paywall, Tails

ROOT = Path(__file__).resolve().parents[2]


@cleaning_step(register=False)
class Marker:
    """Drop blocks equal to ``text`` (a module-level step, so that it pickles)."""

    name: str = "marker"
    text: str = "Advertisement"
    kinds: frozenset[str] = frozenset({"paragraph", "heading"})
    pattern: re.Pattern[str] = re.compile(r"^Ad\b")

    def __call__(self, draft: Draft) -> None:
        for block in draft.iter_kept():
            if block.text == self.text:
                draft.drop(block, "marker")


def _draft(*texts: str) -> Draft:
    return Draft([DraftBlock(i, text) for i, text in enumerate(texts)], ParserInfo("test", "0"))


def test_every_builtin_step_is_a_frozen_attrs_class_registered_by_its_name() -> None:
    for name in DEFAULT_STEPS:
        entry = next(entry for entry in newscorpus.cleaners if entry.name == name)
        assert entry.origin == "builtin"
        step = entry.value()
        kind = type(step)
        assert attrs.has(kind)
        assert step.name == name
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            step.name = "other"  # type: ignore[misc]
        assert all(field.kw_only for field in attrs.fields(kind))


def test_settings_default_to_the_tuning_table() -> None:
    assert Boilerplate().stray_label_max_words == tuning.STRAY_LABEL_MAX_WORDS
    assert Chrome().max_words == tuning.CHROME_MAX_WORDS
    assert Tails().comment_window == tuning.COMMENT_WINDOW
    assert newscorpus.cleaners.get("paywall")(max_words=3) == Paywall(max_words=3)


def test_a_setting_changes_what_the_step_does() -> None:
    notice = "This article is for subscribers only. Subscribe now to read the rest of it."
    kept = _draft(notice)
    Paywall(max_words=5)(kept)
    assert kept.kept()
    assert kept.paywall is None
    dropped = _draft(notice)
    Paywall()(dropped)
    assert not dropped.kept()
    # dropped as a notice; not the article's paywall: no text comes before it (#13)
    assert [removal.code for removal in dropped.removed()] == ["paywall.notice"]


def test_a_step_needs_a_name_field() -> None:
    class Nameless:
        limit: int = 3

        def __call__(self, draft: Draft) -> None: ...

    with pytest.raises(PipelineError, match="needs a field 'name"):
        cleaning_step(register=False)(Nameless)


@pytest.mark.usefixtures("cleaners_snapshot")
def test_the_decorator_registers_under_the_name_it_declares() -> None:
    @cleaning_step
    class Shout:
        name: str = "shout"
        limit: int = 3

        def __call__(self, draft: Draft) -> None: ...

    assert newscorpus.cleaners.get("shout") is Shout
    assert next(e for e in newscorpus.cleaners if e.name == "shout").origin == "code"
    assert Shout(limit=5).limit == 5

    class Whisper:
        name: str = "shout"

        def __call__(self, draft: Draft) -> None: ...

    with pytest.raises(newscorpus.RegistryError, match="already registered"):
        cleaning_step(Whisper)
    assert newscorpus.cleaners.get("shout") is Shout
    replacement = cleaning_step(replace=True, origin="test")(Whisper)
    assert newscorpus.cleaners.get("shout") is replacement


@pytest.mark.usefixtures("cleaners_snapshot")
def test_a_step_written_the_older_way_still_works() -> None:
    # docs/cleaning.md showed this before the decorator existed: attrs + cleaners.register.
    @newscorpus.cleaners.register("short_lines")
    @frozen
    class ShortLines:
        name: str = "short_lines"
        limit: int = 12

        def __call__(self, draft: Draft) -> None:
            for block in draft.iter_kept():
                if len(block.text) < self.limit:
                    draft.drop(block, "short")

    pipeline = Pipeline([newscorpus.cleaners.get("short_lines")(limit=20)])
    article = newscorpus.parse(
        "Hi there\n\nThe talks resumed on Monday in Brussels.\n", pipeline=pipeline
    )
    assert [(r.text, r.step) for r in article.removed] == [("Hi there", "short_lines")]
    assert pipeline.spec()[-1]["settings"] == {"limit": 20}


def test_spec_lists_the_steps_in_order_with_their_settings_as_json() -> None:
    pipeline = default_pipeline()
    spec = pipeline.spec()
    assert [entry["name"] for entry in spec] == list(DEFAULT_STEPS)
    assert json.loads(json.dumps(spec)) == spec
    boilerplate = spec[DEFAULT_STEPS.index("boilerplate")]
    assert boilerplate == {
        "name": "boilerplate",
        "type": "newscorpus.cleaning.steps.boilerplate.Boilerplate",
        "settings": {"stray_label_max_words": tuning.STRAY_LABEL_MAX_WORDS},
    }
    markup = spec[DEFAULT_STEPS.index("markup")]["settings"]
    assert markup["containers"] == sorted(markup["containers"])  # a set, sorted


def test_settings_of_any_kind_become_plain_values() -> None:
    assert step_spec(Marker())["settings"] == {
        "text": "Advertisement",
        "kinds": ["heading", "paragraph"],
        "pattern": r"^Ad\b",
    }

    class Plain:  # not an attrs class: no settings, but a type
        name = "plain"

        def __call__(self, draft: Draft) -> None: ...

    spec = step_spec(Plain())
    assert spec["settings"] == {}
    assert spec["type"].endswith("Plain")


def test_the_fingerprint_follows_steps_order_and_settings() -> None:
    pipeline = default_pipeline()
    assert re.fullmatch(r"[0-9a-f]{16}", pipeline.fingerprint())
    assert pipeline.fingerprint() == default_pipeline().fingerprint()
    assert pipeline.fingerprint() != pipeline.without("debris").fingerprint()
    changed = pipeline.replace("boilerplate", Boilerplate(stray_label_max_words=3))
    assert changed.fingerprint() != pipeline.fingerprint()
    order = ["language", "normalize", *pipeline.names[2:]]
    assert pipeline.reorder(order).fingerprint() != pipeline.fingerprint()
    assert changed.replace("boilerplate", Boilerplate()).fingerprint() == pipeline.fingerprint()


def test_the_fingerprint_is_the_same_in_another_process() -> None:
    code = "import newscorpus; print(newscorpus.default_pipeline().fingerprint())"
    environment = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run(
        [sys.executable, "-c", code], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == default_pipeline().fingerprint()


def test_pipelines_and_steps_pickle() -> None:
    pipeline = default_pipeline().insert(Marker(text="Anzeige"))
    pipeline.fingerprint()  # a cached fingerprint travels too, and stays right
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    assert copy.fingerprint() == pipeline.fingerprint()
    assert hash(copy["chrome"]) == hash(pipeline["chrome"])
    text = "Anzeige\n\nThe talks resumed on Monday in Brussels, officials said.\n"
    assert (
        newscorpus.parse(text, pipeline=copy).removed
        == newscorpus.parse(text, pipeline=pipeline).removed
    )


def test_a_pipeline_is_still_a_plain_sequence_of_steps() -> None:
    pipeline = Pipeline([Marker()])
    assert pipeline.names == ["marker"]
    assert repr(pipeline).startswith("Pipeline(steps=(Marker(")
    assert "_fingerprint" not in repr(pipeline)
